"""Communes at each standard, year by year: recognised (a decision) apart from meeting every criterion.

Definitions: docs/report.md ("Xã đạt chuẩn", "Đạt đủ tiêu chí theo rà soát",
"Chưa duy trì chuẩn"), from shared/reference/report-forms.md §2-§4.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ntm.plan.model import ChuanNTM
from ntm.tong_hop.chuan import THU_TU_CHUAN, da_cong_nhan
from ntm.tong_hop.gop import Dong, ca_hai_nam
from ntm.tong_hop.ty_le import MauSo, ThayDoi, TyLe


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
    thay_doi_ntm: ThayDoi | None  # recognised NTM, over the communes with a plan in both years; None without the year before

    @property
    def tang_giam_cong_nhan_ntm(self) -> int | None:
        return None if self.thay_doi_ntm is None else self.thay_doi_ntm.tang_giam


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
    for year in years:
        plans = by_year[year]
        so_ntm = sum(1 for d in plans if da_cong_nhan(d.tom.cong_nhan, ChuanNTM.ntm, year))
        both = ca_hai_nam(plans, by_year.get(year - 1))
        change = None if both is None else ThayDoi(
            len(both[0]), sum(1 for d in both[1] if da_cong_nhan(d.tom.cong_nhan, ChuanNTM.ntm, year - 1)),
            sum(1 for d in both[0] if da_cong_nhan(d.tom.cong_nhan, ChuanNTM.ntm, year)))
        out.append(DatChuanNam(year, len(plans), tuple(_trong_nam(plans, c, year, so_ntm) for c in THU_TU_CHUAN),
                               chua_duy_tri(plans, year), change))
    return out
