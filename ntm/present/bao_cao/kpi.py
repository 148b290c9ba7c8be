"""The province's indicators: communes at each standard by year, averages and bands, by group.

Definitions (docs/report.md, from shared/reference/report-forms.md §2-§4):
recognised (dia_ban.cong_nhan, nested standards) is kept apart from meeting
every criterion on this year's assessment; every share names its
denominator; the average is criteria met ÷ communes, per set and year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.gop import Dong, da_cong_nhan, nhom_19
from ntm.present.bao_cao.model import Bang, Cot, Gia, Kieu
from ntm.present.bao_cao.tom_tat import BoTomTat


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def dat_chuan(rows: list[Dong], years: list[int]) -> Bang:
    """Rows are years: recognised at each standard, then meeting every criterion by the set's standard."""
    cols: list[Cot] = [Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("so_xa", nhan.SO_XA, Kieu.so_nguyen, 11)]
    for chuan in nhan.THU_TU_CHUAN:
        cols += [Cot(f"cong_nhan.{chuan}", nhan.cong_nhan(chuan), Kieu.so_nguyen, 11),
                 Cot(f"ty_le_cong_nhan.{chuan}", nhan.tl_cong_nhan(chuan), Kieu.ty_le, 12)]
        if chuan != "ntm":
            cols.append(Cot(f"ty_le_cong_nhan_tren_ntm.{chuan}", nhan.tl_cong_nhan_ntm(chuan), Kieu.ty_le, 12))
    for chuan in nhan.THU_TU_CHUAN:
        cols += [Cot(f"danh_gia.{chuan}", nhan.danh_gia_theo(chuan), Kieu.so_nguyen, 11),
                 Cot(f"dat_du.{chuan}", nhan.dat_du(chuan), Kieu.so_nguyen, 11),
                 Cot(f"ty_le_dat_du.{chuan}", nhan.tl_dat_du(chuan), Kieu.ty_le, 12)]
    cols += [Cot("chua_duy_tri", nhan.CHUA_DUY_TRI, Kieu.so_nguyen, 14),
             Cot("tang_giam_cong_nhan_ntm", nhan.TG_CONG_NHAN_NTM, Kieu.tang_giam_nguyen, 12)]
    by_year: dict[int, list[Dong]] = defaultdict(list)
    for d in rows:
        by_year[d.nam].append(d)
    body: list[tuple[Gia, ...]] = []
    recognised_ntm: dict[int, int] = {}
    for year in years:
        plans = by_year[year]
        n = len(plans)
        line: list[Gia] = [year, n]
        recognised = {c: sum(1 for d in plans if da_cong_nhan(d.tom, c, year)) for c in nhan.THU_TU_CHUAN}
        recognised_ntm[year] = recognised["ntm"]
        for chuan in nhan.THU_TU_CHUAN:
            line += [recognised[chuan], _share(recognised[chuan], n)]
            if chuan != "ntm":
                line.append(_share(recognised[chuan], recognised["ntm"]))
        for chuan in nhan.THU_TU_CHUAN:
            assessed = [d for d in plans if d.bo.chuan == chuan]
            met = sum(1 for d in assessed if d.dat_du)
            line += [len(assessed), met, _share(met, len(assessed))]
        slipped = sum(1 for d in plans if d.bo.chuan and da_cong_nhan(d.tom, d.bo.chuan, year) and not d.dat_du)
        before = recognised_ntm.get(year - 1)
        line += [slipped, recognised["ntm"] - before if before is not None else None]
        body.append(tuple(line))
    notes = [nhan.GC_MAU_SO, nhan.GC_CONG_NHAN]
    counts = [(y, len(by_year[y])) for y in years]
    if len({n for _, n in counts}) > 1:
        notes.append(nhan.GC_MAU_SO_DOI.format(chi_tiet="; ".join(f"{y}: {nhan.mat_do(n)}" for y, n in counts)))
    return Bang("dat_chuan", nhan.BANG_CHUAN, nhan.TRANG_CHUAN, tuple(cols), body, tuple(notes))


def _band_columns() -> list[Cot]:
    cols: list[Cot] = []
    for i, (_, _, label) in enumerate(nhan.NHOM_19):
        cols += [Cot(f"nhom.{i}.so_xa", nhan.nhom_so(label), Kieu.so_nguyen, 9),
                 Cot(f"nhom.{i}.ty_le", nhan.nhom_ty_le(label), Kieu.ty_le, 10),
                 Cot(f"nhom.{i}.tang_giam", nhan.nhom_tang_giam(label), Kieu.tang_giam_nguyen, 10)]
    return cols


def _bands(plans: list[Dong], n_criteria: int) -> list[int] | None:
    if n_criteria != 19:
        return None
    labels = [nhom_19(d.so_dat, n_criteria) for d in plans]
    return [labels.count(label) for _, _, label in nhan.NHOM_19]


def binh_quan(groups: dict[tuple[str, int], list[Dong]], sets: list[BoTomTat]) -> Bang:
    """Rows are (set, year): the average number of criteria met and the bands, with changes."""
    cols = [Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("so_tieu_chi", nhan.SO_TC_BO, Kieu.so_nguyen, 8), Cot("so_xa", nhan.SO_XA, Kieu.so_nguyen, 10),
            Cot("tong_tieu_chi_dat", nhan.TONG_TC_DAT, Kieu.so_nguyen, 10),
            Cot("binh_quan", nhan.BINH_QUAN, Kieu.so_thap_phan, 10),
            Cot("tang_giam_binh_quan", nhan.TG_BINH_QUAN, Kieu.tang_giam, 11),
            *_band_columns(), Cot("duoi_15", nhan.DUOI_15, Kieu.so_nguyen, 10)]
    body: list[tuple[Gia, ...]] = []
    for bo in sets:
        n_criteria = len(bo.tieu_chi)
        for year in sorted(y for k, y in groups if k == bo.khoa):
            plans = groups[(bo.khoa, year)]
            previous = groups.get((bo.khoa, year - 1))
            total = sum(d.so_dat for d in plans)
            average = total / len(plans)
            change = average - sum(d.so_dat for d in previous) / len(previous) if previous else None
            bands, before = _bands(plans, n_criteria), _bands(previous, n_criteria) if previous else None
            band_cells: list[Gia] = []
            for i in range(len(nhan.NHOM_19)):
                if bands is None:
                    band_cells += [None, None, None]
                else:
                    band_cells += [bands[i], bands[i] / len(plans), bands[i] - before[i] if before else None]
            under_15 = sum(1 for d in plans if d.so_dat < 15) if n_criteria == 19 else None
            body.append((bo.ten_ngan, year, n_criteria, len(plans), total, average, change, *band_cells, under_15))
    return Bang("binh_quan", nhan.BANG_BINH_QUAN, nhan.TRANG_BINH_QUAN, tuple(cols), body,
                (nhan.GC_NHOM_19, nhan.GC_TANG_GIAM))


def theo_nhom(rows: list[Dong], sets: list[BoTomTat]) -> Bang:
    """Rows are (set, year, grouping, group): province (when several), old district, region or group."""
    cols = (Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("phan_to", nhan.PHAN_TO, Kieu.chu, 12), Cot("nhom", nhan.TEN_NHOM, Kieu.chu, 24),
            Cot("so_xa", nhan.SO_XA, Kieu.so_nguyen, 10), Cot("binh_quan", nhan.BINH_QUAN, Kieu.so_thap_phan, 10),
            Cot("dat_du", nhan.XA_DAT_DU, Kieu.so_nguyen, 10), Cot("ty_le_dat_du", nhan.TL_DAT_DU, Kieu.ty_le, 10),
            Cot("cong_nhan", nhan.XA_CONG_NHAN_BO, Kieu.so_nguyen, 10),
            Cot("ty_le_cong_nhan", nhan.TL_CONG_NHAN_BO, Kieu.ty_le, 10), Cot("duoi_15", nhan.DUOI_15, Kieu.so_nguyen, 10))
    provinces = {d.tom.khoa_xa[0] for d in rows}
    several = len(provinces) > 1
    groupings: list[tuple[str, Callable[[Dong], str | None]]] = []
    if several:
        groupings.append((nhan.PT_TINH, lambda d: d.tom.tinh))
    groupings.append((nhan.PT_HUYEN, lambda d: (f"{d.tom.huyen} ({d.tom.tinh})" if several else d.tom.huyen)
                      if d.tom.huyen else None))
    groupings.append((nhan.PT_VUNG, lambda d: d.tom.vung))
    body: list[tuple[Gia, ...]] = []
    for bo in sets:
        mine = [d for d in rows if d.bo.khoa == bo.khoa]
        for year in sorted({d.nam for d in mine}):
            plans = [d for d in mine if d.nam == year]
            for label, key in groupings:
                grouped: dict[str, list[Dong]] = defaultdict(list)
                for d in plans:
                    name = key(d)
                    if name:
                        grouped[name].append(d)
                for name in sorted(grouped, key=str.casefold):
                    g = grouped[name]
                    met = sum(1 for d in g if d.dat_du)
                    recognised = sum(1 for d in g if d.bo.chuan and da_cong_nhan(d.tom, d.bo.chuan, year))
                    body.append((bo.ten_ngan, year, label, name, len(g), sum(d.so_dat for d in g) / len(g), met,
                                 met / len(g), recognised, recognised / len(g),
                                 sum(1 for d in g if d.so_dat < 15) if len(bo.tieu_chi) == 19 else None))
    return Bang("theo_nhom", nhan.BANG_NHOM, nhan.TRANG_NHOM, cols, body, (nhan.GC_HUYEN,))
