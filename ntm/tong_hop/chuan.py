"""The domain's facts the figures rest on: the order of the standards, the bands of the 19-criteria sets.

Standards nest: a commune recognised kiểu mẫu is also nâng cao and NTM
(QĐ 319/QĐ-TTg: "xã NTM kiểu mẫu … là xã đạt chuẩn NTM nâng cao"). Bands are
those of the provinces' reports (shared/reference/report-forms.md §4), for
the sets of 19 criteria only (§0.9: they do not carry over to the 10-criteria
set of 2026-2030). Their words are in ntm.present.bao_cao.nhan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ntm.plan.model import ChuanNTM
from ntm.tong_hop.tom_tat import BoTomTat

THU_TU_CHUAN: tuple[ChuanNTM, ...] = (ChuanNTM.ntm, ChuanNTM.nang_cao, ChuanNTM.kieu_mau)  # lowest first


def bac(chuan: ChuanNTM) -> int:
    """The standard's rank: 0 for NTM, 1 for nâng cao, 2 for kiểu mẫu."""
    return THU_TU_CHUAN.index(chuan)


def cong_nhan_den(cong_nhan: Iterable[tuple[ChuanNTM, int]], nam: int) -> tuple[ChuanNTM, int] | None:
    """The highest standard recognised by the end of `nam`, with the year of that recognition."""
    best: tuple[ChuanNTM, int] | None = None
    for chuan, year in cong_nhan:
        if year <= nam and (best is None or bac(chuan) > bac(best[0])):
            best = (chuan, year)
    return best


def da_cong_nhan(cong_nhan: Iterable[tuple[ChuanNTM, int]], chuan: ChuanNTM, nam: int) -> bool:
    """Whether the commune was recognised at `chuan`, or at a standard above it, by the end of `nam`."""
    best = cong_nhan_den(cong_nhan, nam)
    return best is not None and bac(best[0]) >= bac(chuan)


def thu_tu_bo(bo: BoTomTat) -> tuple[int, str, str]:
    """The order of sets in the report: by the standard they lead to (unknown last), then by id."""
    return (bac(bo.chuan) if bo.chuan is not None else len(THU_TU_CHUAN)), bo.ma, bo.khoa


@dataclass(frozen=True)
class KhoangTieuChi:
    """A band: communes meeting from `thap` to `cao` criteria (both included)."""

    thap: int
    cao: int

    def chua(self, so_dat: int) -> bool:
        return self.thap <= so_dat <= self.cao


SO_TIEU_CHI_CO_NHOM = 19  # the sets whose communes are banded
NHOM_19: tuple[KhoangTieuChi, ...] = (KhoangTieuChi(19, 19), KhoangTieuChi(15, 18), KhoangTieuChi(10, 14),
                                      KhoangTieuChi(5, 9), KhoangTieuChi(0, 4))
# QĐ 263/QĐ-TTg: "không còn xã dưới 15 tiêu chí"; counted for the 19-criteria sets.
SAN_TIEU_CHI = 15


def co_nhom(so_tieu_chi: int) -> bool:
    """Whether communes of a set with this many criteria are banded (and counted under 15)."""
    return so_tieu_chi == SO_TIEU_CHI_CO_NHOM


def nhom_19(so_dat: int, so_tieu_chi: int) -> KhoangTieuChi | None:
    """The band of a commune meeting `so_dat` criteria of a set; None for a set that is not banded."""
    if not co_nhom(so_tieu_chi):
        return None
    return next(band for band in NHOM_19 if band.chua(so_dat))
