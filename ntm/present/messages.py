"""A diagnostic's sentence, written from its registry template and its typed params.

The one place a diagnostic becomes text: every presenter (the parsable
line, rich, JSON, GitHub annotations, JUnit) calls `message()`. Quoted user
values are escaped and shortened; numbers are written the Vietnamese way.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from ntm.assess import KetQua
from ntm.catalog import DoTinCay, LoaiChiTieu, YeuCau
from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import Cau, DeXuat, GiaTri, GoiY, LyDoHeThong, Muc, So
from ntm.diagnostics.registry import CAU, CODES, LY_DO_HE_THONG
from ntm.diagnostics.text import describe_value, visible
from ntm.present import wording
from ntm.present.numbers import so, so_voi_don_vi


def _enum(value: Enum) -> str:
    if isinstance(value, KetQua):
        return wording.TRANG_THAI[value].lower()
    if isinstance(value, DoTinCay):
        return wording.DO_TIN_CAY[value]
    return visible(str(value.value))


def _param(value: Any) -> str:
    if isinstance(value, Enum):  # before str: the enums are str enums
        return _enum(value)
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, GiaTri):
        return describe_value(value.value, value.limit)
    if isinstance(value, So):
        return so_voi_don_vi(value.value, value.don_vi) if value.don_vi else so(value.value)
    if isinstance(value, Muc):
        return wording.muc(LoaiChiTieu(value.loai), value.value, value.don_vi)
    if isinstance(value, Cau):
        return _fill(CAU[value.key], value.params)
    if isinstance(value, DeXuat):
        return f" Có phải ý bạn là '{visible(value.value)}'?" if value.value else ""
    if isinstance(value, GoiY):
        return CAU[f"goi_y.{value.key}"]
    if isinstance(value, LyDoHeThong):
        return LY_DO_HE_THONG.get(value.ma) or visible(value.text)
    if isinstance(value, YeuCau):
        return wording.nguon_yeu_cau(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(_param(v) for v in value)
    return visible(str(value))


def _fill(template: str, params: Any) -> str:
    return template.format_map({k: _param(v) for k, v in params.items() if k != "bien_the"})


def message(d: Diagnostic) -> str:
    return _fill(CODES[d.code].template(d.params.get("bien_the")), d.params)


def one_line(d: Diagnostic) -> str:
    """The parsable form: `file:line:col: mức độ [CODE] path: message`."""
    where = f" {d.path_text}:" if d.path else ""
    return f"{d.location()}: {d.level.nhan} [{d.code}]{where} {message(d)}"


def phrase(cau: Cau) -> str:
    """A registry phrase with its params, on its own (usage errors, notes)."""
    return _fill(CAU[cau.key], cau.params)
