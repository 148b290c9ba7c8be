"""rules.van_ban (VB): the document's own structure before anything is rendered (docs/plan-format.md:
"Bố cục", "Nội dung nhiều cấp", "Bảng"; the signing formulas of NĐ 30/2020 and HD 36-HD/VPTW)."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.catalog import BoTieuChi
from ntm.rules.van_ban import MAX_LEVELS, bo_cuc, cau_chua_dat, noi_dung, the_thuc_ky
from unit.conftest import BASE_PLAN, make_input


def found(rule: Any, bo: BoTieuChi, **changes: Any) -> list[tuple[str, tuple]]:
    return [(d.code, d.path) for d in rule(make_input(bo, **changes))]


def part(ma: str | None, *blocks: Any, **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"tieu_de": f"phần {ma}", "noi_dung": list(blocks), **extra}
    if ma is not None:
        entry["ma"] = ma
    return entry


# ----------------------------------------------------------------------------- bo_cuc


def test_a_layout_of_known_sections_each_once_is_fine(bo_vung: BoTieuChi) -> None:
    assert found(bo_cuc, bo_vung, bo_cuc=["muc_tieu", "thuc_trang", {"phan": "to_chuc_thuc_hien", "tieu_de": "X"}],
                 phan_bo_sung=[part("thuc_trang", "Một đoạn.")]) == []


def test_an_unknown_section_is_an_error_with_the_closest_name(bo_vung: BoTieuChi) -> None:
    [d] = bo_cuc(make_input(bo_vung, bo_cuc=["muc_tieu", "kinh_phii"]))
    assert (d.code, d.path, d.params["de_xuat"].value) == ("VB001", ("bo_cuc", 1), "kinh_phi")


def test_a_section_placed_twice(bo_vung: BoTieuChi) -> None:
    assert found(bo_cuc, bo_vung, bo_cuc=["muc_tieu", "kinh_phi", {"phan": "muc_tieu"}]) == [("VB002", ("bo_cuc", 2))]


def test_an_extra_section_left_out_of_the_layout_is_warned(bo_vung: BoTieuChi) -> None:
    extra = [part("thuc_trang"), part(None)]
    assert found(bo_cuc, bo_vung, bo_cuc=["muc_tieu"], phan_bo_sung=extra) == [
        ("VB003", ("phan_bo_sung", 0)), ("VB003", ("phan_bo_sung", 1))]
    assert found(bo_cuc, bo_vung, phan_bo_sung=extra) == []  # no layout: placed by vi_tri


@pytest.mark.parametrize("ma", ["kinh_phi", "thuc_trang"])
def test_an_extra_sections_code_must_be_its_own(bo_vung: BoTieuChi, ma: str) -> None:
    extra = [part("thuc_trang"), part(ma)]
    assert found(bo_cuc, bo_vung, phan_bo_sung=extra) == [("VB002", ("phan_bo_sung", 1, "ma"))]


# ----------------------------------------------------------------------------- nested content, tables


def table(*rows: list[Any]) -> dict[str, Any]:
    return {"cot": ["Số TT", {"ten": "Kinh phí", "cot": [{"ten": "Tổng", "tong": True}, "Ghi chú"]}],
            "dong": list(rows)}


def test_rows_must_have_one_cell_per_leaf_column(bo_vung: BoTieuChi) -> None:
    extra = [part("a", {"bang": table([1, 520, "x"], [2, 400])})]
    [d] = noi_dung(make_input(bo_vung, phan_bo_sung=extra))
    assert (d.code, d.path) == ("VB004", ("phan_bo_sung", 0, "noi_dung", 0, "bang", "dong", 1))
    assert (d.params["so_o"], d.params["so_cot"]) == (2, 3)


@pytest.mark.parametrize(("cell", "refused"), [("520", False), ("1.234.567", False), ("52,5", False), ("", False),
                                               ("năm trăm", True), ("1.500", True)])
def test_a_summed_column_takes_numbers_only(bo_vung: BoTieuChi, cell: str, refused: bool) -> None:
    annex = [{"tieu_de": "Danh mục", "bang": table([1, cell, "x"])}]
    assert found(noi_dung, bo_vung, phu_luc=annex) == (
        [("VB005", ("phu_luc", 0, "bang", "dong", 0, 1))] if refused else [])


def test_nesting_deeper_than_the_outline_can_number_is_refused(bo_vung: BoTieuChi) -> None:
    block: dict[str, Any] = {"doan": "lá"}
    for level in range(MAX_LEVELS + 1):
        block = {"muc": f"cấp {MAX_LEVELS - level}", "noi_dung": [block]}
    deepest = ("phan_bo_sung", 0, "noi_dung", 0) + ("noi_dung", 0) * MAX_LEVELS + ("muc",)
    assert found(noi_dung, bo_vung, phan_bo_sung=[part("a", block)]) == [("VB006", deepest)]
    assert found(noi_dung, bo_vung, phan_bo_sung=[part("a", block["noi_dung"][0])]) == []


# ----------------------------------------------------------------------------- the sentence on unmet criteria


def test_the_unmet_sentence_placed_but_switched_off_is_warned_where_placed(bo_vung: BoTieuChi) -> None:
    extra = [part("a", {"muc": "Tiêu chí chưa đạt", "noi_dung": [{"tieu_chi_chua_dat": True}]})]
    assert found(cau_chua_dat, bo_vung, phan_bo_sung=extra,
                 chi_tieu={"bo_tieu_chi": {"tieu_chi_chua_dat": False}}) == [
        ("VB007", ("phan_bo_sung", 0, "noi_dung", 0, "noi_dung", 0, "tieu_chi_chua_dat"))]


def test_the_unmet_sentence_asked_for_with_nowhere_to_go_is_warned(bo_vung: BoTieuChi) -> None:
    asked = {"bo_tieu_chi": {"tieu_chi_chua_dat": True}}
    assert found(cau_chua_dat, bo_vung, chi_tieu=asked, bo_cuc=["kinh_phi"]) == [
        ("VB007", ("chi_tieu", "bo_tieu_chi", "tieu_chi_chua_dat"))]
    assert found(cau_chua_dat, bo_vung, chi_tieu=asked, bo_cuc=["muc_tieu"]) == []  # printed in muc_tieu
    assert found(cau_chua_dat, bo_vung, chi_tieu=asked) == []  # no layout: the default place


# ----------------------------------------------------------------------------- signing formulas


def signed(he_thong: str, co_quan: str = "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM", **signer: Any) -> dict[str, Any]:
    return {**BASE_PLAN["van_ban"], "he_thong": he_thong, "co_quan_ban_hanh": co_quan,
            "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn A", **signer}}


@pytest.mark.parametrize(("he_thong", "signer", "variant", "right"), [
    ("nha_nuoc", {"tham_quyen": "T/M ỦY BAN NHÂN DÂN"}, "nha_nuoc", "TM."),  # State documents: "TM.", "KT."
    ("nha_nuoc", {"ky_thay": "K/T CHỦ TỊCH"}, "nha_nuoc", "KT."),
    ("dang", {"tham_quyen": "TM. BAN THƯỜNG VỤ"}, "dang", "T/M"),  # Party documents: "T/M", "K/T"
    ("dang", {"ky_thay": "KT. BÍ THƯ"}, "dang", "K/T"),
])
def test_the_signing_formula_of_the_documents_system(bo_vung: BoTieuChi, he_thong: str, signer: dict[str, Any],
                                                     variant: str, right: str) -> None:
    [d] = the_thuc_ky(make_input(bo_vung, van_ban=signed(he_thong, **signer)))
    key = next(iter(signer))
    assert (d.code, d.path, d.params["bien_the"], d.params["dung"]) == (
        "VB008", ("van_ban", "nguoi_ky", key), variant, right)


@pytest.mark.parametrize(("he_thong", "signer"), [("nha_nuoc", {"tham_quyen": "TM. ỦY BAN NHÂN DÂN"}),
                                                  ("dang", {"tham_quyen": "T/M BAN THƯỜNG VỤ"}), ("dang", {})])
def test_the_right_formula_is_fine(bo_vung: BoTieuChi, he_thong: str, signer: dict[str, Any]) -> None:
    assert found(the_thuc_ky, bo_vung, van_ban=signed(he_thong, **signer)) == []


def test_a_steering_committees_head_signs_directly(bo_vung: BoTieuChi) -> None:
    document = signed("dang", "BAN CHỈ ĐẠO XÃ AN LẠC", tham_quyen="T/M BAN CHỈ ĐẠO")
    [d] = the_thuc_ky(make_input(bo_vung, van_ban=document))
    assert (d.code, d.params["bien_the"]) == ("VB008", "ban_chi_dao")
