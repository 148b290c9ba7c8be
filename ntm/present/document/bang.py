"""Tables of the document view model: a plan's data tables (merged headers, units, totals,
the amount in words) and the criteria status table from the assessment."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ntm.assess.result import DanhGia, KetQua
from ntm.plan.model import MucTieu
from ntm.plan.noi_dung import Bang as BangKeHoach
from ntm.plan.noi_dung import CotBang
from ntm.plan.values import parse_number
from ntm.present import ky_ke_hoach, wording
from ntm.present.document.chu import lien
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
                shown, _muc_tieu_text(kq.muc_tieu, unit) if not kq.lo_trinh else lien(ky_ke_hoach.lo_trinh(
                    [(y, ky_ke_hoach.muc_tieu(t, spec.loai, unit)) for y, t in kq.lo_trinh])), status,
            ))
    return Bang(
        tieu_de=None,
        don_vi=None,
        hang_tieu_de=_header_rows(columns),
        cot=tuple(": ".join(_label(c) for c in path) for path in _leaves(columns)),
        dong=tuple(rows),
        can_phai=(False,) * 8,
    )
