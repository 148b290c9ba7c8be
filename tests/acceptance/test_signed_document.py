"""What an office signs, through `ntm render` as a user runs it: the status annex (one row per
criterion, or per indicator with `chi_tiet: true`), levels and lists in office wording, numbers
in tables, drafts refused or marked DỰ THẢO. Page flow and the PDF are in tests/acceptance/test_page_flow.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from doclib import render, render_docx, render_md
from planlib import REPO

SEED = REPO / "plans" / "huong-son-2023.yaml"
PARTY = REPO / "plans" / "cam-ha-2022-thi-dua.yaml"
SMALL_SET = REPO / "tests" / "data" / "render" / "bo-tieu-chi-nho.yaml"
# Provenance and confidence: `check`'s words, never a signed paper's.
TOOL_TALK = ("chưa đối chiếu", "nguồn thứ cấp", "số tạm", "kế hoạch tự nêu", "tự đánh giá", "≥", "≤")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write(folder: Path, data: dict[str, Any], name: str = "ke-hoach.yaml") -> Path:
    plan = folder / name
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plan


def _table(markdown: str, first_header: str) -> list[list[str]]:
    """The rows of the Markdown pipe table whose header row starts with `first_header`."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split(" | ")])
    return rows


# ----------------------------------------------------------------------------- the status annex


@pytest.fixture(scope="module")
def party_md() -> str:
    return render_md(PARTY)


def test_the_status_annex_has_one_row_per_criterion(party_md: str) -> None:
    header = next(line for line in party_md.splitlines() if line.startswith("| TT |"))
    assert header == "| TT | Tiêu chí | Yêu cầu | Hiện trạng | Đánh giá |"
    rows = _table(party_md, "TT")
    assert [r[0] for r in rows] == [str(n) for n in range(1, 20)]
    by_name = {r[1]: r for r in rows}
    assert by_name["Lao động"][2].startswith("Tỷ lệ lao động qua đào tạo từ 75% trở lên")
    assert by_name["Lao động"][3:] == ["68,5%", "Chưa đạt"]
    assert by_name["Nhà ở dân cư"][2].startswith("Không còn nhà tạm, dột nát")
    assert by_name["Nhà ở dân cư"][3] == "Còn 2 nhà tạm, dột nát"
    assert {r[4] for r in rows} <= {"Đạt", "Chưa đạt", "Chưa đánh giá"}


@pytest.mark.parametrize("plan", [SEED, PARTY], ids=["nha-nuoc", "dang"])
def test_no_document_carries_tool_talk(plan: Path, tmp_path: Path) -> None:
    data = _load(plan)
    data["phu_luc"] = [{"tieu_de": "Tình trạng", "bang": "tinh_trang_tieu_chi"},
                       {"tieu_de": "Tình trạng chi tiết", "bang": "tinh_trang_tieu_chi", "chi_tiet": True}]
    text = render_md(_write(tmp_path, data))
    for words in TOOL_TALK:
        assert words not in text, words


def test_self_assessed_criteria_show_the_plans_verdict(tmp_path: Path) -> None:
    data = _load(SEED)
    data["phu_luc"] = [{"tieu_de": "Tình trạng", "bang": "tinh_trang_tieu_chi"},
                       {"tieu_de": "Chi tiết", "bang": "tinh_trang_tieu_chi", "chi_tiet": True}]
    text = render_md(_write(tmp_path, data))
    compact = {r[1]: r for r in _table(text, "TT")}
    # Quy hoạch has no figures in the set; the plan declares it đạt
    assert compact["Quy hoạch"][3:] == ["", "Đạt"]
    assert compact["Lao động"][3:] == ["52,77%", "Chưa đạt"]
    detail = _table(text, "Số")
    quy_hoach = [r for r in detail if r[1] == "Quy hoạch"]
    assert quy_hoach and quy_hoach[0][-1] == "Đạt"
    assert "Chưa có số liệu" not in " ".join(" ".join(r) for r in detail if r[1] == "Quy hoạch")
    lao_dong = next(r for r in detail if r[1] == "Lao động")
    assert lao_dong[2:] == ["Tỷ lệ lao động qua đào tạo", "Từ 75% trở lên", "52,77%", "",
                            "Chưa đạt (còn thiếu 22,23 điểm phần trăm)"]


def test_the_detailed_annex_lays_out_on_landscape_with_the_indicator_column_widest(tmp_path: Path) -> None:
    data = _load(PARTY)
    data["phu_luc"][-1]["chi_tiet"] = True
    document = render_docx(_write(tmp_path, data), tmp_path)
    table = document.tables[-1]
    labels = [c.text for c in table.rows[0].cells]
    assert labels == ["Số", "Tiêu chí", "Chỉ tiêu", "Yêu cầu", "Hiện trạng", "Mục tiêu", "Đánh giá"]
    widths = [int(c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
              for c in table._tbl.tblGrid.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol")]
    assert widths.index(max(widths)) == 2
    section = document.sections[-1]
    assert section.page_width > section.page_height


def test_yes_no_levels_read_co_khong(tmp_path: Path) -> None:
    data = _load(SEED)
    data["phu_luc"] = [{"tieu_de": "Chi tiết", "bang": "tinh_trang_tieu_chi", "chi_tiet": True}]
    detail = _table(render_md(_write(tmp_path, data)), "Số")
    htx = next(r for r in detail if r[2].startswith("Xã có hợp tác xã") or "hợp tác xã" in r[2].lower())
    assert htx[3] == "Có" and htx[4] in ("Có", "Không")
    assert "đạt" not in {r[3] for r in detail}


# ----------------------------------------------------------------------------- office wording


@pytest.fixture(scope="module")
def seed_md() -> str:
    return render_md(SEED)


def test_levels_are_written_as_offices_write_them(seed_md: str) -> None:
    assert "≥" not in seed_md and "≤" not in seed_md
    assert "yêu cầu từ 75% trở lên" in seed_md
    assert "còn 3 nhà tạm, dột nát, yêu cầu không còn" in seed_md


def test_the_unmet_criteria_sentence(seed_md: str) -> None:
    line = next(line for line in seed_md.splitlines() if "tiêu chí chưa đạt" in line and line.startswith("- "))
    assert line.startswith("- Phấn đấu hoàn thành các tiêu chí chưa đạt, gồm: tiêu chí **Nhà ở dân cư** (")
    assert "nâng tỷ lệ" not in line and line.endswith(").")


def test_generated_lists_end_with_a_full_stop(tmp_path: Path) -> None:
    data = _load(SMALL_SET.parent / "day-du.yaml")
    data["chi_tieu"]["bo_tieu_chi"]["noi_dung_khac"] = []
    data["kinh_phi"]["nguon"].append({"ten": "Nhân dân đóng góp", "so_tien": 1306000})
    (tmp_path / "bo-tieu-chi-nho.yaml").write_bytes(SMALL_SET.read_bytes())
    text = render_md(_write(tmp_path, data), "--cho-phep-ngoai-kho")
    assert "- Thực hiện đạt chuẩn 3/3 tiêu chí.\n" in text  # alone in its list: the last item
    sources = [line for line in text.splitlines() if line.startswith(("- Ngân sách tỉnh", "- Vốn huy động",
                                                                      "- Nhân dân đóng góp"))]
    assert sources == ["- Ngân sách tỉnh: 1.000.000.000 đồng;", "- Vốn huy động;",
                       "- Nhân dân đóng góp: 1.306.000 đồng."]


def test_the_plans_own_items_stay_as_written(tmp_path: Path) -> None:
    data = _load(SMALL_SET.parent / "day-du.yaml")
    (tmp_path / "bo-tieu-chi-nho.yaml").write_bytes(SMALL_SET.read_bytes())
    text = render_md(_write(tmp_path, data), "--cho-phep-ngoai-kho")
    # generated first item: ";" (a plan's item follows); the plan's own item: as typed
    assert "- Thực hiện đạt chuẩn 3/3 tiêu chí;\n- Duy trì tiêu chí Quy hoạch\n" in text


def test_table_numbers_the_vietnamese_way(tmp_path: Path) -> None:
    data = _load(SMALL_SET.parent / "day-du.yaml")
    (tmp_path / "bo-tieu-chi-nho.yaml").write_bytes(SMALL_SET.read_bytes())
    data["phu_luc"] = [{"tieu_de": "Số liệu", "bang": {
        "cot": ["Số TT", "Thôn", "Số hộ", "Năm", {"ten": "Mã", "kieu": "chu"}, {"ten": "Diện tích", "kieu": "so"}],
        "dong": [[1, "A", 1306, 2023, 12345, "12,5"], [2, "B", 87, 2024, 100, 3]]}}]
    rows = _table(render_md(_write(tmp_path, data), "--cho-phep-ngoai-kho"), "Số TT")
    assert rows == [["1", "A", "1.306", "2023", "12345", "12,5"], ["2", "B", "87", "2024", "100", "3"]]


def test_muc_dich_yeu_cau_as_a_list(tmp_path: Path) -> None:
    data = _load(SMALL_SET.parent / "day-du.yaml")
    (tmp_path / "bo-tieu-chi-nho.yaml").write_bytes(SMALL_SET.read_bytes())
    data["muc_dich_yeu_cau"]["kieu"] = "gach"
    text = render_md(_write(tmp_path, data), "--cho-phep-ngoai-kho")
    assert "- Phân công rõ người, rõ việc;\n- Báo cáo kết quả hằng quý.\n" in text
    data["muc_dich_yeu_cau"]["kieu"] = "cong"
    assert "+ Phân công rõ người, rõ việc;\n+ Báo cáo kết quả hằng quý.\n" in render_md(
        _write(tmp_path, data), "--cho-phep-ngoai-kho")


def test_target_kinds_for_the_same_places_share_a_heading(tmp_path: Path) -> None:
    data = _load(SMALL_SET.parent / "day-du.yaml")
    (tmp_path / "bo-tieu-chi-nho.yaml").write_bytes(SMALL_SET.read_bytes())
    data["chi_tieu"]["dia_ban"] = [
        {"loai": "thon_ntm_kieu_mau", "noi": ["Phú Thượng", "Phú Hạ"]},
        {"loai": "thon_thong_minh", "noi": ["Phú Thượng", "Phú Hạ"]},
        {"loai": "vuon_mau", "tieu_de": "Vườn mẫu", "noi": ["hộ ông A"]},
    ]
    text = render_md(_write(tmp_path, data), "--cho-phep-ngoai-kho")
    headings = re.findall(r"^\d+\.\d+\. (.+)$", text, re.MULTILINE)
    assert "Xây dựng thôn nông thôn mới kiểu mẫu và thôn thông minh" in headings
    assert "Vườn mẫu" in headings
    assert ("- Xây dựng thôn Phú Thượng đạt chuẩn thôn nông thôn mới kiểu mẫu và thôn thông minh;\n"
            "- Xây dựng thôn Phú Hạ đạt chuẩn thôn nông thôn mới kiểu mẫu và thôn thông minh.\n") in text
    assert text.count("Phú Thượng") == 1


# ----------------------------------------------------------------------------- drafts


def _with_placeholders(folder: Path) -> Path:
    data = _load(SEED)
    data["van_ban"]["so_hieu"] = "[ĐIỀN: số]/KH-UBND"
    data["van_ban"]["nguoi_ky"]["ho_ten"] = "[ĐIỀN: họ tên người ký]"
    return _write(folder, data)


def test_a_plan_with_placeholders_is_not_rendered(tmp_path: Path) -> None:
    plan = _with_placeholders(tmp_path)
    target = tmp_path / "ke-hoach.docx"
    code, out, err = render(str(plan), "-o", str(target))
    assert code == 1 and not target.exists() and out == ""
    found = [line for line in err.splitlines() if "[VB009]" in line]
    assert len(found) == 2  # each placeholder, where it is
    assert all(re.match(rf"{re.escape(str(plan))}:\d+:\d+: lỗi \[VB009\] van_ban\.", line) for line in found)
    assert "[KH012]" not in err
    assert "--du-thao" in err.splitlines()[-1]


def test_a_draft_is_marked_and_keeps_its_placeholders(tmp_path: Path) -> None:
    plan = _with_placeholders(tmp_path)
    text = render_md(plan, "--du-thao")
    assert text.startswith("**DỰ THẢO**\n")
    assert "Số: [ĐIỀN: số]/KH-UBND" in text and "[ĐIỀN: họ tên người ký]" in text
    document = render_docx(plan, tmp_path, "--du-thao")
    first = document.paragraphs[0]
    assert first.text == "DỰ THẢO" and first.runs[0].bold
    borders = first._p.pPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")
    assert borders is not None and len(borders) == 4  # framed, as offices mark a draft
    # a plan without placeholders may be printed as a draft too; without the option it has no mark
    assert render_md(SEED, "--du-thao").startswith("**DỰ THẢO**")
    assert "DỰ THẢO" not in render_md(SEED)
