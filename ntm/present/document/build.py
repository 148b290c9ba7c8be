"""Building the document view model from a plan and its assessment (section order, numbering,
the căn cứ sentences, the generated sentence on unmet criteria, bullets and labels)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu
from ntm.catalog import LoaiChiTieu
from ntm.plan.model import (
    Bang as BangKeHoach,
)
from ntm.plan.model import (
    CanCu,
    CotBang,
    HeThong,
    KeHoach,
    KhoiNoiDung,
    KieuDanhSach,
    LoaiMucTieu,
    MucTieu,
    MucTieuDiaBan,
    PhanBoCuc,
    PhanBoSung,
    TenBangSinh,
    TieuChiKeHoach,
    ViTri,
)
from ntm.plan.model import (
    PhuLuc as PhuLucKeHoach,
)
from ntm.plan.values import parse_number
from ntm.present import wording
from ntm.present.document.model import (
    DIEM,
    DOAN,
    GACH,
    HEADINGS,
    KHOAN,
    QUOC_HIEU,
    TEN_DANG,
    TIEU_NGU,
    Bang,
    Chu,
    ChuKy,
    Khoi,
    OTieuDe,
    Phan,
    PhanDau,
    PhuLuc,
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


# "2026 - 2030" must never break across lines: the spaces around the dash of a year range become
# no-break spaces (a line may not break before a no-break space, nor after a dash followed by one).
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d) ([-–]) ((?:19|20)\d\d)\b")


def lien(text: str) -> str:
    """Text with its year ranges held together ("2026\u00a0-\u00a02030")."""
    return _YEAR_RANGE.sub("\\1\u00a0\\2\u00a0\\3", text) if " " in text else text


def _plain(loai: str, text: str) -> Khoi:
    return Khoi(loai, (Chu(lien(text)),))


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


def ket_cau(items: Sequence[str]) -> list[str]:
    """List items with their final marks: ";" after each, "." after the last.

    A mark the plan typed (";", ".", ",") is replaced by the right one; "?", "!", ":" and a
    closing "./." are the writer's and stay.
    """
    out = []
    for n, text in enumerate(items):
        body = text.rstrip()
        if body.endswith(("?", "!", ":", "./.")):
            out.append(body)
            continue
        out.append(body.rstrip(" ;.,") + ("." if n == len(items) - 1 else ";"))
    return out


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


# ----------------------------------------------------------------------------- footnotes, lists, tables


@dataclass
class _Dung:
    """What building one document collects on the way: footnotes in reading order, and where
    the plan placed the generated sentence on unmet criteria."""

    unmet: tuple[TieuChiChuaDat, ...]
    chu_thich: list[str] = field(default_factory=list)

    def notes(self, texts: Sequence[str]) -> list[Chu]:
        refs = []
        for text in texts:
            self.chu_thich.append(lien(text))
            n = len(self.chu_thich)
            refs.append(Chu(str(n), chu_thich=n))
        return refs


_FINAL_MARKS = re.compile(r"[.;:,]+$")


def _with_notes(loai: str, text: str, notes: Sequence[str], ctx: _Dung, kieu: str | None = None) -> Khoi:
    body = lien(text)
    if not notes:
        return Khoi(loai, (Chu(body),), kieu)
    # The reference follows the words it explains, before the final mark (as Word places it).
    m = _FINAL_MARKS.search(body)
    tail = m.group(0) if m else ""
    runs = [Chu(body[: len(body) - len(tail)]), *ctx.notes(notes)]
    if tail:
        runs.append(Chu(tail))
    return Khoi(loai, tuple(runs), kieu)


# Points and lettered items follow the Vietnamese alphabet, as legal texts number them.
_CHU_CAI = "abcdđeghiklmnopqrstuvxy"


def chu_cai(n: int) -> str:
    """1 -> 'a', 5 -> 'đ', 24 -> 'aa'."""
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, len(_CHU_CAI))
        letters = _CHU_CAI[r] + letters
    return letters


def _marker(kieu: KieuDanhSach, n: int) -> str:
    if kieu is KieuDanhSach.cong:
        return "+ "
    if kieu is KieuDanhSach.chu:
        return f"{chu_cai(n)}) "
    if kieu is KieuDanhSach.so:
        return f"{n}) "
    return "- "


def _list(items: Sequence[tuple[str, Sequence[str]]], kieu: KieuDanhSach, ctx: _Dung) -> list[Khoi]:
    """A list in the chosen style: the marker is added here, ";" ends each item and "." the last."""
    texts = ket_cau([_strip_marker(text) for text, _ in items])
    return [
        _with_notes(GACH, _marker(kieu, n) + text, notes, ctx, kieu.value)
        for n, (text, (_, notes)) in enumerate(zip(texts, items, strict=True), start=1)
    ]


def _strip_marker(text: str) -> str:
    # A dash typed by habit is not doubled.
    return text[2:] if text.startswith(("- ", "– ", "+ ")) else text


def _leaves(columns: Sequence[CotBang], parents: tuple[CotBang, ...] = ()) -> list[tuple[CotBang, ...]]:
    """Each leaf column with its ancestors (outermost first)."""
    out: list[tuple[CotBang, ...]] = []
    for col in columns:
        if col.cot:
            out.extend(_leaves(col.cot, (*parents, col)))
        else:
            out.append((*parents, col))
    return out


def _depth(columns: Sequence[CotBang]) -> int:
    return max((1 + _depth(c.cot) if c.cot else 1) for c in columns)


def _label(col: CotBang) -> str:
    return lien(f"{col.ten} ({col.don_vi})" if col.don_vi else col.ten)


def _header_rows(columns: Sequence[CotBang]) -> tuple[tuple[OTieuDe, ...], ...]:
    """Header rows with merged cells: a group spans its leaves; a leaf above the deepest level
    spans the rows below it."""
    depth = _depth(columns)
    rows: list[list[OTieuDe]] = [[] for _ in range(depth)]

    def place(cols: Sequence[CotBang], level: int) -> None:
        for col in cols:
            if col.cot:
                rows[level].append(OTieuDe(_label(col), so_cot=len(_leaves([col]))))
                place(col.cot, level + 1)
            else:
                rows[level].append(OTieuDe(_label(col), so_dong=depth - level))

    place(columns, 0)
    return tuple(tuple(r) for r in rows)


def number_or_none(text: str) -> Decimal | None:
    """A cell's number, exactly, or None when it is not one (rule VB008 reports that)."""
    try:
        return Decimal(parse_number(text))
    except ValueError:
        return None


def _unit_of(path: tuple[CotBang, ...], table_unit: str | None) -> str | None:
    for col in reversed(path):
        if col.don_vi:
            return col.don_vi
    return table_unit


def bang(spec: BangKeHoach) -> Bang:
    """A data table of the plan: numbers in the Vietnamese way, and the totals row it asks for."""
    leaves = _leaves(spec.cot)
    width = len(leaves)
    summed = [path[-1].tong for path in leaves]
    # Quantities (a column with a unit or a total) print as Vietnamese numbers; other columns
    # (Số TT, a year, a quarter "Quý II/2022") exactly as written.
    quantity = [path[-1].tong or _unit_of(path, None) is not None for path in leaves]
    rows: list[tuple[str, ...]] = []
    totals = [Decimal(0)] * width
    for raw in spec.dong:
        cells = [*raw[:width], *[""] * (width - len(raw))]  # a wrong count is the rule VB007's to report
        shown = []
        for i, cell in enumerate(cells):
            value = number_or_none(cell) if quantity[i] and cell.strip() else None
            if value is not None:
                totals[i] += value
                shown.append(so(value, max_decimals=10))
            else:
                shown.append(lien(cell))
        rows.append(tuple(shown))
    has_total = any(summed)
    words = None
    if has_total:
        label_at = next((i for i, s_ in enumerate(summed) if not s_), None)
        total_row = [so(totals[i], max_decimals=10) if summed[i] else "" for i in range(width)]
        if label_at is not None:
            total_row[label_at] = spec.nhan_tong
        rows.append(tuple(total_row))
        for i, path in enumerate(leaves):
            if summed[i] and (_unit_of(path, spec.don_vi) or "").strip().lower() == "đồng":
                words = f"Bằng chữ: {bang_chu(int(totals[i]))}."
                break
    return Bang(
        tieu_de=lien(spec.tieu_de) if spec.tieu_de else None,
        don_vi=f"Đơn vị tính: {spec.don_vi}" if spec.don_vi else None,
        hang_tieu_de=_header_rows(spec.cot),
        cot=tuple(": ".join(_label(c) for c in path) for path in leaves),
        dong=tuple(rows),
        can_phai=tuple(quantity),
        dong_tong=has_total,
        bang_chu=words,
    )


def bang_chu(amount: int) -> str:
    """An amount of đồng in words, as the line under a total writes it: 'Hai tỷ năm trăm triệu đồng'.

    From num2words' Vietnamese, the maintained library the project chose, not hand-written rules.
    """
    from num2words import num2words  # only a render that prints an amount loads it

    words = str(num2words(amount, lang="vi"))
    return f"{words[:1].upper()}{words[1:]} đồng"


def _muc_tieu_text(target: MucTieu | None, unit: str | None) -> str:
    if target is None or target.tu.so is None:
        return ""
    low = wording.so_lieu(target.tu, unit)
    if target.den is not None and target.den.so is not None:
        return f"{low} - {wording.so_lieu(target.den, unit)}"
    return low


def bang_tinh_trang(danh_gia: DanhGia) -> Bang:
    """The criteria status table, generated from the assessment: one row per indicator."""
    columns = [
        CotBang(ten="Số"), CotBang(ten="Tiêu chí"), CotBang(ten="Chỉ tiêu"),
        CotBang(ten="Yêu cầu", cot=[CotBang(ten="Mức"), CotBang(ten="Nguồn")]),
        CotBang(ten="Hiện trạng"), CotBang(ten="Mục tiêu"), CotBang(ten="Đánh giá"),
    ]
    rows: list[tuple[str, ...]] = []
    for tc in danh_gia.tieu_chi:
        label = f"{tc.so}. {tc.ten}" if tc.so else tc.ten
        if not tc.chi_tieu:
            status = wording.trang_thai_van_ban(tc.trang_thai, tc.theo_tu_danh_gia, tc.ly_do)
            rows.append((tc.so, label, "", "", "", "", "", status))
            continue
        for n, kq in enumerate(tc.chi_tieu):
            spec = kq.chi_tieu.chi_tieu
            unit = wording.don_vi(kq)
            level = wording.yeu_cau(kq.yeu_cau, unit) if kq.yeu_cau is not None else "chưa có mức chính thức"
            shown = wording.so_lieu(kq.gia_tri, unit) if kq.gia_tri is not None else "chưa có số liệu"
            status = wording.trang_thai_van_ban(kq.trang_thai, False, kq.ly_do)
            if kq.trang_thai is KetQua.chua_dat and (gap := wording.chenh_lech(kq)):
                status = f"{status} ({gap})"
            rows.append((
                spec.so or tc.so, label if n == 0 else "", lien(spec.ten_hien_thi), level, lien(wording.nguon(kq)),
                shown, _muc_tieu_text(kq.muc_tieu, unit), status,
            ))
    return Bang(
        tieu_de=None,
        don_vi=None,
        hang_tieu_de=_header_rows(columns),
        cot=tuple(": ".join(_label(c) for c in path) for path in _leaves(columns)),
        dong=tuple(rows),
        can_phai=(False,) * 8,
    )


def _noi_dung(blocks: Sequence[KhoiNoiDung], ctx: _Dung, depth: int = 0, prefix: str = "") -> list[Khoi | Bang]:
    """Nested content of a custom section: sub-headings on the levels 1., 1.1., a), each with its
    own paragraphs, lists, tables and footnotes."""
    out: list[Khoi | Bang] = []
    n = 0
    for block in blocks:
        if block.muc is not None:
            n += 1
            level = HEADINGS[min(depth, len(HEADINGS) - 1)]  # deeper levels are refused by rule VB006
            if level == KHOAN:
                number, inner = f"{n}.", str(n)
            elif level == DIEM:
                number, inner = f"{prefix}.{n}.", f"{prefix}.{n}"
            else:
                number, inner = f"{chu_cai(n)})", prefix
            out.append(_plain(level, f"{number} {block.muc}"))
            out.extend(_noi_dung(block.noi_dung, ctx, depth + 1, inner))
        elif block.doan is not None:
            out.append(_with_notes(DOAN, block.doan, block.chu_thich, ctx))
        elif block.danh_sach is not None:
            out.extend(_list([(i.doan, i.chu_thich) for i in block.danh_sach], block.kieu, ctx))
        elif block.bang is not None:
            out.append(bang(block.bang))
        elif block.tieu_chi_chua_dat:
            sentence = unmet_sentence(ctx.unmet)
            if sentence is not None:
                out.append(sentence)
    return out


def placed_unmet(blocks: Sequence[KhoiNoiDung]) -> bool:
    """Whether the plan placed the unmet-criteria sentence somewhere in this content."""
    return any(b.tieu_chi_chua_dat or placed_unmet(b.noi_dung) for b in blocks)


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


def _muc_tieu_dia_ban(target: MucTieuDiaBan) -> tuple[str, list[Khoi]]:
    name, unit = _MUC_TIEU_DIA_BAN[target.loai]
    name = target.ten or name
    if target.loai is LoaiMucTieu.vuon_mau:
        lines = [f"Xây dựng vườn mẫu tại {_noi(n, None)}" for n in target.noi]
    else:
        lines = [f"Xây dựng {_noi(n, unit)} đạt chuẩn {name}" for n in target.noi]
    title = target.tieu_de or f"Xây dựng {name}"
    return title, [_plain(GACH, f"- {t}") for t in ket_cau(lines)]


def _muc_tieu_chi_tieu(
    plan: KeHoach, danh_gia: DanhGia, unmet: tuple[TieuChiChuaDat, ...] | None
) -> tuple[str, list[Khoi]]:
    """Section "MỤC TIÊU VÀ CHỈ TIÊU", titled after what it holds; `unmet` None leaves the
    generated sentence out."""
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
    sentence = unmet_sentence(unmet) if unmet is not None else None
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
    groups.extend(_muc_tieu_dia_ban(t) for t in ct.dia_ban if t.noi)
    for khac in ct.khac:
        groups.append((khac.tieu_de, [_bullet(p) for p in khac.noi_dung]))

    if groups and out:
        k = _count(out, KHOAN) + 1
        out.append(_heading(KHOAN, f"{k}.", "Chỉ tiêu"))
        for n, (title, body) in enumerate(groups, start=1):
            out.append(_heading(DIEM, f"{k}.{n}.", title))
            out.extend(body)
    elif groups:
        # Targets only: the section is titled CHỈ TIÊU already, so its groups are its clauses
        # (no "1. Chỉ tiêu" under "IV. CHỈ TIÊU").
        for n, (title, body) in enumerate(groups, start=1):
            out.append(_heading(KHOAN, f"{n}.", title))
            out.extend(body)
    names = [name for name, present in (("MỤC TIÊU", plan.muc_tieu), ("CHỈ TIÊU", groups)) if present]
    return " VÀ ".join(names), out


# Words that name a place's unit: written lower case inside a sentence ("Xây dựng thôn Phú
# Thượng", not "Thôn Phú Thượng"); a name without one gets the target's own.
_DON_VI_NOI = {"thôn", "bản", "ấp", "buôn", "làng", "xóm", "tổ", "khu", "hộ", "vườn", "sóc", "plei", "phum"}


def _noi(name: str, unit: str | None) -> str:
    first, _, rest = name.partition(" ")
    if first.lower() in _DON_VI_NOI:
        return f"{first.lower()} {rest}".rstrip()
    return f"{unit} {name}" if unit else name


def _thon(name: str) -> str:
    """'Ta Rung' -> 'thôn Ta Rung'; a name typed with its unit ('Thôn 3', 'bản Mới') keeps it,
    written lower case as inside any sentence ('thôn 3')."""
    first = name.split(" ", 1)[0].lower()
    if first == "tdp":
        return name  # an abbreviation the plan wrote: kept as written
    return _noi(name, "thôn")


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
        out.append(_plain(DOAN, f"Bằng chữ: {bang_chu(kp.tong)}."))
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


def _bo_sung(part: PhanBoSung, ctx: _Dung) -> tuple[str, list[Khoi | Bang]]:
    blocks: list[Khoi | Bang] = [_plain(DOAN, p) for p in part.doan]
    blocks.extend(_bullet(g) for g in part.gach_dau_dong)
    blocks.extend(_noi_dung(part.noi_dung, ctx))
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


BUILT_IN_TITLES = {
    "muc_dich_yeu_cau": "MỤC ĐÍCH, YÊU CẦU",
    "nhiem_vu_giai_phap": "CÁC NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN",
    "thoi_gian_thuc_hien": "THỜI GIAN THỰC HIỆN",
    "kinh_phi": "KINH PHÍ THỰC HIỆN",
    "to_chuc_thuc_hien": "TỔ CHỨC THỰC HIỆN",
}


def _sections(plan: KeHoach, danh_gia: DanhGia, ctx: _Dung) -> tuple[Phan, ...]:
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
            "thoi_gian_thuc_hien": lambda: [_plain(DOAN, p) for p in plan.thoi_gian_thuc_hien],
            "kinh_phi": lambda: _kinh_phi(plan),
            "to_chuc_thuc_hien": lambda: _to_chuc_thuc_hien(plan),
        }[name]()
        return BUILT_IN_TITLES[name], blocks

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
                    ctx: _Dung) -> tuple[str, Sequence[Khoi | Bang]]:
    part = custom.get(entry.phan)
    if part is not None:
        title, blocks = _bo_sung(part, ctx)
    elif entry.phan in BUILT_IN_TITLES or entry.phan == "muc_tieu":
        title, blocks = built_in(entry.phan)  # type: ignore[operator]
    else:
        return "", []  # an unknown id is rule VB001's to report; the plan is not rendered then
    return (lien(entry.tieu_de.upper()) if entry.tieu_de else title), blocks


# ----------------------------------------------------------------------------- annexes


def _phu_luc(plan: KeHoach, danh_gia: DanhGia, ctx: _Dung) -> tuple[PhuLuc, ...]:
    vb = plan.van_ban
    number = vb.so_hieu.strip().removeprefix("Số").strip(" :")
    kem_theo = f"(Kèm theo {vb.ten_loai.capitalize()} số {number} {ngay_van_ban(vb.ngay_ban_hanh)})"
    out = []
    many = len(plan.phu_luc) > 1
    for n, annex in enumerate(plan.phu_luc, start=1):
        out.append(_one_annex(annex, danh_gia, ctx, so_la_ma(n) if many else "", kem_theo))
    return tuple(out)


WIDE_COLUMNS = 6  # more columns than this do not fit a portrait A4 page at 12 pt


def _one_annex(annex: PhuLucKeHoach, danh_gia: DanhGia, ctx: _Dung, number: str, kem_theo: str) -> PhuLuc:
    blocks: list[Khoi | Bang] = [_plain(DOAN, p) for p in annex.doan]
    table: Bang | None = None
    if isinstance(annex.bang, BangKeHoach):
        table = bang(annex.bang)
    elif annex.bang is TenBangSinh.tinh_trang_tieu_chi:
        table = bang_tinh_trang(danh_gia)
    if table is not None:
        blocks.append(table)
    wide = annex.kho_ngang if annex.kho_ngang is not None else (table is not None and table.so_cot > WIDE_COLUMNS)
    return PhuLuc(number, lien(annex.tieu_de.upper()), kem_theo, tuple(blocks), bool(wide))


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


# HD 36-HD/VPTW Mục II điểm 1.5.2 (as quoted by a Party training question bank; the guidance's own
# text was not seen): under the trích yếu of a Party document, five hyphens, not a rule.
PHAN_CACH_DANG = "-----"


def build_document(plan: KeHoach, danh_gia: DanhGia) -> VanBanKeHoach:
    vb = plan.van_ban
    signer = vb.nguoi_ky
    unmet = unmet_criteria(danh_gia)
    totals = danh_gia.tong_hop
    ctx = _Dung(unmet)
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
        bo_tieu_chi=danh_gia.bo_tieu_chi.file.ten,
        tieu_chi_chua_dat=unmet,
        tong_hop=TongHopDanhGia(totals.tong_so, totals.dat, totals.chua_dat, totals.chua_co_du_lieu),
        mo_dau=tuple(lien(p) for p in vb.mo_dau),
        phu_luc=annexes,
        chu_thich=tuple(ctx.chu_thich),
        phan_cach_trich_yeu=PHAN_CACH_DANG if vb.he_thong is HeThong.dang else None,
    )
