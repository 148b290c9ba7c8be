"""Progress of each commune over the years, the files left out, and the report's scope."""

from __future__ import annotations

from itertools import groupby

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao import tom_tat as tt
from ntm.present.bao_cao.gop import Dong, Gop
from ntm.present.bao_cao.model import Bang, Cot, Gia, Kieu
from ntm.present.bao_cao.tom_tat import BoTomTat

_MET = (tt.TC_DAT, tt.TC_DAT_TDG)


def _met(d: Dong) -> set[str]:
    return {so for (_, so, _), code in zip(d.bo.tieu_chi, d.tom.tieu_chi, strict=True) if code in _MET}


def _list(numbers: set[str]) -> str | None:
    def key(so: str) -> tuple[int, str]:
        head = so.split(".")[0]
        return (int(head) if head.isdigit() else 10**6, so)

    return ", ".join(sorted(numbers, key=key)) or None


def tien_do(rows: list[Dong]) -> Bang:
    """Communes with plans in two years or more; rows are sorted by commune, then year."""
    cols = (Cot("tinh", nhan.TINH, Kieu.chu, 14), Cot("huyen", nhan.HUYEN, Kieu.chu, 14), Cot("xa", nhan.XA, Kieu.chu, 16),
            Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22),
            Cot("so_dat", nhan.SO_DAT, Kieu.so_nguyen, 9), Cot("tang_giam", nhan.TG_SO_DAT, Kieu.tang_giam_nguyen, 9),
            Cot("moi_dat", nhan.MOI_DAT, Kieu.chu, 18), Cot("khong_con_dat", nhan.KHONG_CON_DAT, Kieu.chu, 18),
            Cot("ghi_chu", nhan.GHI_CHU, Kieu.chu, 30))
    body: list[tuple[Gia, ...]] = []
    for _, commune in groupby(rows, key=lambda d: d.tom.khoa_xa):
        plans = list(commune)
        if len({d.nam for d in plans}) < 2:
            continue
        before: Dong | None = None
        for d in plans:
            change: int | None = None
            gained = lost = note = None
            if before is None:
                note = nhan.NAM_DAU
            elif before.bo.khoa != d.bo.khoa:
                note = nhan.DOI_BO.format(cu=before.bo.ten_ngan, moi=d.bo.ten_ngan)
            else:
                change = d.so_dat - before.so_dat
                gained, lost = _list(_met(d) - _met(before)), _list(_met(before) - _met(d))
            body.append((d.tom.tinh, d.tom.huyen, d.tom.xa, d.nam, d.bo.ten_ngan, d.so_dat, change, gained, lost, note))
            before = d
    return Bang("tien_do", nhan.BANG_TIEN_DO, nhan.TRANG_TIEN_DO, cols, body)


def van_de(gop: Gop) -> Bang:
    cols = (Cot("tep", nhan.TEP, Kieu.chu, 40), Cot("van_de", nhan.VAN_DE, Kieu.chu, 24),
            Cot("so_loi", nhan.SO_LOI, Kieu.so_nguyen, 8), Cot("so_canh_bao", nhan.SO_CANH_BAO, Kieu.so_nguyen, 8),
            Cot("tinh", nhan.TINH, Kieu.chu, 14), Cot("xa", nhan.XA, Kieu.chu, 16), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("trung_voi", nhan.TRUNG_VOI, Kieu.chu, 40))
    body: list[tuple[Gia, ...]] = []
    for v in gop.van_de:
        t = v.tom
        what = nhan.VD_TRUNG if v.trung_voi else nhan.VD_BO_TIEU_CHI if t.la_bo_tieu_chi else nhan.VD_KHONG_HOP_LE
        body.append((t.tep, what, t.loi, t.canh_bao, t.tinh, t.xa, t.nam, "; ".join(v.trung_voi) or None))
    return Bang("van_de", nhan.BANG_VAN_DE, nhan.TRANG_VAN_DE, cols, body)


def pham_vi(gop: Gop, sets: list[BoTomTat], years: list[int]) -> tuple[tuple[str, str], ...]:
    loc = gop.loc
    filters = []
    if loc.tinh is not None:
        filters.append(f"--tinh {loc.tinh}")
    if loc.nam is not None:
        low, high = loc.nam
        filters.append(f"--nam {low}" if low == high else f"--nam {low}-{high}")
    if loc.bo_tieu_chi is not None:
        filters.append(f"--bo-tieu-chi {loc.bo_tieu_chi}")
    lines = [
        (nhan.PV_TEP, str(gop.so_tep)),
        (nhan.PV_KE_HOACH, str(len(gop.dong))),
        (nhan.PV_XA, str(len({d.tom.khoa_xa for d in gop.dong}))),
        (nhan.PV_NAM, ", ".join(str(y) for y in years) or "—"),
        (nhan.PV_BO, "; ".join(f"{bo.ten_ngan} ({bo.can_cu})" for bo in sets) or "—"),
        (nhan.PV_LOC, ", ".join(filters) or nhan.PV_KHONG_LOC),
        (nhan.PV_VAN_DE, str(len(gop.van_de))),
    ]
    if loc.co_loc and not gop.dong:
        lines.append((nhan.PV_LOC, nhan.PV_KHONG_KHOP))
    return tuple(lines)
