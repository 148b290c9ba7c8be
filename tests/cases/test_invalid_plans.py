"""tests/data/invalid/: plans with the slips of hand editing, each with the exact output it must give.

The cases themselves run in tests/cases/test_golden.py (in-process, exact output, nothing
written; tests/casefiles.py describes the format). Here: the folder's floor, and a few cases run
as a real process too: exit code 1 and no traceback, as an officer would see it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from casefiles import DATA, load_cases, prepare, run_measured
from typer.testing import CliRunner

from ntm.cli.app import app

CASES = load_cases(DATA / "invalid")


def test_there_are_at_least_25_bad_plans() -> None:
    bad = [c for c in CASES if c.exit_code != 0]
    assert len(bad) >= 25, [c.name for c in bad]


# The "done when": each of these gives one Vietnamese line per problem
# with the right line, exit 1, and no traceback, as a separate process.
DONE_WHEN = {
    "dup-criterion": ["254:3"],
    "tab-indent": ["51:1"],
    "python-object-tag": ["56:6"],
    "anchor-and-alias": ["36:13"],
    "undecodable-byte": ["52:14"],
    "misspelt-key": ["53:3"],
    "several-problems": ["14:18", "53:3", "56:6"],
}


@pytest.mark.parametrize("name", sorted(DONE_WHEN))
def test_done_when_one_line_per_problem_exit_1_no_traceback(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == name)
    workdir = tmp_path / "w"
    workdir.mkdir()
    prepare(case, workdir)
    run = run_measured(case.argv(), workdir)
    assert run.exit_code == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stderr == ""
    problems = [line for line in run.stdout.splitlines() if ": lỗi [" in line]
    assert [line.split(":")[1] + ":" + line.split(":")[2] for line in problems] == DONE_WHEN[name]
    assert problems == [line for line in case.output if ": lỗi [" in line]


def test_decimal_comma_percentages_are_read_as_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """52,77% and 82,5% are not only accepted: the assessment compares 52.77 and 82.5."""
    case = next(c for c in CASES if c.name == "percent-comma-accepted")
    prepare(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--format", "json", case.input_name])
    assert result.exit_code == 3, result.output  # valid; some criteria unmet
    view = json.loads(result.stdout)
    values = {ct["ma"]: ct["gia_tri"] for tc in view["tieu_chi"] for ct in tc["chi_tieu"]}
    assert values["ty_le_lao_dong_qua_dao_tao"] == pytest.approx(52.77)
    assert values["ty_le_tham_gia_bhyt"] == pytest.approx(82.5)
