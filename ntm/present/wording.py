"""How the assessment's statuses and numbers are said: the one place for labels and phrases.

Every presenter (terminal, JSON's `mo_ta`, CI annotations, the document,
diagnostics that quote a status) takes its words from here.
"""

from __future__ import annotations

from enum import Enum

from ntm.assess.result import KetQua, KetQuaChiTieu
from ntm.catalog import DoTinCay, LoaiChiTieu
from ntm.catalog.thresholds import MucChuaRo, NguonYeuCau, YeuCau
from ntm.plan.values import SoLieu
from ntm.present.numbers import Number, so_du_chu_so, so_voi_don_vi

TRANG_THAI: dict[KetQua, str] = {
    KetQua.dat: "Đạt",
    KetQua.chua_dat: "Chưa đạt",
    KetQua.chua_co_du_lieu: "Chưa có dữ liệu",
}

DO_TIN_CAY: dict[DoTinCay, str] = {
    DoTinCay.V: "nguyên văn văn bản gốc",
    DoTinCay.S: "nguồn thứ cấp",
    DoTinCay.I: "suy luận",
    DoTinCay.R: "chưa đối chiếu văn bản gốc",
    DoTinCay.U: "chưa rõ",
}

KY_HIEU: dict[LoaiChiTieu, str] = {LoaiChiTieu.toi_thieu: "≥", LoaiChiTieu.toi_da: "≤", LoaiChiTieu.dat: ""}
PHEP_SO_SANH: dict[LoaiChiTieu, str] = {LoaiChiTieu.toi_thieu: ">=", LoaiChiTieu.toi_da: "<=", LoaiChiTieu.dat: "=="}


def trang_thai(status: KetQua, theo_tu_danh_gia: bool = False) -> str:
    label = TRANG_THAI[status]
    return label + " (tự đánh giá)" if theo_tu_danh_gia else label


def muc(loai: LoaiChiTieu, value: Number, unit: str | None) -> str:
    """'≥ 75%'."""
    return f"{KY_HIEU[loai]} {so_voi_don_vi(value, unit)}"


def don_vi(kq: KetQuaChiTieu) -> str | None:
    unit = kq.chi_tieu.chi_tieu.don_vi
    return unit.value if unit else None


def so_lieu(value: SoLieu, unit: str | None) -> str:
    """A figure with every decimal it was typed with (74,9999999% must not print as 75%)."""
    if value.co is not None:
        return "có" if value.co else "không"
    assert value.so is not None
    shown = so_du_chu_so(value.so)
    return f"{shown}%" if unit == "%" else (f"{shown} {unit}" if unit else shown)


def yeu_cau(req: YeuCau, unit: str | None) -> str:
    if req.loai is LoaiChiTieu.dat or req.gia_tri is None:
        return "đạt"
    return muc(req.loai, req.gia_tri, unit)


def chenh_lech(kq: KetQuaChiTieu) -> str | None:
    if kq.chenh_lech is None:
        return None
    unit = don_vi(kq)
    amount = so_du_chu_so(kq.chenh_lech)  # an unmet indicator's gap is never shown as 0
    amount = f"{amount} điểm %" if unit == "%" else (f"{amount} {unit}" if unit else amount)
    verb = "thiếu" if kq.chi_tieu.chi_tieu.loai is LoaiChiTieu.toi_thieu else "vượt"
    return f"{verb} {amount}"


def chua_ro(why: MucChuaRo | None, unit: str | None) -> str:
    text = "yêu cầu: chưa có mức trong bộ tiêu chí"
    if why is not None and why.chung is not None:
        text += f" (chỉ tiêu chung cả nước: {so_voi_don_vi(why.chung, unit)})"
    return text


def mo_ta(kq: KetQuaChiTieu) -> str:
    """'52,77% / yêu cầu ≥ 75% — thiếu 22,23 điểm %' (or why it cannot be said)."""
    unit = don_vi(kq)
    value = so_lieu(kq.gia_tri, unit) if kq.gia_tri is not None else "chưa có số liệu"
    if kq.yeu_cau is None:
        return f"{value} / {chua_ro(kq.chua_ro, unit)}"
    text = f"{value} / yêu cầu {yeu_cau(kq.yeu_cau, unit)}"
    gap = chenh_lech(kq)
    return f"{text} — {gap}" if gap else text


def nguon_yeu_cau(req: YeuCau) -> str:
    if req.nguon is NguonYeuCau.ke_hoach:
        return "kế hoạch tự nêu (bộ tiêu chí chưa có mức)"
    return f"{req.trich_dan} ({DO_TIN_CAY[req.do_tin_cay]})"


def nguon(kq: KetQuaChiTieu) -> str:
    if kq.yeu_cau is not None:
        return nguon_yeu_cau(kq.yeu_cau)
    if kq.chua_ro is not None and kq.chua_ro.trich_dan:
        return f"{kq.chua_ro.trich_dan}: mức chưa rõ"
    return "chưa có nguồn"


def tham_so(value: object) -> str | None:
    """A message param of the assessment's kinds (a status, a confidence, a requirement), or None."""
    if isinstance(value, KetQua):
        return TRANG_THAI[value].lower()
    if isinstance(value, DoTinCay):
        return DO_TIN_CAY[value]
    if isinstance(value, YeuCau):
        return nguon_yeu_cau(value)
    if isinstance(value, Enum):
        return str(value.value)
    return None
