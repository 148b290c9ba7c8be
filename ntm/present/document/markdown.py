"""The document as Markdown: the built-in Jinja2 template, or an office's own in Jinja2's sandbox.

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
from ntm.present.document.model import VanBanKeHoach

MARKDOWN_TEMPLATE = "ke-hoach.md.j2"


class RenderError(Exception):
    """A template could not be rendered; the message is Vietnamese and names the template and line."""


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


def _where(exc: BaseException, fallback: str) -> str:
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None)
    if lineno:
        return f"{filename or fallback}:{lineno}"
    frames = list(_template_frames(exc))
    if frames:
        filename, lineno = frames[-1]  # the innermost template line: where the bad field is used
        return f"{filename}:{lineno}"
    return fallback


def render_markdown(doc: VanBanKeHoach, template: Path | None = None) -> str:
    """The Markdown text; `template` is an office's own .md.j2, rendered in Jinja2's sandbox."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    options: dict[str, Any] = {
        "undefined": jinja2.StrictUndefined,
        "autoescape": False,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if template is None:
        dirs = template_dirs()
        env: jinja2.Environment = jinja2.Environment(loader=jinja2.FileSystemLoader([str(d) for d in dirs]), **options)
        name, shown = MARKDOWN_TEMPLATE, f"templates/{MARKDOWN_TEMPLATE}"
    else:
        # An office's template is code we did not write: the sandbox keeps it to reading the view model.
        env = SandboxedEnvironment(loader=jinja2.FileSystemLoader(str(template.parent)), **options)
        name, shown = template.name, str(template)
    context = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    context["van_ban"] = doc
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as exc:
        if exc.name == name:
            raise RenderError(f"không tìm thấy mẫu '{shown}'.") from None
        raise RenderError(f"{_where(exc, shown)}: mẫu gọi tới mẫu con không có: '{exc.name}'.") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{_where(exc, shown)}: lỗi cú pháp Jinja2: {exc.message}.") from None
    except jinja2.UndefinedError as exc:
        raise RenderError(
            f"{_where(exc, shown)}: mẫu dùng một trường không có trong văn bản ({_explain_undefined(exc.message)}). "
            "Các trường có thể dùng: xem docs/render.md."
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise RenderError(f"{_where(exc, shown)}: mẫu làm việc không được phép ({exc}).") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"{_where(exc, shown)}: {exc}.") from None
    except Exception as exc:
        # A broken user template (e.g. a filter applied to the wrong type) is the template's
        # fault, not a bug in ntm: report it at its line. Anything else is ours: re-raise.
        if template is not None and next(_template_frames(exc), None) is not None:
            raise RenderError(f"{_where(exc, shown)}: mẫu gây lỗi {type(exc).__name__}: {exc}.") from None
        raise
