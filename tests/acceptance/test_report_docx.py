"""`ntm report … -o bao-cao.docx`: the tables as numbered annexes per Nghị định 30, read back with python-docx,
every figure matched against the JSON report, and printed by LibreOffice (page sizes with pdfinfo, text with
pdftotext)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from doclib import printed_pages
from docx.oxml.ns import qn
from planlib import REPO, run

from ntm.present.bao_cao.docx_out import MARKS, column_widths
from ntm.tong_hop.tom_tat import TrangThaiTieuChi as T

sys.path.insert(0, str(REPO / "benchmarks"))
import make_province

ROMAN = [a + b for a in ("", "X", "XX", "XXX") for b in ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")][1:]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("docx")
    make_province.generate(folder / "tinh", 12, 2026)
    code, _ = run("report", str(folder / "tinh"), "-o", str(folder / "bao-cao.docx"))
    assert code == 1  # the two broken plans are listed
    run("report", str(folder / "tinh"), "-o", str(folder / "bao-cao.json"))
    return folder / "bao-cao.docx", json.loads((folder / "bao-cao.json").read_text(encoding="utf-8"))


def number(text: str) -> float:
    """'1.234,5%' -> 1234.5; '+0,3' -> 0.3 (the Vietnamese way back to a number)."""
    return float(text.replace(".", "").replace(",", ".").rstrip("%").replace("−", "-"))


def status(cell: dict[str, Any]) -> T:
    for code in T:
        if (code.ket_qua.value == cell["trang_thai"] and code.theo_tu_danh_gia == cell["theo_tu_danh_gia"]
                and (code.ly_do.value if code.ly_do else None) == cell["ly_do"]):
            return code
    raise AssertionError(cell)


def test_annexes_in_order_with_repeated_headers_and_landscape_sections(reports: tuple[Path, dict[str, Any]]) -> None:
    path, report = reports
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert texts[0].startswith("BÁO CÁO KẾT QUẢ XÂY DỰNG NÔNG THÔN MỚI TỈNH HÒA SƠN, NĂM 20")
    tables = [b for p in report["phan"] for b in p["bang"]]
    for n, b in enumerate(tables):
        i = texts.index(f"PHỤ LỤC {ROMAN[n]}")
        assert texts[i + 1] == b["tieu_de"].upper() and texts[i + 2].startswith("(Kèm theo Báo cáo số")
        assert f"Phụ lục {ROMAN[n]}. {b['tieu_de']}" in texts  # listed on the first page
    assert len(document.tables) == sum(1 for b in tables if b["dong"])
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on every page
    sections = document.sections
    assert sections[0].page_width < sections[0].page_height  # the first page is portrait
    assert any(s.page_width > s.page_height for s in sections)  # wide tables on landscape pages
    for s in sections:  # A4 either way round
        assert sorted((round(s.page_width.mm), round(s.page_height.mm))) == [210, 297]


def test_every_figure_matches_the_json(reports: tuple[Path, dict[str, Any]]) -> None:
    path, report = reports
    document = docx.Document(str(path))
    tables = [b for p in report["phan"] for b in p["bang"] if b["dong"]]
    checked = 0
    for b, table in zip(tables, document.tables, strict=True):
        rows = [[c.text for c in r.cells] for r in table.rows]
        head, body = rows[0], rows[1:]
        assert len(body) == len(b["dong"]), b["ma"]
        matrix = any(c["kieu"] == "trang_thai" for c in b["cot"])
        for row, values in zip(body, b["dong"], strict=True):
            if matrix:  # criteria as marks under their numbers; the counts as they are
                for c in b["cot"]:
                    value = values[c["ma"]]
                    if c["kieu"] == "trang_thai":
                        assert row[head.index(c["nhan"].split(".")[0])] == MARKS[status(value)]
                    elif c["kieu"] in ("so_nguyen", "nam") and c["nhan"] in head:
                        assert number(row[head.index(c["nhan"])]) == value
                        checked += 1
                continue
            for c, text in zip(b["cot"], row, strict=True):
                value = values[c["ma"]]
                if value is None:
                    assert text == ""
                elif isinstance(value, str):
                    assert text == value
                else:
                    tolerance = {"ty_le": 0.0005, "so_thap_phan": 0.005, "tang_giam": 0.005}.get(c["kieu"], 0)
                    shown = number(text) / (100 if c["kieu"] == "ty_le" else 1)
                    assert abs(shown - value) <= tolerance + 1e-9, (b["ma"], c["ma"], text, value)
                    checked += 1
    assert checked > 500


def test_matrix_legend_names_every_mark_and_criterion(reports: tuple[Path, dict[str, Any]]) -> None:
    path, _ = reports
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    legend = next(t for t in texts if t.startswith("Chú giải:"))
    assert "✓ Đạt" in legend and "✗* Chưa đạt (tự đánh giá)" in legend and "? Chưa đánh giá được" in legend
    criteria = next(t for t in texts if t.startswith("Tiêu chí:"))
    assert "1. Quy hoạch" in criteria and "19. Quốc phòng và An ninh" in criteria


def test_column_widths_fill_the_room_and_shrink_the_font_only_when_needed() -> None:
    head, rows = ["STT", "Xã"], [["1", "An Lạc"], ["2", "Bình Minh"]]
    widths, size = column_widths(head, rows, 9000)
    assert sum(widths) == 9000 and size == 11
    many = [f"Cột {i}" for i in range(40)]
    widths, size = column_widths(many, [["12.345"] * 40], 14000)
    assert sum(widths) == 14000 and size < 11


def test_libreoffice_prints_the_matrix_whole_on_landscape_pages(tmp_path: Path) -> None:
    make_province.generate(tmp_path / "tinh", 60, 2026)
    out = tmp_path / "bao-cao.docx"
    run("report", str(tmp_path / "tinh"), "-o", str(out))
    sizes, pages = printed_pages(out, tmp_path, "libreoffice-writer-nogui")
    start = next(i for i, p in enumerate(pages) if re.search(r"^\s*PHỤ LỤC I\s*$", p, re.M))
    end = next(i for i, p in enumerate(pages) if re.search(r"^\s*PHỤ LỤC II\s*$", p, re.M))
    matrix = pages[start:end]
    assert len(matrix) >= 3  # about 120 communes-years
    for i, page in enumerate(matrix, start):
        width, height = sizes[i]
        assert width > height  # landscape
        assert "STT" in page and " 19 " in page and "công" in page  # header repeated, every column on the page


def test_plan_text_that_xml_cannot_hold_is_dropped_not_fatal(tmp_path: Path) -> None:
    """A control character in a commune's name (plan text) cannot be written in a .docx: dropped, never exit 4."""
    from ntm.present.bao_cao.docx_out import render_docx
    from ntm.present.bao_cao.model import Bang, BaoCao, Cot, Kieu, Phan

    cols = (Cot("xa", "Xã", Kieu.chu), Cot("so", "Số", Kieu.so_nguyen))
    table = Bang("x", "Bảng <thử> & \x0b", "x", cols, [("An\x0bLạc <b>&", 1234)], ("ghi\x01chú",))
    out = tmp_path / "r.docx"
    out.write_bytes(render_docx(BaoCao("Báo cáo\x0c", (("Số xã", 1),), (Phan("p", "Phần", (), (table,)),))))
    document = docx.Document(str(out))
    assert [[c.text for c in r.cells] for r in document.tables[0].rows] == [["Xã", "Số"], ["AnLạc <b>&", "1.234"]]
    assert "BẢNG <THỬ> & " in [p.text for p in document.paragraphs]
