"""`ntm report` as a user runs it: files and folders in, a report out, read back as a person's program would.

The .xlsx is read back with openpyxl and opened by LibreOffice (converted to
PDF, its text read with pdftotext); the JSON is compared with docs/json.md;
the KPIs are checked on plans whose answers are known. The page in a real
browser: tests/acceptance/test_report_browser.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import require_program
from planlib import REPO, imported, run, run_process

sys.path.insert(0, str(REPO / "benchmarks"))
import make_province

NTM = "xa-ntm-2021-2025"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration province, small: 12 communes × 3 years, two broken plans."""
    out = tmp_path_factory.mktemp("tinh") / "tinh-hoa-son"
    make_province.generate(out, 12, 2026)
    return out


def criteria(ident: str = NTM) -> list[str]:
    from ntm.catalog import load_catalog

    return [tc.ma for tc in load_catalog(ident).tieu_chi]


def write(folder: Path, name: str, xa: str, nam: int, unmet: int, **dia_ban: Any) -> Path:
    """A plan of the NTM set whose first `unmet` criteria are self-assessed chưa đạt, the rest đạt."""
    slugs = criteria()
    data = {
        "van_ban": {"co_quan_ban_hanh": f"ỦY BAN NHÂN DÂN XÃ {xa.upper()}", "so_hieu": "01/KH-UBND", "dia_danh": xa,
                    "ngay_ban_hanh": f"{nam}-01-05", "trich_yeu": "Kế hoạch xây dựng nông thôn mới",
                    "noi_nhan": ["Lưu: VT."], "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn A"}},
        "dia_ban": {"xa": xa, "tinh": "Hòa Sơn", "vung": "bac-trung-bo", **dia_ban},
        "nam": nam,
        "bo_tieu_chi": NTM,
        "tieu_chi": {s: {"tu_danh_gia": "chua_dat" if i < unmet else "dat", "nhiem_vu": "Duy trì."}
                     for i, s in enumerate(slugs)},
    }
    import yaml

    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def report_json(*args: str) -> tuple[int, dict[str, Any]]:
    out = Path(args[-1])
    code, _ = run("report", *args[:-1], "-o", str(out))
    return code, json.loads(out.read_text(encoding="utf-8"))


def table(report: dict[str, Any], ma: str, bo: str | None = None) -> dict[str, Any]:
    found = [b for p in report["phan"] for b in p["bang"] if b["ma"] == ma and (bo is None or b["bo_tieu_chi"] == bo)]
    assert len(found) == 1, (ma, bo)
    return found[0]


# ----------------------------------------------------------------------------- the KPIs, on known answers


@pytest.fixture
def known(tmp_path: Path) -> Path:
    """Two communes, two years: A recognised NTM in 2020 (19 met, then 18), B 15 then 17 met."""
    folder = tmp_path / "ke-hoach"
    folder.mkdir()
    write(folder, "a-2023.yaml", "An Lạc", 2023, 0, huyen="Đông Sơn", cong_nhan=[{"chuan": "ntm", "nam": 2020}])
    write(folder, "a-2024.yaml", "An Lạc", 2024, 1, huyen="Đông Sơn", cong_nhan=[{"chuan": "ntm", "nam": 2020}])
    write(folder, "b-2023.yaml", "Bình Minh", 2023, 4, huyen="Tây Hòa")
    write(folder, "b-2024.yaml", "Bình Minh", 2024, 2, huyen="Tây Hòa")
    return folder


def test_kpis_recognised_apart_from_meeting_every_criterion(known: Path, tmp_path: Path) -> None:
    code, report = report_json(str(known), str(tmp_path / "r.json"))
    assert code == 0
    rows = {r["nam"]: r for r in table(report, "dat_chuan")["dong"]}
    assert rows[2023]["so_xa"] == 2 and rows[2023]["cong_nhan.ntm"] == 1 and rows[2023]["ty_le_cong_nhan.ntm"] == 0.5
    assert rows[2023]["danh_gia.ntm"] == 2 and rows[2023]["dat_du.ntm"] == 1 and rows[2023]["ty_le_dat_du.ntm"] == 0.5
    # 2024: A is still recognised but no longer meets every criterion (chưa duy trì chuẩn)
    assert rows[2024]["cong_nhan.ntm"] == 1 and rows[2024]["dat_du.ntm"] == 0 and rows[2024]["chua_duy_tri"] == 1
    assert rows[2024]["tang_giam_cong_nhan_ntm"] == 0 and rows[2023]["tang_giam_cong_nhan_ntm"] is None
    averages = {r["nam"]: r for r in table(report, "binh_quan")["dong"]}
    assert averages[2023]["tong_tieu_chi_dat"] == 34 and averages[2023]["binh_quan"] == 17.0
    assert averages[2024]["binh_quan"] == 17.5 and averages[2024]["tang_giam_binh_quan"] == 0.5
    # bands of the 19-criteria set: 2023 one commune at 19, one at 15-18; 2024 both at 15-18
    assert [averages[2023][f"nhom.{i}.so_xa"] for i in range(5)] == [1, 1, 0, 0, 0]
    assert [averages[2024][f"nhom.{i}.tang_giam"] for i in range(5)] == [-1, 1, 0, 0, 0]
    assert averages[2024]["duoi_15"] == 0


def test_matrix_marks_self_assessment_and_counts(known: Path, tmp_path: Path) -> None:
    _, report = report_json(str(known), str(tmp_path / "r.json"))
    rows = table(report, "ma_tran", NTM)["dong"]
    b2023 = next(r for r in rows if r["xa"] == "Bình Minh" and r["nam"] == 2023)
    assert b2023["so_dat"] == 15 and b2023["so_chua_dat"] == 4 and b2023["so_tu_danh_gia"] == 15
    assert b2023["tc.quy_hoach"] == {"trang_thai": "chua_dat", "theo_tu_danh_gia": True, "ly_do": None}
    assert b2023["nhom"] == "15–18 tiêu chí" and b2023["chuan"] == "NTM"
    a2024 = next(r for r in rows if r["xa"] == "An Lạc" and r["nam"] == 2024)
    assert a2024["cong_nhan"] == "NTM (2020)"


def test_progress_lists_criteria_gained_and_lost(known: Path, tmp_path: Path) -> None:
    _, report = report_json(str(known), str(tmp_path / "r.json"))
    rows = {(r["xa"], r["nam"]): r for r in table(report, "tien_do")["dong"]}
    assert rows[("Bình Minh", 2024)]["tang_giam"] == 2 and rows[("Bình Minh", 2024)]["moi_dat"] == "3, 4"
    assert rows[("An Lạc", 2024)]["khong_con_dat"] == "1" and rows[("An Lạc", 2023)]["tang_giam"] is None


def test_per_criterion_sorted_by_unmet(known: Path, tmp_path: Path) -> None:
    _, report = report_json(str(known), str(tmp_path / "r.json"))
    rows = [r for r in table(report, "theo_tieu_chi")["dong"] if r["nam"] == 2023]
    assert [r["xa_chua_dat"] for r in rows] == sorted((r["xa_chua_dat"] for r in rows), reverse=True)
    first = rows[0]
    assert first["so"] in ("1", "2", "3", "4") and first["so_xa"] == 2 and first["ty_le_chua_dat"] == 0.5


def test_two_plans_for_one_commune_and_year_are_both_named(known: Path, tmp_path: Path) -> None:
    write(known, "a-2024-ban-sao.yaml", "an  lạc", 2024, 0, huyen="Đông Sơn")  # the same commune, written loosely
    code, report = report_json(str(known), str(tmp_path / "r.json"))
    assert code == 1
    problems = table(report, "van_de")["dong"]
    assert {Path(p["tep"]).name for p in problems} == {"a-2024.yaml", "a-2024-ban-sao.yaml"}
    assert all("a-2024" in p["trung_voi"] for p in problems)
    assert report["so_tep_co_van_de"] == 2
    assert {r["nam"]: r["so_xa"] for r in table(report, "dat_chuan")["dong"]} == {2023: 2, 2024: 1}


def test_filters(known: Path, tmp_path: Path) -> None:
    _, report = report_json(str(known), "--nam", "2024", str(tmp_path / "r.json"))
    assert [r["nam"] for r in table(report, "dat_chuan")["dong"]] == [2024]
    _, report = report_json(str(known), "--tinh", "hòa  sơn", "--nam", "2023-2024", str(tmp_path / "r.json"))
    assert len(table(report, "ma_tran", NTM)["dong"]) == 4
    code, report = report_json(str(known), "--tinh", "Quảng Trị", str(tmp_path / "r.json"))
    assert code == 0 and report["phan"][0]["bang"] == []
    _, report = report_json(str(known), "--bo-tieu-chi", "xa-ntm-2026-2030", str(tmp_path / "r.json"))
    assert table(report, "dat_chuan")["dong"] == []


@pytest.mark.parametrize("args, words", [
    (("--nam", "2025-2023"), "năm đầu lớn hơn năm cuối"),
    (("--nam", "hai"), "cần một số nguyên"),
    (("-o", "x.pdf"), "đuôi tệp nhận biết: .xlsx"),
    ((), "cần -o TỆP"),
    (("-o", "/khong/co/thu-muc/x.xlsx"), "không tồn tại"),
])
def test_usage_errors_exit_2_in_vietnamese(known: Path, args: tuple[str, ...], words: str) -> None:
    extra = ("-o", "x.json") if not any(a == "-o" for a in args) and args else ()
    proc = run_process("report", str(known), *args, *extra)
    assert proc.returncode == 2, proc.stderr
    assert words in proc.stderr and "Traceback" not in proc.stderr


# ----------------------------------------------------------------------------- the demonstration province


def test_all_four_formats_from_the_demonstration_province(province: Path, tmp_path: Path) -> None:
    for suffix in ("xlsx", "html", "md", "json"):
        out = tmp_path / f"bao-cao.{suffix}"
        proc = run_process("report", str(province), "-o", str(out))
        assert proc.returncode == 1, proc.stderr  # the two broken plans are listed, and make the exit 1
        assert "2 tệp có vấn đề" in proc.stderr and out.stat().st_size > 5000
    text = (tmp_path / "bao-cao.md").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert "## 3. Chỉ số toàn tỉnh" in text and "Bình quân tiêu chí/xã" in text
    assert re.search(r"\| \d+,\d+ \|", text), "averages are written with a decimal comma"
    page = (tmp_path / "bao-cao.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 3 and "Tablesort" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "the page must ask the network for nothing"
    report = json.loads((tmp_path / "bao-cao.json").read_text(encoding="utf-8"))
    assert len(table(report, "van_de")["dong"]) == 2


def test_plans_folder(tmp_path: Path) -> None:
    for suffix in ("xlsx", "html", "md", "json"):
        code, _ = run("report", str(REPO / "plans"), "-o", str(tmp_path / f"r.{suffix}"))
        assert code == 0


def test_xlsx_read_back(province: Path, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    run("report", str(province), "-o", str(out))
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "Phạm vi" and "Theo tiêu chí" in book.sheetnames and "Có vấn đề" in book.sheetnames
    matrix = book[book.sheetnames[1]]
    assert matrix.freeze_panes == "G2" and matrix.auto_filter.ref and matrix.auto_filter.ref.startswith("A1:")
    header = [c.value for c in matrix[1]]
    assert header[:6] == ["STT", "Tỉnh", "Huyện (cũ)", "Xã", "Vùng / nhóm xã", "Năm"]
    assert "1. Quy hoạch" in header
    row = [c for c in matrix[2]]
    assert isinstance(row[0].value, int) and row[0].number_format == "#,##0"
    status = row[header.index("1. Quy hoạch")]
    assert status.value.startswith(("Đạt", "Chưa")) and status.fill.fgColor.rgb not in (None, "00000000")
    kpi = book["Đạt chuẩn theo năm"]
    kpi_header = [c.value for c in kpi[1]]
    share = kpi.cell(2, kpi_header.index("Tỷ lệ NTM đã công nhận (÷ số xã có kế hoạch)") + 1)
    assert isinstance(share.value, float) and 0 <= share.value <= 1 and share.number_format == "0.0%"
    assert kpi.cell(2, 1).number_format == "0" and kpi.cell(2, 1).value == 2023


def test_libreoffice_opens_the_xlsx(province: Path, tmp_path: Path) -> None:
    soffice = require_program("soffice", "libreoffice-calc-nogui")
    pdftotext = require_program("pdftotext", "poppler-utils")
    out = tmp_path / "bao-cao.xlsx"
    run("report", str(province), "-o", str(out))
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out)], capture_output=True, text=True, timeout=300)
    pdf = tmp_path / "bao-cao.pdf"
    assert proc.returncode == 0 and pdf.exists(), proc.stderr
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=120).stdout
    assert "Báo cáo kết quả xây dựng nông thôn mới" in text
    assert "Quy hoạch" in text and "Hòa Sơn" in text


# ----------------------------------------------------------------------------- docs/json.md is the definition


def documented(section: str) -> set[str]:
    lines = (REPO / "docs" / "json.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"#### {section}" if not section.startswith("`ntm") else f"### {section}")
    keys: set[str] = set()
    in_table = False
    for line in lines[start + 1:]:
        if line.startswith("|"):
            in_table = True
            keys.update(re.findall(r"`([a-z_.<>0-9]+)`", line.split("|")[1]))
        elif in_table or line.startswith("#"):
            break
    return keys


def _pattern(key: str) -> str:
    key = re.sub(r"\.(ntm|nang_cao|kieu_mau)$", ".<chuan>", key)
    key = re.sub(r"^nhom\.\d\.", "nhom.<i>.", key)
    return re.sub(r"^tc\..+", "tc.<ma>", key)


def test_json_is_the_documented_one(province: Path, tmp_path: Path) -> None:
    _, report = report_json(str(province), str(tmp_path / "r.json"))
    assert set(report) == documented("`ntm report`")
    assert {k for p in report["phan"] for k in p} == documented("`phan`")
    tables = [b for p in report["phan"] for b in p["bang"]]
    assert {k for b in tables for k in b} == documented("`bang`")
    for b in tables:
        assert {_pattern(c["ma"]) for c in b["cot"]} == documented(f"`{b['ma']}`"), b["ma"]
        for row in b["dong"][:3]:
            assert list(row) == [c["ma"] for c in b["cot"]]


def test_workers_give_the_same_report(province: Path, tmp_path: Path) -> None:
    """Plans reduced in worker processes (--jobs 2) make the same report as in one process."""
    _, one = report_json(str(province), "--jobs", "1", str(tmp_path / "a.json"))
    _, two = report_json(str(province), "--jobs", "2", str(tmp_path / "b.json"))
    assert one == two


def test_spreadsheet_report_loads_no_charting(tmp_path: Path) -> None:
    """pygal is imported for the page's charts only; Jinja2 for the page only; matplotlib and numpy never."""

    names = {n.split(".")[0] for n in imported("report", "plans", "-o", str(tmp_path / "r.xlsx"))}
    assert "xlsxwriter" in names and not names & {"pygal", "matplotlib", "numpy", "jinja2"}
    page = {n.split(".")[0] for n in imported("report", "plans", "-o", str(tmp_path / "r.html"))}
    assert "pygal" in page and not page & {"matplotlib", "numpy"}
