"""The .docx page and styles per NĐ 30: A4, margins, fonts, page numbers, and the named
paragraph styles an office template may redefine (docs/render.md); the base document, blank
or the office's own."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips

from ntm.present.document.docx_xml import page_field, set_fonts
from ntm.present.document.font import FONT
from ntm.present.document.mau import open_docx
from ntm.present.document.model import DIEM, KHOAN, MUC, TIET

BODY_PT = 14  # NĐ 30: body 13-14 pt


def _mm(mm: float) -> Twips:
    """Whole twips, rounded up: .docx stores twips, and 15 mm rounded down would be 14.99 mm."""
    return Twips(math.ceil(mm * 1440 / 25.4))


# NĐ 30 Phần I mục I: A4, margins top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
PAGE_WIDTH = Twips(11906)  # A4 as Word writes it (210 mm)
PAGE_HEIGHT = Twips(16838)  # 297 mm
MARGIN_TOP = _mm(20)
MARGIN_BOTTOM = _mm(20)
MARGIN_LEFT = _mm(30)
MARGIN_RIGHT = _mm(15)
HEADER_DISTANCE = _mm(10)  # the page number sits in the top margin

STYLE_BODY = "NTM Noi dung"
STYLE_CAN_CU = "NTM Can cu"
STYLE_MUC = "NTM Muc"
STYLE_KHOAN = "NTM Khoan"
STYLE_DIEM = "NTM Diem"
STYLE_TIET = "NTM Tiet"
STYLE_LIST = "NTM Danh sach"  # items of a list whose style the plan chose (the marker is in the text)
STYLE_FORM = "NTM The thuc"  # header block, title, signature: centred, no indent
STYLE_RECIPIENTS = "NTM Noi nhan"
STYLE_TABLE = "NTM Bang"  # text in table cells
STYLE_NOTE = "NTM Chu thich"  # footnote text

# The style of each heading level of the document model.
HEADING_STYLES = {MUC: STYLE_MUC, KHOAN: STYLE_KHOAN, DIEM: STYLE_DIEM, TIET: STYLE_TIET}


# ----------------------------------------------------------------------------- styles and page


def _setup_blank(document: Any) -> None:
    """python-docx's blank document -> A4, NĐ 30 margins, Times New Roman, page numbers from page 2."""
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = HEADER_DISTANCE

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr_default.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    lang = rpr_default.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")  # Vietnamese proofing instead of English squiggles
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")

    normal = document.styles["Normal"]
    set_fonts(normal.element)
    normal.font.size = Pt(BODY_PT)

    # NĐ 30: page numbers centred in the top margin, not on the first page.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = named_style(document, STYLE_FORM)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(paragraph, BODY_PT)


@dataclass(frozen=True)
class _StyleSpec:
    size: float
    bold: bool = False
    italic: bool = False
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_indent_cm: float = 1.27  # NĐ 30: 1 cm or 1.27 cm
    after: float = 6  # NĐ 30: at least 6 pt between paragraphs
    line: float = 1.15  # NĐ 30: single to 1.5 lines
    keep_with_next: bool = False


_STYLES: dict[str, _StyleSpec] = {
    STYLE_BODY: _StyleSpec(BODY_PT),
    STYLE_CAN_CU: _StyleSpec(BODY_PT, italic=True),
    STYLE_MUC: _StyleSpec(BODY_PT, bold=True, keep_with_next=True),
    STYLE_KHOAN: _StyleSpec(BODY_PT, bold=True, keep_with_next=True),
    STYLE_DIEM: _StyleSpec(BODY_PT, bold=True, italic=True, keep_with_next=True),
    STYLE_TIET: _StyleSpec(BODY_PT, italic=True, keep_with_next=True),
    STYLE_LIST: _StyleSpec(BODY_PT),
    # NĐ 30 sets no size for tables or footnotes: 12 and 11 pt, as offices print annex tables and notes.
    STYLE_TABLE: _StyleSpec(12, align=WD_ALIGN_PARAGRAPH.LEFT, first_indent_cm=0, after=0, line=1.0),
    STYLE_NOTE: _StyleSpec(11, first_indent_cm=0, after=0, line=1.0),
    STYLE_FORM: _StyleSpec(13, align=WD_ALIGN_PARAGRAPH.CENTER, first_indent_cm=0, after=0, line=1.0),
    STYLE_RECIPIENTS: _StyleSpec(11, align=WD_ALIGN_PARAGRAPH.LEFT, first_indent_cm=0, after=0, line=1.0),
}


def named_style(document: Any, name: str) -> Any:
    """The named style: the template's own if it defines one, else created with NĐ 30 values."""
    styles = document.styles
    try:
        return styles[name]
    except KeyError:
        pass
    spec = _STYLES[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True
    set_fonts(style.element)
    style.font.size = Pt(spec.size)
    style.font.bold = spec.bold
    style.font.italic = spec.italic
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.first_line_indent = Cm(spec.first_indent_cm)
    fmt.left_indent = Cm(0)
    fmt.right_indent = Cm(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(spec.after)
    fmt.line_spacing = spec.line
    fmt.keep_with_next = spec.keep_with_next
    fmt.widow_control = True
    return style


def open_base(template: Path | None) -> Any:
    """The document to build on: python-docx's blank one set up per NĐ 30, or the office's
    template with its body emptied (its styles, page, headers and footers kept)."""
    if template is None:
        document = Document()
        _setup_blank(document)
        return document
    document = open_docx(template)  # measured, opened and checked: MauLoi when it cannot serve
    body = document.element.body
    # The template's body (sample text, placeholders) goes; its section properties
    # (page size, margins, header and footer references) stay.
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document
