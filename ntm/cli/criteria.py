"""`ntm criteria`: a set's criteria with the thresholds that apply at a place and a year."""

from __future__ import annotations

import os
import shutil
import sys

from ntm.cli import EXIT_OK
from ntm.cli.bo_tieu_chi import check_place, load_set, one_axis
from ntm.present.criteria import DEFAULT_WIDTH, criteria_view
from ntm.present.formats import CRITERIA
from ntm.present.output import Luong


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
             anywhere: bool = False) -> int:
    lenh = "ntm criteria"
    one_axis(vung, nhom_xa, lenh)
    bo = load_set(ref, anywhere, lenh)
    check_place(bo, vung, nhom_xa, nam, lenh)
    view = criteria_view(bo, vung=vung, nhom_xa=nhom_xa, nam=nam, dac_biet_kho_khan=special)
    out = Luong(sys.stdout)
    CRITERIA[fmt].load()(view, out, listing_width())
    out.flush()
    return EXIT_OK
