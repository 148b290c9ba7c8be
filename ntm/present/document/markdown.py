"""The document as Markdown: the built-in Jinja2 template, or an office's own, bounded (ntm.present.document.mau).

Templates hold layout only; every word comes from the view model
(ntm.present.document.model). StrictUndefined: a missing field is an error,
never a blank in an official document. Markdown is text, so nothing is
escaped, and plan text is data: it is never rendered as a template.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ntm
from ntm.diagnostics import Diagnostic
from ntm.present.document.mau import MAX_OUTPUT_CHARS, MauLoi, bounded_environment, run_bounded
from ntm.present.document.model import VanBanKeHoach

MARKDOWN_TEMPLATE = "ke-hoach.md.j2"


def template_dirs() -> list[Path]:
    """Where the built-in templates are: inside the installed package first, then the repo's templates/."""
    package = Path(ntm.__file__).resolve().parent
    return [d for d in (package / "templates", package.parent / "templates") if d.is_dir()]


_UNDEFINED_PATTERNS = (
    (re.compile(r"^'(?P<name>[^']+)' is undefined$"), "biến '{name}' không tồn tại"),
    (re.compile(r"^'(?P<obj>.+)' has no attribute '(?P<name>[^']+)'$"), "'{obj}' không có trường '{name}'"),
    (re.compile(r"^'(?P<obj>.+)' object has no attribute '(?P<name>[^']+)'$"), "'{obj}' không có trường '{name}'"),
)


def _explain_undefined(message: str | None) -> str:
    text = message or ""
    for pattern, vietnamese in _UNDEFINED_PATTERNS:
        m = pattern.match(text)
        if m:
            return vietnamese.format(**m.groupdict())
    return text


def _template_frames(exc: BaseException) -> Iterator[tuple[str, int]]:
    """(file, line) of each traceback frame that ran template code: Jinja maps them to template lines."""
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".jinja", ".jinja2")):
            yield filename, tb.tb_lineno
        tb = tb.tb_next


def _line(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if lineno:
        return int(lineno)
    frames = list(_template_frames(exc))
    return frames[-1][1] if frames else None  # the innermost template line: where the bad field is used


def _problem(template: Path, exc: BaseException) -> Diagnostic:
    """A template's failure as MAU002, at the template's line."""
    import jinja2

    params: dict[str, Any] = {"chi_tiet": str(getattr(exc, "message", None) or exc)[:300]}
    if isinstance(exc, jinja2.TemplateNotFound):
        params = {"ten": str(exc.name)[:120], "bien_the": "mau_con"}
    elif isinstance(exc, jinja2.TemplateSyntaxError):
        params["bien_the"] = "cu_phap"
    elif isinstance(exc, jinja2.UndefinedError):
        params.update(chi_tiet=_explain_undefined(exc.message), bien_the="truong")
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        params["bien_the"] = "khong_duoc_phep"
    elif isinstance(exc, RecursionError):
        params = {"bien_the": "qua_sau"}
    elif isinstance(exc, UnicodeError):
        params = {"bien_the": "ky_tu"}
    else:
        params["loai"] = type(exc).__name__
    line = _line(exc)
    return Diagnostic("MAU002", str(template), params=params, line=line, column=1 if line else None,
                      co_vi_tri=line is not None)


def _options() -> dict[str, Any]:
    import jinja2

    return {
        # A missing field stops the render: an official document never gets a silent blank.
        "undefined": jinja2.StrictUndefined,
        # Markdown is text: plan text such as "NN&PTNT" or "<dự thảo>" is printed as written.
        "autoescape": False,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }


def _context(doc: VanBanKeHoach) -> dict[str, Any]:
    context = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    context["van_ban"] = doc
    return context


def render_markdown(doc: VanBanKeHoach, template: Path | None = None) -> str:
    """The Markdown text; `template` is an office's own .md.j2 (raises MauLoi when it fails)."""
    import jinja2

    if template is None:  # ours: trusted, and bounded by the plan's size
        env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in template_dirs()]), **_options())
        return env.get_template(MARKDOWN_TEMPLATE).render(_context(doc))
    if not template.is_file():
        raise MauLoi(Diagnostic("MAU002", str(template), params={"bien_the": "khong_tim_thay"}, co_vi_tri=False))

    def render() -> str:
        env = bounded_environment(template.parent, _options())
        try:
            chunks: list[str] = []
            size = 0
            for chunk in env.get_template(template.name).generate(_context(doc)):
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:  # stop writing, not after writing gigabytes
                    raise MauLoi(Diagnostic("MAU003", str(template), params={
                        "mb": MAX_OUTPUT_CHARS // (1024 * 1024)}, co_vi_tri=False))
                chunks.append(chunk)
            text = "".join(chunks)
            text.encode("utf-8")  # a lone surrogate from a template is the template's error
            return text
        except (MauLoi, MemoryError):
            raise
        except Exception as exc:  # any failure of code the office wrote (deep nesting too) is the template's
            raise MauLoi(_problem(template, exc)) from None

    return run_bounded(render, template)
