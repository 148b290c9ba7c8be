"""Building the document view model from a plan and its assessment (section order, numbering,
the căn cứ sentences, the generated sentence on unmet criteria, annexes, the header)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu
from ntm.catalog import LoaiChiTieu
from ntm.plan.model import KeHoach, LoaiMucTieu, MucTieuDiaBan, TieuChiKeHoach, ten_noi
from ntm.plan.noi_dung import TIEU_DE_PHAN_CO_SAN, PhanBoCuc, PhanBoSung, TenBangSinh, ViTri
from ntm.plan.noi_dung import Bang as BangKeHoach
from ntm.plan.noi_dung import PhuLuc as PhuLucKeHoach
from ntm.plan.the_thuc import ket_cau, so_la_ma
from ntm.plan.van_ban import CanCu, HeThong
from ntm.present import ky_ke_hoach, wording
from ntm.present.document.bang import bang, bang_chu, bang_tinh_trang
from ntm.present.document.chu import lien
from ntm.present.document.khoi import (
    BuildContext,
    as_list,
    bullet,
    generated_list,
    heading,
    nested,
    placed_unmet,
    plain,
    unmet_sentence,
)
from ntm.present.document.model import (
    DIEM,
    DOAN,
    DU_THAO,
    GACH,
    KHOAN,
    QUOC_HIEU,
    TEN_DANG,
    TIEU_NGU,
    Bang,
    ChuKy,
    Khoi,
    Phan,
    PhanDau,
    PhuLuc,
    TieuChiChuaDat,
    TongHopDanhGia,
    VanBanKeHoach,
)
from ntm.present.numbers import dia_danh_ngay, ngay_van_ban, so


def _so_ky_hieu(so_hieu: str, party: bool) -> str:
    text = so_hieu.strip()
    if text.startswith("Số"):
        return text
    if party:
        return f"Số {text}"  # HD 36-HD/VPTW: no colon
    if text.startswith("/"):
        return f"Số:      {text}"  # number not yet assigned: the samples leave a gap
    return f"Số: {text}"


def _can_cu(plan: KeHoach) -> tuple[str, ...]:
    items = plan.van_ban.can_cu
    out = []
    for i, cc in enumerate(items):
        if isinstance(cc, CanCu):
            text = f"{cc.mo_dau} {cc.loai} số {cc.so_hieu} {ngay_van_ban(cc.ngay)} của {cc.co_quan}"
            if cc.trich_yeu:
                text += f" {cc.trich_yeu}"
        else:
            text = cc  # a sentence written out in the plan: only its final mark is set
        # NĐ 30: each căn cứ ends with ";", the last one with ".". A last line that leads into
        # the text ("Theo đề nghị của …,") keeps its comma.
        last = i == len(items) - 1
        if last and text.rstrip().endswith(","):
            out.append(lien(text.rstrip()))
            continue
        text = text.rstrip(" ;.") + ("." if last else ";")
        out.append(lien(text))
    return tuple(out)


def _indicator_detail(kq: KetQuaChiTieu, plan_entry: TieuChiKeHoach | None) -> str | None:
    """One indicator of an unmet criterion, in the document's words (the same figures as `check`'s).

    A yes/no indicator is described by the plan's own note when it has one ("xã chưa có HTX"),
    else None: the unmet yes/no indicators are then named together (wording.chua_dat_chi_tieu). A
    measured one always by its figures, so the text cannot drift from the numbers assessed.
    """
    spec = kq.chi_tieu.chi_tieu
    if spec.loai is LoaiChiTieu.dat and kq.trang_thai is KetQua.chua_dat:
        figure = plan_entry.hien_trang.get(spec.ma) if plan_entry else None
        if figure is not None and figure.ghi_chu:
            return figure.ghi_chu
        return None
    return wording.cau_van_ban(kq)


def unmet_criteria(danh_gia: DanhGia) -> tuple[TieuChiChuaDat, ...]:
    """Each unmet criterion with its failing indicators; one found unmet by the plan's own
    assessment shows the figures the plan holds for it instead (it has no failing indicator)."""
    out = []
    for tc in danh_gia.chua_dat:
        shown = [i for i in tc.chi_tieu if i.trang_thai is KetQua.chua_dat]
        if not shown and tc.theo_tu_danh_gia:
            shown = [i for i in tc.chi_tieu if i.gia_tri is not None]
        said = [(i, _indicator_detail(i, tc.ke_hoach)) for i in shown]
        details = [d for _, d in said if d is not None]
        yes_no = [i.chi_tieu.chi_tieu.ten_hien_thi for i, d in said if d is None]
        details += [wording.chua_dat_chi_tieu(yes_no)] if yes_no else []
        out.append(TieuChiChuaDat(tc.so, tc.ten, tuple(details)))
    return tuple(out)


def _muc_dich_yeu_cau(plan: KeHoach) -> list[Khoi]:
    mdyc = plan.muc_dich_yeu_cau
    if mdyc is None:
        return []
    out: list[Khoi] = []
    for title, paragraphs in (("Mục đích", mdyc.muc_dich), ("Yêu cầu", mdyc.yeu_cau)):
        if paragraphs:
            out.append(heading(KHOAN, f"{_count(out, KHOAN) + 1}.", title))
            if mdyc.kieu is None:
                out.extend(plain(DOAN, p) for p in paragraphs)
            else:  # items of a list in the style the plan chose, like any other list
                out.extend(as_list(paragraphs, mdyc.kieu))
    return out


def _count(blocks: Sequence[Khoi | Bang], loai: str) -> int:
    return sum(1 for b in blocks if b.loai == loai)


# What each kind of place-level target is called, and the word that names its places.
_MUC_TIEU_DIA_BAN: dict[LoaiMucTieu, tuple[str, str | None]] = {
    LoaiMucTieu.thon_ntm_kieu_mau: ("thôn nông thôn mới kiểu mẫu", "thôn"),
    LoaiMucTieu.thon_thong_minh: ("thôn thông minh", "thôn"),
    LoaiMucTieu.khu_dan_cu_ntm_kieu_mau: ("khu dân cư nông thôn mới kiểu mẫu", "khu dân cư"),
    LoaiMucTieu.vuon_mau: ("vườn mẫu", None),
    LoaiMucTieu.khac: ("", None),
}


def _theo_lo_trinh(target: MucTieuDiaBan) -> tuple[str, list[Khoi]]:
    """A multi-year plan's staged place target: which places by which year, under its own heading."""
    assert isinstance(target.noi, dict)
    name, unit = _MUC_TIEU_DIA_BAN[target.loai]
    name = target.ten or name
    lines = [f"Đến năm {year}: xây dựng " + (f"vườn mẫu tại {', '.join(ten_noi(n, None) for n in places)}"
                                               if target.loai is LoaiMucTieu.vuon_mau else
                                               f"{', '.join(ten_noi(n, unit) for n in places)} đạt chuẩn {name}")
             for year, places in sorted(target.noi.items())]
    return target.tieu_de or f"Xây dựng {name}", [plain(GACH, f"- {t}") for t in ket_cau(lines)]


def _dat_chuan(target: MucTieuDiaBan) -> str:
    """What a place of this target is to reach: 'thôn nông thôn mới kiểu mẫu'."""
    return target.ten or _MUC_TIEU_DIA_BAN[target.loai][0]


def _muc_tieu_dia_ban_title(targets: Sequence[MucTieuDiaBan]) -> str:
    given = next((t.tieu_de for t in targets if t.tieu_de), None)
    if given:
        return given
    names = [_dat_chuan(t) for t in targets if t.loai is not LoaiMucTieu.vuon_mau]
    names += ["vườn mẫu"] if any(t.loai is LoaiMucTieu.vuon_mau for t in targets) else []
    return f"Xây dựng {_va(names)}"


def _va(names: Sequence[str]) -> str:
    """'a', 'a và b', 'a, b và c'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"


def muc_tieu_dia_ban(targets: Sequence[MucTieuDiaBan]) -> list[tuple[str, list[Khoi]]]:
    """Place-level targets as (heading, lines). Targets with the same `tieu_de`, or without one and
    naming the same places, share one heading; a place named by several of them is one line
    ('Xây dựng thôn Phú Thượng đạt chuẩn thôn nông thôn mới kiểu mẫu và thôn thông minh'), in
    the order the plan names them (docs/plan-format.md)."""
    groups: list[list[MucTieuDiaBan]] = []
    keys: list[object] = []
    for n, target in enumerate(targets):
        if isinstance(target.noi, dict):  # staged by year: a heading of its own
            keys.append(("lo_trinh", n))
            groups.append([target])
            continue
        key: object = ("tieu_de", target.tieu_de) if target.tieu_de else ("noi", tuple(target.noi))
        if key in keys:
            groups[keys.index(key)].append(target)
        else:
            keys.append(key)
            groups.append([target])
    out = []
    for group in groups:
        if isinstance(group[0].noi, dict):
            out.append(_theo_lo_trinh(group[0]))
            continue
        places: dict[str, list[MucTieuDiaBan]] = {}
        for target in group:
            assert not isinstance(target.noi, dict)
            for name in target.noi:
                places.setdefault(name, []).append(target)
        lines = []
        for name, kinds in places.items():
            gardens = [k for k in kinds if k.loai is LoaiMucTieu.vuon_mau]
            others = [k for k in kinds if k.loai is not LoaiMucTieu.vuon_mau]
            if others:
                unit = _MUC_TIEU_DIA_BAN[others[0].loai][1]
                lines.append(f"Xây dựng {ten_noi(name, unit)} đạt chuẩn {_va([_dat_chuan(k) for k in others])}")
            if gardens:
                lines.append(f"Xây dựng vườn mẫu tại {ten_noi(name, None)}")
        out.append((_muc_tieu_dia_ban_title(group), [plain(GACH, f"- {t}") for t in ket_cau(lines)]))
    return out


def _muc_tieu_chi_tieu(
    plan: KeHoach, danh_gia: DanhGia, unmet: tuple[TieuChiChuaDat, ...] | None
) -> tuple[str, list[Khoi]]:
    """Section "MỤC TIÊU VÀ CHỈ TIÊU", titled after what it holds; `unmet` None leaves the
    generated sentence out."""
    out: list[Khoi] = []
    if plan.muc_tieu:
        out.append(heading(KHOAN, "1.", "Mục tiêu"))
        out.extend(plain(DOAN, p) for p in plan.muc_tieu)

    # Each chỉ tiêu subsection: (title, lines); only those with something to say.
    groups: list[tuple[str, list[Khoi]]] = []
    ct = plan.chi_tieu
    items: list[tuple[Khoi, bool]] = []  # (line, generated)
    if ct.bo_tieu_chi.dat_chuan:
        items.append((plain(GACH, f"- {ky_ke_hoach.dat_chuan(ct.bo_tieu_chi.dat_chuan)}"), True))
    sentence = unmet_sentence(unmet) if unmet is not None else None
    if plan.giai_doan is not None:  # a multi-year plan states its indicator targets by year
        items.extend((plain(GACH, f"- {t}"), True) for t in ky_ke_hoach.chi_tieu_giai_doan(danh_gia, plan.nam_cuoi))
    if sentence is not None:
        items.append((sentence, True))
    items.extend((bullet(p), False) for p in ct.bo_tieu_chi.noi_dung_khac)
    if items:
        groups.append((_set_title(plan, danh_gia), generated_list(items)))
    if ct.thon_kieu_mau is not None and ct.thon_kieu_mau.thon:
        lines = ket_cau([f"Xây dựng {_thon(t)} đạt thôn NTM kiểu mẫu" for t in ct.thon_kieu_mau.thon])
        groups.append((ct.thon_kieu_mau.tieu_de, [plain(GACH, f"- {t}") for t in lines]))
    groups.extend(muc_tieu_dia_ban([t for t in ct.dia_ban if t.noi]))
    for khac in ct.khac:
        groups.append((khac.tieu_de, [bullet(p) for p in khac.noi_dung]))

    if groups and out:
        k = _count(out, KHOAN) + 1
        out.append(heading(KHOAN, f"{k}.", "Chỉ tiêu"))
        for n, (title, body) in enumerate(groups, start=1):
            out.append(heading(DIEM, f"{k}.{n}.", title))
            out.extend(body)
    elif groups:
        # Targets only: the section is titled CHỈ TIÊU already, so its groups are its clauses
        # (no "1. Chỉ tiêu" under "IV. CHỈ TIÊU").
        for n, (title, body) in enumerate(groups, start=1):
            out.append(heading(KHOAN, f"{n}.", title))
            out.extend(body)
    names = [name for name, present in (("MỤC TIÊU", plan.muc_tieu), ("CHỈ TIÊU", groups)) if present]
    return " VÀ ".join(names), out


def _thon(name: str) -> str:
    """'Ta Rung' -> 'thôn Ta Rung'; a name typed with its unit ('Thôn 3', 'bản Mới') keeps it,
    written lower case as inside any sentence ('thôn 3')."""
    first = name.split(" ", 1)[0].lower()
    if first == "tdp":
        return name  # an abbreviation the plan wrote: kept as written
    return ten_noi(name, "thôn")


# Abbreviations the catalogs use in short names; a heading the document makes spells them out
# (a heading carries an abbreviation only where the plan itself wrote one).
_VIET_TAT = {"NTM": "nông thôn mới"}


def _spelled(text: str) -> str:
    for short, full in _VIET_TAT.items():
        text = re.sub(rf"\b{short}\b", full, text)
    return text


def _set_title(plan: KeHoach, danh_gia: DanhGia) -> str:
    return plan.chi_tieu.bo_tieu_chi.tieu_de or _spelled(danh_gia.bo_tieu_chi.file.ten_ngan)


def _criterion_lines(entry: TieuChiKeHoach) -> list[Khoi]:
    out: list[Khoi] = []
    for label, paragraphs in (("Nhiệm vụ", entry.nhiem_vu), (entry.nhan_giai_phap, entry.giai_phap)):
        for n, p in enumerate(paragraphs):
            # Further paragraphs of the same heading continue as plain paragraphs.
            out.append(bullet(p, label) if n == 0 else plain(DOAN, p))
    out.extend(bullet(p) for p in entry.ghi_chu)
    return out


def _nhiem_vu_giai_phap(plan: KeHoach, danh_gia: DanhGia) -> list[Khoi]:
    criteria: list[Khoi] = []
    n = 0
    for tc in danh_gia.bo_tieu_chi.tieu_chi:  # the set's official order
        entry = plan.tieu_chi.get(tc.ma)
        if entry is None:
            continue
        lines = _criterion_lines(entry)
        if not lines:
            continue  # figures only: nothing to say in this section
        n += 1
        criteria.append(heading(DIEM, f"1.{n}.", f"Tiêu chí {tc.ten}"))
        criteria.extend(lines)
    if not criteria:
        return []
    return [heading(KHOAN, "1.", _set_title(plan, danh_gia)), *criteria]


def _kinh_phi(plan: KeHoach) -> list[Khoi]:
    kp = plan.kinh_phi
    if kp is None:
        return []
    out: list[Khoi] = []
    if kp.tong is not None:
        out.append(plain(DOAN, f"Tổng kinh phí: {so(kp.tong)} đồng."))
        out.append(plain(DOAN, f"Bằng chữ: {bang_chu(kp.tong)}."))
    sources = [f"{n.ten}: {so(n.so_tien)} đồng" if n.so_tien is not None else n.ten for n in kp.nguon]
    out.extend(plain(GACH, f"- {line}") for line in ket_cau(sources))
    out.extend(plain(DOAN, p) for p in kp.noi_dung)
    return out


def _to_chuc_thuc_hien(plan: KeHoach) -> list[Khoi]:
    out: list[Khoi] = []
    for n, item in enumerate(plan.to_chuc_thuc_hien, start=1):
        title = item.tieu_de or f"Đối với {item.co_quan}"
        if not title.endswith(":"):
            title += ":"
        out.append(heading(KHOAN, f"{n}.", title))
        out.extend(plain(DOAN, p) for p in item.noi_dung)
    return out


def _bo_sung(part: PhanBoSung, ctx: BuildContext) -> tuple[str, list[Khoi | Bang]]:
    blocks: list[Khoi | Bang] = [plain(DOAN, p) for p in part.doan]
    blocks.extend(bullet(g) for g in part.gach_dau_dong)
    blocks.extend(nested(part.noi_dung, ctx))
    return part.tieu_de.upper(), blocks


def unmet_where(plan: KeHoach) -> tuple[bool, bool]:
    """(show the generated sentence at all, the plan placed it in a custom section itself).

    Without `bo_cuc` it is shown by default (in MỤC TIÊU VÀ CHỈ TIÊU, as the Hương Sơn plan
    has it); with `bo_cuc` only where the plan asks for it, never under a heading it did not write.
    """
    placed = any(placed_unmet(p.noi_dung) for p in plan.phan_bo_sung)
    wanted = plan.chi_tieu.bo_tieu_chi.tieu_chi_chua_dat
    show = wanted if wanted is not None else (plan.bo_cuc is None or placed)
    return show, placed




def _sections(plan: KeHoach, danh_gia: DanhGia, ctx: BuildContext) -> tuple[Phan, ...]:
    show, placed = unmet_where(plan)
    if not show:
        ctx.unmet = ()  # a placed block then says nothing
    objectives_title, objectives = _muc_tieu_chi_tieu(plan, danh_gia, ctx.unmet if show and not placed else None)

    def built_in(name: str) -> tuple[str, Sequence[Khoi | Bang]]:
        if name == "muc_tieu":
            return objectives_title, objectives
        blocks: Sequence[Khoi | Bang] = {
            "muc_dich_yeu_cau": lambda: _muc_dich_yeu_cau(plan),
            "nhiem_vu_giai_phap": lambda: _nhiem_vu_giai_phap(plan, danh_gia),
            "thoi_gian_thuc_hien": lambda: [plain(DOAN, p) for p in plan.thoi_gian_thuc_hien],
            "kinh_phi": lambda: _kinh_phi(plan),
            "to_chuc_thuc_hien": lambda: _to_chuc_thuc_hien(plan),
        }[name]()
        return TIEU_DE_PHAN_CO_SAN[name], blocks

    ordered: list[tuple[str, Sequence[Khoi | Bang]]] = []
    if plan.bo_cuc is None:
        extra: dict[ViTri, list[tuple[str, list[Khoi | Bang]]]] = {v: [] for v in ViTri}
        for part in plan.phan_bo_sung:
            extra[part.vi_tri].append(_bo_sung(part, ctx))
        ordered = [
            built_in("muc_dich_yeu_cau"),
            *extra[ViTri.truoc_muc_tieu],
            built_in("muc_tieu"),
            *extra[ViTri.sau_muc_tieu],
            built_in("nhiem_vu_giai_phap"),
            *extra[ViTri.sau_nhiem_vu],
            built_in("thoi_gian_thuc_hien"),
            built_in("kinh_phi"),
            built_in("to_chuc_thuc_hien"),
            *extra[ViTri.sau_to_chuc_thuc_hien],
        ]
    else:
        custom = {p.ma: p for p in plan.phan_bo_sung if p.ma}
        for entry in plan.bo_cuc:
            ordered.append(_placed_section(entry, custom, built_in, ctx))
    present = [(title, blocks) for title, blocks in ordered if blocks]
    return tuple(Phan(so_la_ma(n), title, tuple(blocks)) for n, (title, blocks) in enumerate(present, start=1))


def _placed_section(entry: PhanBoCuc, custom: dict[str, PhanBoSung], built_in: object,
                    ctx: BuildContext) -> tuple[str, Sequence[Khoi | Bang]]:
    part = custom.get(entry.phan)
    if part is not None:
        title, blocks = _bo_sung(part, ctx)
    elif entry.phan in TIEU_DE_PHAN_CO_SAN or entry.phan == "muc_tieu":
        title, blocks = built_in(entry.phan)  # type: ignore[operator]
    else:
        return "", []  # an unknown id is rule VB001's to report; the plan is not rendered then
    return (lien(entry.tieu_de.upper()) if entry.tieu_de else title), blocks


def _phu_luc(plan: KeHoach, danh_gia: DanhGia, ctx: BuildContext) -> tuple[PhuLuc, ...]:
    vb = plan.van_ban
    number = vb.so_hieu.strip().removeprefix("Số").strip(" :")
    kem_theo = f"(Kèm theo {vb.ten_loai.capitalize()} số {number} {ngay_van_ban(vb.ngay_ban_hanh)})"
    out = []
    many = len(plan.phu_luc) > 1
    for n, annex in enumerate(plan.phu_luc, start=1):
        out.append(_one_annex(annex, danh_gia, ctx, so_la_ma(n) if many else "", kem_theo))
    return tuple(out)


WIDE_COLUMNS = 6  # more columns than this do not fit a portrait A4 page at 12 pt


def _one_annex(annex: PhuLucKeHoach, danh_gia: DanhGia, ctx: BuildContext, number: str, kem_theo: str) -> PhuLuc:
    blocks: list[Khoi | Bang] = [plain(DOAN, p) for p in annex.doan]
    table: Bang | None = None
    if isinstance(annex.bang, BangKeHoach):
        table = bang(annex.bang)
    elif annex.bang is TenBangSinh.tinh_trang_tieu_chi:
        table = bang_tinh_trang(danh_gia, bool(annex.chi_tiet))
    if table is not None:
        blocks.append(table)
    wide = annex.kho_ngang if annex.kho_ngang is not None else (table is not None and table.so_cot > WIDE_COLUMNS)
    return PhuLuc(number, lien(annex.tieu_de.upper()), kem_theo, tuple(blocks), bool(wide))


def _phan_dau(plan: KeHoach) -> PhanDau:
    vb = plan.van_ban
    party = vb.he_thong is HeThong.dang
    return PhanDau(
        he_thong=vb.he_thong.value,
        # NĐ 30 ô 2: agency names in upper case, whatever case the plan used.
        co_quan_chu_quan=vb.co_quan_chu_quan.upper() if vb.co_quan_chu_quan else None,
        co_quan_ban_hanh=vb.co_quan_ban_hanh.upper(),
        so_ky_hieu=_so_ky_hieu(vb.so_hieu, party),
        quoc_hieu=TEN_DANG if party else QUOC_HIEU,
        tieu_ngu=None if party else TIEU_NGU,
        dia_danh_ngay=dia_danh_ngay(vb.dia_danh, vb.ngay_ban_hanh),
    )


def _recipient(text: str) -> str:
    body = text[1:].lstrip() if text.startswith(("-", "–")) else text
    return f"- {body}"


# HD 36-HD/VPTW Mục II điểm 1.5.2 (as quoted by a Party training question bank; the guidance's own
# text was not seen): under the trích yếu of a Party document, five hyphens, not a rule.
PHAN_CACH_DANG = "-----"


def build_document(plan: KeHoach, danh_gia: DanhGia, du_thao: bool = False) -> VanBanKeHoach:
    vb = plan.van_ban
    signer = vb.nguoi_ky
    unmet = unmet_criteria(danh_gia)
    totals = danh_gia.tong_hop
    ctx = BuildContext(unmet)
    sections = _sections(plan, danh_gia, ctx)
    annexes = _phu_luc(plan, danh_gia, ctx)
    return VanBanKeHoach(
        phan_dau=_phan_dau(plan),
        ten_loai=vb.ten_loai,
        trich_yeu=lien(vb.trich_yeu),
        can_cu=_can_cu(plan),
        phan=sections,
        cau_ket=lien(vb.cau_ket) if vb.cau_ket is not None else None,
        noi_nhan=tuple(_recipient(r) for r in vb.noi_nhan),
        chu_ky=ChuKy(
            dong=tuple(line for line in (signer.tham_quyen, signer.ky_thay, signer.chuc_vu) if line),
            ho_ten=signer.ho_ten,
        ),
        xa=plan.dia_ban.xa,
        huyen=plan.dia_ban.huyen,
        tinh=plan.dia_ban.tinh,
        nam=plan.nam,
        cap=plan.dia_ban.cap.value,
        giai_doan=(plan.giai_doan.tu, plan.giai_doan.den) if plan.giai_doan is not None else None,
        ky=ky_ke_hoach.ky_ke_hoach(plan),
        bo_tieu_chi=danh_gia.bo_tieu_chi.file.ten,
        tieu_chi_chua_dat=unmet,
        tong_hop=TongHopDanhGia(totals.tong_so, totals.dat, totals.chua_dat, totals.chua_co_du_lieu),
        mo_dau=tuple(lien(p) for p in vb.mo_dau),
        phu_luc=annexes,
        chu_thich=tuple(ctx.chu_thich),
        phan_cach_trich_yeu=PHAN_CACH_DANG if vb.he_thong is HeThong.dang else None,
        du_thao=DU_THAO if du_thao else None,
    )
