"""Criteria met per commune, per set and year: the average and the bands, with changes since the year before.

The average is criteria met ÷ communes (docs/report.md, "Số tiêu chí bình
quân/xã"); bands and the count under 15 only for the 19-criteria sets.
"""

from __future__ import annotations

from dataclasses import dataclass

from ntm.tong_hop.chuan import NHOM_19, SAN_TIEU_CHI, KhoangTieuChi, co_nhom
from ntm.tong_hop.gop import Dong
from ntm.tong_hop.tom_tat import BoTomTat
from ntm.tong_hop.ty_le import BinhQuan, MauSo, TyLe, tang_giam


@dataclass(frozen=True)
class NhomTrongNam:
    """One band in one year: its communes ÷ the set's communes that year."""

    khoang: KhoangTieuChi
    so_xa: TyLe
    nam_truoc: int | None  # communes in the band the year before; None when that year is not in the data

    @property
    def tang_giam(self) -> int | None:
        return tang_giam(self.so_xa.tu_so, self.nam_truoc)


@dataclass(frozen=True)
class BinhQuanBoNam:
    bo: BoTomTat
    nam: int
    binh_quan: BinhQuan  # criteria met ÷ communes assessed under the set
    nam_truoc: BinhQuan | None
    nhom: tuple[NhomTrongNam, ...] | None  # None for a set that is not banded
    duoi_san: int | None  # communes under 15 criteria; None for a set that is not banded

    @property
    def tang_giam(self) -> float | None:
        if self.nam_truoc is None:
            return None
        now, before = self.binh_quan.gia_tri, self.nam_truoc.gia_tri
        return None if now is None or before is None else now - before


def binh_quan(plans: list[Dong]) -> BinhQuan:
    return BinhQuan(sum(d.so_dat for d in plans), len(plans), MauSo.xa_danh_gia_theo_bo)


def dem_nhom(plans: list[Dong]) -> list[int]:
    """Communes in each band of NHOM_19 (for a 19-criteria set)."""
    counts = [0] * len(NHOM_19)
    for d in plans:
        counts[next(i for i, band in enumerate(NHOM_19) if band.chua(d.so_dat))] += 1
    return counts


def duoi_san(plans: list[Dong]) -> int:
    """Communes meeting fewer than 15 criteria (QĐ 263/QĐ-TTg: there should be none)."""
    return sum(1 for d in plans if d.so_dat < SAN_TIEU_CHI)


def _bo_nam(bo: BoTomTat, year: int, plans: list[Dong], previous: list[Dong] | None) -> BinhQuanBoNam:
    bands: tuple[NhomTrongNam, ...] | None = None
    if co_nhom(bo.so_tieu_chi):
        now, before = dem_nhom(plans), dem_nhom(previous) if previous else None
        bands = tuple(NhomTrongNam(band, TyLe(now[i], len(plans), MauSo.xa_danh_gia_theo_bo),
                                   before[i] if before else None) for i, band in enumerate(NHOM_19))
    return BinhQuanBoNam(bo, year, binh_quan(plans), binh_quan(previous) if previous else None, bands,
                         duoi_san(plans) if co_nhom(bo.so_tieu_chi) else None)


def theo_bo(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat]) -> list[BinhQuanBoNam]:
    """A row per set (in `sets` order) and year (ascending)."""
    return [_bo_nam(bo, year, groups[(bo.khoa, year)], groups.get((bo.khoa, year - 1)))
            for bo in sets for year in sorted(y for k, y in groups if k == bo.khoa)]
