"""`ntm render` and `ntm schema`: the plan document (Markdown, .docx) and the plan's JSON Schema.

Stages: check the plan (load, validate, assess) -> build the document view
(ntm.present.document.model) -> render it (Jinja2 for Markdown, python-docx
for .docx) -> write it atomically. An invalid plan's document is never
written. Exit codes: docs/render.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ntm.cli import EXIT_INVALID, EXIT_OK
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics.params import Cau

FORMAT_BY_SUFFIX = {".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf"}
# The office template kind each output format is built from: a PDF is the .docx, converted.
TEMPLATE_KIND = {"md": "md", "docx": "docx", "pdf": "docx"}


def _usage(key: str, **params: object) -> LoiCachDung:
    return LoiCachDung(Cau(key, params), None)


def _template_kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".docx"):
        return "docx"
    if name.endswith((".j2", ".jinja", ".jinja2")):
        return "md"
    raise _usage("van_ban.loai_mau", tep=str(path))


def _resolve_format(output: Path | None, fmt: str | None, template: Path | None) -> str:
    """--format, else -o's extension, else the template's kind, else Markdown; contradictions are usage errors."""
    from_output = None
    if output is not None:
        from_output = FORMAT_BY_SUFFIX.get(output.suffix.lower())
        if from_output is None and fmt is None:
            raise _usage("van_ban.duoi_tep", tep=output.name, cac_duoi=", ".join(FORMAT_BY_SUFFIX))
        if fmt is not None and from_output is not None and fmt != from_output:
            raise _usage("van_ban.trai_duoi_tep", dinh_dang=fmt, tep=output.name)
    from_template = _template_kind(template) if template is not None else None
    chosen = fmt or from_output or from_template or "md"
    if from_template is not None and from_template != TEMPLATE_KIND[chosen]:
        raise _usage("van_ban.mau_khac_dinh_dang", tep=str(template), mau=from_template, dinh_dang=chosen)
    return chosen


def _say(text: str) -> None:
    sys.stderr.write(f"ntm: {text}\n")


def render_command(plan: Path, output: Path | None, fmt: str | None, template: Path | None,
                   anywhere: bool = False) -> int:
    from ntm.diagnostics import has_errors
    from ntm.present.messages import one_line, phrase
    from ntm.run import check_file

    chosen = _resolve_format(output, fmt, template)
    if not plan.exists():
        raise _usage("van_ban.khong_co_ke_hoach", tep=str(plan))
    if not plan.is_file():
        raise _usage("van_ban.khong_phai_tep", tep=str(plan))
    if template is not None and not template.is_file():
        raise _usage("van_ban.khong_co_mau", tep=str(template))
    if chosen in ("docx", "pdf") and output is None and sys.stdout is not None and sys.stdout.isatty():
        raise _usage(f"van_ban.{chosen}_man_hinh")
    if chosen == "pdf":
        from ntm.present.document.pdf import find_libreoffice

        if find_libreoffice() is None:  # said before the plan is even read: nothing to do without it
            raise LoiCachDung(Cau("pdf.thieu_libreoffice"), None, nhan=False)

    result = check_file(plan, str(plan), assessing=True, anywhere=anywhere)
    for d in result.diagnostics:
        sys.stderr.write(one_line(d) + "\n")
    if result.plan is None or result.assessment is None or has_errors(result.diagnostics):
        _say(phrase(Cau("van_ban.ke_hoach_loi")))
        return EXIT_INVALID

    from ntm.present.document.build import build_document
    from ntm.present.document.mau import MauLoi

    doc = build_document(result.plan, result.assessment)
    try:
        if chosen in ("docx", "pdf"):
            from ntm.present.document.ghi_docx import build_docx

            data = build_docx(doc, template)
        else:
            from ntm.present.document.markdown import render_markdown

            data = render_markdown(doc, template).encode("utf-8")
    except MauLoi as exc:  # the office's template, not the plan: said where in the template
        sys.stderr.write(one_line(exc.diagnostic) + "\n")
        _say(phrase(Cau("van_ban.khong_dung_duoc")))
        return EXIT_INVALID

    if chosen == "pdf":
        from ntm.present.document.pdf import PdfLoi, docx_to_pdf

        try:
            data = docx_to_pdf(data)
        except PdfLoi as exc:
            raise LoiCachDung(Cau(exc.key, exc.params), None, nhan=False) from None

    from ntm.present.output import Luong, OutputError, write_atomic

    if output is None:
        Luong(sys.stdout).write_bytes(data)
        return EXIT_OK
    # Never replace an input of this run: the plan, the template, a criteria file it read.
    read = result.catalog.tep if result.catalog is not None else ()
    inputs = (plan, *((template,) if template else ()), *(Path(p) for p in read))
    try:
        write_atomic(output, data, inputs)
    except OutputError as exc:
        raise LoiCachDung(Cau("ghi.van_ban", {"ly_do": exc.cau}), None, nhan=False) from None
    _say(phrase(Cau("ghi.da_ghi", {"tep": str(output)})))
    return EXIT_OK


def schema_command(output: Path | None) -> int:
    from ntm.plan.schema import schema_text
    from ntm.present.output import Luong, OutputError, write_atomic

    text = schema_text()
    if output is None:
        out = Luong(sys.stdout)
        out.write(text)
        out.flush()
        return EXIT_OK
    if output.suffix.lower() in (".yaml", ".yml"):
        # `-o` next to plans: a slip of the hand must not replace a plan with a schema.
        raise LoiCachDung(Cau("ghi.luoc_do_yaml", {"tep": str(output)}), "ntm schema")
    try:
        write_atomic(output, text.encode("utf-8"))
    except OutputError as exc:  # a missing or read-only folder is the caller's to fix
        raise LoiCachDung(exc.cau, None, nhan=False) from None
    return EXIT_OK
