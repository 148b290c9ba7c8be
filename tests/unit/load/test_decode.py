"""load.decode: bytes -> NFC text, or why the bytes are not text we accept (docs/plan-format.md,
"Quy tắc đọc tệp": UTF-8 with or without a BOM and UTF-16 with a BOM are read; the rest refused,
with a hint for TCVN3/VNI; NFD normalised with a warning)."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from casefiles import to_tcvn3, to_vni

from ntm.diagnostics import MucDo
from ntm.load.decode import decode, line_col

TEXT = "dia_ban:\n  xa: Hương Sơn\n  tinh: Thừa Thiên Huế\n"


def codes(diagnostics: list) -> list[str]:
    return [d.code for d in diagnostics]


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with a BOM: the BOM is not part of the text"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16 LE with its BOM"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 BE with its BOM"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be"],
)
def test_accepted_encodings_give_the_same_text(data: bytes, why: str) -> None:
    text, problems = decode(data, "k.yaml")
    assert (text, problems) == (TEXT, []), why


def test_utf32_is_refused_even_though_its_bom_starts_like_utf16() -> None:
    text, problems = decode(TEXT.encode("utf-32"), "k.yaml")
    assert text is None
    assert codes(problems) == ["YAML001"] and problems[0].params["bien_the"] == "utf32"


def test_utf16_without_a_bom_is_refused_as_such_not_as_binary() -> None:
    text, problems = decode(TEXT.encode("utf-16-le"), "k.yaml")
    assert text is None
    assert codes(problems) == ["YAML001"] and problems[0].params["bien_the"] == "utf16_khong_bom"


def test_an_invalid_utf8_byte_is_named_with_its_line_and_column() -> None:
    data = b"nam: 2023\nxa: H\xd3 Thanh\n"
    text, problems = decode(data, "k.yaml")
    assert text is None and codes(problems) == ["YAML001"]
    d = problems[0]
    assert (d.line, d.column) == (2, 6)  # after "xa: H" on line 2
    assert d.params["byte"] == "D3"
    assert d.params["goi_y"].key == "goi_y.luu_utf8"  # one stray byte is not a legacy font


@pytest.mark.parametrize(("encode", "font"), [(to_tcvn3, "tcvn3"), (to_vni, "vni")])
def test_legacy_font_text_is_refused_with_a_hint_naming_the_font(encode, font: str) -> None:
    data = encode("xa: Hương Sơn\ntinh: Thừa Thiên Huế\nghi_chu: Xây dựng nông thôn mới, đường giao thông\n")
    text, problems = decode(data, "k.yaml")
    assert text is None
    assert problems[0].code in ("YAML001", "YAML003")  # cp1252-legal bytes: YAML003; others: YAML001 with the hint
    assert problems[0].params["goi_y"].key == f"goi_y.{font}"


def test_real_vietnamese_letters_rule_out_a_legacy_font() -> None:
    # "Höông" is how VNI looks when read as cp1252; a real "ư" in the same text settles it.
    text, problems = decode("a: Höông Höông Höông chaøo\nb: Hương\n".encode(), "k.yaml")
    assert text is not None and problems == []


def test_binary_bytes_are_refused() -> None:
    data = bytes(range(256)) * 8
    text, problems = decode(data, "k.yaml")
    assert text is None and codes(problems) == ["YAML002"]
    assert problems[0].line is None  # about the file as a whole


def test_one_nul_byte_in_a_text_file_is_pointed_at() -> None:
    text, problems = decode(b"van_ban:\n  so_hieu: 0\x001\n", "k.yaml")
    assert text is None and codes(problems) == ["YAML002"]
    d = problems[0]
    assert d.params["bien_the"] == "nul"
    assert (d.line, d.column) == (2, 13)


def test_decomposed_text_is_normalised_with_a_warning_at_the_first_decomposed_letter() -> None:
    nfd = "nam: 2023\nxa: " + unicodedata.normalize("NFD", "Hương Sơn") + "\n"
    text, problems = decode(nfd.encode(), "k.yaml")
    assert text == "nam: 2023\nxa: Hương Sơn\n"
    assert unicodedata.is_normalized("NFC", text)
    assert codes(problems) == ["YAML005"]
    d = problems[0]
    assert d.level is MucDo.CANH_BAO  # the text is read: a warning, not an error
    assert (d.line, d.column) == (2, 6)  # "ư" is the 6th character of "xa: Hương" in NFC


def test_a_cjk_compatibility_ideograph_is_named_by_its_code_point() -> None:
    text, problems = decode("ten: \ufa2a\n".encode(), "k.yaml")
    assert text == "ten: " + unicodedata.normalize("NFC", "\ufa2a") + "\n"
    assert problems[0].params == {"ma_ky_tu": "FA2A", "bien_the": "khac"}


def test_ascii_and_nfc_text_come_back_unchanged_and_without_warnings() -> None:
    for text in ("nam: 2023\n", TEXT):
        assert decode(text.encode(), "k.yaml") == (text, [])


@pytest.mark.parametrize(("index", "expected"), [(0, (1, 1)), (3, (1, 4)), (4, (2, 1)), (6, (2, 3))])
def test_line_col_is_one_based(index: int, expected: tuple[int, int]) -> None:
    assert line_col("abc\ndef", index) == expected
