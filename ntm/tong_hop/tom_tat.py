"""One checked file reduced, in the worker, to what the report needs: a few hundred bytes, no words.

`tom_tat(result)` runs where the plan was checked (ntm.run.many, which is
handed this function by the CLI) and sends back who the plan is about, the
status of each criterion and each indicator as one byte, the numeric figures
and the level each was held to, with that level's source as data. No plan,
assessment or diagnostic object crosses to the parent, so 10,000 plans stay
small there.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ntm.assess.result import KetQua, KetQuaChiTieu, KetQuaTieuChi, LyDo
from ntm.catalog import DoTinCay, LoaiChiTieu
from ntm.catalog.thresholds import NguonYeuCau
from ntm.diagnostics import MucDo
from ntm.plan.model import ChuanNTM, KeHoach, LoaiMucTieu
from ntm.run import KetQuaTep

if TYPE_CHECKING:
    from ntm.catalog import BoTieuChi

T = TypeVar("T")


class TrangThaiTieuChi(IntEnum):
    """A criterion of one plan, as one byte of `TomTat.tieu_chi`.

    The values are part of the report's output (the page's CSS classes, the
    heat map's colours, the sort keys of the matrix): never renumber them.
    """

    dat = 0
    dat_tu_danh_gia = 1  # met on the commune's self-assessment (figures not enough to judge)
    chua_dat = 2
    chua_dat_tu_danh_gia = 3
    thieu_so_lieu = 4  # cannot be assessed: no figure and no self-assessment
    chua_co_muc = 5  # cannot be assessed: figures, but no official level is known
    danh_muc_chua_du = 6  # cannot be assessed: the set does not list all its indicators

    @property
    def ket_qua(self) -> KetQua:
        """The category: met, unmet, or cannot be assessed (never mistaken for unmet)."""
        return _KET_QUA[self]

    @property
    def theo_tu_danh_gia(self) -> bool:
        return self in (TrangThaiTieuChi.dat_tu_danh_gia, TrangThaiTieuChi.chua_dat_tu_danh_gia)

    @property
    def ly_do(self) -> LyDo | None:
        """Why it cannot be assessed; None when it can."""
        return _LY_DO.get(self)


_KET_QUA = {
    TrangThaiTieuChi.dat: KetQua.dat, TrangThaiTieuChi.dat_tu_danh_gia: KetQua.dat,
    TrangThaiTieuChi.chua_dat: KetQua.chua_dat, TrangThaiTieuChi.chua_dat_tu_danh_gia: KetQua.chua_dat,
    TrangThaiTieuChi.thieu_so_lieu: KetQua.chua_co_du_lieu, TrangThaiTieuChi.chua_co_muc: KetQua.chua_co_du_lieu,
    TrangThaiTieuChi.danh_muc_chua_du: KetQua.chua_co_du_lieu,
}
_LY_DO = {TrangThaiTieuChi.thieu_so_lieu: LyDo.khong_co_so_lieu, TrangThaiTieuChi.chua_co_muc: LyDo.chua_co_nguong,
          TrangThaiTieuChi.danh_muc_chua_du: LyDo.danh_muc_chua_du}
_TU_LY_DO = {reason: code for code, reason in _LY_DO.items()}

# The three categories as sets of byte values, for counting a row's bytes quickly.
DAT = frozenset(int(c) for c in TrangThaiTieuChi if c.ket_qua is KetQua.dat)
CHUA_DAT = frozenset(int(c) for c in TrangThaiTieuChi if c.ket_qua is KetQua.chua_dat)
CHUA_DANH_GIA_DUOC = frozenset(int(c) for c in TrangThaiTieuChi if c.ket_qua is KetQua.chua_co_du_lieu)


class TrangThaiChiTieu(IntEnum):
    """An indicator of one plan, as one byte of `TomTat.chi_tieu`."""

    dat = 0
    chua_dat = 1
    thieu_so_lieu = 2  # no figure
    chua_co_muc = 3  # a figure, no official level


def trang_thai_tieu_chi(tc: KetQuaTieuChi) -> TrangThaiTieuChi:
    if tc.trang_thai is KetQua.dat:
        return TrangThaiTieuChi.dat_tu_danh_gia if tc.theo_tu_danh_gia else TrangThaiTieuChi.dat
    if tc.trang_thai is KetQua.chua_dat:
        return TrangThaiTieuChi.chua_dat_tu_danh_gia if tc.theo_tu_danh_gia else TrangThaiTieuChi.chua_dat
    return _TU_LY_DO[tc.ly_do or LyDo.khong_co_so_lieu]


def trang_thai_chi_tieu(ct: KetQuaChiTieu) -> TrangThaiChiTieu:
    if ct.trang_thai is KetQua.dat:
        return TrangThaiChiTieu.dat
    if ct.trang_thai is KetQua.chua_dat:
        return TrangThaiChiTieu.chua_dat
    return TrangThaiChiTieu.thieu_so_lieu if ct.ly_do is LyDo.khong_co_so_lieu else TrangThaiChiTieu.chua_co_muc


class NguonMuc(NamedTuple):
    """Where a level comes from (a catalog, the plan itself, the plan's own indicator): data, worded in present."""

    nguon: NguonYeuCau
    trich_dan: str  # "QĐ 318/QĐ-TTg, Phụ lục II"; "" for the plan's own
    do_tin_cay: DoTinCay


class MucApDung(NamedTuple):
    """The level an indicator's figure was held to, and its source."""

    gia_tri: float
    nguon: NguonMuc


@dataclass(frozen=True)
class ChiTieuBo:
    """An indicator of a set, as the report names it."""

    tieu_chi: str  # the criterion's slug
    ma: str
    so: str
    ten: str
    don_vi: str | None
    loai: LoaiChiTieu


@dataclass(frozen=True)
class BoTomTat:
    """A criteria set as the report needs it; the parent keeps one per `khoa`."""

    khoa: str  # the set's id, and its file for a province's set (two files may reuse an id)
    ma: str
    ten_ngan: str
    can_cu: str  # the legal basis, as cited
    chuan: ChuanNTM | None  # the standard the set leads to; None when unknown
    truc: str  # vung | nhom_xa | khong: what its levels vary by
    tieu_chi: tuple[tuple[str, str, str], ...]  # (slug, number, name), official order
    chi_tieu: tuple[ChiTieuBo, ...]  # every indicator, criterion by criterion
    giai_doan: tuple[int, int] | None = None  # the years the set is for (2021, 2025), when it says

    @property
    def so_tieu_chi(self) -> int:
        return len(self.tieu_chi)


# Per set object (the catalog's cache hands out one per set file); the set is kept so its id stays its own.
_BO: dict[int, tuple[BoTieuChi, BoTomTat]] = {}
# One object per distinct level in the worker: a chunk of summaries pickles each once.
_MUC: dict[tuple[float, NguonYeuCau, str, DoTinCay], MucApDung] = {}


def bo_tom_tat(bo: BoTieuChi) -> BoTomTat:
    found = _BO.get(id(bo))
    if found is None:
        found = _BO[id(bo)] = (bo, _bo_tom_tat(bo))
    return found[1]


def _bo_tom_tat(bo: BoTieuChi) -> BoTomTat:
    indicators = tuple(
        ChiTieuBo(tc.ma, ct.ma, ct.chi_tieu.so, ct.chi_tieu.ten_hien_thi,
                  ct.chi_tieu.don_vi.value if ct.chi_tieu.don_vi else None, ct.chi_tieu.loai)
        for tc in bo.tieu_chi for ct in bo.chi_tieu.get(tc.ma, {}).values()
    )
    khoa = bo.ma if not bo.file.ke_thua else f"{bo.ma}|{bo.nguon_tep}"
    period = (int(bo.giai_doan[0]), int(bo.giai_doan[1])) if bo.giai_doan else None
    return BoTomTat(khoa, bo.ma, bo.file.ten_ngan, bo.can_cu.trich_dan, bo.chuan,
                    bo.truc, tuple((tc.ma, tc.so, tc.ten) for tc in bo.tieu_chi), indicators, period)


@dataclass(frozen=True)
class TomTat:
    """One file, reduced. `bo` is None for a file that is not a valid, assessed plan."""

    tep: str
    loi: int
    canh_bao: int
    la_bo_tieu_chi: bool = False
    tinh: str | None = None
    huyen: str | None = None
    xa: str | None = None
    nam: int | None = None
    vung: str | None = None  # the region's or group's name, as the set names it
    cong_nhan: tuple[tuple[ChuanNTM, int], ...] = ()  # (standard, year recognised)
    bo: BoTomTat | None = None
    tieu_chi: bytes = b""  # one TrangThaiTieuChi a criterion, in the set's order
    # Per indicator, in BoTomTat.chi_tieu order (the parent keeps these in arrays and drops them here):
    chi_tieu: bytes = b""  # one TrangThaiChiTieu each
    so_lieu: tuple[float | None, ...] = ()  # the numeric figure
    muc: tuple[MucApDung | None, ...] = ()  # the level it was held to
    ma_xa: str | None = None  # the official code (dia_ban.ma_xa)
    hop_nhat_tu: tuple[str, ...] = ()  # codes or names of the communes merged into this one (2025)
    kinh_phi: tuple[tuple[str, int | None], ...] = ()  # (source, amount in đồng) from kinh_phi.nguon
    kinh_phi_tong: int | None = None  # kinh_phi.tong as the plan declares it
    muc_tieu_noi: tuple[tuple[str, int], ...] = ()  # (LoaiMucTieu value, places targeted), from chi_tieu
    muc_tieu_dat: int | None = None  # criteria the plan aims to meet by the year's end ("17/19" -> 17)
    # Whose plan (CapDiaBan's value): a district's or a province's is no commune and is counted
    # apart; its `xa` is None and `bo` too (no commune criteria assessed).
    cap: str = "xa"
    giai_doan: tuple[int, int] | None = None  # a multi-year plan's period; `nam` is then the year assessed


def _so(ct: KetQuaChiTieu) -> float | None:
    value = ct.gia_tri
    if value is None or value.so is None:
        return None
    return float(value.so)


def _muc(ct: KetQuaChiTieu) -> MucApDung | None:
    req = ct.yeu_cau
    if req is None or req.gia_tri is None:
        return None
    key = (float(req.gia_tri), req.nguon, req.trich_dan, req.do_tin_cay)
    found = _MUC.get(key)
    if found is None:
        found = _MUC[key] = MucApDung(key[0], NguonMuc(req.nguon, req.trich_dan, req.do_tin_cay))
    return found


def _vung(result: KetQuaTep) -> str | None:
    danh_gia = result.assessment
    assert danh_gia is not None
    bo = danh_gia.bo_tieu_chi
    if bo.truc == "vung" and danh_gia.vung:
        return bo.cac_vung.get(danh_gia.vung, danh_gia.vung)
    if bo.truc == "nhom_xa" and danh_gia.nhom_xa is not None:
        return bo.cac_nhom_xa.get(danh_gia.nhom_xa, str(danh_gia.nhom_xa))
    return None


def o_nam(value: T | dict[int, T], year: int) -> T | None:
    """A target as written for one year, or a multi-year plan's staged target (`{2026: …, 2030: …}`)
    as it stands at `year`: the last stage reached by then, None before the first."""
    if not isinstance(value, dict):
        return value
    reached = [k for k in value if k <= year]
    return value[max(reached)] if reached else None


def muc_tieu_noi(plan: KeHoach, year: int) -> tuple[tuple[str, int], ...]:
    """Places targeted by `year`, by kind: thôn NTM kiểu mẫu (both ways a plan can list them), thôn
    thông minh, khu dân cư kiểu mẫu, vườn mẫu, other."""
    counts: dict[str, int] = {}
    targets = plan.chi_tieu
    if targets.thon_kieu_mau is not None and targets.thon_kieu_mau.thon:
        counts[LoaiMucTieu.thon_ntm_kieu_mau.value] = len(targets.thon_kieu_mau.thon)
    for item in targets.dia_ban:
        places = o_nam(item.noi, year) or []
        if places:
            counts[item.loai.value] = counts.get(item.loai.value, 0) + len(places)
    return tuple(counts.items())


def muc_tieu_dat(plan: KeHoach, year: int) -> int | None:
    """The number of criteria the plan aims to meet by `year`: the numerator of
    chi_tieu.bo_tieu_chi.dat_chuan."""
    text = o_nam(plan.chi_tieu.bo_tieu_chi.dat_chuan, year) if plan.chi_tieu.bo_tieu_chi.dat_chuan else None
    head = text.split("/")[0].strip() if text else ""
    return int(head) if head.isascii() and head.isdigit() else None


def tom_tat(result: KetQuaTep) -> TomTat:
    """The worker's reduction of one file (module-level: picklable for ntm.run.many)."""
    loi = sum(1 for d in result.diagnostics if d.level is MucDo.LOI)
    canh_bao = len(result.diagnostics) - loi
    plan = result.plan
    if plan is None:
        return TomTat(result.file, loi, canh_bao, la_bo_tieu_chi=result.la_bo_tieu_chi)
    where = plan.dia_ban
    cong_nhan = tuple((c.chuan, c.nam) for c in where.cong_nhan)
    danh_gia = result.assessment
    ma_xa, merged = where.ma_xa, tuple(where.hop_nhat_tu)
    money = plan.kinh_phi
    funds = tuple((n.ten, int(n.so_tien) if n.so_tien is not None else None) for n in money.nguon) if money else ()
    total = int(money.tong) if money is not None and money.tong is not None else None
    period = (plan.giai_doan.tu, plan.giai_doan.den) if plan.giai_doan is not None else None
    year = danh_gia.nam if danh_gia is not None else plan.nam_cuoi
    places = muc_tieu_noi(plan, year)
    if danh_gia is None or not result.valid or not danh_gia.danh_gia_xa:
        return TomTat(result.file, loi, canh_bao, False, where.tinh, where.huyen, where.xa, year,
                      cong_nhan=cong_nhan, cap=where.cap.value, giai_doan=period, ma_xa=ma_xa, hop_nhat_tu=merged)
    summary = bo_tom_tat(danh_gia.bo_tieu_chi)
    by_slug = {(tc.ma, ct.ma): ct for tc in danh_gia.tieu_chi for ct in tc.chi_tieu}
    found = [by_slug.get((spec.tieu_chi, spec.ma)) for spec in summary.chi_tieu]
    by_criterion = {tc.ma: tc for tc in danh_gia.tieu_chi}
    return TomTat(
        result.file, loi, canh_bao, False, where.tinh, where.huyen, where.xa, year, _vung(result), cong_nhan,
        summary, tieu_chi=bytes(trang_thai_tieu_chi(by_criterion[ma]) for ma, _, _ in summary.tieu_chi),
        chi_tieu=bytes(TrangThaiChiTieu.thieu_so_lieu if ct is None else trang_thai_chi_tieu(ct) for ct in found),
        so_lieu=tuple(None if ct is None else _so(ct) for ct in found),
        muc=tuple(None if ct is None else _muc(ct) for ct in found), giai_doan=period, ma_xa=ma_xa, hop_nhat_tu=merged,
        kinh_phi=funds, kinh_phi_tong=total, muc_tieu_noi=places, muc_tieu_dat=muc_tieu_dat(plan, year),
    )
