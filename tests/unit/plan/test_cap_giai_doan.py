"""The plan model's level (dia_ban.cap) and period (nam or giai_doan, staged targets): docs/plan-format.md,
"Kế hoạch của huyện, của tỉnh" and "Kế hoạch nhiều năm"; codes SCH008, SCH009."""

from __future__ import annotations

from typing import Any

import pytest

from ntm.plan import validate_plan
from ntm.plan.model import CapDiaBan, KeHoach, cac_moc
from unit.conftest import make_plan_data

PROVINCE = {"cap": "tinh", "tinh": "Ninh Bình"}


def codes(data: dict[str, Any]) -> list[tuple[str, tuple[str | int, ...]]]:
    plan, found = validate_plan(data, "k.yaml")
    assert (plan is None) == bool(found)
    return [(d.code, d.path) for d in found]


def valid(data: dict[str, Any]) -> KeHoach:
    plan, found = validate_plan(data, "k.yaml")
    assert plan is not None, [(d.code, d.path, d.params) for d in found]
    return plan


def test_a_plan_without_a_level_is_a_communes_as_before() -> None:
    plan = valid(make_plan_data())
    assert plan.dia_ban.cap is CapDiaBan.xa and plan.cap is CapDiaBan.xa
    assert (plan.nam, plan.giai_doan, plan.nam_dau, plan.nam_cuoi) == (2023, None, 2023, 2023)


def test_a_province_plan_has_no_commune() -> None:
    plan = valid(make_plan_data(dia_ban=PROVINCE))
    assert plan.dia_ban.xa is None and plan.cap is CapDiaBan.tinh
    assert valid(make_plan_data(dia_ban={"cap": "huyen", "huyen": "Nam Đông", "tinh": "Huế"})).dia_ban.huyen == "Nam Đông"


@pytest.mark.parametrize(("dia_ban", "expected"), [
    ({**PROVINCE, "xa": "toàn tỉnh"}, [("SCH009", ("dia_ban", "xa"))]),
    ({**PROVINCE, "vung": "mien-nui"}, [("SCH009", ("dia_ban", "vung"))]),
    ({**PROVINCE, "nhom_xa": 2}, [("SCH009", ("dia_ban", "nhom_xa"))]),
    ({**PROVINCE, "huyen": "Nam Đông"}, [("SCH009", ("dia_ban", "huyen"))]),
    ({"cap": "huyen", "tinh": "Huế"}, [("SCH009", ("dia_ban",))]),
    ({"tinh": "Huế"}, [("SCH009", ("dia_ban",))]),  # a commune's plan names its commune
    ({"cap": "thon", "tinh": "Huế"}, [("SCH004", ("dia_ban", "cap"))]),
])
def test_what_a_level_requires_and_refuses(dia_ban: dict[str, Any], expected: list[tuple[str, tuple]]) -> None:
    assert codes(make_plan_data(dia_ban=dia_ban)) == expected


def test_the_message_says_which_level() -> None:
    from ntm.present.messages import message

    _, [d] = validate_plan(make_plan_data(dia_ban={**PROVINCE, "xa": "toàn tỉnh"}), "k.yaml")
    assert message(d) == "khóa 'xa' chỉ dùng cho kế hoạch cấp xã; kế hoạch này là cấp tỉnh."


@pytest.mark.parametrize("written", [{"tu": 2026, "den": 2030}, {"tu": "2026", "den": "2030"}, [2026, 2030],
                                     "2026-2030", "2026 – 2030"])
def test_a_period_in_every_form_it_is_written(written: Any) -> None:
    plan = valid(make_plan_data(nam=None, giai_doan=written))
    assert plan.nam is None and plan.giai_doan is not None
    assert (plan.giai_doan.tu, plan.giai_doan.den, plan.nam_dau, plan.nam_cuoi) == (2026, 2030, 2026, 2030)


@pytest.mark.parametrize(("changes", "expected"), [
    ({"giai_doan": {"tu": 2026, "den": 2030}}, [("SCH008", ("giai_doan",))]),  # both: at the period
    ({"nam": None}, [("SCH008", ())]),  # neither
    ({"nam": None, "giai_doan": {"tu": 2030, "den": 2026}}, [("SCH008", ("giai_doan",))]),
    ({"nam": None, "giai_doan": {"tu": 2026, "den": 2026}}, [("SCH008", ("giai_doan",))]),
    ({"nam": None, "giai_doan": {"tu": 2026}}, [("SCH001", ("giai_doan",))]),
    ({"nam": None, "giai_doan": {"tu": 1990, "den": 2030}}, [("SCH005", ("giai_doan", "tu"))]),
])
def test_exactly_one_of_a_year_and_a_period(changes: dict[str, Any], expected: list[tuple[str, tuple]]) -> None:
    data = make_plan_data()
    for key, value in changes.items():
        if value is None:
            data.pop(key)
        else:
            data[key] = value
    assert codes(data) == expected


def test_staged_targets_read_years_as_written() -> None:
    figures = {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": {
        "gia_tri": "52%", "muc_tieu": {"2028": "65%", "2026": "55%", "2030": "70-75%"}}}}
    plan = valid(make_plan_data(nam=None, giai_doan="2026-2030", tieu_chi={"lao_dong": figures},
                                chi_tieu={"bo_tieu_chi": {"dat_chuan": {"2026": "1/3", "2030": 3}},
                                          "dia_ban": [{"loai": "thon_thong_minh", "noi": {"2027": ["Thôn 1"]}}]}))
    figure = plan.tieu_chi["lao_dong"].hien_trang["ty_le_lao_dong_qua_dao_tao"]
    assert [y for y, _ in figure.lo_trinh] == [2026, 2028, 2030]  # in order of years, whatever the order written
    last = figure.muc_tieu_cuoi
    assert last is not None and last.tu.van_ban == "70%" and last.den is not None and last.den.van_ban == "75%"
    assert cac_moc(plan.chi_tieu.bo_tieu_chi.dat_chuan) == ((2026, "1/3"), (2030, "3"))
    assert cac_moc(plan.chi_tieu.dia_ban[0].noi) == ((2027, ["Thôn 1"]),)


def test_a_single_target_is_unchanged() -> None:
    figures = {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": {"gia_tri": "52%", "muc_tieu": "60%"}}}
    figure = valid(make_plan_data(tieu_chi={"lao_dong": figures})).tieu_chi["lao_dong"].hien_trang[
        "ty_le_lao_dong_qua_dao_tao"]
    assert figure.lo_trinh == () and figure.muc_tieu_cuoi is not None and figure.muc_tieu_cuoi.tu.van_ban == "60%"
    assert cac_moc(None) == ()


def test_a_bad_stage_is_reported_at_its_year() -> None:
    figures = {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": {"muc_tieu": {"2026": "55%", "2028": "nhiều"}}}}
    found = codes(make_plan_data(nam=None, giai_doan="2026-2030", tieu_chi={"lao_dong": figures}))
    assert found == [("SCH003", ("tieu_chi", "lao_dong", "hien_trang", "ty_le_lao_dong_qua_dao_tao", "muc_tieu",
                                 "2028"))]


@pytest.mark.parametrize(("target", "path"), [
    ({"tu": "70%", "denn": "80%"}, ("muc_tieu", "denn")),
    ({"2026": {"tu": "70%", "denn": "80%"}}, ("muc_tieu", "2026", "denn")),
])
def test_a_misspelt_key_of_a_target_gets_the_closest_one_single_or_staged(target: Any, path: tuple[str, ...]) -> None:
    figures = {"hien_trang": {"ty_le_lao_dong_qua_dao_tao": {"muc_tieu": target}}}
    _, [d] = validate_plan(make_plan_data(nam=None, giai_doan="2026-2030", tieu_chi={"lao_dong": figures}), "k.yaml")
    assert (d.code, d.path[-len(path):]) == ("SCH002", path)
    assert d.params["de_xuat"].value == "den"
