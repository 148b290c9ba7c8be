"""Criteria sets (bộ tiêu chí) as data files with their legal basis: model, loading, merging.

The level an indicator is held to at a place and date is ntm.catalog.thresholds (imported by
the assessment only).

A new government decision is a new file under ntm/catalog/data/, not new code.
"""

from __future__ import annotations

from ntm.catalog.load import (
    CATALOG_DIR,
    CatalogError,
    NgoaiKho,
    builtin_ids,
    check_catalog_file,
    load_catalog,
    resolve_ref,
)
from ntm.catalog.merge import BoTieuChi, ChiTieuDayDu, NguongCoNguon
from ntm.catalog.model import (
    BoTieuChiFile,
    CanCuPhapLy,
    ChiTieu,
    DonVi,
    DoTinCay,
    LoaiChiTieu,
    Nguong,
    TieuChi,
    XacNhan,
)

__all__ = [
    "CATALOG_DIR",
    "BoTieuChi",
    "BoTieuChiFile",
    "CanCuPhapLy",
    "CatalogError",
    "ChiTieu",
    "ChiTieuDayDu",
    "DoTinCay",
    "DonVi",
    "LoaiChiTieu",
    "NgoaiKho",
    "Nguong",
    "NguongCoNguon",
    "TieuChi",
    "XacNhan",
    "builtin_ids",
    "check_catalog_file",
    "load_catalog",
    "resolve_ref",
]
