"""catalog.model: what one criteria file may say (docs/criteria.md: confidence codes, units,
levels; a number always needs a source, recalled wording never carries one)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from ntm.catalog import BoTieuChiFile, CanCuPhapLy, ChiTieu, DonVi, LoaiChiTieu, Nguong, XacNhan
from ntm.catalog.model import TiLeSoVoi, level_problem
from unit.conftest import BO_VUNG, make_chi_tieu, make_nguong


def refusal(model: type, data: dict[str, Any]) -> tuple[str, str]:
    """(code, phrase key) of the one ntm error a catalog entry gives."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    [error] = caught.value.errors()
    return error["ctx"]["ma"], error["ctx"]["ly_do"].key


def test_the_small_set_is_a_valid_file() -> None:
    file = BoTieuChiFile.model_validate(BO_VUNG)
    assert [tc.ma for tc in file.tieu_chi] == ["lao_dong", "thu_nhap", "san_xuat"]
    assert file.giai_doan == (2022, 2025) and file.truc == "vung"
    ct = file.tieu_chi[0].chi_tieu[0]
    assert (ct.loai, ct.don_vi, ct.nguong[1].so) == (LoaiChiTieu.toi_thieu, DonVi.phan_tram, Decimal(75))


def test_an_unknown_level_is_written_null_and_read_as_none() -> None:
    level = Nguong.model_validate(make_nguong(None, vung=["dong-bang"], do_tin_cay="U"))
    assert level.gia_tri is None and level.so is None


@pytest.mark.parametrize("confidence", ["R", "U"])
def test_a_number_on_recalled_or_unknown_confidence_is_refused(confidence: str) -> None:
    assert refusal(Nguong, make_nguong(75, do_tin_cay=confidence)) == ("BTC020", "btc.so_khong_nguon")


@pytest.mark.parametrize("confidence", ["V", "S", "I"])
def test_a_number_with_a_source_is_accepted(confidence: str) -> None:
    assert Nguong.model_validate(make_nguong(75, do_tin_cay=confidence)).so == 75


def test_a_year_and_dates_together_are_refused() -> None:
    assert refusal(Nguong, make_nguong(40, nam=2023, tu_ngay="2023-01-01")) == ("BTC020", "btc.nam_va_ngay")


def test_dates_in_reverse_are_refused() -> None:
    assert refusal(Nguong, make_nguong(40, tu_ngay="2024-06-01", den_ngay="2024-01-01")) == ("BTC020", "btc.ngay_nguoc")


def test_a_year_is_the_whole_year() -> None:
    level = Nguong.model_validate(make_nguong(40, nam=2024))
    assert (level.tu, level.den) == (date(2024, 1, 1), date(2024, 12, 31))
    dated = Nguong.model_validate(make_nguong(40, tu_ngay="2024-07-01"))
    assert (dated.tu, dated.den) == (date(2024, 7, 1), None)


@pytest.mark.parametrize("factor", ["0", "-1.1", "101"])
def test_a_relative_level_needs_a_positive_factor_of_at_most_100(factor: str) -> None:
    assert refusal(TiLeSoVoi, {"bo_tieu_chi": "x", "chi_tieu": "y", "he_so": factor}) == ("BTC020", "btc.he_so")


def test_a_tentative_number_or_placement_needs_its_reason() -> None:
    assert refusal(XacNhan, {"do_tin_cay": "U"}) == ("BTC020", "btc.xac_nhan_thieu_ly_do")
    assert XacNhan.model_validate({"do_tin_cay": "V"}).ghi_chu is None  # verbatim needs no reason
    assert XacNhan.model_validate({"do_tin_cay": "I", "ghi_chu": "suy ra từ 4.2"}).do_tin_cay.value == "I"


@pytest.mark.parametrize(
    ("loai", "don_vi", "level", "reason"),
    [
        ("dat", None, 1, "btc.so_cho_co_khong"),  # a yes/no indicator has no number
        ("toi_thieu", "%", -5, "btc.am"),
        ("toi_thieu", "%", "100,5", "btc.qua_100"),
        ("toi_da", "nhà", "0,5", "btc.so_dem_le"),  # a count is whole
        ("toi_thieu", "hộ", "2,5", "btc.so_dem_le"),
    ],
)
def test_a_level_must_fit_its_indicator(loai: str, don_vi: str | None, level: object, reason: str) -> None:
    data = make_chi_tieu("x", loai, make_nguong(level), don_vi=don_vi)
    assert refusal(ChiTieu, data) == ("BTC020", reason)


@pytest.mark.parametrize(("don_vi", "level"), [("%/năm", -2), ("%", 100), ("nhà", 0), ("triệu đồng/người/năm", "45,5")])
def test_levels_that_fit_are_accepted(don_vi: str, level: object) -> None:
    ct = ChiTieu.model_validate(make_chi_tieu("x", "toi_thieu", make_nguong(level), don_vi=don_vi))
    assert level_problem(ct, ct.nguong[0]) is None


def test_units_say_what_they_count() -> None:
    counts = {u for u in DonVi if u.la_so_dem}
    assert counts == {DonVi.nha, DonVi.truong, DonVi.ho, DonVi.nguoi, DonVi.thon, DonVi.mo_hinh, DonVi.linh_vuc}
    assert [u for u in DonVi if u.co_the_am] == [DonVi.phan_tram_nam]  # only a growth rate may fall


@pytest.mark.parametrize(
    ("so_hieu", "phu_luc", "citation"),
    [("318/QĐ-TTg", "II", "QĐ 318/QĐ-TTg, Phụ lục II"), ("318/QĐ-TTg", None, "QĐ 318/QĐ-TTg"),
     ("QĐ 51/2025/QĐ-TTg", "I", "QĐ 51/2025/QĐ-TTg, Phụ lục I"),
     ("Quyết định 123/QĐ-UBND", None, "Quyết định 123/QĐ-UBND")],
)
def test_a_legal_basis_is_cited_as_offices_cite_it(so_hieu: str, phu_luc: str | None, citation: str) -> None:
    basis = CanCuPhapLy.model_validate({"so_hieu": so_hieu, "ten": "x", "co_quan": "y", "ngay_ban_hanh": "2022-03-08",
                                        "phu_luc": phu_luc})
    assert basis.trich_dan == citation
    assert basis.van_ban == citation.split(", Phụ lục")[0]  # the decision without its annex


def test_an_indicator_is_shown_by_its_short_name_if_it_has_one() -> None:
    full = ChiTieu.model_validate(make_chi_tieu("x", "dat", noi_dung="Tỷ lệ hộ dùng nước sạch theo quy chuẩn"))
    assert full.ten_hien_thi == "Tỷ lệ hộ dùng nước sạch theo quy chuẩn"
    short = ChiTieu.model_validate(make_chi_tieu("x", "dat", noi_dung="Tỷ lệ …", ten_ngan="Nước sạch"))
    assert short.ten_hien_thi == "Nước sạch"


def test_a_file_refuses_keys_it_does_not_know() -> None:
    with pytest.raises(ValidationError) as caught:
        BoTieuChiFile.model_validate({**BO_VUNG, "so_tieu_chi_khac": 3})
    assert caught.value.errors()[0]["type"] == "extra_forbidden"
