"""DM: what the plan's level and period allow: staged targets only within a multi-year plan's
period (DM006), the commune status table only in a commune's plan (DM007)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ntm.diagnostics import Diagnostic, YamlPath
from ntm.plan.model import TEN_CAP, CapDiaBan, KeHoach, cac_moc
from ntm.plan.noi_dung import TenBangSinh
from ntm.rules.rule import DauVao, Rule


def cac_lo_trinh(plan: KeHoach) -> Iterator[tuple[YamlPath, tuple[int, ...]]]:
    """Every staged target of the plan: where it is, and its years."""
    def years(value: Any) -> tuple[int, ...]:
        return tuple(y for y, _ in cac_moc(value) if y is not None)

    for ma, entry in plan.tieu_chi.items():
        for ct, figure in entry.hien_trang.items():
            if found := years(figure.muc_tieu):
                yield ("tieu_chi", ma, "hien_trang", ct, "muc_tieu"), found
    if found := years(plan.chi_tieu.bo_tieu_chi.dat_chuan):
        yield ("chi_tieu", "bo_tieu_chi", "dat_chuan"), found
    for i, target in enumerate(plan.chi_tieu.dia_ban):
        if found := years(target.noi):
            yield ("chi_tieu", "dia_ban", i, "noi"), found


def _key(data: Any, path: YamlPath, year: int) -> YamlPath:
    """The year's key as the plan wrote it ("2028", or 2028 from a JSON-like source)."""
    node: Any = data
    for segment in path:
        if isinstance(node, dict):
            node = node.get(segment)
        elif isinstance(node, list) and isinstance(segment, int) and 0 <= segment < len(node):
            node = node[segment]
        else:
            return path
    if isinstance(node, dict):
        for key in node:
            if str(key).strip() == str(year):
                return (*path, key)
    return path


def lo_trinh(given: DauVao) -> Iterator[Diagnostic]:
    plan = given.plan
    for path, years in cac_lo_trinh(plan):
        if plan.giai_doan is None:
            yield Diagnostic("DM006", given.file, path, {
                "nam": years[0], "nam_ke_hoach": plan.nam_cuoi, "bien_the": "ke_hoach_nam"})
            continue
        first, last = plan.giai_doan.tu, plan.giai_doan.den
        for year in years:
            if not first <= year <= last:
                yield Diagnostic("DM006", given.file, _key(given.data, path, year), {
                    "nam": year, "tu": first, "den": last}, at_key=True)


def bang_tinh_trang(given: DauVao) -> Iterator[Diagnostic]:
    cap = given.plan.dia_ban.cap
    if cap is CapDiaBan.xa:
        return
    for i, annex in enumerate(given.plan.phu_luc):
        if annex.bang is TenBangSinh.tinh_trang_tieu_chi:
            yield Diagnostic("DM007", given.file, ("phu_luc", i, "bang"), {"cap": TEN_CAP[cap]})


RULES = (
    Rule(lo_trinh, ma=("DM006",), stage="van_ban"),
    Rule(bang_tinh_trang, ma=("DM007",), stage="van_ban"),
)
