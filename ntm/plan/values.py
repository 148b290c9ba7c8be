"""Scalar types that read Vietnamese habits where they are unambiguous.

The loader hands every scalar over as the text the user typed; these
validators decide what the text means. Anything ambiguous is refused with a
message, never guessed (design §3).
"""

# No `from __future__ import annotations` here: see ntm/plan/co_so.py.

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ntm.diagnostics.params import Cau, GiaTri

# -- numbers ----------------------------------------------------------------------------

# ASCII digits only: Arabic-Indic or fullwidth digits would be read by Python's \d but by
# no editor's JSON Schema, and no office types them on purpose (docs/plan-format.md).
_INT = re.compile(r"[+-]?[0-9]+")
_DOT_DECIMAL = re.compile(r"[+-]?[0-9]+\.[0-9]+")
_COMMA_DECIMAL = re.compile(r"[+-]?[0-9]+,[0-9]+")
_AMBIGUOUS_DOT = re.compile(r"[+-]?[0-9]{1,3}\.[0-9]{3}")  # 1.500: 1500 (VN) or 1.5 (YAML)?
_AMBIGUOUS_COMMA = re.compile(r"[+-]?[0-9]{1,3},[0-9]{3}")  # 1,500: 1.5 (VN) or 1500 (EN)?
_VN_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")  # 1.234.567 or 1.234,5
_EXPONENT = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?[eE][+-]?[0-9]+")

# The largest figures are kinh phí in đồng (13 digits); the finest, a ratio typed to many
# decimals. Past these a number is a slip (or an attack on decimal arithmetic: 1e26 once
# crashed formatting), and comparing or printing it exactly stays cheap within them.
MAX_INTEGER_DIGITS = 15
MAX_FRACTION_DIGITS = 10


def _decimal_form(whole: str, fraction: str) -> str:
    """How to write whole.fraction as an unambiguous decimal: '1', '500' -> '1,5'."""
    fraction = fraction.rstrip("0")
    if len(fraction) == 3:  # three decimals read as a thousands group; a trailing zero settles it
        fraction += "0"
    return f"{whole},{fraction}" if fraction else whole


def _whole_digits(s: str) -> str:
    """The digits of the whole part of a number typed with separators, read as parse_number reads
    it: before the decimal comma; before a lone dot (1.5); every digit of 1.234.567."""
    if "," in s:
        return s.rsplit(",", 1)[0].replace(".", "")
    if s.count(".") == 1:
        return s.split(".")[0]
    return s.replace(".", "")


class SoKhongDoc(ValueError):
    """Text that is not a number we can read without guessing; `ly_do` says why (a registry phrase)."""

    def __init__(self, ly_do: Cau) -> None:
        super().__init__(ly_do.key)
        self.ly_do = ly_do


def ntm_error(ly_do: Cau, code: str = "SCH003", khoa: str | None = None) -> PydanticCustomError:
    """The one pydantic error type ntm raises: ntm.diagnostics.pydantic_errors reports it as `code`
    (a code whose template is "{ly_do}.") with `ly_do`, a registry phrase, as the reason. `khoa`:
    a key of the model that raised it, where the diagnostic points when the key is written (a
    model-level check is otherwise placed at the model's own key)."""
    ctx: dict[str, Any] = {"ly_do": ly_do, "ma": code}
    if khoa is not None:
        ctx["khoa"] = khoa
    return PydanticCustomError("ntm", "{ly_do}", ctx)


def _checked(number: Decimal, text: str) -> Decimal:
    """`number`, if it fits the digits a figure may have."""
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite: the patterns admit no NaN or Infinity
    if len(digits) + exponent > MAX_INTEGER_DIGITS and number != 0:
        raise SoKhongDoc(Cau("so.qua_lon", {"gia_tri": GiaTri(text)}))
    if -exponent > MAX_FRACTION_DIGITS:
        raise SoKhongDoc(Cau("so.qua_nhieu_so_le", {"gia_tri": GiaTri(text), "toi_da": MAX_FRACTION_DIGITS}))
    return number


def parse_number(text: str) -> int | Decimal:
    """Text as typed -> number, exactly (ints stay ints). Raises SoKhongDoc with the reason."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if any(ch.isdigit() and not ch.isascii() for ch in s):
        raise SoKhongDoc(Cau("so.chu_so_la", {"gia_tri": GiaTri(text)}))
    if sum(ch.isdigit() for ch in s) > MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS + 5 and re.fullmatch(r"[+-]?[0-9.,]+", s):
        # Before any arithmetic on it: too many digits in all. "Quá lớn" only when the whole part
        # is; a tiny or very long decimal (0,000…01) has too many decimals, not too large a value.
        whole = _whole_digits(s.lstrip("+-")).lstrip("0")
        if len(whole) > MAX_INTEGER_DIGITS:
            raise SoKhongDoc(Cau("so.qua_lon", {"gia_tri": GiaTri(text)}))
        raise SoKhongDoc(Cau("so.qua_nhieu_so_le", {"gia_tri": GiaTri(text), "toi_da": MAX_FRACTION_DIGITS}))
    if _INT.fullmatch(s):
        if len(s.lstrip("+-").lstrip("0")) > MAX_INTEGER_DIGITS:
            raise SoKhongDoc(Cau("so.qua_lon", {"gia_tri": GiaTri(text)}))
        return int(s)
    if _AMBIGUOUS_DOT.fullmatch(s) or _AMBIGUOUS_COMMA.fullmatch(s):
        whole, fraction = re.split("[.,]", s)
        grouped = whole + fraction
        decimal = _decimal_form(whole, fraction)
        raise SoKhongDoc(Cau("so.khong_ro", {"gia_tri": GiaTri(text.strip(), 80), "nhom": grouped, "thap_phan": decimal}))
    # Exact decimals: 74,9999999% must not become 75% (a false "đạt") on the way in.
    if _DOT_DECIMAL.fullmatch(s):
        return _checked(Decimal(s), text)
    if _COMMA_DECIMAL.fullmatch(s):
        return _checked(Decimal(s.replace(",", ".")), text)
    if _VN_GROUPED.fullmatch(s) and (s.count(".") > 1 or "," in s):
        return _checked(Decimal(s.replace(".", "").replace(",", ".")), text)
    if _EXPONENT.fullmatch(s):
        raise SoKhongDoc(Cau("so.so_mu", {"gia_tri": GiaTri(text)}))
    raise SoKhongDoc(Cau("so.khong_phai_so", {"gia_tri": GiaTri(text)}))


def _number(value: Any, whole: bool = False) -> Any:
    if isinstance(value, bool):
        raise ntm_error(Cau("so.bool", {"gia_tri": str(value).lower()}))
    if isinstance(value, (int, float, Decimal)):
        value = str(value)  # a number given as a number (JSON, a test) obeys the rule of one typed as text
    if isinstance(value, str):
        try:
            return parse_number(value)
        except SoKhongDoc as exc:
            reason = exc.ly_do
            if whole and reason.key == "so.khong_ro":  # an amount in đồng, a count: a decimal is no answer
                reason = Cau("so.khong_ro_nguyen", {k: v for k, v in reason.params.items() if k != "thap_phan"})
            raise ntm_error(reason) from None
    return value  # let the core validator report the wrong type


def _whole_number(value: Any) -> Any:
    return _number(value, whole=True)


# A whole number typed as text, as parse_number reads it: "2024", "12.450.000.000" (dots between
# thousands, Vietnamese style), "1 500 000". The JSON Schema says the same, so an editor accepts
# every form ntm accepts (ntm then refuses what a pattern cannot tell, such as the ambiguous 1.500).
SO_NGUYEN_CHU = r"^\s*[+-]?(?:[0-9][0-9 \u00a0]*|[0-9]{1,3}(?:\.[0-9]{3})+)\s*$"
SO_CHU = r"^\s*[+-]?[0-9][0-9.,  \u00a0]*\s*$"

SoNguyen = Annotated[
    int,
    BeforeValidator(_whole_number),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": SO_NGUYEN_CHU}]}),
]
SoThapPhan = Annotated[
    Decimal,
    BeforeValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": SO_CHU}]}),
]


_ECMA_SYNTAX = frozenset("^$\\.*+?()[]{}|/")


def words_pattern(words: Iterable[str]) -> str:
    """A JSON Schema pattern for these words in any letter case, with spaces around: ntm reads
    them with .strip().lower(), and JSON Schema patterns have no case-insensitive flag."""
    def letter(ch: str) -> str:
        both = {ch.lower(), ch.upper()}
        if len(both) > 1:
            return f"[{''.join(sorted(both))}]"
        # ECMA-262 in unicode mode (editors, check-jsonschema) allows escaping syntax characters only
        return "\\" + ch if ch in _ECMA_SYNTAX else ch

    # longest first (an alternative must not stop at a shorter prefix), then by text: stable output
    alternatives = sorted(("".join(letter(ch) for ch in word) for word in words), key=lambda a: (-len(a), a))
    return r"^\s*(?:" + "|".join(alternatives) + r")\s*$"


# -- figures (hiện trạng) -------------------------------------------------------------------

_TRUE_WORDS = {"có", "đạt", "true", "rồi", "đã có", "đã đạt"}
_FALSE_WORDS = {"không", "chưa", "chưa đạt", "chưa có", "false", "không đạt", "không có"}


@dataclass(frozen=True)
class SoLieu:
    """One figure as the plan states it: a number (maybe a percentage) or a yes/no."""

    so: Decimal | None = None
    co: bool | None = None
    phan_tram: bool = False
    van_ban: str = ""  # what the user wrote, for messages


def parse_so_lieu(value: Any) -> SoLieu:
    if isinstance(value, SoLieu):
        return value
    if isinstance(value, bool):
        return SoLieu(co=value, van_ban=str(value).lower())
    if isinstance(value, (int, float, Decimal)):
        value = str(value)  # a number given as a number obeys the rule of one typed as text
    if not isinstance(value, str):
        raise ntm_error(Cau("so_lieu.kieu"))
    text = value.strip()
    lowered = text.lower()
    if lowered in _TRUE_WORDS:
        return SoLieu(co=True, van_ban=text)
    if lowered in _FALSE_WORDS:
        return SoLieu(co=False, van_ban=text)
    percent = text.endswith("%")
    body = text[:-1] if percent else text
    try:
        number = parse_number(body)
    except SoKhongDoc as exc:
        raise ntm_error(Cau("so_lieu.sai", {"ly_do": exc.ly_do})) from None
    return SoLieu(so=Decimal(number), phan_tram=percent, van_ban=text)


def _so_lieu_json(value: SoLieu) -> Any:
    if value.co is not None:
        return value.co
    return json_number(value.so)


def json_number(value: Decimal | None) -> int | float | None:
    """A decimal as a JSON number: whole numbers as integers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


SoLieuType = Annotated[
    SoLieu,
    BeforeValidator(parse_so_lieu),
    PlainSerializer(_so_lieu_json),
    WithJsonSchema(
        {
            "title": "Số liệu",
            "description": "Một số (3; 52.77), một tỷ lệ viết kiểu Việt Nam ('52,77%') hoặc có/không (true/false).",
            "anyOf": [
                {"type": "number"},
                {"type": "boolean"},
                {"type": "string", "pattern": r"^\s*[+-]?[0-9][0-9.,  \u00a0]*%?\s*$"},
                {"type": "string", "pattern": words_pattern(_TRUE_WORDS | _FALSE_WORDS)},
            ],
        }
    ),
]


# -- yes/no settings ---------------------------------------------------------------------------


def _co_khong(value: Any) -> Any:
    """A yes/no setting reads exactly the words a yes/no figure reads: `có`, `không`, `true`, …
    (pydantic would also take y, t, on, 1, and silently switch a region rule)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE_WORDS:
            return True
        if lowered in _FALSE_WORDS:
            return False
    raise ntm_error(Cau("co_khong.sai", {"gia_tri": GiaTri(value)}))


CoKhong = Annotated[
    bool,
    BeforeValidator(_co_khong),
    WithJsonSchema(
        {
            "title": "Có/không",
            "description": "true/false, hoặc có, không, đạt, chưa đạt, …",
            "anyOf": [{"type": "boolean"}, {"type": "string", "pattern": words_pattern(_TRUE_WORDS | _FALSE_WORDS)}],
        }
    ),
]


# -- dates ------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VN_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return value
    text = value.strip()
    m = _ISO_DATE.fullmatch(text)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _VN_DATE.fullmatch(text)
        if not m:
            raise ntm_error(Cau("ngay.sai", {"gia_tri": GiaTri(text)}))
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    try:
        return date(y, mo, d)
    except ValueError:
        raise ntm_error(Cau("ngay.khong_co", {"gia_tri": text, "thang": mo, "nam": y, "ngay": d})) from None


Ngay = Annotated[
    date,
    BeforeValidator(_date),
    WithJsonSchema(
        {
            "type": "string",
            "title": "Ngày",
            "description": "Ngày dạng năm-tháng-ngày (2023-01-05) hoặc ngày/tháng/năm (05/01/2023).",
            "pattern": r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})$",
        }
    ),
]


# -- text -------------------------------------------------------------------------------------


def _paragraphs(value: Any) -> Any:
    if isinstance(value, str):
        return [value]
    return value


Doan = Annotated[list[str], BeforeValidator(_paragraphs)]
"""One paragraph (a string) or several (a list of strings)."""
