"""What an assessment finds: statuses and numbers, never sentences (those are ntm.present's)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the statuses are imported by presenters that need nothing else
    from ntm.catalog import BoTieuChi, ChiTieuDayDu
    from ntm.catalog.thresholds import MucChuaRo, YeuCau
    from ntm.diagnostics import YamlPath
    from ntm.plan.model import MucTieu, TieuChiKeHoach
    from ntm.plan.values import SoLieu


class KetQua(str, Enum):
    dat = "dat"
    chua_dat = "chua_dat"
    chua_co_du_lieu = "chua_co_du_lieu"


class LyDo(str, Enum):
    """Why an indicator (or a criterion) cannot be judged."""

    khong_co_so_lieu = "khong_co_so_lieu"  # the plan gives no figure
    chua_co_nguong = "chua_co_nguong"  # no official level is known (the figure is shown)
    danh_muc_chua_du = "danh_muc_chua_du"  # criterion only: the set's list of its indicators is incomplete


# slots, not frozen: made once per indicator of every plan, and a frozen init costs 5x
@dataclass(slots=True)
class KetQuaChiTieu:
    chi_tieu: ChiTieuDayDu
    trang_thai: KetQua
    gia_tri: SoLieu | None
    yeu_cau: YeuCau | None  # the requirement applied (the catalog's, else the plan's own)
    chua_ro: MucChuaRo | None  # why the catalog has none, when it has none
    chenh_lech: Decimal | None  # how far from the requirement, when chưa đạt (exact)
    muc_tieu: MucTieu | None
    path: YamlPath
    yeu_cau_bo_tieu_chi: YeuCau | None = None  # the catalog's, kept when the plan states a laxer one
    yeu_cau_ke_hoach: SoLieu | None = None  # what the plan states itself
    lo_trinh: tuple[tuple[int, MucTieu], ...] = ()  # a multi-year plan's targets by year; muc_tieu is the last

    @property
    def ma(self) -> str:
        return self.chi_tieu.ma

    @property
    def ly_do(self) -> LyDo | None:
        if self.trang_thai is not KetQua.chua_co_du_lieu:
            return None
        if self.gia_tri is None:
            return LyDo.khong_co_so_lieu
        return LyDo.chua_co_nguong


# slots, not frozen: made once per indicator of every plan, and a frozen init costs 5x
@dataclass(slots=True)
class KetQuaTieuChi:
    ma: str
    so: str
    ten: str
    trang_thai: KetQua
    theo_tu_danh_gia: bool  # the status is the plan's own declaration (figures could not decide)
    theo_so_lieu: KetQua  # what the figures alone say
    chi_tieu: tuple[KetQuaChiTieu, ...]
    ke_hoach: TieuChiKeHoach | None
    chi_tieu_day_du: bool

    @property
    def ly_do(self) -> LyDo | None:
        """Why the figures cannot decide (even when a self-declaration then does): figures
        missing first (the plan can add them), then unknown levels, then an incomplete list."""
        if self.theo_so_lieu is not KetQua.chua_co_du_lieu:
            return None
        reasons = {i.ly_do for i in self.chi_tieu}
        if LyDo.khong_co_so_lieu in reasons or not self.chi_tieu:
            return LyDo.khong_co_so_lieu if self.chi_tieu else LyDo.danh_muc_chua_du
        if LyDo.chua_co_nguong in reasons:
            return LyDo.chua_co_nguong
        return LyDo.danh_muc_chua_du


@dataclass(frozen=True)
class TongHop:
    """Counts of criteria. `chua_co_du_lieu` (cannot be judged) is split by why, because "no
    official level is known" is no fault of the commune and must not read like "no data"."""

    tong_so: int
    dat: int
    chua_dat: int
    chua_co_du_lieu: int
    dat_theo_tu_danh_gia: int
    chua_dat_theo_tu_danh_gia: int = 0
    chua_co_nguong: int = 0
    khong_co_so_lieu: int = 0
    danh_muc_chua_du: int = 0


@dataclass(frozen=True)
class DanhGia:
    bo_tieu_chi: BoTieuChi
    nam: int
    vung: str | None
    vung_theo_quy_tac: str | None  # the rule that replaced the plan's region, if any
    nhom_xa: int | None
    tieu_chi: tuple[KetQuaTieuChi, ...]
    doi_vung_vi: str | None = None  # the commune flag that brought the rule in (xa_dac_biet_kho_khan…)
    # The plan's level (CapDiaBan's value): a district's or a province's plan assesses no
    # commune criteria, and `tieu_chi` is then empty.
    cap: str = "xa"
    giai_doan: tuple[int, int] | None = None  # a multi-year plan's period; `nam` is the year assessed
    ngay: date | None = None  # the plan's date of issue (a period straddling two sets is held to that day's)

    @property
    def danh_gia_xa(self) -> bool:
        """Whether commune criteria were assessed (a commune's plan)."""
        return self.cap == "xa"

    @property
    def hai_bo(self) -> bool:
        """The plan's period runs past its set's: assessed against the set in force on its date."""
        period = self.bo_tieu_chi.giai_doan
        if self.giai_doan is None or not period:
            return False
        return self.giai_doan[0] < period[0] or self.giai_doan[1] > period[1]

    @property
    def tong_hop(self) -> TongHop:
        items = self.tieu_chi
        open_ = [t.ly_do for t in items if t.trang_thai is KetQua.chua_co_du_lieu]
        return TongHop(
            tong_so=len(items),
            dat=sum(1 for t in items if t.trang_thai is KetQua.dat),
            chua_dat=sum(1 for t in items if t.trang_thai is KetQua.chua_dat),
            chua_co_du_lieu=len(open_),
            dat_theo_tu_danh_gia=sum(1 for t in items if t.trang_thai is KetQua.dat and t.theo_tu_danh_gia),
            chua_dat_theo_tu_danh_gia=sum(
                1 for t in items if t.trang_thai is KetQua.chua_dat and t.theo_tu_danh_gia),
            chua_co_nguong=open_.count(LyDo.chua_co_nguong),
            khong_co_so_lieu=open_.count(LyDo.khong_co_so_lieu),
            danh_muc_chua_du=open_.count(LyDo.danh_muc_chua_du),
        )

    @property
    def chua_dat(self) -> list[KetQuaTieuChi]:
        return [t for t in self.tieu_chi if t.trang_thai is KetQua.chua_dat]
