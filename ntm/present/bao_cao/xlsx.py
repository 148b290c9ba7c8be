"""The report as an .xlsx workbook (XlsxWriter, constant-memory mode): what coordination offices use.

One sheet per table, header in row 1, frozen, with filters; numbers are
numbers with number formats (percentages are fractions with a % format);
status cells are coloured. The first sheet holds the scope, the
definitions and the list of tables with their notes.

Number formats are the standard codes (`#,##0`, `0.0%`, `#,##0.00`): the
separators shown follow the locale of the program that opens the file, so a
computer set to Vietnamese shows 1.234 and 52,8% (docs/report.md).
"""

from __future__ import annotations

import io
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


def render_xlsx(r: BaoCao) -> bytes:
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": r.tieu_de, "comments": "ntm report"})
    styles = _styles(book)
    _scope_sheet(book, r, styles)
    for b in r.cac_bang:
        _table_sheet(book, b, styles)
    book.close()
    return out.getvalue()


def _styles(book: Any) -> dict[Any, Any]:
    base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top"}
    styles: dict[Any, Any] = {
        "header": book.add_format({**base, "bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "border": 1}),
        "title": book.add_format({**base, "bold": True, "font_size": 14}),
        "bold": book.add_format({**base, "bold": True}),
        "text": book.add_format({**base, "text_wrap": True}),
        Kieu.chu: book.add_format(base),
    }
    for kieu, number_format in FORMATS.items():
        styles[kieu] = book.add_format({**base, "num_format": number_format})
    for code, (fill, font) in COLOURS.items():
        styles[code] = book.add_format({**base, "bg_color": fill, "font_color": font, "border": 1,
                                        "italic": code.theo_tu_danh_gia})
    return styles


def _scope_sheet(book: Any, r: BaoCao, styles: dict[Any, Any]) -> None:
    sheet = book.add_worksheet(nhan.TRANG_PHAM_VI)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 3, 14)
    row = 0
    sheet.write_string(row, 0, r.tieu_de, styles["title"])
    row += 2
    for what, value in r.pham_vi:
        sheet.write_string(row, 0, what, styles["bold"])
        sheet.write_string(row, 1, value, styles["text"])
        row += 1
    row += 1
    sheet.write_string(row, 0, nhan.TIEU_DE_MUC_LUC, styles["title"])
    row += 1
    for col, label in enumerate(nhan.MUC_LUC_COT):
        sheet.write_string(row, col, label, styles["header"])
    row += 1
    for b in r.cac_bang:
        sheet.write_string(row, 0, b.ten_trang, styles["bold"])
        sheet.write_string(row, 1, b.tieu_de, styles["text"])
        sheet.write_number(row, 2, len(b.dong), styles[Kieu.so_nguyen])
        sheet.write_string(row, 3, " ".join(b.ghi_chu), styles[Kieu.chu])
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
        sheet.write_string(row, 0, term, styles["bold"])
        sheet.write_string(row, 1, text, styles["text"])
        row += 1


def _table_sheet(book: Any, b: Bang, styles: dict[Any, Any]) -> None:
    sheet = book.add_worksheet(b.ten_trang)
    for col, c in enumerate(b.cot):
        sheet.set_column(col, col, c.rong)
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
