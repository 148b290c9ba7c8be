"""rules.dia_ban (DM): the commune's region or group and the plan's year against the set's axis
and period (docs/codes.md, DM001-DM005)."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.catalog import BoTieuChi
from ntm.rules.dia_ban import khoa_khong_dung, nam_trong_giai_doan, vung_nhom_xa
from unit.conftest import BO_VUNG, make_input, make_set


def found(rule: Any, bo: BoTieuChi, **changes: Any) -> list[tuple[str, tuple]]:
    return [(d.code, d.path) for d in rule(make_input(bo, **changes))]


def test_a_known_region_or_group_is_fine(bo_vung: BoTieuChi, bo_nhom: BoTieuChi) -> None:
    assert found(vung_nhom_xa, bo_vung, dia_ban__vung="dong-bang") == []
    assert found(vung_nhom_xa, bo_nhom, dia_ban__vung=None, dia_ban__nhom_xa=2) == []


def test_a_set_by_region_needs_the_region(bo_vung: BoTieuChi) -> None:
    [d] = vung_nhom_xa(make_input(bo_vung, dia_ban__vung=None))
    assert (d.code, d.path) == ("DM001", ("dia_ban",))
    assert d.params["cac_vung"] == "mien-nui, dong-bang"


def test_an_unknown_region_is_refused_with_the_closest_one(bo_vung: BoTieuChi) -> None:
    [d] = vung_nhom_xa(make_input(bo_vung, dia_ban__vung="mien-nuii"))
    assert (d.code, d.path) == ("DM002", ("dia_ban", "vung"))
    assert d.params["de_xuat"].value == "mien-nui"


def test_a_set_by_group_needs_the_group(bo_nhom: BoTieuChi) -> None:
    [d] = vung_nhom_xa(make_input(bo_nhom, dia_ban__vung=None))
    assert (d.code, d.path) == ("DM003", ("dia_ban",))
    assert d.params["cac_nhom"] == "1 (xã ven đô thị), 2 (xã còn lại), 3 (xã khu vực II, III)"


def test_settings_the_set_does_not_use_are_warned_at_their_keys(bo_vung: BoTieuChi, bo_nhom: BoTieuChi) -> None:
    problems = list(khoa_khong_dung(make_input(bo_nhom, dia_ban__nhom_xa=1)))  # the base plan has a region
    assert [(d.code, d.path, d.at_key, d.params["bien_the"]) for d in problems] == [
        ("DM005", ("dia_ban", "vung"), True, "vung")]
    assert found(khoa_khong_dung, bo_vung, dia_ban__nhom_xa=1) == [("DM005", ("dia_ban", "nhom_xa"))]


def test_special_commune_flags_are_unused_by_a_set_without_region_rules(bo_vung: BoTieuChi) -> None:
    no_rules = make_set(BO_VUNG, quy_tac_vung=[])
    flags = {"dia_ban__xa_dac_biet_kho_khan": True, "dia_ban__xa_an_toan_khu": "có"}
    assert found(khoa_khong_dung, no_rules, **flags) == [
        ("DM005", ("dia_ban", "xa_dac_biet_kho_khan")), ("DM005", ("dia_ban", "xa_an_toan_khu"))]
    assert found(khoa_khong_dung, bo_vung, **flags) == []


@pytest.mark.parametrize(("year", "outside"), [(2021, True), (2022, False), (2025, False), (2026, True)])
def test_the_year_must_be_within_the_sets_period(bo_vung: BoTieuChi, year: int, outside: bool) -> None:
    problems = list(nam_trong_giai_doan(make_input(bo_vung, nam=year)))
    assert [(d.code, d.path) for d in problems] == ([("DM004", ("nam",))] if outside else [])
    if outside:
        assert (problems[0].params["tu"], problems[0].params["den"]) == (2022, 2025)


def test_a_set_without_a_period_takes_any_year() -> None:
    timeless = make_set({k: v for k, v in BO_VUNG.items() if k != "giai_doan"})
    assert found(nam_trong_giai_doan, timeless, nam=2099) == []
