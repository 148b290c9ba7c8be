"""DM: the commune's region or group and the plan's year or period, against the set's axis and period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import GiaTri
from ntm.diagnostics.suggest import de_xuat
from ntm.plan.model import CapDiaBan, KeHoach
from ntm.rules.rule import DauVao, Rule


def vung_nhom_xa(given: DauVao) -> Iterator[Diagnostic]:
    """The region (2021-2025) or commune group (2026-2030) the set's levels are read by."""
    bo, dia_ban, file = given.bo, given.plan.dia_ban, given.file
    if dia_ban.cap is not CapDiaBan.xa:
        return  # a district's or a province's plan: no commune's levels are read
    name = bo.file.ten_ngan
    if bo.truc == "vung":
        regions = bo.cac_vung
        if dia_ban.vung is None:
            yield Diagnostic("DM001", file, ("dia_ban",), {"bo_tieu_chi": name, "cac_vung": ", ".join(regions)})
        elif dia_ban.vung not in regions:
            yield Diagnostic("DM002", file, ("dia_ban", "vung"), {
                "vung": GiaTri(dia_ban.vung, 80), "bo_tieu_chi": name, "de_xuat": de_xuat(dia_ban.vung, regions),
                "cac_vung": ", ".join(regions),
            })
    elif bo.truc == "nhom_xa" and dia_ban.nhom_xa is None:
        groups = ", ".join(f"{k} ({v})" for k, v in bo.cac_nhom_xa.items()) or "1, 2, 3"
        yield Diagnostic("DM003", file, ("dia_ban",), {"bo_tieu_chi": name, "cac_nhom": groups})


def khoa_khong_dung(given: DauVao) -> Iterator[Diagnostic]:
    """Settings the set does not use: probably a plan copied from another period."""
    bo, dia_ban, file = given.bo, given.plan.dia_ban, given.file
    # (a district's or a province's plan holds none of them: the plan model refuses them, SCH009)
    name = bo.file.ten_ngan
    if bo.truc == "nhom_xa" and dia_ban.vung is not None:
        yield Diagnostic("DM005", file, ("dia_ban", "vung"), {"bo_tieu_chi": name, "bien_the": "vung"}, at_key=True)
    if bo.truc == "vung" and dia_ban.nhom_xa is not None:
        yield Diagnostic("DM005", file, ("dia_ban", "nhom_xa"), {"bo_tieu_chi": name, "bien_the": "nhom_xa"}, at_key=True)
    if not bo.quy_tac_vung:
        for flag in ("xa_dac_biet_kho_khan", "xa_an_toan_khu"):
            if getattr(dia_ban, flag):
                yield Diagnostic("DM005", file, ("dia_ban", flag), {"bo_tieu_chi": name, "khoa": flag}, at_key=True)


def nam_trong_giai_doan(given: DauVao) -> Iterator[Diagnostic]:
    """The plan's year, or its period, within the set's period. A period that straddles two
    sets is held to the set in force on the plan's date (ntm.present says so in one line)."""
    period, plan = given.bo.giai_doan, given.plan
    if not period:
        return
    params = {"tu": period[0], "den": period[1], "bo_tieu_chi": given.bo.file.ten_ngan}
    if plan.giai_doan is None:
        if plan.nam is not None and not (period[0] <= plan.nam <= period[1]):
            yield Diagnostic("DM004", given.file, ("nam",), {"nam": plan.nam, **params})
        return
    first, last = plan.giai_doan.tu, plan.giai_doan.den
    if period[0] <= first and last <= period[1]:
        return
    params |= {"tu_kh": first, "den_kh": last}
    if last < period[0] or first > period[1]:
        yield Diagnostic("DM004", given.file, ("giai_doan",), {**params, "bien_the": "giai_doan"})
        return
    issued = ngay_ke_hoach(plan)
    if issued is not None and not period[0] <= issued.year <= period[1]:
        yield Diagnostic("DM004", given.file, ("giai_doan",), {
            **params, "ngay": issued, "bien_the": "hai_bo"})


def ngay_ke_hoach(plan: KeHoach) -> date | None:
    """The plan's date of issue; None on the part of an invalid plan checked against its set
    (ntm.plan.validate_for_set), which holds no document."""
    van_ban = plan.__dict__.get("van_ban")
    return van_ban.ngay_ban_hanh if van_ban is not None else None


RULES = (
    Rule(vung_nhom_xa, ma=("DM001", "DM002", "DM003"), stage="bo_tieu_chi"),
    Rule(khoa_khong_dung, ma=("DM005",), stage="bo_tieu_chi"),
    Rule(nam_trong_giai_doan, ma=("DM004",), stage="bo_tieu_chi"),
)
