"""The view of a checked plan's assessment: criteria, indicators, totals (only `check` loads it)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu, KetQuaTieuChi, LyDo
from ntm.assess.result import TongHop as TongHopSo
from ntm.catalog import LoaiChiTieu
from ntm.catalog.thresholds import NguonYeuCau
from ntm.diagnostics.text import visible
from ntm.plan.values import SoLieu, json_number
from ntm.present import ky_ke_hoach, wording


def _number(value: SoLieu | None) -> int | float | bool | None:
    if value is None:
        return None
    return value.co if value.co is not None else json_number(value.so)


def _visible(text: str | None) -> str | None:
    return visible(text) if text is not None else None


def _decimal(value: Decimal | None) -> int | float | None:
    return json_number(value)


# slots, not frozen: made once per indicator of every plan, and a frozen init costs 5x
@dataclass(slots=True)
class ChiTieu:
    so: str
    ma: str
    loai: str
    trang_thai: KetQua
    ly_do: str | None
    gia_tri: int | float | bool | None
    phep_so_sanh: str
    yeu_cau: int | float | bool | None
    chenh_lech: int | float | None
    # What the properties below read: worded when shown (text shows only some indicators;
    # wording every one was ~0.4 ms of each plan of a batch, benchmarks/README.md).
    ket_qua: KetQuaChiTieu = field(repr=False, compare=False)
    nguon_chung: str | None = None  # the set's usual source, said once in a legend (nguon_rieng)
    cua_ke_hoach: bool = False  # an indicator the plan defines itself (chi_tieu_rieng)
    so_tam: bool = False  # its number is the catalog's own, the official one unknown

    @property
    def ten(self) -> str:
        return visible(wording.ten_chi_tieu(self.ket_qua))

    @property
    def don_vi(self) -> str | None:
        return wording.don_vi(self.ket_qua)

    @property
    def nguon(self) -> str:
        return visible(wording.nguon(self.ket_qua))

    @property
    def nguon_rieng(self) -> bool:
        """Its requirement's source differs from the set's usual one: said on its line."""
        return self.ket_qua.yeu_cau is not None and self.nguon != self.nguon_chung

    @property
    def muc_tieu(self) -> dict[str, Any] | None:
        return _muc_tieu(self.ket_qua)

    @property
    def nguon_chi_tiet(self) -> dict[str, Any] | None:
        req = self.ket_qua.yeu_cau
        if req is None:
            return None
        return {"loai": req.nguon.value, "trich_dan": req.trich_dan or None, "bo_tieu_chi": req.bo_tieu_chi,
                "do_tin_cay": req.do_tin_cay.value, "url": req.url, "ghi_chu": req.ghi_chu}

    @property
    def duong_dan(self) -> str:
        return ".".join(str(p) for p in self.ket_qua.path)

    @property
    def lo_trinh(self) -> tuple[dict[str, Any], ...]:
        """A multi-year plan's targets by year."""
        return tuple({"nam": y, "tu": _number(t.tu), "den": _number(t.den)} for y, t in self.ket_qua.lo_trinh)

    @property
    def mo_ta(self) -> str:
        """'đạt 52,77%, yêu cầu ≥ 75%, còn thiếu 22,23 điểm phần trăm' (ntm.present.wording.mo_ta)."""
        return visible(wording.mo_ta(self.ket_qua))

    @property
    def la_chua_dat(self) -> bool:
        return self.trang_thai is KetQua.chua_dat

    @property
    def thieu_so_lieu(self) -> bool:
        return self.ly_do == "khong_co_so_lieu"

    @property
    def trang_thai_json(self) -> str:
        """A figure with no official level to judge it by is its own state, not missing data."""
        if self.trang_thai is KetQua.chua_co_du_lieu and self.ly_do == "chua_co_nguong" and self.gia_tri is not None:
            return "chua_co_nguong"
        return self.trang_thai.value

    def to_json(self) -> dict[str, Any]:
        return {
            "so": self.so, "ma": self.ma, "ten": self.ten, "don_vi": self.don_vi, "loai": self.loai,
            "trang_thai": self.trang_thai_json, "ly_do": self.ly_do, "gia_tri": self.gia_tri,
            "phep_so_sanh": self.phep_so_sanh, "yeu_cau": self.yeu_cau, "chenh_lech": self.chenh_lech,
            "muc_tieu": self.muc_tieu, "lo_trinh": list(self.lo_trinh), "nguon": self.nguon, "nguon_chi_tiet": self.nguon_chi_tiet,
            "mo_ta": self.mo_ta, "duong_dan": self.duong_dan, "cua_ke_hoach": self.cua_ke_hoach,
            "so_tam": self.so_tam,
        }


def _muc_tieu(kq: KetQuaChiTieu) -> dict[str, Any] | None:
    """The target as bounds: one figure is a floor for a ≥ indicator and a ceiling for a ≤ one
    (a poverty rate of 3% aims at no more than 3%); a range is its two ends."""
    target = kq.muc_tieu
    if target is None:
        return None
    if target.den is None and kq.chi_tieu.chi_tieu.loai is LoaiChiTieu.toi_da:
        return {"tu": None, "den": _number(target.tu)}
    return {"tu": _number(target.tu), "den": _number(target.den)}


def _chi_tieu(kq: KetQuaChiTieu, common: str | None) -> ChiTieu:
    spec = kq.chi_tieu.chi_tieu
    req = kq.yeu_cau
    return ChiTieu(
        so=spec.so,
        ma=spec.ma,
        loai=spec.loai.value,
        trang_thai=kq.trang_thai,
        ly_do=kq.ly_do.value if kq.ly_do else None,
        gia_tri=_number(kq.gia_tri),
        phep_so_sanh=wording.PHEP_SO_SANH[spec.loai],
        yeu_cau=(True if spec.loai is LoaiChiTieu.dat else _decimal(req.gia_tri)) if req else None,
        chenh_lech=_decimal(kq.chenh_lech),
        ket_qua=kq,
        nguon_chung=common,
        cua_ke_hoach=kq.chi_tieu.cua_ke_hoach,
        so_tam=wording.tam(spec.xac_nhan_so),
    )


# slots, not frozen: made once per criterion of every plan, and a frozen init costs 5x
@dataclass(slots=True, eq=False)
class TieuChi:
    so: str
    ma: str
    ten: str
    trang_thai: KetQua
    theo_tu_danh_gia: bool
    chi_tieu_day_du: bool
    # The indicators are viewed when first read: text output shows those of a few criteria,
    # and viewing all of them was ~0.2 ms of each plan of a batch (benchmarks/README.md).
    ket_qua: KetQuaTieuChi = field(repr=False)
    nguon_chung: str | None = field(default=None, repr=False)  # the legend's source (nguon_rieng)
    dong: int | None = None  # the criterion's line in the plan (CI annotations), not in the JSON
    ly_do: LyDo | None = None  # why the figures alone cannot decide (even when a self-assessment then does)
    viewed: tuple[ChiTieu, ...] | None = field(default=None, repr=False)

    @property
    def chi_tieu(self) -> tuple[ChiTieu, ...]:
        if self.viewed is None:
            self.viewed = tuple(_chi_tieu(i, self.nguon_chung) for i in self.ket_qua.chi_tieu)
        return self.viewed

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TieuChi):
            return NotImplemented
        mine = (self.so, self.ma, self.ten, self.trang_thai, self.theo_tu_danh_gia, self.chi_tieu_day_du,
                self.dong, self.ly_do, self.chi_tieu)
        return mine == (other.so, other.ma, other.ten, other.trang_thai, other.theo_tu_danh_gia,
                        other.chi_tieu_day_du, other.dong, other.ly_do, other.chi_tieu)

    __hash__ = None  # type: ignore[assignment]  # mutable (the cache), as the dataclass's own eq makes it

    @property
    def chua_dat(self) -> list[ChiTieu]:
        return [c for c in self.chi_tieu if c.trang_thai is KetQua.chua_dat]

    @property
    def nhan(self) -> str:
        return wording.trang_thai(self.trang_thai, self.theo_tu_danh_gia, self.ly_do)

    @property
    def la_chua_dat(self) -> bool:
        return self.trang_thai is KetQua.chua_dat

    @property
    def la_chua_co_du_lieu(self) -> bool:
        return self.trang_thai is KetQua.chua_co_du_lieu

    @property
    def la_thieu_so_lieu(self) -> bool:
        """Cannot be judged because the plan lacks figures: the plan can fix that."""
        return self.la_chua_co_du_lieu and self.ly_do is LyDo.khong_co_so_lieu

    @property
    def la_can_bo_sung(self) -> bool:
        """Cannot be judged, and the plan can settle it: figures to add, or (the set's list of
        indicators being incomplete) a self-assessment. An unknown official level it cannot."""
        return self.la_chua_co_du_lieu and self.ly_do in (LyDo.khong_co_so_lieu, LyDo.danh_muc_chua_du)

    def to_json(self) -> dict[str, Any]:
        return {
            "so": self.so, "ma": self.ma, "ten": self.ten, "trang_thai": self.trang_thai.value,
            "ly_do": self.ly_do.value if self.ly_do else None,
            "theo_tu_danh_gia": self.theo_tu_danh_gia, "chi_tieu_day_du": self.chi_tieu_day_du,
            "chi_tieu": [c.to_json() for c in self.chi_tieu], "chi_tieu_chua_dat": [c.ma for c in self.chua_dat],
        }


def _tieu_chi(tc: KetQuaTieuChi, line: int | None, common: str | None) -> TieuChi:
    return TieuChi(tc.so, tc.ma, visible(tc.ten), tc.trang_thai, tc.theo_tu_danh_gia, tc.chi_tieu_day_du,
                   tc, common, line, tc.ly_do)


def nguon_chung(danh_gia: DanhGia) -> str | None:
    """The source most of the set's applied levels come from, said once (a legend) rather than
    on every line; lines whose source differs say theirs."""
    from collections import Counter

    counts = Counter(
        visible(wording.nguon_yeu_cau(i.yeu_cau))
        for tc in danh_gia.tieu_chi for i in tc.chi_tieu
        if i.yeu_cau is not None and i.yeu_cau.nguon is NguonYeuCau.bo_tieu_chi
    )
    return counts.most_common(1)[0][0] if counts else None


@dataclass(frozen=True)
class TongHop:
    """The assessment's totals and the sentence that says them."""

    so: TongHopSo
    cau_tom_tat: str

    @property
    def chua_dat(self) -> int:
        return self.so.chua_dat

    def to_json(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self.so), "cau_tom_tat": self.cau_tom_tat}


def cau_tom_tat(danh_gia: DanhGia) -> str:
    """'Đạt 14 · Chưa đạt 5 · Chưa đánh giá được 0 (trên 19 tiêu chí; 14 đạt theo tự đánh giá)'.

    Criteria that cannot be judged are counted apart from the unmet ones, with why, so that
    unknown official levels never read as failures."""
    t = danh_gia.tong_hop
    text = f"Đạt {t.dat} · Chưa đạt {t.chua_dat} · Chưa đánh giá được {t.chua_co_du_lieu}"
    notes = [f"trên {t.tong_so} tiêu chí"]
    why = [
        f"{n} {wording.LY_DO[reason].lower()}"
        for reason, n in ((LyDo.chua_co_nguong, t.chua_co_nguong), (LyDo.khong_co_so_lieu, t.khong_co_so_lieu),
                          (LyDo.danh_muc_chua_du, t.danh_muc_chua_du))
        if n
    ]
    if why:
        notes.append("chưa đánh giá được: " + ", ".join(why))
    self_assessed = [f"{n} {label}" for n, label in ((t.dat_theo_tu_danh_gia, "đạt"),
                                                     (t.chua_dat_theo_tu_danh_gia, "chưa đạt")) if n]
    if self_assessed:
        notes.append(" và ".join(self_assessed) + " theo tự đánh giá của kế hoạch")
    return f"{text} ({'; '.join(notes)})"


def quy_tac_vung(danh_gia: DanhGia) -> str | None:
    """The region rule, briefly: 'mức vùng Trung du và miền núi phía Bắc (xã đặc biệt khó khăn)'."""
    if danh_gia.vung_theo_quy_tac is None:
        return None
    bo = danh_gia.bo_tieu_chi
    region = bo.cac_vung.get(danh_gia.vung or "", danh_gia.vung or "")
    why = wording.CO_XA.get(danh_gia.doi_vung_vi or "", "")
    return f"mức vùng {region}" + (f" ({why})" if why else "")


@dataclass(frozen=True)
class DanhGiaView:
    """The assessment part of a checked plan."""

    bo_tieu_chi: dict[str, Any]
    ten_ngan: str
    can_cu: str
    nam: int
    vung: str | None
    ten_vung: str | None
    quy_tac_vung: str | None
    nhom_xa: int | None
    tieu_chi: tuple[TieuChi, ...]
    tong_hop: TongHop
    nguon_chung: str | None = None
    cap: str = "xa"  # a district's or a province's plan: no commune criteria assessed
    giai_doan: tuple[int, int] | None = None  # a multi-year plan's period
    ghi_chu_ky: str | None = None  # the line saying which set a period straddling two sets is held to

    @property
    def danh_gia_xa(self) -> bool:
        return self.cap == "xa"


def danh_gia_view(danh_gia: DanhGia, lines: dict[str, int | None]) -> DanhGiaView:
    bo = danh_gia.bo_tieu_chi
    common = nguon_chung(danh_gia)
    by_region = bo.truc == "vung"  # only the axis the set is read along: a stray key was already warned about
    return DanhGiaView(
        bo_tieu_chi={
            "ma": bo.ma,
            "ten": bo.file.ten,
            "ten_ngan": bo.file.ten_ngan,
            "can_cu": bo.can_cu.trich_dan,
            "ngay_ban_hanh": bo.can_cu.ngay_ban_hanh.isoformat(),
            "nguon": bo.can_cu.nguon,
            "tep": bo.nguon_tep if bo.file.ke_thua else None,
        },
        ten_ngan=visible(bo.file.ten_ngan),
        can_cu=visible(bo.can_cu.trich_dan),
        nam=danh_gia.nam,
        vung=danh_gia.vung if by_region else None,
        ten_vung=_visible(bo.cac_vung.get(danh_gia.vung or "", None) if by_region else None),
        quy_tac_vung=_visible(quy_tac_vung(danh_gia)),
        nhom_xa=danh_gia.nhom_xa if bo.truc == "nhom_xa" else None,
        tieu_chi=tuple(_tieu_chi(t, lines.get(t.ma), common) for t in danh_gia.tieu_chi),
        tong_hop=TongHop(danh_gia.tong_hop, cau_tom_tat(danh_gia)),
        nguon_chung=common,
        cap=danh_gia.cap,
        giai_doan=danh_gia.giai_doan,
        ghi_chu_ky=_visible(ky_ke_hoach.hai_bo(danh_gia)),
    )
