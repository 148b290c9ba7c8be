"""tests/data/bad/: hostile and broken inputs, each with the exact diagnostic it must give.

The cases themselves run in tests/cases/test_golden.py, with the other golden folders: each as a
real process (`python -m ntm …`, through main(), as a user or CI runs it) in a folder of its own,
exact output and exit code, no traceback, under 300 MB of peak memory, nothing written.
Here: the folder's floor, its committed binary inputs, and what a case cannot show.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import hostile  # noqa: F401 - registers the makers of the reliability cases' inputs
import pytest
from casefiles import BINARY_FIXTURES, DATA, SEED_PLAN, load_cases

import ntm.load.read
from ntm.present.messages import one_line

CASES = load_cases(DATA / "bad")


def test_there_are_at_least_40_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("relative", sorted(BINARY_FIXTURES))
def test_committed_binary_fixtures_are_reproducible(relative: str) -> None:
    """The committed bytes are exactly what casefiles makes from the shipped plan (so they can be reviewed)."""
    assert (DATA / relative).read_bytes() == BINARY_FIXTURES[relative]()


def test_an_unreadable_plan_is_a_diagnostic_even_where_root_could_read_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root ignores chmod 000, so the refusal the kernel would give is simulated at the one place files are opened."""
    plan = tmp_path / "ke-hoach.yaml"
    shutil.copyfile(SEED_PLAN, plan)

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ntm.load.read, "open", denied, raising=False)
    data, problem = ntm.load.read.read_file(plan, "ke-hoach.yaml")
    assert data is None and problem is not None
    assert one_line(problem) == "ke-hoach.yaml: lỗi [IO003] không có quyền đọc tệp này."
