"""Tables of the document view model: a plan's data tables (merged headers, units, totals,
the amount in words) and the criteria status table from the assessment."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu, KetQuaTieuChi
from ntm.catalog import LoaiChiTieu
from ntm.plan.model import MucTieu
from ntm.plan.noi_dung import Bang as BangKeHoach
from ntm.plan.noi_dung import CotBang, KieuCot
from ntm.plan.values import parse_number
from ntm.present import ky_ke_hoach, wording
from ntm.present.document.chu import lien, lower_first
from ntm.present.document.model import Bang, OTieuDe
from ntm.present.numbers import so


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


def _whole(text: str) -> bool:
    value = number_or_none(text) if text.strip() else None
    return value is not None and value == value.to_integral_value()


def _numeric(path: tuple[CotBang, ...], cells: Sequence[str]) -> bool:
    """Whether a column prints as Vietnamese numbers (1.306), aligned right: declared `kieu: so`,
    or a quantity (a unit, a total), or every cell a whole number of which one needs a thousands
    separator; never a column declared `kieu: chu`, nor one of years ("Năm"), numbers as labels
    ("Số TT") or quarters ("Quý II/2022"), which print exactly as written."""
    col = path[-1]
    if col.kieu is not None:
        return col.kieu is KieuCot.so
    if col.tong or _unit_of(path, None) is not None:
        return True
    filled = [c for c in cells if c.strip()]
    label = " ".join(c.ten for c in path).lower().split()
    if not filled or "năm" in label or not all(_whole(c) for c in filled):
        return False
    return any(abs(number_or_none(c) or Decimal(0)) >= 1000 for c in filled)


def bang(spec: BangKeHoach) -> Bang:
    """A data table of the plan: numbers in the Vietnamese way, and the totals row it asks for."""
    leaves = _leaves(spec.cot)
    width = len(leaves)
    summed = [path[-1].tong for path in leaves]
    quantity = [_numeric(path, [raw[i] if i < len(raw) else "" for raw in spec.dong]) for i, path in enumerate(leaves)]
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


def _co_ten(kq: KetQuaChiTieu) -> str:
    return lien(kq.chi_tieu.chi_tieu.ten_hien_thi)


def _yeu_cau_dong(kq: KetQuaChiTieu) -> str:
    """An indicator's requirement as one phrase: 'Tỷ lệ lao động qua đào tạo từ 75% trở lên',
    'Không còn nhà tạm, dột nát', 'Xã có hợp tác xã hoạt động hiệu quả'."""
    spec = kq.chi_tieu.chi_tieu
    level = wording.yeu_cau_van_ban(kq)
    if spec.loai is LoaiChiTieu.dat or level == "Có":
        return _co_ten(kq)
    if level is None:
        return f"{_co_ten(kq)} {wording.MUC_QUY_DINH}"
    if level.startswith("không còn"):
        return level[:1].upper() + level[1:]
    return f"{_co_ten(kq)} {level}"


def _hien_trang_dong(kq: KetQuaChiTieu, alone: bool) -> str | None:
    """An indicator's present state in a few words ('52,77%', 'Còn 3 nhà tạm, dột nát', 'Có'),
    named when the criterion has several; None without a figure."""
    value = kq.gia_tri
    if value is None:
        return None
    unit = wording.don_vi(kq)
    req = kq.yeu_cau
    if (req is not None and req.loai is LoaiChiTieu.toi_da and req.gia_tri == 0 and value.so is not None
            and unit not in (None, "%")):
        thing = wording.doi_tuong(kq)
        return f"Không còn {thing}" if value.so == 0 else f"Còn {so(value.so, max_decimals=10)} {thing}"
    shown = wording.so_lieu_van_ban(value, unit)
    return shown if alone else f"{_co_ten(kq)}: {shown}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _noi(parts: Sequence[str]) -> str:
    """Phrases of one cell joined as a sentence: the first capitalised, the others in lower case."""
    return "; ".join(_capital(p) if n == 0 else lower_first(p) for n, p in enumerate(parts))


def _yeu_cau_gon(tc: KetQuaTieuChi) -> str:
    """What a criterion requires, in a few office words: the indicators with a known level by
    name and level, the others together ('các chỉ tiêu khác theo quy định')."""
    known = [kq for kq in tc.chi_tieu if kq.yeu_cau is not None and kq.chi_tieu.chi_tieu.loai is not LoaiChiTieu.dat]
    yes_no = [kq for kq in tc.chi_tieu if kq.chi_tieu.chi_tieu.loai is LoaiChiTieu.dat]
    said = [_yeu_cau_dong(kq) for kq in known]
    if len(tc.chi_tieu) == 1:  # a yes/no name is long: said alone only
        said += [_yeu_cau_dong(kq) for kq in yes_no]
    rest = len(tc.chi_tieu) > len(said) or not tc.chi_tieu_day_du
    if not said:
        return wording.CAC_CHI_TIEU_THEO_QUY_DINH if tc.chi_tieu else wording.THEO_BO_TIEU_CHI
    return _noi([*said, *([wording.CAC_CHI_TIEU_KHAC] if rest else [])])


def _hien_trang_gon(tc: KetQuaTieuChi) -> str:
    """The present state in a few words: the unmet indicators' figures; else the one figure, or
    how many indicators are met or have figures."""
    unmet = [kq for kq in tc.chi_tieu if kq.trang_thai is KetQua.chua_dat]
    if len(tc.chi_tieu) == 1 and unmet:
        return _hien_trang_dong(unmet[0], True) or ""
    if unmet:
        # the figures of up to two measured ones; how many are unmet when that does not say all
        measured = [kq for kq in unmet if kq.chi_tieu.chi_tieu.loai is not LoaiChiTieu.dat][:2]
        said = [t for kq in measured if (t := _hien_trang_dong(kq, False)) is not None]
        count = [wording.so_chi_tieu("Chưa đạt", len(unmet), len(tc.chi_tieu))] if len(unmet) > len(said) else []
        return _noi([*count, *said])
    figures = [kq for kq in tc.chi_tieu if kq.gia_tri is not None]
    if len(tc.chi_tieu) == 1 and figures:
        return _hien_trang_dong(figures[0], True) or ""
    met = sum(1 for kq in tc.chi_tieu if kq.trang_thai is KetQua.dat)
    if met:
        return wording.so_chi_tieu("Đạt", met, len(tc.chi_tieu))
    if figures:
        return wording.so_chi_tieu("Có số liệu", len(figures), len(tc.chi_tieu))
    return "" if tc.theo_tu_danh_gia else wording.CHUA_CO_SO_LIEU


def _bang_tinh_trang(columns: Sequence[CotBang], rows: Sequence[tuple[str, ...]]) -> Bang:
    """A status table with no title of its own: the annex's heading names it."""
    return Bang(
        tieu_de=None,
        don_vi=None,
        hang_tieu_de=_header_rows(columns),
        cot=tuple(c.ten for c in columns),
        dong=tuple(rows),
        can_phai=(False,) * len(columns),
    )


def _tinh_trang_gon(danh_gia: DanhGia) -> Bang:
    """One row per criterion: what is required, the present state, the verdict."""
    columns = [CotBang(ten="TT"), CotBang(ten="Tiêu chí"), CotBang(ten="Yêu cầu"),
               CotBang(ten="Hiện trạng"), CotBang(ten="Đánh giá")]
    rows = [(tc.so, lien(tc.ten), _yeu_cau_gon(tc), _hien_trang_gon(tc), wording.trang_thai_van_ban(tc.trang_thai))
            for tc in danh_gia.tieu_chi]
    return _bang_tinh_trang(columns, rows)


def _tinh_trang_chi_tiet(danh_gia: DanhGia) -> Bang:
    """One row per indicator: its requirement, figure, target and verdict."""
    columns = [CotBang(ten="Số"), CotBang(ten="Tiêu chí"), CotBang(ten="Chỉ tiêu"), CotBang(ten="Yêu cầu"),
               CotBang(ten="Hiện trạng"), CotBang(ten="Mục tiêu"), CotBang(ten="Đánh giá")]
    rows: list[tuple[str, ...]] = []
    for tc in danh_gia.tieu_chi:
        label = lien(tc.ten)
        verdict = wording.trang_thai_van_ban(tc.trang_thai)
        if not tc.chi_tieu:
            rows.append((tc.so, label, "", wording.THEO_BO_TIEU_CHI, "", "", verdict))
            continue
        for n, kq in enumerate(tc.chi_tieu):
            spec = kq.chi_tieu.chi_tieu
            unit = wording.don_vi(kq)
            level = wording.yeu_cau_van_ban(kq) or wording.THEO_QUY_DINH
            if kq.gia_tri is not None:
                shown = wording.so_lieu_van_ban(kq.gia_tri, unit)
            else:
                shown = "" if tc.theo_tu_danh_gia else wording.CHUA_CO_SO_LIEU
            if kq.trang_thai is KetQua.chua_co_du_lieu and tc.theo_tu_danh_gia:
                status = verdict  # the plan's own verdict on the criterion, where figures cannot decide
            else:
                status = wording.trang_thai_van_ban(kq.trang_thai)
            if kq.trang_thai is KetQua.chua_dat and (gap := wording.chenh_lech(kq)):
                status = f"{status} ({gap})"
            target = _muc_tieu_text(kq.muc_tieu, unit) if not kq.lo_trinh else lien(ky_ke_hoach.lo_trinh(
                [(y, ky_ke_hoach.muc_tieu(t, spec.loai, unit)) for y, t in kq.lo_trinh]))
            rows.append((spec.so or tc.so, label if n == 0 else "", _co_ten(kq), _capital(level), shown, target, status))
    return _bang_tinh_trang(columns, rows)


def bang_tinh_trang(danh_gia: DanhGia, chi_tiet: bool = False) -> Bang:
    """The criteria status table, generated from the assessment: one row per criterion (fits two
    portrait pages for 19 criteria), or with `chi_tiet` one row per indicator."""
    return _tinh_trang_chi_tiet(danh_gia) if chi_tiet else _tinh_trang_gon(danh_gia)
