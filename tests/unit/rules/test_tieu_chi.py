"""rules.tieu_chi (TC): the criteria and indicators a plan names exist in its set, and its figures
fit them (docs/codes.md TC001-TC006; docs/plan-format.md, "Số liệu")."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.catalog import BoTieuChi
from ntm.rules.tieu_chi import chi_tieu_rieng_hop_le, don_vi, ma_tieu_chi
from unit.conftest import make_figures, make_input


def found(rule: Any, bo: BoTieuChi, **changes: Any) -> list[tuple[str, tuple]]:
    return [(d.code, d.path) for d in rule(make_input(bo, **changes))]


# ----------------------------------------------------------------------------- codes


def test_codes_of_the_set_are_fine(bo_vung: BoTieuChi) -> None:
    assert found(ma_tieu_chi, bo_vung, tieu_chi=make_figures("lao_dong", ty_le_ngheo="5%")) == []


def test_an_unknown_criterion_is_refused_at_its_key_with_the_closest_code(bo_vung: BoTieuChi) -> None:
    [d] = ma_tieu_chi(make_input(bo_vung, tieu_chi={"lao_dongg": {"tu_danh_gia": "dat"}}))
    assert (d.code, d.path, d.at_key) == ("TC001", ("tieu_chi", "lao_dongg"), True)
    assert d.params["de_xuat"].value == "lao_dong" and "bien_the" not in d.params


def test_a_criterion_of_another_shipped_set_names_that_set(bo_vung: BoTieuChi) -> None:
    """`y_te` is criterion 15 of xa-ntm-2021-2025 (docs/criteria.md), not of the plan's set."""
    [d] = ma_tieu_chi(make_input(bo_vung, tieu_chi={"y_te": {"tu_danh_gia": "dat"}}))
    assert (d.code, d.params["bien_the"]) == ("TC001", "bo_khac")
    assert d.params["bo_khac"].endswith("(xa-ntm-2021-2025)")


def test_an_unknown_indicator_is_refused_with_the_closest_code(bo_vung: BoTieuChi) -> None:
    [d] = ma_tieu_chi(make_input(bo_vung, tieu_chi=make_figures("lao_dong", ty_le_ngeo="5%")))
    assert (d.code, d.path, d.at_key) == ("TC002", ("tieu_chi", "lao_dong", "hien_trang", "ty_le_ngeo"), True)
    assert d.params["de_xuat"].value == "ty_le_ngheo"


def test_an_indicator_under_the_wrong_criterion_names_the_right_one(bo_vung: BoTieuChi) -> None:
    [d] = ma_tieu_chi(make_input(bo_vung, tieu_chi=make_figures("san_xuat", ty_le_ngheo="5%")))
    assert (d.code, d.params["bien_the"], d.params["tieu_chi_khac"]) == ("TC002", "tieu_chi_khac", "lao_dong")


def test_a_figure_of_the_plans_own_indicator_is_no_unknown_code(bo_vung: BoTieuChi) -> None:
    own = {"ma": "rieng", "ten": "Riêng", "loai": "dat", "nguon": "kế hoạch tự đặt"}
    assert found(ma_tieu_chi, bo_vung, tieu_chi={"san_xuat": {"chi_tieu_rieng": [own],
                                                             "hien_trang": {"rieng": "có"}}}) == []


# ----------------------------------------------------------------------------- own indicators


def own(ma: str, **extra: Any) -> dict[str, Any]:
    return {"ma": ma, "ten": "Riêng", "loai": "toi_thieu", "yeu_cau": 50, "don_vi": "%", "nguon": "tự đặt", **extra}


def test_own_indicators_need_a_code_of_their_own_and_a_known_unit(bo_vung: BoTieuChi) -> None:
    plan = {"chi_tieu_rieng": [own("ty_le_ngheo"), own("rieng"), own("rieng"), own("can_nang", don_vi="kg")]}
    problems = list(chi_tieu_rieng_hop_le(make_input(bo_vung, tieu_chi={"san_xuat": plan})))
    path = ("tieu_chi", "san_xuat", "chi_tieu_rieng")
    assert [(d.code, d.path, d.params.get("bien_the")) for d in problems] == [
        ("TC005", (*path, 0, "ma"), "cua_bo"),  # a code of the set's, even of another criterion
        ("TC005", (*path, 2, "ma"), "lap"),  # the same code twice
        ("TC006", (*path, 3, "don_vi"), None),
    ]
    assert problems[0].params["tieu_chi"] == "lao_dong"


# ----------------------------------------------------------------------------- figures fit their indicator


@pytest.mark.parametrize(
    ("tieu_chi", "chi_tieu", "figure", "reason"),
    [
        ("san_xuat", "so_nha_tam", "3%", "don_vi.khong_phai_phan_tram"),  # % on a count of houses
        ("san_xuat", "so_nha_tam", "2,5", "don_vi.so_dem_le"),  # half a house
        ("san_xuat", "so_nha_tam", "-1", "don_vi.am"),
        ("lao_dong", "ty_le_ngheo", "120%", "don_vi.qua_100"),
        ("lao_dong", "ty_le_ngheo", "có", "don_vi.can_so_phan_tram"),
        ("thu_nhap", "thu_nhap_binh_quan", "không", "don_vi.can_so"),
        ("san_xuat", "hop_tac_xa", "5", "don_vi.can_co_khong"),
    ],
)
def test_a_figure_that_does_not_fit_its_indicator(bo_vung: BoTieuChi, tieu_chi: str, chi_tieu: str, figure: str,
                                                  reason: str) -> None:
    [d] = don_vi(make_input(bo_vung, tieu_chi=make_figures(tieu_chi, **{chi_tieu: figure})))
    assert (d.code, d.path) == ("TC003", ("tieu_chi", tieu_chi, "hien_trang", chi_tieu))
    assert d.params["van_de"].key == reason


@pytest.mark.parametrize(("tieu_chi", "chi_tieu", "figure"), [
    ("san_xuat", "so_nha_tam", "0"), ("lao_dong", "ty_le_ngheo", "100%"), ("lao_dong", "ty_le_ngheo", "5"),
    ("thu_nhap", "thu_nhap_binh_quan", "45,5"), ("san_xuat", "hop_tac_xa", "chưa có")])
def test_figures_that_fit(bo_vung: BoTieuChi, tieu_chi: str, chi_tieu: str, figure: str) -> None:
    assert found(don_vi, bo_vung, tieu_chi=make_figures(tieu_chi, **{chi_tieu: figure})) == []


def test_a_figure_in_full_is_refused_at_its_field_and_the_stated_requirement_too(bo_vung: BoTieuChi) -> None:
    figures = make_figures("lao_dong", ty_le_ngheo={"gia_tri": "120%", "yeu_cau": "-1"})
    assert found(don_vi, bo_vung, tieu_chi=figures) == [
        ("TC003", ("tieu_chi", "lao_dong", "hien_trang", "ty_le_ngheo", "gia_tri")),
        ("TC003", ("tieu_chi", "lao_dong", "hien_trang", "ty_le_ngheo", "yeu_cau")),
    ]


@pytest.mark.parametrize(("stated", "wrong"), [("%", False), (" % ", False), ("NHÀ", True), ("hộ", True)])
def test_a_unit_the_plan_writes_must_be_the_indicators(bo_vung: BoTieuChi, stated: str, wrong: bool) -> None:
    figures = make_figures("lao_dong", ty_le_ngheo={"gia_tri": "5", "don_vi": stated})
    problems = list(don_vi(make_input(bo_vung, tieu_chi=figures)))
    assert [(d.code, d.path[-1]) for d in problems] == ([("TC004", "don_vi")] if wrong else [])


def test_a_unit_on_a_yes_no_indicator_is_wrong(bo_vung: BoTieuChi) -> None:
    [d] = don_vi(make_input(bo_vung, tieu_chi=make_figures("san_xuat", hop_tac_xa={"gia_tri": "có", "don_vi": "%"})))
    assert (d.code, d.params["don_vi_chi_tieu"]) == ("TC004", "có/không")
