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

python-docx is imported only by this module and its docx_* siblings, themselves imported only by
`ntm render`, so `ntm validate` never loads it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ntm.diagnostics import Diagnostic
from ntm.present.document.docx_bang import _annex, _blocks
from ntm.present.document.docx_the_thuc import _footer, _header
from ntm.present.document.docx_trang import (
    BODY_PT,
    STYLE_BODY,
    STYLE_CAN_CU,
    STYLE_FORM,
    STYLE_MUC,
    _Builder,
    _open_base,
)
from ntm.present.document.docx_xml import (
    text_width,
)
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




def _build(doc: VanBanKeHoach, template: Path | None) -> bytes:
    document = _open_base(template)
    b = _Builder(document, doc.chu_thich)
    _header(b, doc)

    if doc.phan_dau.la_van_ban_dang:
        # HD 36 Phụ lục 3: tên loại upper case 15-16 pt bold (15 here); trích yếu 14-15 pt bold;
        # under it five hyphens (HD 36 Mục II 1.5.2, as quoted), not NĐ 30's rule.
        b.para(document, STYLE_FORM, doc.ten_loai, size=15, bold=True, before=18)
        b.para(document, STYLE_FORM, doc.trich_yeu, size=BODY_PT, bold=True)
        b.para(document, STYLE_FORM, doc.phan_cach_trich_yeu or "", size=BODY_PT, after=12)
    else:
        # NĐ 30 ô 5a: document type and trích yếu, bold and centred, a short rule under the trích yếu.
        b.para(document, STYLE_FORM, doc.ten_loai, size=BODY_PT, bold=True, before=18)
        b.para(document, STYLE_FORM, doc.trich_yeu, size=BODY_PT, bold=True)
        widest = min(text_width(doc.trich_yeu, BODY_PT, True), int(b.width))
        b.rule(document, int(widest * 0.4), int(b.width), after=12)

    for line in doc.can_cu:
        b.para(document, STYLE_CAN_CU, line)
    for text in doc.mo_dau:
        b.para(document, STYLE_BODY, text)
    for muc in doc.phan:
        b.para(document, STYLE_MUC, muc.dong_tieu_de)
        _blocks(b, muc.khoi)
    if doc.cau_ket is not None:
        b.para(document, STYLE_BODY, doc.cau_ket)
    _footer(b, doc)
    for annex in doc.phu_luc:
        _annex(b, annex)
    b.finish()
    _properties(document, doc)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
