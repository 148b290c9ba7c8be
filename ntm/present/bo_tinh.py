"""`ntm criteria --bo-tinh`: a province's own set, started as YAML text.

The file inherits the national set (`ke_thua`) and states nothing of its own yet:
its legal basis holds placeholders for the province's decision ("[ĐIỀN: …]"), and
every indicator that has no official level for the region or group asked is
listed as a commented-out entry (criterion, indicator code, number, wording,
unit, kind, what the national set says) ready to uncomment and fill. So the
file validates as it is written and changes nothing until the province's
figures are entered (tests/acceptance/test_criteria.py).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from ntm.catalog import BoTieuChi, ChiTieuDayDu, LoaiChiTieu
from ntm.catalog.thresholds import BoiCanh, assessment_date, yeu_cau
from ntm.present import wording
from ntm.present.khung import WIDTH, dien, scalar
from ntm.present.numbers import ngay_ngan

_KIND = {LoaiChiTieu.toi_thieu: "tối thiểu (≥)", LoaiChiTieu.toi_da: "tối đa (≤)", LoaiChiTieu.dat: "đạt/không"}


@dataclass(frozen=True)
class DauVaoBoTinh:
    """What the province set is made from: the national set, how the new file names it, where."""

    bo: BoTieuChi
    ke_thua: str  # a built-in id, or a path relative to the new file
    ma: str  # the new set's id
    vung: str | None = None
    nhom_xa: int | None = None
    nam: int | None = None  # None: every year of the set's period


def _contexts(d: DauVaoBoTinh) -> list[BoiCanh]:
    """The places and times a level must exist at: the year asked, else each year of the period
    (a level set year by year, like income, counts as known only when every year has one)."""
    if d.nam is not None:
        years: list[int | None] = [d.nam]
    elif d.bo.giai_doan:
        years = list(range(d.bo.giai_doan[0], d.bo.giai_doan[1] + 1))
    else:
        years = [None]
    return [BoiCanh(ngay=assessment_date(y) if y is not None else None, vung=d.vung, nhom_xa=d.nhom_xa)
            for y in years]


def thieu_muc(d: DauVaoBoTinh) -> list[ChiTieuDayDu]:
    """The indicators with no official level for the region or group (at the year, or at some
    year of the period), in the set's order."""
    contexts = _contexts(d)
    return [ct for tc in d.bo.tieu_chi for ct in d.bo.chi_tieu[tc.ma].values()
            if any(yeu_cau(d.bo, ct, ctx)[0] is None for ctx in contexts)]


def _where(d: DauVaoBoTinh) -> str:
    if d.vung is not None:
        name = d.bo.cac_vung.get(d.vung)
        return f"vùng {d.vung}" + (f" ({name})" if name else "")
    if d.nhom_xa is not None:
        name = d.bo.cac_nhom_xa.get(d.nhom_xa)
        return f"nhóm xã {d.nhom_xa}" + (f" ({name})" if name else "")
    return "mọi xã"


def _national_note(d: DauVaoBoTinh, ct: ChiTieuDayDu) -> str | None:
    """What the national set says where it has no level: a level in words, the national target."""
    unit = ct.chi_tieu.don_vi.value if ct.chi_tieu.don_vi else None
    for ctx in _contexts(d):
        _, why = yeu_cau(d.bo, ct, ctx)
        if why is None:
            continue
        if why.mo_ta:
            return f"văn bản ghi: {why.mo_ta}"
        if why.chung is not None:
            return f"chỉ tiêu chung cả nước {wording.muc(ct.chi_tieu.loai, why.chung, unit)}"
    return None


def _indicator(d: DauVaoBoTinh, ct: ChiTieuDayDu) -> list[str]:
    spec = ct.chi_tieu
    unit = spec.don_vi.value if spec.don_vi else "không có"
    lines = textwrap.wrap(f"{spec.so or '?'} {spec.noi_dung}", width=WIDTH, initial_indent="#       # ",
                          subsequent_indent="#       #   ", break_long_words=False, break_on_hyphens=False)
    lines.append(f"#       # đơn vị: {unit}; loại: {_KIND[spec.loai]}")
    note = _national_note(d, ct)
    if note:
        lines.append(f"#       # bộ quốc gia: {note}")
    lines += [f"#       - ma: {spec.ma}", "#         nguong:"]
    first = "#           - "
    if d.vung is not None:
        lines.append(f"{first}vung: [{d.vung}]")
        first = "#             "
    if d.nhom_xa is not None:
        lines.append(f"{first}nhom_xa: [{d.nhom_xa}]")
        first = "#             "
    if d.nam is not None:
        lines.append(f"{first}nam: {d.nam}")
        first = "#             "
    lines += [f"{first}gia_tri:        # {dien('mức trong quyết định của tỉnh')}",
              "#             do_tin_cay: V"]
    return lines


def _placeholder_date(bo: BoTieuChi) -> date:
    """A stand-in for the decision's date: the day the national set took effect (a province's
    set is never older), flagged by the comment beside it."""
    return bo.can_cu.ngay_hieu_luc or bo.can_cu.ngay_ban_hanh


def khung_bo_tinh(d: DauVaoBoTinh) -> str:
    """The province set's YAML text (NFC, 2-space indents, the same bytes for the same arguments)."""
    bo = d.bo
    missing = thieu_muc(d)
    when = f"năm {d.nam}" if d.nam is not None else (
        f"giai đoạn {bo.giai_doan[0]}-{bo.giai_doan[1]}" if bo.giai_doan else "")
    stand_in = _placeholder_date(bo)
    lines = [
        f"# Bộ tiêu chí của tỉnh, kế thừa {bo.file.ten_ngan} ({bo.ma}), cho {_where(d)}.",
        "# 1. Điền số hiệu, ngày, trích yếu của quyết định của tỉnh ở can_cu_phap_ly, tên bộ ở ten, ten_ngan.",
        "# 2. Với mỗi chỉ tiêu dưới đây mà quyết định của tỉnh ghi mức: bỏ dấu \"# \" ở dòng tieu_chi:, ở",
        "#    tiêu chí và ở chỉ tiêu đó, rồi ghi gia_tri. Xóa những chỉ tiêu tỉnh không quy định.",
        "# 3. Kiểm tra: ntm criteria -b <tệp này> " + (f"--vung {d.vung}" if d.vung else
                                                      f"--nhom-xa {d.nhom_xa}" if d.nhom_xa else "").rstrip(),
        "# Tỉnh chỉ được thêm chỉ tiêu và nâng mức, không hạ mức của bộ quốc gia (docs/criteria.md).",
        f"ma: {scalar(d.ma)}",
        f"ten: {scalar(dien('tên bộ tiêu chí của tỉnh'))}",
        f"ten_ngan: {scalar(dien('tên ngắn'))}",
        f"ke_thua: {scalar(d.ke_thua)}",
        "can_cu_phap_ly:",
        f"  so_hieu: {scalar(dien('số quyết định'))}",
        f"  ten: {scalar(dien('trích yếu quyết định'))}",
        f"  co_quan: {scalar(dien('Ủy ban nhân dân tỉnh …'))}",
        f"  ngay_ban_hanh: {stand_in.isoformat()}  # {dien('ngày')} ngày giữ chỗ ({ngay_ngan(stand_in)}),"
        " thay bằng ngày ban hành",
        f"  nguon: {scalar(dien('đường dẫn tới văn bản'))}",
        "  do_tin_cay: V",
        "",
    ]
    if not missing:
        lines.append(f"# Mọi chỉ tiêu của bộ đã có mức cho {_where(d)}" + (f", {when}" if when else "") + ".")
        lines.append("# tieu_chi:")
        return "\n".join(lines) + "\n"
    lines.append(f"# {len(missing)} chỉ tiêu chưa có mức chính thức cho {_where(d)}"
                 + (f", {when}" if when else "") + ":")
    lines.append("# tieu_chi:")
    by_criterion: dict[str, list[ChiTieuDayDu]] = {}
    for ct in missing:
        by_criterion.setdefault(ct.tieu_chi.ma, []).append(ct)
    for tc in bo.tieu_chi:
        found = by_criterion.get(tc.ma)
        if not found:
            continue
        lines += ["#", f"#   # {tc.so}. {tc.ten}", f"#   - ma: {tc.ma}", "#     chi_tieu:"]
        for ct in found:
            lines += _indicator(d, ct)
    return "\n".join(lines) + "\n"
