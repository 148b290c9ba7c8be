"""A plan's own indicators (`tieu_chi.<mã>.chi_tieu_rieng`) as indicators of its set, so that
rules and the assessment treat them like the set's, marked as the plan's."""

from __future__ import annotations

from ntm.catalog.merge import BoTieuChi, ChiTieuDayDu
from ntm.catalog.model import ChiTieu, DonVi, DoTinCay, LoaiChiTieu
from ntm.plan.model import TieuChiKeHoach

DON_VI = {unit.value: unit for unit in DonVi}


def don_vi_rieng(text: str | None) -> DonVi | None:
    """The unit a plan wrote, if it is one the sets know (case and spaces aside)."""
    if text is None:
        return None
    wanted = " ".join(text.split()).casefold()
    return next((unit for value, unit in DON_VI.items() if value.casefold() == wanted), None)


def chi_tieu_rieng(bo: BoTieuChi, tc_ma: str, entry: TieuChiKeHoach | None) -> dict[str, ChiTieuDayDu]:
    """The plan's own indicators of criterion `tc_ma`, by code; those a rule refuses (a code of
    the set's, a unit no set uses, a code given twice) are left out."""
    if entry is None or not entry.chi_tieu_rieng:
        return {}
    criterion = bo.tim_tieu_chi(tc_ma)
    if criterion is None:
        return {}
    taken = {ct for cts in bo.chi_tieu.values() for ct in cts}
    out: dict[str, ChiTieuDayDu] = {}
    for own in entry.chi_tieu_rieng:
        unit = don_vi_rieng(own.don_vi)
        if own.ma in taken or own.ma in out or (own.don_vi is not None and unit is None):
            continue
        spec = ChiTieu(ma=own.ma, so=own.so or "", noi_dung=own.ten, don_vi=unit,
                       loai=LoaiChiTieu(own.loai.value), do_tin_cay=DoTinCay.U, nguon=own.nguon)
        out[own.ma] = ChiTieuDayDu(spec, criterion, (), bo.can_cu, "ke_hoach", cua_ke_hoach=True)
    return out
