"""rules.ke_hoach (KH): the plan against its own assessment (design §4: an unmet criterion with no
task or solution, a target below the requirement, a declared total that disagrees with the set)."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.assess.result import KetQua
from ntm.catalog import BoTieuChi
from ntm.rules.ke_hoach import muc_tieu_va_yeu_cau, nhiem_vu_cho_tieu_chi_chua_dat, tong_so_tieu_chi, tu_danh_gia
from unit.conftest import make_figures, make_input

UNMET_SAN_XUAT = {"hien_trang": {"hop_tac_xa": "không", "so_nha_tam": 0}}


def found(rule: Any, bo: BoTieuChi, **changes: Any) -> list[tuple[str, tuple]]:
    return [(d.code, d.path) for d in rule(make_input(bo, assessed=True, **changes))]


# ----------------------------------------------------------------------------- tasks for what is unmet


@pytest.mark.parametrize(("entry", "missing"), [
    ({}, "thieu.nhiem_vu_giai_phap"),
    ({"nhiem_vu": "Thành lập HTX"}, "thieu.giai_phap"),
    ({"giai_phap": "Vận động"}, "thieu.nhiem_vu"),
])
def test_an_unmet_criterion_needs_tasks_and_solutions(bo_vung: BoTieuChi, entry: dict[str, Any], missing: str) -> None:
    [d] = nhiem_vu_cho_tieu_chi_chua_dat(make_input(bo_vung, assessed=True,
                                                    tieu_chi={"san_xuat": {**UNMET_SAN_XUAT, **entry}}))
    assert (d.code, d.path, d.params["thieu"].key) == ("KH001", ("tieu_chi", "san_xuat"), missing)
    assert (d.params["so"], d.params["ten"]) == ("3", "Tổ chức sản xuất")


def test_an_unmet_criterion_with_both_or_a_met_one_is_fine(bo_vung: BoTieuChi) -> None:
    both = {**UNMET_SAN_XUAT, "nhiem_vu": "a", "giai_phap": "b"}
    assert found(nhiem_vu_cho_tieu_chi_chua_dat, bo_vung, tieu_chi={"san_xuat": both}) == []
    met = {"hien_trang": {"hop_tac_xa": "có", "so_nha_tam": 0}}
    assert found(nhiem_vu_cho_tieu_chi_chua_dat, bo_vung, tieu_chi={"san_xuat": met}) == []


def test_a_criterion_declared_unmet_without_tasks_is_warned_at_its_key(bo_vung: BoTieuChi) -> None:
    assert found(nhiem_vu_cho_tieu_chi_chua_dat, bo_vung, tieu_chi={"thu_nhap": {"tu_danh_gia": "chua_dat"}}) == [
        ("KH001", ("tieu_chi", "thu_nhap"))]


# ----------------------------------------------------------------------------- targets and requirements


@pytest.mark.parametrize(("region", "indicator", "target", "warns"), [
    ("dong-bang", "ty_le_lao_dong_qua_dao_tao", "70%", True),  # a minimum of 75: 70 is below
    ("dong-bang", "ty_le_lao_dong_qua_dao_tao", "75%", False),
    ("dong-bang", "ty_le_lao_dong_qua_dao_tao", "70-80", True),  # a range is judged at its low end
    ("dong-bang", "ty_le_lao_dong_qua_dao_tao", "75-80", False),
    ("mien-nui", "ty_le_ngheo", "3-5", False),  # a maximum of 6: the high end counts
    ("mien-nui", "ty_le_ngheo", "5-7", True),
    ("mien-nui", "ty_le_ngheo", "7%", True),
    ("dong-bang", "ty_le_ngheo", "9%", False),  # no level known: nothing to be below
])
def test_a_target_below_the_requirement_warns_at_its_weaker_end(bo_vung: BoTieuChi, region: str, indicator: str,
                                                                target: str, warns: bool) -> None:
    given = make_input(bo_vung, assessed=True, dia_ban__vung=region,
                       tieu_chi=make_figures("lao_dong", **{indicator: {"muc_tieu": target}}))
    problems = list(muc_tieu_va_yeu_cau(given))
    assert [(d.code, d.path) for d in problems] == (
        [("KH002", ("tieu_chi", "lao_dong", "hien_trang", indicator, "muc_tieu"))] if warns else [])
    if warns and "-" in target:
        low, high = target.split("-")
        assert problems[0].params["muc_tieu"] == (low if indicator == "ty_le_lao_dong_qua_dao_tao" else high)


def test_a_requirement_the_plan_states_below_the_sets_warns(bo_vung: BoTieuChi) -> None:
    figures = make_figures("lao_dong", ty_le_lao_dong_qua_dao_tao={"gia_tri": "80%", "yeu_cau": "65%"})
    [d] = muc_tieu_va_yeu_cau(make_input(bo_vung, assessed=True, dia_ban__vung="dong-bang", tieu_chi=figures))
    assert (d.code, d.path[-1]) == ("KH005", "yeu_cau")
    assert (d.params["ke_hoach_neu"], d.params["yeu_cau"].value) == ("65%", 75)


def test_a_stated_requirement_as_strict_as_the_sets_or_where_it_has_none_is_fine(bo_vung: BoTieuChi) -> None:
    stricter = make_figures("lao_dong", ty_le_lao_dong_qua_dao_tao={"gia_tri": "80%", "yeu_cau": "78%"},
                            ty_le_ngheo={"gia_tri": "3%", "yeu_cau": "4%"})
    assert found(muc_tieu_va_yeu_cau, bo_vung, dia_ban__vung="dong-bang", tieu_chi=stricter) == []


# ----------------------------------------------------------------------------- declarations


def test_a_self_assessment_the_figures_contradict_warns(bo_vung: BoTieuChi) -> None:
    entry = {"tu_danh_gia": "đạt", **UNMET_SAN_XUAT, "nhiem_vu": "a", "giai_phap": "b"}
    [d] = tu_danh_gia(make_input(bo_vung, assessed=True, tieu_chi={"san_xuat": entry}))
    assert (d.code, d.path) == ("KH004", ("tieu_chi", "san_xuat", "tu_danh_gia"))
    assert (d.params["tu_danh_gia"], d.params["theo_so_lieu"]) == (KetQua.dat, KetQua.chua_dat)


def test_a_self_assessment_is_not_contradicted_where_figures_cannot_decide_or_agree(bo_vung: BoTieuChi) -> None:
    agree = {"tu_danh_gia": "đạt", "hien_trang": {"hop_tac_xa": "có", "so_nha_tam": 0}}
    assert found(tu_danh_gia, bo_vung, tieu_chi={"san_xuat": agree, "thu_nhap": {"tu_danh_gia": "chua_dat"}}) == []


MET_ALL_BUT_SAN_XUAT = {
    "lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": "70%", "ty_le_ngheo": "3%"}},
    "thu_nhap": {"hien_trang": {"thu_nhap_binh_quan": 50}},
    "san_xuat": {**UNMET_SAN_XUAT, "nhiem_vu": "a", "giai_phap": "b"},
}


@pytest.mark.parametrize(("declared", "expected"), [
    ("3/3", []),
    ("2/3", [("KH011", "bang")]),  # no more than what is already met (2) while one is unmet
    ("1/3", [("KH011", "thap_hon")]),
    ("19/19", [("KH003", None)]),  # the set has 3 criteria, not 19
    ("4/3", [("KH007", None)]),
    ("hết", [("KH008", None)]),
    ("3 / 3", []),
])
def test_the_declared_total(bo_vung: BoTieuChi, declared: str, expected: list[tuple[str, str | None]]) -> None:
    given = make_input(bo_vung, assessed=True, tieu_chi=MET_ALL_BUT_SAN_XUAT,
                       chi_tieu={"bo_tieu_chi": {"dat_chuan": declared}})
    problems = list(tong_so_tieu_chi(given))
    assert [(d.code, d.params.get("bien_the")) for d in problems] == expected
    assert all(d.path == ("chi_tieu", "bo_tieu_chi", "dat_chuan") for d in problems)
    if expected and expected[0][0] == "KH003":
        assert problems[0].params["tong"] == 3
