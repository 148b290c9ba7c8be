"""catalog.merge: a province's file merged onto the set it extends (docs/criteria.md: a province
may add criteria and indicators and raise a level; never lower one, unlock an incomplete list,
or restate what an inherited entry is); relative levels turned into numbers once."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ntm.catalog import BoTieuChi, LoaiChiTieu
from ntm.catalog.merge import laxer
from ntm.plan.model import ChuanNTM
from unit.conftest import (
    BO_VUNG,
    make_chi_tieu,
    make_nguong,
    make_set,
    make_tieu_chi,
    merge_set,
    overlay,
)


def raise_labour(level: Any = 80, region: str = "dong-bang", **extra: Any) -> dict[str, Any]:
    """A province entry for the inherited ty_le_lao_dong_qua_dao_tao: only its levels."""
    return make_tieu_chi("lao_dong", {"ma": "ty_le_lao_dong_qua_dao_tao",
                                      "nguong": [make_nguong(level, vung=[region])], **extra})


def codes_and_paths(data: dict[str, Any], parent: BoTieuChi) -> list[tuple[str, tuple]]:
    _, problems = merge_set(data, parent)
    return [(d.code, d.path) for d in problems]


# ----------------------------------------------------------------------------- a set on its own


def test_a_set_keeps_its_criteria_in_official_order_with_their_indicators(bo_vung: BoTieuChi) -> None:
    assert [tc.ma for tc in bo_vung.tieu_chi] == ["lao_dong", "thu_nhap", "san_xuat"]
    assert list(bo_vung.chi_tieu["lao_dong"]) == ["ty_le_lao_dong_qua_dao_tao", "ty_le_ngheo"]
    assert [ct.ma for ct in bo_vung.iter_chi_tieu()] == [
        "ty_le_lao_dong_qua_dao_tao", "ty_le_ngheo", "thu_nhap_binh_quan", "hop_tac_xa", "so_nha_tam"]
    assert bo_vung.tim_tieu_chi("thu_nhap") is bo_vung.tieu_chi[1] and bo_vung.tim_tieu_chi("y_te") is None


def test_each_indicator_carries_its_criterion_and_the_legal_basis_of_its_file(bo_vung: BoTieuChi) -> None:
    ct = bo_vung.chi_tieu["lao_dong"]["ty_le_ngheo"]
    assert ct.tieu_chi.ma == "lao_dong" and ct.bo_tieu_chi == "bo-vung"
    assert ct.can_cu.trich_dan == "QĐ 999/QĐ-TEST, Phụ lục I"
    assert [e.cap for e in ct.nguong] == [0, 0, 0] and not ct.cua_ke_hoach


@pytest.mark.parametrize(("ma", "standard"), [("xa-ntm-2021-2025", ChuanNTM.ntm), ("xa-ntm-2026-2030", ChuanNTM.ntm),
                                              ("xa-ntm-nang-cao-2021-2025", ChuanNTM.nang_cao),
                                              ("xa-ntm-kieu-mau-2021-2025", ChuanNTM.kieu_mau),
                                              ("bo-vung", None)])
def test_the_standard_a_set_leads_to_is_read_from_its_id(ma: str, standard: ChuanNTM | None) -> None:
    assert make_set(BO_VUNG, ma=ma).chuan is standard


def test_a_new_criterion_needs_a_number_and_a_name() -> None:
    data = {**BO_VUNG, "tieu_chi": [{"ma": "moi", "chi_tieu": []}]}
    _, problems = merge_set(data)
    assert [(d.code, d.path) for d in problems] == [("BTC003", ("tieu_chi", 0))]


def test_a_new_indicator_needs_its_number_wording_and_kind() -> None:
    data = {**BO_VUNG, "tieu_chi": [make_tieu_chi("moi", {"ma": "ct_moi", "so": "1.1"}, so="4", ten="Mới")]}
    _, problems = merge_set(data)
    assert [(d.code, d.path) for d in problems] == [("BTC004", ("tieu_chi", 0, "chi_tieu", 0))]
    assert problems[0].params["ma"] == "moi.ct_moi"


# ----------------------------------------------------------------------------- a province's overlay


def test_a_raised_level_comes_first_and_the_parents_follow_one_step_further(bo_vung: BoTieuChi) -> None:
    tinh = make_set(overlay("tinh", "bo-vung.yaml", raise_labour(80)), parent=bo_vung)
    entries = tinh.chi_tieu["lao_dong"]["ty_le_lao_dong_qua_dao_tao"].nguong
    assert [(e.nguong.so, e.cap, e.bo_tieu_chi) for e in entries] == [
        (80, 0, "tinh"), (60, 1, "bo-vung"), (75, 1, "bo-vung")]
    assert entries[0].can_cu.so_hieu == "123/QĐ-UBND" and entries[1].can_cu.so_hieu == "999/QĐ-TEST"


def test_what_the_overlay_does_not_touch_is_the_parents(bo_vung: BoTieuChi) -> None:
    tinh = make_set(overlay("tinh", "bo-vung.yaml", raise_labour(80)), parent=bo_vung)
    assert tinh.chi_tieu["thu_nhap"] == bo_vung.chi_tieu["thu_nhap"]
    assert tinh.cac_vung == bo_vung.cac_vung and tinh.giai_doan == (2022, 2025)
    assert len(tinh.quy_tac_vung) == 1 and tinh.chain[1].ma == "bo-vung"
    assert tinh.ma == "tinh" and tinh.can_cu.so_hieu == "123/QĐ-UBND"


def test_an_overlay_adds_indicators_to_a_criterion_and_criteria_at_the_end(bo_vung: BoTieuChi) -> None:
    added = make_chi_tieu("ty_le_lao_dong_co_chung_chi", "toi_thieu", make_nguong(30), so="1.3", don_vi="%")
    new = make_tieu_chi("moi_truong", make_chi_tieu("rac", "dat", so="4.1"), so="4", ten="Môi trường")
    tinh = make_set(overlay("tinh", "bo-vung.yaml", make_tieu_chi("lao_dong", added), new), parent=bo_vung)
    assert list(tinh.chi_tieu["lao_dong"])[-1] == "ty_le_lao_dong_co_chung_chi"
    assert [tc.ma for tc in tinh.tieu_chi] == ["lao_dong", "thu_nhap", "san_xuat", "moi_truong"]
    assert tinh.chi_tieu["lao_dong"]["ty_le_lao_dong_co_chung_chi"].bo_tieu_chi == "tinh"


@pytest.mark.parametrize(
    ("indicator", "region", "level", "lowered"),
    [
        ("ty_le_lao_dong_qua_dao_tao", "dong-bang", 70, True),  # a minimum lowered: 70 < 75
        ("ty_le_lao_dong_qua_dao_tao", "dong-bang", 75, False),  # the same level: not lower
        ("ty_le_lao_dong_qua_dao_tao", "mien-nui", 65, False),  # raised: 65 > 60
        ("ty_le_ngheo", "mien-nui", 8, True),  # a maximum loosened: 8 > 6
        ("ty_le_ngheo", "mien-nui", 5, False),
        ("ty_le_ngheo", "dong-bang", 9, False),  # the parent has no number there to compare with
    ],
)
def test_a_province_may_raise_a_level_never_lower_it(bo_vung: BoTieuChi, indicator: str, region: str,
                                                     level: int, lowered: bool) -> None:
    entry = make_tieu_chi("lao_dong", {"ma": indicator, "nguong": [make_nguong(level, vung=[region])]})
    found = codes_and_paths(overlay("tinh", "bo-vung.yaml", entry), bo_vung)
    assert found == ([("BTC013", ("tieu_chi", 0, "chi_tieu", 0, "nguong", 0))] if lowered else [])


def test_a_lowered_level_names_both_levels_and_the_parents_citation(bo_vung: BoTieuChi) -> None:
    entry = make_tieu_chi("lao_dong", {"ma": "ty_le_ngheo", "nguong": [make_nguong(8, vung=["mien-nui"])]})
    _, [problem] = merge_set(overlay("tinh", "bo-vung.yaml", entry), bo_vung)
    assert (problem.params["muc"].value, problem.params["muc_cha"].value) == (8, 6)
    assert problem.params["muc"].loai == "toi_da" and problem.params["muc"].don_vi == "%"
    assert problem.params["trich_dan_cha"] == "QĐ 999/QĐ-TEST, Phụ lục I"


def test_a_lower_level_for_another_year_than_the_parents_is_no_lowering(bo_vung: BoTieuChi) -> None:
    entry = make_tieu_chi("thu_nhap", {"ma": "thu_nhap_binh_quan",
                                       "nguong": [make_nguong(30, vung=["mien-nui"], nam=2022)]})
    assert codes_and_paths(overlay("tinh", "bo-vung.yaml", entry), bo_vung) == []


def test_an_inherited_entry_cannot_be_restated(bo_vung: BoTieuChi) -> None:
    criterion = {"ma": "lao_dong", "ten": "Lao động và việc làm", "chi_tieu": [
        {"ma": "ty_le_ngheo", "noi_dung": "Tỷ lệ hộ nghèo", "loai": "toi_thieu"}]}
    _, problems = merge_set(overlay("tinh", "bo-vung.yaml", criterion), bo_vung)
    assert [(d.code, d.path, d.params["cac_khoa"]) for d in problems] == [
        ("BTC015", ("tieu_chi", 0), "ten"),
        ("BTC015", ("tieu_chi", 0, "chi_tieu", 0), "loai, noi_dung"),
    ]


def test_an_incomplete_list_of_the_parent_cannot_be_declared_complete() -> None:
    parent = make_set({**BO_VUNG, "tieu_chi": [{**BO_VUNG["tieu_chi"][0], "chi_tieu_day_du": False}]})
    unlock = {"ma": "lao_dong", "chi_tieu_day_du": True, "chi_tieu": []}
    assert codes_and_paths(overlay("tinh", "bo-vung.yaml", unlock), parent) == [
        ("BTC014", ("tieu_chi", 0, "chi_tieu_day_du"))]


def test_a_level_of_an_inherited_indicator_is_checked_against_that_indicator(bo_vung: BoTieuChi) -> None:
    """The overlay's entry states no kind or unit: the inherited indicator's are used."""
    entry = make_tieu_chi("san_xuat", {"ma": "so_nha_tam", "nguong": [make_nguong("0,5", vung=["mien-nui"])]})
    _, [problem] = merge_set(overlay("tinh", "bo-vung.yaml", entry), bo_vung)
    assert (problem.code, problem.params["ly_do"].key) == ("BTC020", "btc.so_dem_le")


@pytest.mark.parametrize(("loai", "a", "b", "easier"), [
    (LoaiChiTieu.toi_thieu, 70, 75, True), (LoaiChiTieu.toi_thieu, 75, 75, False), (LoaiChiTieu.toi_thieu, 80, 75, False),
    (LoaiChiTieu.toi_da, 8, 6, True), (LoaiChiTieu.toi_da, 6, 6, False), (LoaiChiTieu.toi_da, 4, 6, False),
])
def test_laxer_means_easier_to_meet(loai: LoaiChiTieu, a: int, b: int, easier: bool) -> None:
    assert laxer(loai, Decimal(a), Decimal(b)) is easier


# ----------------------------------------------------------------------------- relative levels


def kieu_mau(he_so: str = "1.1", chi_tieu: str = "thu_nhap_binh_quan", ref: str = "bo-vung.yaml") -> dict[str, Any]:
    relative = {"ti_le_so_voi": {"bo_tieu_chi": ref, "chi_tieu": chi_tieu, "he_so": he_so}, "do_tin_cay": "V"}
    indicator = make_chi_tieu("thu_nhap_binh_quan", "toi_thieu", relative, so="2", don_vi="triệu đồng/người/năm")
    return {**BO_VUNG, "ma": "kieu-mau", "quy_tac_vung": [], "tieu_chi": [make_tieu_chi("thu_nhap_cao_hon", indicator, so="2", ten="Thu nhập cao hơn")]}


def test_a_relative_level_becomes_one_level_per_level_of_the_other_set(bo_vung: BoTieuChi) -> None:
    bo = make_set(kieu_mau(), others={"bo-vung.yaml": bo_vung})
    entries = bo.chi_tieu["thu_nhap_cao_hon"]["thu_nhap_binh_quan"].nguong
    # 1,1 × (40, 45, 55, 60), each for the other set's region and year
    assert [(e.nguong.so, e.nguong.vung, e.nguong.nam) for e in entries] == [
        (Decimal("44.0"), ["mien-nui"], 2023), (Decimal("49.5"), ["mien-nui"], 2024),
        (Decimal("60.5"), ["dong-bang"], 2023), (Decimal("66.0"), ["dong-bang"], 2024)]
    assert all(e.suy_ra is not None and e.suy_ra.he_so == Decimal("1.1") for e in entries)
    assert all(e.bo_tieu_chi == "kieu-mau" for e in entries)  # the level is the set's own, computed


def test_a_relative_level_keeps_an_unknown_level_unknown(bo_vung: BoTieuChi) -> None:
    bo = make_set(kieu_mau(chi_tieu="ty_le_ngheo"), others={"bo-vung.yaml": bo_vung})
    levels = [e.nguong.so for e in bo.chi_tieu["thu_nhap_cao_hon"]["thu_nhap_binh_quan"].nguong]
    assert levels == [Decimal("6.6"), None, Decimal("4.4")]  # 1,1 × (6, unknown, 4): never a guess


@pytest.mark.parametrize(("ref", "chi_tieu"), [("khong-co.yaml", "thu_nhap_binh_quan"), ("bo-vung.yaml", "khong_co")])
def test_a_relative_level_to_nothing_is_an_error(bo_vung: BoTieuChi, ref: str, chi_tieu: str) -> None:
    _, problems = merge_set(kieu_mau(ref=ref, chi_tieu=chi_tieu), others={"bo-vung.yaml": bo_vung})
    assert [(d.code, d.path) for d in problems] == [
        ("BTC016", ("tieu_chi", 0, "chi_tieu", 0, "nguong", 0, "ti_le_so_voi"))]
