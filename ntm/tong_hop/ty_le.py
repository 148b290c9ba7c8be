"""A share, and an average, that never lose their denominator.

Every figure the report divides carries its numerator, its denominator and
what the denominator counts (docs/report.md, "Mẫu số"): a writer can print
"3/12 xã (25,0%)" or only 25,0%, and a reader can always tell 25% of what.
New denominators (the official list of communes, communes whose criteria can
all be assessed, communes present in both years) are new `MauSo` members.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class MauSo(str, Enum):
    """What a denominator counts."""

    xa_co_ke_hoach = "xa_co_ke_hoach"  # communes with a valid plan that year, in the data read
    xa_cong_nhan_ntm = "xa_cong_nhan_ntm"  # of them, communes recognised NTM by that year
    xa_danh_gia_theo_bo = "xa_danh_gia_theo_bo"  # communes assessed under the set that year
    xa_cua_nhom = "xa_cua_nhom"  # communes of the group (district, province, region), set and year
    xa_danh_gia_du = "xa_danh_gia_du"  # of a set's communes that year, those whose criteria can all be assessed
    xa_ca_hai_nam = "xa_ca_hai_nam"  # communes with a plan in both years compared (changes)
    xa_danh_sach = "xa_danh_sach"  # communes of the province's official list (--danh-sach-xa)


@dataclass(frozen=True, slots=True)
class TyLe:
    """`tu_so` of `mau_so` communes; `mau_so_la` says which communes the denominator counts."""

    tu_so: int
    mau_so: int
    mau_so_la: MauSo

    @property
    def gia_tri(self) -> float | None:
        """The share as a fraction (0-1); None when the denominator is 0."""
        return self.tu_so / self.mau_so if self.mau_so else None


@dataclass(frozen=True, slots=True)
class BinhQuan:
    """An average of criteria met per commune: `tong` criteria over `so_xa` communes."""

    tong: int
    so_xa: int
    mau_so_la: MauSo

    @property
    def gia_tri(self) -> float | None:
        return self.tong / self.so_xa if self.so_xa else None


@dataclass(frozen=True, slots=True)
class ThayDoi:
    """A count's change since the year before, over the same `so_xa` communes (present in both years)."""

    so_xa: int
    truoc: int
    nay: int

    @property
    def tang_giam(self) -> int | None:
        """None when no commune is in both years: there is nothing to compare."""
        return self.nay - self.truoc if self.so_xa else None


@dataclass(frozen=True, slots=True)
class ThayDoiBinhQuan:
    """An average's change since the year before, over the same communes (`truoc.so_xa == nay.so_xa`)."""

    truoc: BinhQuan
    nay: BinhQuan

    @property
    def so_xa(self) -> int:
        return self.nay.so_xa

    @property
    def tang_giam(self) -> float | None:
        now, before = self.nay.gia_tri, self.truoc.gia_tri
        return None if now is None or before is None else now - before


def tang_giam(nay: int, truoc: int | None) -> int | None:
    """The change of a count since the year before; None when that year is not in the data."""
    return None if truoc is None else nay - truoc
