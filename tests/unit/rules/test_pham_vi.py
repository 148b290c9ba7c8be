"""Rules on the plan's level and period: DM004 for a period (outside the set's, straddling two sets),
DM006 (staged targets), DM007 (status table of a province plan), KH002 on the final year only, the
criteria target stage by stage, and no KH rule for a plan that assesses no commune."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.catalog import BoTieuChi
from ntm.rules import check_assessment
from ntm.rules.dia_ban import nam_trong_giai_doan, vung_nhom_xa
from ntm.rules.ke_hoach import muc_tieu_va_yeu_cau, tong_so_tieu_chi
from ntm.rules.pham_vi import bang_tinh_trang, lo_trinh
from unit.conftest import make_input, make_plan_data

# bo_vung's period is 2022-2025; its level for ty_le_lao_dong_qua_dao_tao in mien-nui is 60%.


def period(first: int, last: int, issued: str = "2023-01-05", **changes: Any) -> dict[str, Any]:
    data = make_plan_data(**changes)
    data.pop("nam")
    data["giai_doan"] = {"tu": first, "den": last}
    data["van_ban"]["ngay_ban_hanh"] = issued
    return data


def found(rule: Any, bo: BoTieuChi, data: dict[str, Any], assessed: bool = False) -> list[tuple[str, tuple, str | None]]:
    return [(d.code, d.path, d.params.get("bien_the")) for d in rule(make_input(bo, data, assessed=assessed))]


@pytest.mark.parametrize(("first", "last", "issued", "expected"), [
    (2022, 2025, "2022-03-10", []),  # within the set's period
    (2026, 2030, "2026-03-10", [("DM004", ("giai_doan",), "giai_doan")]),  # after it
    (2018, 2020, "2018-03-10", [("DM004", ("giai_doan",), "giai_doan")]),  # before it
    (2024, 2028, "2024-06-01", []),  # straddles, issued while the set applies: said by check, not an error
    (2024, 2028, "2026-02-01", [("DM004", ("giai_doan",), "hai_bo")]),  # issued after the set's period
])
def test_a_period_against_the_sets(bo_vung: BoTieuChi, first: int, last: int, issued: str,
                                   expected: list[tuple[str, tuple, str]]) -> None:
    assert found(nam_trong_giai_doan, bo_vung, period(first, last, issued)) == expected


def test_a_year_is_still_checked_as_before(bo_vung: BoTieuChi) -> None:
    assert found(nam_trong_giai_doan, bo_vung, make_plan_data(nam=2026)) == [("DM004", ("nam",), None)]


def test_a_province_plan_needs_no_region(bo_vung: BoTieuChi) -> None:
    assert found(vung_nhom_xa, bo_vung, make_plan_data(dia_ban={"cap": "tinh", "tinh": "Tỉnh Thử"})) == []


FIGURES = {"lao_dong": {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": {"gia_tri": "52%", "muc_tieu": {
    "2022": "55%", "2024": "58%", "2025": "59%"}}}, "nhiem_vu": "a", "giai_phap": "b"}}


def test_stages_within_the_period_are_fine_and_others_are_named_by_year(bo_vung: BoTieuChi) -> None:
    assert found(lo_trinh, bo_vung, period(2022, 2025, tieu_chi=FIGURES)) == []
    [(code, path, _)] = found(lo_trinh, bo_vung, period(2023, 2025, tieu_chi=FIGURES))
    assert (code, path[-1]) == ("DM006", "2022")


def test_stages_in_a_yearly_plan_are_refused_once_per_target(bo_vung: BoTieuChi) -> None:
    data = make_plan_data(tieu_chi=FIGURES, chi_tieu={"bo_tieu_chi": {"dat_chuan": {"2023": "2/3", "2025": "3/3"}}})
    assert found(lo_trinh, bo_vung, data) == [
        ("DM006", ("tieu_chi", "lao_dong", "hien_trang", "ty_le_lao_dong_qua_dao_tao", "muc_tieu"), "ke_hoach_nam"),
        ("DM006", ("chi_tieu", "bo_tieu_chi", "dat_chuan"), "ke_hoach_nam"),
    ]


def test_the_final_years_target_is_compared_with_the_level_not_the_stages(bo_vung: BoTieuChi) -> None:
    # 55% and 58% on the way are below 60%: no warning; the last stage, 59%, is.
    [(code, path, _)] = found(muc_tieu_va_yeu_cau, bo_vung, period(2022, 2025, tieu_chi=FIGURES), assessed=True)
    assert (code, path[-1]) == ("KH002", "muc_tieu")
    reaching = {"lao_dong": {**FIGURES["lao_dong"], "hien_trang": {"ty_le_lao_dong_qua_dao_tao": {
        "gia_tri": "52%", "muc_tieu": {"2022": "50%", "2025": "60%"}}}}}
    assert found(muc_tieu_va_yeu_cau, bo_vung, period(2022, 2025, tieu_chi=reaching), assessed=True) == []


def test_each_stage_of_the_criteria_target_is_checked(bo_vung: BoTieuChi) -> None:
    data = period(2022, 2025, chi_tieu={"bo_tieu_chi": {"dat_chuan": {"2023": "2/3", "2024": "3/4", "2025": "4/3"}}})
    assert found(tong_so_tieu_chi, bo_vung, data, assessed=True) == [
        ("KH003", ("chi_tieu", "bo_tieu_chi", "dat_chuan", "2024"), None),
        ("KH007", ("chi_tieu", "bo_tieu_chi", "dat_chuan", "2025"), None),
    ]


def test_a_province_plan_gets_no_commune_warning_and_no_status_table(bo_vung: BoTieuChi) -> None:
    data = make_plan_data(dia_ban={"cap": "tinh", "tinh": "Tỉnh Thử"}, tieu_chi={"san_xuat": {"nhiem_vu": "a"}},
                          chi_tieu={"bo_tieu_chi": {"dat_chuan": "3/19"}},
                          phu_luc=[{"tieu_de": "Tình trạng", "bang": "tinh_trang_tieu_chi"}])
    given = make_input(bo_vung, data, assessed=True)
    assert given.danh_gia is not None and given.danh_gia.tieu_chi == () and not given.danh_gia.danh_gia_xa
    assert check_assessment("k.yaml", given.plan, given.data, given.danh_gia) == []  # not KH003 for "3/19"
    assert found(bang_tinh_trang, bo_vung, data) == [("DM007", ("phu_luc", 0, "bang"), None)]
    assert found(bang_tinh_trang, bo_vung, make_plan_data(phu_luc=data["phu_luc"])) == []
