"""plan: data -> KeHoach, or diagnostics by code at the YAML path the slip is at
(docs/plan-format.md: keys, defaults, forms; docs/codes.md: SCH001-SCH007)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from ntm.plan import KeHoach, validate_for_set, validate_plan
from ntm.plan.model import ChuanNTM, LoaiChiTieuRieng, TrangThai
from ntm.plan.van_ban import CanCu, HeThong
from unit.conftest import make_figures, make_plan, make_plan_data


def problems(data: dict[str, Any]) -> list[tuple[str, tuple]]:
    plan, found = validate_plan(data, "k.yaml")
    assert plan is None
    return [(d.code, d.path) for d in found]


def only(data: dict[str, Any]) -> Any:
    """The one diagnostic an invalid plan gives."""
    plan, found = validate_plan(data, "k.yaml")
    assert plan is None and len(found) == 1, [(d.code, d.path) for d in found]
    return found[0]


# ----------------------------------------------------------------------------- a valid plan


def test_the_smallest_plan_is_valid_with_the_documented_defaults() -> None:
    plan = make_plan()
    assert plan.phien_ban == 1
    assert plan.van_ban.he_thong is HeThong.nha_nuoc
    assert plan.van_ban.ten_loai == "KẾ HOẠCH"
    assert plan.van_ban.ngay_ban_hanh == plan.ngay == date(2023, 1, 5)
    assert plan.dia_ban.huyen is None  # districts were abolished in 2025: optional
    assert (plan.dia_ban.xa_dac_biet_kho_khan, plan.dia_ban.xa_an_toan_khu) == (False, False)
    assert plan.tieu_chi == {} and plan.kinh_phi is None and plan.bo_cuc is None


def test_the_plan_is_frozen() -> None:
    plan = make_plan()
    with pytest.raises(ValidationError):
        plan.nam = 2024  # type: ignore[misc]


def test_text_is_stripped_of_surrounding_spaces() -> None:
    plan = make_plan(dia_ban__xa="  Hương Sơn  ")
    assert plan.dia_ban.xa == "Hương Sơn"


def test_a_figure_written_short_is_the_same_as_written_in_full() -> None:
    short = make_plan(tieu_chi=make_figures("lao_dong", ty_le="52,77%"))
    full = make_plan(tieu_chi=make_figures("lao_dong", ty_le={"gia_tri": "52,77%"}))
    assert short.tieu_chi == full.tieu_chi
    figure = short.tieu_chi["lao_dong"].hien_trang["ty_le"]
    assert figure.gia_tri is not None and figure.gia_tri.so == Decimal("52.77") and figure.gia_tri.phan_tram


def test_a_full_figure_holds_the_stated_requirement_the_target_and_the_unit() -> None:
    plan = make_plan(tieu_chi=make_figures("lao_dong", ty_le={"gia_tri": "60%", "yeu_cau": "75%",
                                                              "muc_tieu": "70-80%", "don_vi": "%"}))
    figure = plan.tieu_chi["lao_dong"].hien_trang["ty_le"]
    assert figure.yeu_cau is not None and figure.yeu_cau.so == 75
    assert figure.muc_tieu is not None and figure.don_vi == "%"
    assert (figure.muc_tieu.tu.so, figure.muc_tieu.den.so) == (70, 80)  # type: ignore[union-attr]
    assert figure.muc_tieu.tu.phan_tram  # "70-80%": the % written once stands for both ends


@pytest.mark.parametrize(("written", "low", "high"), [("47-49", 47, 49), ("47–49", 47, 49), ("95 – 98%", 95, 98),
                                                      ("95%-98%", 95, 98), ("90%", 90, None), (90, 90, None),
                                                      ({"tu": 47, "den": 49}, 47, 49)])
def test_a_target_is_a_number_or_a_range(written: object, low: int, high: int | None) -> None:
    plan = make_plan(tieu_chi=make_figures("lao_dong", ty_le={"muc_tieu": written}))
    target = plan.tieu_chi["lao_dong"].hien_trang["ty_le"].muc_tieu
    assert target is not None and target.tu.so == low
    assert (target.den.so if target.den else None) == high


def test_a_reversed_target_range_is_an_error_at_the_target() -> None:
    d = only(make_plan_data(tieu_chi=make_figures("lao_dong", ty_le={"muc_tieu": "49-47"})))
    assert (d.code, d.path) == ("SCH003", ("tieu_chi", "lao_dong", "hien_trang", "ty_le", "muc_tieu"))
    assert d.params["ly_do"].key == "muc_tieu.nguoc"


@pytest.mark.parametrize(("written", "status"), [("dat", TrangThai.dat), ("chua_dat", TrangThai.chua_dat),
                                                 ("đạt", TrangThai.dat), ("Chưa đạt", TrangThai.chua_dat),
                                                 ("chua dat", TrangThai.chua_dat), (" ĐẠT ", TrangThai.dat)])
def test_a_self_assessment_reads_the_documented_words(written: str, status: TrangThai) -> None:
    plan = make_plan(tieu_chi={"lao_dong": {"tu_danh_gia": written}})
    assert plan.tieu_chi["lao_dong"].tu_danh_gia is status


def test_paragraph_fields_take_one_string_or_a_list() -> None:
    plan = make_plan(tieu_chi={"lao_dong": {"nhiem_vu": "Một việc.", "giai_phap": ["Một.", "Hai."]}})
    entry = plan.tieu_chi["lao_dong"]
    assert (entry.nhiem_vu, entry.giai_phap) == (["Một việc."], ["Một.", "Hai."])


def test_a_legal_basis_is_a_written_sentence_or_fields() -> None:
    plan = make_plan(van_ban__can_cu=[
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        {"loai": "Nghị quyết", "so_hieu": "12/NQ-HĐND", "ngay": "10/01/2026", "co_quan": "HĐND xã"},
    ])
    sentence, fields = plan.van_ban.can_cu
    assert sentence == "Căn cứ Luật Tổ chức chính quyền địa phương;"
    assert isinstance(fields, CanCu) and fields.mo_dau == "Thực hiện" and fields.ngay == date(2026, 1, 10)


def test_recognitions_nest_their_standards() -> None:
    plan = make_plan(dia_ban__cong_nhan=[{"chuan": "ntm", "nam": 2019}, {"chuan": "nang_cao", "nam": "2024"}])
    assert [(c.chuan, c.nam) for c in plan.dia_ban.cong_nhan] == [(ChuanNTM.ntm, 2019), (ChuanNTM.nang_cao, 2024)]


def test_funding_takes_vietnamese_thousands_separators() -> None:
    plan = make_plan(kinh_phi={"tong": "2.500.000.000", "nguon": [{"ten": "Ngân sách tỉnh", "so_tien": 1500000000}]})
    assert plan.kinh_phi is not None and plan.kinh_phi.tong == 2500000000


def test_a_plan_defined_indicator() -> None:
    own = {"ma": "thu_nhap_rieng", "ten": "Thu nhập", "don_vi": "triệu đồng/người/năm", "loai": "toi_thieu",
           "yeu_cau": 60, "nguon": "Nghị quyết 05/NQ-HĐND"}
    plan = make_plan(tieu_chi={"thu_nhap": {"chi_tieu_rieng": [own], "hien_trang": {"thu_nhap_rieng": "62,5"}}})
    [parsed] = plan.tieu_chi["thu_nhap"].chi_tieu_rieng
    assert parsed.loai is LoaiChiTieuRieng.toi_thieu and parsed.yeu_cau is not None and parsed.yeu_cau.so == 60


# ----------------------------------------------------------------------------- errors at their YAML paths


def test_a_misspelt_key_is_one_slip_reported_once_with_the_right_name() -> None:
    data = make_plan_data()
    data["van_ban"]["dia_dan"] = data["van_ban"].pop("dia_danh")
    d = only(data)  # not also "dia_danh is missing"
    assert (d.code, d.path, d.at_key) == ("SCH002", ("van_ban", "dia_dan"), True)
    assert d.params["de_xuat"].value == "dia_danh"


def test_an_unknown_key_with_no_close_name_lists_the_valid_keys() -> None:
    d = only(make_plan_data(dia_ban__ghi_chu_rieng="x"))
    assert (d.code, d.path, d.params["bien_the"]) == ("SCH002", ("dia_ban", "ghi_chu_rieng"), "liet_ke")
    assert "xa" in d.params["cac_khoa"].split(", ")


def test_a_missing_required_key_is_reported_at_the_mapping_that_should_hold_it() -> None:
    data = make_plan_data()
    del data["van_ban"]["trich_yeu"]
    d = only(data)
    assert (d.code, d.path, d.params["khoa"]) == ("SCH001", ("van_ban",), "trich_yeu")


@pytest.mark.parametrize(
    ("changes", "code", "path"),
    [
        ({"van_ban__so_hieu": ["03", "KH"]}, "SCH003", ("van_ban", "so_hieu")),
        ({"van_ban__so_hieu": None}, "SCH001", ("van_ban",)),  # the key removed
        ({"nam": "hai nghìn"}, "SCH003", ("nam",)),
        ({"nam": 1999}, "SCH005", ("nam",)),
        ({"nam": 2101}, "SCH005", ("nam",)),
        ({"phien_ban": 2}, "SCH005", ("phien_ban",)),
        ({"dia_ban__nhom_xa": 4}, "SCH005", ("dia_ban", "nhom_xa")),
        ({"dia_ban__xa_an_toan_khu": "on"}, "SCH003", ("dia_ban", "xa_an_toan_khu")),
        ({"van_ban__he_thong": "dang_uy"}, "SCH004", ("van_ban", "he_thong")),
        ({"van_ban__ngay_ban_hanh": "30/02/2023"}, "SCH003", ("van_ban", "ngay_ban_hanh")),
        ({"van_ban__noi_nhan": ["Lưu: VT.", {"a": 1}]}, "SCH003", ("van_ban", "noi_nhan", 1)),
    ],
)
def test_each_slip_has_its_code_and_the_path_of_the_value(changes: dict[str, Any], code: str, path: tuple) -> None:
    d = only(make_plan_data(**changes))
    assert (d.code, d.path) == (code, path)


def test_an_empty_value_is_said_to_be_empty() -> None:
    d = only({**make_plan_data(), "van_ban": {**make_plan_data()["van_ban"], "so_hieu": None}})
    assert (d.code, d.path) == ("SCH007", ("van_ban", "so_hieu"))


def test_a_value_outside_a_list_names_the_allowed_values() -> None:
    d = only(make_plan_data(tieu_chi={"lao_dong": {"tu_danh_gia": "tot"}}))
    assert (d.code, d.path) == ("SCH004", ("tieu_chi", "lao_dong", "tu_danh_gia"))
    assert d.params["cho_phep"] == "dat, chua_dat"


def test_a_bad_figure_written_short_is_at_the_indicator_and_written_in_full_at_its_field() -> None:
    short = only(make_plan_data(tieu_chi=make_figures("lao_dong", ty_le="1,500")))
    assert short.path == ("tieu_chi", "lao_dong", "hien_trang", "ty_le")
    full = only(make_plan_data(tieu_chi=make_figures("lao_dong", ty_le={"gia_tri": "1,500"})))
    assert full.path == ("tieu_chi", "lao_dong", "hien_trang", "ty_le", "gia_tri")
    assert short.code == full.code == "SCH003"
    assert short.params["ly_do"].params["ly_do"].key == "so.khong_ro"


def test_a_legal_basis_with_a_misspelt_field_is_reported_once_as_that() -> None:
    basis = {"loai": "Nghị quyết", "so_hieu": "12/NQ-HĐND", "ngay": "2026-01-10", "co_quan": "HĐND xã", "trich_yu": "x"}
    d = only(make_plan_data(van_ban__can_cu=[basis]))
    assert (d.code, d.path) == ("SCH002", ("van_ban", "can_cu", 0, "trich_yu"))


@pytest.mark.parametrize(
    ("own", "reason"),
    [
        ({"loai": "dat", "yeu_cau": 1}, "chi_tieu_rieng.co_khong"),  # a yes/no has no level
        ({"loai": "dat", "don_vi": "%"}, "chi_tieu_rieng.co_khong"),
        ({"loai": "toi_thieu", "don_vi": "%"}, "chi_tieu_rieng.can_muc"),  # a minimum needs its level
        ({"loai": "toi_da", "yeu_cau": "có", "don_vi": "%"}, "chi_tieu_rieng.can_muc"),
    ],
)
def test_a_plan_defined_indicator_must_fit_its_kind(own: dict[str, Any], reason: str) -> None:
    entry = {"ma": "rieng", "ten": "Riêng", "nguon": "kế hoạch tự đặt", **own}
    d = only(make_plan_data(tieu_chi={"lao_dong": {"chi_tieu_rieng": [entry]}}))
    assert (d.code, d.path) == ("SCH003", ("tieu_chi", "lao_dong", "chi_tieu_rieng", 0))
    assert d.params["ly_do"].key == reason


def test_a_content_block_has_exactly_one_kind() -> None:
    extra = [{"tieu_de": "thực trạng", "noi_dung": [{"doan": "a", "bang": {"cot": ["A"]}}]}]
    d = only(make_plan_data(phan_bo_sung=extra))
    assert (d.code, d.path) == ("SCH003", ("phan_bo_sung", 0, "noi_dung", 0))
    assert d.params["ly_do"].key == "noi_dung.mot_loai"


def test_a_place_target_of_another_kind_needs_its_name() -> None:
    d = only(make_plan_data(chi_tieu={"dia_ban": [{"loai": "khac", "noi": ["Thôn Đông"]}]}))
    assert (d.code, d.path) == ("SCH003", ("chi_tieu", "dia_ban", 0))


def test_a_file_of_many_unknown_keys_lists_the_first_hundred_then_counts_the_rest() -> None:
    data = make_plan_data(**{f"khoa_{i}": i for i in range(130)})
    found = problems(data)
    assert len(found) == 101
    assert found[-1] == ("SCH000", ())
    _, diagnostics = validate_plan(data, "k.yaml")
    assert diagnostics[-1].params["con_lai"] == 30


# ----------------------------------------------------------------------------- the part a set is checked against


def test_an_invalid_document_still_has_its_criteria_checked() -> None:
    data = make_plan_data(tieu_chi={"khong_co": {"tu_danh_gia": "dat"}})
    del data["van_ban"]["so_hieu"]
    part = validate_for_set(data)
    assert isinstance(part, KeHoach) and set(part.tieu_chi) == {"khong_co"}


def test_a_broken_figure_is_left_out_of_the_part_and_the_rest_kept() -> None:
    data = make_plan_data(tieu_chi=make_figures("lao_dong", ty_le="1,500", khac="50%"))
    part = validate_for_set(data)
    assert part is not None and set(part.tieu_chi["lao_dong"].hien_trang) == {"khac"}


@pytest.mark.parametrize("changes", [{"nam": "hai nghìn"}, {"dia_ban__xa_an_toan_khu": "on"}])
def test_without_a_sound_commune_or_year_no_set_can_be_checked(changes: dict[str, Any]) -> None:
    assert validate_for_set(make_plan_data(**changes)) is None


def test_a_file_that_is_not_a_mapping_has_no_part() -> None:
    assert validate_for_set(["nam", 2023]) is None
