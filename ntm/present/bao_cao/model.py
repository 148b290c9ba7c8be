"""The report's one view model: sections of typed tables and chart data, rendered by every writer.

A table is columns (a JSON key, a heading, a kind) and rows of raw values:
numbers stay numbers (percentages as fractions), a matrix cell is a status
code (`OTrangThai`). The .xlsx, .html and .md writers format the same rows; the JSON
writer emits them as they are. Nothing here formats a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from ntm.assess.result import KetQua, LyDo
from ntm.tong_hop.tom_tat import TrangThaiTieuChi


class Kieu(str, Enum):
    """What a column holds, which decides its format in every writer."""

    chu = "chu"  # text
    nam = "nam"  # a year: a whole number written without a thousands separator
    so_nguyen = "so_nguyen"  # a count
    so_thap_phan = "so_thap_phan"  # a figure (min, median, average)
    ty_le = "ty_le"  # a fraction, shown as a percentage
    tang_giam = "tang_giam"  # a signed change of an average
    tang_giam_nguyen = "tang_giam_nguyen"  # a signed change of a count
    trang_thai = "trang_thai"  # a criterion's status (OTrangThai)


@dataclass(frozen=True)
class Cot:
    ma: str  # JSON key
    nhan: str  # heading
    kieu: Kieu
    rong: int = 12  # width in characters, for the spreadsheet


@dataclass(frozen=True)
class OTrangThai:
    """A matrix cell: one criterion of one plan."""

    ma: TrangThaiTieuChi

    @property
    def trang_thai(self) -> KetQua:
        return self.ma.ket_qua

    @property
    def theo_tu_danh_gia(self) -> bool:
        return self.ma.theo_tu_danh_gia

    @property
    def ly_do(self) -> LyDo | None:
        return self.ma.ly_do


# Shared: a matrix of 10,000 rows holds 7 objects. Keyed by the byte too (a row's statuses are bytes).
CELLS: dict[int, OTrangThai] = {int(code): OTrangThai(code) for code in TrangThaiTieuChi}

Gia = str | int | float | OTrangThai | None


@dataclass(frozen=True)
class Bang:
    """One table: a sheet of the spreadsheet, a <table> of the page."""

    ma: str  # what the table is (JSON `ma`); per-set tables repeat it with `bo_tieu_chi`
    tieu_de: str
    ten_trang: str  # sheet name (≤ 31 characters, unique in the report)
    cot: tuple[Cot, ...]
    dong: Sequence[tuple[Gia, ...]]
    ghi_chu: tuple[str, ...] = ()
    bo_tieu_chi: str | None = None  # the set's id, for tables of one set
    co_dinh: int = 0  # columns kept in view when scrolling sideways (the matrix's names)


@dataclass(frozen=True)
class BieuDoCot:
    """Bar chart: communes that have not met each criterion (one set, one year), stacked with the
    communes where it cannot be assessed (`chong`), out of `toi_da` communes."""

    ma: str
    tieu_de: str
    nhan: tuple[str, ...]
    gia_tri: tuple[int, ...]
    truc: str
    # Further series stacked after `gia_tri`, each (name, a value per label): communes that cannot be assessed.
    chong: tuple[tuple[str, tuple[int, ...]], ...] = ()
    ten_gia_tri: str = ""  # the legend's name of `gia_tri` ("" when there is no other series)
    toi_da: int | None = None  # the axis' end: the denominator (communes counted); None: the longest bar

    @property
    def chuoi(self) -> tuple[tuple[str, tuple[int, ...]], ...]:
        """Every series, bottom of the stack first."""
        return ((self.ten_gia_tri, self.gia_tri), *self.chong)


@dataclass(frozen=True)
class BieuDoDuong:
    """Line chart: the average number of criteria met per commune, a line per set; sets with a
    different number of criteria are never on one chart (`toi_da`)."""

    ma: str
    tieu_de: str
    nam: tuple[int, ...]
    duong: tuple[tuple[str, tuple[float | None, ...]], ...]
    truc: str
    toi_da: float | None = None  # the axis' end (the sets' number of criteria); None: the highest point


@dataclass(frozen=True)
class BieuDoNhiet:
    """Heat map of the matrix: rows are communes (status codes) or groups (share met, 0-1)."""

    ma: str
    tieu_de: str
    hang: tuple[str, ...]
    cot: tuple[str, ...]
    o: tuple[tuple[float, ...], ...]  # a status code per cell, or a share when `ty_le`
    ty_le: bool
    ghi_chu: str = ""


BieuDo = BieuDoCot | BieuDoDuong | BieuDoNhiet


@dataclass(frozen=True)
class Phan:
    """A section: a heading, what it shows, its tables and charts."""

    ma: str
    tieu_de: str
    mo_ta: tuple[str, ...]
    bang: tuple[Bang, ...]
    bieu_do: tuple[BieuDo, ...] = ()


@dataclass(frozen=True)
class BaoCao:
    tieu_de: str
    pham_vi: tuple[tuple[str, str | int], ...]  # (what, value): files read, plans counted (counts are numbers), years, filters
    phan: tuple[Phan, ...]
    dinh_nghia: tuple[tuple[str, str], ...] = field(default=())  # (term, definition and source)
    so_tep_loi: int = 0  # invalid or duplicated files listed (exit code 1)

    @property
    def cac_bang(self) -> list[Bang]:
        return [b for p in self.phan for b in p.bang]
