"""The report as JSON (docs/json.md, "ntm report"): the model's tables as they are, numbers as numbers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ntm.present.bao_cao.model import Bang, BaoCao, Gia, OTrangThai

JSON_VERSION = 1


def _gia(value: Gia) -> Any:
    if isinstance(value, OTrangThai):
        return {"trang_thai": value.trang_thai.value, "theo_tu_danh_gia": value.theo_tu_danh_gia,
                "ly_do": value.ly_do.value if value.ly_do else None}
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _bang(b: Bang) -> Iterator[str]:
    """One table, a row at a time: 10,000 rows are never one string."""
    keys = [c.ma for c in b.cot]
    head = {"ma": b.ma, "tieu_de": b.tieu_de, "bo_tieu_chi": b.bo_tieu_chi,
            "cot": [{"ma": c.ma, "nhan": c.nhan, "kieu": c.kieu.value} for c in b.cot]}
    yield _dumps(head)[:-1] + ', "dong": ['
    for i, row in enumerate(b.dong):
        yield ("\n  " if not i else ",\n  ") + _dumps(dict(zip(keys, (_gia(v) for v in row), strict=True)))
    yield f"], \"ghi_chu\": {_dumps(list(b.ghi_chu))}}}"


def render_json(r: BaoCao) -> Iterator[bytes]:
    """The report's JSON, in pieces (docs/json.md, "ntm report")."""
    head = {
        "phien_ban": JSON_VERSION,
        "tieu_de": r.tieu_de,
        "pham_vi": [{"muc": k, "gia_tri": v} for k, v in r.pham_vi],
        "dinh_nghia": [{"thuat_ngu": k, "dinh_nghia": v} for k, v in r.dinh_nghia],
        "so_tep_co_van_de": r.so_tep_loi,
    }
    yield (_dumps(head)[:-1] + ', "phan": [').encode("utf-8")
    for i, p in enumerate(r.phan):
        intro = {"ma": p.ma, "tieu_de": p.tieu_de, "mo_ta": list(p.mo_ta)}
        yield (("\n" if not i else ",\n") + _dumps(intro)[:-1] + ', "bang": [').encode("utf-8")
        for j, b in enumerate(p.bang):
            yield ("\n" if not j else ",\n").encode("utf-8")
            yield from (piece.encode("utf-8") for piece in _bang(b))
        yield b"]}"
    yield b"]}\n"
