"""`ntm criteria`: a set's criteria with the thresholds that apply at a place and a year."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ntm.catalog import BoTieuChi
from ntm.cli import EXIT_OK
from ntm.cli.bo_tieu_chi import check_place, load_set, one_axis
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics.params import Cau
from ntm.present.criteria import DEFAULT_WIDTH, criteria_view
from ntm.present.formats import CRITERIA
from ntm.present.messages import phrase
from ntm.present.output import Luong, OutputError, write_atomic


def listing_width() -> int:
    """The text listing's width: $COLUMNS if set, the terminal's on a terminal, else a fixed
    width (piped output is the same wherever it is read)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout is not None and sys.stdout.isatty():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return DEFAULT_WIDTH


def criteria(ref: str, vung: str | None, nhom_xa: int | None, nam: int | None, special: bool, fmt: str,
             anywhere: bool = False, bo_tinh: str | None = None) -> int:
    lenh = "ntm criteria"
    one_axis(vung, nhom_xa, lenh)
    target = new_set_file(bo_tinh) if bo_tinh is not None else None
    bo = load_set(ref, anywhere, lenh)
    check_place(bo, vung, nhom_xa, nam, lenh)
    if bo_tinh is not None:
        return write_province_set(bo, ref, target, vung, nhom_xa, nam, anywhere)
    view = criteria_view(bo, vung=vung, nhom_xa=nhom_xa, nam=nam, dac_biet_kho_khan=special)
    out = Luong(sys.stdout)
    CRITERIA[fmt].load()(view, out, listing_width())
    out.flush()
    return EXIT_OK


def new_set_file(value: str) -> Path | None:
    """--bo-tinh's file: new, in a folder that exists ("-": standard output)."""
    from ntm.cli.init import new_file  # only this option needs `ntm init`'s machinery

    if value != "-" and os.path.lexists(value):
        raise LoiCachDung(Cau("bo_tinh.da_co", {"tep": value}), None, nhan=False)
    return new_file(value)


def write_province_set(bo: BoTieuChi, ref: str, target: Path | None, vung: str | None, nhom_xa: int | None,
                       nam: int | None, anywhere: bool) -> int:
    """--bo-tinh FILE: a province set inheriting `bo`, with every indicator lacking a level there
    listed to fill; a new file or nothing ("-": standard output)."""
    from ntm.cli.init import set_as_named, slug
    from ntm.present.bo_tinh import DauVaoBoTinh, khung_bo_tinh

    if bo.truc != "khong" and vung is None and nhom_xa is None:
        axis, axis_name = ("--vung", "vùng") if bo.truc == "vung" else ("--nhom-xa", "nhóm xã")
        raise LoiCachDung(Cau("bo_tinh.thieu_truc", {"truc": axis, "ten_truc": axis_name,
                                                     "bo_tieu_chi": bo.file.ten_ngan}), "ntm criteria")
    name = slug(target.stem) if target is not None else f"tinh-{bo.ma}"
    text = khung_bo_tinh(DauVaoBoTinh(bo=bo, ke_thua=set_as_named(ref, target, anywhere, "ntm criteria"), ma=name, vung=vung,
                                      nhom_xa=nhom_xa, nam=nam))
    if target is None:
        out = Luong(sys.stdout)
        out.write(text)
        out.flush()
        return EXIT_OK
    try:
        write_atomic(target, text.encode("utf-8"), ghi_de=False)
    except OutputError as exc:
        cau = Cau("bo_tinh.da_co", {"tep": str(target)}) if exc.cau.key == "ghi.da_co" else exc.cau
        raise LoiCachDung(cau, None, nhan=False) from None
    sys.stderr.write("ntm: " + phrase(Cau("ghi.da_ghi", {"tep": str(target)})) + "\n")
    sys.stderr.write("ntm: " + phrase(Cau("bo_tinh.tiep_theo", {"tep": str(target)})) + "\n")
    return EXIT_OK
