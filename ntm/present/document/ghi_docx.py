"""The plan as a .docx laid out per Nghị định 30/2020/NĐ-CP, Phụ lục I.

Built in code with python-docx from the view model (ntm.document), on top of
either python-docx's blank document (then page setup, fonts and the page
number header are set here to NĐ 30's measurements) or an office's own
letterhead template (`--template my.docx`: its styles, page setup, headers
and footers are kept; only its body is replaced).

Why code and not a checked-in .docx template: the layout is parametric (an
optional parent agency, Party or State header, a variable number of
sections, rules whose length follows the text above them), a reviewer can
read every measurement in a diff, and there is no binary to keep in sync
with the view model.

Paragraphs use named styles ("NTM Noi dung", "NTM Can cu", …). They are
created with NĐ 30 values when the base document lacks them, so an office
restyles the body by defining these styles in its template (docs/render.md).
Only what NĐ 30 fixes element by element (sizes of the header block, Nơi
nhận, signature) is set directly on runs.

The parts: the page and named styles (docx_trang), the builder that appends to the body
(docx_builder), the header, title and signature (docx_the_thuc), the body's blocks and annexes
(docx_khoi), python-docx below its API (docx_xml). python-docx is imported only by these, which
only `ntm render` imports (ntm.present.formats.RENDER), so `ntm validate` never loads it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from ntm.diagnostics import Diagnostic
from ntm.present.document.docx_builder import DocxBuilder
from ntm.present.document.docx_khoi import annex, blocks
from ntm.present.document.docx_the_thuc import draft_mark, footer, header, title
from ntm.present.document.docx_trang import STYLE_BODY, STYLE_CAN_CU, STYLE_MUC, open_base
from ntm.present.document.docx_xml import keep_with_next
from ntm.present.document.mau import MauLoi
from ntm.present.document.model import VanBanKeHoach


def _property(text: str) -> str:
    """A file property: one line, at most the 255 characters the format allows (a long
    trích yếu is shortened there, never in the document itself)."""
    line = " ".join(text.split())
    return line if len(line) <= 255 else line[:254] + "…"


def _properties(document: Any, doc: VanBanKeHoach) -> None:
    """File properties an office sees in Word: the issuer, not "python-docx"."""
    props = document.core_properties
    issuer = _property(" ".join(doc.phan_dau.co_quan_ban_hanh_dong))
    props.title = _property(doc.trich_yeu)
    props.subject = _property(f"{doc.ten_loai} {doc.phan_dau.so_ky_hieu}")
    props.author = issuer
    props.last_modified_by = issuer
    props.language = "vi-VN"
    props.comments = "Xuất bằng ntm render"


def build_docx(doc: VanBanKeHoach, template: Path | None = None) -> bytes:
    """The document as .docx bytes (written to disk by the caller, atomically).

    With an office's template, any failure while building on it is the template's
    (MauLoi, MAU001): its styles and parts are input we did not write.
    """
    if template is None:
        return _build(doc, None)
    try:
        return _build(doc, template)
    except MauLoi:
        raise
    except Exception as exc:
        raise MauLoi(Diagnostic("MAU001", str(template), params={"bien_the": "phan_hong", "loai": type(exc).__name__},
                                co_vi_tri=False)) from None


def _keep_closing(document: Any, count: int) -> None:
    """The last body paragraph (and the closing sentence after it) go to the page of the
    signature: Nơi nhận and the signature never stand alone on the last page."""
    body = document.element.body
    blocks = [el for el in body if el.tag in (qn("w:p"), qn("w:tbl"))]
    for element in blocks[-count:]:
        keep_with_next(element)


def _build(doc: VanBanKeHoach, template: Path | None) -> bytes:
    document = open_base(template)
    b = DocxBuilder(document, doc.chu_thich)
    if doc.du_thao:
        draft_mark(b, doc.du_thao)
    header(b, doc)
    title(b, doc)
    for line in doc.can_cu:
        b.para(document, STYLE_CAN_CU, line)
    for text in doc.mo_dau:
        b.para(document, STYLE_BODY, text)
    for muc in doc.phan:
        b.para(document, STYLE_MUC, muc.dong_tieu_de)
        blocks(b, muc.khoi)
    if doc.cau_ket is not None:
        b.para(document, STYLE_BODY, doc.cau_ket)
    _keep_closing(document, 2 if doc.cau_ket is not None else 1)
    footer(b, doc)
    for phu_luc in doc.phu_luc:
        annex(b, phu_luc)
    b.finish()
    _properties(document, doc)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
