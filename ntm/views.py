"""View models: the one structure every presenter renders, so formats cannot disagree.

`check_view` is the documented JSON of `ntm check --format json` (docs/json.md);
the terminal table, the CI annotations and the documents read the same
dictionaries.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ntm import formatting
from ntm.assessment import DanhGia, KetQua, KetQuaChiTieu, KetQuaTieuChi, NguonYeuCau, YeuCau
from ntm.catalog import LoaiChiTieu
from ntm.diagnostics import Diagnostic
from ntm.values import SoLieu

# Babel takes ~0.1 ms a number and a check view shows a dozen; a batch formats the same
# few hundred figures and thresholds again and again. Both functions are pure. 512
# entries keep ~95% of the hits of an unbounded cache, in a quarter of a megabyte.
so = lru_cache(maxsize=512, typed=True)(formatting.so)
so_voi_don_vi = lru_cache(maxsize=512, typed=True)(formatting.so_voi_don_vi)

JSON_VERSION = 1

_OPERATOR = {LoaiChiTieu.toi_thieu: ">=", LoaiChiTieu.toi_da: "<=", LoaiChiTieu.dat: "=="}


def diagnostic_view(d: Diagnostic) -> dict[str, Any]:
    return {
        "tep": d.file,
        "dong": d.line,
        "cot": d.column,
        "ma": d.code,
        "muc_do": d.level.value,
        "duong_dan": d.path_text,
        "thong_diep": d.message,
    }


def _figure_text(value: SoLieu, unit: str | None) -> str:
    if value.co is not None:
        return "có" if value.co else "không"
    assert value.so is not None
    return so_voi_don_vi(value.so, unit)


def requirement_text(req: YeuCau, unit: str | None) -> str:
    if req.loai is LoaiChiTieu.dat or req.gia_tri is None:
        return "đạt"
    return f"{req.loai.ky_hieu} {so_voi_don_vi(req.gia_tri, unit)}"


def gap_text(kq: KetQuaChiTieu) -> str | None:
    if kq.chenh_lech is None:
        return None
    unit = kq.chi_tieu.chi_tieu.don_vi
    amount = f"{so(kq.chenh_lech)} điểm %" if unit == "%" else so_voi_don_vi(kq.chenh_lech, unit)
    verb = "thiếu" if kq.chi_tieu.chi_tieu.loai is LoaiChiTieu.toi_thieu else "vượt"
    return f"{verb} {amount}"


def detail_text(kq: KetQuaChiTieu) -> str:
    """'52,77% / yêu cầu ≥ 75% — thiếu 22,23 điểm %' (or why it cannot be said)."""
    unit = kq.chi_tieu.chi_tieu.don_vi
    value = _figure_text(kq.gia_tri, unit) if kq.gia_tri is not None else "chưa có số liệu"
    if kq.yeu_cau is None:
        unknown = "yêu cầu: chưa có mức trong bộ tiêu chí"
        if kq.chua_ro and kq.chua_ro.chung is not None:
            unknown += f" (chỉ tiêu chung cả nước: {so_voi_don_vi(kq.chua_ro.chung, unit)})"
        return f"{value} / {unknown}"
    text = f"{value} / yêu cầu {requirement_text(kq.yeu_cau, unit)}"
    gap = gap_text(kq)
    return f"{text} — {gap}" if gap else text


def source_text(kq: KetQuaChiTieu) -> str:
    if kq.yeu_cau is not None:
        return kq.yeu_cau.nguon_text
    if kq.chua_ro is not None and kq.chua_ro.trich_dan:
        return f"{kq.chua_ro.trich_dan}: mức chưa rõ"
    return "chưa có nguồn"


def _number(value: SoLieu | None) -> float | bool | None:
    if value is None:
        return None
    return value.co if value.co is not None else value.so


def indicator_view(kq: KetQuaChiTieu) -> dict[str, Any]:
    spec = kq.chi_tieu.chi_tieu
    req = kq.yeu_cau
    return {
        "so": spec.so,
        "ma": spec.ma,
        "ten": spec.ten_hien_thi,
        "don_vi": spec.don_vi,
        "loai": spec.loai.value,
        "trang_thai": kq.trang_thai.value,
        "ly_do": kq.ly_do,
        "gia_tri": _number(kq.gia_tri),
        "phep_so_sanh": _OPERATOR[spec.loai],
        "yeu_cau": (True if spec.loai is LoaiChiTieu.dat else req.gia_tri) if req else None,
        "chenh_lech": kq.chenh_lech,
        "muc_tieu": (
            {"tu": _number(kq.muc_tieu.tu), "den": _number(kq.muc_tieu.den)} if kq.muc_tieu else None
        ),
        "nguon": source_text(kq),
        "nguon_chi_tiet": (
            {
                "loai": req.nguon.value,
                "trich_dan": req.trich_dan if req.nguon is NguonYeuCau.bo_tieu_chi else None,
                "bo_tieu_chi": req.bo_tieu_chi,
                "do_tin_cay": req.do_tin_cay.value,
                "url": req.url,
                "ghi_chu": req.ghi_chu,
            }
            if req
            else None
        ),
        "mo_ta": detail_text(kq),
        "duong_dan": ".".join(str(p) for p in kq.path),
    }


def criterion_view(tc: KetQuaTieuChi) -> dict[str, Any]:
    return {
        "so": tc.so,
        "ma": tc.ma,
        "ten": tc.ten,
        "trang_thai": tc.trang_thai.value,
        "theo_tu_danh_gia": tc.theo_tu_danh_gia,
        "chi_tieu_day_du": tc.chi_tieu_day_du,
        "chi_tieu": [indicator_view(i) for i in tc.chi_tieu],
        "chi_tieu_chua_dat": [i.chi_tieu.ma for i in tc.chi_tieu if i.trang_thai is KetQua.chua_dat],
    }


def check_view(
    file: str, danh_gia: DanhGia | None, diagnostics: list[Diagnostic], la_bo_tieu_chi: bool = False
) -> dict[str, Any]:
    view: dict[str, Any] = {
        "phien_ban": JSON_VERSION,
        "tep": file,
        "loai_tep": "bo_tieu_chi" if la_bo_tieu_chi else "ke_hoach",
        "hop_le": danh_gia is not None or (la_bo_tieu_chi and not any(d.level.value == "loi" for d in diagnostics)),
        "chan_doan": [diagnostic_view(d) for d in diagnostics],
    }
    if danh_gia is None:
        view.update({"tieu_chi": [], "tong_hop": None, "bo_tieu_chi": None})
        return view
    bo = danh_gia.bo_tieu_chi
    totals = danh_gia.tong_hop
    view.update(
        {
            "bo_tieu_chi": {
                "ma": bo.ma,
                "ten": bo.file.ten,
                "ten_ngan": bo.file.ten_ngan,
                "can_cu": bo.can_cu.trich_dan,
                "ngay_ban_hanh": bo.can_cu.ngay_ban_hanh.isoformat(),
                "nguon": bo.can_cu.nguon,
                "tep": bo.nguon_tep if bo.file.ke_thua else None,
            },
            "nam": danh_gia.nam,
            # only the axis the set is read along: a stray key was already warned about (DM005)
            "vung": danh_gia.vung if bo.truc == "vung" else None,
            "ten_vung": bo.cac_vung.get(danh_gia.vung or "", None) if bo.truc == "vung" else None,
            "quy_tac_vung": danh_gia.vung_theo_quy_tac,
            "nhom_xa": danh_gia.nhom_xa if bo.truc == "nhom_xa" else None,
            "tieu_chi": [criterion_view(t) for t in danh_gia.tieu_chi],
            "tong_hop": {
                "tong_so": totals.tong_so,
                "dat": totals.dat,
                "chua_dat": totals.chua_dat,
                "chua_co_du_lieu": totals.chua_co_du_lieu,
                "dat_theo_tu_danh_gia": totals.dat_theo_tu_danh_gia,
                "cau_tom_tat": summary_sentence(danh_gia),
            },
        }
    )
    return view


def summary_sentence(danh_gia: DanhGia) -> str:
    t = danh_gia.tong_hop
    text = f"Đạt {t.dat}/{t.tong_so} tiêu chí"
    extras = []
    if t.chua_dat:
        extras.append(f"{t.chua_dat} chưa đạt")
    if t.chua_co_du_lieu:
        extras.append(f"{t.chua_co_du_lieu} chưa có dữ liệu")
    if t.dat_theo_tu_danh_gia:
        extras.append(f"{t.dat_theo_tu_danh_gia} tiêu chí đạt theo tự đánh giá")
    return text + (f" ({'; '.join(extras)})" if extras else "")


def unmet_sentence_items(danh_gia: DanhGia) -> list[dict[str, Any]]:
    """For the document: each unmet criterion with its failing indicators' figures."""
    items = []
    for tc in danh_gia.chua_dat:
        failing = [i for i in tc.chi_tieu if i.trang_thai is KetQua.chua_dat]
        parts = []
        for i in failing:
            spec = i.chi_tieu.chi_tieu
            if spec.loai is LoaiChiTieu.dat:
                parts.append(f"chưa đạt: {spec.ten_hien_thi[0].lower() + spec.ten_hien_thi[1:]}")
            else:
                parts.append(f"{spec.ten_hien_thi} {detail_text(i)}")
        if not failing:
            parts.append("tự đánh giá chưa đạt")
        items.append({"so": tc.so, "ten": tc.ten, "chi_tiet": "; ".join(parts)})
    return items
