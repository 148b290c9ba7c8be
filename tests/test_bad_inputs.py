"""tests/data/bad/: hostile and broken inputs, each with the exact diagnostic it must give.

Each case runs as a real process (`python -m ntm …`, through main(), as a
user or CI runs it) in a folder of its own, and must:
- print exactly the lines of `<case>.expected`, with the documented exit code;
- never print a traceback nor exit 4 (internal error);
- stay under 300 MB of peak memory (its own RSS, see casefiles.run_measured);
- write nothing: the folder holds the same entries, sizes and times after the run.
Time is not asserted here (flaky on a busy machine); a generous timeout only
guards against hangs. benchmarks/bad_inputs.py measures and prints both.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import hostile  # noqa: F401 - registers the makers of the reliability cases' inputs
import pytest
from casefiles import (
    BINARY_FIXTURES,
    DATA,
    SEED_PLAN,
    Case,
    load_cases,
    normalise,
    prepare,
    restore_permissions,
    run_measured,
    snapshot,
    value_at,
)

import ntm.load.read
from ntm.load import load_bytes
from ntm.present.messages import one_line

CASES = load_cases(DATA / "bad")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
MAX_PEAK_MB = 300
HANG_GUARD_SECONDS = 60


def test_there_are_at_least_40_cases() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("relative", sorted(BINARY_FIXTURES))
def test_committed_binary_fixtures_are_reproducible(relative: str) -> None:
    """The committed bytes are exactly what casefiles makes from the shipped plan (so they can be reviewed)."""
    assert (DATA / relative).read_bytes() == BINARY_FIXTURES[relative]()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_gives_a_clean_diagnostic_and_writes_nothing(case: Case, tmp_path: Path) -> None:
    if case.skip_as_root and IS_ROOT:
        pytest.skip("root reads and writes regardless of permissions; the root-proof cases cover this")
    workdir = tmp_path / "w"
    workdir.mkdir()
    try:
        prepare(case, workdir)
        before = snapshot(workdir)
        run = run_measured(case.argv(), workdir, timeout=HANG_GUARD_SECONDS)
        after = snapshot(workdir)
    finally:
        restore_permissions(workdir)
        shutil.rmtree(workdir)  # the 50 MB input must not pile up in pytest's kept tmp folders
    output = normalise(run.stdout + run.stderr, workdir)
    assert "Traceback" not in run.stdout + run.stderr
    assert run.exit_code != 4, output
    assert output == case.output
    assert run.exit_code == case.exit_code
    assert run.peak_mb < MAX_PEAK_MB
    assert after == before, "the run wrote, removed or touched something"


@pytest.mark.parametrize("case", [c for c in CASES if c.values], ids=[c.name for c in CASES if c.values])
def test_accepted_encodings_read_the_same_text(case: Case) -> None:
    assert case.input_file is not None
    loaded = load_bytes(case.input_file.read_bytes(), case.input_file.name)
    for path, expected in case.values:
        assert value_at(loaded.data, path) == expected, path


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
