"""catalog.load: finding, reading and merging a set's files; the shipped sets as docs/criteria.md
counts them; a province's file read like a plan, its chain followed without recursion."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ntm.catalog import CATALOG_DIR, CatalogError, LoaiChiTieu, NgoaiKho, builtin_ids, check_catalog_file, load_catalog
from ntm.catalog.load import MAX_CHAIN, resolve_ref
from unit.conftest import BO_VUNG, make_nguong, make_tieu_chi, overlay

# docs/criteria.md, "Các bộ đi kèm": set -> (tiêu chí, chỉ tiêu đã mã hóa, có/không)
SHIPPED = {
    "xa-ntm-2021-2025": (19, 43, 22),
    "xa-ntm-nang-cao-2021-2025": (19, 18, 4),
    "xa-ntm-kieu-mau-2021-2025": (1, 4, 1),
    "xa-ntm-2026-2030": (10, 6, 3),
}


def write(folder: Path, name: str, data: dict[str, Any]) -> Path:
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def refused(path: Path) -> list[tuple[str, tuple]]:
    with pytest.raises(CatalogError) as caught:
        check_catalog_file(path)
    return [(d.code, d.path) for d in caught.value.diagnostics]


def test_the_shipped_sets_are_the_documented_four() -> None:
    assert builtin_ids() == sorted(SHIPPED)


@pytest.mark.parametrize("ident", sorted(SHIPPED))
def test_each_shipped_set_has_the_documented_counts(ident: str) -> None:
    bo = load_catalog(ident)
    criteria, indicators, yes_no = SHIPPED[ident]
    every = list(bo.iter_chi_tieu())
    assert (len(bo.tieu_chi), len(every)) == (criteria, indicators)
    assert sum(1 for ct in every if ct.chi_tieu.loai is LoaiChiTieu.dat) == yes_no
    assert bo.can_cu.so_hieu and bo.tep[0] == str(CATALOG_DIR / f"{ident}.yaml")


def test_a_set_with_levels_relative_to_another_has_read_that_one_too() -> None:
    """The kiểu mẫu set's income is ≥ 1,1 × the nâng cao set's ("tính theo bộ khác" in docs/criteria.md)."""
    bo = load_catalog("xa-ntm-kieu-mau-2021-2025")
    assert bo.tep[1:] == (str(CATALOG_DIR / "xa-ntm-nang-cao-2021-2025.yaml"),)
    derived = [e for ct in bo.iter_chi_tieu() for e in ct.nguong if e.suy_ra is not None]
    assert derived and {e.suy_ra.bo_tieu_chi for e in derived if e.suy_ra} == {"xa-ntm-nang-cao-2021-2025"}


def test_the_2026_set_is_read_by_commune_group_and_the_2021_sets_by_region() -> None:
    assert load_catalog("xa-ntm-2026-2030").truc == "nhom_xa"
    assert len(load_catalog("xa-ntm-2021-2025").cac_vung) == 7  # the seven regions of QĐ 318/QĐ-TTg


def test_a_set_is_loaded_once_per_process() -> None:
    assert load_catalog("xa-ntm-2021-2025") is load_catalog("xa-ntm-2021-2025")


@pytest.mark.parametrize(
    ("ref", "expected"),
    [("xa-ntm-2021-2025", CATALOG_DIR / "xa-ntm-2021-2025.yaml"), ("tinh.yaml", Path("/ke-hoach/tinh.yaml")),
     ("bo/tinh", Path("/ke-hoach/bo/tinh")), ("/khac/tinh.yml", Path("/khac/tinh.yml"))],
)
def test_a_reference_is_a_builtin_id_or_a_path_from_the_naming_file(ref: str, expected: Path) -> None:
    assert resolve_ref(ref, Path("/ke-hoach")) == expected


def test_a_missing_set_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_catalog("khong-co.yaml", tmp_path)


def test_a_province_set_is_merged_with_the_file_it_extends(tmp_path: Path) -> None:
    write(tmp_path, "bo-vung.yaml", BO_VUNG)
    raised = make_tieu_chi("lao_dong", {"ma": "ty_le_lao_dong_qua_dao_tao",
                                        "nguong": [make_nguong(80, vung=["dong-bang"])]})
    path = write(tmp_path, "tinh.yaml", overlay("tinh", "bo-vung.yaml", raised))
    bo = load_catalog("tinh.yaml", tmp_path)
    assert bo.ma == "tinh" and [f.ma for f in bo.chain] == ["tinh", "bo-vung"]
    assert bo.tep == (str(path), str(tmp_path / "bo-vung.yaml"))  # every file read to make it
    assert [e.nguong.so for e in bo.chi_tieu["lao_dong"]["ty_le_lao_dong_qua_dao_tao"].nguong] == [80, 60, 75]


def test_checking_a_file_reads_it_as_it_is_now(tmp_path: Path) -> None:
    path = write(tmp_path, "bo.yaml", BO_VUNG)
    assert check_catalog_file(path).file.ten_ngan == "Bộ thử nghiệm theo vùng"
    write(tmp_path, "bo.yaml", {**BO_VUNG, "ten_ngan": "Đã sửa"})
    assert check_catalog_file(path).file.ten_ngan == "Đã sửa"


def test_a_file_that_is_not_yaml_is_never_read(tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text("SECRET=1\n", encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        check_catalog_file(path)
    [d] = caught.value.diagnostics
    assert (d.code, d.params["bien_the"]) == ("BTC018", "duoi")


def test_a_yaml_file_without_a_code_or_legal_basis_is_not_a_set(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "khac.yaml", {"ten": "x", "tieu_chi": []})) == [("BTC018", ())]


def test_a_set_that_breaks_its_schema_is_refused_at_its_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "bo.yaml", {**BO_VUNG, "so_tieu_chi": "ba"})
    with pytest.raises(CatalogError) as caught:
        check_catalog_file(path)
    [d] = caught.value.diagnostics
    assert (d.code, d.path) == ("SCH003", ("so_tieu_chi",))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert d.line == next(n for n, line in enumerate(lines, 1) if line.startswith("so_tieu_chi:"))


def test_a_set_extending_itself_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "tinh.yaml", overlay("tinh", "tinh.yaml"))
    assert refused(path) == [("BTC002", ("ke_thua",))]


def test_a_cycle_of_two_is_refused_naming_the_chain(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", overlay("a", "b.yaml"))
    write(tmp_path, "b.yaml", overlay("b", "a.yaml"))
    with pytest.raises(CatalogError) as caught:
        check_catalog_file(tmp_path / "a.yaml")
    [d] = caught.value.diagnostics
    assert (d.code, d.params["bien_the"], d.params["chuoi"]) == ("BTC002", "vong", "a.yaml → b.yaml → a.yaml")


def test_a_chain_longer_than_the_limit_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "bo-vung.yaml", BO_VUNG)
    for i in range(MAX_CHAIN):
        parent = f"t{i + 1}.yaml" if i + 1 < MAX_CHAIN else "bo-vung.yaml"
        write(tmp_path, f"t{i}.yaml", overlay(f"t{i}", parent))
    assert [code for code, _ in refused(tmp_path / "t0.yaml")] == ["BTC005"]
    write(tmp_path, "t1.yaml", overlay("t1", "bo-vung.yaml"))  # two links: fine
    assert check_catalog_file(tmp_path / "t0.yaml").ma == "t0"


def test_extending_a_set_that_does_not_exist_names_the_shipped_ones(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        check_catalog_file(write(tmp_path, "tinh.yaml", overlay("tinh", "khong-co.yaml")))
    [d] = caught.value.diagnostics
    assert (d.code, d.path, d.params["bien_the"]) == ("BTC010", ("ke_thua",), "ke_thua")
    assert d.params["cac_bo"] == ", ".join(sorted(SHIPPED))


def test_every_file_of_a_set_must_be_inside_the_plans_repository(tmp_path: Path) -> None:
    outside, inside = tmp_path / "ngoai", tmp_path / "kho"
    outside.mkdir()
    inside.mkdir()
    write(outside, "bo-vung.yaml", BO_VUNG)
    write(inside, "tinh.yaml", overlay("tinh", "../ngoai/bo-vung.yaml"))
    with pytest.raises(NgoaiKho) as caught:
        check_catalog_file(inside / "tinh.yaml", root=inside)
    assert caught.value.path == (outside / "bo-vung.yaml").resolve()
    assert check_catalog_file(inside / "tinh.yaml", root=tmp_path).ma == "tinh"


def test_the_shipped_sets_are_inside_every_repository(tmp_path: Path) -> None:
    assert load_catalog("xa-ntm-2021-2025", root=tmp_path).ma == "xa-ntm-2021-2025"
