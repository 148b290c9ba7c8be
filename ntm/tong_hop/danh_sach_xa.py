"""The province's official list of communes against the plans: rates over the official total.

With `--danh-sach-xa`, shares are also given over the communes of the list
(`MauSo.xa_danh_sach`), not only over the communes that happen to have a plan;
communes of the list without a plan are listed ("chưa có kế hoạch"), and plans
of communes not on the list are flagged (docs/report.md, "Danh sách xã chính
thức"). A plan's commune is the list's commune of the same code; without a
code, of the same name (and former district, when both say it), when only one is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from ntm.load.danh_sach import XaChinhThuc
from ntm.plan.model import ChuanNTM
from ntm.tong_hop.chuan import da_cong_nhan
from ntm.tong_hop.dinh_danh import KhoaXa, chuan_hoa
from ntm.tong_hop.gop import Dong
from ntm.tong_hop.ty_le import MauSo, TyLe


def ten_goc(name: str) -> str:
    """A commune's name compared without its "xã" ("Xã Hương Sơn" = "hương sơn")."""
    text = chuan_hoa(name)
    return text.removeprefix("xã ").strip() or text


@dataclass(frozen=True)
class DanhSachNam:
    """One year against the official list."""

    nam: int
    co_ke_hoach: TyLe  # communes of the list with a valid plan that year ÷ communes of the list
    cong_nhan_ntm: TyLe  # recognised NTM by the end of the year (the list's year or the plan's) ÷ communes of the list
    dat_du: TyLe  # with a plan meeting every criterion of its set that year ÷ communes of the list


@dataclass(frozen=True)
class ChuaCoKeHoach:
    """A commune of the list without a plan in the report's latest year."""

    xa: XaChinhThuc
    nam_co_ke_hoach: tuple[int, ...]  # the years it has a plan in the data (none: never)


@dataclass(frozen=True)
class NgoaiDanhSach:
    """A commune with plans that is not on the list (or cannot be told which of several it is)."""

    dong: Dong  # its latest plan
    cac_nam: tuple[int, ...]
    nhieu: bool  # several communes of the list bear its name: not matched


@dataclass(frozen=True)
class DoiChieuDanhSach:
    tong: int  # communes of the list
    theo_nam: tuple[DanhSachNam, ...]
    chua_co_ke_hoach: tuple[ChuaCoKeHoach, ...]
    ngoai_danh_sach: tuple[NgoaiDanhSach, ...]


def ghep(communes: dict[KhoaXa, list[Dong]], xa: list[XaChinhThuc]) -> tuple[dict[KhoaXa, XaChinhThuc], set[KhoaXa]]:
    """Each commune with plans -> its entry of the list; and the communes several entries could be."""
    by_code = {x.ma_xa: x for x in xa}
    by_name: dict[str, list[XaChinhThuc]] = defaultdict(list)
    for x in xa:
        by_name[ten_goc(x.ten_xa)].append(x)
    found: dict[KhoaXa, XaChinhThuc] = {}
    several: set[KhoaXa] = set()
    for khoa, plans in communes.items():
        if khoa.ma:
            if khoa.ma in by_code:
                found[khoa] = by_code[khoa.ma]
            continue  # a code not on the list: not matched by name either
        names = {ten_goc(d.tom.xa or "") for d in plans}
        candidates = {x.ma_xa: x for n in names for x in by_name.get(n, [])}
        if len(candidates) > 1 and khoa.huyen:
            candidates = {m: x for m, x in candidates.items() if x.huyen_cu and chuan_hoa(x.huyen_cu) == khoa.huyen}
        if len(candidates) == 1:
            found[khoa] = next(iter(candidates.values()))
        elif len(candidates) > 1:
            several.add(khoa)
    return found, several


def doi_chieu(rows: list[Dong], years: list[int], xa: list[XaChinhThuc],
              hop_nhat: Mapping[KhoaXa, KhoaXa] | None = None) -> DoiChieuDanhSach:
    """`rows` sorted by commune (Gop.ket_thuc); `years` ascending. A commune merged into one of the
    list (`hop_nhat`: predecessor -> merged commune) is not flagged as outside it."""
    merged = hop_nhat or {}
    communes: dict[KhoaXa, list[Dong]] = defaultdict(list)
    for d in rows:
        communes[d.khoa].append(d)
    found, several = ghep(communes, xa)
    plans_of: dict[str, dict[int, Dong]] = defaultdict(dict)  # list code -> year -> plan
    for khoa, entry in found.items():
        for d in communes[khoa]:
            plans_of[entry.ma_xa][d.nam] = d
    total = len(xa)
    per_year = []
    for year in years:
        with_plan = sum(1 for x in xa if year in plans_of[x.ma_xa])
        recognised = sum(1 for x in xa if (x.nam_cong_nhan is not None and x.nam_cong_nhan <= year) or (
            year in plans_of[x.ma_xa] and da_cong_nhan(plans_of[x.ma_xa][year].tom.cong_nhan, ChuanNTM.ntm, year)))
        met = sum(1 for x in xa if year in plans_of[x.ma_xa] and plans_of[x.ma_xa][year].dat_du)
        per_year.append(DanhSachNam(year, TyLe(with_plan, total, MauSo.xa_danh_sach),
                                    TyLe(recognised, total, MauSo.xa_danh_sach), TyLe(met, total, MauSo.xa_danh_sach)))
    latest = years[-1] if years else None
    missing = tuple(ChuaCoKeHoach(x, tuple(sorted(plans_of[x.ma_xa]))) for x in xa
                    if latest is None or latest not in plans_of[x.ma_xa])
    outside = tuple(NgoaiDanhSach(plans[-1], tuple(sorted({d.nam for d in plans})), khoa in several)
                    for khoa, plans in communes.items() if khoa not in found and merged.get(khoa) not in found)
    return DoiChieuDanhSach(total, tuple(per_year), missing, outside)
