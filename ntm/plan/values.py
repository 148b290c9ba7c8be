"""Scalar types that read Vietnamese habits where they are unambiguous.

The loader hands every scalar over as the text the user typed; these
validators decide what the text means. Anything ambiguous is refused with a
message, never guessed (design §3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ntm.diagnostics.params import Cau, GiaTri

# -- numbers ----------------------------------------------------------------------------

_INT = re.compile(r"[+-]?\d+")
_DOT_DECIMAL = re.compile(r"[+-]?\d+\.\d+")
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")
_AMBIGUOUS_DOT = re.compile(r"[+-]?\d{1,3}\.\d{3}")  # 1.500: 1500 (VN) or 1.5 (YAML)?
_AMBIGUOUS_COMMA = re.compile(r"[+-]?\d{1,3},\d{3}")  # 1,500: 1.5 (VN) or 1500 (EN)?
_VN_GROUPED = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.234.567 or 1.234,5
_EXPONENT = re.compile(r"[+-]?\d+(?:\.\d+)?[eE][+-]?\d+")


_MAX_DIGITS = 20  # more than any real figure (kinh phí in đồng has 13); int() of huge text is slow, then refused


def _decimal_form(whole: str, fraction: str) -> str:
    """How to write whole.fraction as an unambiguous decimal: '1', '500' -> '1,5'."""
    fraction = fraction.rstrip("0")
    if len(fraction) == 3:  # three decimals read as a thousands group; a trailing zero settles it
        fraction += "0"
    return f"{whole},{fraction}" if fraction else whole


class SoKhongDoc(ValueError):
    """Text that is not a number we can read without guessing; `ly_do` says why (a registry phrase)."""

    def __init__(self, ly_do: Cau) -> None:
        super().__init__(ly_do.key)
        self.ly_do = ly_do


def ntm_error(ly_do: Cau, code: str = "SCH003") -> PydanticCustomError:
    """The one pydantic error type ntm raises: ntm.diagnostics.pydantic_errors reports it as `code`
    (a code whose template is "{ly_do}.") with `ly_do`, a registry phrase, as the reason."""
    return PydanticCustomError("ntm", "{ly_do}", {"ly_do": ly_do, "ma": code})


def parse_number(text: str) -> int | Decimal:
    """Text as typed -> number. Raises SoKhongDoc with the reason."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if len(s.lstrip("+-0")) > _MAX_DIGITS and re.fullmatch(r"[+-]?[\d.,]+", s):
        raise SoKhongDoc(Cau("so.qua_lon", {"gia_tri": GiaTri(text)}))
    if _INT.fullmatch(s):
        return int(s)
    if _AMBIGUOUS_DOT.fullmatch(s) or _AMBIGUOUS_COMMA.fullmatch(s):
        whole, fraction = re.split("[.,]", s)
        grouped = whole + fraction
        decimal = _decimal_form(whole, fraction)
        raise SoKhongDoc(Cau("so.khong_ro", {"gia_tri": GiaTri(text.strip(), 80), "nhom": grouped, "thap_phan": decimal}))
    # Exact decimals: 74,9999999% must not become 75% (a false "đạt") on the way in.
    if _DOT_DECIMAL.fullmatch(s):
        return Decimal(s)
    if _COMMA_DECIMAL.fullmatch(s):
        return Decimal(s.replace(",", "."))
    if _VN_GROUPED.fullmatch(s) and (s.count(".") > 1 or "," in s):
        return Decimal(s.replace(".", "").replace(",", "."))
    if _EXPONENT.fullmatch(s):
        return Decimal(s)
    raise SoKhongDoc(Cau("so.khong_phai_so", {"gia_tri": GiaTri(text)}))


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ntm_error(Cau("so.bool", {"gia_tri": str(value).lower()}))
    if isinstance(value, (int, float, Decimal)):
        return value
    if isinstance(value, str):
        try:
            return parse_number(value)
        except SoKhongDoc as exc:
            raise ntm_error(exc.ly_do) from None
    return value  # let the core validator report the wrong type


SoNguyen = Annotated[int, BeforeValidator(_number)]


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

    @property
    def la_so(self) -> bool:
        return self.so is not None


def parse_so_lieu(value: Any) -> SoLieu:
    if isinstance(value, SoLieu):
        return value
    if isinstance(value, bool):
        return SoLieu(co=value, van_ban=str(value).lower())
    if isinstance(value, (int, float, Decimal)):
        return SoLieu(so=Decimal(str(value)), van_ban=str(value))
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
                {"type": "string", "pattern": r"^\s*[+-]?[0-9.,]+\s*%?\s*$"},
                {"type": "string", "enum": sorted(_TRUE_WORDS | _FALSE_WORDS)},
            ],
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
