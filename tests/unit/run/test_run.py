"""The run stage called directly: one file's bytes through every stage, many files in order, the
walk over folders, and the per-process caches a batch relies on (keyed by the path as given)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from planlib import SEED_PLAN

from ntm.catalog import load_catalog
from ntm.load import read_file
from ntm.load.read import MAX_BYTES
from ntm.run import KetQuaTep, check_bytes, check_file, default_jobs, expand_paths, run_many
from ntm.run.many import PARALLEL_THRESHOLD
from ntm.run.one import repository_root


def _bo_tinh(path: Path, ma: str, ten: str) -> Path:
    """A province's set that inherits the national one and changes nothing."""
    path.write_text(
        f"ma: {ma}\nten: {ten}\nten_ngan: {ten}\nke_thua: xa-ntm-2021-2025\n"
        "can_cu_phap_ly:\n  so_hieu: 1/QĐ-UBND\n  ten: Quyết định của UBND tỉnh (không có thật)\n"
        "  co_quan: UBND tỉnh\n  ngay_ban_hanh: 2022-05-01\n  do_tin_cay: V\ntieu_chi: []\n",
        encoding="utf-8")
    return path


def test_the_seed_plan_goes_through_every_stage() -> None:
    result = check_file(SEED_PLAN, assessing=True)
    assert result.valid and result.plan is not None and result.catalog is not None
    assert result.assessment is not None and len(result.assessment.tieu_chi) == 19
    # every criterion's line is known (annotations point at it), in the plan's own order
    lines = [result.dong_tieu_chi[tc.ma] for tc in result.assessment.tieu_chi]
    assert all(isinstance(n, int) for n in lines)


def test_validate_stops_before_the_assessment() -> None:
    result = check_file(SEED_PLAN)
    assert result.valid and result.assessment is None


def test_bytes_are_checked_as_the_file_they_will_be(tmp_path: Path) -> None:
    raw = SEED_PLAN.read_bytes().replace(b"nam: 2023", b"nam: hai ngh\xc3\xacn", 1)
    target = tmp_path / "ke-hoach.yaml"
    result = check_bytes(raw, target, assessing=True)
    assert not target.exists()  # nothing written: only checked
    assert not result.valid and result.file == str(target)
    [error] = [d for d in result.diagnostics if d.path == ("nam",)]
    assert error.line is not None and error.line > 1  # placed on the plan's line, not the file's start


def test_a_criteria_file_among_plans_is_checked_as_a_set(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    result = check_file(_bo_tinh(tmp_path / "bo-tinh.yaml", "tinh-x", "Bộ tiêu chí tỉnh X"))
    assert result.la_bo_tieu_chi and result.plan is None
    assert result.valid and result.catalog is not None and result.catalog.file.ma == "tinh-x"


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "to.yaml"
    with open(big, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: no 5 MB written
    raw, problem = read_file(big, str(big))
    assert raw is None and problem is not None and problem.code == "YAML004"


def test_a_file_is_read_whole_whatever_its_size(tmp_path: Path) -> None:
    # read(size + 1) then the rest: a file is never cut, whatever stat() said
    for size in (0, 1, 4095, 4096, 70_000):
        path = tmp_path / f"p{size}.yaml"
        path.write_bytes(b"x" * size)
        raw, problem = read_file(path, str(path))
        assert problem is None and raw is not None and len(raw) == size


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux /proc")
def test_a_file_that_reports_no_size_is_read_whole() -> None:
    # /proc files are regular files whose stat() says 0 bytes: what stat() said is only a start
    raw, problem = read_file(Path("/proc/self/status"), "status")
    assert problem is None and raw is not None and b"Pid:" in raw


def test_many_files_come_back_in_their_order_with_one_worker_or_two(tmp_path: Path) -> None:
    files = []
    for i in range(6):
        path = tmp_path / f"k{i}.yaml"
        path.write_bytes(SEED_PLAN.read_bytes() if i % 2 else b"nam: [\n")
        files.append(str(path))
    finish = functools.partial(_summary)
    alone = list(run_many(files, True, 1, finish))
    together = list(run_many(files, True, 2, finish))
    assert alone == together
    assert [name for name, _ in alone] == files
    assert [ok for _, ok in alone] == [False, True] * 3


def _summary(result: KetQuaTep) -> tuple[str, bool]:  # module level: it crosses to the workers
    return result.file, result.valid


def test_one_process_for_a_few_plans() -> None:
    assert default_jobs(PARALLEL_THRESHOLD - 1) == 1
    assert default_jobs(PARALLEL_THRESHOLD) >= 1


def test_folders_are_walked_in_a_stable_order_hidden_ones_left_out(tmp_path: Path) -> None:
    for name in ("b/2.yaml", "a/10.yml", "a/9.yaml", ".git/x.yaml", "a/ghi-chu.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("nam: 2023\n", encoding="utf-8")
    found = [(p.relative_to(tmp_path).as_posix(), note) for p, note in expand_paths([tmp_path])]
    assert found == [("a/10.yml", None), ("a/9.yaml", None), ("b/2.yaml", None)]


def test_an_empty_folder_is_said(tmp_path: Path) -> None:
    [(path, note)] = list(expand_paths([tmp_path]))
    assert path == tmp_path and note is not None and note.code == "IO005"


def test_the_repository_is_found_from_a_relative_folder_and_the_cwd_counts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for repo in (one, two):
        (repo / ".git").mkdir(parents=True)
        (repo / "plans").mkdir()
    monkeypatch.chdir(one)
    assert repository_root(Path("plans")) == one.resolve()
    # the same relative name from another working folder is another folder: the cache is
    # keyed by the absolute path, not by the words given
    monkeypatch.chdir(two)
    assert repository_root(Path("plans")) == two.resolve()


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_linked_folder_resolves_to_its_target_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "plans").mkdir()
    link = tmp_path / "link"
    link.symlink_to(repo / "plans", target_is_directory=True)
    assert repository_root(link) == repo.resolve()


def test_a_set_named_by_a_relative_path_is_found_from_each_plans_folder(tmp_path: Path) -> None:
    base = load_catalog("xa-ntm-2021-2025")
    for folder, name in (("one", "Bộ một"), ("two", "Bộ hai")):
        (tmp_path / folder).mkdir()
        _bo_tinh(tmp_path / folder / "bo.yaml", f"tinh-{folder}", name)
    first = load_catalog("bo.yaml", tmp_path / "one")
    second = load_catalog("bo.yaml", tmp_path / "two")
    assert (first.file.ten, second.file.ten) == ("Bộ một", "Bộ hai")
    assert load_catalog("bo.yaml", tmp_path / "one") is first  # built once a process
    assert [tc.ma for tc in first.tieu_chi] == [tc.ma for tc in base.tieu_chi]
