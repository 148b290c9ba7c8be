"""Gathered plans -> the report's view model: the matrix, the criteria, the indicators, the charts' data.

The KPI tables are ntm.present.bao_cao.kpi's, progress and problems
ntm.present.bao_cao.tien_do's; this module puts the sections together.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from ntm.catalog import DoTinCay, LoaiChiTieu
from ntm.catalog.thresholds import NguonYeuCau, YeuCau
from ntm.present import wording
from ntm.present.bao_cao import kpi, nhan, tien_do
from ntm.present.bao_cao import tom_tat as tt
from ntm.present.bao_cao.gop import Dong, Gop, cong_nhan_den, nhom_19
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
from ntm.present.bao_cao.tom_tat import BoTomTat

MAX_HANG_NHIET = 300  # heat-map rows; above this, communes are grouped (docs/report.md)


def thu_tu_bo(bo: BoTomTat) -> tuple[int, str, str]:
    rank = nhan.THU_TU_CHUAN.index(bo.chuan) if bo.chuan in nhan.THU_TU_CHUAN else len(nhan.THU_TU_CHUAN)
    return rank, bo.ma, bo.khoa


def theo_bo_nam(rows: Iterable[Dong]) -> dict[tuple[str, int], list[Dong]]:
    """Plans by (set, year), in the sets' order then by year."""
    groups: dict[tuple[str, int], list[Dong]] = defaultdict(list)
    for d in rows:
        groups[(d.bo.khoa, d.nam)].append(d)
    return groups


def chuan_cua(bo: BoTomTat) -> str:
    return nhan.CHUAN.get(bo.chuan or "", nhan.CHUAN_KHONG_RO)


def cong_nhan_text(d: Dong) -> str | None:
    best = cong_nhan_den(d.tom, d.nam)
    return f"{nhan.CHUAN[best[0]]} ({best[1]})" if best else None


def ten_trang(bo: BoTomTat, i: int) -> str:
    """The matrix's sheet: "MT xã NTM 2021-2025" (a sheet name has at most 31 characters, none of []:*?/\\)."""
    short = bo.ten_ngan.removeprefix(nhan.TIEN_TO_BO).translate({ord(c): "-" for c in "[]:*?/\\"})
    name = f"{nhan.TRANG_MA_TRAN} {short}"
    return name if len(name) <= 31 else f"{nhan.TRANG_MA_TRAN} ({i})"


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
        Cot("cong_nhan", nhan.CONG_NHAN, Kieu.chu, 14), Cot("tep", nhan.TEP, Kieu.chu, 30),
    )
    n = len(bo.tieu_chi)
    chuan = chuan_cua(bo)
    body = [
        (k, d.tom.tinh, d.tom.huyen, d.tom.xa, d.tom.vung, d.nam, *(CELLS[c] for c in d.tom.tieu_chi),
         d.so_dat, d.so_tdg, d.so_chua_dat, d.so_cdd, nhom_19(d.so_dat, n), chuan, cong_nhan_text(d), d.tom.tep)
        for k, d in enumerate(rows, 1)
    ]
    return Bang("ma_tran", f"{nhan.BANG_MA_TRAN} — {bo.ten_ngan}", sheet,
                cols, body, (f"{nhan.BO}: {bo.ten_ngan} ({bo.can_cu})",), bo.ma, co_dinh=6)


# ----------------------------------------------------------------------------- 2. per criterion


def _xep_hang(values: list[int]) -> list[int]:
    """1 for the most; ties share the better rank."""
    order = sorted(values, reverse=True)
    return [order.index(v) + 1 for v in values]


def theo_tieu_chi(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat]) -> Bang:
    cols = (
        Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
        Cot("so", nhan.SO_HIEU, Kieu.chu, 5), Cot("tieu_chi", nhan.TIEU_CHI, Kieu.chu, 28),
        Cot("xa_chua_dat", nhan.XA_CHUA_DAT, Kieu.so_nguyen, 10), Cot("ty_le_chua_dat", nhan.TL_CHUA_DAT, Kieu.ty_le, 12),
        Cot("so_xa", nhan.XA_DANH_GIA, Kieu.so_nguyen, 10), Cot("xa_dat", nhan.XA_DAT, Kieu.so_nguyen, 9),
        Cot("xa_dat_tu_danh_gia", nhan.XA_DAT_TDG, Kieu.so_nguyen, 10), Cot("xa_chua_danh_gia", nhan.XA_CDD, Kieu.so_nguyen, 10),
        Cot("xep_hang", nhan.XEP_HANG, Kieu.so_nguyen, 9), Cot("tang_giam_chua_dat", nhan.TG_CHUA_DAT, Kieu.tang_giam_nguyen, 11),
        Cot("chi_tieu_chua_dat", nhan.CT_CHUA_DAT_NHIEU, Kieu.chu, 30),
    )
    body: list[tuple[Gia, ...]] = []
    for bo in sets:
        years = sorted((y for k, y in groups if k == bo.khoa), reverse=True)
        for year in years:
            rows = groups[(bo.khoa, year)]
            previous = groups.get((bo.khoa, year - 1))
            unmet = [sum(1 for d in rows if d.tom.tieu_chi[i] in (tt.TC_CHUA_DAT, tt.TC_CHUA_DAT_TDG))
                     for i in range(len(bo.tieu_chi))]
            before = ([sum(1 for d in previous if d.tom.tieu_chi[i] in (tt.TC_CHUA_DAT, tt.TC_CHUA_DAT_TDG))
                       for i in range(len(bo.tieu_chi))] if previous else None)
            ranks = _xep_hang(unmet)
            for i in sorted(range(len(bo.tieu_chi)), key=lambda i: -unmet[i]):
                ma, so, ten = bo.tieu_chi[i]
                met = sum(1 for d in rows if d.tom.tieu_chi[i] in (tt.TC_DAT, tt.TC_DAT_TDG))
                self_met = sum(1 for d in rows if d.tom.tieu_chi[i] == tt.TC_DAT_TDG)
                body.append((
                    bo.ten_ngan, year, so, ten, unmet[i], unmet[i] / len(rows), len(rows), met, self_met,
                    len(rows) - met - unmet[i], ranks[i], unmet[i] - before[i] if before else None,
                    _chi_tieu_chua_dat(bo, ma, rows),
                ))
    return Bang("theo_tieu_chi", nhan.BANG_TIEU_CHI, nhan.TRANG_TIEU_CHI, cols, body, (nhan.GC_TANG_GIAM,))


def _chi_tieu_chua_dat(bo: BoTomTat, ma: str, rows: list[Dong]) -> str | None:
    counts = []
    for j, spec in enumerate(bo.chi_tieu):
        if spec.tieu_chi == ma:
            n = sum(1 for d in rows if d.ct_tt[j] == tt.CT_CHUA_DAT)
            if n:
                counts.append((n, spec.so or spec.ma))
    counts.sort(key=lambda c: -c[0])
    return "; ".join(f"{so} ({nhan.mat_do(n)})" for n, so in counts[:3]) or None


def chi_tieu(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat], levels: list[tuple[float, str]]) -> Bang:
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
    body: list[tuple[Gia, ...]] = []
    for bo in sets:
        numbers = {ma: so for ma, so, _ in bo.tieu_chi}
        for year in sorted((y for k, y in groups if k == bo.khoa), reverse=True):
            rows = groups[(bo.khoa, year)]
            for j, spec in enumerate(bo.chi_tieu):
                statuses = Counter(d.ct_tt[j] for d in rows)
                values = [v for v in (d.ct_gt[j] for d in rows) if not math.isnan(v)]
                used = Counter(d.ct_muc[j] for d in rows if d.ct_muc[j] >= 0)
                body.append((
                    bo.ten_ngan, year, numbers.get(spec.tieu_chi), spec.so, spec.ten,
                    spec.don_vi, statuses[tt.CT_DAT] + statuses[tt.CT_CHUA_DAT] + statuses[tt.CT_CHUA_CO_MUC],
                    min(values) if values else None, statistics.median(values) if values else None,
                    max(values) if values else None, _muc_text(spec.loai, spec.don_vi, used, levels),
                    statuses[tt.CT_CHUA_DAT], statuses[tt.CT_CHUA_CO_MUC], statuses[tt.CT_THIEU_SO_LIEU],
                    "; ".join(sorted({levels[i][1] for i in used if levels[i][1]})) or None,
                ))
    return Bang("chi_tieu", nhan.BANG_CHI_TIEU, nhan.TRANG_CHI_TIEU, cols, body, (nhan.GC_MUC, nhan.GC_TRUNG_VI))


def _muc_text(loai: str, unit: str | None, used: Counter[int], levels: list[tuple[float, str]]) -> str | None:
    kind = LoaiChiTieu(loai)
    if kind is LoaiChiTieu.dat:
        return wording.yeu_cau(YeuCau(kind, None, NguonYeuCau.bo_tieu_chi, "", DoTinCay.U), unit)
    by_level: Counter[float] = Counter()
    for index, n in used.items():
        by_level[levels[index][0]] += n
    if not by_level:
        return None
    return "; ".join(f"{wording.muc(kind, value, unit)} ({nhan.mat_do(n)})" for value, n in sorted(by_level.items()))


# ----------------------------------------------------------------------------- charts' data


def bieu_do(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat], years: list[int]) -> list[BieuDo]:
    charts: list[BieuDo] = []
    for bo in sets:
        year = max(y for k, y in groups if k == bo.khoa)
        rows = groups[(bo.khoa, year)]
        counts = [(sum(1 for d in rows if d.tom.tieu_chi[i] in (tt.TC_CHUA_DAT, tt.TC_CHUA_DAT_TDG)), f"{so}. {ten}")
                  for i, (_, so, ten) in enumerate(bo.tieu_chi)]
        counts.sort(key=lambda c: -c[0])
        charts.append(BieuDoCot(f"chua_dat.{bo.ma}", nhan.BD_CHUA_DAT.format(bo=bo.ten_ngan, nam=year),
                                tuple(c[1] for c in counts), tuple(c[0] for c in counts), nhan.TRUC_SO_XA))
    lines = tuple(
        (bo.ten_ngan, tuple(
            (sum(d.so_dat for d in groups[(bo.khoa, y)]) / len(groups[(bo.khoa, y)])) if (bo.khoa, y) in groups else None
            for y in years))
        for bo in sets
    )
    charts.append(BieuDoDuong("binh_quan", nhan.BD_BINH_QUAN, tuple(years), lines, nhan.TRUC_BINH_QUAN))
    for bo in sets:
        year = max(y for k, y in groups if k == bo.khoa)
        charts.append(_nhiet(bo, year, groups[(bo.khoa, year)]))
    return charts


def _nhom_nhiet(rows: list[Dong]) -> tuple[str, dict[str, list[Dong]]]:
    """The finest grouping with few enough groups for a readable heat map: district, province, region."""
    keys: tuple[tuple[str, Callable[[Dong], str | None]], ...] = (
        (nhan.PT_HUYEN, lambda d: f"{d.tom.huyen}, {d.tom.tinh}" if d.tom.huyen else None),
        (nhan.PT_TINH, lambda d: d.tom.tinh), (nhan.PT_VUNG, lambda d: d.tom.vung))
    grouped: dict[str, list[Dong]] = {}
    for label, key in keys:
        grouped = defaultdict(list)
        for d in rows:
            grouped[key(d) or nhan.KHONG_CO_HUYEN].append(d)
        if len(grouped) <= MAX_HANG_NHIET:
            return label, grouped
    return keys[-1][0], grouped


def _nhiet(bo: BoTomTat, year: int, rows: list[Dong]) -> BieuDoNhiet:
    title = nhan.BD_NHIET.format(bo=bo.ten_ngan, nam=year)
    cols = tuple(so for _, so, _ in bo.tieu_chi)
    if len(rows) <= MAX_HANG_NHIET:
        ordered = sorted(rows, key=lambda d: (-d.so_dat, d.tom.khoa_xa))
        return BieuDoNhiet(f"ma_tran.{bo.ma}", title, tuple(d.tom.xa or "" for d in ordered), cols,
                           tuple(tuple(float(c) for c in d.tom.tieu_chi) for d in ordered), ty_le=False)
    label, grouped = _nhom_nhiet(rows)
    names = sorted(grouped, key=lambda g: -sum(d.so_dat for d in grouped[g]) / len(grouped[g]))[:MAX_HANG_NHIET]
    shares = tuple(
        tuple(sum(1 for d in grouped[g] if d.tom.tieu_chi[i] in (tt.TC_DAT, tt.TC_DAT_TDG)) / len(grouped[g])
              for i in range(len(cols)))
        for g in names
    )
    return BieuDoNhiet(f"ma_tran.{bo.ma}", title, tuple(names), cols, shares, ty_le=True,
                       ghi_chu=nhan.HEAT_GOP.format(toi_da=MAX_HANG_NHIET, phan_to=label))


# ----------------------------------------------------------------------------- the whole report


def bao_cao(gop: Gop) -> BaoCao:
    gop.ket_thuc()
    sets = sorted(gop.bo.values(), key=thu_tu_bo)
    groups = theo_bo_nam(gop.dong)
    sets = [bo for bo in sets if any(k == bo.khoa for k, _ in groups)]
    years = sorted({d.nam for d in gop.dong})
    sheets: list[str] = []
    for i, bo in enumerate(sets, 1):
        name = ten_trang(bo, i)
        taken = name.casefold() in {n.casefold() for n in sheets}  # spreadsheet programs ignore case here
        sheets.append(f"{nhan.TRANG_MA_TRAN} ({i})" if taken else name)  # two sets of one name
    matrices = tuple(ma_tran(bo, [d for d in gop.dong if d.bo.khoa == bo.khoa], sheet)
                     for bo, sheet in zip(sets, sheets, strict=True))
    charts = bieu_do(groups, sets, years) if sets else []
    problems = tien_do.van_de(gop)
    sections = (
        Phan("ma_tran", nhan.PHAN_MA_TRAN, nhan.MO_TA_MA_TRAN, matrices,
             tuple(c for c in charts if isinstance(c, BieuDoNhiet))),
        Phan("theo_tieu_chi", nhan.PHAN_TIEU_CHI, nhan.MO_TA_TIEU_CHI,
             (theo_tieu_chi(groups, sets), chi_tieu(groups, sets, gop.muc)),
             tuple(c for c in charts if isinstance(c, BieuDoCot))),
        Phan("chi_so", nhan.PHAN_CHI_SO, nhan.MO_TA_CHI_SO,
             (kpi.dat_chuan(gop.dong, years), kpi.binh_quan(groups, sets), kpi.theo_nhom(gop.dong, sets)),
             tuple(c for c in charts if isinstance(c, BieuDoDuong))),
        Phan("tien_do", nhan.PHAN_TIEN_DO, nhan.MO_TA_TIEN_DO, (tien_do.tien_do(gop.dong),)),
        Phan("van_de", nhan.PHAN_VAN_DE, nhan.MO_TA_VAN_DE, (problems,)),
    )
    return BaoCao(nhan.TIEU_DE, tien_do.pham_vi(gop, sets, years), sections, nhan.DINH_NGHIA, len(problems.dong))
