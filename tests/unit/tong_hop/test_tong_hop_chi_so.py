"""The report's indicators as data: every share with its numerator, its denominator and what it counts."""

from __future__ import annotations

from collections.abc import Callable

from ntm.plan.model import ChuanNTM
from ntm.tong_hop.chuan import NHOM_19
from ntm.tong_hop.gop import Gop
from ntm.tong_hop.ket_qua import TongHopBaoCao, nhom_bo_nam
from ntm.tong_hop.theo_nhom import Nhom, PhanTo, chia_nhom
from ntm.tong_hop.theo_tieu_chi import theo_chi_tieu, ty_le_dat, xep_hang
from ntm.tong_hop.tom_tat import BoTomTat, MucApDung, NguonMuc, TomTat, TrangThaiChiTieu, TrangThaiTieuChi
from ntm.tong_hop.ty_le import BinhQuan, MauSo, ThayDoi, ThayDoiBinhQuan, TyLe, tang_giam

NTM, NANG_CAO = ChuanNTM.ntm, ChuanNTM.nang_cao
T = TrangThaiTieuChi


def test_a_share_keeps_both_terms_and_is_none_over_nothing() -> None:
    share = TyLe(3, 12, MauSo.xa_co_ke_hoach)
    assert (share.tu_so, share.mau_so, share.mau_so_la, share.gia_tri) == (3, 12, MauSo.xa_co_ke_hoach, 0.25)
    assert TyLe(0, 0, MauSo.xa_cong_nhan_ntm).gia_tri is None
    assert BinhQuan(34, 2, MauSo.xa_danh_gia_theo_bo).gia_tri == 17.0 and BinhQuan(0, 0, MauSo.xa_cua_nhom).gia_tri is None
    assert tang_giam(5, None) is None and tang_giam(5, 7) == -2


# ----------------------------------------------------------------------------- communes at each standard


def test_recognised_is_a_share_of_communes_with_a_plan(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                       tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2024, cong_nhan=[(NTM, 2020)]), ke_hoach(b, "Bình", 2024, 4),
              ke_hoach(b, "Cát", 2024, 1, cong_nhan=[(NTM, 2025)]))  # recognised after the year: not yet
    (row,) = th.dat_chuan
    ntm = row.theo_chuan[0]
    assert row.so_xa == 3 and ntm.chuan is NTM
    assert ntm.cong_nhan == TyLe(1, 3, MauSo.xa_co_ke_hoach) and ntm.cong_nhan_tren_ntm is None


def test_higher_standards_are_also_a_share_of_ntm_communes(bo: Callable[..., BoTomTat],
                                                           ke_hoach: Callable[..., TomTat],
                                                           tong: Callable[..., TongHopBaoCao]) -> None:
    b, nc = bo(), bo(ma="xa-ntm-nang-cao-2021-2025", chuan=NANG_CAO)
    th = tong(ke_hoach(nc, "An", 2024, cong_nhan=[(NTM, 2019), (NANG_CAO, 2022)]),
              ke_hoach(nc, "Bình", 2024, cong_nhan=[(NTM, 2020)]), ke_hoach(b, "Cát", 2024, 3),
              ke_hoach(b, "Dương", 2024, 2))
    nang_cao = th.dat_chuan[0].theo_chuan[1]
    assert nang_cao.cong_nhan == TyLe(1, 4, MauSo.xa_co_ke_hoach)
    assert nang_cao.cong_nhan_tren_ntm == TyLe(1, 2, MauSo.xa_cong_nhan_ntm)
    kieu_mau = th.dat_chuan[0].theo_chuan[2]
    assert kieu_mau.cong_nhan_tren_ntm == TyLe(0, 2, MauSo.xa_cong_nhan_ntm)


def test_meeting_every_criterion_is_over_communes_assessed_by_that_standards_sets(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b, nc = bo(), bo(ma="xa-ntm-nang-cao-2021-2025", chuan=NANG_CAO)
    th = tong(ke_hoach(b, "An", 2024), ke_hoach(b, "Bình", 2024, 2), ke_hoach(b, "Cát", 2024, 1),
              ke_hoach(nc, "Dương", 2024))
    ntm, nang_cao, kieu_mau = th.dat_chuan[0].theo_chuan
    assert ntm.dat_du == TyLe(1, 3, MauSo.xa_danh_gia_theo_bo)
    assert nang_cao.dat_du == TyLe(1, 1, MauSo.xa_danh_gia_theo_bo)
    assert kieu_mau.dat_du.mau_so == 0 and kieu_mau.dat_du.gia_tri is None


def test_recognised_but_not_meeting_its_sets_criteria_has_slipped(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b, nc = bo(), bo(ma="xa-ntm-nang-cao-2021-2025", chuan=NANG_CAO)
    th = tong(ke_hoach(b, "An", 2024, 1, cong_nhan=[(NTM, 2020)]),  # NTM, assessed by an NTM set, 18 met
              ke_hoach(nc, "Bình", 2024, 5, cong_nhan=[(NTM, 2020)]),  # NTM working towards nâng cao: not slipped
              ke_hoach(b, "Cát", 2024, cong_nhan=[(NTM, 2021)]))  # still meets every criterion
    assert th.dat_chuan[0].chua_duy_tri == 1


def test_change_in_ntm_communes_only_against_the_year_before_over_communes_in_both(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2022), ke_hoach(b, "An", 2023, cong_nhan=[(NTM, 2023)]),
              ke_hoach(b, "An", 2025, cong_nhan=[(NTM, 2023)]), ke_hoach(b, "Bình", 2023, cong_nhan=[(NTM, 2019)]))
    changes = {r.nam: r.tang_giam_cong_nhan_ntm for r in th.dat_chuan}
    # Bình has no plan in 2022: its recognition is not a change; 2024 is not in the data: no change for 2025
    assert changes == {2022: None, 2023: 1, 2025: None}
    assert th.dat_chuan[1].thay_doi_ntm == ThayDoi(1, 0, 1)
    assert {r.nam: r.so_xa for r in th.dat_chuan} == {2022: 1, 2023: 2, 2025: 1}


# ----------------------------------------------------------------------------- averages and bands


def test_the_average_is_criteria_met_over_communes_with_the_change(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2023), ke_hoach(b, "Bình", 2023, 4), ke_hoach(b, "An", 2024, 1),
              ke_hoach(b, "Bình", 2024, 2))
    first, second = th.binh_quan
    assert first.binh_quan == BinhQuan(34, 2, MauSo.xa_danh_gia_du) and first.tang_giam is None
    assert second.binh_quan.gia_tri == 17.5 and second.tang_giam == 0.5
    assert second.thay_doi is not None and second.thay_doi.truoc == BinhQuan(34, 2, MauSo.xa_ca_hai_nam)


def test_bands_are_shares_of_the_sets_communes_with_their_change(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2023), ke_hoach(b, "Bình", 2023, 4), ke_hoach(b, "Cát", 2023, 16),
              ke_hoach(b, "An", 2024, 1), ke_hoach(b, "Bình", 2024, 2), ke_hoach(b, "Cát", 2024, 9))
    before, now = th.binh_quan
    assert before.nhom is not None and now.nhom is not None
    assert [band.khoang for band in now.nhom] == list(NHOM_19)
    assert [band.so_xa.tu_so for band in before.nhom] == [1, 1, 0, 0, 1]
    assert [band.so_xa.tu_so for band in now.nhom] == [0, 2, 1, 0, 0]
    assert {band.so_xa.mau_so for band in now.nhom} == {3}
    assert [band.tang_giam for band in now.nhom] == [-1, 1, 1, 0, -1]
    assert [band.tang_giam for band in before.nhom] == [None] * 5
    assert (before.duoi_san, now.duoi_san) == (1, 1)


def test_a_set_of_10_criteria_has_an_average_and_no_bands(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo(10, ma="xa-ntm-2026-2030")
    (row,) = tong(ke_hoach(b, "An", 2026, 3), ke_hoach(b, "Bình", 2026)).binh_quan
    assert row.binh_quan == BinhQuan(17, 2, MauSo.xa_danh_gia_du) and row.nhom is None and row.duoi_san is None


def test_communes_with_an_unassessable_criterion_are_neither_averaged_nor_banded(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    """A commune recognised NTM long ago, assessed under a set whose levels are not known yet, is not
    "dưới 5 tiêu chí": it is counted apart, and its recognition shown beside."""
    b = bo()
    unknown = [T.dat, T.dat, T.dat] + [T.chua_co_muc] * 16
    (row,) = tong(ke_hoach(b, "An", 2024, trang_thai=unknown, cong_nhan=[(NTM, 2019)]),
                  ke_hoach(b, "Bình", 2024, 2), ke_hoach(b, "Cát", 2024, 4)).binh_quan
    assert (row.so_xa, row.chua_du) == (3, 1)
    assert row.binh_quan == BinhQuan(32, 2, MauSo.xa_danh_gia_du) and row.binh_quan.gia_tri == 16.0
    assert row.nhom is not None
    assert [band.so_xa.tu_so for band in row.nhom] == [0, 2, 0, 0, 0] and row.nhom[4].so_xa.mau_so == 2
    assert row.duoi_san == 0
    assert row.cong_nhan == TyLe(1, 3, MauSo.xa_danh_gia_theo_bo)


def test_changes_are_over_the_communes_fully_assessed_in_both_years(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2023, 6), ke_hoach(b, "An", 2024, 2),  # 13 -> 17 met, in both years
              ke_hoach(b, "Bình", 2024, 15),  # new in 2024: not a change
              ke_hoach(b, "Cát", 2023, 0), ke_hoach(b, "Cát", 2024, trang_thai=[T.thieu_so_lieu] * 19))
    now = th.binh_quan[1]
    assert now.thay_doi == ThayDoiBinhQuan(BinhQuan(13, 1, MauSo.xa_ca_hai_nam), BinhQuan(17, 1, MauSo.xa_ca_hai_nam))
    assert now.tang_giam == 4.0 and now.thay_doi.so_xa == 1
    assert now.nhom is not None and [band.tang_giam for band in now.nhom] == [0, 1, -1, 0, 0]
    assert {band.thay_doi.so_xa for band in now.nhom if band.thay_doi} == {1}
    tc1 = next(r for r in th.theo_tieu_chi if r.nam == 2024 and r.ma == "tc1")
    assert tc1.thay_doi == ThayDoi(2, 1, 1)  # An and Cát have plans in both years (Cát's cannot be assessed now)


# ----------------------------------------------------------------------------- by group


def test_groups_by_district_region_and_only_with_several_provinces_by_province(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    one = tong(ke_hoach(b, "An", 2024, huyen="Đông", vung="Bắc Trung Bộ"), ke_hoach(b, "Bình", 2024, 2, vung="Bắc Trung Bộ"))
    assert [block.phan_to for block in one.theo_nhom] == [PhanTo.huyen, PhanTo.vung]
    district, region = one.theo_nhom
    assert [g.nhom for g in district.nhom] == [Nhom(PhanTo.huyen, "Đông")]  # a plan without district is left out
    (whole,) = region.nhom
    assert whole.so_xa == 2 and whole.binh_quan == BinhQuan(36, 2, MauSo.xa_danh_gia_du) and whole.chua_du == 0
    assert whole.dat_du == TyLe(1, 2, MauSo.xa_cua_nhom)
    several = tong(ke_hoach(b, "An", 2024, huyen="Đông"), ke_hoach(b, "An", 2024, huyen="Đông", tinh="Bắc Giang"))
    assert [block.phan_to for block in several.theo_nhom] == [PhanTo.tinh, PhanTo.huyen, PhanTo.vung]
    assert {g.nhom for g in several.theo_nhom[1].nhom} == {Nhom(PhanTo.huyen, "Đông", "Hòa Sơn"),
                                                           Nhom(PhanTo.huyen, "Đông", "Bắc Giang")}


def test_a_groups_recognised_share_is_at_its_sets_standard(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    nc = bo(ma="xa-ntm-nang-cao-2021-2025", chuan=NANG_CAO)
    th = tong(ke_hoach(nc, "An", 2024, huyen="Đông", cong_nhan=[(NTM, 2019)]),
              ke_hoach(nc, "Bình", 2024, huyen="Đông", cong_nhan=[(NTM, 2019), (NANG_CAO, 2023)]))
    (group,) = th.theo_nhom[0].nhom
    assert group.cong_nhan == TyLe(1, 2, MauSo.xa_cua_nhom)


def test_a_heat_map_group_without_district_is_one_group(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                        gom: Callable[..., Gop]) -> None:
    b = bo()
    gop = gom(ke_hoach(b, "An", 2024), ke_hoach(b, "Bình", 2024, tinh="Bắc Giang"), ke_hoach(b, "Cát", 2024, huyen="Đông"))
    assert list(chia_nhom(gop.dong, PhanTo.huyen, kem_tinh=True)) == [
        Nhom(PhanTo.huyen, None), Nhom(PhanTo.huyen, "Đông", "Hòa Sơn")]


# ----------------------------------------------------------------------------- per criterion and indicator


def test_unmet_is_a_share_of_communes_assessed_and_unassessable_is_apart(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo(3, ma="tinh-3")
    th = tong(ke_hoach(b, "An", 2024, trang_thai=[T.dat, T.chua_dat, T.thieu_so_lieu]),
              ke_hoach(b, "Bình", 2024, trang_thai=[T.dat_tu_danh_gia, T.chua_dat_tu_danh_gia, T.chua_co_muc]),
              ke_hoach(b, "Cát", 2024, trang_thai=[T.dat, T.dat, T.chua_dat]))
    rows = {r.ma: r for r in th.theo_tieu_chi}
    assert [r.ma for r in th.theo_tieu_chi] == ["tc2", "tc3", "tc1"]  # most unmet first
    assert rows["tc2"].chua_dat == TyLe(2, 3, MauSo.xa_danh_gia_theo_bo) and rows["tc2"].xep_hang == 1
    assert (rows["tc3"].chua_dat.tu_so, rows["tc3"].dat, rows["tc3"].chua_danh_gia_duoc) == (1, 0, 2)
    assert (rows["tc1"].dat, rows["tc1"].dat_tu_danh_gia, rows["tc1"].xep_hang) == (3, 1, 3)


def test_ranks_share_the_better_place_on_ties() -> None:
    assert xep_hang([2, 5, 2, 0, 5]) == [3, 1, 3, 5, 1]


def test_unmet_changes_against_the_same_set_the_year_before(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2023, 3), ke_hoach(b, "An", 2024, 1), ke_hoach(bo(ma="khac"), "Bình", 2023, 5))
    latest = {r.ma: r for r in th.theo_tieu_chi if r.nam == 2024 and r.bo.ma == "xa-ntm-2021-2025"}
    assert latest["tc1"].tang_giam_chua_dat == 0 and latest["tc2"].tang_giam_chua_dat == -1
    assert all(r.tang_giam_chua_dat is None for r in th.theo_tieu_chi if r.nam == 2023)


def test_a_criterions_indicators_most_unmet_first(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                  tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    unmet_second = [TrangThaiChiTieu.dat, TrangThaiChiTieu.chua_dat, TrangThaiChiTieu.dat]
    unmet_both = [TrangThaiChiTieu.chua_dat, TrangThaiChiTieu.chua_dat, TrangThaiChiTieu.dat]
    th = tong(ke_hoach(b, "An", 2024, 1, chi_tieu=unmet_second), ke_hoach(b, "Bình", 2024, 1, chi_tieu=unmet_both))
    tc1 = next(r for r in th.theo_tieu_chi if r.ma == "tc1")
    assert [(spec.so, n) for spec, n in tc1.chi_tieu_chua_dat] == [("1.2", 2), ("1.1", 1)]


def test_an_indicators_spread_levels_and_sources(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                 gom: Callable[..., Gop]) -> None:
    b = bo()
    ours, plans = NguonMuc("ke_hoach", "", "U"), NguonMuc("bo_tieu_chi", "QĐ 318/QĐ-TTg", "V")  # type: ignore[arg-type]
    at_80, at_90 = MucApDung(80.0, plans), MucApDung(90.0, ours)
    S = TrangThaiChiTieu
    gop = gom(ke_hoach(b, "An", 2024, chi_tieu=[S.dat, S.thieu_so_lieu, S.chua_co_muc], so_lieu=[85.0, None, 5.0],
                       muc=[at_80, None, None]),
              ke_hoach(b, "Bình", 2024, chi_tieu=[S.chua_dat, S.thieu_so_lieu, S.thieu_so_lieu], so_lieu=[70.0, None, None],
                       muc=[at_80, None, None]),
              ke_hoach(b, "Cát", 2024, chi_tieu=[S.chua_dat, S.thieu_so_lieu, S.thieu_so_lieu], so_lieu=[60.0, None, None],
                       muc=[at_90, None, None]))
    first, yes_no, third = theo_chi_tieu(nhom_bo_nam(gop.dong), [b], gop.muc)
    assert (first.co_so_lieu, first.nho_nhat, first.trung_vi, first.lon_nhat) == (3, 60.0, 70.0, 85.0)
    assert first.muc == ((80.0, 2), (90.0, 1)) and first.nguon == {ours, plans}
    assert (first.chua_dat, first.chua_co_muc, first.thieu_so_lieu) == (2, 0, 0)
    assert (yes_no.co_so_lieu, yes_no.nho_nhat, yes_no.muc, yes_no.thieu_so_lieu) == (0, None, (), 3)
    assert (third.co_so_lieu, third.chua_co_muc, third.trung_vi) == (1, 1, 5.0)


def test_share_meeting_each_criterion_in_a_group(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                 gom: Callable[..., Gop]) -> None:
    b = bo(2, ma="tinh-2")
    gop = gom(ke_hoach(b, "An", 2024, trang_thai=[T.dat_tu_danh_gia, T.chua_dat]),
              ke_hoach(b, "Bình", 2024, trang_thai=[T.thieu_so_lieu, T.dat]))
    assert ty_le_dat(gop.dong, 2) == (TyLe(1, 2, MauSo.xa_cua_nhom), TyLe(1, 2, MauSo.xa_cua_nhom))


def test_the_worked_example_of_docs_report_md(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                              tong: Callable[..., TongHopBaoCao]) -> None:
    """docs/report.md, "Ví dụ tính tay": the same four communes, the same figures."""
    b = bo()
    c = [T.dat] * 3 + [T.chua_co_muc] * 16
    th = tong(ke_hoach(b, "A", 2023, 5), ke_hoach(b, "B", 2023, 7), ke_hoach(b, "C", 2023, trang_thai=c),
              ke_hoach(b, "A", 2024, 2), ke_hoach(b, "B", 2024, 7),
              ke_hoach(b, "C", 2024, trang_thai=c, cong_nhan=[(NTM, 2019)]), ke_hoach(b, "D", 2024))
    row = th.binh_quan[1]
    assert (row.so_xa, row.cong_nhan, row.chua_du) == (4, TyLe(1, 4, MauSo.xa_danh_gia_theo_bo), 1)
    assert row.binh_quan == BinhQuan(48, 3, MauSo.xa_danh_gia_du) and row.binh_quan.gia_tri == 16.0
    assert row.nhom is not None and [band.so_xa.tu_so for band in row.nhom] == [1, 1, 1, 0, 0]
    assert row.duoi_san == 1 and row.thay_doi is not None and row.thay_doi.so_xa == 2
    assert (row.thay_doi.truoc.gia_tri, row.thay_doi.nay.gia_tri, row.tang_giam) == (13.0, 14.5, 1.5)
    assert [band.tang_giam for band in row.nhom] == [0, 1, -1, 0, 0]
