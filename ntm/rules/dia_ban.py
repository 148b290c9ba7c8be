"""DM: the commune's region or group and the plan's year, against the set's axis and period."""

from __future__ import annotations

from collections.abc import Iterator

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import GiaTri
from ntm.diagnostics.suggest import de_xuat
from ntm.rules.rule import DauVao, Rule


def vung_nhom_xa(given: DauVao) -> Iterator[Diagnostic]:
    """The region (2021-2025) or commune group (2026-2030) the set's levels are read by."""
    bo, dia_ban, file = given.bo, given.plan.dia_ban, given.file
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
    """The plan's year within the period of its set."""
    period = given.bo.giai_doan
    nam = given.plan.nam
    if period and not (period[0] <= nam <= period[1]):
        yield Diagnostic("DM004", given.file, ("nam",), {
            "nam": nam, "tu": period[0], "den": period[1], "bo_tieu_chi": given.bo.file.ten_ngan})


RULES = (
    Rule(vung_nhom_xa, ma=("DM001", "DM002", "DM003"), giai_doan="bo_tieu_chi"),
    Rule(khoa_khong_dung, ma=("DM005",), giai_doan="bo_tieu_chi"),
    Rule(nam_trong_giai_doan, ma=("DM004",), giai_doan="bo_tieu_chi"),
)
