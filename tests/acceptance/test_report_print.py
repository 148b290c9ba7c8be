"""`ntm report` files a province office prints and attaches: the .xlsx's print setup and sheet names, read back
with openpyxl and printed by LibreOffice (PDF page sizes with pdfinfo, page text with pdftotext)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import openpyxl
import pytest
from doclib import printed_pages
from planlib import REPO, run

from ntm.present.bao_cao.model import Bang, BaoCao, Cot, Kieu, Phan
from ntm.present.bao_cao.xlsx import render_xlsx, rut_gon, ten_trang_tinh

sys.path.insert(0, str(REPO / "benchmarks"))
import make_province


def test_sheet_names_are_valid_and_unique_whatever_the_sets_are_called() -> None:
    wished = ["Phạm vi", "Ma trận Bộ tỉnh A'", "'Ma trận'", "Ma trận (2)", "Ma trận (2)", "MA TRẬN (2)",
              "Ma trận xã NTM nâng cao 2021-2025", "Ma trận Bộ tiêu chí xã NTM nâng cao tỉnh Quảng Trị 2026-2030",
              "Ma trận Bộ tiêu chí xã NTM nâng cao tỉnh Quảng Trị 2026-2030", "history", "a/b:c[d]*?\\", "", "'''"]
    names = ten_trang_tinh(wished)
    assert len(names) == len(wished)
    assert len({n.casefold() for n in names}) == len(names)  # unique as Excel compares them
    for n in names:
        assert 0 < len(n) <= 31 and not n.startswith("'") and not n.endswith("'")
        assert not re.search(r"[\[\]:*?/\\]", n) and n.casefold() != "history"
    assert names[0] == "Phạm vi" and names[1] == "Ma trận Bộ tỉnh A"
    assert names[6] == "Ma trận NTM nâng cao 2021-2025"  # plain words, "xã" dropped rather than cut
    assert names[7].endswith("… 2026-2030") and names[7].startswith("Ma trận") and names[8] != names[7]


def test_rut_gon_keeps_words_and_years() -> None:
    assert rut_gon("Ngắn", 31) == "Ngắn"
    short = rut_gon("Ma trận Bộ tiêu chí riêng của một tỉnh rất dài 2026-2030", 31)
    assert len(short) <= 31 and short.endswith("… 2026-2030") and " ".join(short.split()[:2]) == "Ma trận"


def test_any_set_name_gives_a_workbook(tmp_path: Path) -> None:
    """A set whose short name ends with an apostrophe, and fallback names that clash, once gave exit 4."""
    cols = (Cot("xa", "Xã", Kieu.chu), Cot("so", "Số", Kieu.so_nguyen))
    tables = tuple(Bang("ma_tran", f"Bảng {i}", name, cols, [("An Lạc", i)])
                   for i, name in enumerate(["Ma trận X'", "Ma trận (2)", "Ma trận (2)", "Phạm vi", "x" * 40]))
    report = BaoCao("Báo cáo", (("Số xã", 1),), (Phan("p", "Phần", (), tables),))
    out = tmp_path / "r.xlsx"
    out.write_bytes(render_xlsx(report))
    book = openpyxl.load_workbook(out)
    assert len(book.sheetnames) == 6 and len({n.casefold() for n in book.sheetnames}) == 6
    assert book["Phạm vi"]["B3"].value == 1  # a count is a number


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tinh") / "tinh-hoa-son"
    make_province.generate(out, 12, 2026)
    return out


def test_every_sheet_is_set_up_for_print(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    run("report", str(province), "-o", str(out))
    book = openpyxl.load_workbook(out)
    assert not any(n.startswith("MT ") for n in book.sheetnames)
    assert any(n.startswith("Ma trận ") for n in book.sheetnames)
    title = book.properties.title
    assert title.startswith("Báo cáo kết quả xây dựng nông thôn mới tỉnh Hòa Sơn, năm 20")
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and setup.fitToWidth in (None, 1) and setup.fitToHeight == 0  # 1 wide is the default, left out
        assert title[:60] in sheet.oddHeader.left.text and "&P" in sheet.oddFooter.center.text
        if sheet.title != "Phạm vi":
            assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes is not None, sheet.title
    scope = {row[0].value: row[1].value for row in book["Phạm vi"].iter_rows(min_row=3, max_row=9)}
    # 12 communes, the last two merged in 2025 into a 13th (benchmarks/make_province.py)
    assert isinstance(scope["Số tệp đã đọc"], int) and isinstance(scope["Số xã"], int) and scope["Số xã"] == 13
    assert scope["Bộ lọc"] == "không có"


def test_filters_are_written_in_words(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    run("report", str(province), "--tinh", "hòa sơn", "--nam", "2024-2025", "-o", str(out))
    scope = {row[0].value: row[1].value for row in openpyxl.load_workbook(out)["Phạm vi"].iter_rows(min_row=3)}
    assert scope["Bộ lọc"] == "chỉ các kế hoạch của tỉnh Hòa Sơn; chỉ các năm 2024–2025"
    assert "--" not in scope["Bộ lọc"]


def test_a_300_commune_matrix_prints_one_page_wide(tmp_path: Path) -> None:
    make_province.generate(tmp_path / "tinh", 300, 2026)
    out = tmp_path / "bao-cao.xlsx"
    run("report", str(tmp_path / "tinh"), "-o", str(out))
    sizes, pages = printed_pages(out, tmp_path, "libreoffice-calc-nogui")
    assert sizes and all(w > h for w, h in sizes)  # every page landscape
    matrix = [p for p in pages if "Ma trận xã NTM 2021-2025" in p.split("\n", 1)[0]]  # the page header names the sheet
    assert len(matrix) >= 3  # about 600 rows: several pages long…
    for page in matrix:  # …each one holding every column, the header row repeated: one page wide
        assert "STT" in page and "1. Quy hoạch" in page and "Tệp" in page and "Trang " in page
    assert len(sizes) < 80  # the old workbook printed 63-71 portrait pages for a far smaller province


# ----------------------------------------------------------------------------- every figure, in every format


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", ".").rstrip("%"))


def test_every_figure_matches_across_formats(province: Path, tmp_path: Path) -> None:
    """The .xlsx holds the JSON's numbers exactly; the page and the Markdown show them the Vietnamese way."""
    import json
    from html.parser import HTMLParser

    for suffix in ("json", "xlsx", "html", "md"):
        run("report", str(province), "-o", str(tmp_path / f"r.{suffix}"))
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    tables = [b for p in report["phan"] for b in p["bang"]]
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tables: list[list[list[tuple[str, str | None]]]] = []
            self.ids: list[str | None] = []  # each table's `data-bang`: an empty table may be a sentence, not a table
            self.cell: list[str] | None = None
            self.title: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "table" and ("class", "data") not in attrs:
                self.tables.append([])
                self.ids.append(dict(attrs).get("data-bang"))
            elif tag == "tr" and self.tables:
                self.tables[-1].append([])
            elif tag == "td" and self.tables:
                self.cell, self.title = [], dict(attrs).get("title")

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

        def handle_endtag(self, tag: str) -> None:
            if tag == "td" and self.cell is not None:
                self.tables[-1][-1].append(("".join(self.cell), self.title))
                self.cell = None

    page = Cells()
    page.feed((tmp_path / "r.html").read_text(encoding="utf-8"))
    html_tables = [(ma, [row for row in t if row]) for ma, t in zip(page.ids, page.tables, strict=True)]
    html_tables = [(ma, t) for ma, t in html_tables if t]
    checked = 0
    for b, sheet in zip(tables, book.worksheets[1:], strict=True):
        if not b["dong"]:
            continue
        ma, rows = html_tables.pop(0)  # the page's tables in the report's order
        assert ma == b["ma"] and len(rows) >= len(b["dong"])  # a chart's data table after it adds rows
        assert [c.value for c in sheet[1]] == [c["nhan"] for c in b["cot"]]
        for n, values in enumerate(b["dong"]):
            cells = [c.value for c in sheet[n + 2]]
            shown = rows[n]
            for k, c in enumerate(b["cot"]):
                value = values[c["ma"]]
                text, title = shown[k]
                if isinstance(value, dict):  # a matrix cell: the phrase in the sheet and on hover
                    assert cells[k] == title and cells[k].startswith(("Đạt", "Chưa"))
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    assert cells[k] == pytest.approx(value, rel=1e-13, abs=0)  # the same number (Excel keeps 15 digits)
                    factor = 100 if c["kieu"] == "ty_le" else 1
                    assert abs(_number(text) / factor - value) <= (0.0005 if factor == 100 else 0.005) + 1e-9
                    checked += 1
                else:
                    assert (cells[k] or None) == value and text == (value or "")
    assert checked > 1000
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    for b in tables:
        assert f"### {b['tieu_de']}" in markdown
