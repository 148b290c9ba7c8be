"""The parent's side: summaries gathered compactly, filtered, and duplicates left out.

`Gop.add()` takes each worker's `TomTat` as it arrives and keeps a compact row
(statuses as bytes, figures as a float array, levels as indexes into one
shared table), so 10,000 plans hold a few MB. Nothing is decided until
`ket_thuc()`: two files for the same commune and year are both left out and
listed, since the report cannot know which one is right.
"""

from __future__ import annotations

import math
from array import array
from dataclasses import dataclass, field, replace
from enum import Enum

from ntm.tong_hop.dinh_danh import KhoaXa, MoHo, chuan_hoa, dinh_danh, hop_nhat, trung_nhau
from ntm.tong_hop.tom_tat import CHUA_DAT, DAT, BoTomTat, MucApDung, TomTat, TrangThaiTieuChi


@dataclass(frozen=True)
class Loc:
    """What the report covers: --tinh, --nam (a year or a range), --bo-tieu-chi."""

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
    """One valid, assessed plan, compact: the counts of its criteria by category are kept."""

    tom: TomTat  # without its per-indicator tuples
    khoa: KhoaXa
    so_dat: int  # criteria met (self-assessed included)
    so_tdg: int  # of them, met on the self-assessment
    so_chua_dat: int
    so_cdd: int  # criteria that cannot be assessed
    ct_tt: bytes  # indicator statuses (TrangThaiChiTieu)
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
    def danh_gia_du(self) -> bool:
        """Every criterion can be assessed (met or unmet): the plan is banded and averaged."""
        return self.so_cdd == 0

    @property
    def dat_du(self) -> bool:
        """Every criterion met, on this year's assessment (not the same as recognised)."""
        return self.so_dat == len(self.tom.tieu_chi)

    def trang_thai(self, i: int) -> TrangThaiTieuChi:
        """The status of the set's `i`-th criterion."""
        return TrangThaiTieuChi(self.tom.tieu_chi[i])


# A plan says its level with `dia_ban.cap`; one written before that key existed may still name a
# whole province or district where the commune goes ("xa: toàn tỉnh").
TEN_CAP_TINH = frozenset({"toàn tỉnh", "cấp tỉnh", "tỉnh", "toàn huyện", "cấp huyện"})


def khong_phai_xa(t: TomTat) -> bool:
    """Whether a plan is not a commune's (a province's or a district's): listed apart, never a commune."""
    return t.cap != "xa" or (t.xa is not None and chuan_hoa(t.xa) in TEN_CAP_TINH)


class LoaiVanDe(str, Enum):
    """Why a file is left out of every table."""

    khong_hop_le = "khong_hop_le"  # an invalid plan (see `ntm check`)
    bo_tieu_chi_loi = "bo_tieu_chi_loi"  # a province's criteria file beside the plans, with errors
    trung = "trung"  # another file names the same commune and year
    bo_qua = "bo_qua"  # a plan-like entry of a folder that cannot be read (a looping link, a FIFO)


@dataclass
class VanDe:
    """A file left out of the tables, and why."""

    tom: TomTat
    trung_voi: tuple[str, ...] = ()  # the other files of the same commune and year
    bo_qua: bool = False  # passed over while walking a folder, never read

    @property
    def loai(self) -> LoaiVanDe:
        if self.bo_qua:
            return LoaiVanDe.bo_qua
        if self.trung_voi:
            return LoaiVanDe.trung
        return LoaiVanDe.bo_tieu_chi_loi if self.tom.la_bo_tieu_chi else LoaiVanDe.khong_hop_le


@dataclass
class Gop:
    """Every summary of a run, as it arrives; `ket_thuc()` once all are in."""

    loc: Loc = field(default_factory=Loc)
    so_tep: int = 0
    dong: list[Dong] = field(default_factory=list)
    van_de: list[VanDe] = field(default_factory=list)
    muc: list[MucApDung] = field(default_factory=list)  # every distinct level, shared by every row
    bo: dict[str, BoTomTat] = field(default_factory=dict)
    chi_so_muc: dict[MucApDung, int] = field(default_factory=dict)
    # After ket_thuc(): the communes that cannot be told apart (with their files), the 2025 mergers
    # (predecessor -> merged commune) and the hop_nhat_tu entries that name no commune of the data.
    khong_phai_xa: list[TomTat] = field(default_factory=list)  # plans of a province or district, listed apart
    mo_ho: list[tuple[MoHo, tuple[str, ...]]] = field(default_factory=list)
    hop_nhat: dict[KhoaXa, KhoaXa] = field(default_factory=dict)
    hop_nhat_khong_ro: list[tuple[KhoaXa, str]] = field(default_factory=list)

    def add(self, t: TomTat) -> None:
        self.so_tep += 1
        if t.la_bo_tieu_chi and not t.loi:
            return  # a province's criteria file beside the plans: checked, nothing to report
        if not self.loc.khop(t):
            return
        if khong_phai_xa(t) and not t.loi:  # counted apart: never a commune, never a problem
            self.khong_phai_xa.append(replace(t, chi_tieu=b"", so_lieu=(), muc=()))
            return
        if t.bo is None or t.loi:
            self.van_de.append(VanDe(replace(t, chi_tieu=b"", so_lieu=(), muc=())))
            return
        bo = self.bo.setdefault(t.bo.khoa, t.bo)  # one object per set in the parent
        codes = t.tieu_chi
        met = sum(codes.count(c) for c in DAT)
        unmet = sum(codes.count(c) for c in CHUA_DAT)
        self.dong.append(Dong(
            replace(t, bo=bo, chi_tieu=b"", so_lieu=(), muc=()), KhoaXa.tu_ten(t.tinh, t.huyen, t.xa, t.ma_xa),
            so_dat=met, so_tdg=codes.count(TrangThaiTieuChi.dat_tu_danh_gia), so_chua_dat=unmet,
            so_cdd=len(codes) - met - unmet, ct_tt=t.chi_tieu,
            ct_gt=array("d", (math.nan if v is None else v for v in t.so_lieu)),
            ct_muc=array("i", (self.chi_so(m) for m in t.muc)),
        ))

    def bo_qua(self, tep: str) -> None:
        """A plan-like entry of a folder passed over unread: listed with the files left out."""
        self.so_tep += 1
        self.van_de.append(VanDe(TomTat(tep, 0, 1), bo_qua=True))

    def chi_so(self, muc: MucApDung | None) -> int:
        """The level's index in `muc` (added when new); -1 for none."""
        if muc is None:
            return -1
        found = self.chi_so_muc.get(muc)
        if found is None:
            found = self.chi_so_muc[muc] = len(self.muc)
            self.muc.append(muc)
        return found

    def ket_thuc(self) -> None:
        """Give every plan its commune's identity (ntm.tong_hop.dinh_danh), leave out every file whose
        commune and year another file also names, link the 2025 mergers; sort by commune, year."""
        invalid = [(KhoaXa.tu_ten(v.tom.tinh, v.tom.huyen, v.tom.xa, v.tom.ma_xa), v.tom.nam, v)
                   for v in self.van_de if v.tom.xa is not None and v.tom.nam is not None]
        canonical, ambiguous = dinh_danh([(d.khoa, d.nam) for d in self.dong] + [(k, n) for k, n, _ in invalid])
        if ambiguous:
            named: dict[KhoaXa, list[str]] = {m.khoa: [] for m in ambiguous}
            for d in self.dong:
                if d.khoa in named:
                    named[d.khoa].append(d.tom.tep)
            for k, _, v in invalid:
                if k in named:
                    named[k].append(v.tom.tep)
            self.mo_ho = [(m, tuple(sorted(named[m.khoa]))) for m in ambiguous]
        for d in self.dong:
            d.khoa = canonical[d.khoa]
        items: list[tuple[KhoaXa, int, Dong | VanDe]] = [(d.khoa, d.nam, d) for d in self.dong]
        items += [(canonical[k], n, v) for k, n, v in invalid]
        dropped: set[int] = set()
        for group in trung_nhau(items):
            files = [g.tom.tep for g in group]
            for g, own in zip(group, files, strict=True):
                others = tuple(f for f in files if f != own)
                if isinstance(g, Dong):
                    dropped.add(id(g))
                    self.van_de.append(VanDe(g.tom, others))
                else:
                    g.trung_voi = others
        if dropped:
            self.dong = [d for d in self.dong if id(d) not in dropped]
        self.dong.sort(key=lambda d: (d.khoa, d.nam, d.tom.tep))
        self.van_de.sort(key=lambda v: v.tom.tep)
        merged: dict[KhoaXa, tuple[str, ...]] = {}
        for d in self.dong:
            if d.tom.hop_nhat_tu:
                merged[d.khoa] = tuple(dict.fromkeys(merged.get(d.khoa, ()) + d.tom.hop_nhat_tu))
        if merged:
            self.hop_nhat, self.hop_nhat_khong_ro = hop_nhat(merged.items(), {d.khoa: None for d in self.dong})

    @property
    def so_xa(self) -> int:
        """The communes counted (after `ket_thuc()`)."""
        return len({d.khoa for d in self.dong})


def ca_hai_nam(nay: list[Dong], truoc: list[Dong] | None) -> tuple[list[Dong], list[Dong]] | None:
    """The plans of the communes present in both years, aligned (this year's, the year before's);
    None when the year before is not in the data. Identity is `Dong.khoa` (after `ket_thuc()`)."""
    if not truoc:
        return None
    before = {d.khoa: d for d in truoc}
    pairs = [(d, before[d.khoa]) for d in nay if d.khoa in before]
    return [a for a, _ in pairs], [b for _, b in pairs]
