"""The body's blocks in the .docx: paragraphs with their runs and footnotes; data tables (column
widths from the text, merged header rows repeated on each page); annexes, wide ones on landscape
pages. `blocks()` and `annex()` take the document's builder (ntm.present.document.docx_builder)."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from ntm.present.document.docx_builder import DocxBuilder
from ntm.present.document.docx_trang import BODY_PT, HEADING_STYLES, STYLE_BODY, STYLE_FORM, STYLE_LIST, STYLE_TABLE
from ntm.present.document.docx_xml import add_cell, add_row, footnote_reference, new_table
from ntm.present.document.model import GACH, Bang, Khoi, PhuLuc

_TWIPS_PER_EMU = 1 / 635
_TWIPS_PER_CHAR = 130  # an average letter of Times New Roman 12 pt, with the cell's margins shared out
_TWIPS_PER_SHORT = 112  # a letter of a short text at 12 pt (no margins shared in)
_CELL_MARGINS = 400  # twips: the cell's left and right margins, and a little air
_SHORT_CELL = 18  # letters: a column whose every cell is this short is kept on one line where room allows


def _column_widths(table: Bang, room_twips: int) -> list[int]:
    """Each column at least as wide as its longest word (a number, "12.1", never broken across
    lines), the room left shared in proportion to how much text the column holds."""
    floors, whole, wants = [], [], []
    for i, label in enumerate(table.cot):
        cells = [row[i] for row in table.dong if i < len(row) and row[i]]
        longest_word = max((len(w) for text in [label, *cells] for w in text.split()), default=2)
        longest = max((len(c) for c in cells), default=0)
        average = sum(len(c) for c in cells) / len(cells) if cells else len(label)
        floors.append((min(longest_word, 14) + 2) * _TWIPS_PER_CHAR)
        # A column of short texts ("Chưa đánh giá", "Quý II/2022") is given room for them on one line.
        whole.append(max(longest, longest_word, 3) * _TWIPS_PER_SHORT + _CELL_MARGINS if longest <= _SHORT_CELL
                     else floors[-1])
        wants.append(min(max(average, len(label) / 2), 60))
    if sum(whole) <= room_twips * 0.75:
        # a short column asks for more only for its header; the spare goes to longer text
        wants = [len(label) / 2 if w != f else want
                 for w, f, want, label in zip(whole, floors, wants, table.cot, strict=True)]
        floors = whole
    spare = max(room_twips - sum(floors), 0)
    total = sum(wants) or 1
    widths = [int(f + spare * w / total) for f, w in zip(floors, wants, strict=True)]
    widths[-1] += room_twips - sum(widths)
    return widths


def _table(b: DocxBuilder, table: Bang, room: int) -> None:
    """A data table: its title, its unit on the right, merged header rows repeated on every page,
    numbers aligned right, the totals row bold, the amount in words under it."""
    if table.tieu_de:
        title = b.para(b.document, STYLE_FORM, table.tieu_de, size=BODY_PT, bold=True, before=6)
        title.paragraph_format.keep_with_next = True
    if table.don_vi:
        unit = b.para(b.document, STYLE_TABLE, table.don_vi, italic=True)
        unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        unit.paragraph_format.keep_with_next = True
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
        b.para(b.document, STYLE_BODY, table.bang_chu, italic=True, before=6)


def annex(b: DocxBuilder, phu_luc: PhuLuc) -> None:
    """An annex starts a new page; a wide one a landscape section of its own."""
    b.orientation(phu_luc.kho_ngang)
    room = b.room(phu_luc.kho_ngang)
    first = b.para(b.document, STYLE_FORM, phu_luc.dong_tieu_de, size=BODY_PT, bold=True)
    first.paragraph_format.page_break_before = True
    lines = [first, b.para(b.document, STYLE_FORM, phu_luc.tieu_de, size=BODY_PT, bold=True),
             b.para(b.document, STYLE_FORM, phu_luc.kem_theo, size=BODY_PT, italic=True, after=12)]
    for line in lines:  # the annex's title stays with what it introduces
        line.paragraph_format.keep_with_next = True
    blocks(b, phu_luc.khoi, room)


def _runs(b: DocxBuilder, paragraph: Any, khoi: Khoi) -> None:
    for chu in khoi.chu:
        if chu.chu_thich is not None:
            footnote_reference(paragraph, b.note(chu.chu_thich))
            continue
        run = paragraph.add_run(chu.noi_dung)
        if chu.dam:
            run.font.bold = True


def blocks(b: DocxBuilder, items: tuple[Khoi | Bang, ...], room: int | None = None) -> None:
    """Paragraphs and tables, in order; a table as wide as `room` (default: the page's text width)."""
    for khoi in items:
        if isinstance(khoi, Bang):
            _table(b, khoi, room or int(b.width))
            continue
        style = HEADING_STYLES.get(khoi.loai, STYLE_LIST if khoi.loai == GACH and khoi.kieu else STYLE_BODY)
        paragraph = b.paragraph(b.document, style)
        _runs(b, paragraph, khoi)
