"""The assessment end to end: `ntm check --format json` on plans written to files, as a user runs it.

The rules themselves (every comparison kind, each axis, self-assessment, a province's set, the
plan's own requirement, the KH warnings) are unit tests of the stages: tests/unit/assess/,
tests/unit/catalog/, tests/unit/rules/. What stays here is what only the whole run shows: the
JSON view of the numbers, the exit codes, `--strict`, a province's set read from its files, and
an error of the plan against its set stopping the assessment. The catalogs under
tests/data/catalogs/ are test data with made-up numbers, so every expectation can be checked by
hand against those files.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from planlib import check_json, criterion, indicator, plan, write_plan


def test_one_plan_many_kinds_numbers_statuses_and_sources_in_the_json_view(tmp_path: Path) -> None:
    data = plan(dia_ban__vung="dong-bang", tieu_chi={
        "lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": "52,77%",  # ≥ 75 (dong-bang)
                                    "ty_le_ngheo": {"gia_tri": "5%", "yeu_cau": "4%"}},  # no level: the plan's own
                     "nhiem_vu": "a", "giai_phap": "b"},
        "thu_nhap": {"hien_trang": {"thu_nhap_binh_quan": "56"}},  # ≥ 55 (dong-bang, 2023)
        "san_xuat": {"hien_trang": {"hop_tac_xa": "có", "so_nha_tam": 3}, "nhiem_vu": "a", "giai_phap": "b"},
    })
    code, view = check_json(write_plan(tmp_path, data))
    assert code == 3  # valid, some criteria unmet
    trained = indicator(view, "ty_le_lao_dong_qua_dao_tao")
    assert (trained["trang_thai"], trained["gia_tri"], trained["yeu_cau"]) == ("chua_dat", 52.77, 75)
    assert trained["chenh_lech"] == pytest.approx(22.23)
    assert trained["mo_ta"] == "đạt 52,77%, yêu cầu ≥ 75%, còn thiếu 22,23 điểm phần trăm"
    poor = indicator(view, "ty_le_ngheo")
    assert (poor["trang_thai"], poor["yeu_cau"], poor["chenh_lech"]) == ("chua_dat", 4, 1)
    assert poor["nguon_chi_tiet"]["loai"] == "ke_hoach" and poor["nguon"].startswith("kế hoạch tự nêu")
    assert (indicator(view, "thu_nhap_binh_quan")["trang_thai"], indicator(view, "hop_tac_xa")["yeu_cau"]) == (
        "dat", True)
    houses = indicator(view, "so_nha_tam")
    assert (houses["trang_thai"], houses["yeu_cau"], houses["chenh_lech"]) == ("chua_dat", 0, 3)
    assert criterion(view, "san_xuat")["chi_tieu_chua_dat"] == ["so_nha_tam"]
    assert (view["tong_hop"]["dat"], view["tong_hop"]["chua_dat"]) == (1, 2)
    assert view["chan_doan"] == []


def test_an_unknown_level_is_said_not_guessed(tmp_path: Path) -> None:
    data = plan(dia_ban__vung="dong-bang", tieu_chi={"lao_dong": {"hien_trang": {"ty_le_ngheo": "9%"}}})
    code, view = check_json(write_plan(tmp_path, data))
    ct = indicator(view, "ty_le_ngheo")
    assert ct["yeu_cau"] is None and ct["ly_do"] == "chua_co_nguong" and ct["trang_thai"] == "chua_co_nguong"  # JSON 2: its own state (issue 17)
    assert "chưa có mức" in ct["mo_ta"]
    assert "chỉ tiêu chung cả nước: 4%" in ct["mo_ta"]  # the national value is shown, never applied
    assert code == 0  # nothing unmet: an unknown level is no failure


def test_a_laxer_requirement_of_the_plan_warns_and_fails_only_with_strict(tmp_path: Path) -> None:
    data = plan(dia_ban__vung="dong-bang", tieu_chi={"lao_dong": {
        "hien_trang": {"ty_le_lao_dong_qua_dao_tao": {"gia_tri": "80%", "yeu_cau": "65%"}},
        "nhiem_vu": "a", "giai_phap": "b"}})
    path = write_plan(tmp_path, data)
    code, view = check_json(path)
    ct = indicator(view, "ty_le_lao_dong_qua_dao_tao")
    assert (ct["trang_thai"], ct["yeu_cau"], ct["nguon_chi_tiet"]["loai"]) == ("dat", 75, "bo_tieu_chi")
    [warning] = view["chan_doan"]
    assert (warning["ma"], warning["muc_do"]) == ("KH005", "canh_bao")
    assert warning["duong_dan"] == "tieu_chi.lao_dong.hien_trang.ty_le_lao_dong_qua_dao_tao.yeu_cau"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert warning["dong"] == next(n for n, line in enumerate(lines, 1) if line.strip().startswith("yeu_cau:"))
    assert code == 0
    assert check_json(path, "--strict")[0] == 1


def test_a_provinces_set_is_read_from_its_files_and_cited(tmp_path: Path) -> None:
    """tinh-thu-nghiem.yaml extends thu-nghiem-vung.yaml: it raises dong-bang's ≥ 75% to ≥ 80%."""
    figures = {"lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": "78%"}, "nhiem_vu": "a", "giai_phap": "b"}}
    raised = plan(dia_ban__vung="dong-bang", tieu_chi=figures, bo_tieu_chi="tinh-thu-nghiem.yaml")
    _, view = check_json(write_plan(tmp_path, raised, name="a.yaml"))
    ct = indicator(view, "ty_le_lao_dong_qua_dao_tao")
    assert (ct["trang_thai"], ct["yeu_cau"], ct["chenh_lech"]) == ("chua_dat", 80, 2)
    assert ct["nguon"].startswith("QĐ 123/QĐ-UBND")
    untouched = plan(dia_ban__vung="mien-nui", tieu_chi=figures, bo_tieu_chi="tinh-thu-nghiem.yaml")
    _, view = check_json(write_plan(tmp_path, untouched, name="b.yaml"))
    assert indicator(view, "ty_le_lao_dong_qua_dao_tao")["nguon"].startswith("QĐ 999/QĐ-TEST")


def test_an_error_against_the_set_stops_the_assessment(tmp_path: Path) -> None:
    data = plan(dia_ban__vung="mien-nui", tieu_chi={"dao_tao": {"tu_danh_gia": "dat"}})  # a criterion of another set
    code, view = check_json(write_plan(tmp_path, data))
    assert code == 1
    assert [d["ma"] for d in view["chan_doan"]] == ["TC001"]
    assert view["tieu_chi"] == []
