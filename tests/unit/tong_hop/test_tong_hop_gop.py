"""Gathering in the parent: compact rows, filters, files left out and why, duplicates, identity."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from ntm.catalog import DoTinCay
from ntm.catalog.thresholds import NguonYeuCau
from ntm.tong_hop.dinh_danh import KhoaXa, chuan_hoa, trung_nhau
from ntm.tong_hop.gop import Gop, LoaiVanDe, Loc
from ntm.tong_hop.tom_tat import BoTomTat, MucApDung, NguonMuc, TomTat, TrangThaiChiTieu, TrangThaiTieuChi

QD_318 = NguonMuc(NguonYeuCau.bo_tieu_chi, "QĐ 318/QĐ-TTg", DoTinCay.V)

T = TrangThaiTieuChi


# ----------------------------------------------------------------------------- filters


def test_the_province_filter_compares_names_loosely(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat]) -> None:
    loc = Loc(tinh="hòa  SƠN")
    assert loc.khop(ke_hoach(bo(), "An", 2024, tinh="Hòa Sơn"))
    assert not loc.khop(ke_hoach(bo(), "An", 2024, tinh="Quảng Trị"))


def test_the_year_filter_is_a_closed_range(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat]) -> None:
    loc = Loc(nam=(2023, 2024))
    assert [loc.khop(ke_hoach(bo(), "An", y)) for y in (2022, 2023, 2024, 2025)] == [False, True, True, False]


def test_the_set_filter_keeps_plans_of_that_set(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat]) -> None:
    loc = Loc(bo_tieu_chi="xa-ntm-nang-cao-2021-2025")
    assert loc.khop(ke_hoach(bo(ma="xa-ntm-nang-cao-2021-2025"), "An", 2024))
    assert not loc.khop(ke_hoach(bo(), "An", 2024))


def test_a_file_too_broken_to_place_stays_in_scope_to_be_listed(ke_hoach: Callable[..., TomTat]) -> None:
    loc = Loc(tinh="Quảng Trị", nam=(2023, 2023), bo_tieu_chi="xa-ntm-2021-2025")
    assert loc.khop(ke_hoach(None, None, None, tinh=None, loi=1))
    assert not Loc().co_loc and loc.co_loc


def test_files_out_of_scope_are_read_but_not_counted(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                     gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2023), ke_hoach(bo(), "An", 2024), loc=Loc(nam=(2024, 2024)))
    assert gop.so_tep == 2 and [d.nam for d in gop.dong] == [2024] and not gop.van_de


# ----------------------------------------------------------------------------- rows


def test_a_row_counts_its_criteria_by_category(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                               gom: Callable[..., Gop]) -> None:
    codes = [T.dat] * 10 + [T.dat_tu_danh_gia] * 3 + [T.chua_dat, T.chua_dat_tu_danh_gia] + \
        [T.thieu_so_lieu, T.chua_co_muc, T.danh_muc_chua_du, T.thieu_so_lieu]
    d = gom(ke_hoach(bo(), "An", 2024, trang_thai=codes)).dong[0]
    assert (d.so_dat, d.so_tdg, d.so_chua_dat, d.so_cdd) == (13, 3, 2, 4)
    assert not d.dat_du and d.trang_thai(10) is T.dat_tu_danh_gia


def test_meeting_every_criterion_counts_self_assessed_ones(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                          gom: Callable[..., Gop]) -> None:
    d = gom(ke_hoach(bo(), "An", 2024, trang_thai=[T.dat_tu_danh_gia] * 19)).dong[0]
    assert d.dat_du and d.so_dat == 19


def test_a_row_keeps_figures_and_shares_levels(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                               gom: Callable[..., Gop]) -> None:
    b = bo()
    level = MucApDung(80.0, QD_318)
    statuses = [TrangThaiChiTieu.dat, TrangThaiChiTieu.thieu_so_lieu, TrangThaiChiTieu.chua_co_muc]
    gop = gom(ke_hoach(b, "An", 2024, chi_tieu=statuses, so_lieu=[85.0, None, 10.0], muc=[level, None, None]),
              ke_hoach(b, "Bình", 2024, so_lieu=[70.0, None, None], muc=[MucApDung(80.0, QD_318), None, None]))
    first, second = gop.dong
    assert gop.muc == [level] and list(first.ct_muc) == [0, -1, -1] and list(second.ct_muc) == [0, -1, -1]
    assert first.ct_gt[0] == 85.0 and first.ct_gt[1] != first.ct_gt[1]  # NaN where no figure
    assert first.ct_tt == bytes(statuses)
    assert first.tom.so_lieu == () and first.tom.muc == ()  # the per-indicator tuples are not kept twice


def test_the_parent_keeps_one_object_per_set(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                            gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2024), ke_hoach(bo(), "Bình", 2024))  # two equal descriptions, as unpickled
    assert gop.dong[0].bo is gop.dong[1].bo and list(gop.bo) == ["xa-ntm-2021-2025"]


def test_files_left_out_say_why(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                gom: Callable[..., Gop]) -> None:
    valid_set_file = TomTat("bo-tinh.yaml", 0, 1, la_bo_tieu_chi=True)
    broken_set_file = TomTat("bo-hong.yaml", 2, 0, la_bo_tieu_chi=True)
    gop = gom(valid_set_file, broken_set_file, ke_hoach(None, "An", 2024, loi=3), ke_hoach(bo(), "Bình", 2024))
    gop.ket_thuc()
    assert gop.so_tep == 4 and len(gop.dong) == 1
    assert {v.tom.tep: v.loai for v in gop.van_de} == {"bo-hong.yaml": LoaiVanDe.bo_tieu_chi_loi,
                                                        "An-2024.yaml": LoaiVanDe.khong_hop_le}


def test_a_plan_with_errors_is_listed_even_with_a_set(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                      gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2024, loi=1))
    assert not gop.dong and gop.van_de[0].loai is LoaiVanDe.khong_hop_le


# ----------------------------------------------------------------------------- identity and duplicates


def test_names_are_compared_after_nfc_case_and_spacing() -> None:
    decomposed = unicodedata.normalize("NFD", "Hương Sơn")
    assert chuan_hoa(f"  xã  {decomposed} ") == chuan_hoa("Xã hương sơn") == "xã hương sơn"


def test_a_commune_is_its_province_district_and_name() -> None:
    assert KhoaXa.tu_ten("Hòa Sơn", "Đông Sơn", "An Lạc") == KhoaXa.tu_ten("hòa sơn", "ĐÔNG  SƠN", "an lạc")
    assert KhoaXa.tu_ten("Hòa Sơn", "Đông Sơn", "An Lạc") != KhoaXa.tu_ten("Hòa Sơn", "Tây Hòa", "An Lạc")
    assert KhoaXa.tu_ten("Hòa Sơn", None, "An Lạc") == KhoaXa("hòa sơn", "", "an lạc")


def test_communes_sort_by_province_then_district_then_name() -> None:
    keys = [KhoaXa("b", "", "a"), KhoaXa("a", "z", "a"), KhoaXa("a", "b", "z"), KhoaXa("a", "b", "c")]
    assert sorted(keys) == [KhoaXa("a", "b", "c"), KhoaXa("a", "b", "z"), KhoaXa("a", "z", "a"), KhoaXa("b", "", "a")]


def test_duplicates_are_groups_of_the_same_commune_and_year() -> None:
    a, b = KhoaXa("t", "", "a"), KhoaXa("t", "", "b")
    assert trung_nhau([(a, 2024, 1), (b, 2024, 2), (a, 2023, 3), (a, 2024, 4), (a, 2024, 5)]) == [[1, 4, 5]]
    assert trung_nhau([(a, 2024, 1), (a, 2025, 2)]) == []


def test_two_files_of_one_commune_and_year_are_both_left_out(bo: Callable[..., BoTomTat],
                                                             ke_hoach: Callable[..., TomTat],
                                                             gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An Lạc", 2024, tep="a.yaml"), ke_hoach(bo(), "an  lạc", 2024, tep="b.yaml"),
              ke_hoach(bo(), "An Lạc", 2023, tep="c.yaml"))
    gop.ket_thuc()
    assert [d.tom.tep for d in gop.dong] == ["c.yaml"]
    assert {v.tom.tep: v.trung_voi for v in gop.van_de} == {"a.yaml": ("b.yaml",), "b.yaml": ("a.yaml",)}
    assert all(v.loai is LoaiVanDe.trung for v in gop.van_de)


def test_an_invalid_file_for_the_same_commune_and_year_also_makes_a_duplicate(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2024, tep="a.yaml"), ke_hoach(None, "An", 2024, tep="b.yaml", loi=1))
    gop.ket_thuc()
    assert not gop.dong and {v.tom.tep: v.loai for v in gop.van_de} == {"a.yaml": LoaiVanDe.trung,
                                                                          "b.yaml": LoaiVanDe.trung}


def test_rows_are_sorted_by_commune_then_year_then_file(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                                        gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "Bình", 2023), ke_hoach(bo(), "An", 2024), ke_hoach(bo(), "An", 2023),
              ke_hoach(bo(), "An", 2022, tinh="Bắc Giang"))
    gop.ket_thuc()
    assert [(d.tom.tinh, d.tom.xa, d.nam) for d in gop.dong] == [
        ("Bắc Giang", "An", 2022), ("Hòa Sơn", "An", 2023), ("Hòa Sơn", "An", 2024), ("Hòa Sơn", "Bình", 2023)]


def test_a_commune_with_its_district_before_2025_and_without_after_is_one_commune(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2024, huyen="Đông Sơn"), ke_hoach(bo(), "An", 2025))
    gop.ket_thuc()
    assert gop.so_xa == 1 and len(gop.dong) == 2 and not gop.mo_ho
    assert {d.khoa for d in gop.dong} == {KhoaXa.tu_ten("Hòa Sơn", "Đông Sơn", "An")}


def test_the_official_code_is_the_identity_whatever_the_names(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2024, huyen="Đông Sơn", ma_xa="19234"),
              ke_hoach(bo(), "An Lạc", 2025, ma_xa="19234"),  # renamed: still the same commune
              ke_hoach(bo(), "An", 2025, huyen="Tây Sơn", ma_xa="19240"))  # same name, another code
    gop.ket_thuc()
    assert gop.so_xa == 2 and len(gop.dong) == 3
    assert sorted((d.khoa.ma, d.nam) for d in gop.dong) == [("19234", 2024), ("19234", 2025), ("19240", 2025)]


def test_a_plan_without_a_code_takes_the_code_of_its_names(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2023, huyen="Đông Sơn"), ke_hoach(bo(), "An", 2024, huyen="Đông Sơn", ma_xa="19234"),
              ke_hoach(bo(), "An", 2025))
    gop.ket_thuc()
    assert gop.so_xa == 1 and {d.khoa.ma for d in gop.dong} == {"19234"}


def test_same_name_communes_that_cannot_be_told_apart_are_reported_never_dropped(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2024, huyen="Đông Sơn", tep="an-dong.yaml"),
              ke_hoach(bo(), "An", 2024, huyen="Tây Sơn", tep="an-tay.yaml"),
              ke_hoach(bo(), "An", 2025, tep="an-2025.yaml"))
    gop.ket_thuc()
    assert len(gop.dong) == 3 and gop.so_xa == 3 and not gop.van_de  # two districts: both kept, not duplicates
    ((mo_ho, files),) = gop.mo_ho
    assert mo_ho.khoa == KhoaXa.tu_ten("Hòa Sơn", None, "An") and files == ("an-2025.yaml",)
    assert {k.huyen for k in mo_ho.co_the_la} == {chuan_hoa("Đông Sơn"), chuan_hoa("Tây Sơn")}


def test_a_2025_merger_links_the_communes_it_was_made_of(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], gom: Callable[..., Gop]) -> None:
    gop = gom(ke_hoach(bo(), "An", 2024, huyen="Đông Sơn", ma_xa="19231"), ke_hoach(bo(), "Bình", 2024, huyen="Đông Sơn"),
              ke_hoach(bo(), "An Bình", 2025, ma_xa="19300", hop_nhat_tu=["19231", "xã Bình", "Cát"]))
    gop.ket_thuc()
    merged = next(d.khoa for d in gop.dong if d.nam == 2025)
    assert {old.xa: new for old, new in gop.hop_nhat.items()} == {"an": merged, "bình": merged}
    assert gop.hop_nhat_khong_ro == [(merged, "Cát")]  # names no commune of the data: said, not linked

