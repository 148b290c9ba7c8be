"""What changed since a revision (`check --so-voi REV`), said: "14. Y tế: Chưa đạt → Đạt",
"14.1 Tỷ lệ tham gia bảo hiểm y tế: 82% → 96%"; and its JSON (docs/json.md, `so_voi`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ntm.assess.result import KetQua, LyDo
from ntm.assess.so_sanh import DoiSoLieu, DoiTieuChi, SoSanh, TrangThaiSoSanh
from ntm.diagnostics.text import visible
from ntm.plan.model import MucTieu
from ntm.plan.values import SoLieu, json_number
from ntm.present import wording

ARROW = "→"


@dataclass(frozen=True)
class ThayDoi:
    """One change: its kind (tieu_chi, so_lieu, muc_tieu, chi_tieu_ke_hoach, bo_tieu_chi, nam), what
    it is about, the old and new values as JSON, and the sentence."""

    loai: str
    ma: str
    so: str
    ten: str
    cu: Any
    moi: Any
    thong_diep: str
    tieu_chi: str = ""  # the criterion it belongs to (its line is where an annotation points)
    dong: int | None = None  # not in the JSON

    def to_json(self) -> dict[str, Any]:
        return {"loai": self.loai, "ma": self.ma, "so": self.so, "ten": self.ten, "cu": self.cu, "moi": self.moi,
                "thong_diep": self.thong_diep}


@dataclass(frozen=True)
class SoSanhView:
    phien_ban: str  # the revision as typed
    trang_thai: TrangThaiSoSanh
    thay_doi: tuple[ThayDoi, ...]
    cau: str  # the one-line verdict: new plan, removed, what changed, nothing changed

    def to_json(self) -> dict[str, Any]:
        return {"phien_ban": self.phien_ban, "trang_thai": self.trang_thai.value, "cau": self.cau,
                "thay_doi": [t.to_json() for t in self.thay_doi]}


def _status(status: KetQua | None, self_assessed: bool, why: LyDo | None) -> str:
    return wording.trang_thai(status, self_assessed, why) if status is not None else "không có trong bộ tiêu chí"


def _figure(value: SoLieu | None, unit: str | None) -> str:
    return wording.so_lieu(value, unit) if value is not None else "chưa có số liệu"


def _target(value: MucTieu | None, unit: str | None) -> str:
    if value is None:
        return "không ghi"
    text = wording.so_lieu(value.tu, unit)
    return f"{text} – {wording.so_lieu(value.den, unit)}" if value.den is not None else text


def _figure_json(value: SoLieu | None) -> int | float | bool | None:
    if value is None:
        return None
    return value.co if value.co is not None else json_number(value.so)


def _target_json(value: MucTieu | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"tu": _figure_json(value.tu), "den": _figure_json(value.den)}


def _leaf_json(value: Any) -> Any:
    if isinstance(value, SoLieu):
        return _figure_json(value)
    if isinstance(value, Decimal):
        return json_number(value)
    if isinstance(value, (list, tuple)):
        return [_leaf_json(v) for v in value]
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return visible(str(value.value if hasattr(value, "value") else value))


def _leaf_text(value: Any) -> str:
    shown = _leaf_json(value)
    if shown is None:
        return "không ghi"
    if isinstance(shown, bool):
        return "có" if shown else "không"
    if isinstance(shown, list):
        return ", ".join(_leaf_text(v) for v in shown) or "không ghi"
    return str(shown)


def _criterion(d: DoiTieuChi, lines: dict[str, int | None]) -> ThayDoi:
    old = _status(d.cu, d.tu_danh_gia_cu, d.ly_do_cu)
    new = _status(d.moi, d.tu_danh_gia_moi, d.ly_do_moi)
    ten = visible(d.ten)
    return ThayDoi("tieu_chi", d.ma, d.so, ten, d.cu.value if d.cu else None, d.moi.value if d.moi else None,
                   f"{d.so}. {ten}: {old} {ARROW} {new}", d.ma, lines.get(d.ma))


def _indicator(d: DoiSoLieu, kind: str, lines: dict[str, int | None]) -> ThayDoi:
    unit = wording.don_vi(d.chi_tieu)
    ten = visible(wording.ten_chi_tieu(d.chi_tieu))
    name = f"{d.so} {ten}" if d.so else ten
    if kind == "so_lieu":
        assert not isinstance(d.cu, MucTieu) and not isinstance(d.moi, MucTieu)
        said = f"{name}: {_figure(d.cu, unit)} {ARROW} {_figure(d.moi, unit)}"
        old: Any = _figure_json(d.cu)
        new: Any = _figure_json(d.moi)
    else:
        assert not isinstance(d.cu, SoLieu) and not isinstance(d.moi, SoLieu)
        said = f"{name}: mục tiêu {_target(d.cu, unit)} {ARROW} {_target(d.moi, unit)}"
        old, new = _target_json(d.cu), _target_json(d.moi)
    return ThayDoi(kind, d.ma, d.so, ten, old, new, said, d.tieu_chi, lines.get(d.tieu_chi))


def so_sanh_view(ss: SoSanh, phien_ban: str, lines: dict[str, int | None] | None = None) -> SoSanhView:
    lines = lines or {}
    rev = visible(phien_ban)
    if ss.trang_thai is TrangThaiSoSanh.moi:
        return SoSanhView(phien_ban, ss.trang_thai, (), f"Kế hoạch mới: chưa có ở {rev}.")
    if ss.trang_thai is TrangThaiSoSanh.da_xoa:
        return SoSanhView(phien_ban, ss.trang_thai, (), f"Kế hoạch đã bị xóa: có ở {rev}, nay không còn.")
    if ss.trang_thai is TrangThaiSoSanh.cu_khong_danh_gia:
        return SoSanhView(phien_ban, ss.trang_thai, (),
                          f"Không so sánh được: bản ở {rev} không hợp lệ (chạy ntm check trên bản ấy để xem lỗi).")
    if ss.trang_thai is TrangThaiSoSanh.khong_danh_gia:
        return SoSanhView(phien_ban, ss.trang_thai, (), f"Không so sánh được với {rev}: bản hiện tại có lỗi.")
    changes: list[ThayDoi] = []
    if ss.bo_tieu_chi_moi is not None:
        changes.append(ThayDoi("bo_tieu_chi", "", "", "bộ tiêu chí", ss.bo_tieu_chi_cu, ss.bo_tieu_chi_moi,
                               f"bộ tiêu chí: {ss.bo_tieu_chi_cu} {ARROW} {ss.bo_tieu_chi_moi}"))
    if ss.nam_moi is not None:
        changes.append(ThayDoi("nam", "", "", "năm", ss.nam_cu, ss.nam_moi, f"năm: {ss.nam_cu} {ARROW} {ss.nam_moi}"))
    changes += [_criterion(d, lines) for d in ss.tieu_chi]
    changes += [_indicator(d, "so_lieu", lines) for d in ss.so_lieu]
    changes += [_indicator(d, "muc_tieu", lines) for d in ss.muc_tieu]
    changes += [
        ThayDoi("chi_tieu_ke_hoach", d.duong_dan, "", d.duong_dan, _leaf_json(d.cu), _leaf_json(d.moi),
                f"{d.duong_dan}: {_leaf_text(d.cu)} {ARROW} {_leaf_text(d.moi)}")
        for d in ss.chi_tieu_ke_hoach
    ]
    if not changes:
        return SoSanhView(phien_ban, ss.trang_thai, (),
                          f"So với {rev}: không đổi trạng thái tiêu chí, số liệu hay mục tiêu nào.")
    counts = [f"{n} {label}" for n, label in (
        (len(ss.tieu_chi), "tiêu chí đổi trạng thái"), (len(ss.so_lieu), "số liệu thay đổi"),
        (len(ss.muc_tieu) + len(ss.chi_tieu_ke_hoach), "mục tiêu, chỉ tiêu thay đổi")) if n]
    totals = ""
    if ss.tong_hop_cu is not None and ss.tong_hop_moi is not None:
        a, b = ss.tong_hop_cu, ss.tong_hop_moi
        moved = [f"{label} {x} {ARROW} {y}" for label, x, y in (
            ("đạt", a.dat, b.dat), ("chưa đạt", a.chua_dat, b.chua_dat),
            ("chưa đánh giá được", a.chua_co_du_lieu, b.chua_co_du_lieu)) if x != y]
        totals = f" Tiêu chí {', '.join(moved)}." if moved else ""
    head = f"So với {rev}: {', '.join(counts) or 'bộ tiêu chí hoặc năm thay đổi'}.{totals}"
    return SoSanhView(phien_ban, ss.trang_thai, tuple(changes), head)
