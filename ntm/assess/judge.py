"""A plan against its criteria set -> đạt / chưa đạt / chưa đánh giá được, with the numbers.

Rules (design §4):
* a chỉ tiêu is đạt, chưa đạt or not assessable, and then the reason is
  kept (no figure; no known level); every chưa đạt carries the value, the
  requirement and the exact gap;
* the catalog's level wins; a requirement the plan states itself is used
  only where the catalog has none;
* a tiêu chí is đạt only when every chỉ tiêu is đạt and its list of
  indicators is complete; a self-declared status is used only where the
  figures cannot decide, and is marked as such.
Comparisons are exact (decimals as typed): nothing is rounded before it is
compared.
"""

from __future__ import annotations

from decimal import Decimal

from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu, KetQuaTieuChi
from ntm.catalog import BoTieuChi, ChiTieuDayDu, DoTinCay, LoaiChiTieu
from ntm.catalog.rieng import chi_tieu_rieng
from ntm.catalog.thresholds import BoiCanh, NguonYeuCau, YeuCau, assessment_date, yeu_cau
from ntm.diagnostics import YamlPath
from ntm.plan.model import CapDiaBan, ChiTieuHienTrang, ChiTieuRieng, KeHoach, TrangThai
from ntm.plan.values import SoLieu


def effective_region(plan: KeHoach, bo: BoTieuChi) -> tuple[str | None, str | None, str | None]:
    """The region thresholds are read for, after the catalog's special-commune rules: the
    region, the rule's text and the commune flag that brought it in."""
    for rule in bo.quy_tac_vung:
        for flag in ("xa_dac_biet_kho_khan", "xa_an_toan_khu"):
            if flag in rule.khi and getattr(plan.dia_ban, flag):
                return rule.dung_vung, rule.noi_dung, flag
    return plan.dia_ban.vung, None, None


def compare(loai: LoaiChiTieu, value: SoLieu, threshold: Decimal | None) -> tuple[KetQua, Decimal | None]:
    """Status and gap (how much is missing, or over a maximum), exactly."""
    if loai is LoaiChiTieu.dat:
        if value.co is None:
            return KetQua.chua_co_du_lieu, None
        return (KetQua.dat if value.co else KetQua.chua_dat), None
    if value.so is None or threshold is None:
        return KetQua.chua_co_du_lieu, None
    gap = threshold - value.so if loai is LoaiChiTieu.toi_thieu else value.so - threshold
    return (KetQua.dat, None) if gap <= 0 else (KetQua.chua_dat, gap)


def _indicator(bo: BoTieuChi, ct: ChiTieuDayDu, figure: ChiTieuHienTrang | None, ctx: BoiCanh,
               path: YamlPath, own: ChiTieuRieng | None = None) -> KetQuaChiTieu:
    spec = ct.chi_tieu
    catalog_req: YeuCau | None
    if own is not None:  # the plan's own indicator: its own level, said as the plan's
        level = own.yeu_cau.so if own.yeu_cau is not None else None
        catalog_req, unknown = YeuCau(spec.loai, level, NguonYeuCau.chi_tieu_rieng, own.nguon, DoTinCay.U), None
    else:
        catalog_req, unknown = yeu_cau(bo, ct, ctx)
    requirement = catalog_req
    stated = figure.yeu_cau if figure else None
    if stated is not None and stated.so is not None and spec.loai is not LoaiChiTieu.dat and catalog_req is None:
        requirement = YeuCau(spec.loai, stated.so, NguonYeuCau.ke_hoach, "", DoTinCay.U)
        unknown = None
    value = figure.gia_tri if figure else None
    if value is None:
        status, gap = KetQua.chua_co_du_lieu, None
    else:
        status, gap = compare(spec.loai, value, requirement.gia_tri if requirement else None)
        if requirement is None and spec.loai is not LoaiChiTieu.dat:
            status = KetQua.chua_co_du_lieu
    return KetQuaChiTieu(
        ct, status, value, requirement, unknown, gap, figure.muc_tieu_cuoi if figure else None, path,
        catalog_req, stated, figure.lo_trinh if figure else (),
    )


def nam_danh_gia(plan: KeHoach, bo: BoTieuChi) -> int:
    """The year a plan is assessed at: its year; a multi-year plan's last year, or its set's last
    year when the period runs past the set (the set in force on the plan's date)."""
    last = plan.nam_cuoi
    return min(last, bo.giai_doan[1]) if bo.giai_doan else last


def assess(plan: KeHoach, bo: BoTieuChi) -> DanhGia:
    year = nam_danh_gia(plan, bo)
    period = (plan.giai_doan.tu, plan.giai_doan.den) if plan.giai_doan is not None else None
    if plan.dia_ban.cap is not CapDiaBan.xa:  # no commune to assess: said in one line by ntm.present
        return DanhGia(bo, year, None, None, None, (), cap=plan.dia_ban.cap.value, giai_doan=period, ngay=plan.ngay)
    region, rule, flag = effective_region(plan, bo)
    ctx = BoiCanh(ngay=assessment_date(year), vung=region, nhom_xa=plan.dia_ban.nhom_xa)
    results: list[KetQuaTieuChi] = []
    for tc in bo.tieu_chi:
        entry = plan.tieu_chi.get(tc.ma)
        indicators = tuple(
            _indicator(bo, ct, entry.hien_trang.get(ct.ma) if entry else None, ctx,
                       ("tieu_chi", tc.ma, "hien_trang", ct.ma))
            for ct in bo.chi_tieu[tc.ma].values()
        )
        if entry is not None and entry.chi_tieu_rieng:
            # After the set's: judged alike, so an unmet one of its own makes the criterion chưa
            # đạt; it never completes an incomplete list (chi_tieu_day_du is the set's).
            own = {o.ma: o for o in entry.chi_tieu_rieng}
            indicators += tuple(
                _indicator(bo, ct, entry.hien_trang.get(ma), ctx, ("tieu_chi", tc.ma, "hien_trang", ma), own[ma])
                for ma, ct in chi_tieu_rieng(bo, tc.ma, entry).items()
            )
        statuses = [i.trang_thai for i in indicators]
        if KetQua.chua_dat in statuses:
            by_figures = KetQua.chua_dat
        elif statuses and all(s is KetQua.dat for s in statuses) and tc.chi_tieu_day_du:
            by_figures = KetQua.dat
        else:
            by_figures = KetQua.chua_co_du_lieu
        declared = entry.tu_danh_gia if entry else None
        status, self_declared = by_figures, False
        if by_figures is KetQua.chua_co_du_lieu and declared is not None:
            status = KetQua.dat if declared is TrangThai.dat else KetQua.chua_dat
            self_declared = True
        results.append(
            KetQuaTieuChi(tc.ma, tc.so, tc.ten, status, self_declared, by_figures, indicators, entry,
                          tc.chi_tieu_day_du)
        )
    return DanhGia(bo, year, region, rule, plan.dia_ban.nhom_xa, tuple(results), flag, giai_doan=period,
                   ngay=plan.ngay)
