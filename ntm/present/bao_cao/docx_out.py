"""The report as a .docx of numbered annexes, laid out per Nghị định 30, to attach to a báo cáo.

A first page names the report (province and period), its scope and the
annexes; then each table is an annex ("PHỤ LỤC I", its title in capitals, the
line "(Kèm theo Báo cáo số …)" left for the office to fill in), on a page of
its own, a wide table in a landscape section. Header rows repeat on every
page, numbers are right-aligned and written the Vietnamese way (the same
text as the .md and .html, `dinh_dang.chu`).

A table's font is the largest of 11-7 pt at which its columns fit the page
(widths measured with Times New Roman's metrics, `font.text_width`). A
matrix is printed as marks (✓, ✗, ?) under the criteria's numbers, with a
legend naming each mark and criterion; the columns that only repeat what
the annex's title says or that belong to a spreadsheet (province, region,
the standard aimed at, the file) are left to the .xlsx.

Built on the plan renderer's seams (ntm.present.document): the NĐ 30 page
and styles (`docx_trang.open_base`), the builder (`DocxBuilder`: paragraphs,
landscape sections) and the table XML (`docx_xml`).
"""

from __future__ import annotations

import io
import re
from typing import Any

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.dinh_dang import chu, pham_vi_chu
from ntm.present.bao_cao.model import Bang, BaoCao, Kieu, OTrangThai
from ntm.tong_hop.tom_tat import TrangThaiTieuChi as T

MARKS: dict[T, str] = {
    T.dat: "✓", T.dat_tu_danh_gia: "✓*", T.chua_dat: "✗", T.chua_dat_tu_danh_gia: "✗*",
    T.thieu_so_lieu: "?", T.chua_co_muc: "–", T.danh_muc_chua_du: "…",
}
SIZES = (11.0, 10.0, 9.0, 8.0, 7.0)  # a table's font: the largest at which it fits
LANDSCAPE_FROM = 8  # tables of more columns go on landscape pages
MATRIX_LEFT_OUT = frozenset({"tinh", "vung", "chuan", "tep"})  # in the annex's title or the .xlsx
_PADDING_TWIPS = 2 * 108 + 20  # Word's cell margins (0.19 cm a side) and the rules
_NUMBER = re.compile(r"^(\d+[a-zđ]?)\.\s")
_WIDE_MARKS = str.maketrans("✓✗", "WW")


def _twips(text: str, size: float, bold: bool = False) -> int:
    from ntm.present.document.font import text_width

    # The marks come from a fallback font, about as wide as a capital W.
    return int(text_width(text.translate(_WIDE_MARKS), size, bold)) // 635


def _longest_word(texts: list[str], size: float, bold: bool = False) -> int:
    words = [w[:14] for t in texts for w in t.split()] or [""]  # a longer "word" (a path) may break
    return max(_twips(w, size, bold) for w in words)


def column_widths(head: list[str], rows: list[list[str]], room: int) -> tuple[list[int], float]:
    """Column widths (twips) and the font size: the largest size at which every cell fits on one line (up to
    three times its longest word), else the largest at which every word does; the room left is shared."""
    columns = [[row[i] for row in rows if row[i]] for i in range(len(head))]

    def floors(size: float) -> list[int]:
        return [max(_longest_word([h], size, True), _longest_word(c, size)) + _PADDING_TWIPS
                for h, c in zip(head, columns, strict=True)]

    def whole(size: float) -> list[int]:
        return [max(f, min(max((_twips(t, size) for t in c), default=0) + _PADDING_TWIPS, 3 * f))
                for f, c in zip(floors(size), columns, strict=True)]

    chosen = next((size for size in SIZES if sum(whole(size)) <= room), None)
    if chosen is not None:
        widths = whole(chosen)
        spare = room - sum(widths)
        widths = [w + spare // len(widths) for w in widths]
    else:
        chosen = next((size for size in SIZES if sum(floors(size)) <= room), SIZES[-1])
        low, high = floors(chosen), whole(chosen)
        if sum(low) > room:  # even at 7 pt: every column shrunk alike, words may break
            widths = [f * room // sum(low) for f in low]
        else:  # the room left goes where whole lines need it
            need = [h - f for f, h in zip(low, high, strict=True)]
            spare = room - sum(low)
            widths = [f + spare * n // (sum(need) or 1) for f, n in zip(low, need, strict=True)]
    widths[-1] += room - sum(widths)
    return widths, chosen


def _matrix(b: Bang) -> tuple[list[str], list[list[str]], list[bool], list[str]]:
    """The matrix for print: marks under the criteria's numbers; a legend of marks and criteria."""
    keep = [i for i, c in enumerate(b.cot) if c.ma not in MATRIX_LEFT_OUT]
    head, names = [], []
    for i in keep:
        c = b.cot[i]
        found = _NUMBER.match(c.nhan) if c.kieu is Kieu.trang_thai else None
        head.append(found.group(1) if found else c.nhan)
        if found:
            names.append(c.nhan)
    rows = [[MARKS[v.ma] if isinstance(v := row[i], OTrangThai) else chu(b.cot[i].kieu, v) for i in keep]
            for row in b.dong]
    right = [b.cot[i].kieu not in (Kieu.chu, Kieu.trang_thai) for i in keep]
    marks = "; ".join(f"{MARKS[code]} {nhan.o_trang_thai(code)}" for code in nhan.CHU_GIAI)
    legend = [f"{nhan.CHU_GIAI_TIEU_DE}: {marks}.", f"{nhan.TIEU_CHI}: {'; '.join(names)}."]
    return head, rows, right, legend


def _table(builder: Any, b: Bang, room: int) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    from ntm.present.document.docx_trang import STYLE_BODY, STYLE_TABLE
    from ntm.present.document.docx_xml import add_cell, add_row, new_table

    if any(c.kieu is Kieu.trang_thai for c in b.cot):
        head, rows, right, legend = _matrix(b)
    else:
        head = [c.nhan for c in b.cot]
        rows = [[chu(c.kieu, v) for c, v in zip(b.cot, row, strict=True)] for row in b.dong]
        right = [c.kieu not in (Kieu.chu, Kieu.trang_thai) for c in b.cot]
        legend = []
    for line in legend:
        builder.para(builder.document, STYLE_BODY, line, size=11, after=3)
    if not rows:
        builder.para(builder.document, STYLE_BODY, nhan.DOCX_BANG_TRONG, italic=True)
        return
    widths, size = column_widths(head, rows, room)
    name = f"NTM Bang {size:g}"
    styles = builder.document.styles
    try:
        style = styles[name]
    except KeyError:  # the table style at this size, once per document
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = builder.style(STYLE_TABLE)
        style.font.size = Pt(size)
    tbl = new_table(widths)
    tr = add_row(tbl, header=True)  # repeated at the top of every page
    for width, text in zip(widths, head, strict=True):
        add_cell(tr, width, style.style_id, text, bold=True, align="center")
    for row in rows:
        tr = add_row(tbl)
        for width, text, numeric in zip(widths, row, right, strict=True):
            add_cell(tr, width, style.style_id, text, align="right" if numeric else None)
    builder.insert(tbl)


def render_docx(r: BaoCao) -> bytes:
    from ntm.present.document.chu import so_la_ma
    from ntm.present.document.docx_builder import DocxBuilder
    from ntm.present.document.docx_trang import BODY_PT, STYLE_BODY, STYLE_FORM, open_base

    document = open_base(None)
    props = document.core_properties
    props.title, props.language, props.comments = r.tieu_de[:255], "vi-VN", "ntm report"
    builder = DocxBuilder(document)
    builder.para(document, STYLE_FORM, r.tieu_de.upper(), size=BODY_PT, bold=True, after=12)
    for what, value in r.pham_vi:
        builder.para(document, STYLE_BODY, f"{what}: {pham_vi_chu(value)}.")
    tables = r.cac_bang
    builder.para(document, STYLE_FORM, nhan.DOCX_DANH_MUC, size=BODY_PT, bold=True, before=12, after=6)
    for n, b in enumerate(tables, 1):
        builder.para(document, STYLE_BODY, f"{nhan.DOCX_PHU_LUC.capitalize()} {so_la_ma(n)}. {b.tieu_de}")
    for n, b in enumerate(tables, 1):
        wide = len(b.cot) >= LANDSCAPE_FROM
        builder.orientation(wide)
        first = builder.para(document, STYLE_FORM, f"{nhan.DOCX_PHU_LUC} {so_la_ma(n)}", size=BODY_PT, bold=True)
        first.paragraph_format.page_break_before = True
        builder.para(document, STYLE_FORM, b.tieu_de.upper(), size=BODY_PT, bold=True)
        builder.para(document, STYLE_FORM, nhan.DOCX_KEM_THEO, size=BODY_PT, italic=True, after=12)
        _table(builder, b, int(builder.room(wide)) // 635)
        for note in b.ghi_chu:
            builder.para(document, STYLE_BODY, note, size=11, italic=True, before=3)
    if r.dinh_nghia:
        builder.orientation(False)
        first = builder.para(document, STYLE_FORM, nhan.TIEU_DE_DINH_NGHIA.upper(), size=BODY_PT, bold=True, after=12)
        first.paragraph_format.page_break_before = True
        for term, text in r.dinh_nghia:
            builder.para(document, STYLE_BODY, f"{term}: {text}")
    builder.finish()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
