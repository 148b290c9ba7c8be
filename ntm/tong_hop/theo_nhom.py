"""Figures by group of communes: province (when several), former district, region or group of the set.

GSO groups by district ("Phân tổ chủ yếu: Huyện/quận/thị xã/thành phố"); the
districts ended on 1 July 2025, so only plans that still name one are grouped
by district (docs/report.md, "Theo tỉnh, huyện (cũ), vùng hoặc nhóm xã").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

from ntm.tong_hop.binh_quan import binh_quan, danh_gia_du, duoi_san
from ntm.tong_hop.chuan import co_nhom, da_cong_nhan
from ntm.tong_hop.gop import Dong
from ntm.tong_hop.tom_tat import BoTomTat
from ntm.tong_hop.ty_le import BinhQuan, MauSo, TyLe


class PhanTo(str, Enum):
    """How communes are grouped, finest first."""

    huyen = "huyen"  # the former district
    tinh = "tinh"
    vung = "vung"  # the set's region (2021-2025) or group of communes (2026-2030)


@dataclass(frozen=True)
class Nhom:
    """A group of communes: its name as the plans write it (None: not named), and its province
    when the same name may occur in several."""

    phan_to: PhanTo
    ten: str | None
    tinh: str | None = None


def nhom_cua(d: Dong, phan_to: PhanTo, kem_tinh: bool) -> Nhom:
    """The group of a plan; a district carries its province when `kem_tinh` (two provinces may share a name)."""
    if phan_to is PhanTo.huyen:
        return Nhom(phan_to, d.tom.huyen, d.tom.tinh if kem_tinh and d.tom.huyen else None)
    return Nhom(phan_to, d.tom.tinh if phan_to is PhanTo.tinh else d.tom.vung)


def chia_nhom(rows: list[Dong], phan_to: PhanTo, kem_tinh: bool) -> dict[Nhom, list[Dong]]:
    """The plans of each group, groups in the order first met."""
    grouped: dict[Nhom, list[Dong]] = defaultdict(list)
    for d in rows:
        grouped[nhom_cua(d, phan_to, kem_tinh)].append(d)
    return grouped


def nhieu_tinh(rows: list[Dong]) -> bool:
    return len({d.khoa.tinh for d in rows}) > 1


@dataclass(frozen=True)
class ChiSoNhom:
    """One group in one set and year."""

    nhom: Nhom
    so_xa: int  # communes of the group
    binh_quan: BinhQuan  # criteria met ÷ communes of the group whose criteria can all be assessed
    chua_du: int  # communes of the group with a criterion that cannot be assessed (not averaged)
    dat_du: TyLe  # meeting every criterion ÷ communes of the group
    cong_nhan: TyLe  # recognised at the set's standard ÷ communes of the group
    duoi_san: int | None  # fully assessed communes under 15 criteria; None for a set that is not banded


@dataclass(frozen=True)
class PhanToNam:
    """The groups of one grouping, for one set and year (groups in the order first met)."""

    bo: BoTomTat
    nam: int
    phan_to: PhanTo
    nhom: tuple[ChiSoNhom, ...]


def chi_so_nhom(nhom: Nhom, plans: list[Dong], bo: BoTomTat, nam: int) -> ChiSoNhom:
    n = len(plans)
    full = danh_gia_du(plans)
    recognised = sum(1 for d in plans if bo.chuan and da_cong_nhan(d.tom.cong_nhan, bo.chuan, nam))
    return ChiSoNhom(
        nhom, n, binh_quan(full), n - len(full),
        TyLe(sum(1 for d in plans if d.dat_du), n, MauSo.xa_cua_nhom), TyLe(recognised, n, MauSo.xa_cua_nhom),
        duoi_san(full) if co_nhom(bo.so_tieu_chi) else None,
    )


def theo_nhom(rows: list[Dong], sets: list[BoTomTat]) -> list[PhanToNam]:
    """Per set, year (ascending) and grouping: province (only when several), district, region.

    Plans whose group is not named (no district) are left out of that grouping.
    """
    several = nhieu_tinh(rows)
    groupings = ([PhanTo.tinh] if several else []) + [PhanTo.huyen, PhanTo.vung]
    out: list[PhanToNam] = []
    for bo in sets:
        mine = [d for d in rows if d.bo.khoa == bo.khoa]
        for year in sorted({d.nam for d in mine}):
            plans = [d for d in mine if d.nam == year]
            for phan_to in groupings:
                groups = chia_nhom(plans, phan_to, several)
                out.append(PhanToNam(bo, year, phan_to, tuple(
                    chi_so_nhom(nhom, g, bo, year) for nhom, g in groups.items() if nhom.ten)))
    return out
