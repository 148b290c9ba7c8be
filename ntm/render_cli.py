"""`ntm render`: the plan document as Markdown or as a .docx (Nghị định 30/2020/NĐ-CP).

Stages: check the plan (load, validate, assess) -> build the one view model
(ntm.document) -> render it (Jinja2 for Markdown, python-docx for .docx) ->
write it atomically. An invalid plan's document is never written.

Exit codes (docs/render.md):
  0  written (warnings, if any, on stderr);
  1  the plan is invalid, or the template cannot be rendered (the message
     names the template and line);
  2  the command cannot be carried out as given: unknown output extension,
     a format that contradicts -o or --template, a missing plan or template
     file, an output folder that is missing or read-only, an output that
     would overwrite the plan, or a write that failed (disk full): the
     user has to change the command or the machine, not the plan.

Jinja2 and python-docx are imported inside the functions that use them, so
`ntm validate` and `ntm check` never load them.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ntm
from ntm.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from ntm.document import VanBanKeHoach

FORMAT_BY_SUFFIX = {".md": "md", ".markdown": "md", ".docx": "docx"}
MARKDOWN_TEMPLATE = "ke-hoach.md.j2"


class RenderError(Exception):
    """A template could not be rendered; the message is Vietnamese and names the template and line."""


class UsageError(Exception):
    """The command cannot be carried out as given (exit 2)."""


# ----------------------------------------------------------------------------- templates


def template_dirs() -> list[Path]:
    """Where the built-in templates are: inside the installed package first, then the repo's templates/."""
    package = Path(ntm.__file__).resolve().parent
    return [d for d in (package / "templates", package.parent / "templates") if d.is_dir()]


def _template_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".docx"):
        return "docx"
    if name.endswith((".j2", ".jinja", ".jinja2")):
        return "md"
    raise UsageError(
        f"không rõ loại mẫu '{path}': cần tệp .docx (mẫu văn bản Word) hoặc .md.j2 (mẫu Markdown Jinja2)."
    )


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
        # A missing field stops the render: an official document never gets a silent blank.
        "undefined": jinja2.StrictUndefined,
        # Markdown is text: plan text such as "NN&PTNT" or "<dự thảo>" is printed as written.
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


def render_docx(doc: VanBanKeHoach, template: Path | None = None) -> bytes:
    from ntm.docx_writer import DocxTemplateError, build_docx

    try:
        return build_docx(doc, template)
    except DocxTemplateError as exc:
        raise RenderError(str(exc)) from None


# ----------------------------------------------------------------------------- the command


def _resolve_format(output: Path | None, fmt: str | None, template: Path | None) -> str:
    """--format, else -o's extension, else the template's kind, else Markdown; contradictions are usage errors."""
    from_output = None
    if output is not None:
        from_output = FORMAT_BY_SUFFIX.get(output.suffix.lower())
        if from_output is None and fmt is None:
            known = ", ".join(FORMAT_BY_SUFFIX)
            raise UsageError(
                f"không biết xuất tệp '{output.name}' theo định dạng nào (đuôi tệp nhận biết: {known}); "
                "hãy thêm --format md hoặc --format docx."
            )
        if fmt is not None and from_output is not None and fmt != from_output:
            raise UsageError(f"--format {fmt} trái với đuôi tệp '{output.name}'.")
    from_template = _template_kind(template) if template is not None else None
    chosen = fmt or from_output or from_template or "md"
    if from_template is not None and from_template != chosen:
        raise UsageError(
            f"mẫu '{template}' dùng cho định dạng {from_template}, nhưng văn bản xuất ra là {chosen}."
        )
    return chosen


def _write_stdout(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:
        stream.write(data)
        stream.flush()
    else:  # a text-only stream (some test harnesses)
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"ntm: {message}\n")
    return code


def render_command(plan: Path, output: Path | None, fmt: str | None, template: Path | None) -> int:
    from ntm.diagnostics import has_errors
    from ntm.pipeline import check_file

    try:
        chosen = _resolve_format(output, fmt, template)
        if not plan.exists():
            raise UsageError(f"không tìm thấy tệp kế hoạch '{plan}'.")
        if not plan.is_file():
            raise UsageError(f"'{plan}' không phải là tệp kế hoạch.")
        if template is not None and not template.is_file():
            raise UsageError(f"không tìm thấy tệp mẫu '{template}'.")
        if chosen == "docx" and output is None and sys.stdout.isatty():
            raise UsageError("văn bản .docx không in ra màn hình được: hãy thêm -o ke-hoach.docx.")
    except UsageError as exc:
        return _fail(f"lỗi cách dùng: {exc}", EXIT_USAGE)

    result = check_file(plan, str(plan), with_assessment=True)
    for d in result.diagnostics:
        sys.stderr.write(d.one_line() + "\n")
    if result.plan is None or result.assessment is None or has_errors(result.diagnostics):
        return _fail("kế hoạch có lỗi (xem các dòng trên): không xuất văn bản.", EXIT_INVALID)

    from ntm.document import build_document

    doc = build_document(result.plan, result.assessment)
    try:
        data = render_docx(doc, template) if chosen == "docx" else render_markdown(doc, template).encode("utf-8")
    except RenderError as exc:
        return _fail(f"không dựng được văn bản: {exc}", EXIT_INVALID)

    if output is None:
        _write_stdout(data)
        return EXIT_OK
    from ntm.writer import OutputError, write_atomic

    try:
        write_atomic(output, data, protect=(plan,))
    except OutputError as exc:
        return _fail(f"không ghi được văn bản: {exc}", EXIT_USAGE)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail(f"không ghi được tệp '{output}' ({reason}); tệp cũ (nếu có) vẫn giữ nguyên.", EXIT_USAGE)
    sys.stderr.write(f"ntm: đã ghi {output}\n")
    return EXIT_OK
