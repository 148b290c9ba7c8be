"""Plans of other levels (dia_ban.cap) and multi-year plans (giai_doan), as a user runs them: the
shipped province plan and merged commune's 2026-2030 plan validate, check and render (.md, .docx read
back, .pdf read with pdftotext); `ntm init --cap tinh` and `--giai-doan`; a period straddling two
sets said in one line; a province plan counted apart from communes in the report's aggregation."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import require_program
from docx import Document
from planlib import REPO, run, run_process, write_plan

from ntm.run.one import check_file
from ntm.tong_hop.gop import Gop
from ntm.tong_hop.tom_tat import tom_tat

PROVINCE = REPO / "plans" / "ninh-binh-tinh-2026-2030.yaml"
MERGED = REPO / "plans" / "hai-phong-2026-2030.yaml"


def test_the_shipped_plans_validate_and_check() -> None:
    for plan in (PROVINCE, MERGED):
        assert run("validate", str(plan))[0] == 0, plan
    code, out = run("check", str(PROVINCE), "--all")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith("giai đoạn 2026 - 2030")
    assert lines[1] == "  Kế hoạch cấp tỉnh: không đánh giá tiêu chí xã (tiêu chí chỉ xét cho từng xã)."
    assert "chưa đánh giá được" not in out.lower() and len(lines) == 3
    code, out = run("check", str(MERGED))
    assert code == 3  # criteria unmet, said as for any commune
    assert ", giai đoạn 2026 - 2030, nhóm xã 2" in out.splitlines()[0]


def test_check_json_carries_the_level_the_period_and_the_stages() -> None:
    _, out = run("check", str(PROVINCE), "--format", "json")
    view = json.loads(out)
    assert (view["cap"], view["giai_doan"], view["tieu_chi"], view["tong_hop"]) == ("tinh", [2026, 2030], [], None)
    _, out = run("check", str(MERGED), "--format", "json")
    view = json.loads(out)
    water = next(ct for tc in view["tieu_chi"] for ct in tc["chi_tieu"] if ct["ma"] == "ty_le_ho_dung_nuoc_sach")
    assert water["lo_trinh"] == [{"nam": 2026, "tu": 65, "den": None}, {"nam": 2028, "tu": 80, "den": None},
                                 {"nam": 2030, "tu": 95, "den": None}]
    assert water["muc_tieu"] == {"tu": 95, "den": None}  # the final year's


def test_the_documents_state_level_and_stages_as_offices_write_them(tmp_path: Path) -> None:
    for plan, name in ((PROVINCE, "tinh"), (MERGED, "xa")):
        assert run("render", str(plan), "-o", str(tmp_path / f"{name}.md"))[0] == 0
    province = (tmp_path / "tinh.md").read_text(encoding="utf-8")
    assert "**ỦY BAN NHÂN DÂN TỈNH NINH BÌNH**" in province
    assert "- Đến năm 2028: xây dựng xã Hải Phong đạt chuẩn xã nông thôn mới hiện đại;" in province
    merged = (tmp_path / "xa.md").read_text(encoding="utf-8")
    for line in ("- Đến năm 2026 đạt chuẩn 4/10 tiêu chí, đến năm 2028 đạt chuẩn 7/10 tiêu chí, đến năm 2030 đạt "
                 "chuẩn 10/10 tiêu chí;",
                 "- Tỷ lệ nghèo đa chiều: đến năm 2026 còn 3,2%, đến năm 2028 còn 2,5%, đến năm 2030 còn 1,5%;",
                 "- Tỷ lệ hộ dùng nước sạch theo quy chuẩn: đến năm 2026 đạt 65%, đến năm 2028 đạt 80%, đến năm 2030 "
                 "đạt 95%;",
                 "- Đến năm 2029: xây dựng thôn Tây Hải, thôn Nam Hải đạt chuẩn thôn thông minh."):
        assert line in merged.splitlines(), line
    for text in (province, merged):
        assert "≥" not in text and "≤" not in text


def test_the_province_plans_docx_header_reads_its_level(tmp_path: Path) -> None:
    target = tmp_path / "tinh.docx"
    assert run("render", str(PROVINCE), "-o", str(target))[0] == 0
    header = Document(str(target)).tables[0].rows[0].cells[0]
    lines = [p.text for p in header.paragraphs if p.text.strip()]
    assert lines[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"]


def test_the_shipped_plans_as_pdf(tmp_path: Path) -> None:
    require_program("soffice", "libreoffice-writer-nogui")
    pdftotext = require_program("pdftotext", "poppler-utils")
    texts = {}
    for plan in (PROVINCE, MERGED):
        target = tmp_path / f"{plan.stem}.pdf"
        done = run_process("render", str(plan), "-o", str(target))
        assert done.returncode == 0, done.stderr
        assert target.read_bytes().startswith(b"%PDF-")
        out = subprocess.run([pdftotext, "-layout", str(target), "-"], capture_output=True, text=True, check=True)
        texts[plan] = " ".join(out.stdout.split())
    assert "TỈNH NINH BÌNH" in texts[PROVINCE] and "PHÓ CHỦ TỊCH" in texts[PROVINCE]
    assert "đến năm 2028 đạt 80%" in texts[MERGED] and "PHỤ LỤC" in texts[MERGED]


def test_init_writes_a_province_plan_and_a_multi_year_plan(tmp_path: Path) -> None:
    done = run_process("init", "tinh.yaml", "-b", "xa-ntm-2026-2030", "--cap", "tinh", "--tinh", "Nam Định",
                       "--giai-doan", "2026-2030", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "tinh.yaml").read_text(encoding="utf-8")
    assert "co_quan_ban_hanh: ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH" in text
    assert "  cap: tinh" in text and "\n  xa:" not in text and "giai_doan: {tu: 2026, den: 2030}" in text
    assert "hien_trang" not in text and "gia_tri" not in text  # no commune's figures to fill
    code, out = run("check", str(tmp_path / "tinh.yaml"))
    assert code == 0 and "Kế hoạch cấp tỉnh: không đánh giá tiêu chí xã" in out
    done = run_process("init", "xa.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "2", "--xa", "Hải Phong",
                       "--tinh", "Ninh Bình", "--giai-doan", "2026-2030", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "xa.yaml").read_text(encoding="utf-8")
    assert "giai_doan: {tu: 2026, den: 2030}" in text and "\nnam:" not in text
    assert "mức phấn đấu đến năm 2030, hoặc theo năm: {2026: …, 2030: …}" in text
    assert run("validate", str(tmp_path / "xa.yaml"))[0] == 0


def test_a_period_straddling_two_sets_is_held_to_the_set_of_its_date(tmp_path: Path) -> None:
    plan = {
        "van_ban": {"co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ HẢI PHONG", "so_hieu": "12/KH-UBND",
                    "dia_danh": "Hải Phong", "ngay_ban_hanh": "2025-09-10",
                    "trich_yeu": "Xây dựng nông thôn mới giai đoạn 2025 - 2030", "noi_nhan": ["Lưu: VT."],
                    "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Phạm Văn Thành"}},
        "dia_ban": {"xa": "Hải Phong", "tinh": "Ninh Bình", "vung": "dong-bang-song-hong"},
        "giai_doan": {"tu": 2025, "den": 2030},
        "bo_tieu_chi": "xa-ntm-2021-2025",
    }
    code, out = run("check", str(write_plan(tmp_path, plan)))
    lines = out.splitlines()
    assert ", giai đoạn 2025 - 2030, vùng " in lines[0]
    assert lines[1] == ("  Giai đoạn 2025 - 2030 trải qua hai bộ tiêu chí: đánh giá theo Bộ tiêu chí xã NTM 2021-2025 "
                        "(giai đoạn 2021-2025), bộ áp dụng tại ngày ban hành kế hoạch (10/09/2025).")
    plan["bo_tieu_chi"] = "xa-ntm-2026-2030"
    plan["dia_ban"] = {"xa": "Hải Phong", "tinh": "Ninh Bình", "nhom_xa": 2}
    code, out = run("check", str(write_plan(tmp_path, plan, "sai-bo.yaml")))
    assert code == 1 and "[DM004] giai_doan: giai đoạn 2025 - 2030 trải qua hai bộ tiêu chí" in out


@pytest.mark.parametrize("plan", [PROVINCE, MERGED])
def test_the_report_summary_carries_level_and_period(plan: Path) -> None:
    summary = tom_tat(check_file(plan, assessing=True))
    assert summary.giai_doan == (2026, 2030) and summary.nam == 2030
    gop = Gop()
    gop.add(summary)
    if plan is PROVINCE:
        assert summary.cap == "tinh" and summary.xa is None
        assert (gop.khong_phai_xa, gop.dong, gop.van_de) == ([summary], [], [])  # never a commune, never a problem
    else:
        assert summary.cap == "xa" and len(gop.dong) == 1 and gop.khong_phai_xa == []


def test_the_github_job_summary_counts_no_criteria_for_a_province_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, _ = run("check", str(PROVINCE), str(MERGED), "--format", "github")
    assert code == 3  # the commune's plan still has unmet criteria
    text = summary.read_text(encoding="utf-8")
    assert f"| {PROVINCE} | hợp lệ | 0 | 0 | – | – | – | – |" in text  # not assessed, never "0 of 0"
    section = text.split(f"### {PROVINCE}\n", 1)[1].split("\n### ", 1)[0]
    assert section.strip() == "Kế hoạch cấp tỉnh: không đánh giá tiêu chí xã (tiêu chí chỉ xét cho từng xã)."
    merged = json.loads(run("check", str(MERGED), "--format", "json")[1])["tong_hop"]
    assert f"| {MERGED} | hợp lệ | 0 | 0 | {merged['dat']} | {merged['chua_dat']} |" in text
