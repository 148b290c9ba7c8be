"""Stage 4, assess: a valid plan and its criteria set -> statuses and numbers (no text, no I/O)."""

from __future__ import annotations

from ntm.assess.judge import assess, compare, effective_region
from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu, KetQuaTieuChi, LyDo, TongHop

__all__ = [
    "DanhGia",
    "KetQua",
    "KetQuaChiTieu",
    "KetQuaTieuChi",
    "LyDo",
    "TongHop",
    "assess",
    "compare",
    "effective_region",
]
