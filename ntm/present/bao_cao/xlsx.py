"""The report as an .xlsx workbook (XlsxWriter, constant-memory mode): what coordination offices use.

One sheet per table, header in row 1, frozen, with filters; numbers are
numbers with number formats (percentages are fractions with a % format);
status cells are coloured. The first sheet holds the scope (its counts are
numbers too), the definitions and the list of tables with their notes.

Every sheet is ready to print: A4 landscape, one page wide (as many pages
long as it needs), the header row repeated on each page, the report's title
in the page header and "Trang 1/3" in the footer. Sheet names are the
tables' names in plain words, made valid (at most 31 characters, none of
[]:*?/ or a backslash, not starting or ending with an apostrophe) and unique ignoring case,
whatever a criteria set is called.

Number formats are the standard codes (`#,##0`, `0.0%`, `#,##0.00`): the
separators shown follow the locale of the program that opens the file, so a
computer set to Vietnamese shows 1.234 and 52,8% (docs/report.md).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from typing import Any

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.model import Bang, BaoCao, Kieu, OTrangThai
from ntm.tong_hop.tom_tat import TrangThaiTieuChi as T

FORMATS: dict[Kieu, str] = {
    Kieu.so_nguyen: "#,##0",
    Kieu.so_thap_phan: "#,##0.00",
    Kieu.ty_le: "0.0%",
    Kieu.tang_giam: "+#,##0.00;-#,##0.00;0",
    Kieu.tang_giam_nguyen: "+#,##0;-#,##0;0",
    Kieu.nam: "0",
}
# (fill, font colour) per criterion status: the usual "good / bad / neutral" spreadsheet styles.
COLOURS: dict[T, tuple[str, str]] = {
    T.dat: ("#C6EFCE", "#006100"),
    T.dat_tu_danh_gia: ("#E2F0D9", "#375623"),
    T.chua_dat: ("#FFC7CE", "#9C0006"),
    T.chua_dat_tu_danh_gia: ("#FCE4E4", "#9C0006"),
    T.thieu_so_lieu: ("#FFEB9C", "#7F6000"),
    T.chua_co_muc: ("#EDEDED", "#404040"),
    T.danh_muc_chua_du: ("#EDEDED", "#404040"),
}


STATUS_WIDTH = 9  # a matrix's criterion column (its phrase shrunk to fit; the colour says it at a glance)
MAX_WIDTH = 24  # longer text wraps or runs on: a wide table still prints one page wide at a readable size
MAX_TEN_TRANG = 31  # Excel's limit on a sheet name
_NOT_IN_NAME = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")


def rut_gon(name: str, width: int) -> str:
    """A name in at most `width` characters, in words: first without the word "xã" (every matrix is of
    communes), then its first words, "…", and its last word when that holds the years."""
    if len(name) <= width:
        return name
    words = name.split()
    shorter = " ".join(w for w in words if w.casefold() != "xã")
    if len(shorter) <= width:
        return shorter
    words = shorter.split()
    last = words[-1] if len(words) > 1 and any(ch.isdigit() for ch in words[-1]) else ""
    room = width - 1 - (len(last) + 1 if last else 0)
    head = ""
    for w in words[: len(words) - (1 if last else 0)]:
        if len(head) + len(w) + (1 if head else 0) > room:
            break
        head = f"{head} {w}" if head else w
    head = head or shorter[:room]
    return f"{head}…" + (f" {last}" if last else "")


def _hop_le(name: str) -> str:
    name = " ".join(_NOT_IN_NAME.sub("-", name).split()).strip("'").strip()
    return name or "Trang"


def ten_trang_tinh(names: Sequence[str]) -> list[str]:
    """Valid sheet names for the wished ones, in order: at most 31 characters, unique ignoring case
    (as spreadsheet programs compare them), "History" avoided (Excel reserves it)."""
    taken: set[str] = {"history"}
    out: list[str] = []
    for wished in names:
        base = _hop_le(wished)
        name = _hop_le(rut_gon(base, MAX_TEN_TRANG))
        k = 2
        while name.casefold() in taken:
            suffix = f" ({k})"
            name = _hop_le(rut_gon(base, MAX_TEN_TRANG - len(suffix))) + suffix
            k += 1
        taken.add(name.casefold())
        out.append(name)
    return out


def _page_text(text: str, limit: int = 120) -> str:
    """Text for a page header or footer: '&' doubled (it starts a code), short enough for the 255-character limit."""
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("&", "&&")


def _print_setup(sheet: Any, title: str, name: str, header_rows: int) -> None:
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)  # one page wide, as many long as needed
    sheet.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)
    sheet.center_horizontally()
    if header_rows:
        sheet.repeat_rows(0, header_rows - 1)
    font = '&"Times New Roman,Regular"&9'
    sheet.set_header(f"&L{font}{_page_text(title)}&R{font}{_page_text(name, 40)}", {"margin": 0.3})
    sheet.set_footer(f"&C{font}Trang &P/&N", {"margin": 0.3})
    sheet.hide_gridlines(0)  # the gridlines are printed: rows stay readable across a wide page


def render_xlsx(r: BaoCao) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": r.tieu_de, "comments": "ntm report"})
    styles = _styles(book)
    tables = r.cac_bang
    names = ten_trang_tinh([nhan.TRANG_PHAM_VI, *(b.ten_trang for b in tables)])
    _scope_sheet(book, r, styles, names[0], names[1:])
    for b, name in zip(tables, names[1:], strict=True):
        _table_sheet(book, b, styles, name, r.tieu_de)
    book.close()
    return out.getvalue()


def _styles(book: Any) -> dict[Any, Any]:
    base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top"}
    styles: dict[Any, Any] = {
        "header": book.add_format({**base, "bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "border": 1}),
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
        "bold": book.add_format({**base, "bold": True, "text_wrap": True}),
        "text": book.add_format({**base, "text_wrap": True}),
        Kieu.chu: book.add_format(base),
        "count": book.add_format({**base, "num_format": "#,##0", "align": "left"}),
    }
    for kieu, number_format in FORMATS.items():
        styles[kieu] = book.add_format({**base, "num_format": number_format})
    for code, (fill, font) in COLOURS.items():
        # shrunk to fit: the phrase stays whole in a narrow column, so a matrix prints one page wide
        styles[code] = book.add_format({**base, "bg_color": fill, "font_color": font, "border": 1,
                                        "italic": code.theo_tu_danh_gia, "shrink": True})
    return styles


def _scope_sheet(book: Any, r: BaoCao, styles: dict[Any, Any], name: str, table_names: list[str]) -> None:
    sheet = book.add_worksheet(name)
    _print_setup(sheet, r.tieu_de, name, 0)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 70)
    sheet.set_column(2, 2, 10)
    sheet.set_column(3, 3, 60)
    row = 0
    sheet.write_string(row, 0, r.tieu_de, styles["title"])
    row += 2
    for what, value in r.pham_vi:
        sheet.write_string(row, 0, what, styles["bold"])
        if isinstance(value, str):
            _fit_row(sheet, row, value, 70)
            sheet.write_string(row, 1, value, styles["text"])
        else:
            sheet.write_number(row, 1, value, styles["count"])
        row += 1
    row += 1
    sheet.write_string(row, 0, nhan.TIEU_DE_MUC_LUC, styles["title"])
    row += 1
    for col, label in enumerate(nhan.MUC_LUC_COT):
        sheet.write_string(row, col, label, styles["header"])
    row += 1
    for b, sheet_name in zip(r.cac_bang, table_names, strict=True):
        _fit_row(sheet, row, " ".join(b.ghi_chu), 60, b.tieu_de, 70)
        sheet.write_string(row, 0, sheet_name, styles["bold"])
        sheet.write_string(row, 1, b.tieu_de, styles["text"])
        sheet.write_number(row, 2, len(b.dong), styles[Kieu.so_nguyen])
        sheet.write_string(row, 3, " ".join(b.ghi_chu), styles["text"])
        row += 1
    row += 1
    sheet.write_string(row, 0, nhan.CHU_GIAI_TIEU_DE, styles["title"])
    row += 1
    for code, label in nhan.CHU_GIAI.items():
        sheet.write_string(row, 0, nhan.o_trang_thai(code), styles[code])
        sheet.write_string(row, 1, label, styles[Kieu.chu])
        row += 1
    row += 1
    sheet.write_string(row, 0, nhan.TIEU_DE_DINH_NGHIA, styles["title"])
    row += 1
    for term, text in r.dinh_nghia:
        _fit_row(sheet, row, text, 70, term, 34)
        sheet.write_string(row, 0, term, styles["bold"])
        sheet.write_string(row, 1, text, styles["text"])
        row += 1


def _fit_row(sheet: Any, row: int, text: str, width: int, other: str = "", other_width: int = 1) -> None:
    """A row tall enough for its wrapped text: spreadsheet programs do not grow a row on opening a file."""
    lines = max(math.ceil(len(text) / (width * 1.1)), math.ceil(len(other) / (other_width * 1.1)), 1)
    if lines > 1:
        sheet.set_row(row, 15 * lines)


def _table_sheet(book: Any, b: Bang, styles: dict[Any, Any], name: str, title: str) -> None:
    sheet = book.add_worksheet(name)
    _print_setup(sheet, f"{title} — {b.tieu_de}", name, 1)
    for col, c in enumerate(b.cot):
        sheet.set_column(col, col, STATUS_WIDTH if c.kieu is Kieu.trang_thai else min(c.rong, MAX_WIDTH))
    sheet.set_row(0, 60)
    for col, c in enumerate(b.cot):
        sheet.write_string(0, col, c.nhan, styles["header"])
    sheet.freeze_panes(1, b.co_dinh)
    sheet.autofilter(0, 0, max(1, len(b.dong)), len(b.cot) - 1)
    kinds = [c.kieu for c in b.cot]
    for row, values in enumerate(b.dong, 1):
        for col, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, OTrangThai):
                sheet.write_string(row, col, nhan.o_trang_thai(value.ma), styles[value.ma])
            elif isinstance(value, str):
                sheet.write_string(row, col, value, styles[Kieu.chu])
            else:
                sheet.write_number(row, col, value, styles[kinds[col]])
