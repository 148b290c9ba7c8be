"""The aggregated figures -> the report's view model: the matrix, the criteria, the indicators, the charts.

The figures are ntm.tong_hop's (computed once, as data); this module and its
siblings only lay them out as tables and charts and word them with `nhan`:
the KPI tables are `kpi`'s, the progress table `tien_do`'s, the scope and the
files left out `pham_vi`'s.
"""

from __future__ import annotations

from ntm.catalog import DoTinCay, LoaiChiTieu
from ntm.catalog.thresholds import NguonYeuCau, YeuCau
from ntm.present import wording
from ntm.present.bao_cao import kpi, nhan, pham_vi, tien_do
from ntm.present.bao_cao.model import (
    CELLS,
    Bang,
    BaoCao,
    BieuDo,
    BieuDoCot,
    BieuDoDuong,
    BieuDoNhiet,
    Cot,
    Gia,
    Kieu,
    Phan,
)
from ntm.present.numbers import so as so_chu
from ntm.tong_hop.binh_quan import binh_quan
from ntm.tong_hop.chuan import cong_nhan_den, nhom_19
from ntm.tong_hop.gop import Dong
from ntm.tong_hop.ket_qua import TongHopBaoCao
from ntm.tong_hop.theo_nhom import Nhom, PhanTo, chia_nhom
from ntm.tong_hop.theo_tieu_chi import ChiTieuNam, ty_le_dat
from ntm.tong_hop.tom_tat import BoTomTat, NguonMuc

MAX_HANG_NHIET = 300  # heat-map rows; above this, communes are grouped (docs/report.md)


def chuan_cua(bo: BoTomTat) -> str:
    return nhan.CHUAN[bo.chuan] if bo.chuan is not None else nhan.CHUAN_KHONG_RO


def cong_nhan_text(d: Dong) -> str | None:
    best = cong_nhan_den(d.tom.cong_nhan, d.nam)
    return f"{nhan.CHUAN[best[0]]} ({best[1]})" if best else None


def ten_trang(bo: BoTomTat) -> str:
    """The matrix's sheet: "Ma trận xã NTM 2021-2025"; the spreadsheet writer makes it a valid, unique sheet name."""
    return f"{nhan.TRANG_MA_TRAN} {bo.ten_ngan.removeprefix(nhan.TIEN_TO_BO)}"


# ----------------------------------------------------------------------------- 1. the matrix


def ma_tran(bo: BoTomTat, rows: list[Dong], sheet: str) -> Bang:
    criteria = [Cot(f"tc.{ma}", nhan.tieu_chi_cot(so, ten), Kieu.trang_thai, 14) for ma, so, ten in bo.tieu_chi]
    cols = (
        Cot("stt", nhan.STT, Kieu.so_nguyen, 6), Cot("tinh", nhan.TINH, Kieu.chu, 14),
        Cot("huyen", nhan.HUYEN, Kieu.chu, 14), Cot("xa", nhan.XA, Kieu.chu, 16),
        Cot("vung", nhan.VUNG, Kieu.chu, 16), Cot("nam", nhan.NAM, Kieu.nam, 7), *criteria,
        Cot("so_dat", nhan.SO_DAT, Kieu.so_nguyen, 9), Cot("so_tu_danh_gia", nhan.SO_TDG, Kieu.so_nguyen, 9),
        Cot("so_chua_dat", nhan.SO_CHUA_DAT, Kieu.so_nguyen, 9), Cot("so_chua_danh_gia", nhan.SO_CDD, Kieu.so_nguyen, 9),
        Cot("nhom", nhan.NHOM_TC, Kieu.chu, 12), Cot("chuan", nhan.CHUAN_HUONG_TOI, Kieu.chu, 12),
        Cot("cong_nhan", nhan.CONG_NHAN, Kieu.chu, 14), Cot("ma_xa", nhan.MA_XA, Kieu.chu, 8),
        Cot("tep", nhan.TEP, Kieu.chu, 30),
    )
    chuan = chuan_cua(bo)

    def band(d: Dong) -> str | None:
        found = nhom_19(d.so_dat, bo.so_tieu_chi)
        if found is None:
            return None
        return nhan.nhom(found) if d.danh_gia_du else nhan.CHUA_DU_NHOM

    body = [
        (k, d.tom.tinh, d.tom.huyen, d.tom.xa, d.tom.vung, d.nam, *(CELLS[c] for c in d.tom.tieu_chi),
         d.so_dat, d.so_tdg, d.so_chua_dat, d.so_cdd, band(d), chuan, cong_nhan_text(d), d.tom.ma_xa, d.tom.tep)
        for k, d in enumerate(rows, 1)
    ]
    return Bang("ma_tran", f"{nhan.BANG_MA_TRAN} — {bo.ten_ngan}", sheet,
                cols, body, (f"{nhan.BO}: {bo.ten_ngan} ({bo.can_cu})",), bo.ma, co_dinh=6)


# ----------------------------------------------------------------------------- 2. per criterion


def theo_tieu_chi(th: TongHopBaoCao) -> Bang:
    cols = (
        Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
        Cot("so", nhan.SO_HIEU, Kieu.chu, 5), Cot("tieu_chi", nhan.TIEU_CHI, Kieu.chu, 28),
        Cot("xa_chua_dat", nhan.XA_CHUA_DAT, Kieu.so_nguyen, 10), Cot("ty_le_chua_dat", nhan.TL_CHUA_DAT, Kieu.ty_le, 12),
        Cot("so_xa", nhan.XA_DANH_GIA, Kieu.so_nguyen, 10), Cot("xa_dat", nhan.XA_DAT, Kieu.so_nguyen, 9),
        Cot("xa_dat_tu_danh_gia", nhan.XA_DAT_TDG, Kieu.so_nguyen, 10), Cot("xa_chua_danh_gia", nhan.XA_CDD, Kieu.so_nguyen, 10),
        Cot("xep_hang", nhan.XEP_HANG, Kieu.so_nguyen, 9), Cot("so_xa_so_sanh", nhan.SO_XA_HAI_NAM, Kieu.so_nguyen, 10),
        Cot("tang_giam_chua_dat", nhan.TG_CHUA_DAT, Kieu.tang_giam_nguyen, 11),
        Cot("chi_tieu_chua_dat", nhan.CT_CHUA_DAT_NHIEU, Kieu.chu, 30),
    )
    body: list[tuple[Gia, ...]] = []
    for r in th.theo_tieu_chi:
        _, so, ten = r.bo.tieu_chi[r.vi_tri]
        worst = "; ".join(f"{spec.so or spec.ma} ({nhan.mat_do(n)})" for spec, n in r.chi_tieu_chua_dat[:3])
        body.append((r.bo.ten_ngan, r.nam, so, ten, r.chua_dat.tu_so, r.chua_dat.gia_tri, r.chua_dat.mau_so, r.dat,
                     r.dat_tu_danh_gia, r.chua_danh_gia_duoc, r.xep_hang, r.thay_doi.so_xa if r.thay_doi else None,
                     r.tang_giam_chua_dat, worst or None))
    return Bang("theo_tieu_chi", nhan.BANG_TIEU_CHI, nhan.TRANG_TIEU_CHI, cols, body, (nhan.GC_TANG_GIAM,))


def nguon_muc(source: NguonMuc) -> str:
    """Where a level comes from, as `check` says it."""
    return wording.nguon_yeu_cau(YeuCau(LoaiChiTieu.toi_thieu, None, source.nguon, source.trich_dan,
                                        source.do_tin_cay))


def muc_text(r: ChiTieuNam) -> str | None:
    """The levels applied, each with its communes: "≥ 75% (120 xã); ≥ 80% (30 xã)"."""
    kind, unit = r.chi_tieu.loai, r.chi_tieu.don_vi
    if kind is LoaiChiTieu.dat:
        return wording.yeu_cau(YeuCau(kind, None, NguonYeuCau.bo_tieu_chi, "", DoTinCay.U), unit)
    return "; ".join(f"{wording.muc(kind, value, unit)} ({nhan.mat_do(n)})" for value, n in r.muc) or None


def chi_tieu(th: TongHopBaoCao) -> Bang:
    cols = (
        Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
        Cot("tieu_chi", nhan.TIEU_CHI, Kieu.chu, 6), Cot("so", nhan.SO_HIEU, Kieu.chu, 6),
        Cot("chi_tieu", nhan.CHI_TIEU, Kieu.chu, 34), Cot("don_vi", nhan.DON_VI, Kieu.chu, 8),
        Cot("xa_co_so_lieu", nhan.XA_CO_SO_LIEU, Kieu.so_nguyen, 9), Cot("nho_nhat", nhan.NHO_NHAT, Kieu.so_thap_phan, 9),
        Cot("trung_vi", nhan.TRUNG_VI, Kieu.so_thap_phan, 9), Cot("lon_nhat", nhan.LON_NHAT, Kieu.so_thap_phan, 9),
        Cot("muc_yeu_cau", nhan.MUC_YEU_CAU, Kieu.chu, 20), Cot("xa_chua_dat", nhan.XA_DUOI_MUC, Kieu.so_nguyen, 9),
        Cot("xa_chua_co_muc", nhan.XA_CHUA_CO_MUC, Kieu.so_nguyen, 10),
        Cot("xa_chua_co_so_lieu", nhan.XA_THIEU_SO_LIEU, Kieu.so_nguyen, 9), Cot("nguon", nhan.NGUON_MUC, Kieu.chu, 30),
    )
    numbers = {(bo.khoa, ma): so for bo in th.bo for ma, so, _ in bo.tieu_chi}
    body: list[tuple[Gia, ...]] = []
    for r in th.theo_chi_tieu:
        spec = r.chi_tieu
        body.append((
            r.bo.ten_ngan, r.nam, numbers.get((r.bo.khoa, spec.tieu_chi)), spec.so, spec.ten, spec.don_vi, r.co_so_lieu, r.nho_nhat, r.trung_vi,
            r.lon_nhat, muc_text(r), r.chua_dat, r.chua_co_muc, r.thieu_so_lieu,
            "; ".join(sorted({nguon_muc(s) for s in r.nguon})) or None,
        ))
    return Bang("chi_tieu", nhan.BANG_CHI_TIEU, nhan.TRANG_CHI_TIEU, cols, body, (nhan.GC_MUC, nhan.GC_TRUNG_VI))


# ----------------------------------------------------------------------------- charts


def bieu_do(th: TongHopBaoCao) -> list[BieuDo]:
    """Bars per set and year (unmet, with the communes that cannot be assessed stacked on them, over the set's
    communes that year); a line chart per number of criteria (sets of 19 and of 10 never share an axis);
    a heat map per set for its latest year."""
    charts: list[BieuDo] = []
    for bo in th.bo:
        for year in sorted(th.nam_cua(bo), reverse=True):
            ranked = [r for r in th.theo_tieu_chi if r.bo.khoa == bo.khoa and r.nam == year]
            n = len(th.theo_bo_nam[(bo.khoa, year)])
            charts.append(BieuDoCot(
                f"chua_dat.{bo.ma}.{year}", nhan.BD_CHUA_DAT_NAM.format(bo=bo.ten_ngan, nam=year, n=so_chu(n)),
                tuple(nhan.tieu_chi_cot(*bo.tieu_chi[r.vi_tri][1:]) for r in ranked),
                tuple(r.chua_dat.tu_so for r in ranked), nhan.TRUC_SO_XA,
                chong=((nhan.CHUOI_CHUA_DANH_GIA, tuple(r.chua_danh_gia_duoc for r in ranked)),),
                ten_gia_tri=nhan.CHUOI_CHUA_DAT, toi_da=n))
    averages = {(r.bo.khoa, r.nam): r.binh_quan.gia_tri for r in th.binh_quan}
    for size in sorted({bo.so_tieu_chi for bo in th.bo}, reverse=True):
        sets = [bo for bo in th.bo if bo.so_tieu_chi == size]
        years = tuple(y for y in th.nam if any((bo.khoa, y) in th.theo_bo_nam for bo in sets))
        lines = tuple((bo.ten_ngan, tuple(averages.get((bo.khoa, y)) for y in years)) for bo in sets)
        charts.append(BieuDoDuong(f"binh_quan.{size}", nhan.BD_BINH_QUAN_BO.format(n=size), years, lines,
                                  nhan.TRUC_BINH_QUAN, toi_da=size))
    for bo in th.bo:
        year = max(th.nam_cua(bo))
        charts.append(nhiet(bo, year, th.theo_bo_nam[(bo.khoa, year)]))
    return charts


def ten_nhom_nhiet(g: Nhom) -> str:
    if g.ten is None:
        return nhan.KHONG_CO_HUYEN
    return f"{g.ten}, {g.tinh}" if g.phan_to is PhanTo.huyen else g.ten


def nhom_nhiet(rows: list[Dong]) -> tuple[PhanTo, dict[Nhom, list[Dong]]]:
    """The finest grouping with few enough groups for a readable heat map: district, province, region."""
    grouped: dict[Nhom, list[Dong]] = {}
    for phan_to in PhanTo:
        grouped = chia_nhom(rows, phan_to, kem_tinh=True)
        if len(grouped) <= MAX_HANG_NHIET:
            return phan_to, grouped
    return PhanTo.vung, grouped


def nhiet(bo: BoTomTat, year: int, rows: list[Dong]) -> BieuDoNhiet:
    title = nhan.BD_NHIET.format(bo=bo.ten_ngan, nam=year)
    cols = tuple(so for _, so, _ in bo.tieu_chi)
    if len(rows) <= MAX_HANG_NHIET:
        ordered = sorted(rows, key=lambda d: (-d.so_dat, d.khoa))
        return BieuDoNhiet(f"ma_tran.{bo.ma}", title, tuple(d.tom.xa or "" for d in ordered), cols,
                           tuple(tuple(float(c) for c in d.tom.tieu_chi) for d in ordered), ty_le=False)
    phan_to, grouped = nhom_nhiet(rows)
    averages = {g: binh_quan(plans).gia_tri or 0.0 for g, plans in grouped.items()}
    groups = sorted(grouped, key=lambda g: -averages[g])[:MAX_HANG_NHIET]  # the best groups first
    shares = tuple(tuple(s.gia_tri or 0.0 for s in ty_le_dat(grouped[g], bo.so_tieu_chi)) for g in groups)
    return BieuDoNhiet(f"ma_tran.{bo.ma}", title, tuple(ten_nhom_nhiet(g) for g in groups), cols, shares, ty_le=True,
                       ghi_chu=nhan.HEAT_GOP.format(toi_da=MAX_HANG_NHIET, phan_to=nhan.PHAN_TO_TEN[phan_to]))


# ----------------------------------------------------------------------------- the whole report


def bao_cao(th: TongHopBaoCao) -> BaoCao:
    matrices = tuple(ma_tran(bo, th.cua_bo(bo), ten_trang(bo)) for bo in th.bo)
    charts = bieu_do(th) if th.bo else []
    problems = pham_vi.van_de(th.gop)
    sections = (
        Phan("ma_tran", nhan.PHAN_MA_TRAN, nhan.MO_TA_MA_TRAN, matrices,
             tuple(c for c in charts if isinstance(c, BieuDoNhiet))),
        Phan("theo_tieu_chi", nhan.PHAN_TIEU_CHI, nhan.MO_TA_TIEU_CHI, (theo_tieu_chi(th), chi_tieu(th)),
             tuple(c for c in charts if isinstance(c, BieuDoCot))),
        Phan("chi_so", nhan.PHAN_CHI_SO, nhan.MO_TA_CHI_SO,
             (*((kpi.danh_sach_nam(th.danh_sach),) if th.danh_sach else ()),
              kpi.dat_chuan(th.dat_chuan), kpi.binh_quan(th.binh_quan), kpi.theo_nhom(th.theo_nhom),
              kpi.kinh_phi(th.kinh_phi, th.kinh_phi_tong), kpi.muc_tieu_noi(th.muc_tieu_noi)),
             tuple(c for c in charts if isinstance(c, BieuDoDuong))),
        Phan("tien_do", nhan.PHAN_TIEN_DO, nhan.MO_TA_TIEN_DO,
             (tien_do.tien_do(th.tien_do), tien_do.ke_hoach_thuc_hien(th.ke_hoach_thuc_hien),
              tien_do.mat_tieu_chi(th.mat_tieu_chi))),
        Phan("van_de", nhan.PHAN_VAN_DE, nhan.MO_TA_VAN_DE, (
            problems, pham_vi.dinh_danh(th.gop), pham_vi.khong_phai_xa(th.gop),
            *((kpi.chua_co_ke_hoach(th.danh_sach, th.nam[-1] if th.nam else None), kpi.ngoai_danh_sach(th.danh_sach))
              if th.danh_sach else ()))),
    )
    return BaoCao(pham_vi.tieu_de(th), pham_vi.pham_vi(th), sections, nhan.DINH_NGHIA, len(problems.dong))
