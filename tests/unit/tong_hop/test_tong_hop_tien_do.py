"""A commune's progress over the years, and the aggregation as a whole."""

from __future__ import annotations

from collections.abc import Callable

from ntm.plan.model import ChuanNTM
from ntm.tong_hop.gop import Gop
from ntm.tong_hop.ket_qua import TongHopBaoCao
from ntm.tong_hop.tien_do import LoaiBuoc, thu_tu_so
from ntm.tong_hop.tom_tat import BoTomTat, TomTat, TrangThaiTieuChi

T = TrangThaiTieuChi


def test_criteria_gained_and_lost_by_number_in_official_order(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    before = [T.chua_dat] * 3 + [T.dat] * 16
    after = [T.dat] * 2 + [T.chua_dat] + [T.dat] * 8 + [T.chua_dat_tu_danh_gia] + [T.dat] * 7
    th = tong(ke_hoach(b, "An", 2023, trang_thai=before), ke_hoach(b, "An", 2024, trang_thai=after))
    first, second = th.tien_do
    assert first.loai is LoaiBuoc.nam_dau and first.tang_giam is None and first.moi_dat == ()
    assert second.loai is LoaiBuoc.so_sanh and second.tang_giam == 1
    assert second.moi_dat == ("1", "2") and second.khong_con_dat == ("12",)


def test_a_change_of_set_is_not_compared(bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat],
                                         tong: Callable[..., TongHopBaoCao]) -> None:
    nc = bo(ma="xa-ntm-nang-cao-2021-2025", chuan=ChuanNTM.nang_cao)
    th = tong(ke_hoach(bo(), "An", 2023), ke_hoach(nc, "An", 2024, 10))
    step = th.tien_do[1]
    assert step.loai is LoaiBuoc.doi_bo and step.tang_giam is None and step.moi_dat == step.khong_con_dat == ()
    assert step.truoc is not None and step.truoc.bo.ma == "xa-ntm-2021-2025"


def test_only_communes_with_plans_in_two_years_are_followed(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2023), ke_hoach(b, "Bình", 2023), ke_hoach(b, "Bình", 2025, 2))
    assert [(s.dong.tom.xa, s.dong.nam) for s in th.tien_do] == [("Bình", 2023), ("Bình", 2025)]
    assert th.tien_do[1].tang_giam == -2  # the plan before, even two years before


def test_criterion_numbers_sort_as_numbers() -> None:
    assert sorted(["10", "2", "1.2", "19", "1", "x"], key=thu_tu_so) == ["1", "1.2", "2", "10", "19", "x"]


def test_the_aggregation_keeps_only_sets_with_plans_and_orders_them(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    nc = bo(ma="xa-ntm-nang-cao-2021-2025", chuan=ChuanNTM.nang_cao)
    th = tong(ke_hoach(nc, "An", 2025), ke_hoach(bo(), "Bình", 2023),
              ke_hoach(bo(ma="bo-tinh", chuan=None), "Cát", 2024, tep="a.yaml"),
              ke_hoach(bo(ma="bo-tinh", chuan=None), "Cát", 2024, tep="b.yaml"))  # duplicates: both left out
    assert [b.ma for b in th.bo] == ["xa-ntm-2021-2025", "xa-ntm-nang-cao-2021-2025"] and th.nam == (2023, 2025)
    assert [d.tom.xa for d in th.cua_bo(th.bo[1])] == ["An"] and th.nam_cua(th.bo[0]) == [2023]
    assert len(th.gop.van_de) == 2


def test_a_merged_commune_follows_its_predecessors_history(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo()
    th = tong(ke_hoach(b, "An", 2023, 3, ma_xa="19231"), ke_hoach(b, "An", 2024, 2, ma_xa="19231"),
              ke_hoach(b, "Bình", 2024, 5, ma_xa="19232"),
              ke_hoach(b, "An Bình", 2025, 1, ma_xa="19300", hop_nhat_tu=["19231", "19232"]),
              ke_hoach(b, "Dương", 2025, 1))  # one year, no predecessor: not in the table
    steps = [(s.dong.tom.xa, s.dong.nam, s.loai) for s in th.tien_do]
    assert steps == [("An", 2023, LoaiBuoc.nam_dau), ("An", 2024, LoaiBuoc.so_sanh), ("Bình", 2024, LoaiBuoc.nam_dau),
                     ("An Bình", 2025, LoaiBuoc.hop_nhat)]
    merged = th.tien_do[-1]
    assert [d.tom.xa for d in merged.tien_than] == ["An", "Bình"] and merged.tang_giam is None
    assert th.tien_do[1].hop_nhat_vao is merged.dong and th.tien_do[2].hop_nhat_vao is merged.dong
    assert th.tien_do[0].hop_nhat_vao is None


def test_communes_that_lost_a_criterion_by_criterion_against_the_year_before(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    b = bo(3, ma="tinh-3")
    th = tong(ke_hoach(b, "An", 2023, trang_thai=[T.dat, T.dat, T.dat]),
              ke_hoach(b, "An", 2024, trang_thai=[T.chua_dat, T.thieu_so_lieu, T.dat]),  # tc2 unassessable: not lost
              ke_hoach(b, "Bình", 2023, trang_thai=[T.dat_tu_danh_gia, T.dat, T.chua_dat]),
              ke_hoach(b, "Bình", 2024, trang_thai=[T.chua_dat_tu_danh_gia, T.dat, T.dat]),
              ke_hoach(b, "Cát", 2024, trang_thai=[T.chua_dat, T.chua_dat, T.chua_dat]))  # new: nothing to lose
    (row,) = th.mat_tieu_chi
    assert (row.nam, row.vi_tri, row.so_xa_so_sanh) == (2024, 0, 2)
    assert [d.tom.xa for d in row.xa] == ["An", "Bình"]


def test_change_since_the_base_year_of_the_set(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    from dataclasses import replace

    b = replace(bo(), giai_doan=(2021, 2025))
    th = tong(ke_hoach(b, "An", 2022, 6), ke_hoach(b, "An", 2023, 4), ke_hoach(b, "An", 2024, 1),
              ke_hoach(b, "Bình", 2024, 3))
    first, _, last = th.binh_quan
    assert first.nam_goc is None and first.tu_nam_goc is None  # 2021 not in the data: 2022, itself the base
    assert last.nam_goc == 2022 and last.tu_nam_goc is not None
    assert (last.tu_nam_goc.so_xa, last.tu_nam_goc.tang_giam) == (1, 5.0)
    with_start = tong(ke_hoach(b, "An", 2021, 9), ke_hoach(b, "An", 2022, 6), ke_hoach(b, "An", 2023, 4))
    assert [r.nam_goc for r in with_start.binh_quan] == [None, 2021, 2021]
    assert with_start.binh_quan[2].tu_nam_goc is not None and with_start.binh_quan[2].tu_nam_goc.tang_giam == 5.0


def test_funding_by_source_and_places_summed_over_the_years_plans(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], gom: Callable[..., Gop]) -> None:
    from dataclasses import replace

    from ntm.tong_hop.kinh_phi import NguonNam, NoiNam, TongNam, kinh_phi, muc_tieu_noi

    a = replace(ke_hoach(bo(), "An", 2024), kinh_phi=(("Ngân sách tỉnh", 300), ("Huy động", None)), kinh_phi_tong=500,
                muc_tieu_noi=(("thon_thong_minh", 2),))
    b = replace(ke_hoach(bo(), "Bình", 2024), kinh_phi=(("ngân sách  TỈNH", 200),),
                muc_tieu_noi=(("thon_thong_minh", 1), ("thon_ntm_kieu_mau", 1)))
    gop = gom(a, b, ke_hoach(bo(), "Cát", 2024))
    gop.ket_thuc()
    sources, totals = kinh_phi(gop.dong)
    assert sources == [NguonNam(2024, "Ngân sách tỉnh", 2, 2, 500, 3), NguonNam(2024, "Huy động", 1, 0, 0, 3)]
    assert totals == [TongNam(2024, 1, 500, 3)]
    assert muc_tieu_noi(gop.dong) == [NoiNam(2024, "thon_ntm_kieu_mau", 1, 1, 3), NoiNam(2024, "thon_thong_minh", 3, 2, 3)]


def test_the_year_befores_target_against_this_years_state(
        bo: Callable[..., BoTomTat], ke_hoach: Callable[..., TomTat], tong: Callable[..., TongHopBaoCao]) -> None:
    from dataclasses import replace

    b = bo()
    th = tong(replace(ke_hoach(b, "An", 2023, 5), muc_tieu_dat=16), ke_hoach(b, "An", 2024, 2),  # 17 >= 16: reached
              replace(ke_hoach(b, "Bình", 2023, 5), muc_tieu_dat=19), ke_hoach(b, "Bình", 2024, 4),  # 15 < 19
              replace(ke_hoach(b, "Cát", 2022, 5), muc_tieu_dat=15), ke_hoach(b, "Cát", 2024, 4))  # not the year after
    reached = {(s.dong.tom.xa, s.dong.nam): (s.muc_tieu, s.dat_muc_tieu) for s in th.tien_do}
    assert reached[("An", 2024)] == (16, True) and reached[("Bình", 2024)] == (19, False)
    assert reached[("Cát", 2024)] == (None, None) and reached[("An", 2023)] == (None, None)
    (row,) = th.ke_hoach_thuc_hien
    assert (row.nam, row.co_muc_tieu, row.dat, row.muc_tieu, row.thuc_hien) == (2024, 2, 1, 35, 32)
