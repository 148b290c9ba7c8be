"""The province's indicators laid out: communes at each standard by year, averages and bands, by group.

The figures and their denominators are ntm.tong_hop's (`dat_chuan`,
`binh_quan`, `theo_nhom`); here they become columns with Vietnamese headings
that name each denominator, and notes.
"""

from __future__ import annotations

from ntm.plan.model import ChuanNTM
from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.model import Bang, Cot, Gia, Kieu
from ntm.tong_hop.binh_quan import BinhQuanBoNam
from ntm.tong_hop.chuan import NHOM_19, THU_TU_CHUAN
from ntm.tong_hop.danh_sach_xa import DoiChieuDanhSach
from ntm.tong_hop.dat_chuan import DatChuanNam
from ntm.tong_hop.kinh_phi import NguonNam, NoiNam, TongNam
from ntm.tong_hop.theo_nhom import Nhom, PhanTo, PhanToNam


def cot_dat_chuan() -> list[Cot]:
    """Year and denominator; per standard: recognised, shares; per standard: assessed, meeting all, share."""
    cols: list[Cot] = [Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("so_xa", nhan.SO_XA, Kieu.so_nguyen, 11)]
    for chuan in THU_TU_CHUAN:
        cols += [Cot(f"cong_nhan.{chuan.value}", nhan.cong_nhan(chuan), Kieu.so_nguyen, 11),
                 Cot(f"ty_le_cong_nhan.{chuan.value}", nhan.tl_cong_nhan(chuan), Kieu.ty_le, 12)]
        if chuan is not ChuanNTM.ntm:
            cols.append(Cot(f"ty_le_cong_nhan_tren_ntm.{chuan.value}", nhan.tl_cong_nhan_ntm(chuan), Kieu.ty_le, 12))
    for chuan in THU_TU_CHUAN:
        cols += [Cot(f"danh_gia.{chuan.value}", nhan.danh_gia_theo(chuan), Kieu.so_nguyen, 11),
                 Cot(f"dat_du.{chuan.value}", nhan.dat_du(chuan), Kieu.so_nguyen, 11),
                 Cot(f"ty_le_dat_du.{chuan.value}", nhan.tl_dat_du(chuan), Kieu.ty_le, 12)]
    cols += [Cot("chua_duy_tri", nhan.CHUA_DUY_TRI, Kieu.so_nguyen, 14),
             Cot("so_xa_so_sanh", nhan.SO_XA_HAI_NAM, Kieu.so_nguyen, 11),
             Cot("tang_giam_cong_nhan_ntm", nhan.TG_CONG_NHAN_NTM, Kieu.tang_giam_nguyen, 12)]
    return cols


def dong_dat_chuan(r: DatChuanNam) -> tuple[Gia, ...]:
    line: list[Gia] = [r.nam, r.so_xa]
    for c in r.theo_chuan:
        line += [c.cong_nhan.tu_so, c.cong_nhan.gia_tri]
        if c.cong_nhan_tren_ntm is not None:
            line.append(c.cong_nhan_tren_ntm.gia_tri)
    for c in r.theo_chuan:
        line += [c.dat_du.mau_so, c.dat_du.tu_so, c.dat_du.gia_tri]
    return (*line, r.chua_duy_tri, r.thay_doi_ntm.so_xa if r.thay_doi_ntm else None, r.tang_giam_cong_nhan_ntm)


def dat_chuan(rows: tuple[DatChuanNam, ...]) -> Bang:
    """Rows are years: recognised at each standard, then meeting every criterion by the set's standard."""
    notes = [nhan.GC_MAU_SO, nhan.GC_CONG_NHAN, nhan.GC_TANG_GIAM]
    if len({r.so_xa for r in rows}) > 1:
        notes.append(nhan.GC_MAU_SO_DOI.format(chi_tiet="; ".join(f"{r.nam}: {nhan.mat_do(r.so_xa)}" for r in rows)))
    return Bang("dat_chuan", nhan.BANG_CHUAN, nhan.TRANG_CHUAN, tuple(cot_dat_chuan()),
                [dong_dat_chuan(r) for r in rows], tuple(notes))


def cot_nhom() -> list[Cot]:
    cols: list[Cot] = []
    for i, band in enumerate(NHOM_19):
        label = nhan.nhom(band)
        cols += [Cot(f"nhom.{i}.so_xa", nhan.nhom_so(label), Kieu.so_nguyen, 9),
                 Cot(f"nhom.{i}.ty_le", nhan.nhom_ty_le(label), Kieu.ty_le, 10),
                 Cot(f"nhom.{i}.tang_giam", nhan.nhom_tang_giam(label), Kieu.tang_giam_nguyen, 10)]
    return cols


def dong_binh_quan(r: BinhQuanBoNam) -> tuple[Gia, ...]:
    bands: list[Gia] = []
    for band in r.nhom or ():
        bands += [band.so_xa.tu_so, band.so_xa.gia_tri, band.tang_giam]
    if r.nhom is None:
        bands = [None] * (3 * len(NHOM_19))
    return (r.bo.ten_ngan, r.nam, r.bo.so_tieu_chi, r.so_xa, r.cong_nhan.tu_so, r.cong_nhan.gia_tri, r.chua_du,
            r.binh_quan.so_xa, r.binh_quan.tong, r.binh_quan.gia_tri,
            r.thay_doi.so_xa if r.thay_doi else None, r.tang_giam, r.nam_goc,
            r.tu_nam_goc.so_xa if r.tu_nam_goc else None, r.tu_nam_goc.tang_giam if r.tu_nam_goc else None,
            *bands, r.duoi_san)


def binh_quan(rows: tuple[BinhQuanBoNam, ...]) -> Bang:
    """Rows are (set, year): the average number of criteria met and the bands over the communes whose
    criteria can all be assessed, the others counted apart, recognition beside, changes over the same communes."""
    cols = [Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("so_tieu_chi", nhan.SO_TC_BO, Kieu.so_nguyen, 8), Cot("so_xa", nhan.SO_XA_BO, Kieu.so_nguyen, 10),
            Cot("cong_nhan", nhan.XA_CONG_NHAN_BO, Kieu.so_nguyen, 10),
            Cot("ty_le_cong_nhan", nhan.TL_CONG_NHAN_CHUAN_BO, Kieu.ty_le, 10),
            Cot("chua_du_du_lieu", nhan.CHUA_DU, Kieu.so_nguyen, 12),
            Cot("so_xa_danh_gia_du", nhan.SO_XA_DU, Kieu.so_nguyen, 12),
            Cot("tong_tieu_chi_dat", nhan.TONG_TC_DAT, Kieu.so_nguyen, 10),
            Cot("binh_quan", nhan.BINH_QUAN, Kieu.so_thap_phan, 10),
            Cot("so_xa_so_sanh", nhan.SO_XA_SO_SANH, Kieu.so_nguyen, 11),
            Cot("tang_giam_binh_quan", nhan.TG_BINH_QUAN, Kieu.tang_giam, 11),
            Cot("nam_goc", nhan.NAM_GOC, Kieu.nam, 9), Cot("so_xa_so_sanh_goc", nhan.SO_XA_SO_SANH_GOC, Kieu.so_nguyen, 11),
            Cot("tang_giam_tu_nam_goc", nhan.TG_TU_NAM_GOC, Kieu.tang_giam, 11),
            *cot_nhom(), Cot("duoi_15", nhan.DUOI_15, Kieu.so_nguyen, 10)]
    return Bang("binh_quan", nhan.BANG_BINH_QUAN, nhan.TRANG_BINH_QUAN, tuple(cols), [dong_binh_quan(r) for r in rows],
                (nhan.GC_CHUA_DU, nhan.GC_NHOM_19, nhan.GC_TANG_GIAM))


def ten_nhom(g: Nhom) -> str:
    """A group's name; a district with its province when several provinces are reported."""
    assert g.ten is not None
    return f"{g.ten} ({g.tinh})" if g.phan_to is PhanTo.huyen and g.tinh else g.ten


def theo_nhom(blocks: tuple[PhanToNam, ...]) -> Bang:
    """Rows are (set, year, grouping, group): province (when several), old district, region or group."""
    cols = (Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("phan_to", nhan.PHAN_TO, Kieu.chu, 12), Cot("nhom", nhan.TEN_NHOM, Kieu.chu, 24),
            Cot("so_xa", nhan.SO_XA_NHOM, Kieu.so_nguyen, 10), Cot("chua_du_du_lieu", nhan.CHUA_DU, Kieu.so_nguyen, 12),
            Cot("binh_quan", nhan.BINH_QUAN, Kieu.so_thap_phan, 10),
            Cot("dat_du", nhan.XA_DAT_DU, Kieu.so_nguyen, 10), Cot("ty_le_dat_du", nhan.TL_DAT_DU, Kieu.ty_le, 10),
            Cot("cong_nhan", nhan.XA_CONG_NHAN_BO, Kieu.so_nguyen, 10),
            Cot("ty_le_cong_nhan", nhan.TL_CONG_NHAN_BO, Kieu.ty_le, 10), Cot("duoi_15", nhan.DUOI_15, Kieu.so_nguyen, 10))
    body: list[tuple[Gia, ...]] = []
    for block in blocks:
        named = sorted(((ten_nhom(g.nhom), g) for g in block.nhom), key=lambda pair: pair[0].casefold())
        body += [(block.bo.ten_ngan, block.nam, nhan.PHAN_TO_TEN[block.phan_to], name, g.so_xa, g.chua_du,
                  g.binh_quan.gia_tri,
                  g.dat_du.tu_so, g.dat_du.gia_tri, g.cong_nhan.tu_so, g.cong_nhan.gia_tri, g.duoi_san)
                 for name, g in named]
    return Bang("theo_nhom", nhan.BANG_NHOM, nhan.TRANG_NHOM, cols, body, (nhan.GC_HUYEN, nhan.GC_CHUA_DU))


# ----------------------------------------------------------------------------- the official list


def danh_sach_nam(ds: DoiChieuDanhSach) -> Bang:
    """Rows are years: communes with a plan, recognised NTM and meeting every criterion, over the official total."""
    cols = (Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("so_xa_danh_sach", nhan.DS_TONG, Kieu.so_nguyen, 11),
            Cot("co_ke_hoach", nhan.DS_CO_KE_HOACH, Kieu.so_nguyen, 11), Cot("ty_le_co_ke_hoach", nhan.DS_TL, Kieu.ty_le, 11),
            Cot("chua_co_ke_hoach", nhan.DS_CHUA_CO, Kieu.so_nguyen, 11),
            Cot("cong_nhan_ntm", nhan.DS_CONG_NHAN, Kieu.so_nguyen, 11), Cot("ty_le_cong_nhan_ntm", nhan.DS_TL, Kieu.ty_le, 11),
            Cot("dat_du", nhan.DS_DAT_DU, Kieu.so_nguyen, 11), Cot("ty_le_dat_du", nhan.DS_TL, Kieu.ty_le, 11))
    body: list[tuple[Gia, ...]] = [
        (r.nam, ds.tong, r.co_ke_hoach.tu_so, r.co_ke_hoach.gia_tri, ds.tong - r.co_ke_hoach.tu_so,
         r.cong_nhan_ntm.tu_so, r.cong_nhan_ntm.gia_tri, r.dat_du.tu_so, r.dat_du.gia_tri)
        for r in ds.theo_nam]
    return Bang("danh_sach", nhan.BANG_DANH_SACH, nhan.TRANG_DANH_SACH, cols, body, (nhan.GC_DANH_SACH,))


def chua_co_ke_hoach(ds: DoiChieuDanhSach, latest: int | None) -> Bang:
    cols = (Cot("ma_xa", nhan.MA_XA, Kieu.chu, 8), Cot("xa", nhan.XA, Kieu.chu, 18), Cot("huyen", nhan.HUYEN, Kieu.chu, 14),
            Cot("vung", nhan.VUNG, Kieu.chu, 16), Cot("nam_cong_nhan", nhan.DS_NAM_CONG_NHAN, Kieu.nam, 9),
            Cot("tinh_trang", nhan.DS_TINH_TRANG, Kieu.chu, 20), Cot("nam_co_ke_hoach", nhan.DS_NAM_CO, Kieu.chu, 16))
    state = nhan.CHUA_CO_KE_HOACH if latest is None else f"{nhan.CHUA_CO_KE_HOACH} năm {latest}"
    body: list[tuple[Gia, ...]] = [
        (m.xa.ma_xa, m.xa.ten_xa, m.xa.huyen_cu, m.xa.vung_hoac_nhom, m.xa.nam_cong_nhan, state,
         ", ".join(str(y) for y in m.nam_co_ke_hoach) or None)
        for m in ds.chua_co_ke_hoach]
    return Bang("chua_co_ke_hoach", nhan.BANG_CHUA_CO, nhan.TRANG_CHUA_CO, cols, body)


def ngoai_danh_sach(ds: DoiChieuDanhSach) -> Bang:
    cols = (Cot("tinh", nhan.TINH, Kieu.chu, 14), Cot("huyen", nhan.HUYEN, Kieu.chu, 14), Cot("xa", nhan.XA, Kieu.chu, 16),
            Cot("ma_xa", nhan.MA_XA, Kieu.chu, 8), Cot("cac_nam", nhan.DS_CAC_NAM, Kieu.chu, 16),
            Cot("ly_do", nhan.DS_LY_DO, Kieu.chu, 30), Cot("tep", nhan.TEP, Kieu.chu, 30))
    body: list[tuple[Gia, ...]] = [
        (o.dong.tom.tinh, o.dong.tom.huyen, o.dong.tom.xa, o.dong.tom.ma_xa, ", ".join(str(y) for y in o.cac_nam),
         nhan.DS_NHIEU if o.nhieu else nhan.DS_KHONG_CO, o.dong.tom.tep)
        for o in ds.ngoai_danh_sach]
    return Bang("ngoai_danh_sach", nhan.BANG_NGOAI, nhan.TRANG_NGOAI, cols, body)


# ----------------------------------------------------------------------------- funding and places


def kinh_phi(sources: tuple[NguonNam, ...], totals: tuple[TongNam, ...]) -> Bang:
    """Rows are (year, source), then each year's declared totals: sums over the plans that give them."""
    cols = (Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("nguon", nhan.KP_NGUON, Kieu.chu, 30),
            Cot("so_ke_hoach", nhan.KP_SO_KE_HOACH, Kieu.so_nguyen, 11),
            Cot("co_so_tien", nhan.KP_CO_SO_TIEN, Kieu.so_nguyen, 11),
            Cot("so_ke_hoach_trong_nam", nhan.KP_MAU_SO, Kieu.so_nguyen, 11),
            Cot("so_tien", nhan.KP_SO_TIEN, Kieu.so_nguyen, 18))
    body: list[tuple[Gia, ...]] = []
    by_year = {t.nam: t for t in totals}
    for year in sorted({s.nam for s in sources} | set(by_year)):
        body += [(s.nam, s.nguon, s.so_ke_hoach, s.co_so_tien, s.mau_so, s.so_tien) for s in sources if s.nam == year]
        if year in by_year:
            t = by_year[year]
            body.append((t.nam, nhan.KP_TONG, t.co_tong, t.co_tong, t.mau_so, t.tong))
    return Bang("kinh_phi", nhan.BANG_KINH_PHI, nhan.TRANG_KINH_PHI, cols, body, (nhan.GC_KINH_PHI,))


def muc_tieu_noi(rows: tuple[NoiNam, ...]) -> Bang:
    cols = (Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("loai", nhan.NOI_LOAI, Kieu.chu, 26),
            Cot("so_noi", nhan.NOI_SO, Kieu.so_nguyen, 10), Cot("so_xa", nhan.NOI_SO_XA, Kieu.so_nguyen, 10),
            Cot("so_xa_co_ke_hoach", nhan.KP_MAU_SO, Kieu.so_nguyen, 11))
    body: list[tuple[Gia, ...]] = [(r.nam, nhan.LOAI_NOI.get(r.loai, r.loai), r.so_noi, r.so_xa, r.mau_so) for r in rows]
    return Bang("muc_tieu_noi", nhan.BANG_NOI, nhan.TRANG_NOI, cols, body, (nhan.GC_NOI,))
