"""KH: the plan checked against its own assessment: does it answer every gap, and add up?"""

from __future__ import annotations

from collections.abc import Iterator

from ntm.assess.result import KetQua
from ntm.catalog import LoaiChiTieu
from ntm.catalog.merge import laxer
from ntm.catalog.thresholds import YeuCau
from ntm.diagnostics import Diagnostic, YamlPath
from ntm.diagnostics.params import Cau, Muc
from ntm.rules.rule import DauVao, Rule


def _muc(req: YeuCau, unit: str | None) -> Muc:
    assert req.gia_tri is not None
    return Muc(req.loai.value, req.gia_tri, unit)


def nhiem_vu_cho_tieu_chi_chua_dat(given: DauVao) -> Iterator[Diagnostic]:
    assert given.danh_gia is not None
    for tc in given.danh_gia.chua_dat:
        entry = tc.ke_hoach
        if entry is not None and entry.nhiem_vu and entry.giai_phap:
            continue
        if entry is None or not (entry.nhiem_vu or entry.giai_phap):
            missing = "thieu.nhiem_vu_giai_phap"
        else:
            missing = "thieu.nhiem_vu" if not entry.nhiem_vu else "thieu.giai_phap"
        path: YamlPath = ("tieu_chi", tc.ma) if entry is not None else ("tieu_chi",)
        yield Diagnostic("KH001", given.file, path, {"so": tc.so, "ten": tc.ten, "thieu": Cau(missing)})


def muc_tieu_va_yeu_cau(given: DauVao) -> Iterator[Diagnostic]:
    """Targets below the requirement (KH002) and requirements the plan states below the set's (KH005)."""
    assert given.danh_gia is not None
    for tc in given.danh_gia.tieu_chi:
        for kq in tc.chi_tieu:
            spec = kq.chi_tieu.chi_tieu
            unit = spec.don_vi.value if spec.don_vi else None
            catalog, stated = kq.yeu_cau_bo_tieu_chi, kq.yeu_cau_ke_hoach
            if (stated is not None and stated.so is not None and catalog is not None and catalog.gia_tri is not None
                    and spec.loai is not LoaiChiTieu.dat and laxer(spec.loai, stated.so, catalog.gia_tri)):
                yield Diagnostic("KH005", given.file, (*kq.path, "yeu_cau"), {
                    "ke_hoach_neu": stated.van_ban, "yeu_cau": _muc(catalog, unit), "trich_dan": catalog.trich_dan})
            req, target = kq.yeu_cau, kq.muc_tieu
            if target is None or req is None or req.gia_tri is None or target.tu.so is None:
                continue
            # A range must meet the requirement at its weaker end: the low end for a minimum,
            # the high end for a maximum.
            upper = target.den if target.den is not None and target.den.so is not None else target.tu
            weak = target.tu if spec.loai is LoaiChiTieu.toi_thieu else upper
            assert weak.so is not None
            if laxer(spec.loai, weak.so, req.gia_tri):
                yield Diagnostic("KH002", given.file, (*kq.path, "muc_tieu"), {
                    "muc_tieu": weak.van_ban, "yeu_cau": _muc(req, unit), "nguon": req})


def tu_danh_gia(given: DauVao) -> Iterator[Diagnostic]:
    """A self-declared status the figures contradict (the figures' verdict is used)."""
    assert given.danh_gia is not None
    for tc in given.danh_gia.tieu_chi:
        declared = tc.ke_hoach.tu_danh_gia if tc.ke_hoach else None
        if declared is None or tc.theo_so_lieu is KetQua.chua_co_du_lieu:
            continue
        declared_status = KetQua(declared.value)
        if declared_status is not tc.theo_so_lieu:
            yield Diagnostic("KH004", given.file, ("tieu_chi", tc.ma, "tu_danh_gia"), {
                "tu_danh_gia": declared_status, "ten": tc.ten, "theo_so_lieu": tc.theo_so_lieu})


def tong_so_tieu_chi(given: DauVao) -> Iterator[Diagnostic]:
    """The declared "19/19": its total is the set's, its target no more than the total."""
    assert given.danh_gia is not None
    declared = given.plan.chi_tieu.bo_tieu_chi.dat_chuan
    if not declared:
        return
    total = len(given.danh_gia.tieu_chi)
    parts = declared.replace(" ", "").split("/")
    path = ("chi_tieu", "bo_tieu_chi", "dat_chuan")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        yield Diagnostic("KH008", given.file, path, {"tong": total, "dat_chuan": declared})
        return
    target, stated_total = int(parts[0]), int(parts[1])
    if stated_total != total:
        yield Diagnostic("KH003", given.file, path, {
            "dat_chuan": declared, "bo_tieu_chi": given.danh_gia.bo_tieu_chi.file.ten_ngan, "tong": total})
    elif target > total:
        yield Diagnostic("KH007", given.file, path, {"muc_tieu": target, "tong": total})
    else:
        # The year's target is above what is already met, or all of it (a commune keeping its standard).
        met = sum(1 for tc in given.danh_gia.tieu_chi if tc.trang_thai is KetQua.dat)
        if target < met or (target == met < total):
            yield Diagnostic("KH011", given.file, path, {
                "dat_chuan": declared, "dat": met, "tong": total, "bien_the": "thap_hon" if target < met else "bang"})


RULES = (
    Rule(nhiem_vu_cho_tieu_chi_chua_dat, ma=("KH001",), giai_doan="danh_gia"),
    Rule(muc_tieu_va_yeu_cau, ma=("KH002", "KH005"), giai_doan="danh_gia"),
    Rule(tu_danh_gia, ma=("KH004",), giai_doan="danh_gia"),
    Rule(tong_so_tieu_chi, ma=("KH003", "KH007", "KH008", "KH011"), giai_doan="danh_gia"),
)
