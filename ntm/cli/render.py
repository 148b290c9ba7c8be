"""`ntm render`: the plan document (Markdown, .docx, PDF), and the plan's diagnostics.

Stages: check the plan (load, validate, assess) -> build the document view
(ntm.present.document.model) -> write it in the format chosen from
ntm.present.formats.RENDER -> report the diagnostics through `check`'s reporters
-> write the document atomically. An invalid plan's document is never written.
Exit codes: docs/render.md.

`--format` names either the document's format (md, docx, pdf) or the diagnostics'
(text, json, github, junit). The document goes to -o or, without it, to standard
output; the diagnostics go to standard error as text, or to standard output in a
machine format, which therefore needs -o.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ntm.cli import EXIT_INVALID, EXIT_OK
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics import MucDo, has_errors
from ntm.diagnostics.params import Cau
from ntm.present.formats import CHECK, RENDER, TEMPLATE_SUFFIXES, Format
from ntm.present.kiem_tra import Totals
from ntm.present.messages import phrase
from ntm.present.output import Luong, OutputError, check_writable, write_atomic
from ntm.present.view import ChanDoan, KiemTra, kiem_tra
from ntm.run import check_file
from ntm.run.bo_qua import config_for
from ntm.run.one import repository_root

if TYPE_CHECKING:
    from ntm.run import KetQuaTep

if TYPE_CHECKING:
    from ntm.present.formats import DocumentWriter

TEXT = "text"  # the diagnostics for a person: on standard error, beside the document
FOR_A_PERSON = (TEXT, "concise")


def _usage(key: str, **params: object) -> LoiCachDung:
    return LoiCachDung(Cau(key, params), None)


def _template_kind(path: Path) -> str:
    name = path.name.lower()
    for kind, suffixes in TEMPLATE_SUFFIXES.items():
        if name.endswith(suffixes):
            return kind
    raise _usage("van_ban.loai_mau", tep=str(path))


def _either(names: tuple[str, ...]) -> str:
    """'--format md, --format docx hoặc --format pdf'."""
    options = [f"--format {n}" for n in names]
    return ", ".join(options[:-1]) + f" hoặc {options[-1]}" if len(options) > 1 else options[0]


def resolve_formats(output: Path | None, fmt: str | None, template: Path | None) -> tuple[Format[DocumentWriter], str]:
    """(the document's format, the diagnostics' format). The document's: --format, else -o's
    suffix, else the template's kind, else Markdown; contradictions are usage errors."""
    diagnostics = fmt if fmt is not None and fmt in CHECK else TEXT
    if diagnostics not in FOR_A_PERSON and output is None:
        raise _usage("van_ban.chan_doan_can_tep", dinh_dang=diagnostics)
    asked = RENDER[fmt] if fmt is not None and fmt in RENDER else None
    from_output = None
    if output is not None:
        from_output = RENDER.by_suffix(output)
        if from_output is None and asked is None:
            # --format already names the diagnostics' format: only the file's suffix can name the document's
            hint: str | Cau = _either(RENDER.names) if fmt is None else Cau("van_ban.duoi_cho_van_ban", {"dinh_dang": fmt})
            raise _usage("van_ban.duoi_tep", tep=output.name, cac_duoi=", ".join(RENDER.suffixes), cac_tuy_chon=hint)
        if asked is not None and from_output is not None and asked.name != from_output.name:
            raise _usage("van_ban.trai_duoi_tep", dinh_dang=asked.name, tep=output.name)
    from_template = _template_kind(template) if template is not None else None
    by_template = next((f for f in RENDER.formats if f.template == from_template), None)
    chosen = asked or from_output or by_template or RENDER[str(RENDER.default)]
    if from_template is not None and from_template != chosen.template:
        raise _usage("van_ban.mau_khac_dinh_dang", tep=str(template), mau=from_template, dinh_dang=chosen.name)
    return chosen, diagnostics


def _unwritable(output: Path, inputs: tuple[Path, ...]) -> LoiCachDung | None:
    try:
        check_writable(output, inputs)
    except OutputError as exc:
        return LoiCachDung(Cau("ghi.van_ban", {"ly_do": exc.cau}), None, nhan=False)
    return None


def _say(text: str) -> None:
    sys.stderr.write(f"ntm: {text}\n")


def report(view: KiemTra, fmt: str) -> None:
    """The plan's diagnostics through `check`'s reporters: text on standard error (standard
    output may carry the document), a machine format on standard output (the document is in -o)."""
    out = Luong(sys.stderr if fmt in FOR_A_PERSON else sys.stdout)
    reporter = CHECK[fmt].load()(out, "render", False, False)
    totals = Totals()
    totals.add(view)
    reporter.outcome(view)
    reporter.finish(totals)
    out.flush()


def _placeholders_refused(result: KetQuaTep) -> bool:
    """A plan still holding `[ĐIỀN: …]`: each warning KH012 becomes the error VB009 (same place),
    since a document that prints them cannot be signed. Whether any was found."""
    found = False
    for n, d in enumerate(result.diagnostics):
        if d.code == "KH012":
            result.diagnostics[n] = dataclasses.replace(d, code="VB009")
            found = True
    # An accepted KH012 (`# ntm: bo-qua KH012`) lets `check` pass, never a document be signed.
    for accepted in [c for c in result.da_chap_nhan if c.diagnostic.code == "KH012"]:
        result.da_chap_nhan.remove(accepted)
        result.diagnostics.append(dataclasses.replace(accepted.diagnostic, code="VB009"))
        found = True
    return found


def render_command(plan: Path, output: Path | None, fmt: str | None, template: Path | None,
                   anywhere: bool = False, cau_hinh: str | None = None, hien_bo_qua: bool = False,
                   du_thao: bool = False) -> int:
    from ntm.cli.plans import config_path

    document, diagnostics = resolve_formats(output, fmt, template)
    given_config = config_path(cau_hinh)
    if not plan.exists():
        raise _usage("van_ban.khong_co_ke_hoach", tep=str(plan))
    if not plan.is_file():
        raise _usage("van_ban.khong_phai_tep", tep=str(plan))
    if template is not None and not template.is_file():
        raise _usage("van_ban.khong_co_mau", tep=str(template))
    if document.binary and output is None and sys.stdout is not None and sys.stdout.isatty():
        raise _usage(f"van_ban.{document.name}_man_hinh")
    if document.name == "pdf":
        from ntm.present.document.pdf import find_libreoffice  # only a PDF needs it

        if find_libreoffice() is None:  # said before the plan is even read: nothing to do without it
            raise LoiCachDung(Cau("pdf.thieu_libreoffice"), None, nhan=False)

    result = check_file(plan, str(plan), assessing=True, anywhere=anywhere, cau_hinh=given_config)
    placeholders = not du_thao and _placeholders_refused(result)
    view = kiem_tra(result, "render", hien_bo_qua)
    config = config_for(plan, repository_root(plan.parent), given_config)
    if config is not None and config.diagnostics:  # the repository's ntm.toml: said with the plan's own
        own = tuple(ChanDoan.of(d) for d in config.diagnostics)
        view = dataclasses.replace(view, chan_doan=(*own, *view.chan_doan),
                                   hop_le=view.hop_le and not any(d.muc_do is MucDo.LOI for d in own))
    data = b""
    refused: Cau | None = None  # the plan or the template stops the document (exit 1)
    failed: LoiCachDung | None = None  # the conversion to PDF, or a target that cannot be written (exit 2)
    # Never replace an input of this run: the plan, the template, a criteria file it read.
    read = result.catalog.tep if result.catalog is not None else ()
    inputs = (plan, *((template,) if template else ()), *(Path(p) for p in read))
    if result.plan is None or result.assessment is None or has_errors(result.diagnostics):
        only_placeholders = placeholders and not any(d.code != "VB009" and d.level is MucDo.LOI
                                                     for d in result.diagnostics)
        refused = Cau("van_ban.con_cho_dien" if only_placeholders else "van_ban.ke_hoach_loi")
    elif output is not None and (unwritable := _unwritable(output, inputs)) is not None:
        failed = unwritable  # said now, not after a conversion that could not be kept
    else:
        from ntm.present.document.build import build_document  # an invalid plan needs no document
        from ntm.present.document.mau import MauLoi

        try:
            data = document.load()(build_document(result.plan, result.assessment, du_thao=du_thao), template)
        except MauLoi as exc:  # the office's template, not the plan: said where in the template
            view = dataclasses.replace(view, hop_le=False, chan_doan=(*view.chan_doan, ChanDoan.of(exc.diagnostic)))
            refused = Cau("van_ban.khong_dung_duoc")
        except OutputError as exc:  # LibreOffice could not make the PDF
            failed = LoiCachDung(exc.cau, None, nhan=False)
    report(view, diagnostics)
    if failed is not None:
        raise failed
    if refused is not None:
        _say(phrase(refused))
        return EXIT_INVALID

    if output is None:
        Luong(sys.stdout).write_bytes(data)
        return EXIT_OK
    try:
        write_atomic(output, data, inputs)
    except OutputError as exc:
        raise LoiCachDung(Cau("ghi.van_ban", {"ly_do": exc.cau}), None, nhan=False) from None
    _say(phrase(Cau("ghi.da_ghi", {"tep": str(output)})))
    return EXIT_OK
