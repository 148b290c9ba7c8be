"""Criteria met per commune, per set and year: the average and the bands, with changes since the year before.

Only communes whose criteria can all be assessed are averaged and banded: a
commune with 16 criteria that cannot be assessed yet would otherwise land in
"dưới 5 tiêu chí". The others are counted apart ("chưa đủ dữ liệu để xếp
nhóm"). Changes since the year before are over the communes present (and
fully assessed) in both years, and say how many (docs/report.md, "Số tiêu chí
bình quân/xã"). Bands and the count under 15 only for the 19-criteria sets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ntm.tong_hop.chuan import NHOM_19, SAN_TIEU_CHI, KhoangTieuChi, co_nhom, da_cong_nhan
from ntm.tong_hop.gop import Dong, ca_hai_nam
from ntm.tong_hop.tom_tat import BoTomTat
from ntm.tong_hop.ty_le import BinhQuan, MauSo, ThayDoi, ThayDoiBinhQuan, TyLe


@dataclass(frozen=True)
class NhomTrongNam:
    """One band in one year: its communes ÷ the set's communes whose criteria can all be assessed."""

    khoang: KhoangTieuChi
    so_xa: TyLe
    thay_doi: ThayDoi | None  # over the communes fully assessed in both years; None without the year before

    @property
    def tang_giam(self) -> int | None:
        return None if self.thay_doi is None else self.thay_doi.tang_giam


@dataclass(frozen=True)
class BinhQuanBoNam:
    bo: BoTomTat
    nam: int
    so_xa: int  # communes assessed under the set that year
    binh_quan: BinhQuan  # criteria met ÷ communes whose criteria can all be assessed
    chua_du: int  # communes with a criterion that cannot be assessed: neither averaged nor banded
    cong_nhan: TyLe  # recognised at the set's standard (by the end of the year) ÷ communes of the set
    thay_doi: ThayDoiBinhQuan | None  # the average over the communes fully assessed in both years
    nhom: tuple[NhomTrongNam, ...] | None  # None for a set that is not banded
    duoi_san: int | None  # fully assessed communes under 15 criteria; None for a set that is not banded
    nam_goc: int | None = None  # the year changes since the start are counted from (see `nam_goc()`)
    tu_nam_goc: ThayDoiBinhQuan | None = None  # the average since `nam_goc`, over communes fully assessed in both

    @property
    def tang_giam(self) -> float | None:
        return None if self.thay_doi is None else self.thay_doi.tang_giam


def danh_gia_du(plans: list[Dong]) -> list[Dong]:
    """The plans whose criteria can all be assessed."""
    return [d for d in plans if d.danh_gia_du]


def binh_quan(plans: list[Dong], mau_so_la: MauSo = MauSo.xa_danh_gia_du) -> BinhQuan:
    """Criteria met ÷ the plans given (the caller keeps only those whose criteria can all be assessed)."""
    return BinhQuan(sum(d.so_dat for d in plans), len(plans), mau_so_la)


def dem_nhom(plans: list[Dong]) -> list[int]:
    """Communes in each band of NHOM_19 (for a 19-criteria set; fully assessed plans only)."""
    counts = [0] * len(NHOM_19)
    for d in plans:
        counts[next(i for i, band in enumerate(NHOM_19) if band.chua(d.so_dat))] += 1
    return counts


def duoi_san(plans: list[Dong]) -> int:
    """Communes meeting fewer than 15 criteria (QĐ 263/QĐ-TTg: there should be none)."""
    return sum(1 for d in plans if d.so_dat < SAN_TIEU_CHI)


def cong_nhan(plans: list[Dong], bo: BoTomTat, nam: int, mau_so_la: MauSo) -> TyLe:
    """Recognised at the set's standard by the end of `nam` ÷ the plans given."""
    recognised = sum(1 for d in plans if bo.chuan and da_cong_nhan(d.tom.cong_nhan, bo.chuan, nam))
    return TyLe(recognised, len(plans), mau_so_la)


def so_sanh(plans: list[Dong], previous: list[Dong] | None) -> tuple[list[Dong], list[Dong]] | None:
    """The communes present in both years and fully assessed in both, aligned (now, before)."""
    pairs = ca_hai_nam(plans, previous)
    if pairs is None:
        return None
    kept = [(a, b) for a, b in zip(*pairs, strict=True) if a.danh_gia_du and b.danh_gia_du]
    return [a for a, _ in kept], [b for _, b in kept]


def nam_goc(bo: BoTomTat, years: list[int]) -> int | None:
    """The year a set's progress is counted from: the first year of its period when the data has it,
    else the set's first year in the data (the report names the year it used)."""
    if not years:
        return None
    if bo.giai_doan is not None and bo.giai_doan[0] in years:
        return bo.giai_doan[0]
    return min(years)


def thay_doi_binh_quan(plans: list[Dong], base: list[Dong] | None) -> ThayDoiBinhQuan | None:
    both = so_sanh(plans, base)
    return None if both is None else ThayDoiBinhQuan(binh_quan(both[1], MauSo.xa_ca_hai_nam),
                                                     binh_quan(both[0], MauSo.xa_ca_hai_nam))


def _bo_nam(bo: BoTomTat, year: int, plans: list[Dong], previous: list[Dong] | None) -> BinhQuanBoNam:
    full = danh_gia_du(plans)
    both = so_sanh(plans, previous)
    change = thay_doi_binh_quan(plans, previous)
    bands: tuple[NhomTrongNam, ...] | None = None
    if co_nhom(bo.so_tieu_chi):
        now = dem_nhom(full)
        now_both, before_both = (dem_nhom(both[0]), dem_nhom(both[1])) if both is not None else (None, None)
        bands = tuple(
            NhomTrongNam(band, TyLe(now[i], len(full), MauSo.xa_danh_gia_du),
                         None if both is None or now_both is None or before_both is None
                         else ThayDoi(len(both[0]), before_both[i], now_both[i]))
            for i, band in enumerate(NHOM_19))
    return BinhQuanBoNam(bo, year, len(plans), binh_quan(full), len(plans) - len(full),
                         cong_nhan(plans, bo, year, MauSo.xa_danh_gia_theo_bo), change, bands,
                         duoi_san(full) if co_nhom(bo.so_tieu_chi) else None)


def theo_bo(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat]) -> list[BinhQuanBoNam]:
    """A row per set (in `sets` order) and year (ascending), with the change since the set's base year."""
    out: list[BinhQuanBoNam] = []
    for bo in sets:
        years = sorted(y for k, y in groups if k == bo.khoa)
        base = nam_goc(bo, years)
        for year in years:
            row = _bo_nam(bo, year, groups[(bo.khoa, year)], groups.get((bo.khoa, year - 1)))
            if base is not None and year > base:
                row = replace(row, nam_goc=base,
                              tu_nam_goc=thay_doi_binh_quan(groups[(bo.khoa, year)], groups[(bo.khoa, base)]))
            out.append(row)
    return out
