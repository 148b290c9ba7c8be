"""Building the document view model from a plan and its assessment (section order, numbering,
the căn cứ sentences, the generated sentence on unmet criteria, bullets and labels)."""

from __future__ import annotations

from collections.abc import Iterable

from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu
from ntm.catalog import LoaiChiTieu
from ntm.plan.model import HeThong, KeHoach, PhanBoSung, TieuChiKeHoach, ViTri
from ntm.present import wording
from ntm.present.document.model import (
    DIEM,
    DOAN,
    GACH,
    KHOAN,
    QUOC_HIEU,
    TEN_DANG,
    TIEU_NGU,
    Chu,
    ChuKy,
    Khoi,
    Phan,
    PhanDau,
    TieuChiChuaDat,
    TongHopDanhGia,
    VanBanKeHoach,
)
from ntm.present.numbers import dia_danh_ngay, ngay_van_ban, so

# ----------------------------------------------------------------------------- helpers


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def so_la_ma(n: int) -> str:
    """1 -> 'I', 14 -> 'XIV' (sections of a plan never reach 40)."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _plain(loai: str, text: str) -> Khoi:
    return Khoi(loai, (Chu(text),))


def _bullet(text: str, label: str = "") -> Khoi:
    # A dash already typed in the plan is not doubled.
    body = text[2:] if text.startswith(("- ", "– ")) else text
    return _plain(GACH, f"- {label}: {body}" if label else f"- {body}")


def _heading(loai: str, number: str, text: str) -> Khoi:
    return _plain(loai, f"{number} {text}")


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
        text = f"{cc.mo_dau} {cc.loai} số {cc.so_hieu} {ngay_van_ban(cc.ngay)} của {cc.co_quan}"
        if cc.trich_yeu:
            text += f" {cc.trich_yeu}"
        # NĐ 30: each căn cứ ends with ";", the last one with ".".
        text = text.rstrip(" ;.") + ("." if i == len(items) - 1 else ";")
        out.append(text)
    return tuple(out)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _indicator_detail(kq: KetQuaChiTieu, plan_entry: TieuChiKeHoach | None) -> str:
    """One indicator of an unmet criterion, in the document's words (the same as `check`'s).

    A yes/no indicator is described by the plan's own note when it has one
    ("xã chưa có HTX"); a measured one always by its figures, so the text
    cannot drift from the numbers the assessment used.
    """
    spec = kq.chi_tieu.chi_tieu
    if spec.loai is LoaiChiTieu.dat and kq.trang_thai is KetQua.chua_dat:
        figure = plan_entry.hien_trang.get(spec.ma) if plan_entry else None
        if figure is not None and figure.ghi_chu:
            return figure.ghi_chu
        return f"chưa đạt: {_lower_first(spec.ten_hien_thi)}"
    return wording.cau_van_ban(kq)


def unmet_criteria(danh_gia: DanhGia) -> tuple[TieuChiChuaDat, ...]:
    """Each unmet criterion with its failing indicators; one found unmet by the plan's own
    assessment shows the figures the plan holds for it instead (it has no failing indicator)."""
    out = []
    for tc in danh_gia.chua_dat:
        shown = [i for i in tc.chi_tieu if i.trang_thai is KetQua.chua_dat]
        if not shown and tc.theo_tu_danh_gia:
            shown = [i for i in tc.chi_tieu if i.gia_tri is not None]
        out.append(TieuChiChuaDat(tc.so, tc.ten, tuple(_indicator_detail(i, tc.ke_hoach) for i in shown)))
    return tuple(out)


def unmet_sentence(items: Iterable[TieuChiChuaDat]) -> Khoi | None:
    """'- Thực hiện nâng tỷ lệ các tiêu chí chưa đạt gồm: Tiêu chí **X** (…); tiêu chí **Y** (…).'"""
    runs: list[Chu] = [Chu("- Thực hiện nâng tỷ lệ các tiêu chí chưa đạt gồm: ")]
    items = list(items)
    if not items:
        return None
    for n, item in enumerate(items):
        runs.append(Chu("Tiêu chí " if n == 0 else "; tiêu chí "))
        runs.append(Chu(item.ten, dam=True))
        if item.chi_tiet:
            runs.append(Chu(f" ({'; '.join(item.chi_tiet)})"))
    runs.append(Chu("."))
    return Khoi(GACH, _merge_runs(runs))


def _merge_runs(runs: list[Chu]) -> tuple[Chu, ...]:
    merged: list[Chu] = []
    for run in runs:
        if merged and merged[-1].dam == run.dam:
            merged[-1] = Chu(merged[-1].noi_dung + run.noi_dung, run.dam)
        else:
            merged.append(run)
    return tuple(merged)


# ----------------------------------------------------------------------------- sections


def _muc_dich_yeu_cau(plan: KeHoach) -> list[Khoi]:
    mdyc = plan.muc_dich_yeu_cau
    if mdyc is None:
        return []
    out: list[Khoi] = []
    for title, paragraphs in (("Mục đích", mdyc.muc_dich), ("Yêu cầu", mdyc.yeu_cau)):
        if paragraphs:
            out.append(_heading(KHOAN, f"{_count(out, KHOAN) + 1}.", title))
            out.extend(_plain(DOAN, p) for p in paragraphs)
    return out


def _count(blocks: list[Khoi], loai: str) -> int:
    return sum(1 for b in blocks if b.loai == loai)


def _muc_tieu_chi_tieu(
    plan: KeHoach, danh_gia: DanhGia, unmet: tuple[TieuChiChuaDat, ...]
) -> tuple[str, list[Khoi]]:
    """Section "MỤC TIÊU VÀ CHỈ TIÊU", titled after what it holds."""
    out: list[Khoi] = []
    if plan.muc_tieu:
        out.append(_heading(KHOAN, "1.", "Mục tiêu"))
        out.extend(_plain(DOAN, p) for p in plan.muc_tieu)

    # Each chỉ tiêu subsection: (title, lines); only those with something to say.
    groups: list[tuple[str, list[Khoi]]] = []
    ct = plan.chi_tieu
    lines: list[Khoi] = []
    if ct.bo_tieu_chi.dat_chuan:
        lines.append(_plain(GACH, f"- Thực hiện đạt chuẩn {ct.bo_tieu_chi.dat_chuan} tiêu chí"))
    sentence = unmet_sentence(unmet)
    if sentence is not None:
        lines.append(sentence)
    lines.extend(_bullet(p) for p in ct.bo_tieu_chi.noi_dung_khac)
    if lines:
        groups.append((_set_title(plan, danh_gia), lines))
    if ct.thon_kieu_mau is not None and ct.thon_kieu_mau.thon:
        groups.append(
            (
                ct.thon_kieu_mau.tieu_de,
                [_plain(GACH, f"- Xây dựng {_thon(t)} đạt thôn NTM kiểu mẫu") for t in ct.thon_kieu_mau.thon],
            )
        )
    for khac in ct.khac:
        groups.append((khac.tieu_de, [_bullet(p) for p in khac.noi_dung]))

    if groups:
        k = _count(out, KHOAN) + 1
        out.append(_heading(KHOAN, f"{k}.", "Chỉ tiêu"))
        for n, (title, body) in enumerate(groups, start=1):
            out.append(_heading(DIEM, f"{k}.{n}.", title))
            out.extend(body)
    names = [name for name, present in (("MỤC TIÊU", plan.muc_tieu), ("CHỈ TIÊU", groups)) if present]
    return " VÀ ".join(names), out


def _thon(name: str) -> str:
    """'Ta Rung' -> 'thôn Ta Rung'; a name typed with its unit ('Thôn 3', 'bản Mới') is kept."""
    first = name.split(" ", 1)[0].lower()
    return name if first in {"thôn", "bản", "ấp", "buôn", "làng", "xóm", "tổ", "khu", "tdp"} else f"thôn {name}"


def _set_title(plan: KeHoach, danh_gia: DanhGia) -> str:
    return plan.chi_tieu.bo_tieu_chi.tieu_de or danh_gia.bo_tieu_chi.file.ten_ngan


def _criterion_lines(entry: TieuChiKeHoach) -> list[Khoi]:
    out: list[Khoi] = []
    for label, paragraphs in (("Nhiệm vụ", entry.nhiem_vu), (entry.nhan_giai_phap, entry.giai_phap)):
        for n, p in enumerate(paragraphs):
            # Further paragraphs of the same heading continue as plain paragraphs.
            out.append(_bullet(p, label) if n == 0 else _plain(DOAN, p))
    out.extend(_bullet(p) for p in entry.ghi_chu)
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
        criteria.append(_heading(DIEM, f"1.{n}.", f"Tiêu chí {tc.ten}"))
        criteria.extend(lines)
    if not criteria:
        return []
    return [_heading(KHOAN, "1.", _set_title(plan, danh_gia)), *criteria]


def _kinh_phi(plan: KeHoach) -> list[Khoi]:
    kp = plan.kinh_phi
    if kp is None:
        return []
    out: list[Khoi] = []
    if kp.tong is not None:
        out.append(_plain(DOAN, f"Tổng kinh phí: {so(kp.tong)} đồng."))
    for nguon in kp.nguon:
        amount = f": {so(nguon.so_tien)} đồng" if nguon.so_tien is not None else ""
        out.append(_plain(GACH, f"- {nguon.ten}{amount};"))
    out.extend(_plain(DOAN, p) for p in kp.noi_dung)
    return out


def _to_chuc_thuc_hien(plan: KeHoach) -> list[Khoi]:
    out: list[Khoi] = []
    for n, item in enumerate(plan.to_chuc_thuc_hien, start=1):
        title = item.tieu_de or f"Đối với {item.co_quan}"
        if not title.endswith(":"):
            title += ":"
        out.append(_heading(KHOAN, f"{n}.", title))
        out.extend(_plain(DOAN, p) for p in item.noi_dung)
    return out


def _bo_sung(part: PhanBoSung) -> tuple[str, list[Khoi]]:
    blocks = [_plain(DOAN, p) for p in part.doan] + [_bullet(g) for g in part.gach_dau_dong]
    return part.tieu_de.upper(), blocks


def _sections(plan: KeHoach, danh_gia: DanhGia, unmet: tuple[TieuChiChuaDat, ...]) -> tuple[Phan, ...]:
    extra: dict[ViTri, list[tuple[str, list[Khoi]]]] = {v: [] for v in ViTri}
    for part in plan.phan_bo_sung:
        extra[part.vi_tri].append(_bo_sung(part))

    objectives_title, objectives = _muc_tieu_chi_tieu(plan, danh_gia, unmet)

    ordered: list[tuple[str, list[Khoi]]] = [
        ("MỤC ĐÍCH, YÊU CẦU", _muc_dich_yeu_cau(plan)),
        *extra[ViTri.truoc_muc_tieu],
        (objectives_title, objectives),
        *extra[ViTri.sau_muc_tieu],
        ("CÁC NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", _nhiem_vu_giai_phap(plan, danh_gia)),
        *extra[ViTri.sau_nhiem_vu],
        ("THỜI GIAN THỰC HIỆN", [_plain(DOAN, p) for p in plan.thoi_gian_thuc_hien]),
        ("KINH PHÍ THỰC HIỆN", _kinh_phi(plan)),
        ("TỔ CHỨC THỰC HIỆN", _to_chuc_thuc_hien(plan)),
        *extra[ViTri.sau_to_chuc_thuc_hien],
    ]
    present = [(title, blocks) for title, blocks in ordered if blocks]
    return tuple(Phan(so_la_ma(n), title, tuple(blocks)) for n, (title, blocks) in enumerate(present, start=1))


# ----------------------------------------------------------------------------- the document


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


def build_document(plan: KeHoach, danh_gia: DanhGia) -> VanBanKeHoach:
    vb = plan.van_ban
    signer = vb.nguoi_ky
    unmet = unmet_criteria(danh_gia)
    totals = danh_gia.tong_hop
    return VanBanKeHoach(
        phan_dau=_phan_dau(plan),
        ten_loai=vb.ten_loai,
        trich_yeu=vb.trich_yeu,
        can_cu=_can_cu(plan),
        phan=_sections(plan, danh_gia, unmet),
        cau_ket=vb.cau_ket,
        noi_nhan=tuple(_recipient(r) for r in vb.noi_nhan),
        chu_ky=ChuKy(
            dong=tuple(line for line in (signer.tham_quyen, signer.ky_thay, signer.chuc_vu) if line),
            ho_ten=signer.ho_ten,
        ),
        xa=plan.dia_ban.xa,
        huyen=plan.dia_ban.huyen,
        tinh=plan.dia_ban.tinh,
        nam=plan.nam,
        bo_tieu_chi=danh_gia.bo_tieu_chi.file.ten,
        tieu_chi_chua_dat=unmet,
        tong_hop=TongHopDanhGia(totals.tong_so, totals.dat, totals.chua_dat, totals.chua_co_du_lieu),
    )
