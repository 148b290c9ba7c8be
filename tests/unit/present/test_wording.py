"""present.wording: how statuses and numbers are said (design §4: "đạt 52,77%, yêu cầu ≥ 75%, còn
thiếu 22,23 điểm phần trăm"; an unknown level never reads like a failure or like missing data)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from ntm.assess.judge import assess
from ntm.assess.result import KetQua, KetQuaChiTieu, LyDo
from ntm.catalog import BoTieuChi, DoTinCay, LoaiChiTieu
from ntm.plan.values import parse_so_lieu
from ntm.present import wording
from unit.conftest import find_indicator, make_figures, make_plan


def indicator(bo: BoTieuChi, tieu_chi: str, ma: str, figure: Any = None, region: str = "mien-nui",
              **entry: Any) -> KetQuaChiTieu:
    figures = make_figures(tieu_chi, **({ma: figure} if figure is not None else {}))
    figures[tieu_chi].update(entry)
    return find_indicator(assess(make_plan(dia_ban__vung=region, tieu_chi=figures), bo), ma)


# ----------------------------------------------------------------------------- labels


@pytest.mark.parametrize(("status", "declared", "why", "label"), [
    (KetQua.dat, False, None, "Đạt"),
    (KetQua.chua_dat, False, None, "Chưa đạt"),
    (KetQua.dat, True, None, "Đạt (tự đánh giá)"),
    (KetQua.chua_dat, True, None, "Chưa đạt (tự đánh giá)"),
    (KetQua.chua_co_du_lieu, False, LyDo.chua_co_nguong, "Chưa rõ mức chính thức"),
    (KetQua.chua_co_du_lieu, False, LyDo.khong_co_so_lieu, "Thiếu số liệu"),
    (KetQua.chua_co_du_lieu, False, LyDo.danh_muc_chua_du, "Cần tự đánh giá"),
    (KetQua.chua_co_du_lieu, False, None, "Chưa có dữ liệu"),
])
def test_the_status_column(status: KetQua, declared: bool, why: LyDo | None, label: str) -> None:
    assert wording.trang_thai(status, declared, why) == label


@pytest.mark.parametrize(("status", "label"), [(KetQua.dat, "Đạt"), (KetQua.chua_dat, "Chưa đạt"),
                                               (KetQua.chua_co_du_lieu, "Chưa đánh giá")])
def test_a_signed_document_states_a_verdict_in_three_words(status: KetQua, label: str) -> None:
    assert wording.trang_thai_van_ban(status) == label


@pytest.mark.parametrize(("loai", "value", "unit", "thing", "text"), [
    (LoaiChiTieu.toi_thieu, 75, "%", "", "từ 75% trở lên"), (LoaiChiTieu.toi_da, Decimal("3"), "%", "", "không quá 3%"),
    (LoaiChiTieu.toi_thieu, Decimal("60.5"), "triệu đồng/người/năm", "", "từ 60,5 triệu đồng/người/năm trở lên"),
    (LoaiChiTieu.toi_da, 0, "nhà", "nhà tạm, dột nát", "không còn nhà tạm, dột nát"),
    (LoaiChiTieu.toi_da, 0, "%", "", "không quá 0%"),
    (LoaiChiTieu.dat, 1, None, "", "Có"),
])
def test_a_level_as_an_office_writes_it(loai: LoaiChiTieu, value: Any, unit: str, thing: str, text: str) -> None:
    said = wording.muc_van_ban(loai, value, unit, thing)
    assert said == text
    assert "≥" not in said and "≤" not in said


@pytest.mark.parametrize(("loai", "value", "unit", "text"), [
    (LoaiChiTieu.toi_thieu, 75, "%", "≥ 75%"), (LoaiChiTieu.toi_da, Decimal("6"), "%", "≤ 6%"),
    (LoaiChiTieu.toi_thieu, Decimal("60.5"), "triệu đồng/người/năm", "≥ 60,5 triệu đồng/người/năm"),
    (LoaiChiTieu.toi_da, 0, "nhà", "≤ 0 nhà"),
])
def test_a_level(loai: LoaiChiTieu, value: Any, unit: str, text: str) -> None:
    assert wording.muc(loai, value, unit) == text


@pytest.mark.parametrize(("written", "unit", "text"), [
    ("có", None, "có"), ("chưa có", None, "không"), ("74,9999999%", "%", "74,9999999%"),
    ("3", "nhà", "3 nhà"), ("1.234.567", None, "1.234.567"),
])
def test_a_figure_keeps_every_decimal_it_was_typed_with(written: str, unit: str | None, text: str) -> None:
    assert wording.so_lieu(parse_so_lieu(written), unit) == text


# ----------------------------------------------------------------------------- an indicator's state


@pytest.mark.parametrize(("tieu_chi", "ma", "figure", "region", "text"), [
    ("lao_dong", "ty_le_lao_dong_qua_dao_tao", "52,77%", "dong-bang",
     "đạt 52,77%, yêu cầu ≥ 75%, còn thiếu 22,23 điểm phần trăm"),  # design §4, word for word
    ("lao_dong", "ty_le_lao_dong_qua_dao_tao", "80%", "dong-bang", "đạt 80%, yêu cầu ≥ 75%"),
    ("lao_dong", "ty_le_ngheo", "7,5%", "mien-nui", "7,5%, yêu cầu ≤ 6%, vượt 1,5 điểm phần trăm"),
    ("thu_nhap", "thu_nhap_binh_quan", "38,5", "mien-nui",
     "đạt 38,5 triệu đồng/người/năm, yêu cầu ≥ 40 triệu đồng/người/năm, còn thiếu 1,5 triệu đồng/người/năm"),
    ("san_xuat", "so_nha_tam", "3", "mien-nui", "còn 3 nhà tạm, dột nát (yêu cầu: không còn)"),
    ("san_xuat", "so_nha_tam", "0", "mien-nui", "không còn nhà tạm, dột nát (yêu cầu: không còn)"),
    ("san_xuat", "hop_tac_xa", "không", "mien-nui", "không (yêu cầu: có)"),
    ("san_xuat", "hop_tac_xa", "có", "mien-nui", "có"),
    ("lao_dong", "ty_le_ngheo", "9%", "dong-bang",
     "9% (chưa có mức chính thức để so sánh; chỉ tiêu chung cả nước: 4%)"),
    ("lao_dong", "ty_le_lao_dong_qua_dao_tao", "74,9999999%", "dong-bang",
     "đạt 74,9999999%, yêu cầu ≥ 75%, còn thiếu 0,0000001 điểm phần trăm"),  # never "thiếu 0"
])
def test_the_state_as_an_office_writes_it(bo_vung: BoTieuChi, tieu_chi: str, ma: str, figure: str, region: str,
                                          text: str) -> None:
    assert wording.mo_ta(indicator(bo_vung, tieu_chi, ma, figure, region)) == text


def test_a_missing_figure_says_where_to_write_it_and_what_is_required(bo_vung: BoTieuChi) -> None:
    kq = indicator(bo_vung, "lao_dong", "ty_le_lao_dong_qua_dao_tao", region="dong-bang")
    assert wording.mo_ta(kq) == (
        "chưa có số liệu (ghi vào tieu_chi.lao_dong.hien_trang.ty_le_lao_dong_qua_dao_tao); yêu cầu ≥ 75%")
    yes_no = indicator(bo_vung, "san_xuat", "hop_tac_xa")
    assert wording.mo_ta(yes_no).endswith("; yêu cầu: có")


@pytest.mark.parametrize(("tieu_chi", "ma", "figure", "region", "clause"), [
    ("lao_dong", "ty_le_lao_dong_qua_dao_tao", "52,77%", "dong-bang",
     "tỷ lệ lao động qua đào tạo đạt 52,77%, yêu cầu từ 75% trở lên, còn thiếu 22,23 điểm phần trăm"),
    ("lao_dong", "ty_le_ngheo", "7,5%", "mien-nui", "tỷ lệ nghèo đa chiều 7,5%, yêu cầu không quá 6%, "
                                                   "vượt 1,5 điểm phần trăm"),
    ("san_xuat", "so_nha_tam", "3", "mien-nui", "còn 3 nhà tạm, dột nát, yêu cầu không còn"),  # no nested brackets
    ("san_xuat", "hop_tac_xa", "không", "mien-nui", "xã có hợp tác xã hoạt động hiệu quả: chưa có"),
    ("lao_dong", "ty_le_ngheo", "9%", "dong-bang", "tỷ lệ nghèo đa chiều 9%"),  # no tool talk about levels
    ("lao_dong", "ty_le_ngheo", None, "dong-bang", "tỷ lệ nghèo đa chiều: chưa có số liệu"),
])
def test_a_clause_of_the_plan_document(bo_vung: BoTieuChi, tieu_chi: str, ma: str, figure: str | None, region: str,
                                       clause: str) -> None:
    assert wording.cau_van_ban(indicator(bo_vung, tieu_chi, ma, figure, region)) == clause


def test_the_gap_of_a_met_indicator_is_not_said(bo_vung: BoTieuChi) -> None:
    assert wording.chenh_lech(indicator(bo_vung, "lao_dong", "ty_le_ngheo", "5%")) is None


# ----------------------------------------------------------------------------- sources and names


def test_where_a_level_comes_from(bo_vung: BoTieuChi) -> None:
    from_set = indicator(bo_vung, "lao_dong", "ty_le_lao_dong_qua_dao_tao", "80%")
    assert wording.nguon(from_set) == "QĐ 999/QĐ-TEST, Phụ lục I (nguyên văn văn bản gốc)"
    stated = indicator(bo_vung, "lao_dong", "ty_le_ngheo", {"gia_tri": "5%", "yeu_cau": "4%"}, "dong-bang")
    assert wording.nguon(stated) == "kế hoạch tự nêu (bộ tiêu chí chưa có mức)"
    unknown = indicator(bo_vung, "lao_dong", "ty_le_ngheo", "5%", "dong-bang")
    assert wording.nguon(unknown) == "QĐ 999/QĐ-TEST, Phụ lục I: mức chưa rõ"


def test_an_own_indicator_is_named_and_sourced_as_the_plans(bo_vung: BoTieuChi) -> None:
    own = {"ma": "co_cho", "ten": "Xã có chợ", "loai": "toi_thieu", "yeu_cau": 1, "don_vi": "mô hình",
           "nguon": "Kế hoạch số 12/KH-UBND"}
    kq = indicator(bo_vung, "san_xuat", "co_cho", "0", chi_tieu_rieng=[own])
    assert wording.ten_chi_tieu(kq) == "Xã có chợ (chỉ tiêu riêng của kế hoạch)"
    assert wording.nguon(kq) == "chỉ tiêu riêng của kế hoạch, theo Kế hoạch số 12/KH-UBND"
    assert wording.ten_chi_tieu(indicator(bo_vung, "san_xuat", "hop_tac_xa", "có")) == (
        "Xã có hợp tác xã hoạt động hiệu quả")


@pytest.mark.parametrize(("value", "text"), [
    (KetQua.chua_dat, "chưa đạt"), (DoTinCay.S, "nguồn thứ cấp"), (DoTinCay.R, "chưa đối chiếu văn bản gốc"),
    (LoaiChiTieu.toi_da, "toi_da"), ("văn bản", None), (3, None),
])
def test_message_params_of_the_assessments_kinds(value: object, text: str | None) -> None:
    assert wording.tham_so(value) == text


def test_every_confidence_and_status_has_its_words() -> None:
    assert set(wording.DO_TIN_CAY) == set(DoTinCay)
    assert set(wording.TRANG_THAI) == set(KetQua)
    assert set(wording.LY_DO) == set(LyDo)
    assert set(wording.KET_LUAN_VAN_BAN) == set(KetQua)


def test_the_hint_for_an_incomplete_list_names_the_key_to_write() -> None:
    assert wording.goi_y_tu_danh_gia("lao_dong").startswith("ghi tieu_chi.lao_dong.tu_danh_gia (đạt hoặc chưa đạt)")
