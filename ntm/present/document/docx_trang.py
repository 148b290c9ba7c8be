"""The .docx page and styles per NĐ 30 (A4, margins, fonts, the named paragraph styles an
office template may redefine) and the builder that appends blocks to the body in linear time."""


from __future__ import annotations

import contextlib
import copy
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, Twips
from docx.text.paragraph import Paragraph

from ntm.present.document.docx_xml import (
    FONT,
    ChuThich,
    mark_size,
    no_borders,
    orient,
    page_field,
    set_fonts,
    top_rule,
)
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

_HEADING_STYLE = {MUC: STYLE_MUC, KHOAN: STYLE_KHOAN, DIEM: STYLE_DIEM, TIET: STYLE_TIET}


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
    paragraph.style = _style(document, STYLE_FORM)
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


def _add_paragraph(container: Any, style: Any) -> Any:
    """`container.add_paragraph(style=…)`, in constant time.

    python-docx scans for the default style on every call (half of a render's time),
    and inserts a body paragraph by searching the body's children for `w:sectPr` (a
    render of n paragraphs took n² steps: 48,500 paragraphs, minutes). Here the new
    paragraph goes straight before the section properties, which lxml does at once.
    """
    body = getattr(getattr(container, "element", None), "body", None)
    sect_pr = None
    if body is not None:
        with contextlib.suppress(IndexError):
            sect_pr = body[-1]  # lxml finds the last child at once
    if sect_pr is None or sect_pr.tag != qn("w:sectPr"):
        paragraph = container.add_paragraph()
    else:
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        paragraph = Paragraph(p, container._body)
    paragraph._p.style = style.style_id
    return paragraph


def _style(document: Any, name: str) -> Any:
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


def _open_base(template: Path | None) -> Any:
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


# ----------------------------------------------------------------------------- building blocks


class _Builder:
    def __init__(self, document: Any, notes: tuple[str, ...] = ()) -> None:
        self.d = document
        section = document.sections[-1]
        self.width = Emu(section.page_width - section.left_margin - section.right_margin)
        self.styles: dict[str, Any] = {}
        self.notes = notes
        self.note_ids: dict[int, int] = {}
        self.chu_thich: ChuThich | None = None
        self.landscape = bool(section.page_width > section.page_height)
        self.sections_closed = 0

    def note(self, number: int) -> int:
        """The footnote part's id of the document's note `number` (written on first use)."""
        if self.chu_thich is None:
            self.chu_thich = ChuThich(self.d)
        found = self.note_ids.get(number)
        if found is None:
            found = self.note_ids[number] = self.chu_thich.add(self.notes[number - 1],
                                                                self.style(STYLE_NOTE).style_id)
        return found

    def insert(self, element: Any) -> None:
        """A block element (a table) at the end of the body, before its section properties."""
        body = self.d.element.body
        body[-1].addprevious(element) if body[-1].tag == qn("w:sectPr") else body.append(element)

    def orientation(self, landscape: bool) -> None:
        """Continue on landscape or portrait pages: a change ends the current section here."""
        if landscape == self.landscape:
            return
        body = self.d.element.body
        closing = copy.deepcopy(body[-1])  # the section so far keeps the current orientation
        paragraph = _add_paragraph(self.d, self.style(STYLE_FORM))
        paragraph._p.get_or_add_pPr().append(closing)
        if self.sections_closed > 0:
            _drop_title_page(closing)
        self.sections_closed += 1
        orient(body[-1], landscape)
        _drop_title_page(body[-1])  # later sections number their first page too
        self.landscape = landscape

    def room(self, landscape: bool) -> int:
        sect_pr = self.d.element.body[-1]
        size, mar = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
        if size is None or mar is None:
            return int(self.width)
        width = int(size.get(qn("w:w"))) - int(mar.get(qn("w:left"))) - int(mar.get(qn("w:right")))
        return int(Twips(width))

    def finish(self) -> None:
        if self.chu_thich is not None:
            self.chu_thich.finish()

    def style(self, name: str) -> Any:
        """The named style, looked up once per render (python-docx searches the styles by XPath)."""
        found = self.styles.get(name)
        if found is None:
            found = self.styles[name] = _style(self.d, name)
        return found

    def para(self, container: Any, style: str, text: str = "", *, size: float | None = None, bold: bool | None = None,
             italic: bool | None = None, before: float | None = None, after: float | None = None) -> Any:
        paragraph = _add_paragraph(container, self.style(style))
        if text:
            lines = text.split("\n")
            for n, line in enumerate(lines):
                run = paragraph.add_run(line)
                run.font.size = Pt(size) if size else None
                run.font.bold = bold
                run.font.italic = italic
                if n < len(lines) - 1:
                    run.add_break()
        if before is not None:
            paragraph.paragraph_format.space_before = Pt(before)
        if after is not None:
            paragraph.paragraph_format.space_after = Pt(after)
        return paragraph

    def rule(self, container: Any, length: int, room: int, *, after: float = 0) -> None:
        """A centred solid rule `length` long, as the top border of a tiny indented paragraph."""
        length = max(min(length, room), int(Cm(1)))
        # 3 pt clear of the text above, so the rule is not read as an underline of it.
        paragraph = self.para(container, STYLE_FORM, before=3, after=after)
        side = Emu(max((room - length) // 2, 0))
        paragraph.paragraph_format.left_indent = side
        paragraph.paragraph_format.right_indent = side
        top_rule(paragraph)
        mark_size(paragraph, 2)

    def table(self, widths: list[int]) -> Any:
        table = self.d.add_table(rows=1, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        no_borders(table)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Emu(width)
            for cell in column.cells:
                cell.width = Emu(width)
        return table

    @staticmethod
    def fresh(cell: Any) -> Any:
        """A new cell holds one empty paragraph; remove it so the cell has only what we add."""
        for p in list(cell.paragraphs):
            p._p.getparent().remove(p._p)
        return cell


def _drop_title_page(sect_pr: Any) -> None:
    for el in sect_pr.findall(qn("w:titlePg")):
        sect_pr.remove(el)
