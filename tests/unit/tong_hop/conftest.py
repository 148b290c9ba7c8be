"""Builders for the aggregation stage's unit tests: summaries made in code, as a worker would send them.

`bo(...)` is a criteria set as the report knows it, `ke_hoach(bo, xa, nam, ...)`
one plan's summary, `gom(...)` gathers summaries as the parent does and
`tong(...)` computes every figure. `ket_qua_tep(...)` checks a plan given as
data (validate + assess, no file, no CLI) for the worker's reduction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from ntm.catalog import LoaiChiTieu
from ntm.plan.model import ChuanNTM
from ntm.tong_hop.gop import Gop, Loc
from ntm.tong_hop.ket_qua import TongHopBaoCao, tong_hop
from ntm.tong_hop.tom_tat import (
    BoTomTat,
    ChiTieuBo,
    MucApDung,
    TomTat,
    TrangThaiChiTieu,
    TrangThaiTieuChi,
)


def make_bo(so_tieu_chi: int = 19, chuan: ChuanNTM | None = ChuanNTM.ntm, ma: str = "xa-ntm-2021-2025",
            khoa: str | None = None, ten_ngan: str | None = None) -> BoTomTat:
    """A set of `so_tieu_chi` criteria tc1, tc2, … numbered 1, 2, …; criterion 1 has a numeric
    indicator (1.1, ≥, %) and a yes/no one (1.2), criterion 2 a numeric one (2.1)."""
    criteria = tuple((f"tc{i}", str(i), f"Tiêu chí {i}") for i in range(1, so_tieu_chi + 1))
    indicators = (ChiTieuBo("tc1", "ty_le_a", "1.1", "Tỷ lệ A", "%", LoaiChiTieu.toi_thieu),
                  ChiTieuBo("tc1", "co_b", "1.2", "Có B", None, LoaiChiTieu.dat),
                  ChiTieuBo("tc2", "ty_le_c", "2.1", "Tỷ lệ C", "%", LoaiChiTieu.toi_thieu))
    return BoTomTat(khoa or ma, ma, ten_ngan or f"Bộ {ma}", "QĐ 318/QĐ-TTg", chuan, "vung", criteria, indicators)


def make_ke_hoach(bo: BoTomTat | None, xa: str | None, nam: int | None, chua_dat: int = 0, *,
                  trang_thai: Sequence[TrangThaiTieuChi] | None = None, tinh: str | None = "Hòa Sơn",
                  huyen: str | None = None, vung: str | None = None,
                  cong_nhan: Sequence[tuple[ChuanNTM, int]] = (), chi_tieu: Sequence[TrangThaiChiTieu] | None = None,
                  so_lieu: Sequence[float | None] | None = None, muc: Sequence[MucApDung | None] | None = None,
                  tep: str | None = None, loi: int = 0, canh_bao: int = 0, ma_xa: str | None = None,
                  hop_nhat_tu: Sequence[str] = ()) -> TomTat:
    """One plan's summary: the first `chua_dat` criteria unmet and the others met, unless `trang_thai`
    gives each; indicators without figures unless given. `bo=None` is a file that is not a valid plan."""
    tep = tep or f"{xa}-{nam}.yaml"
    if bo is None:
        return TomTat(tep, loi, canh_bao, False, tinh, huyen, xa, nam, cong_nhan=tuple(cong_nhan), ma_xa=ma_xa,
                      hop_nhat_tu=tuple(hop_nhat_tu))
    codes = list(trang_thai) if trang_thai is not None else (
        [TrangThaiTieuChi.chua_dat] * chua_dat + [TrangThaiTieuChi.dat] * (bo.so_tieu_chi - chua_dat))
    assert len(codes) == bo.so_tieu_chi
    n = len(bo.chi_tieu)
    return TomTat(
        tep, loi, canh_bao, False, tinh, huyen, xa, nam, vung, tuple(cong_nhan), bo, bytes(codes),
        bytes(chi_tieu if chi_tieu is not None else [TrangThaiChiTieu.thieu_so_lieu] * n),
        tuple(so_lieu if so_lieu is not None else [None] * n), tuple(muc if muc is not None else [None] * n),
        ma_xa, tuple(hop_nhat_tu),
    )


def make_gop(*summaries: TomTat, loc: Loc | None = None) -> Gop:
    gop = Gop(loc or Loc())
    for s in summaries:
        gop.add(s)
    return gop


@pytest.fixture
def bo() -> Callable[..., BoTomTat]:
    return make_bo


@pytest.fixture
def ke_hoach() -> Callable[..., TomTat]:
    return make_ke_hoach


@pytest.fixture
def gom() -> Callable[..., Gop]:
    return make_gop


@pytest.fixture
def tong() -> Callable[..., TongHopBaoCao]:
    def build(*summaries: TomTat, loc: Loc | None = None) -> TongHopBaoCao:
        return tong_hop(make_gop(*summaries, loc=loc))

    return build


@pytest.fixture
def ket_qua_tep() -> Callable[..., Any]:
    """A plan of the national NTM set given as data, through the stages as ntm.run.one takes it
    (validated, checked against its set, assessed when no error), with no file and no CLI."""
    from ntm.assess.judge import assess
    from ntm.catalog import load_catalog
    from ntm.diagnostics import has_errors
    from ntm.plan import validate_plan
    from ntm.rules import check_against_set
    from ntm.run import KetQuaTep

    def build(tieu_chi: dict[str, Any], *, nam: int = 2024, **dia_ban: Any) -> KetQuaTep:
        data = {
            "van_ban": {"co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ AN LẠC", "so_hieu": "01/KH-UBND",
                        "dia_danh": "An Lạc", "ngay_ban_hanh": f"{nam}-01-05",
                        "trich_yeu": "Kế hoạch xây dựng nông thôn mới", "noi_nhan": ["Lưu: VT."],
                        "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn A"}},
            "dia_ban": {"xa": "An Lạc", "tinh": "Hòa Sơn", "vung": "bac-trung-bo", **dia_ban},
            "nam": nam,
            "bo_tieu_chi": "xa-ntm-2021-2025",
            "tieu_chi": tieu_chi,
        }
        plan, diagnostics = validate_plan(data, "an-lac.yaml")
        if plan is None:
            return KetQuaTep("an-lac.yaml", diagnostics=diagnostics)
        bo = load_catalog("xa-ntm-2021-2025")
        found = diagnostics + check_against_set("an-lac.yaml", plan, data, bo)
        return KetQuaTep("an-lac.yaml", plan, bo, None if has_errors(found) else assess(plan, bo), found)

    return build
