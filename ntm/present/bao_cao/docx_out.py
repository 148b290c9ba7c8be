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
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

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
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MARK = re.compile(r"<!--(ntm-dong-\d+)-->")


@cache
def _twips(text: str, size: float, bold: bool = False) -> int:
    """A text's width (twips) in Times New Roman; cached: a column repeats its marks and numbers."""
    from ntm.present.document.font import text_width

    # The marks come from a fallback font, about as wide as a capital W.
    return int(text_width(text.translate(_WIDE_MARKS), size, bold)) // 635


def _longest_word(texts: list[str], size: float, bold: bool = False) -> int:
    words = [w[:14] for t in texts for w in t.split()] or [""]  # a longer "word" (a path) may break
    return max(_twips(w, size, bold) for w in words)


def column_widths(head: list[str], rows: Iterable[list[str]], room: int) -> tuple[list[int], float]:
    """Column widths (twips) and the font size: the largest size at which every cell fits on one line (up to
    three times its longest word), else the largest at which every word does; the room left is shared."""
    distinct: list[set[str]] = [set() for _ in head]
    for row in rows:
        for seen, text in zip(distinct, row, strict=True):
            seen.add(text)
    columns = [sorted(t for t in seen if t) for seen in distinct]  # each text once

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


@dataclass(frozen=True)
class Khung:
    """A table laid out for print: its headings, which columns are numbers, the legend above it, and its rows
    (made again each time they are read, so that a 10,000-row table is never held as text)."""

    head: list[str]
    right: list[bool]
    legend: list[str]
    rows: Callable[[], Iterator[list[str]]]


def khung(b: Bang) -> Khung:
    if not any(c.kieu is Kieu.trang_thai for c in b.cot):
        kinds = [c.kieu for c in b.cot]
        return Khung([c.nhan for c in b.cot], [k not in (Kieu.chu, Kieu.trang_thai) for k in kinds], [],
                     lambda: ([chu(k, v) for k, v in zip(kinds, row, strict=True)] for row in b.dong))
    # The matrix for print: marks under the criteria's numbers; a legend of marks and criteria.
    keep = [i for i, c in enumerate(b.cot) if c.ma not in MATRIX_LEFT_OUT]
    head, names = [], []
    for i in keep:
        c = b.cot[i]
        found = _NUMBER.match(c.nhan) if c.kieu is Kieu.trang_thai else None
        head.append(found.group(1) if found else c.nhan)
        if found:
            names.append(c.nhan)
    kinds = [b.cot[i].kieu for i in keep]
    marks = "; ".join(f"{MARKS[code]} {nhan.o_trang_thai(code)}" for code in nhan.CHU_GIAI)
    return Khung(head, [k not in (Kieu.chu, Kieu.trang_thai) for k in kinds],
                 [f"{nhan.CHU_GIAI_TIEU_DE}: {marks}.", f"{nhan.TIEU_CHI}: {'; '.join(names)}."],
                 lambda: ([MARKS[v.ma] if isinstance(v := row[i], OTrangThai) else chu(k, v)
                           for i, k in zip(keep, kinds, strict=True)] for row in b.dong))


def xml_text(text: str) -> str:
    """Text as XML allows it: control characters a plan may hold are dropped (they cannot be written)."""
    return _NOT_XML.sub("", text)


def rows_xml(k: Khung, style_id: str) -> Iterator[str]:
    """The body's rows as WordprocessingML, a row at a time: a cell is a paragraph of the table's style,
    right-aligned for a number (widths come from the table's grid, fixed layout)."""
    left = f'<w:tc><w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
    right = f'<w:tc><w:p><w:pPr><w:pStyle w:val="{style_id}"/><w:jc w:val="right"/></w:pPr>'
    starts = [right if r else left for r in k.right]
    for row in k.rows():
        cells = "".join(start + (f'<w:r><w:t xml:space="preserve">{escape(xml_text(text))}</w:t></w:r>' if text else "")
                        + "</w:p></w:tc>" for start, text in zip(starts, row, strict=True))
        yield f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"


def _table(builder: Any, b: Bang, room: int, pending: dict[str, tuple[Khung, str]]) -> None:
    """The table's header row now; its body rows are marked and written when the file is (`_stream`)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt
    from lxml import etree

    from ntm.present.document.docx_trang import STYLE_BODY, STYLE_TABLE
    from ntm.present.document.docx_xml import add_cell, add_row, new_table

    k = khung(b)
    for line in k.legend:
        builder.para(builder.document, STYLE_BODY, xml_text(line), size=11, after=3)
    if not b.dong:
        builder.para(builder.document, STYLE_BODY, nhan.DOCX_BANG_TRONG, italic=True)
        return
    widths, size = column_widths(k.head, k.rows(), room)
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
    for width, text in zip(widths, k.head, strict=True):
        add_cell(tr, width, style.style_id, xml_text(text), bold=True, align="center")
    mark = f"ntm-dong-{len(pending)}"
    tbl.append(etree.Comment(mark))
    pending[mark] = (k, style.style_id)
    builder.insert(tbl)


def _stream(package: bytes, pending: dict[str, tuple[Khung, str]]) -> bytes:
    """The saved package with each table's body rows written in place of its mark, a row at a time."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "word/document.xml":
                target.writestr(info, data, zipfile.ZIP_DEFLATED)
                continue
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with target.open(entry, "w", force_zip64=True) as f:
                for n, part in enumerate(_MARK.split(data.decode("utf-8"))):
                    if n % 2 == 0:
                        f.write(part.encode("utf-8"))
                    else:
                        for row in rows_xml(*pending[part]):
                            f.write(row.encode("utf-8"))
    return out.getvalue()


def render_docx(r: BaoCao) -> bytes:
    from ntm.plan.the_thuc import so_la_ma
    from ntm.present.document.docx_builder import DocxBuilder
    from ntm.present.document.docx_trang import BODY_PT, STYLE_BODY, STYLE_FORM, open_base

    document = open_base(None)
    props = document.core_properties
    props.title, props.language, props.comments = xml_text(r.tieu_de)[:255], "vi-VN", "ntm report"
    builder = DocxBuilder(document)
    pending: dict[str, tuple[Khung, str]] = {}
    builder.para(document, STYLE_FORM, xml_text(r.tieu_de.upper()), size=BODY_PT, bold=True, after=12)
    for what, value in r.pham_vi:
        builder.para(document, STYLE_BODY, xml_text(f"{what}: {pham_vi_chu(value)}."))
    tables = r.cac_bang
    builder.para(document, STYLE_FORM, nhan.DOCX_DANH_MUC, size=BODY_PT, bold=True, before=12, after=6)
    for n, b in enumerate(tables, 1):
        builder.para(document, STYLE_BODY, xml_text(f"{nhan.DOCX_PHU_LUC.capitalize()} {so_la_ma(n)}. {b.tieu_de}"))
    for n, b in enumerate(tables, 1):
        wide = len(b.cot) >= LANDSCAPE_FROM
        builder.orientation(wide)
        first = builder.para(document, STYLE_FORM, f"{nhan.DOCX_PHU_LUC} {so_la_ma(n)}", size=BODY_PT, bold=True)
        first.paragraph_format.page_break_before = True
        builder.para(document, STYLE_FORM, xml_text(b.tieu_de.upper()), size=BODY_PT, bold=True)
        builder.para(document, STYLE_FORM, nhan.DOCX_KEM_THEO, size=BODY_PT, italic=True, after=12)
        _table(builder, b, int(builder.room(wide)) // 635, pending)
        for note in b.ghi_chu:
            builder.para(document, STYLE_BODY, xml_text(note), size=11, italic=True, before=3)
    if r.dinh_nghia:
        builder.orientation(False)
        first = builder.para(document, STYLE_FORM, nhan.TIEU_DE_DINH_NGHIA.upper(), size=BODY_PT, bold=True, after=12)
        first.paragraph_format.page_break_before = True
        for term, text in r.dinh_nghia:
            builder.para(document, STYLE_BODY, xml_text(f"{term}: {text}"))
    builder.finish()
    out = io.BytesIO()
    document.save(out)
    return _stream(out.getvalue(), pending)
