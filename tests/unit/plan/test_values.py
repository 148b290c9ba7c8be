"""plan.values: what the text a user typed means, by docs/plan-format.md ("Số liệu", "Cách viết
giá trị"): Vietnamese habits read where unambiguous, anything ambiguous refused with the reason."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from ntm.plan.values import (
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    CoKhong,
    Doan,
    Ngay,
    SoKhongDoc,
    SoLieu,
    SoNguyen,
    json_number,
    parse_number,
    parse_so_lieu,
    words_pattern,
)

# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("52,77", Decimal("52.77")),  # the Vietnamese decimal comma
        ("52.77", Decimal("52.77")),
        ("1.234.567", 1234567),  # dots between thousands, twice: not a decimal
        ("1.234,5", Decimal("1234.5")),
        ("12.450.000.000", 12450000000),
        ("1 500 000", 1500000),
        ("1\u00a0500", 1500),
        (" 2023 ", 2023),
        ("+5", 5),
        ("-3", -3),
        ("0,5", Decimal("0.5")),
        ("1.50", Decimal("1.50")),  # two decimals cannot be a thousands group
        ("1,5000", Decimal("1.5")),
    ],
)
def test_numbers_read_the_vietnamese_way(text: str, expected: int | Decimal) -> None:
    assert parse_number(text) == expected


def test_whole_numbers_stay_ints_and_decimals_stay_exact() -> None:
    assert type(parse_number("2023")) is int
    assert parse_number("74,9999999") == Decimal("74.9999999")  # not rounded to 75 on the way in
    assert str(parse_number("0,1")) == "0.1"  # exactly one tenth, not 0.1000000000000000055…


@pytest.mark.parametrize(("text", "grouped", "decimal"), [("1.500", "1500", "1,5"), ("1,500", "1500", "1,5"),
                                                           ("2.050", "2050", "2,05"), ("3,100", "3100", "3,1")])
def test_a_single_group_of_three_digits_is_ambiguous_and_both_readings_are_offered(
    text: str, grouped: str, decimal: str
) -> None:
    with pytest.raises(SoKhongDoc) as caught:
        parse_number(text)
    reason = caught.value.ly_do
    assert reason.key == "so.khong_ro"
    assert (reason.params["nhom"], reason.params["thap_phan"]) == (grouped, decimal)


def test_an_ambiguous_group_ending_in_zero_gets_a_trailing_zero_to_settle_it() -> None:
    """1.230 as a decimal is written 1,230 by a Vietnamese office: still ambiguous; 1,2300 is not."""
    with pytest.raises(SoKhongDoc) as caught:
        parse_number("1.230")
    assert caught.value.ly_do.params["thap_phan"] == "1,23"
    with pytest.raises(SoKhongDoc) as caught:
        parse_number("1.234")
    assert caught.value.ly_do.params["thap_phan"] == "1,2340"  # three decimals would read as a group again
    assert parse_number("1,2340") == Decimal("1.234")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1e26", "so.so_mu"),
        ("5E-2", "so.so_mu"),
        ("٢٠٢٣", "so.chu_so_la"),  # Arabic-Indic digits
        ("２０２３", "so.chu_so_la"),  # fullwidth digits
        ("hai nghìn", "so.khong_phai_so"),
        ("12/2023", "so.khong_phai_so"),
        ("", "so.khong_phai_so"),
        ("1" * (MAX_INTEGER_DIGITS + 1), "so.qua_lon"),
        ("0," + "1" * (MAX_FRACTION_DIGITS + 1), "so.qua_nhieu_so_le"),
        ("9" * 200, "so.qua_lon"),
    ],
)
def test_what_cannot_be_read_without_guessing_is_refused_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(SoKhongDoc) as caught:
        parse_number(text)
    assert caught.value.ly_do.key == reason


def test_the_digit_limits_themselves_are_accepted() -> None:
    assert parse_number("9" * MAX_INTEGER_DIGITS) == int("9" * MAX_INTEGER_DIGITS)
    assert parse_number("0," + "1" * MAX_FRACTION_DIGITS) == Decimal("0." + "1" * MAX_FRACTION_DIGITS)
    assert parse_number("0" * 20 + "7") == 7  # leading zeros are not digits of the value


# ----------------------------------------------------------------------------- figures (số liệu)


@pytest.mark.parametrize(
    ("written", "number", "percent"),
    [("52,77%", "52.77", True), ("52.77%", "52.77", True), ("52,77", "52.77", False), ("52,77 %", "52.77", True),
     ("53", "53", False), (53, "53", False), (52.5, "52.5", False), ("1.234.567", "1234567", False)],
)
def test_a_figure_is_a_number_maybe_a_percentage(written: object, number: str, percent: bool) -> None:
    figure = parse_so_lieu(written)
    assert (figure.so, figure.co, figure.phan_tram) == (Decimal(number), None, percent)


@pytest.mark.parametrize(
    ("written", "yes"),
    [("có", True), ("Có", True), ("KHÔNG", False), ("đạt", True), ("chưa đạt", False), ("đã có", True),
     ("chưa có", False), ("true", True), ("false", False), (True, True), (False, False), (" có ", True)],
)
def test_a_figure_is_a_yes_or_no_in_the_documented_words(written: object, yes: bool) -> None:
    figure = parse_so_lieu(written)
    assert (figure.co, figure.so) == (yes, None)


def test_a_figure_keeps_what_the_user_wrote_for_messages() -> None:
    assert parse_so_lieu(" 52,77% ").van_ban == "52,77%"
    assert parse_so_lieu("Có").van_ban == "Có"


@pytest.mark.parametrize("written", ["y", "yes", "on", "1,500", "nhiều", "50%%"])
def test_a_figure_that_is_neither_is_refused(written: str) -> None:
    with pytest.raises(Exception) as caught:  # pydantic's error type, raised inside validation
        parse_so_lieu(written)
    assert caught.value.context["ma"] == "SCH003"  # type: ignore[attr-defined]
    assert caught.value.context["ly_do"].key == "so_lieu.sai"  # type: ignore[attr-defined]


def test_a_list_is_not_a_figure() -> None:
    with pytest.raises(Exception) as caught:
        parse_so_lieu(["52%"])
    assert caught.value.context["ly_do"].key == "so_lieu.kieu"  # type: ignore[attr-defined]


def test_a_figure_already_read_is_returned_as_it_is() -> None:
    figure = SoLieu(so=Decimal(3), van_ban="3")
    assert parse_so_lieu(figure) is figure


@pytest.mark.parametrize(("value", "expected"), [(Decimal("3"), 3), (Decimal("3.00"), 3), (Decimal("52.77"), 52.77),
                                                 (None, None)])
def test_json_numbers_are_whole_numbers_as_integers(value: Decimal | None, expected: object) -> None:
    out = json_number(value)
    assert out == expected and type(out) is type(expected)


# ----------------------------------------------------------------------------- yes/no settings, dates, text


CO_KHONG = TypeAdapter(CoKhong)


@pytest.mark.parametrize(("written", "expected"), [("có", True), ("Không", False), ("true", True), (False, False)])
def test_a_yes_no_setting_reads_the_figure_words(written: object, expected: bool) -> None:
    assert CO_KHONG.validate_python(written) is expected


@pytest.mark.parametrize("written", ["y", "t", "on", "1", 1, "yes"])
def test_a_yes_no_setting_refuses_what_pydantic_alone_would_take(written: object) -> None:
    """pydantic's bool takes y, t, on, 1: a region rule must not switch on by such a slip."""
    with pytest.raises(ValidationError) as caught:
        CO_KHONG.validate_python(written)
    assert caught.value.errors()[0]["ctx"]["ly_do"].key == "co_khong.sai"


NGAY = TypeAdapter(Ngay)


@pytest.mark.parametrize("written", ["2023-01-05", "05/01/2023", "5/1/2023", " 2023-1-5 ", date(2023, 1, 5)])
def test_dates_are_year_month_day_or_day_month_year(written: object) -> None:
    assert NGAY.validate_python(written) == date(2023, 1, 5)


@pytest.mark.parametrize(("written", "reason"), [("30/02/2023", "ngay.khong_co"), ("2023-13-01", "ngay.khong_co"),
                                                 ("2023/01/05", "ngay.sai"), ("05-01-2023", "ngay.sai"),
                                                 ("ngày 5 tháng 1", "ngay.sai")])
def test_a_date_that_does_not_exist_or_is_not_a_date_is_refused(written: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        NGAY.validate_python(written)
    assert caught.value.errors()[0]["ctx"]["ly_do"].key == reason


def test_a_paragraph_is_one_string_or_several() -> None:
    paragraphs = TypeAdapter(Doan)
    assert paragraphs.validate_python("Một đoạn.") == ["Một đoạn."]
    assert paragraphs.validate_python(["Một.", "Hai."]) == ["Một.", "Hai."]


def test_words_pattern_matches_each_word_in_any_letter_case_with_spaces_around() -> None:
    pattern = re.compile(words_pattern(["có", "chưa đạt"]))
    for text in ("có", "CÓ", "Có", " chưa đạt ", "CHƯA ĐẠT"):
        assert pattern.fullmatch(text), text
    for text in ("co", "chưa", "có có", "y"):
        assert not pattern.fullmatch(text), text


# ----------------------------------------------------------------------------- issue 17: messages that misled


@pytest.mark.parametrize("text", ["0." + "0" * 40 + "1", "0,0000000000001", "1," + "2" * 5000, "3.1" + "4" * 60])
def test_a_tiny_or_very_long_decimal_is_never_called_too_large(text: str) -> None:
    from ntm.present.messages import phrase

    with pytest.raises(SoKhongDoc) as caught:
        parse_number(text)
    said = phrase(caught.value.ly_do)
    assert "quá lớn" not in said and "quá nhiều chữ số thập phân" in said


@pytest.mark.parametrize("text", ["1" * 40, "1.234.567.890.123.456.789.000.111.222", "9" * 16])
def test_a_whole_part_too_long_is_too_large(text: str) -> None:
    from ntm.present.messages import phrase

    with pytest.raises(SoKhongDoc) as caught:
        parse_number(text)
    assert "quá lớn" in phrase(caught.value.ly_do)


def test_an_ambiguous_amount_in_dong_never_suggests_a_decimal_and_names_the_accepted_form() -> None:
    from ntm.present.messages import phrase

    amount: TypeAdapter[int] = TypeAdapter(SoNguyen)
    assert amount.validate_python("12.450.000.000") == 12_450_000_000
    with pytest.raises(ValidationError) as caught:
        amount.validate_python("12.450")
    said = phrase(caught.value.errors()[0]["ctx"]["ly_do"])
    assert "thập phân thì" not in said and "12,45" not in said
    assert "viết 12450" in said and "12.450.000.000" in said
