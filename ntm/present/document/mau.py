"""Office templates (mẫu), the one place they are checked: a .docx letterhead and a Markdown .md.j2.

A template comes from outside (e-mailed between offices), so it is read as
untrusted input, and every way it can fail is a diagnostic about the
template (MAU001-MAU003, exit 1), never a crash or an unbounded run:

* a .docx is a zip: its parts are measured before anything is unpacked (a
  zip bomb is refused: ntm.load.archive, the same limits as `ntm import`), then opened by python-docx (whose XML parser does not
  expand entities) and checked to have a page to lay the document on;
* a .md.j2 runs in Jinja2's sandbox, with huge operands refused, and in a
  child process with limits on time, memory and output size.
"""

from __future__ import annotations

import contextlib
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ntm.diagnostics import Diagnostic
from ntm.load.archive import measure_zip

MAX_SECONDS = 5  # a template render, wall clock: a real one takes well under a second
MAX_MEMORY_BYTES = 200 * 1024 * 1024  # what the child that renders may allocate beyond what it inherits
MAX_OUTPUT_CHARS = 16 * 1024 * 1024
MAX_OPERAND = 1_000_000  # "x" * n, n ** m, widths in format(): beyond this a template is not a document


class MauLoi(Exception):
    """A template that cannot be used; `diagnostic` says why and where."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


def _docx_error(template: Path, variant: str | None, **params: object) -> MauLoi:
    if variant is not None:
        params["bien_the"] = variant
    return MauLoi(Diagnostic("MAU001", str(template), params=params, co_vi_tri=False))


# ----------------------------------------------------------------------------- .docx


def check_docx_zip(template: Path) -> None:
    """Refuse a .docx whose parts would unpack too large, before python-docx unpacks them
    (the limits are those of every package from outside: ntm.load.archive)."""
    problem = measure_zip(template)
    if problem is None:
        return
    if problem.kind == "not_zip":
        raise _docx_error(template, "nen_hong")
    if problem.kind == "too_large":
        raise _docx_error(template, "qua_lon", phan=problem.part, mb=problem.limit_mb)
    raise _docx_error(template, "thieu_phan", phan=problem.part)


def open_docx(template: Path) -> Any:
    """The office's .docx, checked to be usable as the base of a plan document."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    check_docx_zip(template)
    try:
        document = Document(str(template))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
        raise _docx_error(template, "phan_hong", loai=type(exc).__name__) from None
    except Exception as exc:  # lxml's XMLSyntaxError and friends: a malformed part
        raise _docx_error(template, "phan_hong", loai=type(exc).__name__) from None
    sections = document.sections
    if len(sections) == 0 or document.element.body.sectPr is None:
        raise _docx_error(template, "thieu_trang")
    section = sections[-1]
    width, height = section.page_width, section.page_height
    if not width or not height:
        raise _docx_error(template, "thieu_kho_giay")
    margins = (section.left_margin or 0) + (section.right_margin or 0)
    if margins >= width * 0.8 or (section.top_margin or 0) + (section.bottom_margin or 0) >= height * 0.8:
        raise _docx_error(template, "le_qua_rong")
    return document


# ----------------------------------------------------------------------------- .md.j2


@dataclass(frozen=True)
class KetQuaMau:
    """What the child that rendered a template sends back: the text, or the diagnostic."""

    text: str | None
    diagnostic: Diagnostic | None


def bounded_environment(folder: Path, options: dict[str, Any]) -> Any:
    """Jinja2's sandbox, refusing operations that cost gigabytes before they start."""
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    def too_big(what: str) -> SecurityError:
        return SecurityError(f"phép tính quá lớn ({what})")

    class GioiHan(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int) and abs(right) > 64 and isinstance(left, (int, float)):
                raise too_big(f"lũy thừa {right}")
            if operator == "*":
                for count, other in ((left, right), (right, left)):
                    if isinstance(count, int) and isinstance(other, (str, list, tuple)) and count > MAX_OPERAND:
                        raise too_big(f"nhân chuỗi {count} lần")
            return super().call_binop(context, operator, left, right)

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            name = getattr(__obj, "__name__", "")
            if name in ("center", "ljust", "rjust", "zfill", "expandtabs") and any(
                isinstance(a, int) and a > MAX_OPERAND for a in (*args, *kwargs.values())
            ):
                raise too_big(f"{name}({args[0] if args else ''})")
            return super().call(__context, __obj, *args, **kwargs)

        def wrap_str_format(self, value: Any) -> Any:
            wrapper = super().wrap_str_format(value)
            if wrapper is not None:
                _widths(getattr(value, "__self__", ""))
            return wrapper

    def _widths(text: Any) -> None:
        import re

        for width in re.findall(r"(\d{7,})", str(text)):
            if int(width) > MAX_OPERAND:
                raise too_big(f"độ rộng {width}")

    def checked(name: str, original: Any) -> Any:
        def run(value: Any, *args: Any, **kwargs: Any) -> Any:
            if name == "format":
                _widths(value)
            for a in (*args, *kwargs.values()):
                if isinstance(a, int) and a > MAX_OPERAND:
                    raise too_big(f"{name}({a})")
            return original(value, *args, **kwargs)

        return run

    import jinja2

    env = GioiHan(loader=jinja2.FileSystemLoader(str(folder)), **options)
    for name in ("center", "format", "indent", "wordwrap", "truncate"):
        env.filters[name] = checked(name, env.filters[name])
    return env


def limit_child() -> None:
    """In the child that renders: memory and CPU bounded by the operating system too."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource

        resource.setrlimit(resource.RLIMIT_CPU, (MAX_SECONDS, MAX_SECONDS + 1))
        # The address space the fork inherits (interpreter, libraries, the plan) plus a fixed
        # allowance: a fixed total would be mostly taken by what is mapped before the template runs.
        inherited = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = inherited + MAX_MEMORY_BYTES
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_bounded(render: Any, template: Path) -> str:
    """`render()` (a function returning text) in a child process with limits; its text, or MauLoi.

    Where processes cannot be forked (Windows), it runs here, bounded by the sandbox alone.
    """
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        result = _guarded(render, template)
    else:
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(render, template, send), daemon=True)
        child.start()
        send.close()
        result = None
        if receive.poll(MAX_SECONDS):
            with contextlib.suppress(EOFError, OSError):
                result = receive.recv()
        child.join(1)
        if child.is_alive():
            child.kill()
            child.join()
        receive.close()
        if result is None:
            exceeded = "thoi_gian" if child.exitcode is None or child.exitcode < 0 else "bo_nho"
            limit = {"giay": MAX_SECONDS} if exceeded == "thoi_gian" else {"mb": MAX_MEMORY_BYTES // (1024 * 1024)}
            raise MauLoi(Diagnostic("MAU003", str(template), params={"bien_the": exceeded, **limit}, co_vi_tri=False))
    if result is None or result.diagnostic is not None or result.text is None:
        assert result is not None and result.diagnostic is not None
        raise MauLoi(result.diagnostic)
    return result.text


def _child(render: Any, template: Path, send: Any) -> None:
    limit_child()
    try:
        send.send(_guarded(render, template))
    finally:
        send.close()
        os._exit(0)  # no clean-up of the parent's inherited state in the child


def _guarded(render: Any, template: Path) -> KetQuaMau:
    try:
        text = render()
    except MauLoi as exc:
        return KetQuaMau(None, exc.diagnostic)
    except MemoryError:
        return KetQuaMau(None, Diagnostic("MAU003", str(template), params={
            "bien_the": "bo_nho", "mb": MAX_MEMORY_BYTES // (1024 * 1024)}, co_vi_tri=False))
    if len(text) > MAX_OUTPUT_CHARS:
        return KetQuaMau(None, Diagnostic("MAU003", str(template), params={
            "mb": MAX_OUTPUT_CHARS // (1024 * 1024)}, co_vi_tri=False))
    return KetQuaMau(text, None)
