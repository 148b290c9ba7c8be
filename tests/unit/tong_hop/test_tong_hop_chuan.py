"""The domain's facts: standards nest (NTM < nâng cao < kiểu mẫu), the bands of the 19-criteria sets."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ntm.plan.model import ChuanNTM
from ntm.tong_hop.chuan import (
    NHOM_19,
    THU_TU_CHUAN,
    KhoangTieuChi,
    bac,
    co_nhom,
    cong_nhan_den,
    da_cong_nhan,
    nhom_19,
    thu_tu_bo,
)
from ntm.tong_hop.tom_tat import BoTomTat

NTM, NANG_CAO, KIEU_MAU = ChuanNTM.ntm, ChuanNTM.nang_cao, ChuanNTM.kieu_mau


def test_standards_rise_from_ntm_to_kieu_mau() -> None:
    assert THU_TU_CHUAN == (NTM, NANG_CAO, KIEU_MAU)
    assert bac(NTM) < bac(NANG_CAO) < bac(KIEU_MAU)
    assert set(THU_TU_CHUAN) == set(ChuanNTM)  # every standard a plan can record has its place


def test_the_highest_standard_recognised_by_a_year() -> None:
    history = ((NTM, 2019), (NANG_CAO, 2022), (KIEU_MAU, 2025))
    assert cong_nhan_den(history, 2018) is None
    assert cong_nhan_den(history, 2021) == (NTM, 2019)
    assert cong_nhan_den(history, 2024) == (NANG_CAO, 2022)
    assert cong_nhan_den(reversed(history), 2030) == (KIEU_MAU, 2025)  # whatever order the plan lists them in


def test_recognition_nests() -> None:
    """A commune recognised kiểu mẫu is also nâng cao and NTM; a commune recognised NTM is not nâng cao."""
    assert all(da_cong_nhan([(KIEU_MAU, 2022)], c, 2023) for c in THU_TU_CHUAN)
    assert da_cong_nhan([(NTM, 2020)], NTM, 2023) and not da_cong_nhan([(NTM, 2020)], NANG_CAO, 2023)
    assert not da_cong_nhan([(NTM, 2024)], NTM, 2023)  # recognised after the year reported
    assert not da_cong_nhan([], NTM, 2023)


def test_the_bands_cover_0_to_19_criteria_once_each() -> None:
    for met in range(20):
        assert sum(band.chua(met) for band in NHOM_19) == 1, met
    assert NHOM_19[0] == KhoangTieuChi(19, 19)  # meeting every criterion first, as the provinces list them


@pytest.mark.parametrize(("met", "band"), [(19, (19, 19)), (18, (15, 18)), (15, (15, 18)), (14, (10, 14)),
                                           (10, (10, 14)), (9, (5, 9)), (5, (5, 9)), (4, (0, 4)), (0, (0, 4))])
def test_a_communes_band_at_its_edges(met: int, band: tuple[int, int]) -> None:
    assert nhom_19(met, 19) == KhoangTieuChi(*band)


def test_sets_that_are_not_of_19_criteria_have_no_bands() -> None:
    assert nhom_19(10, 10) is None and not co_nhom(10) and co_nhom(19)


def test_sets_are_ordered_by_their_standard_then_id(bo: Callable[..., BoTomTat]) -> None:
    sets = [bo(ma="tinh-x", chuan=None), bo(ma="xa-ntm-nang-cao-2021-2025", chuan=NANG_CAO),
            bo(ma="xa-ntm-2026-2030", chuan=NTM), bo(ma="xa-ntm-2021-2025", chuan=NTM),
            bo(ma="xa-ntm-kieu-mau-2021-2025", chuan=KIEU_MAU)]
    assert [b.ma for b in sorted(sets, key=thu_tu_bo)] == [
        "xa-ntm-2021-2025", "xa-ntm-2026-2030", "xa-ntm-nang-cao-2021-2025", "xa-ntm-kieu-mau-2021-2025", "tinh-x"]
