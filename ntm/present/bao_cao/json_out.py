"""The report as JSON (docs/json.md, "ntm report"): the model's tables as they are, numbers as numbers."""

from __future__ import annotations

import json
from typing import Any

from ntm.present.bao_cao.model import Bang, BaoCao, Gia, OTrangThai

JSON_VERSION = 1


def _gia(value: Gia) -> Any:
    if isinstance(value, OTrangThai):
        return {"trang_thai": value.trang_thai.value, "theo_tu_danh_gia": value.theo_tu_danh_gia,
                "ly_do": value.ly_do.value if value.ly_do else None}
    return value


def bang_json(b: Bang) -> dict[str, Any]:
    keys = [c.ma for c in b.cot]
    return {
        "ma": b.ma,
        "tieu_de": b.tieu_de,
        "bo_tieu_chi": b.bo_tieu_chi,
        "cot": [{"ma": c.ma, "nhan": c.nhan, "kieu": c.kieu.value} for c in b.cot],
        "dong": [dict(zip(keys, (_gia(v) for v in row), strict=True)) for row in b.dong],
        "ghi_chu": list(b.ghi_chu),
    }


def to_json(r: BaoCao) -> dict[str, Any]:
    return {
        "phien_ban": JSON_VERSION,
        "tieu_de": r.tieu_de,
        "pham_vi": [{"muc": k, "gia_tri": v} for k, v in r.pham_vi],
        "dinh_nghia": [{"thuat_ngu": k, "dinh_nghia": v} for k, v in r.dinh_nghia],
        "so_tep_co_van_de": r.so_tep_loi,
        "phan": [
            {"ma": p.ma, "tieu_de": p.tieu_de, "mo_ta": list(p.mo_ta), "bang": [bang_json(b) for b in p.bang]}
            for p in r.phan
        ],
    }


def render_json(r: BaoCao) -> bytes:
    return (json.dumps(to_json(r), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
