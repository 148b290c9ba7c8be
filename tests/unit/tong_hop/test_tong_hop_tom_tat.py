"""The worker's summary of one checked plan: statuses as codes, figures, levels and their sources as data."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest

from ntm.assess.result import KetQua, LyDo
from ntm.catalog import DoTinCay
from ntm.catalog.thresholds import NguonYeuCau
from ntm.diagnostics import Diagnostic, MucDo
from ntm.plan.model import ChuanNTM
from ntm.run import KetQuaTep
from ntm.tong_hop.tom_tat import (
    CHUA_DANH_GIA_DUOC,
    CHUA_DAT,
    DAT,
    TomTat,
    TrangThaiChiTieu,
    TrangThaiTieuChi,
    tom_tat,
    trang_thai_chi_tieu,
    trang_thai_tieu_chi,
)

Y_TE = {"hien_trang": {"ty_le_tham_gia_bhyt": "95%", "ty_le_tre_em_suy_dinh_duong_the_thap_coi": "30%"},
        "nhiem_vu": "Nâng tỷ lệ."}


@pytest.mark.parametrize("code", list(TrangThaiTieuChi))
def test_a_criterions_code_round_trips_through_the_assessment(code: TrangThaiTieuChi) -> None:
    """Each code stands for exactly one (status, self-assessed, reason) of the assessment."""
    tc = SimpleNamespace(trang_thai=code.ket_qua, theo_tu_danh_gia=code.theo_tu_danh_gia, ly_do=code.ly_do)
    assert trang_thai_tieu_chi(tc) is code  # type: ignore[arg-type]
    assert (code.ly_do is None) == (code.ket_qua is not KetQua.chua_co_du_lieu)


def test_the_three_categories_split_every_code_once() -> None:
    assert {int(c) for c in TrangThaiTieuChi} == DAT | CHUA_DAT | CHUA_DANH_GIA_DUOC
    assert not DAT & CHUA_DAT and not DAT & CHUA_DANH_GIA_DUOC and not CHUA_DAT & CHUA_DANH_GIA_DUOC
    assert TrangThaiTieuChi.dat_tu_danh_gia in DAT and TrangThaiTieuChi.chua_dat_tu_danh_gia in CHUA_DAT


def test_a_self_assessed_criterion_met_on_figures_it_could_not_judge_keeps_its_status() -> None:
    """The assessment names a reason even for a declared đạt: the declaration decides, not the reason."""
    tc = SimpleNamespace(trang_thai=KetQua.dat, theo_tu_danh_gia=True, ly_do=LyDo.chua_co_nguong)
    assert trang_thai_tieu_chi(tc) is TrangThaiTieuChi.dat_tu_danh_gia  # type: ignore[arg-type]


@pytest.mark.parametrize(("status", "ly_do", "expected"), [
    (KetQua.dat, None, TrangThaiChiTieu.dat),
    (KetQua.chua_dat, None, TrangThaiChiTieu.chua_dat),
    (KetQua.chua_co_du_lieu, LyDo.khong_co_so_lieu, TrangThaiChiTieu.thieu_so_lieu),
    (KetQua.chua_co_du_lieu, LyDo.chua_co_nguong, TrangThaiChiTieu.chua_co_muc),
])
def test_an_indicators_code(status: KetQua, ly_do: LyDo | None, expected: TrangThaiChiTieu) -> None:
    assert trang_thai_chi_tieu(SimpleNamespace(trang_thai=status, ly_do=ly_do)) is expected  # type: ignore[arg-type]


def test_a_checked_plan_reduced_in_the_worker(ket_qua_tep: Callable[..., KetQuaTep]) -> None:
    result = ket_qua_tep({"quy_hoach": {"tu_danh_gia": "dat", "nhiem_vu": "Duy trì."}, "y_te": Y_TE},
                         cong_nhan=[{"chuan": "ntm", "nam": 2020}], huyen="Đông Sơn")
    t = tom_tat(result)
    assert t.bo is not None and t.bo.ma == "xa-ntm-2021-2025" and t.bo.chuan is ChuanNTM.ntm
    assert (t.tinh, t.huyen, t.xa, t.nam, t.loi) == ("Hòa Sơn", "Đông Sơn", "An Lạc", 2024, 0)
    assert t.vung == "Bắc Trung Bộ"  # the region's name as the set names it, not the plan's slug
    assert t.cong_nhan == ((ChuanNTM.ntm, 2020),)
    assessed = {tc.ma: tc for tc in result.assessment.tieu_chi}  # type: ignore[union-attr]
    assert len(t.tieu_chi) == len(t.bo.tieu_chi) == 19
    for (ma, _, _), code in zip(t.bo.tieu_chi, t.tieu_chi, strict=True):
        assert TrangThaiTieuChi(code).ket_qua is assessed[ma].trang_thai
    assert TrangThaiTieuChi(t.tieu_chi[0]) is TrangThaiTieuChi.dat_tu_danh_gia


def test_figures_and_levels_are_numbers_and_the_source_is_data(ket_qua_tep: Callable[..., KetQuaTep]) -> None:
    t = tom_tat(ket_qua_tep({"y_te": Y_TE}))
    assert t.bo is not None
    assert len(t.chi_tieu) == len(t.so_lieu) == len(t.muc) == len(t.bo.chi_tieu)
    where = {spec.ma: j for j, spec in enumerate(t.bo.chi_tieu)}
    bhyt, tre_em = where["ty_le_tham_gia_bhyt"], where["ty_le_tre_em_suy_dinh_duong_the_thap_coi"]
    assert (t.chi_tieu[bhyt], t.so_lieu[bhyt]) == (TrangThaiChiTieu.dat, 95.0)
    assert (t.chi_tieu[tre_em], t.so_lieu[tre_em]) == (TrangThaiChiTieu.chua_dat, 30.0)
    level = t.muc[tre_em]
    assert level is not None and level.gia_tri == 25.0  # the Bắc Trung Bộ level, not another region's
    assert level.nguon.nguon is NguonYeuCau.bo_tieu_chi and level.nguon.trich_dan.startswith("QĐ 318/QĐ-TTg")
    assert isinstance(level.nguon.do_tin_cay, DoTinCay)
    assert t.chi_tieu[where["ty_le_so_kham_chua_benh_dien_tu"]] == TrangThaiChiTieu.thieu_so_lieu
    assert t.so_lieu[where["ty_le_so_kham_chua_benh_dien_tu"]] is None


def test_the_plans_own_level_is_marked_as_the_plans(ket_qua_tep: Callable[..., KetQuaTep]) -> None:
    t = tom_tat(ket_qua_tep({"nha_o_dan_cu": {"hien_trang": {"nha_tam_dot_nat": {"gia_tri": 3, "yeu_cau": 0}},
                                              "nhiem_vu": "Xóa nhà tạm."}}))
    assert t.bo is not None
    j = next(j for j, spec in enumerate(t.bo.chi_tieu) if spec.ma == "nha_tam_dot_nat")
    level = t.muc[j]
    assert level is not None and level.nguon.nguon is NguonYeuCau.ke_hoach and level.gia_tri == 0.0


def test_a_summary_holds_no_words_of_the_report(ket_qua_tep: Callable[..., KetQuaTep]) -> None:
    """Only names from the plan and the set travel: nothing the report would write (statuses, sources)."""
    t = tom_tat(ket_qua_tep({"y_te": Y_TE}))
    words: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str) and not isinstance(value, (ChuanNTM, NguonYeuCau, DoTinCay)):
            words.append(value)
        elif isinstance(value, tuple):
            for v in value:
                walk(v)

    walk(tuple(getattr(t, f) for f in ("tep", "tinh", "huyen", "xa", "vung", "cong_nhan", "muc")))
    assert not [w for w in words if any(k in w.casefold() for k in ("đạt", "nguyên văn", "tin cậy", "kế hoạch tự"))]


def test_one_set_crosses_to_the_parent_once_per_chunk(ket_qua_tep: Callable[..., KetQuaTep]) -> None:
    """Summaries of one set share its description, so a chunk of them pickles it once."""
    first, second = tom_tat(ket_qua_tep({"y_te": Y_TE})), tom_tat(ket_qua_tep({"y_te": Y_TE}, nam=2025))
    assert first.bo is second.bo
    one = len(pickle.dumps(first))
    assert len(pickle.dumps([first, second])) < one * 1.3


def test_a_plan_with_errors_keeps_who_it_is_about_and_its_counts(ket_qua_tep: Callable[..., KetQuaTep]) -> None:
    result = ket_qua_tep({"khong_co": {"nhiem_vu": "?"}})  # a criterion the set does not have
    t = tom_tat(result)
    assert t.bo is None and t.tieu_chi == b"" and t.loi == sum(1 for d in result.diagnostics if d.level is MucDo.LOI)
    assert t.loi >= 1 and (t.xa, t.nam) == ("An Lạc", 2024)


def test_a_plan_that_does_not_validate_keeps_only_its_file(ket_qua_tep: Callable[..., KetQuaTep]) -> None:
    t = tom_tat(ket_qua_tep({}, nam="hai"))
    assert t.bo is None and t.xa is None and t.loi >= 1


def test_a_file_that_gave_no_plan_keeps_only_its_name_and_counts() -> None:
    """As ntm.run.many reports a file ntm itself failed on (NTM001)."""
    t = tom_tat(KetQuaTep("hong.yaml", diagnostics=[Diagnostic("NTM001", "hong.yaml", params={"loai": "KeyError"})]))
    assert t == TomTat("hong.yaml", 1, 0)


def test_a_staged_target_is_read_as_it_stands_in_the_year_assessed() -> None:
    from ntm.tong_hop.tom_tat import o_nam

    staged = {2026: "12/19", 2028: "16/19", 2030: "19/19"}
    assert [o_nam(staged, y) for y in (2025, 2026, 2027, 2028, 2030, 2031)] == [
        None, "12/19", "12/19", "16/19", "19/19", "19/19"]
    assert o_nam("17/19", 2024) == "17/19"
