"""One checked file reduced, in the worker, to what the report needs: a few hundred bytes.

`tom_tat(result)` runs where the plan was checked (ntm.run.many) and sends back
ids, the status of each criterion and indicator as one byte each, and the
numeric figures with the level they were held to. No plan, assessment or
diagnostic object crosses to the parent, so 10,000 plans stay small there.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ntm.assess.result import KetQua, KetQuaChiTieu, KetQuaTieuChi, LyDo
from ntm.diagnostics import MucDo
from ntm.present.wording import nguon_yeu_cau
from ntm.run import KetQuaTep

if TYPE_CHECKING:
    from ntm.catalog import BoTieuChi

# A criterion's status as one byte (the matrix cell): status, self-assessed, reason.
TC_DAT, TC_DAT_TDG, TC_CHUA_DAT, TC_CHUA_DAT_TDG, TC_THIEU_SO_LIEU, TC_CHUA_CO_MUC, TC_DANH_MUC = range(7)
# An indicator's status as one byte.
CT_DAT, CT_CHUA_DAT, CT_THIEU_SO_LIEU, CT_CHUA_CO_MUC = range(4)

_LY_DO_TC = {LyDo.khong_co_so_lieu: TC_THIEU_SO_LIEU, LyDo.chua_co_nguong: TC_CHUA_CO_MUC,
             LyDo.danh_muc_chua_du: TC_DANH_MUC}


def ma_tieu_chi(tc: KetQuaTieuChi) -> int:
    if tc.trang_thai is KetQua.dat:
        return TC_DAT_TDG if tc.theo_tu_danh_gia else TC_DAT
    if tc.trang_thai is KetQua.chua_dat:
        return TC_CHUA_DAT_TDG if tc.theo_tu_danh_gia else TC_CHUA_DAT
    return _LY_DO_TC[tc.ly_do or LyDo.khong_co_so_lieu]


def ma_chi_tieu(ct: KetQuaChiTieu) -> int:
    if ct.trang_thai is KetQua.dat:
        return CT_DAT
    if ct.trang_thai is KetQua.chua_dat:
        return CT_CHUA_DAT
    return CT_THIEU_SO_LIEU if ct.ly_do is LyDo.khong_co_so_lieu else CT_CHUA_CO_MUC


@dataclass(frozen=True)
class ChiTieuBo:
    """An indicator of a set, as the report names it."""

    tieu_chi: str  # the criterion's slug
    ma: str
    so: str
    ten: str
    don_vi: str | None
    loai: str  # toi_thieu | toi_da | dat


@dataclass(frozen=True)
class BoTomTat:
    """A criteria set as the report shows it; the parent keeps one per `khoa`."""

    khoa: str  # the set's id, and its file for a province's set (two files may reuse an id)
    ma: str
    ten_ngan: str
    can_cu: str
    chuan: str | None  # ntm | nang_cao | kieu_mau (ChuanNTM), None when unknown
    truc: str  # vung | nhom_xa | khong
    tieu_chi: tuple[tuple[str, str, str], ...]  # (slug, number, name), official order
    chi_tieu: tuple[ChiTieuBo, ...]  # every indicator, criterion by criterion


# Per set object (the catalog's cache hands out one per set file); the set is kept so its id stays its own.
_BO: dict[int, tuple[BoTieuChi, BoTomTat]] = {}


def bo_tom_tat(bo: BoTieuChi) -> BoTomTat:
    found = _BO.get(id(bo))
    if found is None:
        found = _BO[id(bo)] = (bo, _bo_tom_tat(bo))
    return found[1]


def _bo_tom_tat(bo: BoTieuChi) -> BoTomTat:
    indicators = tuple(
        ChiTieuBo(tc.ma, ct.ma, ct.chi_tieu.so, ct.chi_tieu.ten_hien_thi,
                  ct.chi_tieu.don_vi.value if ct.chi_tieu.don_vi else None, ct.chi_tieu.loai.value)
        for tc in bo.tieu_chi for ct in bo.chi_tieu.get(tc.ma, {}).values()
    )
    khoa = bo.ma if not bo.file.ke_thua else f"{bo.ma}|{bo.nguon_tep}"
    return BoTomTat(khoa, bo.ma, bo.file.ten_ngan, bo.can_cu.trich_dan, bo.chuan.value if bo.chuan else None,
                    bo.truc, tuple((tc.ma, tc.so, tc.ten) for tc in bo.tieu_chi), indicators)


def chuan_hoa(text: str) -> str:
    """How names are compared: NFC, case and spacing ignored ("Xã  hương sơn" = "xã Hương Sơn")."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class TomTat:
    """One file, reduced. `bo` is None for a file that is not a valid, assessed plan."""

    tep: str
    loi: int
    canh_bao: int
    la_bo_tieu_chi: bool = False
    tinh: str | None = None
    huyen: str | None = None
    xa: str | None = None
    nam: int | None = None
    vung: str | None = None  # the region's or group's name, as the set names it
    cong_nhan: tuple[tuple[str, int], ...] = ()  # (standard, year)
    bo: BoTomTat | None = None
    tieu_chi: bytes = b""  # one byte a criterion, in the set's order (TC_*)
    chi_tieu: tuple[tuple[int, float | None, float | None, str | None], ...] = ()
    # per indicator, in BoTomTat.chi_tieu order: (CT_* status, numeric figure, level applied, its source)

    @property
    def khoa_xa(self) -> tuple[str, str, str]:
        """Who the plan is about: province, district (when named) and commune, compared loosely."""
        return chuan_hoa(self.tinh or ""), chuan_hoa(self.huyen or ""), chuan_hoa(self.xa or "")


def _so(ct: KetQuaChiTieu) -> float | None:
    value = ct.gia_tri
    if value is None or value.so is None:
        return None
    return float(value.so)


def _muc(ct: KetQuaChiTieu) -> tuple[float | None, str | None]:
    req = ct.yeu_cau
    if req is None or req.gia_tri is None:
        return None, None
    return float(req.gia_tri), nguon_yeu_cau(req)


def tom_tat(result: KetQuaTep) -> TomTat:
    """The worker's reduction of one file (module-level: picklable for ntm.run.many)."""
    loi = sum(1 for d in result.diagnostics if d.level is MucDo.LOI)
    canh_bao = len(result.diagnostics) - loi
    plan = result.plan
    if plan is None:
        return TomTat(result.file, loi, canh_bao, la_bo_tieu_chi=result.la_bo_tieu_chi)
    where = plan.dia_ban
    cong_nhan = tuple((c.chuan.value, c.nam) for c in where.cong_nhan)
    danh_gia = result.assessment
    if danh_gia is None or not result.valid:
        return TomTat(result.file, loi, canh_bao, False, where.tinh, where.huyen, where.xa, plan.nam,
                      cong_nhan=cong_nhan)
    bo = danh_gia.bo_tieu_chi
    summary = bo_tom_tat(bo)
    if bo.truc == "vung" and danh_gia.vung:
        vung: str | None = bo.cac_vung.get(danh_gia.vung, danh_gia.vung)
    elif bo.truc == "nhom_xa" and danh_gia.nhom_xa is not None:
        vung = bo.cac_nhom_xa.get(danh_gia.nhom_xa, str(danh_gia.nhom_xa))
    else:
        vung = None
    by_slug = {(tc.ma, ct.ma): ct for tc in danh_gia.tieu_chi for ct in tc.chi_tieu}
    indicators: list[tuple[int, float | None, float | None, str | None]] = []
    for spec in summary.chi_tieu:
        found = by_slug.get((spec.tieu_chi, spec.ma))
        if found is None:
            indicators.append((CT_THIEU_SO_LIEU, None, None, None))
            continue
        level, source = _muc(found)
        indicators.append((ma_chi_tieu(found), _so(found), level, source))
    by_criterion = {tc.ma: tc for tc in danh_gia.tieu_chi}
    return TomTat(
        result.file, loi, canh_bao, False, where.tinh, where.huyen, where.xa, plan.nam, vung, cong_nhan, summary,
        tieu_chi=bytes(ma_tieu_chi(by_criterion[ma]) for ma, _, _ in summary.tieu_chi),
        chi_tieu=tuple(indicators),
    )
