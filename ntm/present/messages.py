"""A diagnostic's sentence, written from its registry template and its typed params.

The one place a diagnostic becomes text: every presenter (the parsable
line, rich, JSON, GitHub annotations, JUnit) calls `message()`. Quoted user
values are escaped and shortened; numbers are written the Vietnamese way.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import Cau, DeXuat, GiaTri, GoiY, LyDoHeThong, Muc, So
from ntm.diagnostics.registry import CAU, CODES, LY_DO_HE_THONG
from ntm.diagnostics.text import describe_value, shorten, visible
from ntm.present.numbers import ngay_ngan, so, so_voi_don_vi

_PLAIN = (str, int, GiaTri, So, Cau, DeXuat, GoiY, LyDoHeThong, list, tuple)


def _param(value: Any) -> str:
    if isinstance(value, date):  # the Vietnamese way, as documents write dates
        return ngay_ngan(value)
    if type(value) not in _PLAIN and not isinstance(value, bool):
        # a status, a confidence, a requirement: said as the assessment's presenters say them
        from ntm.present import wording

        if isinstance(value, Muc):
            from ntm.catalog import LoaiChiTieu

            return wording.muc(LoaiChiTieu(value.loai), value.value, value.don_vi)
        said = wording.tham_so(value)
        if said is not None:
            return visible(said)
    if isinstance(value, str):
        return shorten(visible(value), 600)  # a safety net: values the user wrote come as GiaTri, shorter
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, GiaTri):
        return describe_value(value.value, value.limit, value.khoa)
    if isinstance(value, So):
        return so_voi_don_vi(value.value, value.don_vi) if value.don_vi else so(value.value)
    if isinstance(value, Cau):
        return _fill(CAU[value.key], value.params)
    if isinstance(value, DeXuat):
        return f" Có phải ý bạn là '{visible(value.value)}'?" if value.value else ""
    if isinstance(value, GoiY):
        return CAU[f"goi_y.{value.key}"]
    if isinstance(value, LyDoHeThong):
        return LY_DO_HE_THONG.get(value.ma) or visible(value.text)
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
