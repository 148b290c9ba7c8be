"""catalog.rieng: a plan's own indicators (docs/plan-format.md, "Chỉ tiêu riêng của kế hoạch") as
indicators of its set, marked as the plan's; those a rule refuses are left out."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.catalog import BoTieuChi, DonVi, LoaiChiTieu
from ntm.catalog.rieng import chi_tieu_rieng, don_vi_rieng
from unit.conftest import make_plan


def own(ma: str, loai: str = "toi_thieu", **extra: Any) -> dict[str, Any]:
    entry = {"ma": ma, "ten": f"Chỉ tiêu {ma}", "loai": loai, "nguon": "Nghị quyết 05/NQ-HĐND", **extra}
    if loai != "dat":
        entry.setdefault("yeu_cau", 60)
    return entry


@pytest.mark.parametrize(("written", "unit"), [("%", DonVi.phan_tram), ("nhà", DonVi.nha),
                                               (" Triệu  đồng/người/năm ", DonVi.trieu_dong_nguoi_nam),
                                               ("%/NĂM", DonVi.phan_tram_nam), ("kg", None), (None, None)])
def test_a_plans_unit_is_one_the_sets_know_case_and_spaces_aside(written: str | None, unit: DonVi | None) -> None:
    assert don_vi_rieng(written) is unit


def test_own_indicators_become_indicators_of_their_criterion_marked_as_the_plans(bo_vung: BoTieuChi) -> None:
    plan = make_plan(tieu_chi={"thu_nhap": {"chi_tieu_rieng": [
        own("thu_nhap_rieng", don_vi="triệu đồng/người/năm", so="2.1"), own("co_cho", "dat")]}})
    found = chi_tieu_rieng(bo_vung, "thu_nhap", plan.tieu_chi["thu_nhap"])
    assert list(found) == ["thu_nhap_rieng", "co_cho"]
    income = found["thu_nhap_rieng"]
    assert income.cua_ke_hoach and income.bo_tieu_chi == "ke_hoach"
    assert income.tieu_chi.ma == "thu_nhap" and income.nguong == ()
    spec = income.chi_tieu
    assert (spec.so, spec.noi_dung, spec.loai, spec.don_vi) == (
        "2.1", "Chỉ tiêu thu_nhap_rieng", LoaiChiTieu.toi_thieu, DonVi.trieu_dong_nguoi_nam)
    assert spec.nguon == "Nghị quyết 05/NQ-HĐND"


def test_those_a_rule_refuses_are_left_out(bo_vung: BoTieuChi) -> None:
    """A code of the set (TC005), a code given twice (TC005), a unit no set uses (TC006)."""
    plan = make_plan(tieu_chi={"lao_dong": {"chi_tieu_rieng": [
        own("ty_le_ngheo", don_vi="%"), own("rieng", don_vi="%"), own("rieng", don_vi="%"), own("can_nang", don_vi="kg"),
    ]}})
    found = chi_tieu_rieng(bo_vung, "lao_dong", plan.tieu_chi["lao_dong"])
    assert list(found) == ["rieng"]


def test_nothing_for_a_criterion_without_own_indicators_or_not_in_the_set(bo_vung: BoTieuChi) -> None:
    plan = make_plan(tieu_chi={"khong_co": {"chi_tieu_rieng": [own("a", "dat")]}, "lao_dong": {}})
    assert chi_tieu_rieng(bo_vung, "khong_co", plan.tieu_chi["khong_co"]) == {}
    assert chi_tieu_rieng(bo_vung, "lao_dong", plan.tieu_chi["lao_dong"]) == {}
    assert chi_tieu_rieng(bo_vung, "lao_dong", None) == {}
