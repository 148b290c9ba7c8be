"""assess.so_sanh: two assessments of one plan -> the statuses, figures and targets that changed, as
data (the wording is tests/acceptance/test_so_voi.py's). Expectations are read off BO_VUNG (mien-nui: labour
≥ 60%, poverty ≤ 6%)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ntm.assess.judge import assess
from ntm.assess.result import KetQua
from ntm.assess.so_sanh import SoSanh, TrangThaiSoSanh, so_sanh
from ntm.catalog import BoTieuChi
from unit.conftest import make_figures, make_plan


def _pair(bo: BoTieuChi, old: dict[str, Any], new: dict[str, Any]) -> SoSanh:
    a = make_plan(tieu_chi=make_figures("lao_dong", **old))
    b = make_plan(tieu_chi=make_figures("lao_dong", **new))
    return so_sanh(assess(a, bo), assess(b, bo), a, b)


def test_a_status_that_flips_and_the_figure_that_moved_it(bo_vung: BoTieuChi) -> None:
    found = _pair(bo_vung, {"ty_le_lao_dong_qua_dao_tao": "52%", "ty_le_ngheo": "5%"},
                  {"ty_le_lao_dong_qua_dao_tao": "61%", "ty_le_ngheo": "5%"})
    assert found.trang_thai is TrangThaiSoSanh.so_sanh
    (status,) = found.tieu_chi
    assert (status.ma, status.cu, status.moi) == ("lao_dong", KetQua.chua_dat, KetQua.dat)
    (figure,) = found.so_lieu
    assert figure.ma == "ty_le_lao_dong_qua_dao_tao"
    assert (figure.cu.so, figure.moi.so) == (Decimal("52"), Decimal("61"))
    assert found.tong_hop_cu.dat + 1 == found.tong_hop_moi.dat


def test_the_same_number_spelt_otherwise_has_not_moved(bo_vung: BoTieuChi) -> None:
    found = _pair(bo_vung, {"ty_le_lao_dong_qua_dao_tao": "61%"}, {"ty_le_lao_dong_qua_dao_tao": "61,0%"})
    assert not found.co_thay_doi


def test_a_figure_given_or_removed_and_a_target_changed(bo_vung: BoTieuChi) -> None:
    found = _pair(
        bo_vung,
        {"ty_le_lao_dong_qua_dao_tao": {"gia_tri": "55%", "muc_tieu": "58%"}},
        {"ty_le_lao_dong_qua_dao_tao": {"gia_tri": "55%", "muc_tieu": "60-62"}, "ty_le_ngheo": "3%"},
    )
    assert found.tieu_chi == ()  # still unmet
    (figure,) = found.so_lieu
    assert (figure.ma, figure.cu, figure.moi.so) == ("ty_le_ngheo", None, Decimal("3"))
    (target,) = found.muc_tieu
    assert (target.cu.tu.so, target.moi.tu.so, target.moi.den.so) == (Decimal("58"), Decimal("60"), Decimal("62"))


def test_targets_of_the_plan_year_are_compared_key_by_key(bo_vung: BoTieuChi) -> None:
    a = make_plan(chi_tieu={"thon_kieu_mau": {"thon": ["Thôn 1"]}})
    b = make_plan(chi_tieu={"thon_kieu_mau": {"thon": ["Thôn 1", "Thôn 2"]}})
    found = so_sanh(assess(a, bo_vung), assess(b, bo_vung), a, b)
    (change,) = found.chi_tieu_ke_hoach
    assert (change.duong_dan, change.cu, change.moi) == ("chi_tieu.thon_kieu_mau.thon", ["Thôn 1"], ["Thôn 1", "Thôn 2"])


def _staged(bo: BoTieuChi, stages: dict[str, str], period: str = "2022-2025") -> Any:
    figures = make_figures("lao_dong", ty_le_lao_dong_qua_dao_tao={"gia_tri": "52%", "muc_tieu": stages})
    return make_plan(nam=None, giai_doan=period, tieu_chi=figures)


def test_a_staged_target_moved_at_a_stage_before_its_last(bo_vung: BoTieuChi) -> None:
    a = _staged(bo_vung, {"2023": "55%", "2025": "62%"})
    b = _staged(bo_vung, {"2023": "57%", "2025": "62%"})
    found = so_sanh(assess(a, bo_vung), assess(b, bo_vung), a, b)
    (target,) = found.muc_tieu  # the last stage (the period's end) is the same
    assert (target.cu.tu.so, target.moi.tu.so) == (Decimal("62"), Decimal("62"))
    assert [(y, t.tu.so) for y, t in target.lo_trinh_cu] == [(2023, Decimal("55")), (2025, Decimal("62"))]
    assert [(y, t.tu.so) for y, t in target.lo_trinh_moi] == [(2023, Decimal("57")), (2025, Decimal("62"))]


def test_the_same_stages_spelt_otherwise_have_not_moved(bo_vung: BoTieuChi) -> None:
    a = _staged(bo_vung, {"2023": "55%", "2025": "62%"})
    b = _staged(bo_vung, {"2023": "55,0%", "2025": "62%"})
    assert not so_sanh(assess(a, bo_vung), assess(b, bo_vung), a, b).co_thay_doi


def test_a_changed_period_is_recorded_with_its_years(bo_vung: BoTieuChi) -> None:
    a = _staged(bo_vung, {"2023": "55%", "2025": "62%"})
    b = _staged(bo_vung, {"2023": "55%", "2025": "62%"}, period="2023-2025")
    found = so_sanh(assess(a, bo_vung), assess(b, bo_vung), a, b)
    assert found.giai_doan_doi and (found.giai_doan_cu, found.giai_doan_moi) == ((2022, 2025), (2023, 2025))
    assert found.muc_tieu == () and found.co_thay_doi
    yearly = make_plan(tieu_chi=make_figures("lao_dong", ty_le_lao_dong_qua_dao_tao="52%"))
    found = so_sanh(assess(yearly, bo_vung), assess(a, bo_vung), yearly, a)
    assert found.giai_doan_doi and (found.giai_doan_cu, found.giai_doan_moi) == (None, (2022, 2025))
    assert (found.nam_cu, found.nam_moi) == (yearly.nam, 2025)
