"""present.numbers: numbers the Vietnamese way (dots between thousands, a decimal comma, rounding
half up as offices do) and the administrative date of NĐ 30/2020 ("ngày 05 tháng 01 năm 2023")."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ntm.present.numbers import dia_danh_ngay, ngay_ngan, ngay_van_ban, phan_tram, so, so_du_chu_so, so_voi_don_vi


@pytest.mark.parametrize(("value", "expected"), [
    (52.77, "52,77"), (1234567, "1.234.567"), (3.0, "3"), (Decimal("22.23"), "22,23"), (0, "0"),
    (Decimal("-1234.5"), "-1.234,5"), (Decimal("1000"), "1.000"), (Decimal("0.5"), "0,5"),
    (12450000000, "12.450.000.000"),
])
def test_numbers_have_dots_between_thousands_and_a_decimal_comma(value: object, expected: str) -> None:
    assert so(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (Decimal("2.345"), 2, "2,35"),  # half up; half-even would give 2,34
    (Decimal("2.335"), 2, "2,34"),
    (Decimal("0.125"), 2, "0,13"),
    (Decimal("52.5"), 0, "53"),
    (Decimal("1.5"), 0, "2"),
    (Decimal("2.5"), 0, "3"),  # half-even would give 2
])
def test_rounding_is_half_up(value: Decimal, decimals: int, expected: str) -> None:
    assert so(value, decimals) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("0.0000001"), "0,0000001"),  # a gap of 1e-7 never reads "0"
    (Decimal("22.23"), "22,23"), (Decimal("3"), "3"), (Decimal("0"), "0"), (Decimal("1.10"), "1,1"),
])
def test_a_non_zero_amount_keeps_every_decimal_it_needs(value: Decimal, expected: str) -> None:
    assert so_du_chu_so(value) == expected


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (52.77, "%", "52,77%"), (3, "nhà", "3 nhà"), (Decimal("45.5"), "triệu đồng/người/năm", "45,5 triệu đồng/người/năm"),
    (1500, None, "1.500"),
])
def test_a_number_with_its_unit(value: object, unit: str | None, expected: str) -> None:
    assert so_voi_don_vi(value, unit) == expected  # type: ignore[arg-type]


def test_a_percentage_already_in_percent_units() -> None:
    assert phan_tram(75) == "75%" and phan_tram(Decimal("52.77")) == "52,77%"


@pytest.mark.parametrize(("day", "expected"), [
    (date(2023, 1, 5), "ngày 05 tháng 01 năm 2023"),  # day below 10 and months 1-2: a leading zero
    (date(2023, 2, 28), "ngày 28 tháng 02 năm 2023"),
    (date(2022, 3, 8), "ngày 08 tháng 3 năm 2022"),
    (date(2026, 12, 25), "ngày 25 tháng 12 năm 2026"),
])
def test_the_administrative_date(day: date, expected: str) -> None:
    assert ngay_van_ban(day) == expected


def test_the_short_date_and_the_place_line() -> None:
    assert ngay_ngan(date(2022, 3, 8)) == "08/03/2022"
    assert dia_danh_ngay("Hương Sơn", date(2023, 1, 5)) == "Hương Sơn, ngày 05 tháng 01 năm 2023"
