"""A commune's progress (tiến độ) over the years: criteria met each year, gained and lost.

Two years are compared only under the same set: the same criterion number in
two sets is two different requirements (docs/report.md, "Tiến độ qua các năm").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum
from itertools import groupby

from ntm.tong_hop.dinh_danh import KhoaXa
from ntm.tong_hop.gop import Dong, ca_hai_nam
from ntm.tong_hop.tom_tat import CHUA_DAT, DAT, BoTomTat


class LoaiBuoc(str, Enum):
    """How a year of a commune relates to its year before."""

    nam_dau = "nam_dau"  # the commune's first plan in the data
    doi_bo = "doi_bo"  # another set than the year before: not compared
    so_sanh = "so_sanh"  # the same set: compared
    hop_nhat = "hop_nhat"  # the first plan of a commune merged in 2025, after its predecessors' history


@dataclass(frozen=True)
class BuocTienDo:
    """One plan of a commune with plans in two years or more."""

    dong: Dong
    loai: LoaiBuoc
    truoc: Dong | None  # the commune's plan before this one
    moi_dat: tuple[str, ...] = ()  # numbers of the criteria met now and not before (when compared)
    khong_con_dat: tuple[str, ...] = ()  # numbers of the criteria met before and not now
    tien_than: tuple[Dong, ...] = ()  # (hop_nhat) the last plan of each commune merged into this one
    hop_nhat_vao: Dong | None = None  # (a predecessor's last plan) the first plan of the commune it joined

    @property
    def muc_tieu(self) -> int | None:
        """The criteria the plan of the year before aimed at (kế hoạch), when it is the year before,
        under the same set, and says it: this plan's criteria met are then its thực hiện."""
        before = self.truoc
        if self.loai is not LoaiBuoc.so_sanh or before is None or before.nam != self.dong.nam - 1:
            return None
        return before.tom.muc_tieu_dat

    @property
    def dat_muc_tieu(self) -> bool | None:
        target = self.muc_tieu
        return None if target is None else self.dong.so_dat >= target

    @property
    def tang_giam(self) -> int | None:
        """The change of criteria met, when compared."""
        if self.loai is not LoaiBuoc.so_sanh or self.truoc is None:
            return None
        return self.dong.so_dat - self.truoc.so_dat


def tieu_chi_dat(d: Dong) -> set[str]:
    """The numbers of the criteria a plan meets."""
    return {so for (_, so, _), code in zip(d.bo.tieu_chi, d.tom.tieu_chi, strict=True) if code in DAT}


def thu_tu_so(so: str) -> tuple[int, str]:
    """Criterion numbers in their official order: 2 before 10; a number that is not one goes last."""
    head = so.split(".")[0]
    return (int(head) if head.isdigit() else 10**6, so)


def buoc(d: Dong, before: Dong | None) -> BuocTienDo:
    if before is None:
        return BuocTienDo(d, LoaiBuoc.nam_dau, None)
    if before.bo.khoa != d.bo.khoa:
        return BuocTienDo(d, LoaiBuoc.doi_bo, before)
    now, then = tieu_chi_dat(d), tieu_chi_dat(before)
    return BuocTienDo(d, LoaiBuoc.so_sanh, before, tuple(sorted(now - then, key=thu_tu_so)),
                      tuple(sorted(then - now, key=thu_tu_so)))


def cac_buoc(plans: list[Dong]) -> list[BuocTienDo]:
    """One commune's plans, each against the one before."""
    out: list[BuocTienDo] = []
    before: Dong | None = None
    for d in plans:
        out.append(buoc(d, before))
        before = d
    return out


def tien_do(rows: list[Dong], hop_nhat: Mapping[KhoaXa, KhoaXa] | None = None) -> list[BuocTienDo]:
    """Communes with plans in two years or more; `rows` sorted by commune, then year (Gop.ket_thuc).

    A commune merged in 2025 (`hop_nhat`: predecessor -> merged commune) comes after the communes
    it was made of, their years counted as its history; a merger is never compared criterion by criterion.
    """
    links = hop_nhat or {}
    communes = {k: list(g) for k, g in groupby(rows, key=lambda d: d.khoa)}
    before_merger: dict[KhoaXa, list[KhoaXa]] = defaultdict(list)
    for old, new in links.items():
        if old in communes and new in communes and old != new:
            before_merger[new].append(old)
    shown_later = {old for olds in before_merger.values() for old in olds}
    out: list[BuocTienDo] = []
    for khoa, plans in communes.items():
        if khoa in shown_later:
            continue
        olds = sorted(before_merger.get(khoa, []), key=lambda k: (k.tinh, k.huyen, k.xa, k.ma))
        if len({d.nam for k in (*olds, khoa) for d in communes[k]}) < 2:
            continue
        for old in olds:
            steps = cac_buoc(communes[old])
            out += [*steps[:-1], replace(steps[-1], hop_nhat_vao=plans[0])]
        steps = cac_buoc(plans)
        if olds:
            steps[0] = replace(steps[0], loai=LoaiBuoc.hop_nhat, tien_than=tuple(communes[k][-1] for k in olds))
        out += steps
    return out


@dataclass(frozen=True)
class MatTieuChi:
    """One criterion of a set in one year: the communes that met it the year before and do not now
    (chưa đạt; a criterion that can no longer be assessed is not counted as lost)."""

    bo: BoTomTat
    nam: int
    vi_tri: int  # its place in the set (bo.tieu_chi)
    xa: tuple[Dong, ...]  # this year's plans of those communes, in the rows' order
    so_xa_so_sanh: int  # communes with a plan of the set in both years


def mat_tieu_chi(groups: Mapping[tuple[str, int], list[Dong]], sets: list[BoTomTat]) -> list[MatTieuChi]:
    """Per set (in `sets` order), year (latest first) and criterion (most communes first, ties in
    the set's order): only the criteria some commune lost."""
    out: list[MatTieuChi] = []
    for bo in sets:
        for year in sorted((y for k, y in groups if k == bo.khoa), reverse=True):
            pairs = ca_hai_nam(groups[(bo.khoa, year)], groups.get((bo.khoa, year - 1)))
            if pairs is None:
                continue
            now, before = pairs
            rows = []
            for i in range(bo.so_tieu_chi):
                lost = tuple(a for a, b in zip(now, before, strict=True)
                             if b.tom.tieu_chi[i] in DAT and a.tom.tieu_chi[i] in CHUA_DAT)
                if lost:
                    rows.append(MatTieuChi(bo, year, i, lost, len(now)))
            out += sorted(rows, key=lambda r: -len(r.xa))
    return out


@dataclass(frozen=True)
class KeHoachThucHien:
    """One set and year: communes whose plan of the year before set a number of criteria to meet,
    and how many met it by this year's plan (kế hoạch / thực hiện)."""

    bo: BoTomTat
    nam: int
    co_muc_tieu: int
    dat: int
    muc_tieu: int  # targets summed
    thuc_hien: int  # criteria met this year, summed over the same communes


def ke_hoach_thuc_hien(steps: list[BuocTienDo], sets: list[BoTomTat]) -> list[KeHoachThucHien]:
    """Per set (in `sets` order) and year (ascending), from the progress steps that carry a target."""
    groups: dict[tuple[str, int], list[BuocTienDo]] = defaultdict(list)
    for b in steps:
        if b.muc_tieu is not None:
            groups[(b.dong.bo.khoa, b.dong.nam)].append(b)
    out: list[KeHoachThucHien] = []
    for bo in sets:
        for year in sorted(y for k, y in groups if k == bo.khoa):
            mine = groups[(bo.khoa, year)]
            out.append(KeHoachThucHien(bo, year, len(mine), sum(1 for b in mine if b.dat_muc_tieu),
                                       sum(b.muc_tieu or 0 for b in mine), sum(b.dong.so_dat for b in mine)))
    return out
