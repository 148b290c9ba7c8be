"""What the report covers, in words: files read, plans and communes counted, years, sets, filters;
and the table of the files left out, each with why."""

from __future__ import annotations

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.model import Bang, Cot, Gia, Kieu
from ntm.present.numbers import so
from ntm.tong_hop.dinh_danh import KhoaXa, chuan_hoa
from ntm.tong_hop.gop import Gop, Loc
from ntm.tong_hop.ket_qua import TongHopBaoCao


def van_de(gop: Gop) -> Bang:
    cols = (Cot("tep", nhan.TEP, Kieu.chu, 40), Cot("van_de", nhan.VAN_DE, Kieu.chu, 24),
            Cot("so_loi", nhan.SO_LOI, Kieu.so_nguyen, 8), Cot("so_canh_bao", nhan.SO_CANH_BAO, Kieu.so_nguyen, 8),
            Cot("tinh", nhan.TINH, Kieu.chu, 14), Cot("xa", nhan.XA, Kieu.chu, 16), Cot("nam", nhan.NAM, Kieu.nam, 7),
            Cot("trung_voi", nhan.TRUNG_VOI, Kieu.chu, 40))
    body: list[tuple[Gia, ...]] = []
    for v in gop.van_de:
        t = v.tom
        body.append((t.tep, nhan.VAN_DE_LOAI[v.loai], t.loi, t.canh_bao, t.tinh, t.xa, t.nam,
                     "; ".join(v.trung_voi) or None))
    return Bang("van_de", nhan.BANG_VAN_DE, nhan.TRANG_VAN_DE, cols, body)


def ten_khoa(gop: Gop) -> dict[KhoaXa, str]:
    """Each commune's name as its first plan writes it: "An (Đông Sơn, 19234)"."""
    names: dict[KhoaXa, str] = {}
    for d in gop.dong:
        if d.khoa not in names:
            extra = ", ".join(x for x in (d.tom.huyen, d.tom.ma_xa) if x)
            names[d.khoa] = f"{d.tom.xa} ({extra})" if extra else (d.tom.xa or "")
    return names


def dinh_danh(gop: Gop) -> Bang:
    """Communes whose identity the report could not settle: same-name communes that cannot be told
    apart (kept, each counted), and `hop_nhat_tu` entries that name no commune of the data, or several."""
    cols = (Cot("van_de", nhan.VAN_DE, Kieu.chu, 30), Cot("tinh", nhan.TINH, Kieu.chu, 14),
            Cot("xa", nhan.XA, Kieu.chu, 16), Cot("chi_tiet", nhan.CHI_TIET, Kieu.chu, 40),
            Cot("tep", nhan.TEP, Kieu.chu, 40))
    names = ten_khoa(gop)
    provinces = {d.khoa: d.tom.tinh for d in gop.dong}
    rows: list[tuple[Gia, ...]] = []
    for m, files in gop.mo_ho:
        rows.append((nhan.MO_HO, provinces.get(m.khoa), names.get(m.khoa),
                     nhan.MO_HO_CO_THE.format(cac_xa="; ".join(names.get(k, k.xa) for k in m.co_the_la)),
                     "; ".join(files)))
    for successor, entry in gop.hop_nhat_khong_ro:
        rows.append((nhan.HOP_NHAT_KHONG_RO, provinces.get(successor), names.get(successor),
                     nhan.HOP_NHAT_KHONG_RO_CHI_TIET.format(muc=entry), None))
    return Bang("dinh_danh", nhan.BANG_DINH_DANH, nhan.TRANG_DINH_DANH, cols, rows, (nhan.GC_DINH_DANH,))


def khong_phai_xa(gop: Gop) -> Bang:
    """Plans of a province or a district: shown apart, never counted as communes."""
    cols = (Cot("tep", nhan.TEP, Kieu.chu, 40), Cot("tinh", nhan.TINH, Kieu.chu, 14), Cot("huyen", nhan.HUYEN, Kieu.chu, 14),
            Cot("dia_ban", nhan.DIA_BAN, Kieu.chu, 16), Cot("nam", nhan.NAM, Kieu.nam, 7), Cot("bo_tieu_chi", nhan.BO, Kieu.chu, 22))
    body: list[tuple[Gia, ...]] = [(t.tep, t.tinh, t.huyen, t.xa, t.nam, t.bo.ten_ngan if t.bo else None)
                                   for t in sorted(gop.khong_phai_xa, key=lambda t: t.tep)]
    return Bang("khong_phai_xa", nhan.BANG_KHONG_PHAI_XA, nhan.TRANG_KHONG_PHAI_XA, cols, body, (nhan.GC_KHONG_PHAI_XA,))


def nam_text(years: tuple[int, ...] | list[int]) -> str:
    """2023–2025 for consecutive years, 2021, 2023 otherwise."""
    years = sorted(years)
    if len(years) > 2 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def ten_tinh(th: TongHopBaoCao) -> list[str]:
    """The provinces of the plans counted, as their plans write them (one spelling per province)."""
    names: dict[str, str] = {}
    for d in th.gop.dong:
        if d.tom.tinh:
            names.setdefault(chuan_hoa(d.tom.tinh), d.tom.tinh)
    return sorted(names.values())


def tieu_de(th: TongHopBaoCao) -> str:
    """The report's title names the province and the period: "… tỉnh Quảng Trị, năm 2023–2025"."""
    where = ten_tinh(th)
    if not where and th.gop.loc.tinh is not None:
        where = [th.gop.loc.tinh]
    parts = []
    if len(where) == 1:
        parts.append(nhan.TIEU_DE_TINH.format(tinh=where[0]))
    elif where:
        parts.append(nhan.TIEU_DE_CAC_TINH.format(n=len(where)))
    title = " ".join([nhan.TIEU_DE, *parts])
    return f"{title}, {nhan.TIEU_DE_NAM.format(nam=nam_text(th.nam))}" if th.nam else title


def bo_loc(loc: Loc, th: TongHopBaoCao | None = None) -> list[str]:
    """The filters in words: "chỉ các kế hoạch của tỉnh Quảng Trị", "chỉ các năm 2023–2025"."""
    filters = []
    if loc.tinh is not None:
        found = [t for t in ten_tinh(th) if chuan_hoa(t) == chuan_hoa(loc.tinh)] if th is not None else []
        filters.append(nhan.LOC_TINH.format(tinh=found[0] if found else loc.tinh))
    if loc.nam is not None:
        low, high = loc.nam
        filters.append(nhan.LOC_NAM.format(nam=low) if low == high else nhan.LOC_CAC_NAM.format(dau=low, cuoi=high))
    if loc.bo_tieu_chi is not None:
        names = [bo.ten_ngan for bo in th.bo if bo.ma == loc.bo_tieu_chi] if th is not None else []
        filters.append(nhan.LOC_BO.format(bo=f"{names[0]} ({loc.bo_tieu_chi})" if names else loc.bo_tieu_chi))
    return filters


def pham_vi(th: TongHopBaoCao) -> tuple[tuple[str, str | int], ...]:
    gop = th.gop
    lines: list[tuple[str, str | int]] = [
        (nhan.PV_TEP, gop.so_tep),
        (nhan.PV_KE_HOACH, len(gop.dong)),
        (nhan.PV_XA, gop.so_xa),
        (nhan.PV_NAM, ", ".join(str(y) for y in th.nam) or "—"),
        (nhan.PV_BO, "; ".join(f"{bo.ten_ngan} ({bo.can_cu})" for bo in th.bo) or "—"),
        (nhan.PV_LOC, "; ".join(bo_loc(gop.loc, th)) or nhan.PV_KHONG_LOC),
        (nhan.PV_VAN_DE, len(gop.van_de)),
    ]
    if gop.khong_phai_xa:
        lines.append((nhan.PV_KHONG_PHAI_XA, len(gop.khong_phai_xa)))
    if th.danh_sach is not None:
        lines.append((nhan.PV_DANH_SACH, f"{so(th.danh_sach.tong)} xã"))
    if gop.mo_ho:
        lines.append((nhan.PV_MO_HO, sum(len(files) for _, files in gop.mo_ho)))
    if gop.loc.co_loc and not gop.dong:
        lines.append((nhan.PV_LOC, nhan.PV_KHONG_KHOP))
    return tuple(lines)
