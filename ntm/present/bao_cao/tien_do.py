"""The progress (tiến độ) table: each commune's criteria met over the years, gained and lost.

The steps are ntm.tong_hop.tien_do's; here they become rows with their notes.
"""

from __future__ import annotations

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.model import Bang, Cot, Gia, Kieu
from ntm.tong_hop.gop import Dong
from ntm.tong_hop.tien_do import BuocTienDo, LoaiBuoc


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
            Cot("moi_dat", nhan.MOI_DAT, Kieu.chu, 18), Cot("khong_con_dat", nhan.KHONG_CON_DAT, Kieu.chu, 18),
            Cot("ghi_chu", nhan.GHI_CHU, Kieu.chu, 30))
    body: list[tuple[Gia, ...]] = []
    for b in steps:
        d = b.dong
        body.append((d.tom.tinh, d.tom.huyen, d.tom.xa, d.tom.ma_xa, d.nam, d.bo.ten_ngan, d.so_dat, b.tang_giam,
                     ", ".join(b.moi_dat) or None, ", ".join(b.khong_con_dat) or None, ghi_chu(b)))
    return Bang("tien_do", nhan.BANG_TIEN_DO, nhan.TRANG_TIEN_DO, cols, body)
