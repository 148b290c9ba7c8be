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

python-docx is imported here only; this module itself is imported only by
`ntm render`, so `ntm validate` never loads it.
"""

from __future__ import annotations

import contextlib
import copy
import io
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

from ntm.diagnostics import Diagnostic
from ntm.present.document.docx_xml import (
    FONT,
    ChuThich,
    add_cell,
    add_row,
    footnote_reference,
    keep_row_together,
    mark_size,
    new_table,
    no_borders,
    orient,
    page_field,
    set_fonts,
    text_width,
    top_rule,
)
from ntm.present.document.mau import MauLoi, open_docx
from ntm.present.document.model import DIEM, GACH, KHOAN, MUC, TIET, Bang, Khoi, PhuLuc, VanBanKeHoach

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


# Words that start the name of an administrative unit: offices break an agency
# name before them ("ỦY BAN NHÂN DÂN" / "XÃ HƯƠNG SƠN"), never inside the agency type.
_UNIT_WORDS = {"XÃ", "PHƯỜNG", "THỊ", "HUYỆN", "QUẬN", "TỈNH", "THÀNH", "ĐẶC"}


def _wrap_name(text: str, room: int, size: float, bold: bool) -> list[str]:
    """Lines of an agency name: as written if it fits (or has line breaks), else two or three lines.

    A line break written in the plan is the office's choice and is kept (each line then wrapped
    on its own only if it does not fit). Otherwise the break goes before the unit
    ("ỦY BAN NHÂN DÂN" / "XÃ HƯƠNG SƠN") when the lines then fit; otherwise where the longest
    line is shortest. No line is left with one orphan word while another split fits.
    """
    if "\n" in text:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return [part for line in lines for part in _wrap_name(line, room, size, bold)]
    if text_width(text, size, bold) <= room:
        return [text]
    words = text.split()
    n = len(words)
    cuts: list[list[str]] = [[" ".join(words[:a]), " ".join(words[a:])] for a in range(1, n)]
    cuts += [[" ".join(words[:a]), " ".join(words[a:b]), " ".join(words[b:])]
             for a in range(1, n) for b in range(a + 1, n)]
    if not cuts:
        return [text]

    def widest(lines: list[str]) -> int:
        return max(text_width(line, size, bold) for line in lines)

    fitting = [c for c in cuts if widest(c) <= room] or cuts
    whole = [c for c in fitting if all(" " in line for line in c)] or fitting  # no orphan word
    fewest = min(len(c) for c in whole)
    best = [c for c in whole if len(c) == fewest]
    at_unit = [c for c in best if all(line.split()[0] in _UNIT_WORDS for line in c[1:])]
    return min(at_unit or best, key=widest)


_CELL_PADDING = Cm(0.19) * 2  # Word's default left + right cell margins


def _header_columns(width: int, quoc_hieu: str, party: bool, date_line: str = "") -> tuple[int, int, float]:
    """Column widths and the Quốc hiệu size: the right column is as wide as one line of it needs.

    NĐ 30 sets the Quốc hiệu at 12-13 pt on one line (the Party title at 15 pt);
    the largest size that fits while leaving the agency at least 38% wins.
    """
    sizes = (15.0,) if party else (13.0, 12.0)
    for pt in sizes:
        # The place and date (14 pt italic, about as wide as upright) share the column.
        need = int(max(text_width(quoc_hieu, pt, True), text_width(date_line, 14)) + _CELL_PADDING + Cm(0.1))
        if need <= width * 0.62:
            # A Party header's right column holds one title line: the issuer's levels (14 pt)
            # get all the rest.
            right = need if party else max(need, int(width * 0.55))
            return width - right, right, pt
    right = int(width * 0.62)  # a page too narrow for one line: let it wrap
    return width - right, right, sizes[-1]


def _header(b: _Builder, doc: VanBanKeHoach) -> None:
    head = doc.phan_dau
    party = head.la_van_ban_dang
    left_w, right_w, title_pt = _header_columns(int(b.width), head.quoc_hieu, party, head.dia_danh_ngay)
    table = b.table([left_w, right_w])
    table.add_row()
    left, right = (b.fresh(c) for c in table.rows[0].cells)
    left_room, right_room = left_w - _CELL_PADDING, right_w - _CELL_PADDING

    # Left: parent agency (upright), issuing agency (bold, upper case), a short rule (or "*").
    # HD 36 Phụ lục 3 (rows "Tên cơ quan cấp trên trực tiếp" / "Tên cơ quan ban hành"): 14 pt, the
    # superior body upright, the issuer bold; NĐ 30 ô 2: 12-13 pt. A line break in co_quan_chu_quan
    # is one more level (ĐẢNG BỘ HUYỆN … / ĐẢNG ỦY XÃ …), each upright.
    name_pt = 14 if party else 13
    if head.co_quan_chu_quan:
        for line in _wrap_name(head.co_quan_chu_quan, left_room, name_pt, False):
            b.para(left, STYLE_FORM, line, size=name_pt, bold=False)
    names = _wrap_name(head.co_quan_ban_hanh, left_room, name_pt, True)
    for line in names:
        b.para(left, STYLE_FORM, line, size=name_pt, bold=True)
    if party:
        # HD 36 Mục II 1.2 examples and its own header: an asterisk under the issuer, no rule.
        b.para(left, STYLE_FORM, "*", size=name_pt)
    else:
        # NĐ 30: a rule 1/3 to 1/2 as long as the agency name; 2/5 is safely inside both bounds.
        widest = max(text_width(line, name_pt, True) for line in names)
        b.rule(left, int(widest * 0.4), left_room)

    # Right: Quốc hiệu, and Tiêu ngữ with a rule as long as itself; Party: ĐẢNG CỘNG SẢN VIỆT NAM
    # (HD 36 Phụ lục 3: upper case, 15 pt, bold), over a solid rule as long as itself (HD 36 Mục II 1.1).
    b.para(right, STYLE_FORM, head.quoc_hieu, size=title_pt, bold=True)
    if party:
        b.rule(right, text_width(head.quoc_hieu, title_pt, True), right_room)
    else:
        motto = head.tieu_ngu or ""
        b.para(right, STYLE_FORM, motto, size=14, bold=True)
        b.rule(right, text_width(motto, 14, True), right_room)

    # Second row, so that Số and the date share a line whatever the names' heights.
    # HD 36 Phụ lục 3: "Số 14-KH/BCĐ" 14 pt upright, no colon; place and date 14 pt italic.
    left2, right2 = (b.fresh(c) for c in table.rows[1].cells)
    b.para(left2, STYLE_FORM, head.so_ky_hieu, size=14 if party else 13, before=6)
    b.para(right2, STYLE_FORM, head.dia_danh_ngay, size=14, italic=True, before=6)
    keep_row_together(table)


def _runs(b: _Builder, paragraph: Any, khoi: Khoi) -> None:
    for chu in khoi.chu:
        if chu.chu_thich is not None:
            footnote_reference(paragraph, b.note(chu.chu_thich))
            continue
        run = paragraph.add_run(chu.noi_dung)
        if chu.dam:
            run.font.bold = True


def _blocks(b: _Builder, blocks: tuple[Khoi | Bang, ...], room: int | None = None) -> None:
    for khoi in blocks:
        if isinstance(khoi, Bang):
            _table(b, khoi, room or int(b.width))
            continue
        style = _HEADING_STYLE.get(khoi.loai, STYLE_LIST if khoi.loai == GACH and khoi.kieu else STYLE_BODY)
        paragraph = _add_paragraph(b.d, b.style(style))
        _runs(b, paragraph, khoi)


_TWIPS_PER_EMU = 1 / 635


_TWIPS_PER_CHAR = 130  # an average letter of Times New Roman 12 pt, with the cell's margins shared out


def _column_widths(table: Bang, room_twips: int) -> list[int]:
    """Each column at least as wide as its longest word (a number, "12.1", never broken across
    lines), the room left shared in proportion to how much text the column holds."""
    floors, wants = [], []
    for i, label in enumerate(table.cot):
        cells = [row[i] for row in table.dong if i < len(row) and row[i]]
        longest_word = max((len(w) for text in [label, *cells] for w in text.split()), default=2)
        average = sum(len(c) for c in cells) / len(cells) if cells else len(label)
        floors.append((min(longest_word, 14) + 2) * _TWIPS_PER_CHAR)
        wants.append(min(max(average, len(label) / 2), 60))
    spare = max(room_twips - sum(floors), 0)
    total = sum(wants) or 1
    widths = [int(f + spare * w / total) for f, w in zip(floors, wants, strict=True)]
    widths[-1] += room_twips - sum(widths)
    return widths


def _table(b: _Builder, table: Bang, room: int) -> None:
    """A data table: its title, its unit on the right, merged header rows repeated on every page,
    numbers aligned right, the totals row bold, the amount in words under it."""
    if table.tieu_de:
        b.para(b.d, STYLE_FORM, table.tieu_de, size=BODY_PT, bold=True, before=6)
    if table.don_vi:
        unit = b.para(b.d, STYLE_TABLE, table.don_vi, italic=True)
        unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    widths = _column_widths(table, int(room * _TWIPS_PER_EMU))
    tbl = new_table(widths)
    style_id = b.style(STYLE_TABLE).style_id
    # Header cells: a cell spanning rows is written once ("restart") and continued below.
    pending: dict[int, int] = {}  # column -> header rows still covered by a cell from above
    for header in table.hang_tieu_de:
        tr = add_row(tbl, header=True)
        cells = iter(header)
        col = 0
        while col < table.so_cot:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                add_cell(tr, widths[col], style_id, "", merge="continue", align="center")
                col += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            width = sum(widths[col:col + cell.so_cot])
            merge = "restart" if cell.so_dong > 1 else None
            add_cell(tr, width, style_id, cell.noi_dung, span=cell.so_cot, merge=merge, bold=True, align="center")
            if cell.so_dong > 1:
                pending[col] = cell.so_dong - 1
            col += cell.so_cot
    last = len(table.dong) - 1
    for n, row in enumerate(table.dong):
        tr = add_row(tbl)
        bold = table.dong_tong and n == last
        for col, text in enumerate(row):
            align = "right" if table.can_phai[col] else None
            add_cell(tr, widths[col], style_id, text, bold=bold, align=align)
    b.insert(tbl)
    if table.bang_chu:
        b.para(b.d, STYLE_BODY, table.bang_chu, italic=True, before=6)


def _annex(b: _Builder, annex: PhuLuc) -> None:
    """An annex starts a new page; a wide one a landscape section of its own."""
    b.orientation(annex.kho_ngang)
    room = b.room(annex.kho_ngang)
    first = b.para(b.d, STYLE_FORM, annex.dong_tieu_de, size=BODY_PT, bold=True)
    first.paragraph_format.page_break_before = True
    b.para(b.d, STYLE_FORM, annex.tieu_de, size=BODY_PT, bold=True)
    b.para(b.d, STYLE_FORM, annex.kem_theo, size=BODY_PT, italic=True, after=12)
    _blocks(b, annex.khoi, room)


def _footer(b: _Builder, doc: VanBanKeHoach) -> None:
    left_w = int(b.width * 0.45)
    table = b.table([left_w, int(b.width) - left_w])
    left, right = (b.fresh(c) for c in table.rows[0].cells)
    if doc.phan_dau.la_van_ban_dang:
        # Party form (HD 36 box 9a-9b; the values as two secondary tables give them, HD 36's own rows
        # for Nơi nhận were not seen, docs/render.md): "Nơi nhận:" 14 pt upright underlined; the list 12 pt.
        heading = b.para(left, STYLE_RECIPIENTS, "Nơi nhận:", size=14, bold=False, italic=False, before=6)
        heading.runs[0].font.underline = True
        for line in doc.noi_nhan:
            b.para(left, STYLE_RECIPIENTS, line, size=12)
    else:
        # NĐ 30 ô 9b: "Nơi nhận:" 12 pt bold italic, on the line of the signing authority; the list 11 pt.
        b.para(left, STYLE_RECIPIENTS, "Nơi nhận:", size=12, bold=True, italic=True, before=6)
        for line in doc.noi_nhan:
            b.para(left, STYLE_RECIPIENTS, line)
    # NĐ 30 ô 7: authority and title 13-14 pt bold upper case; a space to sign; the name bold.
    sig = doc.chu_ky
    for n, line in enumerate(sig.dong):
        b.para(right, STYLE_FORM, line, size=BODY_PT, bold=True, before=6 if n == 0 else None)
    for _ in range(4):
        b.para(right, STYLE_FORM, "", size=BODY_PT)
    b.para(right, STYLE_FORM, sig.ho_ten, size=BODY_PT, bold=True)
    keep_row_together(table)


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


def _drop_title_page(sect_pr: Any) -> None:
    for el in sect_pr.findall(qn("w:titlePg")):
        sect_pr.remove(el)


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
