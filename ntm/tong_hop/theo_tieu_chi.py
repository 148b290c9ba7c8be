"""Figures per criterion and per indicator, for one set and year: which are unmet, and by how many communes.

The share unmet is over the communes assessed under the set that year; a
criterion that cannot be assessed is counted apart, never as unmet. For an
indicator: how many communes have a figure, their spread, the levels applied
(levels differ by region, group of communes and province set) and their sources.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass

from ntm.tong_hop.gop import Dong, ca_hai_nam
from ntm.tong_hop.tom_tat import (
    CHUA_DAT,
    DAT,
    BoTomTat,
    ChiTieuBo,
    MucApDung,
    NguonMuc,
    TrangThaiChiTieu,
    TrangThaiTieuChi,
)
from ntm.tong_hop.ty_le import MauSo, ThayDoi, TyLe


def dem(rows: list[Dong], i: int, codes: frozenset[int]) -> int:
    """Communes whose `i`-th criterion has one of `codes`."""
    return sum(1 for d in rows if d.tom.tieu_chi[i] in codes)


def xep_hang(values: list[int]) -> list[int]:
    """1 for the most; ties share the better rank."""
    order = sorted(values, reverse=True)
    return [order.index(v) + 1 for v in values]


@dataclass(frozen=True)
class TieuChiNam:
    """One criterion of a set, in one year."""

    bo: BoTomTat
    nam: int
    vi_tri: int  # its place in the set (bo.tieu_chi)
    chua_dat: TyLe  # communes unmet ÷ communes assessed under the set that year
    dat: int
    dat_tu_danh_gia: int  # of `dat`, met on the self-assessment
    xep_hang: int  # 1 = the most communes unmet
    thay_doi: ThayDoi | None  # unmet, over the communes with a plan of the set in both years; None without the year before
    chi_tieu_chua_dat: tuple[tuple[ChiTieuBo, int], ...]  # its indicators unmet, most communes first

    @property
    def ma(self) -> str:
        return self.bo.tieu_chi[self.vi_tri][0]

    @property
    def chua_danh_gia_duoc(self) -> int:
        return self.chua_dat.mau_so - self.dat - self.chua_dat.tu_so

    @property
    def tang_giam_chua_dat(self) -> int | None:
        return None if self.thay_doi is None else self.thay_doi.tang_giam


def chi_tieu_chua_dat(bo: BoTomTat, ma: str, rows: list[Dong]) -> tuple[tuple[ChiTieuBo, int], ...]:
    """The criterion's indicators that some communes have not met, most communes first (ties in the set's order)."""
    counts = []
    for j, spec in enumerate(bo.chi_tieu):
        if spec.tieu_chi == ma:
            n = sum(1 for d in rows if d.ct_tt[j] == TrangThaiChiTieu.chua_dat)
            if n:
                counts.append((spec, n))
    counts.sort(key=lambda c: -c[1])
    return tuple(counts)


def tieu_chi_nam(bo: BoTomTat, year: int, rows: list[Dong], previous: list[Dong] | None) -> list[TieuChiNam]:
    """Every criterion of the set in one year, the most communes unmet first (ties in the set's order)."""
    n = bo.so_tieu_chi
    unmet = [dem(rows, i, CHUA_DAT) for i in range(n)]
    both = ca_hai_nam(rows, previous)
    changes = None if both is None else [
        ThayDoi(len(both[0]), dem(both[1], i, CHUA_DAT), dem(both[0], i, CHUA_DAT)) for i in range(n)]
    ranks = xep_hang(unmet)
    return [
        TieuChiNam(bo, year, i, TyLe(unmet[i], len(rows), MauSo.xa_danh_gia_theo_bo), dem(rows, i, DAT),
                   dem(rows, i, frozenset({TrangThaiTieuChi.dat_tu_danh_gia})), ranks[i],
                   None if changes is None else changes[i], chi_tieu_chua_dat(bo, bo.tieu_chi[i][0], rows))
        for i in sorted(range(n), key=lambda i: -unmet[i])
    ]


def theo_tieu_chi(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat]) -> list[TieuChiNam]:
    """Per set (in `sets` order), year (latest first) and criterion (most unmet first)."""
    return [row for bo in sets for year in sorted((y for k, y in groups if k == bo.khoa), reverse=True)
            for row in tieu_chi_nam(bo, year, groups[(bo.khoa, year)], groups.get((bo.khoa, year - 1)))]


def ty_le_dat(rows: list[Dong], so_tieu_chi: int) -> tuple[TyLe, ...]:
    """For each criterion, the communes that meet it ÷ the communes of `rows`."""
    return tuple(TyLe(dem(rows, i, DAT), len(rows), MauSo.xa_cua_nhom) for i in range(so_tieu_chi))


@dataclass(frozen=True)
class ChiTieuNam:
    """One indicator of a set, in one year."""

    bo: BoTomTat
    nam: int
    chi_tieu: ChiTieuBo
    co_so_lieu: int  # communes with a figure (assessed, or without a level)
    nho_nhat: float | None  # over the communes with a numeric figure
    trung_vi: float | None
    lon_nhat: float | None
    muc: tuple[tuple[float, int], ...]  # each level applied, with its communes, lowest first
    nguon: frozenset[NguonMuc]  # where the levels applied come from
    chua_dat: int
    chua_co_muc: int
    thieu_so_lieu: int


def chi_tieu_nam(bo: BoTomTat, year: int, j: int, rows: list[Dong], levels: list[MucApDung]) -> ChiTieuNam:
    statuses = Counter(d.ct_tt[j] for d in rows)
    values = [v for v in (d.ct_gt[j] for d in rows) if not math.isnan(v)]
    used = Counter(d.ct_muc[j] for d in rows if d.ct_muc[j] >= 0)
    by_level: Counter[float] = Counter()
    for index, count in used.items():
        by_level[levels[index].gia_tri] += count
    return ChiTieuNam(
        bo, year, bo.chi_tieu[j],
        statuses[TrangThaiChiTieu.dat] + statuses[TrangThaiChiTieu.chua_dat] + statuses[TrangThaiChiTieu.chua_co_muc],
        min(values) if values else None, statistics.median(values) if values else None,
        max(values) if values else None, tuple(sorted(by_level.items())),
        frozenset(levels[i].nguon for i in used), statuses[TrangThaiChiTieu.chua_dat],
        statuses[TrangThaiChiTieu.chua_co_muc], statuses[TrangThaiChiTieu.thieu_so_lieu],
    )


def theo_chi_tieu(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat],
                  levels: list[MucApDung]) -> list[ChiTieuNam]:
    """Per set (in `sets` order), year (latest first) and indicator (the set's order)."""
    return [chi_tieu_nam(bo, year, j, groups[(bo.khoa, year)], levels)
            for bo in sets for year in sorted((y for k, y in groups if k == bo.khoa), reverse=True)
            for j in range(len(bo.chi_tieu))]
