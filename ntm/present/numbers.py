"""Vietnamese numbers and administrative dates.

Numbers go through Babel's `vi` locale (1.234.567; 52,77) with half-up
rounding, which is what officials expect ("làm tròn"); Babel's default is
half-even. The administrative date form of Nghị định 30/2020 ("ngày 05
tháng 01 năm 2023") is not a CLDR pattern, so it is written here.
"""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

Number = Decimal | int | float


@cache
def _babel() -> Any:
    from babel import numbers  # imported on first use: validate never needs it

    return numbers


# Babel takes ~0.1 ms a number and a check view shows a dozen; a batch formats the same
# few hundred figures and thresholds again and again. 512 entries keep ~95% of the hits.
@lru_cache(maxsize=512)
def so(value: Number, max_decimals: int = 2) -> str:
    """52.77 -> '52,77'; 1234567 -> '1.234.567'; 3.0 -> '3'."""
    pattern = "#,##0" + ("." + "#" * max_decimals if max_decimals else "")
    with decimal.localcontext() as ctx:
        ctx.rounding = decimal.ROUND_HALF_UP
        return str(_babel().format_decimal(Decimal(str(value)), format=pattern, locale="vi"))


def so_du_chu_so(value: Decimal) -> str:
    """A non-zero amount never shown as 0: as many decimals as it needs (a gap of 0,0000001
    must not read "thiếu 0 điểm %")."""
    decimals = max(2, -value.normalize().as_tuple().exponent) if value else 2  # type: ignore[operator]
    return so(value, min(decimals, 12))


def phan_tram(value: Number) -> str:
    """A percentage already in percent units: 52.77 -> '52,77%'."""
    return f"{so(value)}%"


@lru_cache(maxsize=512)
def so_voi_don_vi(value: Number, unit: str | None) -> str:
    if unit == "%":
        return phan_tram(value)
    if unit:
        return f"{so(value)} {unit}"
    return so(value)


def ngay_van_ban(d: date) -> str:
    """NĐ 30/2020: day below 10 and months 1-2 take a leading zero."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def ngay_ngan(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def dia_danh_ngay(place: str, d: date) -> str:
    return f"{place}, {ngay_van_ban(d)}"
