"""The progress (tiến độ) table: each commune's criteria met over the years, gained and lost.

The steps are ntm.tong_hop.tien_do's; here they become rows with their notes.
"""

from __future__ import annotations

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.model import Bang, Cot, Gia, Kieu
from ntm.tong_hop.gop import Dong
from ntm.tong_hop.tien_do import BuocTienDo, KeHoachThucHien, LoaiBuoc, MatTieuChi


def ten_xa(d: Dong) -> str:
    """A commune as the notes name it: "xã An Bình (19300)"."""
    return f"{d.tom.xa}" + (f" ({d.tom.ma_xa})" if d.tom.ma_xa else "")


def ghi_chu(b: BuocTienDo) -> str | None:
    notes: list[str] = []
    if b.loai is LoaiBuoc.nam_dau:
        notes.append(nhan.NAM_DAU)
    elif b.loai is LoaiBuoc.hop_nhat:
        notes.append(nhan.HOP_NHAT_TU.format(cac_xa=", ".join(ten_xa(d) for d in b.tien_than)))
    elif b.loai is LoaiBuoc.doi_bo and b.truoc is not None:
        notes.append(nhan.DOI_BO.format(cu=b.truoc.bo.ten_ngan, moi=b.dong.bo.ten_ngan))
    if b.hop_nhat_vao is not None:
        notes.append(nhan.HOP_NHAT_VAO.format(xa=ten_xa(b.hop_nhat_vao), nam=b.hop_nhat_vao.nam))
    return "; ".join(notes) or None


def tien_do(steps: tuple[BuocTienDo, ...]) -> Bang:
    """Communes with plans in two years or more; rows by commune, then year."""
    cols = (Cot("tinh", nhan.TINH, Kieu.chu, 14), Cot("huyen", nhan.HUYEN, Kieu.chu, 14), Cot("xa", nhan.XA, Kieu.chu, 16),
            Cot("ma_xa", nhan.MA_XA, Kieu.chu, 8), Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22),
            Cot("so_dat", nhan.SO_DAT, Kieu.so_nguyen, 9), Cot("tang_giam", nhan.TG_SO_DAT, Kieu.tang_giam_nguyen, 9),
            Cot("muc_tieu_nam_truoc", nhan.MUC_TIEU_TRUOC, Kieu.so_nguyen, 10),
            Cot("dat_muc_tieu", nhan.DAT_MUC_TIEU, Kieu.chu, 10),
            Cot("moi_dat", nhan.MOI_DAT, Kieu.chu, 18), Cot("khong_con_dat", nhan.KHONG_CON_DAT, Kieu.chu, 18),
            Cot("ghi_chu", nhan.GHI_CHU, Kieu.chu, 30))
    body: list[tuple[Gia, ...]] = []
    for b in steps:
        d = b.dong
        reached = b.dat_muc_tieu
        body.append((d.tom.tinh, d.tom.huyen, d.tom.xa, d.tom.ma_xa, d.nam, d.bo.ten_ngan, d.so_dat, b.tang_giam,
                     b.muc_tieu, None if reached is None else nhan.DAT_MT[reached],
                     ", ".join(b.moi_dat) or None, ", ".join(b.khong_con_dat) or None, ghi_chu(b)))
    return Bang("tien_do", nhan.BANG_TIEN_DO, nhan.TRANG_TIEN_DO, cols, body)


MAX_TEN_XA = 30  # communes named in one cell; the others counted


def mat_tieu_chi(rows: tuple[MatTieuChi, ...]) -> Bang:
    """Communes that lost a criterion since the year before, by criterion."""
    cols = (Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("so", nhan.SO_HIEU, Kieu.chu, 5), Cot("tieu_chi", nhan.TIEU_CHI, Kieu.chu, 28),
            Cot("so_xa_khong_con_dat", nhan.SO_XA_MAT, Kieu.so_nguyen, 10),
            Cot("so_xa_so_sanh", nhan.SO_XA_HAI_NAM, Kieu.so_nguyen, 10),
            Cot("ty_le", nhan.TL_MAT, Kieu.ty_le, 10), Cot("cac_xa", nhan.CAC_XA, Kieu.chu, 40))
    body: list[tuple[Gia, ...]] = []
    for r in rows:
        _, so, ten = r.bo.tieu_chi[r.vi_tri]
        names = [ten_xa(d) for d in r.xa[:MAX_TEN_XA]]
        if len(r.xa) > MAX_TEN_XA:
            names.append(nhan.VA_XA_KHAC.format(so_xa=len(r.xa) - MAX_TEN_XA))
        body.append((r.bo.ten_ngan, r.nam, so, ten, len(r.xa), r.so_xa_so_sanh,
                     len(r.xa) / r.so_xa_so_sanh if r.so_xa_so_sanh else None, "; ".join(names)))
    return Bang("mat_tieu_chi", nhan.BANG_MAT, nhan.TRANG_MAT, cols, body, (nhan.GC_MAT,))


def ke_hoach_thuc_hien(rows: tuple[KeHoachThucHien, ...]) -> Bang:
    """Per set and year: communes whose plan of the year before set a target, and how many reached it."""
    cols = (Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("co_muc_tieu", nhan.KH_CO_MUC_TIEU, Kieu.so_nguyen, 12), Cot("dat", nhan.KH_DAT, Kieu.so_nguyen, 10),
            Cot("ty_le_dat", nhan.KH_TL, Kieu.ty_le, 10),
            Cot("binh_quan_ke_hoach", nhan.KH_BQ_KE_HOACH, Kieu.so_thap_phan, 11),
            Cot("binh_quan_thuc_hien", nhan.KH_BQ_THUC_HIEN, Kieu.so_thap_phan, 11))
    body: list[tuple[Gia, ...]] = [
        (r.bo.ten_ngan, r.nam, r.co_muc_tieu, r.dat, r.dat / r.co_muc_tieu if r.co_muc_tieu else None,
         r.muc_tieu / r.co_muc_tieu if r.co_muc_tieu else None, r.thuc_hien / r.co_muc_tieu if r.co_muc_tieu else None)
        for r in rows]
    return Bang("ke_hoach_thuc_hien", nhan.BANG_KH_TH, nhan.TRANG_KH_TH, cols, body, (nhan.GC_KH_TH,))
