"""Communes at each standard, year by year: recognised (a decision) apart from meeting every criterion.

Definitions: docs/report.md ("Xã đạt chuẩn", "Đạt đủ tiêu chí theo rà soát",
"Chưa duy trì chuẩn"), from shared/reference/report-forms.md §2-§4.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ntm.plan.model import ChuanNTM
from ntm.tong_hop.chuan import THU_TU_CHUAN, da_cong_nhan
from ntm.tong_hop.gop import Dong
from ntm.tong_hop.ty_le import MauSo, TyLe, tang_giam


@dataclass(frozen=True)
class ChuanTrongNam:
    """One standard in one year."""

    chuan: ChuanNTM
    cong_nhan: TyLe  # recognised (by the end of the year) ÷ communes with a plan
    cong_nhan_tren_ntm: TyLe | None  # recognised ÷ communes recognised NTM; None for NTM itself
    dat_du: TyLe  # meeting every criterion ÷ communes assessed under a set of this standard


@dataclass(frozen=True)
class DatChuanNam:
    """A year of the province: the denominator, each standard, and the communes that slipped."""

    nam: int
    so_xa: int  # communes with a valid plan (the denominator of the shares)
    theo_chuan: tuple[ChuanTrongNam, ...]  # in THU_TU_CHUAN order
    chua_duy_tri: int  # recognised at the standard of the set they are assessed by, not meeting it now
    cong_nhan_ntm_nam_truoc: int | None  # None when the year before is not in the data

    @property
    def tang_giam_cong_nhan_ntm(self) -> int | None:
        return tang_giam(self.theo_chuan[0].cong_nhan.tu_so, self.cong_nhan_ntm_nam_truoc)


def _trong_nam(plans: list[Dong], chuan: ChuanNTM, nam: int, so_ntm: int) -> ChuanTrongNam:
    recognised = sum(1 for d in plans if da_cong_nhan(d.tom.cong_nhan, chuan, nam))
    assessed = [d for d in plans if d.bo.chuan == chuan]
    return ChuanTrongNam(
        chuan, TyLe(recognised, len(plans), MauSo.xa_co_ke_hoach),
        None if chuan is ChuanNTM.ntm else TyLe(recognised, so_ntm, MauSo.xa_cong_nhan_ntm),
        TyLe(sum(1 for d in assessed if d.dat_du), len(assessed), MauSo.xa_danh_gia_theo_bo),
    )


def chua_duy_tri(plans: list[Dong], nam: int) -> int:
    """Communes recognised at their set's standard that do not meet every criterion of it this year."""
    return sum(1 for d in plans if d.bo.chuan and da_cong_nhan(d.tom.cong_nhan, d.bo.chuan, nam) and not d.dat_du)


def dat_chuan(rows: list[Dong], years: list[int]) -> list[DatChuanNam]:
    """A row per year of `years` (ascending), the year before compared when it is in the data."""
    by_year: dict[int, list[Dong]] = defaultdict(list)
    for d in rows:
        by_year[d.nam].append(d)
    out: list[DatChuanNam] = []
    recognised_ntm: dict[int, int] = {}
    for year in years:
        plans = by_year[year]
        so_ntm = sum(1 for d in plans if da_cong_nhan(d.tom.cong_nhan, ChuanNTM.ntm, year))
        recognised_ntm[year] = so_ntm
        out.append(DatChuanNam(year, len(plans), tuple(_trong_nam(plans, c, year, so_ntm) for c in THU_TU_CHUAN),
                               chua_duy_tri(plans, year), recognised_ntm.get(year - 1)))
    return out
