"""What the year's plans commit to, summed over the communes: funding by source, places targeted.

Funding is summed from each plan's `kinh_phi` (sources by name, compared
loosely; the plan's declared total apart), places from its place targets
(`chi_tieu.thon_kieu_mau`, `chi_tieu.dia_ban`: thôn NTM kiểu mẫu, thôn thông
minh, khu dân cư kiểu mẫu, vườn mẫu). Each figure says over how many plans it
is: a source most plans leave out is not the province's funding
(docs/report.md, "Kinh phí và mục tiêu thôn").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ntm.plan.model import LoaiMucTieu
from ntm.tong_hop.dinh_danh import chuan_hoa
from ntm.tong_hop.gop import Dong


@dataclass(frozen=True)
class NguonNam:
    """One source of funding in one year."""

    nam: int
    nguon: str  # as the first plan naming it writes it
    so_ke_hoach: int  # plans naming the source
    co_so_tien: int  # of them, with an amount
    so_tien: int  # the amounts summed (đồng)
    mau_so: int  # plans counted that year


@dataclass(frozen=True)
class TongNam:
    """The plans' declared totals in one year."""

    nam: int
    co_tong: int  # plans declaring a total
    tong: int  # the totals summed (đồng)
    mau_so: int


@dataclass(frozen=True)
class NoiNam:
    """One kind of place target in one year."""

    nam: int
    loai: str  # a LoaiMucTieu value
    so_noi: int  # places targeted
    so_xa: int  # communes targeting at least one
    mau_so: int


def theo_nam(rows: list[Dong]) -> dict[int, list[Dong]]:
    out: dict[int, list[Dong]] = defaultdict(list)
    for d in rows:
        out[d.nam].append(d)
    return dict(sorted(out.items()))


def kinh_phi(rows: list[Dong]) -> tuple[list[NguonNam], list[TongNam]]:
    """Per year (ascending): each source (most money first), and the declared totals."""
    sources: list[NguonNam] = []
    totals: list[TongNam] = []
    for year, plans in theo_nam(rows).items():
        named: dict[str, str] = {}
        count: dict[str, int] = defaultdict(int)
        priced: dict[str, int] = defaultdict(int)
        money: dict[str, int] = defaultdict(int)
        for d in plans:
            for key in {chuan_hoa(name) for name, _ in d.tom.kinh_phi}:
                count[key] += 1
            for name, amount in d.tom.kinh_phi:
                key = chuan_hoa(name)
                named.setdefault(key, name)
                if amount is not None:
                    priced[key] += 1
                    money[key] += amount
        rows_year = [NguonNam(year, named[k], count[k], priced[k], money[k], len(plans)) for k in named]
        sources += sorted(rows_year, key=lambda r: (-r.so_tien, r.nguon.casefold()))
        declared = [d.tom.kinh_phi_tong for d in plans if d.tom.kinh_phi_tong is not None]
        if declared or rows_year:
            totals.append(TongNam(year, len(declared), sum(x for x in declared if x is not None), len(plans)))
    return sources, totals


def muc_tieu_noi(rows: list[Dong]) -> list[NoiNam]:
    """Per year (ascending) and kind of place (in the plan model's order)."""
    out: list[NoiNam] = []
    for year, plans in theo_nam(rows).items():
        for loai in LoaiMucTieu:
            counts = [dict(d.tom.muc_tieu_noi).get(loai.value, 0) for d in plans]
            if any(counts):
                out.append(NoiNam(year, loai.value, sum(counts), sum(1 for c in counts if c), len(plans)))
    return out
