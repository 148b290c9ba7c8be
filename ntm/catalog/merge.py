"""A catalog file and the set it extends, merged into the set a plan is assessed against.

A province's file (`ke_thua`) may add criteria and indicators and raise a
level; it may not lower a level it shares with its parent, unlock a
criterion whose list of indicators the parent marks incomplete, or restate
what an inherited criterion or indicator is. Thresholds defined relative to
another set (`ti_le_so_voi`) are turned into levels here, once, so the
assessment never reads another file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from ntm.catalog.model import (
    BoTieuChiFile,
    CanCuPhapLy,
    ChiTieu,
    DoTinCay,
    LoaiChiTieu,
    Nguong,
    QuyTacVung,
    TieuChi,
    TiLeSoVoi,
    level_problem,
)
from ntm.diagnostics import Diagnostic, YamlPath
from ntm.diagnostics.params import GiaTri, Muc
from ntm.plan.model import ChuanNTM
from ntm.plan.values import SoLieu

# The national sets' ids name their standard (docs/report.md): the most specific prefix first.
_CHUAN_THEO_MA: tuple[tuple[str, ChuanNTM], ...] = (
    ("xa-ntm-kieu-mau-", ChuanNTM.kieu_mau),
    ("xa-ntm-nang-cao-", ChuanNTM.nang_cao),
    ("xa-ntm-", ChuanNTM.ntm),
)

_CONFIDENCE_ORDER = (DoTinCay.V, DoTinCay.S, DoTinCay.I, DoTinCay.R, DoTinCay.U)


@dataclass(frozen=True)
class NguongCoNguon:
    """A threshold together with the legal basis of the catalog that states it."""

    nguong: Nguong
    can_cu: CanCuPhapLy
    bo_tieu_chi: str
    cap: int  # 0: the file the plan names; 1: the set it extends; …
    suy_ra: TiLeSoVoi | None = None  # a level computed from another set's (× he_so)


@dataclass(frozen=True)
class ChiTieuDayDu:
    """An indicator after overlays are merged: thresholds in priority order (most local first)."""

    chi_tieu: ChiTieu
    tieu_chi: TieuChi
    nguong: tuple[NguongCoNguon, ...]
    can_cu: CanCuPhapLy  # the legal basis of the file that defines the indicator
    bo_tieu_chi: str
    cua_ke_hoach: bool = False  # defined by the plan itself (ntm.catalog.rieng), not by a set

    @property
    def ma(self) -> str:
        return self.chi_tieu.ma


@dataclass(frozen=True)
class BoTieuChi:
    """A catalog ready for use: the file plus what it extends, merged."""

    file: BoTieuChiFile
    nguon_tep: str
    tieu_chi: tuple[TieuChi, ...]
    chi_tieu: dict[str, dict[str, ChiTieuDayDu]]  # tiêu chí slug -> chỉ tiêu slug -> merged
    chain: tuple[BoTieuChiFile, ...]  # this file first, then what it extends
    tep: tuple[str, ...] = ()  # every file read to make it (its own, its parents', the sets it refers to)
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)  # resolved thresholds

    @property
    def ma(self) -> str:
        return self.file.ma

    @property
    def can_cu(self) -> CanCuPhapLy:
        return self.file.can_cu_phap_ly

    @property
    def truc(self) -> str:
        # A province's file that does not say it inherits its parent's axis (default "vung"
        # would turn a set by nhóm xã into one by vùng).
        return next((f.truc for f in self.chain if "truc" in f.model_fields_set), self.file.truc)

    @property
    def cac_vung(self) -> dict[str, str]:
        return next((f.cac_vung for f in self.chain if f.cac_vung), {})

    @property
    def cac_nhom_xa(self) -> dict[int, str]:
        return next((f.cac_nhom_xa for f in self.chain if f.cac_nhom_xa), {})

    @property
    def quy_tac_vung(self) -> list[QuyTacVung]:
        return [q for f in self.chain for q in f.quy_tac_vung]

    @property
    def giai_doan(self) -> tuple[int, int] | None:
        return next((f.giai_doan for f in self.chain if f.giai_doan), None)

    @property
    def chuan(self) -> ChuanNTM | None:
        """The standard the set leads to, from the national set at the root of its chain
        (a province's set inherits its parent's); None for a set of no known family."""
        root = self.chain[-1].ma
        for prefix, standard in _CHUAN_THEO_MA:
            if root.startswith(prefix):
                return standard
        return None

    def tim_tieu_chi(self, ma: str) -> TieuChi | None:
        return next((tc for tc in self.tieu_chi if tc.ma == ma), None)

    def iter_chi_tieu(self) -> Iterator[ChiTieuDayDu]:
        for tc in self.tieu_chi:
            yield from self.chi_tieu[tc.ma].values()


# ----------------------------------------------------------------------------- overlaps


def _overlap(a: Nguong, b: Nguong) -> bool:
    """Is there a place and a day both levels apply to?"""
    if a.chung or b.chung:
        return False
    if a.vung is not None and b.vung is not None and not set(a.vung) & set(b.vung):
        return False
    if a.nhom_xa is not None and b.nhom_xa is not None and not set(a.nhom_xa) & set(b.nhom_xa):
        return False
    start = max(a.tu or date.min, b.tu or date.min)
    end = min(a.den or date.max, b.den or date.max)
    return start <= end


def laxer(loai: LoaiChiTieu, a: Decimal, b: Decimal) -> bool:
    """Is level `a` easier to meet than level `b`?"""
    return a < b if loai is LoaiChiTieu.toi_thieu else a > b


# ----------------------------------------------------------------------------- merging


class _Merge:
    def __init__(self, file: BoTieuChiFile, parent: BoTieuChi | None, source: str,
                 referenced: Callable[[str], BoTieuChi]) -> None:
        self.file = file
        self.parent = parent
        self.source = source
        self.referenced = referenced
        self.diagnostics: list[Diagnostic] = []
        self.criteria: list[TieuChi] = list(parent.tieu_chi) if parent else []
        self.indicators: dict[str, dict[str, ChiTieuDayDu]] = (
            {k: dict(v) for k, v in parent.chi_tieu.items()} if parent else {}
        )

    def problem(self, code: str, path: YamlPath, **params: Any) -> None:
        self.diagnostics.append(Diagnostic(code, self.source, path, params))

    def run(self) -> None:
        for i, tc in enumerate(self.file.tieu_chi):
            self.criterion(tc, ("tieu_chi", i))

    def criterion(self, tc: TieuChi, path: YamlPath) -> None:
        existing = next((n for n, c in enumerate(self.criteria) if c.ma == tc.ma), None)
        if existing is None:
            if not (tc.so and tc.ten):
                self.problem("BTC003", path, ma=tc.ma)
                return
            self.criteria.append(tc)
            self.indicators[tc.ma] = {}
            target = tc
        else:
            target = self.criteria[existing]
            restated = sorted(tc.model_fields_set - {"ma", "chi_tieu", "chi_tieu_day_du"})
            if restated:
                self.problem("BTC015", path, ma=tc.ma, cac_khoa=", ".join(restated))
            if "chi_tieu_day_du" in tc.model_fields_set and tc.chi_tieu_day_du and not target.chi_tieu_day_du:
                self.problem("BTC014", (*path, "chi_tieu_day_du"), ma=tc.ma)
        for j, ct in enumerate(tc.chi_tieu):
            self.indicator(target, ct, (*path, "chi_tieu", j))

    def indicator(self, tc: TieuChi, ct: ChiTieu, path: YamlPath) -> None:
        slot = self.indicators[tc.ma]
        own = tuple(self.levels(ct, n, (*path, "nguong", k)) for k, n in enumerate(ct.nguong))
        old = slot.get(ct.ma)
        if old is None:
            if not (ct.so and ct.noi_dung and "loai" in ct.model_fields_set):
                self.problem("BTC004", path, ma=f"{tc.ma}.{ct.ma}")
                return
            slot[ct.ma] = ChiTieuDayDu(ct, tc, tuple(e for group in own for e in group), self.file.can_cu_phap_ly,
                                       self.file.ma)
            return
        restated = sorted(ct.model_fields_set - {"ma", "nguong"})
        if restated:
            self.problem("BTC015", path, ma=f"{tc.ma}.{ct.ma}", cac_khoa=", ".join(restated))
        spec = old.chi_tieu
        for k, group in enumerate(own):
            problem = level_problem(spec, ct.nguong[k])
            if problem is not None:
                self.problem("BTC020", (*path, "nguong", k), ly_do=problem)
                continue
            for entry in group:
                self.never_lower(spec, entry, old.nguong, (*path, "nguong", k))
        parents = tuple(NguongCoNguon(e.nguong, e.can_cu, e.bo_tieu_chi, e.cap + 1, e.suy_ra) for e in old.nguong)
        slot[ct.ma] = ChiTieuDayDu(spec, old.tieu_chi, tuple(e for g in own for e in g) + parents, old.can_cu,
                                   old.bo_tieu_chi)

    def never_lower(self, spec: ChiTieu, entry: NguongCoNguon, inherited: tuple[NguongCoNguon, ...],
                    path: YamlPath) -> None:
        value = entry.nguong.so
        if value is None or spec.loai is LoaiChiTieu.dat:
            return
        for other in inherited:
            other_value = other.nguong.so
            if other_value is not None and _overlap(entry.nguong, other.nguong) and laxer(spec.loai, value, other_value):
                self.problem(
                    "BTC013", path, ma=spec.ma,
                    muc=Muc(spec.loai.value, value, spec.don_vi.value if spec.don_vi else None),
                    muc_cha=Muc(spec.loai.value, other_value, spec.don_vi.value if spec.don_vi else None),
                    trich_dan_cha=other.can_cu.trich_dan,
                )
                return

    def levels(self, ct: ChiTieu, n: Nguong, path: YamlPath) -> tuple[NguongCoNguon, ...]:
        """The entries one written threshold stands for: itself, or the levels it is relative to."""
        basis = self.file.can_cu_phap_ly
        if n.ti_le_so_voi is None or n.gia_tri is not None:
            return (NguongCoNguon(n, basis, self.file.ma, 0),)
        rule = n.ti_le_so_voi
        try:
            other = self.referenced(rule.bo_tieu_chi)
        except LookupError:
            self.problem("BTC016", (*path, "ti_le_so_voi"), bo_tieu_chi=GiaTri(rule.bo_tieu_chi, 80), chi_tieu=rule.chi_tieu)
            return (NguongCoNguon(n, basis, self.file.ma, 0, rule),)
        target = next((c for c in other.iter_chi_tieu() if c.ma == rule.chi_tieu), None)
        if target is None:
            self.problem("BTC016", (*path, "ti_le_so_voi"), bo_tieu_chi=GiaTri(rule.bo_tieu_chi, 80), chi_tieu=rule.chi_tieu)
            return (NguongCoNguon(n, basis, self.file.ma, 0, rule),)
        derived = []
        for base in target.nguong:
            b = base.nguong
            value = b.so * rule.he_so if b.so is not None else None
            confidence = max(n.do_tin_cay, b.do_tin_cay, key=_CONFIDENCE_ORDER.index)
            entry = Nguong.model_construct(
                vung=b.vung if n.vung is None else n.vung,
                nhom_xa=b.nhom_xa if n.nhom_xa is None else n.nhom_xa,
                nam=b.nam, tu_ngay=b.tu_ngay, den_ngay=b.den_ngay, chung=b.chung,
                gia_tri=SoLieu(so=value, van_ban=str(value)) if value is not None else None,
                mo_ta=None, ti_le_so_voi=None, nguon=n.nguon, do_tin_cay=confidence,
                ghi_chu=n.ghi_chu if value is None else (b.ghi_chu or n.ghi_chu),
            )
            derived.append(NguongCoNguon(entry, basis, self.file.ma, 0, rule))
        return tuple(derived) or (NguongCoNguon(n, basis, self.file.ma, 0, rule),)


def merge(
    file: BoTieuChiFile, parent: BoTieuChi | None, source: str, chain: tuple[BoTieuChiFile, ...],
    referenced: Callable[[str], BoTieuChi],
) -> tuple[BoTieuChi, list[Diagnostic]]:
    """The merged set, and what the file may not do to its parent (errors, by path in the file)."""
    work = _Merge(file, parent, source, referenced)
    work.run()
    return BoTieuChi(file, source, tuple(work.criteria), work.indicators, chain), work.diagnostics
