"""Every figure of the report, computed once from the gathered plans: what `present` lays out.

`tong_hop(gop)` closes the gathering (duplicates out, rows sorted by commune
and year), orders the sets (by standard, then id) and computes each table's
rows as typed data. It holds no words: ntm.present.bao_cao.build turns it
into the report's view model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ntm.load.danh_sach import XaChinhThuc
from ntm.tong_hop.binh_quan import BinhQuanBoNam, theo_bo
from ntm.tong_hop.chuan import thu_tu_bo
from ntm.tong_hop.danh_sach_xa import DoiChieuDanhSach, doi_chieu
from ntm.tong_hop.dat_chuan import DatChuanNam, dat_chuan
from ntm.tong_hop.gop import Dong, Gop
from ntm.tong_hop.kinh_phi import NguonNam, NoiNam, TongNam, kinh_phi, muc_tieu_noi
from ntm.tong_hop.theo_nhom import PhanToNam, theo_nhom
from ntm.tong_hop.theo_tieu_chi import ChiTieuNam, TieuChiNam, theo_chi_tieu, theo_tieu_chi
from ntm.tong_hop.tien_do import (
    BuocTienDo,
    KeHoachThucHien,
    MatTieuChi,
    ke_hoach_thuc_hien,
    mat_tieu_chi,
    tien_do,
)
from ntm.tong_hop.tom_tat import BoTomTat


def nhom_bo_nam(rows: Iterable[Dong]) -> dict[tuple[str, int], list[Dong]]:
    """Plans by (set, year), each list in the order of `rows`."""
    groups: dict[tuple[str, int], list[Dong]] = defaultdict(list)
    for d in rows:
        groups[(d.bo.khoa, d.nam)].append(d)
    return groups


@dataclass(frozen=True)
class TongHopBaoCao:
    """The report's figures. `gop` keeps the rows, the files left out and the scope."""

    gop: Gop
    bo: tuple[BoTomTat, ...]  # the sets with plans, in the report's order
    nam: tuple[int, ...]  # the years with plans, ascending
    theo_bo_nam: dict[tuple[str, int], list[Dong]]  # plans by (set's khoa, year)
    dat_chuan: tuple[DatChuanNam, ...]
    binh_quan: tuple[BinhQuanBoNam, ...]
    theo_nhom: tuple[PhanToNam, ...]
    theo_tieu_chi: tuple[TieuChiNam, ...]
    theo_chi_tieu: tuple[ChiTieuNam, ...]
    tien_do: tuple[BuocTienDo, ...]
    danh_sach: DoiChieuDanhSach | None = None  # against the official list (--danh-sach-xa)
    mat_tieu_chi: tuple[MatTieuChi, ...] = ()  # communes that lost a criterion since the year before
    kinh_phi: tuple[NguonNam, ...] = ()  # funding by source, per year
    kinh_phi_tong: tuple[TongNam, ...] = ()  # the plans' declared totals, per year
    muc_tieu_noi: tuple[NoiNam, ...] = ()  # places targeted (thôn NTM kiểu mẫu, thông minh, …), per year
    ke_hoach_thuc_hien: tuple[KeHoachThucHien, ...] = ()  # targets of the year before against this year's state

    def cua_bo(self, bo: BoTomTat) -> list[Dong]:
        """The plans of one set, in the rows' order (commune, then year)."""
        return [d for d in self.gop.dong if d.bo.khoa == bo.khoa]

    def nam_cua(self, bo: BoTomTat) -> list[int]:
        """The years with plans of one set, ascending."""
        return sorted(y for k, y in self.theo_bo_nam if k == bo.khoa)


def tong_hop(gop: Gop, danh_sach: list[XaChinhThuc] | None = None) -> TongHopBaoCao:
    gop.ket_thuc()
    groups = nhom_bo_nam(gop.dong)
    sets = [bo for bo in sorted(gop.bo.values(), key=thu_tu_bo) if any(k == bo.khoa for k, _ in groups)]
    years = sorted({d.nam for d in gop.dong})
    funds, totals = kinh_phi(gop.dong)
    steps = tien_do(gop.dong, gop.hop_nhat)
    return TongHopBaoCao(
        gop, tuple(sets), tuple(years), groups, tuple(dat_chuan(gop.dong, years)),
        tuple(theo_bo(groups, sets)), tuple(theo_nhom(gop.dong, sets)), tuple(theo_tieu_chi(groups, sets)),
        tuple(theo_chi_tieu(groups, sets, gop.muc)), tuple(steps),
        doi_chieu(gop.dong, years, danh_sach, gop.hop_nhat) if danh_sach is not None else None,
        tuple(mat_tieu_chi(groups, sets)), tuple(funds), tuple(totals), tuple(muc_tieu_noi(gop.dong)),
        tuple(ke_hoach_thuc_hien(steps, sets)),
    )
