"""The province's official list of communes (`ntm report --danh-sach-xa FILE`): CSV or YAML -> rows.

A UTF-8 CSV whose header is exactly `ma_xa,ten_xa,huyen_cu,vung_hoac_nhom,nam_cong_nhan`
(the last three may be empty), or a YAML list of mappings with the same keys
(docs/report.md, "Danh sách xã chính thức"). The file is read as plans are
(regular files only, size-capped, encodings checked, YAML composed safely); a
mistake stops the report with the file and line that hold it (`DanhSachLoi`):
rates over a wrong total are worse than no report.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ntm.diagnostics import Diagnostic, MucDo
from ntm.diagnostics.params import Cau, GiaTri
from ntm.load import load_bytes, read_file
from ntm.load.decode import decode

COT: tuple[str, ...] = ("ma_xa", "ten_xa", "huyen_cu", "vung_hoac_nhom", "nam_cong_nhan")
MA_XA_SO_CHU_SO = 5
NAM_TOI_THIEU, NAM_TOI_DA = 2010, 2100


@dataclass(frozen=True)
class XaChinhThuc:
    """A commune of the official list, and the line of the file it is on."""

    ma_xa: str
    ten_xa: str
    huyen_cu: str | None
    vung_hoac_nhom: str | None
    nam_cong_nhan: int | None  # the year recognised NTM, if the list says
    dong: int


class DanhSachLoi(Exception):
    """The list cannot be used: `cau` says where (file:line) and what; or `chan_doan`, the file's
    diagnostic (unreadable, not UTF-8, broken YAML) as a plan's would be said."""

    def __init__(self, cau: Cau | None = None, chan_doan: Diagnostic | None = None) -> None:
        super().__init__(cau.key if cau else chan_doan.code if chan_doan else "")
        self.cau = cau
        self.chan_doan = chan_doan


def _loi(key: str, tep: str, dong: int | None = None, **params: object) -> DanhSachLoi:
    return DanhSachLoi(Cau(f"danh_sach.{key}", {"noi": f"{tep}:{dong}" if dong else tep, **params}))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _xa(values: dict[str, Any], tep: str, dong: int, seen: dict[str, int]) -> XaChinhThuc:
    code, name = _text(values.get("ma_xa")), _text(values.get("ten_xa"))
    if code is None:
        raise _loi("thieu", tep, dong, cot="ma_xa")
    if not (len(code) == MA_XA_SO_CHU_SO and code.isascii() and code.isdigit()):
        raise _loi("ma_sai", tep, dong, gia_tri=GiaTri(code))
    if code in seen:
        raise _loi("trung_ma", tep, dong, gia_tri=code, dong_truoc=seen[code])
    if name is None:
        raise _loi("thieu", tep, dong, cot="ten_xa")
    year_text = _text(values.get("nam_cong_nhan"))
    year: int | None = None
    if year_text is not None:
        if not (year_text.isascii() and year_text.isdigit() and NAM_TOI_THIEU <= int(year_text) <= NAM_TOI_DA):
            raise _loi("nam_sai", tep, dong, gia_tri=GiaTri(year_text), tu=NAM_TOI_THIEU, den=NAM_TOI_DA)
        year = int(year_text)
    seen[code] = dong
    return XaChinhThuc(code, name, _text(values.get("huyen_cu")), _text(values.get("vung_hoac_nhom")), year, dong)


def _csv(text: str, tep: str) -> list[XaChinhThuc]:
    lines = text.splitlines()
    rows = csv.reader(lines, strict=True)
    try:
        header = next(rows, None)
        if header is None or tuple(h.strip() for h in header) != COT:
            raise _loi("tieu_de", tep, 1, cac_cot=",".join(COT), co=GiaTri(",".join(header or [])))
        out: list[XaChinhThuc] = []
        seen: dict[str, int] = {}
        for row in rows:
            dong = rows.line_num
            if not any(cell.strip() for cell in row):
                continue  # a blank line
            if len(row) != len(COT):
                raise _loi("so_cot", tep, dong, can=len(COT), co=len(row))
            out.append(_xa(dict(zip(COT, row, strict=True)), tep, dong, seen))
    except csv.Error as exc:
        raise _loi("csv", tep, rows.line_num, ly_do=str(exc)) from None
    return out


def _yaml(data: bytes, tep: str) -> list[XaChinhThuc]:
    loaded = load_bytes(data, tep)
    errors = [d for d in loaded.diagnostics if d.level is MucDo.LOI]
    if loaded.data is None or errors:
        raise DanhSachLoi(chan_doan=errors[0] if errors else loaded.diagnostics[0])
    if not isinstance(loaded.data, list):
        raise _loi("yaml_danh_sach", tep, 1)
    out: list[XaChinhThuc] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(loaded.data):
        dong = loaded.source_map.position((i,))[0] or 1
        if not isinstance(item, dict):
            raise _loi("yaml_danh_sach", tep, dong)
        unknown = [k for k in item if k not in COT]
        if unknown:
            raise _loi("khoa_la", tep, dong, khoa=GiaTri(unknown[0], khoa=True), cac_cot=", ".join(COT))
        out.append(_xa(item, tep, dong, seen))
    return out


def doc_danh_sach(path: Path) -> list[XaChinhThuc]:
    """The communes of the list, in its order; `DanhSachLoi` when it cannot be used."""
    tep = str(path)
    data, problem = read_file(path, tep, "danh_sach_xa")
    if data is None:
        raise DanhSachLoi(chan_doan=problem)
    if path.suffix.lower() in (".yaml", ".yml"):
        out = _yaml(data, tep)
    else:
        text, problems = decode(data, tep)
        if text is None:
            raise DanhSachLoi(chan_doan=problems[0])
        out = _csv(text, tep)
    if not out:
        raise _loi("rong", tep)
    return out
