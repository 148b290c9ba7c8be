"""A cell as Vietnamese text (the page and Markdown): 1.234; 52,8%; +0,3; 'Đạt (tự đánh giá)'."""

from __future__ import annotations

from ntm.present.bao_cao.model import Gia, Kieu, OTrangThai
from ntm.present.bao_cao.nhan import o_trang_thai
from ntm.present.numbers import so


def chu(kieu: Kieu, value: Gia) -> str:
    if value is None:
        return ""
    if isinstance(value, OTrangThai):
        return o_trang_thai(value.ma)
    if isinstance(value, str):
        return value
    if kieu is Kieu.nam:
        return str(value)
    if kieu is Kieu.ty_le:
        return f"{so(value * 100, 1)}%"
    if kieu in (Kieu.tang_giam, Kieu.tang_giam_nguyen):
        text = so(value, 2)
        return text if value <= 0 else f"+{text}"
    return so(value, 2)


def khoa_sap_xep(value: Gia) -> str:
    """What a sortable column sorts by: the raw number, or the status code for a matrix cell."""
    if value is None:
        return ""
    if isinstance(value, OTrangThai):
        return str(int(value.ma))
    return repr(value) if isinstance(value, float) else str(value)


def pham_vi_chu(value: str | int) -> str:
    """A line of the report's scope: a count the Vietnamese way (10.000), words as they are."""
    return value if isinstance(value, str) else so(value)
