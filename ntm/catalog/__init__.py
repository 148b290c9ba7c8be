"""Criteria sets (bộ tiêu chí) as data files with their legal basis: model, loading, merging, levels.

A new government decision is a new file under ntm/catalog/data/, not new code.
"""

from __future__ import annotations

from ntm.catalog.load import CATALOG_DIR, CatalogError, builtin_ids, check_catalog_file, load_catalog, resolve_ref
from ntm.catalog.merge import BoTieuChi, ChiTieuDayDu, NguongCoNguon
from ntm.catalog.model import BoTieuChiFile, CanCuPhapLy, ChiTieu, DonVi, DoTinCay, LoaiChiTieu, Nguong, TieuChi
from ntm.catalog.thresholds import BoiCanh, MucChuaRo, NguonYeuCau, YeuCau, assessment_date, yeu_cau

__all__ = [
    "CATALOG_DIR",
    "BoTieuChi",
    "BoTieuChiFile",
    "BoiCanh",
    "CanCuPhapLy",
    "CatalogError",
    "ChiTieu",
    "ChiTieuDayDu",
    "DoTinCay",
    "DonVi",
    "LoaiChiTieu",
    "MucChuaRo",
    "NguonYeuCau",
    "Nguong",
    "NguongCoNguon",
    "TieuChi",
    "YeuCau",
    "assessment_date",
    "builtin_ids",
    "check_catalog_file",
    "load_catalog",
    "resolve_ref",
    "yeu_cau",
]
