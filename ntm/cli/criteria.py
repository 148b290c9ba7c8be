"""`ntm criteria`: a set's criteria with the thresholds that apply at a place and a year."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

from ntm.cli import EXIT_INVALID, EXIT_OK
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics.params import Cau, GiaTri
from ntm.diagnostics.suggest import de_xuat


def fail(key: str, **params: object) -> NoReturn:
    raise LoiCachDung(Cau(key, params), "ntm criteria")


def listing_width() -> int:
    """The text listing's width: $COLUMNS if set, the terminal's on a terminal, else a fixed
    width (piped output is the same wherever it is read)."""
    import os
    import shutil

    from ntm.present.criteria import DEFAULT_WIDTH

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout is not None and sys.stdout.isatty():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return DEFAULT_WIDTH


def criteria(ref: str, vung: str | None, nhom_xa: int | None, nam: int | None, special: bool, fmt: str,
             anywhere: bool = False) -> int:
    from ntm.catalog import CatalogError, NgoaiKho, builtin_ids, load_catalog
    from ntm.cli.plans import use_color
    from ntm.load import os_reason
    from ntm.present.criteria import criteria_view, print_criteria
    from ntm.present.messages import one_line
    from ntm.present.output import Luong

    if vung is not None and nhom_xa is not None:
        raise LoiCachDung(Cau("lenh.mot_trong_hai", {"a": "--vung", "b": "--nhom-xa"}), "ntm criteria")
    from ntm.run.one import repository_root

    try:
        bo = load_catalog(ref, Path.cwd(), None if anywhere else repository_root(Path.cwd()))
    except NgoaiKho as exc:
        raise LoiCachDung(Cau("lenh.ngoai_kho", {"ten": GiaTri(str(exc.path), 120), "goc": str(exc.root)}),
                          "ntm criteria") from None
    except FileNotFoundError:
        ids = builtin_ids()
        raise LoiCachDung(Cau("lenh.khong_co_bo", {
            "ten": GiaTri(ref, 80), "de_xuat": de_xuat(ref, ids), "cac_bo": ", ".join(ids)}), "ntm criteria") from None
    except CatalogError as exc:
        for d in exc.diagnostics:
            sys.stderr.write(one_line(d) + "\n")
        return EXIT_INVALID
    except OSError as exc:  # a name no file system accepts (too long, a loop of links)
        raise LoiCachDung(Cau("lenh.bo_khong_dung_duoc", {"ten": GiaTri(ref, 80), "ly_do": os_reason(exc)}),
                          "ntm criteria") from None
    name = bo.file.ten_ngan
    if vung is not None and bo.truc == "vung" and vung not in bo.cac_vung:
        fail("lenh.vung_khong_co", vung=GiaTri(vung, 80), cac_vung=", ".join(bo.cac_vung))
    if vung is not None and bo.truc == "nhom_xa":
        fail("lenh.dung_nhom_xa", bo_tieu_chi=name)
    if nhom_xa is not None and bo.truc == "vung":
        fail("lenh.dung_vung", bo_tieu_chi=name)
    period = bo.giai_doan
    if nam is not None and period and not (period[0] <= nam <= period[1]):
        fail("lenh.nam_ngoai_giai_doan", nam=nam, tu=period[0], den=period[1], bo_tieu_chi=name)
    view = criteria_view(bo, vung=vung, nhom_xa=nhom_xa, nam=nam, dac_biet_kho_khan=special)
    out = Luong(sys.stdout)
    print_criteria(view, fmt, out, use_color() and fmt == "text", listing_width())
    out.flush()
    return EXIT_OK
