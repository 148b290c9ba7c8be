"""How the assessment's statuses and numbers are said: the one place for labels and phrases.

Every presenter (terminal, JSON's `mo_ta`, CI annotations, the document,
diagnostics that quote a status) takes its words from here.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

from ntm.assess.result import KetQua, KetQuaChiTieu, LyDo
from ntm.catalog import DoTinCay, LoaiChiTieu
from ntm.catalog.model import XacNhan
from ntm.catalog.thresholds import MucChuaRo, NguonYeuCau, YeuCau
from ntm.plan.values import SoLieu
from ntm.present.numbers import Number, so_du_chu_so, so_voi_don_vi

TRANG_THAI: dict[KetQua, str] = {
    KetQua.dat: "Đạt",
    KetQua.chua_dat: "Chưa đạt",
    KetQua.chua_co_du_lieu: "Chưa có dữ liệu",
}

DO_TIN_CAY: dict[DoTinCay, str] = {
    DoTinCay.V: "nguyên văn văn bản gốc",
    DoTinCay.S: "nguồn thứ cấp",
    DoTinCay.I: "suy luận",
    DoTinCay.R: "chưa đối chiếu văn bản gốc",
    DoTinCay.U: "chưa rõ",
}

# The commune flags that bring in a region rule, as the rule's reason is said.
CO_XA: dict[str, str] = {"xa_dac_biet_kho_khan": "xã đặc biệt khó khăn", "xa_an_toan_khu": "xã an toàn khu"}

KY_HIEU: dict[LoaiChiTieu, str] = {LoaiChiTieu.toi_thieu: "≥", LoaiChiTieu.toi_da: "≤", LoaiChiTieu.dat: ""}
PHEP_SO_SANH: dict[LoaiChiTieu, str] = {LoaiChiTieu.toi_thieu: ">=", LoaiChiTieu.toi_da: "<=", LoaiChiTieu.dat: "=="}


# Why a criterion cannot be judged, as the status column says it: never "no data" when the
# figures are there and only the official level is unknown.
LY_DO: dict[LyDo, str] = {
    LyDo.chua_co_nguong: "Chưa rõ mức chính thức",
    LyDo.khong_co_so_lieu: "Thiếu số liệu",
    LyDo.danh_muc_chua_du: "Cần tự đánh giá",  # the set lists only part of its indicators
}


# The verdict in a signed document: three words, as offices write them. A criterion the plan
# declares met or unmet where figures cannot decide carries that verdict like any other (the
# commune signs its own assessment); why a criterion cannot be judged is `check`'s to say.
KET_LUAN_VAN_BAN: dict[KetQua, str] = {
    KetQua.dat: "Đạt",
    KetQua.chua_dat: "Chưa đạt",
    KetQua.chua_co_du_lieu: "Chưa đánh giá",
}


def trang_thai_van_ban(status: KetQua) -> str:
    """'Đạt', 'Chưa đạt' or 'Chưa đánh giá': the verdict column of a signed annex."""
    return KET_LUAN_VAN_BAN[status]


def trang_thai(status: KetQua, theo_tu_danh_gia: bool = False, ly_do: LyDo | None = None) -> str:
    """The status column: 'Đạt', 'Chưa đạt (tự đánh giá)', 'Chưa rõ mức chính thức', 'Thiếu số liệu'…"""
    if status is KetQua.chua_co_du_lieu and ly_do is not None:
        return LY_DO[ly_do]
    label = TRANG_THAI[status]
    return label + " (tự đánh giá)" if theo_tu_danh_gia else label


def muc(loai: LoaiChiTieu, value: Number, unit: str | None) -> str:
    """'≥ 75%'."""
    return f"{KY_HIEU[loai]} {so_voi_don_vi(value, unit)}"


TENTATIVE_NUMBER = "số tạm"
INFERRED_PLACEMENT = "vị trí suy luận"


TAM = frozenset({DoTinCay.I, DoTinCay.U})  # confidences of a number or placement the catalog chose itself


def tam(fact: XacNhan | None) -> bool:
    """A number or a placement the catalog chose itself (inferred or unknown)."""
    return fact is not None and fact.do_tin_cay in TAM


def ten_chi_tieu(kq: KetQuaChiTieu) -> str:
    """An indicator's name, with what is not settled about it: the plan's own indicators, a
    criterion it sits under by inference (ntm criteria says why)."""
    spec = kq.chi_tieu.chi_tieu
    # (a tentative number is marked on the number itself, once explained: ChiTieu.so_tam)
    marks = ["chỉ tiêu riêng của kế hoạch"] if kq.chi_tieu.cua_ke_hoach else []
    marks += [INFERRED_PLACEMENT] if tam(spec.xac_nhan_vi_tri) else []
    return f"{spec.ten_hien_thi} ({'; '.join(marks)})" if marks else spec.ten_hien_thi


def don_vi(kq: KetQuaChiTieu) -> str | None:
    unit = kq.chi_tieu.chi_tieu.don_vi
    return unit.value if unit else None


def so_lieu(value: SoLieu, unit: str | None) -> str:
    """A figure with every decimal it was typed with (74,9999999% must not print as 75%)."""
    if value.co is not None:
        return "có" if value.co else "không"
    assert value.so is not None
    shown = so_du_chu_so(value.so)
    return f"{shown}%" if unit == "%" else (f"{shown} {unit}" if unit else shown)


def yeu_cau(req: YeuCau, unit: str | None) -> str:
    if req.loai is LoaiChiTieu.dat or req.gia_tri is None:
        return "đạt"
    return muc(req.loai, req.gia_tri, unit)


def _luong(amount: Decimal, unit: str | None) -> str:
    shown = so_du_chu_so(amount)  # an unmet indicator's gap is never shown as 0
    return f"{shown} điểm phần trăm" if unit == "%" else (f"{shown} {unit}" if unit else shown)


def chenh_lech(kq: KetQuaChiTieu) -> str | None:
    """'còn thiếu 22,23 điểm phần trăm' (a minimum), 'vượt 2 điểm phần trăm' (a maximum)."""
    if kq.chenh_lech is None:
        return None
    verb = "còn thiếu" if kq.chi_tieu.chi_tieu.loai is LoaiChiTieu.toi_thieu else "vượt"
    return f"{verb} {_luong(kq.chenh_lech, don_vi(kq))}"


def chua_ro(why: MucChuaRo | None, unit: str | None) -> str:
    text = "chưa có mức chính thức để so sánh"
    if why is not None and why.chung is not None:
        text += f"; chỉ tiêu chung cả nước: {so_voi_don_vi(why.chung, unit)}"
    return text


def doi_tuong(kq: KetQuaChiTieu) -> str:
    """What a count counts, for 'còn 3 nhà tạm, dột nát': the indicator's name after 'Số ' when
    it starts with the unit ("Số nhà tạm, dột nát", unit "nhà"), else the unit alone."""
    unit = don_vi(kq) or ""
    name = kq.chi_tieu.chi_tieu.ten_hien_thi
    if name.startswith("Số "):
        rest = name[3:]
        if unit and (rest == unit or rest.startswith(unit + " ")):
            return rest
    return unit


def _khong_con(kq: KetQuaChiTieu) -> bool:
    """A count whose requirement is none left (≤ 0): said 'còn 3 nhà…, yêu cầu: không còn'."""
    req = kq.yeu_cau
    return (req is not None and req.loai is LoaiChiTieu.toi_da and req.gia_tri == 0
            and don_vi(kq) not in (None, "%"))


def mo_ta(kq: KetQuaChiTieu) -> str:
    """The indicator's state as an office writes it, after its name:
    'đạt 52,77%, yêu cầu ≥ 75%, còn thiếu 22,23 điểm phần trăm';
    'còn 3 nhà tạm, dột nát (yêu cầu: không còn)'; '100% (chưa có mức chính thức để so sánh)';
    'chưa có số liệu (ghi vào tieu_chi.y_te.hien_trang.ty_le_tham_gia_bhyt)'."""
    spec = kq.chi_tieu.chi_tieu
    unit = don_vi(kq)
    value = kq.gia_tri
    req = kq.yeu_cau
    if value is None:
        text = f"chưa có số liệu (ghi vào {'.'.join(str(p) for p in kq.path)})"
        if req is None:
            return text
        return text + ("; yêu cầu: có" if spec.loai is LoaiChiTieu.dat else f"; yêu cầu {yeu_cau(req, unit)}")
    if spec.loai is LoaiChiTieu.dat:
        if req is None:
            return f"{so_lieu(value, unit)} ({chua_ro(kq.chua_ro, unit)})"
        return "có" if value.co else "không (yêu cầu: có)"
    if req is None:
        return f"{so_lieu(value, unit)} ({chua_ro(kq.chua_ro, unit)})"
    if _khong_con(kq):
        assert value.so is not None
        thing = doi_tuong(kq)
        if value.so == 0:
            return f"không còn {thing} (yêu cầu: không còn)"
        return f"còn {so_du_chu_so(value.so)} {thing} (yêu cầu: không còn)"
    lead = f"đạt {so_lieu(value, unit)}" if spec.loai is LoaiChiTieu.toi_thieu else so_lieu(value, unit)
    text = f"{lead}, yêu cầu {yeu_cau(req, unit)}"
    gap = chenh_lech(kq)
    return f"{text}, {gap}" if gap else text


# The generated sentence on unmet criteria, as offices open it ("tiêu chí X (…); tiêu chí Y (…)" follows).
MO_DAU_CHUA_DAT = "Phấn đấu hoàn thành các tiêu chí chưa đạt, gồm: "

# The status annex's cells where the set states no level, or the plan holds no figure.
THEO_BO_TIEU_CHI = "Theo quy định của Bộ tiêu chí"  # a criterion whose indicators the set does not list
CAC_CHI_TIEU_THEO_QUY_DINH = "Đạt các chỉ tiêu theo quy định"  # none of its levels is known
CAC_CHI_TIEU_KHAC = "các chỉ tiêu khác theo quy định"  # the rest, after those with a known level
MUC_QUY_DINH = "đạt mức quy định"  # after an indicator's name, when its level is not known
THEO_QUY_DINH = "Theo quy định"  # an indicator's level cell, when the level is not known  # after an indicator's name, when its level is not known
CHUA_CO_SO_LIEU = "Chưa có số liệu"


def so_chi_tieu(loai: str, k: int, n: int) -> str:
    """'Đạt 3/4 chỉ tiêu', 'Chưa đạt 1/4 chỉ tiêu', 'Có số liệu 2/4 chỉ tiêu': a criterion's state in a few words."""
    return f"{loai} {k}/{n} chỉ tiêu"


def chua_dat_chi_tieu(names: list[str]) -> str:
    """Unmet yes/no indicators named together, last in their brackets: 'chưa đạt chỉ tiêu xã có
    hợp tác xã …', 'chưa đạt 3 chỉ tiêu: …; …'."""
    if len(names) == 1:
        return f"chưa đạt chỉ tiêu {_lower_first(names[0])}"
    return f"chưa đạt {len(names)} chỉ tiêu: " + "; ".join(_lower_first(n) for n in names)


def muc_van_ban(loai: LoaiChiTieu, value: Number, unit: str | None, thing: str = "") -> str:
    """A level as an office writes it: 'từ 75% trở lên', 'không quá 3%', 'không còn nhà tạm, dột
    nát' (a count of which none may be left), 'Có' (a yes/no indicator). Never '≥' or '≤': those
    are the terminal's."""
    if loai is LoaiChiTieu.dat:
        return "Có"
    if loai is LoaiChiTieu.toi_da and value == 0 and unit not in (None, "%"):
        return f"không còn {thing or unit}"
    shown = so_voi_don_vi(value, unit)
    return f"từ {shown} trở lên" if loai is LoaiChiTieu.toi_thieu else f"không quá {shown}"


def yeu_cau_van_ban(kq: KetQuaChiTieu) -> str | None:
    """The requirement applied to an indicator in a document's words, or None when no level is known."""
    req = kq.yeu_cau
    if req is None:
        return "Có" if kq.chi_tieu.chi_tieu.loai is LoaiChiTieu.dat else None
    if req.loai is LoaiChiTieu.dat or req.gia_tri is None:
        return "Có"
    return muc_van_ban(req.loai, req.gia_tri, don_vi(kq), doi_tuong(kq))


def so_lieu_van_ban(value: SoLieu, unit: str | None) -> str:
    """A figure in a document's table: 'Có' / 'Không' for a yes/no one, else as `so_lieu`."""
    if value.co is not None:
        return "Có" if value.co else "Không"
    return so_lieu(value, unit)


def cau_van_ban(kq: KetQuaChiTieu) -> str:
    """One clause of the plan document: 'tỷ lệ lao động qua đào tạo đạt 52,77%, yêu cầu từ 75% trở
    lên, còn thiếu 22,23 điểm phần trăm', 'còn 3 nhà tạm, dột nát, yêu cầu không còn'. A figure
    with no official level is stated without the tool's remark about levels."""
    spec = kq.chi_tieu.chi_tieu
    unit = don_vi(kq)
    name = _lower_first(spec.ten_hien_thi)
    if kq.gia_tri is None:
        return f"{name}: chưa có số liệu"
    if _khong_con(kq):  # within the document's own parentheses: no nested ones
        assert kq.gia_tri.so is not None
        if kq.gia_tri.so == 0:
            return f"không còn {doi_tuong(kq)}"
        return f"còn {so_du_chu_so(kq.gia_tri.so)} {doi_tuong(kq)}, yêu cầu không còn"
    if spec.loai is LoaiChiTieu.dat:
        return f"{name}: {'có' if kq.gia_tri.co else 'chưa có'}"
    if kq.yeu_cau is None or kq.yeu_cau.gia_tri is None:
        return f"{name} {so_lieu(kq.gia_tri, unit)}"
    lead = f"đạt {so_lieu(kq.gia_tri, unit)}" if spec.loai is LoaiChiTieu.toi_thieu else so_lieu(kq.gia_tri, unit)
    text = f"{name} {lead}, yêu cầu {muc_van_ban(kq.yeu_cau.loai, kq.yeu_cau.gia_tri, unit)}"
    gap = chenh_lech(kq)
    return f"{text}, {gap}" if gap else text


def goi_y_tu_danh_gia(ma_tieu_chi: str) -> str:
    """What to do when the set does not list all of a criterion's indicators."""
    return (f"ghi tieu_chi.{ma_tieu_chi}.tu_danh_gia (đạt hoặc chưa đạt): bộ tiêu chí chưa liệt kê đủ "
            "chỉ tiêu của tiêu chí này để kết luận từ số liệu")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def nguon_yeu_cau(req: YeuCau) -> str:
    if req.nguon is NguonYeuCau.ke_hoach:
        return "kế hoạch tự nêu (bộ tiêu chí chưa có mức)"
    if req.nguon is NguonYeuCau.chi_tieu_rieng:
        return f"chỉ tiêu riêng của kế hoạch, theo {req.trich_dan}"
    return f"{req.trich_dan} ({DO_TIN_CAY[req.do_tin_cay]})"


def nguon(kq: KetQuaChiTieu) -> str:
    if kq.yeu_cau is not None:
        return nguon_yeu_cau(kq.yeu_cau)
    if kq.chua_ro is not None and kq.chua_ro.trich_dan:
        return f"{kq.chua_ro.trich_dan}: mức chưa rõ"
    return "chưa có nguồn"


def tham_so(value: object) -> str | None:
    """A message param of the assessment's kinds (a status, a confidence, a requirement), or None."""
    if isinstance(value, KetQua):
        return TRANG_THAI[value].lower()
    if isinstance(value, DoTinCay):
        return DO_TIN_CAY[value]
    if isinstance(value, YeuCau):
        return nguon_yeu_cau(value)
    if isinstance(value, Enum):
        return str(value.value)
    return None
