"""Small builders for the unit tests: plan data, a KeHoach, a criteria set, an assessment.

Everything is built in Python: no YAML file, no CLI. The builders are plain
functions, imported by the tests (`from unit.conftest import make_plan`); the
two small criteria sets, merged once, are also session fixtures:

    def test_x(bo_vung):
        plan = make_plan(dia_ban__vung="mien-nui", tieu_chi=make_figures("lao_dong", ty_le_ngheo="7%"))
        kq = find_indicator(assess(plan, bo_vung), "ty_le_ngheo")

`bo_vung` is a small criteria set by region with made-up numbers, the same as
tests/data/catalogs/thu-nghiem-vung.yaml (so every expectation can be checked
by hand against BO_VUNG below); `bo_nhom` is one by commune group, as
tests/data/catalogs/thu-nghiem-nhom.yaml.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from planlib import BASE_PLAN as PLAN_FILE
from planlib import edited

from ntm.assess.judge import assess
from ntm.assess.result import DanhGia, KetQuaChiTieu, KetQuaTieuChi
from ntm.catalog import BoTieuChi, BoTieuChiFile
from ntm.catalog.merge import merge
from ntm.diagnostics import Diagnostic
from ntm.plan import KeHoach, validate_plan
from ntm.rules import DauVao

# ----------------------------------------------------------------------------- plans

# planlib's plan as the small sets below know it: by its code, with the region given.
BASE_PLAN: dict[str, Any] = edited(PLAN_FILE, dia_ban__vung="mien-nui", bo_tieu_chi="bo-vung")


def make_plan_data(**changes: Any) -> dict[str, Any]:
    """BASE_PLAN with top-level keys replaced, `dia_ban__vung=...` replacing a nested key, and
    `dia_ban__vung=None` removing it."""
    return edited(BASE_PLAN, **changes)


def make_plan(data: Mapping[str, Any] | None = None, **changes: Any) -> KeHoach:
    """A valid KeHoach (from `data`, or from BASE_PLAN with `changes`); fails the test with the
    codes if the plan is invalid."""
    plain = dict(data) if data is not None else make_plan_data(**changes)
    plan, problems = validate_plan(plain, "ke-hoach.yaml")
    assert plan is not None, [(d.code, d.path) for d in problems]
    return plan


def make_figures(tieu_chi: str, nhiem_vu: bool = True, **figures: Any) -> dict[str, Any]:
    """`tieu_chi:` of a plan with one criterion's figures (and its tasks, unless told not to)."""
    entry: dict[str, Any] = {"hien_trang": figures}
    if nhiem_vu:
        entry.update(nhiem_vu="Nhiệm vụ.", giai_phap="Giải pháp.")
    return {tieu_chi: entry}


# ----------------------------------------------------------------------------- criteria sets


def make_nguong(gia_tri: Any = None, *, do_tin_cay: str = "V", **where: Any) -> dict[str, Any]:
    """One level: `make_nguong(75, vung=["dong-bang"])`, `make_nguong(60, nhom_xa=[2])`."""
    return {"gia_tri": gia_tri, "do_tin_cay": do_tin_cay, **where}


def make_chi_tieu(ma: str, loai: str, *nguong: dict[str, Any], so: str = "1.1", noi_dung: str | None = None,
                  don_vi: str | None = None, **extra: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"ma": ma, "so": so, "noi_dung": noi_dung or ma.replace("_", " ").capitalize(),
                             "loai": loai, "do_tin_cay": "V", "nguong": list(nguong), **extra}
    if don_vi is not None:
        entry["don_vi"] = don_vi
    return entry


def make_tieu_chi(ma: str, *chi_tieu: dict[str, Any], so: str | None = None, ten: str | None = None,
                  **extra: Any) -> dict[str, Any]:
    """A criterion; without `so` and `ten` it is a province's entry for an inherited one."""
    entry: dict[str, Any] = {"ma": ma, "chi_tieu": list(chi_tieu), **extra}
    entry.update({k: v for k, v in (("so", so), ("ten", ten)) if v is not None})
    return entry


CAN_CU = {"so_hieu": "999/QĐ-TEST", "ten": "Quyết định thử nghiệm (không có thật)", "co_quan": "Nhóm phát triển ntm",
          "ngay_ban_hanh": "2022-03-08", "phu_luc": "I", "do_tin_cay": "V"}

# The small set by region: the numbers of tests/data/catalogs/thu-nghiem-vung.yaml.
BO_VUNG: dict[str, Any] = {
    "ma": "bo-vung",
    "ten": "Bộ tiêu chí thử nghiệm theo vùng (dữ liệu kiểm thử)",
    "ten_ngan": "Bộ thử nghiệm theo vùng",
    "giai_doan": [2022, 2025],
    "can_cu_phap_ly": CAN_CU,
    "truc": "vung",
    "cac_vung": {"mien-nui": "Vùng miền núi thử nghiệm", "dong-bang": "Vùng đồng bằng thử nghiệm"},
    "quy_tac_vung": [{
        "khi": ["xa_dac_biet_kho_khan", "xa_an_toan_khu"], "dung_vung": "mien-nui",
        "noi_dung": "xã đặc biệt khó khăn, xã an toàn khu áp dụng mức vùng miền núi", "do_tin_cay": "V",
    }],
    "so_tieu_chi": 3,
    "tieu_chi": [
        make_tieu_chi(
            "lao_dong",
            make_chi_tieu("ty_le_lao_dong_qua_dao_tao", "toi_thieu",
                          make_nguong(60, vung=["mien-nui"], nguon="https://example.invalid/mien-nui"),
                          make_nguong(75, vung=["dong-bang"], do_tin_cay="S"),
                          so="1.1", noi_dung="Tỷ lệ lao động qua đào tạo", don_vi="%"),
            make_chi_tieu("ty_le_ngheo", "toi_da",
                          make_nguong(6, vung=["mien-nui"]),
                          make_nguong(None, vung=["dong-bang"], do_tin_cay="U", ghi_chu="mức vùng đồng bằng chưa rõ"),
                          make_nguong(4, chung=True, do_tin_cay="S"),
                          so="1.2", noi_dung="Tỷ lệ nghèo đa chiều", don_vi="%"),
            so="1", ten="Lao động",
        ),
        make_tieu_chi(
            "thu_nhap",
            make_chi_tieu("thu_nhap_binh_quan", "toi_thieu",
                          make_nguong(40, vung=["mien-nui"], nam=2023), make_nguong(45, vung=["mien-nui"], nam=2024),
                          make_nguong(55, vung=["dong-bang"], nam=2023), make_nguong(60, vung=["dong-bang"], nam=2024),
                          so="2", noi_dung="Thu nhập bình quân đầu người khu vực nông thôn",
                          don_vi="triệu đồng/người/năm"),
            so="2", ten="Thu nhập",
        ),
        make_tieu_chi(
            "san_xuat",
            make_chi_tieu("hop_tac_xa", "dat", so="3.1", noi_dung="Xã có hợp tác xã hoạt động hiệu quả"),
            make_chi_tieu("so_nha_tam", "toi_da", make_nguong(0), so="3.2", noi_dung="Số nhà tạm, dột nát",
                          don_vi="nhà"),
            so="3", ten="Tổ chức sản xuất",
        ),
    ],
}

# The small set by commune group: tests/data/catalogs/thu-nghiem-nhom.yaml.
BO_NHOM: dict[str, Any] = {
    "ma": "bo-nhom",
    "ten": "Bộ tiêu chí thử nghiệm theo nhóm xã (dữ liệu kiểm thử)",
    "ten_ngan": "Bộ thử nghiệm theo nhóm xã",
    "giai_doan": [2026, 2030],
    "can_cu_phap_ly": {**CAN_CU, "so_hieu": "998/QĐ-TEST", "ngay_ban_hanh": "2025-12-29", "ngay_hieu_luc": "2026-02-15"},
    "truc": "nhom_xa",
    "cac_nhom_xa": {1: "xã ven đô thị", 2: "xã còn lại", 3: "xã khu vực II, III"},
    "tieu_chi": [
        make_tieu_chi(
            "dao_tao",
            make_chi_tieu("ty_le_lao_dong_qua_dao_tao", "toi_thieu", make_nguong(85, nhom_xa=[1]),
                          make_nguong(75, nhom_xa=[2]), make_nguong(60, nhom_xa=[3]),
                          so="4.1", noi_dung="Tỷ lệ lao động qua đào tạo", don_vi="%"),
            so="4", ten="Đào tạo nguồn nhân lực nông thôn",
        ),
    ],
}


def _no_other_set(ref: str) -> BoTieuChi:
    raise LookupError(ref)


def merge_set(data: Mapping[str, Any], parent: BoTieuChi | None = None,
              others: Mapping[str, BoTieuChi] | None = None) -> tuple[BoTieuChi, list[Diagnostic]]:
    """A set's file (as data) merged onto `parent`; `others`: the sets its relative levels name."""
    file = BoTieuChiFile.model_validate(data)
    chain = (file, *parent.chain) if parent is not None else (file,)

    def referenced(ref: str) -> BoTieuChi:
        if others is None or ref not in others:
            return _no_other_set(ref)
        return others[ref]

    return merge(file, parent, f"{file.ma}.yaml", chain, referenced)


def make_set(data: Mapping[str, Any] = BO_VUNG, parent: BoTieuChi | None = None,
             others: Mapping[str, BoTieuChi] | None = None, **changes: Any) -> BoTieuChi:
    """A merged set that must merge cleanly (the test fails with the codes otherwise)."""
    bo, problems = merge_set({**data, **changes}, parent, others)
    assert problems == [], [(d.code, d.path) for d in problems]
    return bo


def overlay(ma: str, ke_thua: str, *tieu_chi: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A province's file extending `ke_thua`: it names only what it adds or raises."""
    return {"ma": ma, "ten": f"Bộ của tỉnh {ma}", "ten_ngan": f"Bộ {ma}", "ke_thua": ke_thua,
            "can_cu_phap_ly": {**CAN_CU, "so_hieu": "123/QĐ-UBND", "phu_luc": None, "ngay_ban_hanh": "2022-09-15"},
            "tieu_chi": list(tieu_chi), **extra}


# ----------------------------------------------------------------------------- assessments


def find_indicator(danh_gia: DanhGia, ma: str) -> KetQuaChiTieu:
    return next(kq for tc in danh_gia.tieu_chi for kq in tc.chi_tieu if kq.ma == ma)


def find_criterion(danh_gia: DanhGia, ma: str) -> KetQuaTieuChi:
    return next(tc for tc in danh_gia.tieu_chi if tc.ma == ma)


def make_input(bo: BoTieuChi, data: Mapping[str, Any] | None = None, assessed: bool = False,
               **changes: Any) -> DauVao:
    """What a rule looks at: the plan (as data and validated) against `bo`, assessed if asked."""
    plain = dict(data) if data is not None else make_plan_data(**changes)
    plan = make_plan(plain)
    return DauVao("ke-hoach.yaml", plan, plain, bo, assess(plan, bo) if assessed else None)


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def bo_vung() -> BoTieuChi:
    return make_set(BO_VUNG)


@pytest.fixture(scope="session")
def bo_nhom() -> BoTieuChi:
    return make_set(BO_NHOM)
