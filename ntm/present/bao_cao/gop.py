"""The parent's side of the report: summaries gathered compactly, filters, duplicates found.

`Gop.add()` takes each worker's `TomTat` as it arrives and keeps a compact row
(statuses as bytes, figures as a float array, levels as indexes into one
shared table), so 10,000 plans hold a few MB. Nothing is decided until
`ket_thuc()`: two files for the same commune and year are both left out and
listed, since the report cannot know which one is right.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ntm.present.bao_cao import tom_tat as tt
from ntm.present.bao_cao.tom_tat import BoTomTat, TomTat, chuan_hoa

_MET = (tt.TC_DAT, tt.TC_DAT_TDG)
_UNMET = (tt.TC_CHUA_DAT, tt.TC_CHUA_DAT_TDG)


@dataclass(frozen=True)
class Loc:
    """--tinh, --nam (a year or a range), --bo-tieu-chi."""

    tinh: str | None = None
    nam: tuple[int, int] | None = None
    bo_tieu_chi: str | None = None

    def khop(self, t: TomTat) -> bool:
        """Whether a file is in scope; a file too broken to say where it is from stays in (it is listed)."""
        if self.tinh is not None and t.tinh is not None and chuan_hoa(t.tinh) != chuan_hoa(self.tinh):
            return False
        if self.nam is not None and t.nam is not None and not self.nam[0] <= t.nam <= self.nam[1]:
            return False
        return not (self.bo_tieu_chi is not None and t.bo is not None and t.bo.ma != self.bo_tieu_chi)

    @property
    def co_loc(self) -> bool:
        return self.tinh is not None or self.nam is not None or self.bo_tieu_chi is not None


@dataclass(slots=True)
class Dong:
    """One valid, assessed plan, compact."""

    tom: TomTat  # without its indicator tuple
    so_dat: int
    so_tdg: int
    so_chua_dat: int
    so_cdd: int
    ct_tt: bytes  # indicator statuses (CT_*)
    ct_gt: array  # type: ignore[type-arg]  # figures, NaN where none
    ct_muc: array  # type: ignore[type-arg]  # index into Gop.muc, -1 where none

    @property
    def bo(self) -> BoTomTat:
        assert self.tom.bo is not None
        return self.tom.bo

    @property
    def nam(self) -> int:
        assert self.tom.nam is not None
        return self.tom.nam

    @property
    def dat_du(self) -> bool:
        return self.so_dat == len(self.tom.tieu_chi)


def cong_nhan_den(t: TomTat, nam: int) -> tuple[str, int] | None:
    """The highest standard the commune was recognised at by `nam`, with its year (standards nest)."""
    from ntm.present.bao_cao.nhan import THU_TU_CHUAN

    best: tuple[str, int] | None = None
    for chuan, year in t.cong_nhan:
        if year <= nam and (best is None or THU_TU_CHUAN.index(chuan) > THU_TU_CHUAN.index(best[0])):
            best = (chuan, year)
    return best


def nhom_19(so_dat: int, so_tieu_chi: int) -> str | None:
    """The band of a commune of a 19-criteria set (report-forms.md §4); None for other sets."""
    from ntm.present.bao_cao.nhan import NHOM_19

    if so_tieu_chi != 19:
        return None
    return next(label for low, high, label in NHOM_19 if low <= so_dat <= high)


def da_cong_nhan(t: TomTat, chuan: str, nam: int) -> bool:
    from ntm.present.bao_cao.nhan import THU_TU_CHUAN

    best = cong_nhan_den(t, nam)
    return best is not None and THU_TU_CHUAN.index(best[0]) >= THU_TU_CHUAN.index(chuan)


@dataclass
class VanDe:
    """A file left out of the tables, and why."""

    tom: TomTat
    trung_voi: tuple[str, ...] = ()  # the other files of the same commune and year


@dataclass
class Gop:
    loc: Loc = field(default_factory=Loc)
    so_tep: int = 0
    dong: list[Dong] = field(default_factory=list)
    van_de: list[VanDe] = field(default_factory=list)
    muc: list[tuple[float, str]] = field(default_factory=list)  # (level, its source), shared by every row
    bo: dict[str, BoTomTat] = field(default_factory=dict)
    _muc_so: dict[tuple[float, str], int] = field(default_factory=dict)

    def add(self, t: TomTat) -> None:
        self.so_tep += 1
        if t.la_bo_tieu_chi and not t.loi:
            return  # a province's criteria file beside the plans: checked, nothing to report
        if not self.loc.khop(t):
            return
        if t.bo is None or t.loi:
            self.van_de.append(VanDe(replace(t, chi_tieu=())))
            return
        bo = self.bo.setdefault(t.bo.khoa, t.bo)  # one object per set in the parent
        values = array("d", (math.nan if v is None else v for _, v, _, _ in t.chi_tieu))
        levels = array("i", (self._muc_index(m, s) for _, _, m, s in t.chi_tieu))
        codes = t.tieu_chi
        self.dong.append(Dong(
            replace(t, bo=bo, chi_tieu=()),
            so_dat=sum(codes.count(c) for c in _MET), so_tdg=codes.count(tt.TC_DAT_TDG),
            so_chua_dat=sum(codes.count(c) for c in _UNMET), so_cdd=len(codes) - sum(codes.count(c) for c in (*_MET, *_UNMET)),
            ct_tt=bytes(s for s, _, _, _ in t.chi_tieu), ct_gt=values, ct_muc=levels,
        ))

    def _muc_index(self, level: float | None, source: str | None) -> int:
        if level is None:
            return -1
        key = (level, source or "")
        found = self._muc_so.get(key)
        if found is None:
            found = self._muc_so[key] = len(self.muc)
            self.muc.append(key)
        return found

    def ket_thuc(self) -> None:
        """Leave out every file whose commune and year another file also names."""
        seen: dict[tuple[tuple[str, str, str], int], list[int | VanDe]] = defaultdict(list)
        for i, d in enumerate(self.dong):
            seen[(d.tom.khoa_xa, d.nam)].append(i)
        for v in self.van_de:
            if v.tom.xa is not None and v.tom.nam is not None:
                seen[(v.tom.khoa_xa, v.tom.nam)].append(v)
        dropped: set[int] = set()
        for group in seen.values():
            if len(group) < 2:
                continue
            files = [self.dong[g].tom.tep if isinstance(g, int) else g.tom.tep for g in group]
            for g, own in zip(group, files, strict=True):
                others = tuple(f for f in files if f != own)
                if isinstance(g, int):
                    dropped.add(g)
                    self.van_de.append(VanDe(self.dong[g].tom, others))
                else:
                    g.trung_voi = others
        if dropped:
            self.dong = [d for i, d in enumerate(self.dong) if i not in dropped]
        self.dong.sort(key=lambda d: (*d.tom.khoa_xa, d.nam, d.tom.tep))
        self.van_de.sort(key=lambda v: v.tom.tep)
