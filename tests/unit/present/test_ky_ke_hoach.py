"""The plan's level and period in words (present/ky_ke_hoach.py), and the assessment they come from:
the year a multi-year plan is assessed at, a province plan assessing no commune."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.assess.judge import assess
from ntm.catalog import BoTieuChi, LoaiChiTieu
from ntm.plan.model import CapDiaBan, DiaBan, MucTieu
from ntm.present import ky_ke_hoach
from unit.conftest import find_indicator, make_plan, make_plan_data


def multi_year(first: int, last: int, issued: str = "2023-01-05", **changes: Any) -> dict[str, Any]:
    data = make_plan_data(**changes)
    data.pop("nam")
    data["giai_doan"] = f"{first}-{last}"
    data["van_ban"]["ngay_ban_hanh"] = issued
    return data


def test_the_period_in_words() -> None:
    assert ky_ke_hoach.ky(2026, None) == "năm 2026"
    assert ky_ke_hoach.ky(None, (2026, 2030)) == "giai đoạn 2026 - 2030"
    assert ky_ke_hoach.ky_ke_hoach(make_plan(multi_year(2022, 2025))) == "giai đoạn 2022 - 2025"


@pytest.mark.parametrize(("dia_ban", "name", "issuer"), [
    ({"xa": "Hương Sơn", "tinh": "Huế"}, "xã Hương Sơn", "ỦY BAN NHÂN DÂN XÃ HƯƠNG SƠN"),
    ({"cap": "huyen", "huyen": "Nam Đông", "tinh": "Huế"}, "huyện Nam Đông", "ỦY BAN NHÂN DÂN HUYỆN NAM ĐÔNG"),
    ({"cap": "tinh", "tinh": "Nam Định"}, "tỉnh Nam Định", "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH"),
    ({"cap": "tinh", "tinh": "Thành phố Hà Nội"}, "thành phố Hà Nội", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"),
])
def test_names_and_issuer_follow_the_level(dia_ban: dict[str, Any], name: str, issuer: str) -> None:
    place = DiaBan.model_validate(dia_ban)
    assert ky_ke_hoach.ten_dia_ban(place) == name
    assert ky_ke_hoach.uy_ban(place) == issuer


def target(text: str) -> MucTieu:
    return MucTieu.model_validate({"tu": text})


def test_staged_targets_as_offices_write_them() -> None:
    stages = [(2028, ky_ke_hoach.muc_tieu(target("85%"), LoaiChiTieu.toi_thieu, "%")),
              (2030, ky_ke_hoach.muc_tieu(target("100%"), LoaiChiTieu.toi_thieu, "%"))]
    assert ky_ke_hoach.lo_trinh(stages) == "đến năm 2028 đạt 85%, đến năm 2030 đạt 100%"
    assert ky_ke_hoach.muc_tieu(target("1,5%"), LoaiChiTieu.toi_da, "%") == "còn 1,5%"  # a maximum falls to it
    assert ky_ke_hoach.muc_tieu(target("có"), LoaiChiTieu.dat, None) == "đạt"
    assert ky_ke_hoach.muc_tieu(MucTieu.model_validate({"tu": 47, "den": 49}), LoaiChiTieu.toi_thieu,
                                "triệu đồng/người/năm") == "đạt 47 - 49 triệu đồng/người/năm"
    assert ky_ke_hoach.dat_chuan({2026: "15/19", 2030: "19/19"}) == (
        "Đến năm 2026 đạt chuẩn 15/19 tiêu chí, đến năm 2030 đạt chuẩn 19/19 tiêu chí")
    assert ky_ke_hoach.dat_chuan("14/19") == "Thực hiện đạt chuẩn 14/19 tiêu chí"


def test_a_multi_year_plan_is_assessed_at_its_last_year(bo_vung: BoTieuChi) -> None:
    # thu_nhap_binh_quan in mien-nui: 40 in 2023, 45 in 2024
    figures = {"thu_nhap": {"hien_trang": {"thu_nhap_binh_quan": 42}}}
    within = assess(make_plan(multi_year(2022, 2024, tieu_chi=figures)), bo_vung)
    assert (within.nam, within.giai_doan, within.hai_bo) == (2024, (2022, 2024), False)
    level = find_indicator(within, "thu_nhap_binh_quan").yeu_cau
    assert level is not None and level.gia_tri == 45


def test_a_period_past_its_set_is_held_to_the_sets_last_year_and_said_in_one_line(bo_vung: BoTieuChi) -> None:
    danh_gia = assess(make_plan(multi_year(2024, 2028, "2024-06-01")), bo_vung)
    assert (danh_gia.nam, danh_gia.hai_bo) == (2025, True)
    assert ky_ke_hoach.hai_bo(danh_gia) == (
        "Giai đoạn 2024 - 2028 trải qua hai bộ tiêu chí: đánh giá theo Bộ thử nghiệm theo vùng (giai đoạn "
        "2022-2025), bộ áp dụng tại ngày ban hành kế hoạch (01/06/2024).")
    assert ky_ke_hoach.hai_bo(assess(make_plan(multi_year(2022, 2025)), bo_vung)) is None


def test_a_province_plan_assesses_no_commune(bo_vung: BoTieuChi) -> None:
    plan = make_plan(make_plan_data(dia_ban={"cap": "tinh", "tinh": "Tỉnh Thử"}))
    danh_gia = assess(plan, bo_vung)
    assert (danh_gia.tieu_chi, danh_gia.cap, danh_gia.danh_gia_xa) == ((), CapDiaBan.tinh.value, False)
    assert ky_ke_hoach.khong_danh_gia_xa(danh_gia.cap) == (
        "Kế hoạch cấp tỉnh: không đánh giá tiêu chí xã (tiêu chí chỉ xét cho từng xã).")


def test_a_multi_year_plans_indicator_targets_in_the_sets_order(bo_vung: BoTieuChi) -> None:
    figures = {
        "thu_nhap": {"hien_trang": {"thu_nhap_binh_quan": {"gia_tri": 42, "muc_tieu": 50}}},
        "lao_dong": {"hien_trang": {"ty_le_ngheo": {"gia_tri": "7%", "muc_tieu": {"2023": "6%", "2025": "4,5%"}},
                                    "ty_le_lao_dong_qua_dao_tao": "55%"}},
    }
    danh_gia = assess(make_plan(multi_year(2022, 2025, tieu_chi=figures)), bo_vung)
    assert ky_ke_hoach.chi_tieu_giai_doan(danh_gia, 2025) == [
        "Tỷ lệ nghèo đa chiều: đến năm 2023 còn 6%, đến năm 2025 còn 4,5%",
        "Thu nhập bình quân đầu người khu vực nông thôn: đến năm 2025 đạt 50 triệu đồng/người/năm",
    ]
