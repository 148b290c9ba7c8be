"""assess: a plan against its set -> đạt / chưa đạt / cannot be judged and why, with the numbers
(design §4, docs/criteria.md). Expectations are read off BO_VUNG (tests/unit/conftest.py), whose
made-up numbers are those of tests/data/catalogs/thu-nghiem-vung.yaml."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ntm.assess.judge import assess, compare, effective_region
from ntm.assess.result import KetQua, LyDo
from ntm.catalog import BoTieuChi, LoaiChiTieu
from ntm.catalog.thresholds import NguonYeuCau
from ntm.plan.values import parse_so_lieu
from unit.conftest import (
    BO_VUNG,
    find_criterion,
    find_indicator,
    make_chi_tieu,
    make_figures,
    make_nguong,
    make_plan,
    make_set,
    make_tieu_chi,
    overlay,
)

# ----------------------------------------------------------------------------- one comparison


@pytest.mark.parametrize(
    ("loai", "value", "threshold", "status", "gap"),
    [
        (LoaiChiTieu.toi_thieu, "80", "75", KetQua.dat, None),
        (LoaiChiTieu.toi_thieu, "75", "75", KetQua.dat, None),  # the level itself meets it
        (LoaiChiTieu.toi_thieu, "52,77", "75", KetQua.chua_dat, "22.23"),
        (LoaiChiTieu.toi_thieu, "74,9999999", "75", KetQua.chua_dat, "0.0000001"),  # not rounded up to 75
        (LoaiChiTieu.toi_da, "6", "6", KetQua.dat, None),
        (LoaiChiTieu.toi_da, "7,5", "6", KetQua.chua_dat, "1.5"),  # a maximum's gap: how far over
        (LoaiChiTieu.toi_da, "3", "0", KetQua.chua_dat, "3"),
        (LoaiChiTieu.toi_da, "-1", "0", KetQua.dat, None),
    ],
)
def test_a_number_against_a_level_exactly(loai: LoaiChiTieu, value: str, threshold: str, status: KetQua,
                                          gap: str | None) -> None:
    found = compare(loai, parse_so_lieu(value), Decimal(threshold))
    assert found == (status, Decimal(gap) if gap is not None else None)
    if gap is not None:
        assert isinstance(found[1], Decimal)  # exact: no binary float crept in


@pytest.mark.parametrize(("written", "status"), [("có", KetQua.dat), ("không", KetQua.chua_dat),
                                                 ("5", KetQua.chua_co_du_lieu)])
def test_a_yes_no_indicator_is_met_by_yes(written: str, status: KetQua) -> None:
    assert compare(LoaiChiTieu.dat, parse_so_lieu(written), None) == (status, None)


def test_no_level_or_no_number_cannot_be_judged() -> None:
    assert compare(LoaiChiTieu.toi_thieu, parse_so_lieu("80"), None) == (KetQua.chua_co_du_lieu, None)
    assert compare(LoaiChiTieu.toi_thieu, parse_so_lieu("có"), Decimal(75)) == (KetQua.chua_co_du_lieu, None)


# ----------------------------------------------------------------------------- per indicator, by axis

# (description, plan changes, criterion, indicator, figure, status, requirement, gap): the table that
# tests/acceptance/test_assessment.py used to run through `ntm check --format json`, one run per row.
CASES: list[tuple[str, dict[str, Any], str, str, str, KetQua, Any, str | None]] = [
    ("minimum met, region mien-nui", {"dia_ban__vung": "mien-nui"}, "lao_dong", "ty_le_lao_dong_qua_dao_tao", "60%",
     KetQua.dat, 60, None),
    ("minimum unmet, region dong-bang", {"dia_ban__vung": "dong-bang"}, "lao_dong", "ty_le_lao_dong_qua_dao_tao",
     "52,77%", KetQua.chua_dat, 75, "22.23"),
    ("minimum, decimal comma without %", {"dia_ban__vung": "dong-bang"}, "lao_dong", "ty_le_lao_dong_qua_dao_tao",
     "74,9", KetQua.chua_dat, 75, "0.1"),
    ("special commune uses mien-nui level", {"dia_ban__vung": "dong-bang", "dia_ban__xa_dac_biet_kho_khan": True},
     "lao_dong", "ty_le_lao_dong_qua_dao_tao", "62%", KetQua.dat, 60, None),
    ("safe-zone commune uses mien-nui level", {"dia_ban__vung": "dong-bang", "dia_ban__xa_an_toan_khu": "có"},
     "lao_dong", "ty_le_lao_dong_qua_dao_tao", "59%", KetQua.chua_dat, 60, "1"),
    ("maximum met", {"dia_ban__vung": "mien-nui"}, "lao_dong", "ty_le_ngheo", "6%", KetQua.dat, 6, None),
    ("maximum unmet", {"dia_ban__vung": "mien-nui"}, "lao_dong", "ty_le_ngheo", "7,5%", KetQua.chua_dat, 6, "1.5"),
    ("maximum, region value unknown", {"dia_ban__vung": "dong-bang"}, "lao_dong", "ty_le_ngheo", "7,5%",
     KetQua.chua_co_du_lieu, None, None),
    ("per-year threshold 2023", {"dia_ban__vung": "dong-bang"}, "thu_nhap", "thu_nhap_binh_quan", "56", KetQua.dat, 55,
     None),
    ("per-year threshold 2024", {"dia_ban__vung": "dong-bang", "nam": 2024}, "thu_nhap", "thu_nhap_binh_quan", "56",
     KetQua.chua_dat, 60, "4"),
    ("per-year threshold, mien-nui 2024", {"dia_ban__vung": "mien-nui", "nam": 2024}, "thu_nhap",
     "thu_nhap_binh_quan", "45", KetQua.dat, 45, None),
    ("year without threshold", {"dia_ban__vung": "mien-nui", "nam": 2025}, "thu_nhap", "thu_nhap_binh_quan", "99",
     KetQua.chua_co_du_lieu, None, None),
    ("yes/no met", {}, "san_xuat", "hop_tac_xa", "có", KetQua.dat, None, None),
    ("yes/no unmet", {}, "san_xuat", "hop_tac_xa", "không", KetQua.chua_dat, None, None),
    ("count maximum zero", {}, "san_xuat", "so_nha_tam", "3", KetQua.chua_dat, 0, "3"),
]


@pytest.mark.parametrize(
    ("changes", "tieu_chi", "chi_tieu", "figure", "status", "requirement", "gap"),
    [c[1:] for c in CASES], ids=[c[0] for c in CASES],
)
def test_indicator_kinds_and_axes(bo_vung: BoTieuChi, changes: dict[str, Any], tieu_chi: str, chi_tieu: str,
                                  figure: str, status: KetQua, requirement: Any, gap: str | None) -> None:
    plan = make_plan(**changes, tieu_chi=make_figures(tieu_chi, **{chi_tieu: figure}))
    kq = find_indicator(assess(plan, bo_vung), chi_tieu)
    assert kq.trang_thai is status
    assert (kq.yeu_cau.gia_tri if kq.yeu_cau else None) == requirement
    assert kq.chenh_lech == (Decimal(gap) if gap is not None else None)
    assert kq.path == ("tieu_chi", tieu_chi, "hien_trang", chi_tieu)


def test_an_unknown_level_is_said_not_guessed(bo_vung: BoTieuChi) -> None:
    plan = make_plan(dia_ban__vung="dong-bang", tieu_chi=make_figures("lao_dong", ty_le_ngheo="9%"))
    kq = find_indicator(assess(plan, bo_vung), "ty_le_ngheo")
    assert (kq.trang_thai, kq.ly_do, kq.yeu_cau) == (KetQua.chua_co_du_lieu, LyDo.chua_co_nguong, None)
    assert kq.gia_tri is not None and kq.gia_tri.so == 9  # the figure is kept, to be shown
    assert kq.chua_ro is not None and kq.chua_ro.chung == 4  # the national level, shown not applied


def test_a_missing_figure_is_not_an_unknown_level(bo_vung: BoTieuChi) -> None:
    plan = make_plan(dia_ban__vung="mien-nui", tieu_chi=make_figures("lao_dong", ty_le_ngheo="5%"))
    kq = find_indicator(assess(plan, bo_vung), "ty_le_lao_dong_qua_dao_tao")
    assert (kq.trang_thai, kq.ly_do, kq.gia_tri) == (KetQua.chua_co_du_lieu, LyDo.khong_co_so_lieu, None)
    assert kq.yeu_cau is not None and kq.yeu_cau.gia_tri == 60  # the requirement is still known


def test_the_group_axis(bo_nhom: BoTieuChi) -> None:
    results = {}
    for group in (1, 2, 3):
        plan = make_plan(nam=2026, dia_ban__vung=None, dia_ban__nhom_xa=group,
                         tieu_chi=make_figures("dao_tao", ty_le_lao_dong_qua_dao_tao="70%"))
        kq = find_indicator(assess(plan, bo_nhom), "ty_le_lao_dong_qua_dao_tao")
        results[group] = (kq.yeu_cau.gia_tri if kq.yeu_cau else None, kq.trang_thai)
    assert results == {1: (85, KetQua.chua_dat), 2: (75, KetQua.chua_dat), 3: (60, KetQua.dat)}


def test_a_relative_level_kieu_mau(bo_vung: BoTieuChi) -> None:
    relative = {"ti_le_so_voi": {"bo_tieu_chi": "bo-vung.yaml", "chi_tieu": "thu_nhap_binh_quan", "he_so": "1.1"},
                "do_tin_cay": "V"}
    kieu_mau = make_set({**BO_VUNG, "ma": "kieu-mau", "quy_tac_vung": [], "tieu_chi": [make_tieu_chi(
        "thu_nhap_cao_hon", make_chi_tieu("thu_nhap_binh_quan", "toi_thieu", relative, so="2",
                                          don_vi="triệu đồng/người/năm"), so="2", ten="Thu nhập cao hơn")]},
                        others={"bo-vung.yaml": bo_vung})
    plan = make_plan(dia_ban__vung="dong-bang", tieu_chi=make_figures("thu_nhap_cao_hon", thu_nhap_binh_quan=60))
    kq = find_indicator(assess(plan, kieu_mau), "thu_nhap_binh_quan")
    assert kq.yeu_cau is not None and kq.yeu_cau.gia_tri == Decimal("60.5")  # 1,1 × 55 (dong-bang, 2023)
    assert (kq.trang_thai, kq.chenh_lech) == (KetQua.chua_dat, Decimal("0.5"))
    assert kq.yeu_cau.suy_ra is not None and kq.yeu_cau.suy_ra.he_so == Decimal("1.1")


# ----------------------------------------------------------------------------- the plan's own requirement


def test_a_requirement_the_plan_states_is_used_where_the_set_has_none(bo_vung: BoTieuChi) -> None:
    plan = make_plan(dia_ban__vung="dong-bang",
                     tieu_chi=make_figures("lao_dong", ty_le_ngheo={"gia_tri": "5%", "yeu_cau": "4%"}))
    kq = find_indicator(assess(plan, bo_vung), "ty_le_ngheo")
    assert (kq.trang_thai, kq.chenh_lech) == (KetQua.chua_dat, Decimal(1))
    assert kq.yeu_cau is not None and (kq.yeu_cau.gia_tri, kq.yeu_cau.nguon) == (4, NguonYeuCau.ke_hoach)
    assert kq.yeu_cau_bo_tieu_chi is None


def test_the_sets_level_wins_over_the_plans_and_both_are_kept(bo_vung: BoTieuChi) -> None:
    plan = make_plan(dia_ban__vung="dong-bang", tieu_chi=make_figures(
        "lao_dong", ty_le_lao_dong_qua_dao_tao={"gia_tri": "70%", "yeu_cau": "65%"}))
    kq = find_indicator(assess(plan, bo_vung), "ty_le_lao_dong_qua_dao_tao")
    assert kq.trang_thai is KetQua.chua_dat
    assert kq.yeu_cau is not None and (kq.yeu_cau.gia_tri, kq.yeu_cau.nguon) == (75, NguonYeuCau.bo_tieu_chi)
    assert kq.yeu_cau_bo_tieu_chi is kq.yeu_cau
    assert kq.yeu_cau_ke_hoach is not None and kq.yeu_cau_ke_hoach.so == 65  # for the KH005 warning


# ----------------------------------------------------------------------------- a province's set


def test_a_provinces_raised_level_changes_the_result(bo_vung: BoTieuChi) -> None:
    raised = make_tieu_chi("lao_dong", {"ma": "ty_le_lao_dong_qua_dao_tao",
                                        "nguong": [make_nguong(80, vung=["dong-bang"])]},
                           make_chi_tieu("ty_le_lao_dong_co_chung_chi", "toi_thieu", make_nguong(30), so="1.3",
                                         don_vi="%"))
    tinh = make_set(overlay("tinh", "bo-vung.yaml", raised), parent=bo_vung)
    figures = make_figures("lao_dong", ty_le_lao_dong_qua_dao_tao="78%", ty_le_lao_dong_co_chung_chi="25%")
    national = find_indicator(assess(make_plan(dia_ban__vung="dong-bang", tieu_chi=figures), bo_vung),
                              "ty_le_lao_dong_qua_dao_tao")
    assert national.trang_thai is KetQua.dat
    province = assess(make_plan(dia_ban__vung="dong-bang", tieu_chi=figures), tinh)
    kq = find_indicator(province, "ty_le_lao_dong_qua_dao_tao")
    assert (kq.trang_thai, kq.chenh_lech) == (KetQua.chua_dat, Decimal(2))
    assert kq.yeu_cau is not None and kq.yeu_cau.trich_dan == "QĐ 123/QĐ-UBND"
    added = find_indicator(province, "ty_le_lao_dong_co_chung_chi")
    assert (added.chi_tieu.chi_tieu.so, added.trang_thai, added.chenh_lech) == ("1.3", KetQua.chua_dat, Decimal(5))


# ----------------------------------------------------------------------------- per criterion


def test_a_criterion_is_met_only_when_every_indicator_is(bo_vung: BoTieuChi) -> None:
    met = assess(make_plan(tieu_chi=make_figures("san_xuat", hop_tac_xa="có", so_nha_tam=0)), bo_vung)
    assert find_criterion(met, "san_xuat").trang_thai is KetQua.dat
    unmet = assess(make_plan(tieu_chi=make_figures("san_xuat", hop_tac_xa="có", so_nha_tam=1)), bo_vung)
    tc = find_criterion(unmet, "san_xuat")
    assert tc.trang_thai is KetQua.chua_dat and [k.ma for k in tc.chi_tieu if k.trang_thai is KetQua.chua_dat] == [
        "so_nha_tam"]
    assert unmet.chua_dat == [tc]


def test_one_unmet_indicator_decides_even_when_another_cannot_be_judged(bo_vung: BoTieuChi) -> None:
    plan = make_plan(dia_ban__vung="dong-bang", tieu_chi=make_figures(
        "lao_dong", ty_le_lao_dong_qua_dao_tao="50%", ty_le_ngheo="3%"))
    tc = find_criterion(assess(plan, bo_vung), "lao_dong")
    assert (tc.trang_thai, tc.theo_so_lieu, tc.ly_do) == (KetQua.chua_dat, KetQua.chua_dat, None)


def test_a_criterion_whose_list_is_incomplete_is_never_met_by_figures_alone() -> None:
    partial = make_set({**BO_VUNG, "tieu_chi": [{**BO_VUNG["tieu_chi"][2], "chi_tieu_day_du": False}]})
    met = assess(make_plan(tieu_chi=make_figures("san_xuat", hop_tac_xa="có", so_nha_tam=0)), partial)
    tc = find_criterion(met, "san_xuat")
    assert (tc.trang_thai, tc.ly_do, tc.chi_tieu_day_du) == (KetQua.chua_co_du_lieu, LyDo.danh_muc_chua_du, False)
    unmet = assess(make_plan(tieu_chi=make_figures("san_xuat", hop_tac_xa="không", so_nha_tam=0)), partial)
    assert find_criterion(unmet, "san_xuat").trang_thai is KetQua.chua_dat  # but an unmet one still decides
    declared = assess(make_plan(tieu_chi={"san_xuat": {"tu_danh_gia": "đạt", "hien_trang": {"hop_tac_xa": "có"}}}),
                      partial)
    tc = find_criterion(declared, "san_xuat")
    assert (tc.trang_thai, tc.theo_tu_danh_gia) == (KetQua.dat, True)


def test_a_self_assessment_is_used_only_where_the_figures_cannot_decide(bo_vung: BoTieuChi) -> None:
    plan = make_plan(tieu_chi={"thu_nhap": {"tu_danh_gia": "đạt"}, "san_xuat": {
        "tu_danh_gia": "đạt", "hien_trang": {"hop_tac_xa": "không", "so_nha_tam": 0}}})
    result = assess(plan, bo_vung)
    declared = find_criterion(result, "thu_nhap")
    assert (declared.trang_thai, declared.theo_tu_danh_gia, declared.theo_so_lieu) == (
        KetQua.dat, True, KetQua.chua_co_du_lieu)
    assert declared.ly_do is LyDo.khong_co_so_lieu  # why the figures could not decide, still said
    contradicted = find_criterion(result, "san_xuat")
    assert (contradicted.trang_thai, contradicted.theo_tu_danh_gia) == (KetQua.chua_dat, False)


def test_a_criterion_the_plan_does_not_mention_lacks_figures(bo_vung: BoTieuChi) -> None:
    tc = find_criterion(assess(make_plan(), bo_vung), "thu_nhap")
    assert (tc.trang_thai, tc.ly_do, tc.ke_hoach) == (KetQua.chua_co_du_lieu, LyDo.khong_co_so_lieu, None)
    assert (tc.so, tc.ten) == ("2", "Thu nhập")


def test_the_totals_split_what_cannot_be_judged_by_why(bo_vung: BoTieuChi) -> None:
    plan = make_plan(dia_ban__vung="dong-bang", tieu_chi={
        "lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": "80%", "ty_le_ngheo": "3%"}},  # no level: chua_co_nguong
        "thu_nhap": {"tu_danh_gia": "chưa đạt"},  # no figure, declared unmet
        "san_xuat": {"hien_trang": {"hop_tac_xa": "có", "so_nha_tam": 0}},  # met
    })
    totals = assess(plan, bo_vung).tong_hop
    assert (totals.tong_so, totals.dat, totals.chua_dat, totals.chua_co_du_lieu) == (3, 1, 1, 1)
    assert (totals.chua_co_nguong, totals.khong_co_so_lieu, totals.danh_muc_chua_du) == (1, 0, 0)
    assert (totals.dat_theo_tu_danh_gia, totals.chua_dat_theo_tu_danh_gia) == (0, 1)


# ----------------------------------------------------------------------------- region rules, own indicators


@pytest.mark.parametrize(("flags", "region", "flag"), [
    ({}, "dong-bang", None),
    ({"dia_ban__xa_dac_biet_kho_khan": True}, "mien-nui", "xa_dac_biet_kho_khan"),
    ({"dia_ban__xa_an_toan_khu": True}, "mien-nui", "xa_an_toan_khu"),
])
def test_the_special_commune_rule_replaces_the_region(bo_vung: BoTieuChi, flags: dict[str, Any], region: str,
                                                       flag: str | None) -> None:
    plan = make_plan(dia_ban__vung="dong-bang", **flags)
    found_region, rule, found_flag = effective_region(plan, bo_vung)
    assert (found_region, found_flag) == (region, flag)
    assert (rule is not None) is (flag is not None)
    result = assess(plan, bo_vung)
    assert (result.vung, result.doi_vung_vi) == (region, flag)


def test_a_set_without_region_rules_keeps_the_plans_region() -> None:
    bo = make_set({**BO_VUNG, "quy_tac_vung": []})
    plan = make_plan(dia_ban__vung="dong-bang", dia_ban__xa_dac_biet_kho_khan=True)
    assert effective_region(plan, bo) == ("dong-bang", None, None)


def own(ma: str, loai: str, **extra: Any) -> dict[str, Any]:
    return {"ma": ma, "ten": f"Chỉ tiêu {ma}", "loai": loai, "nguon": "kế hoạch tự đặt", **extra}


def test_own_indicators_are_judged_by_their_own_level_after_the_sets(bo_vung: BoTieuChi) -> None:
    plan = make_plan(tieu_chi={"san_xuat": {
        "chi_tieu_rieng": [own("ty_le_rieng", "toi_thieu", yeu_cau=80, don_vi="%"), own("co_cho", "dat")],
        "hien_trang": {"hop_tac_xa": "có", "so_nha_tam": 0, "ty_le_rieng": "72,5%", "co_cho": "có"}}})
    tc = find_criterion(assess(plan, bo_vung), "san_xuat")
    assert [k.ma for k in tc.chi_tieu] == ["hop_tac_xa", "so_nha_tam", "ty_le_rieng", "co_cho"]
    kq = tc.chi_tieu[2]
    assert (kq.trang_thai, kq.chenh_lech) == (KetQua.chua_dat, Decimal("7.5"))
    assert kq.yeu_cau is not None and (kq.yeu_cau.nguon, kq.yeu_cau.trich_dan) == (
        NguonYeuCau.chi_tieu_rieng, "kế hoạch tự đặt")
    assert kq.chi_tieu.cua_ke_hoach and tc.chi_tieu[3].trang_thai is KetQua.dat
    assert tc.trang_thai is KetQua.chua_dat  # its own unmet indicator makes the criterion unmet


def test_a_met_own_indicator_does_not_complete_an_incomplete_list() -> None:
    partial = make_set({**BO_VUNG, "tieu_chi": [{**BO_VUNG["tieu_chi"][2], "chi_tieu_day_du": False}]})
    plan = make_plan(tieu_chi={"san_xuat": {"chi_tieu_rieng": [own("co_cho", "dat")],
                                            "hien_trang": {"hop_tac_xa": "có", "so_nha_tam": 0, "co_cho": "có"}}})
    tc = find_criterion(assess(plan, partial), "san_xuat")
    assert (tc.trang_thai, tc.ly_do) == (KetQua.chua_co_du_lieu, LyDo.danh_muc_chua_du)
