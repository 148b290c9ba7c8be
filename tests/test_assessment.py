"""The assessment through `ntm check --format json`, table-driven per indicator kind and axis.

The catalogs under tests/data/catalogs/ are test data with made-up numbers,
so each expectation below can be checked by hand against those files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from planlib import check_json, criterion, indicator, plan, write_plan

# (description, plan changes, indicator, figure, expected status, expected requirement, expected gap)
CASES: list[tuple[str, dict[str, Any], str, str, Any, str, float | None, float | None]] = [
    ("minimum met, region mien-nui", {"dia_ban__vung": "mien-nui"}, "lao_dong", "ty_le_lao_dong_qua_dao_tao", "60%", "dat", 60, None),
    ("minimum unmet, region dong-bang", {"dia_ban__vung": "dong-bang"}, "lao_dong", "ty_le_lao_dong_qua_dao_tao", "52,77%", "chua_dat", 75, 22.23),
    ("minimum, decimal comma without %", {"dia_ban__vung": "dong-bang"}, "lao_dong", "ty_le_lao_dong_qua_dao_tao", "74,9", "chua_dat", 75, 0.1),
    ("special commune uses mien-nui level", {"dia_ban__vung": "dong-bang", "dia_ban__xa_dac_biet_kho_khan": True}, "lao_dong", "ty_le_lao_dong_qua_dao_tao", "62%", "dat", 60, None),
    ("safe-zone commune uses mien-nui level", {"dia_ban__vung": "dong-bang", "dia_ban__xa_an_toan_khu": True}, "lao_dong", "ty_le_lao_dong_qua_dao_tao", "59%", "chua_dat", 60, 1.0),
    ("maximum met", {"dia_ban__vung": "mien-nui"}, "lao_dong", "ty_le_ngheo", "6%", "dat", 6, None),
    ("maximum unmet", {"dia_ban__vung": "mien-nui"}, "lao_dong", "ty_le_ngheo", "7,5%", "chua_dat", 6, 1.5),
    ("maximum, region value unknown", {"dia_ban__vung": "dong-bang"}, "lao_dong", "ty_le_ngheo", "7,5%", "chua_co_du_lieu", None, None),
    ("per-year threshold 2023", {"dia_ban__vung": "dong-bang"}, "thu_nhap", "thu_nhap_binh_quan", "56", "dat", 55, None),
    ("per-year threshold 2024", {"dia_ban__vung": "dong-bang", "nam": 2024}, "thu_nhap", "thu_nhap_binh_quan", "56", "chua_dat", 60, 4.0),
    ("per-year threshold, mien-nui 2024", {"dia_ban__vung": "mien-nui", "nam": 2024}, "thu_nhap", "thu_nhap_binh_quan", "45", "dat", 45, None),
    ("year without threshold", {"dia_ban__vung": "mien-nui", "nam": 2025}, "thu_nhap", "thu_nhap_binh_quan", "99", "chua_co_du_lieu", None, None),
    ("yes/no met", {"dia_ban__vung": "mien-nui"}, "san_xuat", "hop_tac_xa", "có", "dat", True, None),
    ("yes/no unmet", {"dia_ban__vung": "mien-nui"}, "san_xuat", "hop_tac_xa", "không", "chua_dat", True, None),
    ("count maximum zero", {"dia_ban__vung": "mien-nui"}, "san_xuat", "so_nha_tam", "3", "chua_dat", 0, 3.0),
]


@pytest.mark.parametrize(
    ("changes", "tieu_chi", "chi_tieu", "figure", "status", "requirement", "gap"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_indicator_kinds_and_axes(
    tmp_path: Path, changes: dict[str, Any], tieu_chi: str, chi_tieu: str, figure: str,
    status: str, requirement: Any, gap: float | None,
) -> None:
    data = plan(**changes, tieu_chi={tieu_chi: {"hien_trang": {chi_tieu: figure}, "nhiem_vu": "x", "giai_phap": "y"}})
    code, view = check_json(write_plan(tmp_path, data))
    ct = indicator(view, chi_tieu)
    assert ct["trang_thai"] == status, ct
    assert ct["yeu_cau"] == requirement
    assert ct["chenh_lech"] == (pytest.approx(gap) if gap is not None else None)
    assert code == (3 if status == "chua_dat" else 0)


def test_unknown_threshold_is_said_not_guessed(tmp_path: Path) -> None:
    data = plan(dia_ban__vung="dong-bang", tieu_chi={"lao_dong": {"hien_trang": {"ty_le_ngheo": "9%"}}})
    _, view = check_json(write_plan(tmp_path, data))
    ct = indicator(view, "ty_le_ngheo")
    assert ct["yeu_cau"] is None and ct["ly_do"] == "chua_co_nguong"
    assert "chưa có mức" in ct["mo_ta"]
    # the national general value is shown, never applied to the region
    assert "chỉ tiêu chung cả nước: 4%" in ct["mo_ta"]


def test_group_axis(tmp_path: Path) -> None:
    results = {}
    for group in (1, 2, 3):
        data = plan(
            nam=2026, bo_tieu_chi="thu-nghiem-nhom.yaml", dia_ban__nhom_xa=group,
            tieu_chi={"dao_tao": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": "70%"}, "nhiem_vu": "a", "giai_phap": "b"}},
        )
        _, view = check_json(write_plan(tmp_path, data, name=f"n{group}.yaml"))
        ct = indicator(view, "ty_le_lao_dong_qua_dao_tao")
        results[group] = (ct["yeu_cau"], ct["trang_thai"])
    assert results == {1: (85, "chua_dat"), 2: (75, "chua_dat"), 3: (60, "dat")}


def test_group_axis_requires_group(tmp_path: Path) -> None:
    data = plan(nam=2026, bo_tieu_chi="thu-nghiem-nhom.yaml", van_ban__ngay_ban_hanh="2026-03-02")
    code, view = check_json(write_plan(tmp_path, data))
    assert code == 1
    assert [d["ma"] for d in view["chan_doan"]] == ["DM003"]
    assert "nhom_xa" in view["chan_doan"][0]["thong_diep"]


def test_relative_threshold_kieu_mau(tmp_path: Path) -> None:
    data = plan(
        dia_ban__vung="dong-bang", bo_tieu_chi="kieu-mau-thu-nghiem.yaml",
        tieu_chi={"thu_nhap_cao_hon": {"hien_trang": {"thu_nhap_binh_quan": 60}, "nhiem_vu": "a", "giai_phap": "b"}},
    )
    _, view = check_json(write_plan(tmp_path, data))
    ct = indicator(view, "thu_nhap_binh_quan")
    assert ct["yeu_cau"] == pytest.approx(60.5)  # 1,1 × 55 (dong-bang, 2023)
    assert ct["trang_thai"] == "chua_dat"
    assert ct["chenh_lech"] == pytest.approx(0.5)


class TestPlanStatedRequirement:
    def test_used_where_catalog_has_none(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="dong-bang", tieu_chi={"lao_dong": {"hien_trang": {"ty_le_ngheo": {"gia_tri": "5%", "yeu_cau": "4%"}}, "nhiem_vu": "a", "giai_phap": "b"}})
        _, view = check_json(write_plan(tmp_path, data))
        ct = indicator(view, "ty_le_ngheo")
        assert (ct["trang_thai"], ct["yeu_cau"], ct["chenh_lech"]) == ("chua_dat", 4, 1)
        assert ct["nguon_chi_tiet"]["loai"] == "ke_hoach"
        assert ct["nguon"].startswith("kế hoạch tự nêu")

    def test_catalog_wins_and_laxer_plan_value_warns(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="dong-bang", tieu_chi={"lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": {"gia_tri": "70%", "yeu_cau": "65%"}}, "nhiem_vu": "a", "giai_phap": "b"}})
        code, view = check_json(write_plan(tmp_path, data))
        ct = indicator(view, "ty_le_lao_dong_qua_dao_tao")
        assert (ct["trang_thai"], ct["yeu_cau"]) == ("chua_dat", 75)
        assert ct["nguon_chi_tiet"]["loai"] == "bo_tieu_chi"
        warnings = [d for d in view["chan_doan"] if d["ma"] == "KH005"]
        assert len(warnings) == 1 and warnings[0]["muc_do"] == "canh_bao"
        assert warnings[0]["duong_dan"] == "tieu_chi.lao_dong.hien_trang.ty_le_lao_dong_qua_dao_tao.yeu_cau"
        assert code == 3
        strict_code, _ = check_json(write_plan(tmp_path, data), "--strict")
        assert strict_code == 1


class TestProvinceOverlay:
    def test_raised_threshold_changes_the_result(self, tmp_path: Path) -> None:
        figures = {"lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": "78%"}, "nhiem_vu": "a", "giai_phap": "b"}}
        national = plan(dia_ban__vung="dong-bang", tieu_chi=figures)
        province = plan(dia_ban__vung="dong-bang", tieu_chi=figures, bo_tieu_chi="tinh-thu-nghiem.yaml")
        _, v1 = check_json(write_plan(tmp_path, national, name="a.yaml"))
        _, v2 = check_json(write_plan(tmp_path, province, name="b.yaml"))
        assert indicator(v1, "ty_le_lao_dong_qua_dao_tao")["trang_thai"] == "dat"
        ct = indicator(v2, "ty_le_lao_dong_qua_dao_tao")
        assert (ct["trang_thai"], ct["yeu_cau"], ct["chenh_lech"]) == ("chua_dat", 80, 2)
        assert ct["nguon"].startswith("QĐ 123/QĐ-UBND")
        # the region the overlay did not touch keeps the parent's value and citation
        mien_nui = plan(dia_ban__vung="mien-nui", tieu_chi=figures, bo_tieu_chi="tinh-thu-nghiem.yaml")
        _, v3 = check_json(write_plan(tmp_path, mien_nui, name="c.yaml"))
        assert indicator(v3, "ty_le_lao_dong_qua_dao_tao")["nguon"].startswith("QĐ 999/QĐ-TEST")

    def test_laxer_province_level_refuses_the_set(self, tmp_path: Path) -> None:
        """A province may raise a level, never lower it: the set is refused at the lowering line."""
        data = plan(
            dia_ban__vung="mien-nui", bo_tieu_chi="tinh-ha-muc.yaml",
            tieu_chi={"lao_dong": {"hien_trang": {"ty_le_ngheo": "7%"}, "nhiem_vu": "a", "giai_phap": "b"}},
        )
        code, view = check_json(write_plan(tmp_path, data))
        assert code == 1 and view["tieu_chi"] == []
        assert [d["ma"] for d in view["chan_doan"]] == ["BTC011", "BTC013"]
        lowered = view["chan_doan"][1]
        assert lowered["tep"].endswith("tinh-ha-muc.yaml") and lowered["dong"] == 18
        assert "≤ 8%" in lowered["thong_diep"] and "≤ 6%" in lowered["thong_diep"]

    def test_added_indicator(self, tmp_path: Path) -> None:
        data = plan(
            dia_ban__vung="dong-bang", bo_tieu_chi="tinh-thu-nghiem.yaml",
            tieu_chi={"lao_dong": {"hien_trang": {"ty_le_lao_dong_co_chung_chi": "25%"}, "nhiem_vu": "a", "giai_phap": "b"}},
        )
        _, view = check_json(write_plan(tmp_path, data))
        ct = indicator(view, "ty_le_lao_dong_co_chung_chi")
        assert (ct["so"], ct["trang_thai"], ct["chenh_lech"]) == ("1.3", "chua_dat", 5)


class TestCriterionRules:
    def test_criterion_met_only_when_every_indicator_met(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="mien-nui", tieu_chi={"san_xuat": {"hien_trang": {"hop_tac_xa": "có", "so_nha_tam": 0}}})
        _, view = check_json(write_plan(tmp_path, data))
        assert criterion(view, "san_xuat")["trang_thai"] == "dat"
        data["tieu_chi"]["san_xuat"]["hien_trang"]["so_nha_tam"] = 1
        _, view = check_json(write_plan(tmp_path, data))
        tc = criterion(view, "san_xuat")
        assert tc["trang_thai"] == "chua_dat" and tc["chi_tieu_chua_dat"] == ["so_nha_tam"]

    def test_self_declared_used_only_without_figures(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="mien-nui", tieu_chi={"thu_nhap": {"tu_danh_gia": "đạt"}})
        _, view = check_json(write_plan(tmp_path, data))
        tc = criterion(view, "thu_nhap")
        assert (tc["trang_thai"], tc["theo_tu_danh_gia"]) == ("dat", True)
        assert view["tong_hop"]["dat_theo_tu_danh_gia"] == 1

    def test_declaration_contradicting_figures_warns(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="mien-nui", tieu_chi={"san_xuat": {"tu_danh_gia": "dat", "hien_trang": {"hop_tac_xa": "không"}, "nhiem_vu": "a", "giai_phap": "b"}})
        _, view = check_json(write_plan(tmp_path, data))
        assert criterion(view, "san_xuat")["trang_thai"] == "chua_dat"
        assert [d["ma"] for d in view["chan_doan"]] == ["KH004"]

    def test_unmet_without_tasks_warns(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="mien-nui", tieu_chi={"san_xuat": {"hien_trang": {"hop_tac_xa": "không"}, "nhiem_vu": "Thành lập HTX"}})
        _, view = check_json(write_plan(tmp_path, data))
        diags = [d for d in view["chan_doan"] if d["ma"] == "KH001"]
        assert len(diags) == 1 and "giải pháp" in diags[0]["thong_diep"]

    def test_target_below_threshold_warns(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="dong-bang", tieu_chi={"lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": {"gia_tri": "60%", "muc_tieu": "70%"}}, "nhiem_vu": "a", "giai_phap": "b"}})
        _, view = check_json(write_plan(tmp_path, data))
        assert [d["ma"] for d in view["chan_doan"]] == ["KH002"]

    @pytest.mark.parametrize(
        ("chi_tieu", "target", "warns"),
        [
            ("ty_le_lao_dong_qua_dao_tao", "70-80", True),  # a minimum: the low end must reach 75
            ("ty_le_lao_dong_qua_dao_tao", "75-80", False),
            ("ty_le_ngheo", "3-5", False),  # a maximum (mien-nui ≤ 6): the high end counts
            ("ty_le_ngheo", "5-7", True),
        ],
    )
    def test_target_range_is_judged_at_its_weaker_end(
        self, tmp_path: Path, chi_tieu: str, target: str, warns: bool
    ) -> None:
        region = "dong-bang" if chi_tieu == "ty_le_lao_dong_qua_dao_tao" else "mien-nui"
        data = plan(dia_ban__vung=region, tieu_chi={"lao_dong": {"hien_trang": {chi_tieu: {"muc_tieu": target}}}})
        _, view = check_json(write_plan(tmp_path, data))
        kh002 = [d for d in view["chan_doan"] if d["ma"] == "KH002"]
        assert bool(kh002) is warns
        if warns:
            weak = target.split("-")[0 if chi_tieu == "ty_le_lao_dong_qua_dao_tao" else 1]
            assert f"mục tiêu ({weak})" in kh002[0]["thong_diep"]

    def test_declared_total_disagreeing_with_set_warns(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="mien-nui", chi_tieu={"bo_tieu_chi": {"dat_chuan": "19/19"}})
        _, view = check_json(write_plan(tmp_path, data))
        diags = [d for d in view["chan_doan"] if d["ma"] == "KH003"]
        assert len(diags) == 1 and "có 3 tiêu chí" in diags[0]["thong_diep"]

    def test_criterion_of_another_set_is_an_error(self, tmp_path: Path) -> None:
        data = plan(dia_ban__vung="mien-nui", tieu_chi={"dao_tao": {"tu_danh_gia": "dat"}})
        code, view = check_json(write_plan(tmp_path, data))
        assert code == 1
        assert [d["ma"] for d in view["chan_doan"]] == ["TC001"]
