"""TC: the criteria and indicators a plan names, and whether its figures fit them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ntm.catalog import BoTieuChi, ChiTieu, DonVi, LoaiChiTieu, builtin_ids, load_catalog
from ntm.catalog.rieng import chi_tieu_rieng, don_vi_rieng
from ntm.diagnostics import Diagnostic, YamlPath
from ntm.diagnostics.params import Cau, GiaTri
from ntm.diagnostics.suggest import de_xuat
from ntm.plan.values import SoLieu
from ntm.rules.rule import DauVao, Rule


def _other_set_with(slug: str, current: str) -> str | None:
    """A built-in set that has the criterion, named "<short name> (<id>)"."""
    for ident in builtin_ids():
        if ident == current:
            continue
        try:
            other = load_catalog(ident)
        except Exception:  # a broken built-in set must not hide the user's own error
            continue
        if other.tim_tieu_chi(slug) is not None:
            return f"{other.file.ten_ngan} ({ident})"
    return None


def ma_tieu_chi(given: DauVao) -> Iterator[Diagnostic]:
    """Every criterion and indicator code the plan uses exists in its set."""
    bo, file = given.bo, given.file
    criteria = {tc.ma: tc for tc in bo.tieu_chi}
    owner_of = {ct.ma: tc_ma for tc_ma, cts in bo.chi_tieu.items() for ct in cts.values()}
    for tc_ma, entry in given.plan.tieu_chi.items():
        if tc_ma not in criteria:
            params: dict[str, Any] = {"ma": GiaTri(tc_ma, 80, khoa=True), "bo_tieu_chi": bo.file.ten_ngan,
                                      "de_xuat": de_xuat(tc_ma, criteria)}
            other = _other_set_with(tc_ma, bo.ma)
            if other:
                params.update(bo_khac=other, bien_the="bo_khac")
            yield Diagnostic("TC001", file, ("tieu_chi", tc_ma), params, at_key=True)
            continue
        indicators = bo.chi_tieu[tc_ma]
        own = {o.ma for o in entry.chi_tieu_rieng}
        tc = criteria[tc_ma]
        for ct_ma in entry.hien_trang:
            if ct_ma in indicators or ct_ma in own:
                continue
            params = {"so": tc.so, "ten": tc.ten, "ma": GiaTri(ct_ma, 80, khoa=True)}
            elsewhere = owner_of.get(ct_ma)
            if elsewhere:
                params.update(tieu_chi_khac=elsewhere, bien_the="tieu_chi_khac")
            else:
                params["de_xuat"] = de_xuat(ct_ma, indicators)
            yield Diagnostic("TC002", file, ("tieu_chi", tc_ma, "hien_trang", ct_ma), params, at_key=True)


def _unit_problem(spec: ChiTieu, value: SoLieu) -> Cau | None:
    found = GiaTri(value.van_ban)  # shortened: a figure may be pasted text
    unit = spec.don_vi
    if spec.loai is LoaiChiTieu.dat:
        return Cau("don_vi.can_co_khong", {"tim_thay": found}) if value.co is None else None
    if value.so is None:
        return Cau("don_vi.can_so_phan_tram" if unit is DonVi.phan_tram else "don_vi.can_so", {"tim_thay": found})
    if value.phan_tram and unit is not DonVi.phan_tram:
        return Cau("don_vi.khong_phai_phan_tram", {"don_vi": unit.value if unit else "số", "tim_thay": found})
    if value.so < 0 and not (unit is not None and unit.co_the_am):
        return Cau("don_vi.am", {"tim_thay": found})
    if unit is DonVi.phan_tram and value.so > 100:
        return Cau("don_vi.qua_100", {"tim_thay": found})
    if unit is not None and unit.la_so_dem and value.so != value.so.to_integral_value():
        return Cau("don_vi.so_dem_le", {"don_vi": unit.value, "tim_thay": found})
    return None


def chi_tieu_rieng_hop_le(given: DauVao) -> Iterator[Diagnostic]:
    """The plan's own indicators: a code of their own (not the set's, not given twice), and a
    unit the sets use, so that a figure is read the same way as the set's indicators'."""
    taken = {ct_ma: tc_ma for tc_ma, cts in given.bo.chi_tieu.items() for ct_ma in cts}
    for tc_ma, entry in given.plan.tieu_chi.items():
        seen: set[str] = set()
        for i, own in enumerate(entry.chi_tieu_rieng):
            path: YamlPath = ("tieu_chi", tc_ma, "chi_tieu_rieng", i)
            if own.ma in taken:
                yield Diagnostic("TC005", given.file, (*path, "ma"), {
                    "ma": GiaTri(own.ma, 80), "tieu_chi": taken[own.ma], "bien_the": "cua_bo"})
            elif own.ma in seen:
                yield Diagnostic("TC005", given.file, (*path, "ma"), {"ma": GiaTri(own.ma, 80), "bien_the": "lap"})
            seen.add(own.ma)
            if own.don_vi is not None and don_vi_rieng(own.don_vi) is None:
                yield Diagnostic("TC006", given.file, (*path, "don_vi"), {
                    "don_vi": GiaTri(own.don_vi, 60), "cac_don_vi": ", ".join(u.value for u in DonVi)})


def _indicators(bo: BoTieuChi, given: DauVao) -> Iterator[tuple[YamlPath, ChiTieu, Any, Any]]:
    """(path, indicator, figure as validated, figure as written) for each figure of a known
    indicator, the set's or the plan's own."""
    for tc_ma, entry in given.plan.tieu_chi.items():
        indicators = {**bo.chi_tieu.get(tc_ma, {}), **chi_tieu_rieng(bo, tc_ma, entry)}
        # the plan as written may hold anything where the model read a criterion (a bare string)
        entry_written = (given.data.get("tieu_chi") or {}).get(tc_ma)
        written = entry_written.get("hien_trang") if isinstance(entry_written, dict) else None
        written = written if isinstance(written, dict) else {}
        for ct_ma, figure in entry.hien_trang.items():
            if ct_ma in indicators:
                yield ("tieu_chi", tc_ma, "hien_trang", ct_ma), indicators[ct_ma].chi_tieu, figure, written.get(ct_ma)


def don_vi(given: DauVao) -> Iterator[Diagnostic]:
    """A figure fits its indicator: yes/no or a number, a percentage only where the unit is %,
    nothing negative or over 100%, and the unit the plan writes is the indicator's."""
    for path, spec, figure, written in _indicators(given.bo, given):
        full = isinstance(written, dict)
        for field_name in ("gia_tri", "yeu_cau"):
            value = getattr(figure, field_name)
            if value is None:
                continue
            problem = _unit_problem(spec, value)
            if problem is not None:
                yield Diagnostic("TC003", given.file, (*path, field_name) if full else path,
                                 {"so": spec.so, "ten": spec.ten_hien_thi, "van_de": problem})
        stated = figure.don_vi
        expected = spec.don_vi.value if spec.don_vi else None
        if stated is not None and (expected is None or stated.strip().casefold() != expected.casefold()):
            yield Diagnostic("TC004", given.file, (*path, "don_vi"), {
                "so": spec.so, "ten": spec.ten_hien_thi, "don_vi": GiaTri(stated),
                "don_vi_chi_tieu": expected or "có/không"})


RULES = (
    Rule(ma_tieu_chi, ma=("TC001", "TC002"), stage="bo_tieu_chi"),
    Rule(chi_tieu_rieng_hop_le, ma=("TC005", "TC006"), stage="bo_tieu_chi"),
    Rule(don_vi, ma=("TC003", "TC004"), stage="bo_tieu_chi"),
)
