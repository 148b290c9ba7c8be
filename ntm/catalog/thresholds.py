"""The level an indicator is held to at a place and a date, and where it comes from, or why none is known.

Levels of the file the plan names come first, then those of the set it
extends (a province raises; ntm.catalog.merge refuses a lower level); within
one file the most specific entry wins (one naming the region and the date
before one naming only the region). A national "chỉ tiêu chung" is shown
beside an unknown regional level but never applied in its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from ntm.catalog.merge import BoTieuChi, ChiTieuDayDu, NguongCoNguon
from ntm.catalog.model import DoTinCay, LoaiChiTieu, TiLeSoVoi


@dataclass(frozen=True)
class BoiCanh:
    """Where and when: the values thresholds are looked up by. `ngay` None: undated levels only."""

    ngay: date | None
    vung: str | None
    nhom_xa: int | None


class NguonYeuCau(str, Enum):
    bo_tieu_chi = "bo_tieu_chi"  # the catalog (national or province set)
    ke_hoach = "ke_hoach"  # stated by the plan, the catalog having none
    chi_tieu_rieng = "chi_tieu_rieng"  # the level of an indicator the plan defines itself


@dataclass(frozen=True)
class YeuCau:
    """The requirement an indicator is held to, and where it comes from."""

    loai: LoaiChiTieu
    gia_tri: Decimal | None  # None for yes/no indicators
    nguon: NguonYeuCau
    trich_dan: str  # "QĐ 318/QĐ-TTg, Phụ lục II"; "" for the plan's own
    do_tin_cay: DoTinCay
    url: str | None = None
    ghi_chu: str | None = None
    bo_tieu_chi: str | None = None
    suy_ra: TiLeSoVoi | None = None  # computed from another set's level


@dataclass(frozen=True)
class MucChuaRo:
    """Why no level is known, said to the user instead of a guess."""

    trich_dan: str
    ghi_chu: str | None
    chung: Decimal | None = None  # the national "chỉ tiêu chung", shown but not applied
    mo_ta: str | None = None  # a level in words the tool cannot compare


def assessment_date(nam: int) -> date:
    """The day a plan year is judged at: its last day (an amendment in force by then applies)."""
    return date(nam, 12, 31)


def _matches(n: NguongCoNguon, ctx: BoiCanh) -> bool:
    entry = n.nguong
    if entry.chung:
        return False
    if entry.vung is not None and ctx.vung not in entry.vung:
        return False
    if entry.nhom_xa is not None and ctx.nhom_xa not in entry.nhom_xa:
        return False
    start, end = entry.tu, entry.den
    if start is None and end is None:
        return True
    if ctx.ngay is None:
        return False
    return (start is None or start <= ctx.ngay) and (end is None or ctx.ngay <= end)


def _specificity(n: NguongCoNguon) -> int:
    entry = n.nguong
    return (entry.vung is not None) + (entry.nhom_xa is not None) + (entry.tu is not None or entry.den is not None)


def yeu_cau(bo: BoTieuChi, ct: ChiTieuDayDu, ctx: BoiCanh) -> tuple[YeuCau | None, MucChuaRo | None]:
    """The catalog's requirement for `ct` in `ctx`, or why there is none (memoised per set)."""
    key = (ct.bo_tieu_chi, ct.tieu_chi.ma, ct.ma, ctx)
    found = bo.memo.get(key)
    if found is None:
        found = bo.memo[key] = _resolve(ct, ctx)
    return found


def _link(e: NguongCoNguon, ct: ChiTieuDayDu, indicators: str | None) -> str | None:
    """The link beside a level: its own; else, for a level another set states (a province's),
    that set's decision's, never the national indicator's; else `indicators` (the indicator's)."""
    if e.nguong.nguon:
        return e.nguong.nguon
    return indicators if e.bo_tieu_chi == ct.bo_tieu_chi else e.can_cu.nguon


def _resolve(ct: ChiTieuDayDu, ctx: BoiCanh) -> tuple[YeuCau | None, MucChuaRo | None]:
    spec = ct.chi_tieu
    if spec.loai is LoaiChiTieu.dat:
        entry = ct.nguong[0] if ct.nguong else None
        return (
            YeuCau(
                loai=spec.loai,
                gia_tri=None,
                nguon=NguonYeuCau.bo_tieu_chi,
                trich_dan=(entry.can_cu if entry else ct.can_cu).trich_dan,
                do_tin_cay=(entry.nguong.do_tin_cay if entry else spec.do_tin_cay),
                url=_link(entry, ct, None) if entry else spec.nguon,
                ghi_chu=spec.ghi_chu,
                bo_tieu_chi=(entry.bo_tieu_chi if entry else ct.bo_tieu_chi),
            ),
            None,
        )
    candidates = sorted((e for e in ct.nguong if _matches(e, ctx)), key=lambda e: (e.cap, -_specificity(e)))
    known = next((e for e in candidates if e.nguong.so is not None), None)
    if known is not None:
        n = known.nguong
        return (
            YeuCau(
                loai=spec.loai,
                gia_tri=n.so,
                nguon=NguonYeuCau.bo_tieu_chi,
                trich_dan=known.can_cu.trich_dan,
                do_tin_cay=n.do_tin_cay,
                url=_link(known, ct, spec.nguon),
                ghi_chu=n.ghi_chu,
                bo_tieu_chi=known.bo_tieu_chi,
                suy_ra=known.suy_ra,
            ),
            None,
        )
    general = next((e for e in ct.nguong if e.nguong.chung and e.nguong.so is not None), None)
    explicit = candidates[0] if candidates else None
    return None, MucChuaRo(
        trich_dan=(explicit.can_cu if explicit else ct.can_cu).trich_dan,
        ghi_chu=(explicit.nguong.ghi_chu if explicit else None) or spec.ghi_chu,
        chung=general.nguong.so if general else None,
        mo_ta=explicit.nguong.mo_ta if explicit else None,
    )
