"""A criteria set named on the command line (`criteria`, `init`): read it, and check a region or
group and a year against it, each slip a usage error that names what is valid."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import typer

from ntm.catalog import BoTieuChi, CatalogError, NgoaiKho, builtin_ids, load_catalog
from ntm.cli import EXIT_INVALID
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics.params import Cau, GiaTri
from ntm.diagnostics.suggest import de_xuat
from ntm.load import os_reason
from ntm.present.messages import one_line
from ntm.run.one import repository_root


def fail(key: str, lenh: str = "ntm criteria", **params: object) -> NoReturn:
    raise LoiCachDung(Cau(key, params), lenh)


def load_set(ref: str, anywhere: bool, lenh: str, base: Path | None = None) -> BoTieuChi:
    """The set `ref` names (a built-in id, or a file relative to `base`, default the current
    folder, inside that folder's repository unless `anywhere`); a usage error when there is none.
    A set file with errors: its diagnostics on standard error, then exit 1."""
    folder = base if base is not None else Path.cwd()
    try:
        return load_catalog(ref, folder, None if anywhere else repository_root(folder))
    except NgoaiKho as exc:
        raise LoiCachDung(Cau("lenh.ngoai_kho", {"ten": GiaTri(str(exc.path), 120), "goc": str(exc.root)}),
                          lenh) from None
    except FileNotFoundError:
        ids = builtin_ids()
        raise LoiCachDung(Cau("lenh.khong_co_bo", {
            "ten": GiaTri(ref, 80), "de_xuat": de_xuat(ref, ids), "cac_bo": ", ".join(ids)}), lenh) from None
    except CatalogError as exc:
        for d in exc.diagnostics:
            sys.stderr.write(one_line(d) + "\n")
        raise typer.Exit(EXIT_INVALID) from None
    except OSError as exc:  # a name no file system accepts (too long, a loop of links)
        raise LoiCachDung(Cau("lenh.bo_khong_dung_duoc", {"ten": GiaTri(ref, 80), "ly_do": os_reason(exc)}),
                          lenh) from None


def one_axis(vung: str | None, nhom_xa: int | None, lenh: str) -> None:
    if vung is not None and nhom_xa is not None:
        raise LoiCachDung(Cau("lenh.mot_trong_hai", {"a": "--vung", "b": "--nhom-xa"}), lenh)


def check_place(bo: BoTieuChi, vung: str | None, nhom_xa: int | None, nam: int | None, lenh: str) -> None:
    """The region or group and the year, against the set: a usage error naming what is valid."""
    name = bo.file.ten_ngan
    if vung is not None and bo.truc == "vung" and vung not in bo.cac_vung:
        fail("lenh.vung_khong_co", lenh, vung=GiaTri(vung, 80), cac_vung=", ".join(bo.cac_vung))
    if vung is not None and bo.truc == "nhom_xa":
        fail("lenh.dung_nhom_xa", lenh, bo_tieu_chi=name)
    if nhom_xa is not None and bo.truc == "vung":
        fail("lenh.dung_vung", lenh, bo_tieu_chi=name)
    period = bo.giai_doan
    if nam is not None and period and not (period[0] <= nam <= period[1]):
        fail("lenh.nam_ngoai_giai_doan", lenh, nam=nam, tu=period[0], den=period[1], bo_tieu_chi=name)
