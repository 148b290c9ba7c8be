"""catalog.thresholds: the level an indicator is held to at a place and a date, with its source,
or why none is known (docs/criteria.md; design §4: a national "chỉ tiêu chung" is shown, never
applied in place of a region's level)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ntm.catalog import BoTieuChi, DoTinCay, LoaiChiTieu
from ntm.catalog.thresholds import BoiCanh, NguonYeuCau, assessment_date, yeu_cau
from unit.conftest import BO_VUNG, make_chi_tieu, make_nguong, make_set, make_tieu_chi, overlay

Y2023 = date(2023, 12, 31)


def level(bo: BoTieuChi, tieu_chi: str, chi_tieu: str, vung: str | None = None, ngay: date | None = Y2023,
          nhom_xa: int | None = None) -> Decimal | None:
    req, _ = yeu_cau(bo, bo.chi_tieu[tieu_chi][chi_tieu], BoiCanh(ngay, vung, nhom_xa))
    return req.gia_tri if req is not None else None


def test_a_plan_year_is_judged_at_its_last_day() -> None:
    assert assessment_date(2023) == date(2023, 12, 31)


@pytest.mark.parametrize(("vung", "expected"), [("mien-nui", 60), ("dong-bang", 75), ("trung-du", None), (None, None)])
def test_a_level_per_region(bo_vung: BoTieuChi, vung: str | None, expected: int | None) -> None:
    assert level(bo_vung, "lao_dong", "ty_le_lao_dong_qua_dao_tao", vung) == expected


def test_a_known_level_carries_its_kind_source_and_confidence(bo_vung: BoTieuChi) -> None:
    req, unknown = yeu_cau(bo_vung, bo_vung.chi_tieu["lao_dong"]["ty_le_lao_dong_qua_dao_tao"],
                           BoiCanh(Y2023, "mien-nui", None))
    assert unknown is None and req is not None
    assert (req.loai, req.nguon, req.do_tin_cay) == (LoaiChiTieu.toi_thieu, NguonYeuCau.bo_tieu_chi, DoTinCay.V)
    assert req.trich_dan == "QĐ 999/QĐ-TEST, Phụ lục I"
    assert req.url == "https://example.invalid/mien-nui" and req.bo_tieu_chi == "bo-vung"


def test_an_unknown_level_says_why_and_shows_the_national_level_without_applying_it(bo_vung: BoTieuChi) -> None:
    req, unknown = yeu_cau(bo_vung, bo_vung.chi_tieu["lao_dong"]["ty_le_ngheo"], BoiCanh(Y2023, "dong-bang", None))
    assert req is None and unknown is not None
    assert unknown.chung == 4  # shown beside, never used as the region's level
    assert unknown.ghi_chu == "mức vùng đồng bằng chưa rõ"
    assert unknown.trich_dan == "QĐ 999/QĐ-TEST, Phụ lục I"


@pytest.mark.parametrize(("vung", "ngay", "expected"), [
    ("mien-nui", date(2023, 12, 31), 40), ("mien-nui", date(2024, 12, 31), 45),
    ("dong-bang", date(2023, 12, 31), 55), ("dong-bang", date(2024, 12, 31), 60),
    ("dong-bang", date(2025, 12, 31), None),  # no level for that year: none, not the last one known
    ("dong-bang", None, None),  # an undated question sees undated levels only
])
def test_a_level_per_region_and_year(bo_vung: BoTieuChi, vung: str, ngay: date | None, expected: int | None) -> None:
    assert level(bo_vung, "thu_nhap", "thu_nhap_binh_quan", vung, ngay) == expected


@pytest.mark.parametrize(("group", "expected"), [(1, 85), (2, 75), (3, 60), (None, None)])
def test_a_level_per_commune_group(bo_nhom: BoTieuChi, group: int | None, expected: int | None) -> None:
    assert level(bo_nhom, "dao_tao", "ty_le_lao_dong_qua_dao_tao", nhom_xa=group, ngay=date(2026, 12, 31)) == expected


def test_a_level_for_every_place_applies_anywhere(bo_vung: BoTieuChi) -> None:
    assert level(bo_vung, "san_xuat", "so_nha_tam", "dong-bang") == 0
    assert level(bo_vung, "san_xuat", "so_nha_tam", None, ngay=None) == 0


def test_a_yes_no_indicator_is_required_to_be_met_with_no_number(bo_vung: BoTieuChi) -> None:
    req, unknown = yeu_cau(bo_vung, bo_vung.chi_tieu["san_xuat"]["hop_tac_xa"], BoiCanh(Y2023, "dong-bang", None))
    assert unknown is None and req is not None
    assert (req.loai, req.gia_tri, req.trich_dan) == (LoaiChiTieu.dat, None, "QĐ 999/QĐ-TEST, Phụ lục I")


def test_the_most_specific_level_of_a_file_wins() -> None:
    """One naming the region and the date before one naming only the region."""
    indicator = make_chi_tieu("ty_le", "toi_thieu", make_nguong(70, vung=["mien-nui"]),
                              make_nguong(80, vung=["mien-nui"], tu_ngay="2024-07-01"), make_nguong(50), don_vi="%")
    bo = make_set({**BO_VUNG, "tieu_chi": [make_tieu_chi("a", indicator, so="1", ten="A")]})
    assert level(bo, "a", "ty_le", "mien-nui", date(2024, 6, 30)) == 70
    assert level(bo, "a", "ty_le", "mien-nui", date(2024, 12, 31)) == 80  # an amendment in force by then
    assert level(bo, "a", "ty_le", "dong-bang", date(2024, 12, 31)) == 50


def test_a_level_in_words_is_said_not_compared() -> None:
    indicator = make_chi_tieu("truong", "toi_thieu", {**make_nguong(None, do_tin_cay="S"), "mo_ta": "mức độ 2"},
                              don_vi="%")
    bo = make_set({**BO_VUNG, "tieu_chi": [make_tieu_chi("a", indicator, so="1", ten="A")]})
    req, unknown = yeu_cau(bo, bo.chi_tieu["a"]["truong"], BoiCanh(Y2023, "mien-nui", None))
    assert req is None and unknown is not None and unknown.mo_ta == "mức độ 2"


def test_the_provinces_level_comes_before_the_parents_and_the_rest_is_inherited(bo_vung: BoTieuChi) -> None:
    raised = make_tieu_chi("lao_dong", {"ma": "ty_le_lao_dong_qua_dao_tao",
                                        "nguong": [make_nguong(80, vung=["dong-bang"])]})
    tinh = make_set(overlay("tinh", "bo-vung.yaml", raised), parent=bo_vung)
    ct = tinh.chi_tieu["lao_dong"]["ty_le_lao_dong_qua_dao_tao"]
    province, _ = yeu_cau(tinh, ct, BoiCanh(Y2023, "dong-bang", None))
    parents, _ = yeu_cau(tinh, ct, BoiCanh(Y2023, "mien-nui", None))
    assert province is not None and parents is not None
    assert (province.gia_tri, province.trich_dan, province.bo_tieu_chi) == (80, "QĐ 123/QĐ-UBND", "tinh")
    assert (parents.gia_tri, parents.trich_dan) == (60, "QĐ 999/QĐ-TEST, Phụ lục I")


@pytest.mark.parametrize("tinh_nguon", ["https://example.invalid/tinh", None])
def test_a_provinces_level_without_its_own_link_is_not_given_the_national_one(tinh_nguon: str | None) -> None:
    """A level the province states is cited to the province's decision; the link beside it is
    the province's (its entry's, else its decision's), or none: never the national indicator's."""
    national = make_set({**BO_VUNG, "tieu_chi": [make_tieu_chi(
        "lao_dong", make_chi_tieu("ty_le_lao_dong_qua_dao_tao", "toi_thieu", make_nguong(75, vung=["dong-bang"]),
                                  don_vi="%", nguon="https://example.invalid/quoc-gia"), so="1", ten="Lao động")]})
    raised = make_tieu_chi("lao_dong", {"ma": "ty_le_lao_dong_qua_dao_tao",
                                        "nguong": [make_nguong(80, vung=["dong-bang"])]})
    data = overlay("tinh", "bo-vung.yaml", raised)
    data["can_cu_phap_ly"] = {**data["can_cu_phap_ly"], "nguon": tinh_nguon}
    tinh = make_set(data, parent=national)
    ct = tinh.chi_tieu["lao_dong"]["ty_le_lao_dong_qua_dao_tao"]
    province, _ = yeu_cau(tinh, ct, BoiCanh(Y2023, "dong-bang", None))
    inherited, _ = yeu_cau(national, national.chi_tieu["lao_dong"]["ty_le_lao_dong_qua_dao_tao"],
                           BoiCanh(Y2023, "dong-bang", None))
    assert province is not None and (province.gia_tri, province.trich_dan) == (80, "QĐ 123/QĐ-UBND")
    assert province.url == tinh_nguon
    assert inherited is not None and inherited.url == "https://example.invalid/quoc-gia"
