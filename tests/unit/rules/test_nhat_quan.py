"""rules.nhat_quan (KH009, KH010, KH012): figures of the plan that must agree with each other or
with its set's dates, and placeholders of `ntm init` left in (docs/codes.md)."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.catalog import BoTieuChi
from ntm.rules.nhat_quan import MAX_CHO_DIEN, cho_dien, kinh_phi_cong_lai, ngay_trong_hieu_luc
from unit.conftest import BASE_PLAN, BO_VUNG, CAN_CU, make_input, make_set


def found(rule: Any, bo: BoTieuChi, **changes: Any) -> list[tuple[str, tuple]]:
    return [(d.code, d.path) for d in rule(make_input(bo, **changes))]


def funding(total: int | None, *amounts: int | None) -> dict[str, Any]:
    return {"tong": total, "nguon": [{"ten": f"Nguồn {i}", "so_tien": a} for i, a in enumerate(amounts)]}


def test_sources_that_do_not_add_up_to_the_total_warn(bo_vung: BoTieuChi) -> None:
    [d] = kinh_phi_cong_lai(make_input(bo_vung, kinh_phi=funding(2_500_000_000, 1_500_000_000, 900_000_000)))
    assert (d.code, d.path) == ("KH009", ("kinh_phi", "tong"))
    assert (d.params["cong"].value, d.params["chenh"].value, d.params["so_nguon"]) == (2_400_000_000, 100_000_000, 2)


@pytest.mark.parametrize("kinh_phi", [
    funding(2_500_000_000, 1_500_000_000, 1_000_000_000),  # adds up
    funding(2_500_000_000, 1_500_000_000, None),  # a source without its amount: nothing to add
    funding(None, 1, 2),  # no total stated
    funding(5),  # no sources
])
def test_funding_that_adds_up_or_cannot_be_added_is_fine(bo_vung: BoTieuChi, kinh_phi: dict[str, Any]) -> None:
    assert found(kinh_phi_cong_lai, bo_vung, kinh_phi=kinh_phi) == []


@pytest.mark.parametrize(("date", "variant"), [
    ("2022-03-07", "truoc"),  # the day before the set's decision (999/QĐ-TEST, 08/3/2022)
    ("2022-03-08", None),
    ("2030-01-01", None),  # the set states no end: none is assumed
])
def test_a_plan_dated_before_its_set_took_effect(bo_vung: BoTieuChi, date: str, variant: str | None) -> None:
    problems = list(ngay_trong_hieu_luc(make_input(bo_vung, van_ban__ngay_ban_hanh=date)))
    assert [(d.code, d.path, d.params["bien_the"]) for d in problems] == (
        [("KH010", ("van_ban", "ngay_ban_hanh"), variant)] if variant else [])


def test_the_effective_date_and_the_end_date_of_the_set_count() -> None:
    bo = make_set(BO_VUNG, can_cu_phap_ly={**CAN_CU, "ngay_hieu_luc": "2022-05-01", "ngay_het_hieu_luc": "2025-12-31"})
    assert found(ngay_trong_hieu_luc, bo, van_ban__ngay_ban_hanh="2022-04-30") == [
        ("KH010", ("van_ban", "ngay_ban_hanh"))]
    [late] = ngay_trong_hieu_luc(make_input(bo, van_ban__ngay_ban_hanh="2026-01-01"))
    assert late.params["bien_the"] == "sau" and late.params["can_cu"] == "QĐ 999/QĐ-TEST"
    assert found(ngay_trong_hieu_luc, bo, van_ban__ngay_ban_hanh="2025-12-31") == []


def test_placeholders_left_in_the_document_warn_at_each(bo_vung: BoTieuChi) -> None:
    document = {**BASE_PLAN["van_ban"], "so_hieu": "[ĐIỀN: số hiệu]", "noi_nhan": ["UBND huyện;", "[ĐIỀN: nơi nhận]"]}
    assert found(cho_dien, bo_vung, van_ban=document) == [
        ("KH012", ("van_ban", "so_hieu")), ("KH012", ("van_ban", "noi_nhan", 1))]


def test_placeholders_are_listed_up_to_the_limit(bo_vung: BoTieuChi) -> None:
    document = {**BASE_PLAN["van_ban"], "noi_nhan": [f"[ĐIỀN: nơi {i}]" for i in range(MAX_CHO_DIEN + 5)]}
    assert len(found(cho_dien, bo_vung, van_ban=document)) == MAX_CHO_DIEN


def test_brackets_that_are_not_the_placeholder_are_text(bo_vung: BoTieuChi) -> None:
    document = {**BASE_PLAN["van_ban"], "trich_yeu": "Kế hoạch [sửa đổi] năm 2023"}
    assert found(cho_dien, bo_vung, van_ban=document) == []
