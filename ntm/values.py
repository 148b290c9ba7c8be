"""Scalar types that read Vietnamese habits where they are unambiguous.

The loader hands every scalar over as the text the user typed; these
validators decide what the text means. Anything ambiguous is refused with a
message, never guessed (design §3).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from ntm.diagnostics import describe_value

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


def parse_number(text: str) -> float | int:
    """Text as typed -> number. Raises ValueError with a Vietnamese reason."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if len(s.lstrip("+-0")) > _MAX_DIGITS and re.fullmatch(r"[+-]?[\d.,]+", s):
        raise ValueError(f"{describe_value(text)} quá lớn")
    if _INT.fullmatch(s):
        return int(s)
    if _AMBIGUOUS_DOT.fullmatch(s) or _AMBIGUOUS_COMMA.fullmatch(s):
        whole, fraction = re.split("[.,]", s)
        grouped = whole + fraction
        decimal = _decimal_form(whole, fraction)
        hint = (
            f"nếu là {grouped} thì viết {grouped} (không dùng dấu phân cách nghìn); "
            f"nếu là số thập phân thì viết {decimal}"
        )
        raise ValueError(f"'{text.strip()}' không rõ nghĩa: {hint}")
    if _DOT_DECIMAL.fullmatch(s):
        return float(s)
    if _COMMA_DECIMAL.fullmatch(s):
        return float(s.replace(",", "."))
    if _VN_GROUPED.fullmatch(s) and (s.count(".") > 1 or "," in s):
        return float(s.replace(".", "").replace(",", "."))
    if _EXPONENT.fullmatch(s):
        number = float(s)
        if math.isfinite(number):
            return number
        raise ValueError(f"{describe_value(text)} quá lớn")
    raise ValueError(f"{describe_value(text)} không phải là một số")  # quoted and shortened: a value may be 1 MB


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("so", "cần một số, tìm thấy '{v}'", {"v": str(value).lower()})
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return parse_number(value)
        except ValueError as exc:
            raise PydanticCustomError("so", "{reason}", {"reason": str(exc)}) from None
    return value  # let the core validator report the wrong type


So = Annotated[float, BeforeValidator(_number)]
SoNguyen = Annotated[int, BeforeValidator(_number)]


# -- figures (hiện trạng) -------------------------------------------------------------------

_TRUE_WORDS = {"có", "đạt", "true", "rồi", "đã có", "đã đạt"}
_FALSE_WORDS = {"không", "chưa", "chưa đạt", "chưa có", "false", "không đạt", "không có"}


@dataclass(frozen=True)
class SoLieu:
    """One figure as the plan states it: a number (maybe a percentage) or a yes/no."""

    so: float | None = None
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
    if isinstance(value, (int, float)):
        return SoLieu(so=float(value), van_ban=str(value))
    if not isinstance(value, str):
        raise PydanticCustomError(
            "so_lieu", "cần một số liệu (số, tỷ lệ như 52,77% hoặc có/không)"
        )
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
    except ValueError as exc:
        raise PydanticCustomError(
            "so_lieu",
            "{reason}; cần một số (3; 52,77), một tỷ lệ (52,77%) hoặc có/không",
            {"reason": str(exc)},
        ) from None
    return SoLieu(so=float(number), phan_tram=percent, van_ban=text)


def _so_lieu_json(value: SoLieu) -> Any:
    if value.co is not None:
        return value.co
    return value.so


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
            raise PydanticCustomError(
                "ngay", "{v} không phải là ngày; viết dạng năm-tháng-ngày (2023-01-05) hoặc ngày/tháng/năm (05/01/2023)",
                {"v": describe_value(text)},
            )
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    try:
        return date(y, mo, d)
    except ValueError:
        raise PydanticCustomError(
            "ngay", "ngày '{v}' không tồn tại (tháng {mo} năm {y} không có ngày {d})",
            {"v": text, "mo": mo, "y": y, "d": d},
        ) from None


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
