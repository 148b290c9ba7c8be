"""The golden folders (tests/data/bad, invalid, codes): every case, one runner.

A case is an input and a `<case>.expected` file (tests/casefiles.py describes the format): the
command line, the exit code and the exact output. Each case runs in an empty folder of its own
and must:
- print exactly the lines of its `.expected`, with its exit code;
- write nothing: the folder holds the same entries, sizes and times after the run.
The hostile inputs of tests/data/bad run as a real process (`python -m ntm …`, through main(), as
a user or CI runs it) and must also never print a traceback nor exit 4 (internal error), and stay
under MAX_PEAK_MB of peak memory (their own RSS, see casefiles.run_measured). The others run
in-process (typer's runner, the real command tree); an internal error there raises, so its
traceback shows. Time is not asserted (flaky on a busy machine); a generous timeout only guards
against hangs. benchmarks/bad_inputs.py measures and prints both.
"""

from __future__ import annotations

import os
from pathlib import Path

import hostile  # noqa: F401 - registers the makers of the reliability cases' inputs
import pytest
from casefiles import Case, golden_cases, run_case, value_at

from ntm.load import load_bytes

CASES = golden_cases()
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
MAX_PEAK_MB = 300
HANG_GUARD_SECONDS = 60


@pytest.mark.parametrize("case", CASES, ids=[c.ident for c in CASES])
def test_case_gives_exactly_its_expected_output_and_writes_nothing(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if case.skip_as_root and IS_ROOT:
        pytest.skip("root reads and writes regardless of permissions; the root-proof cases cover this")
    ran = run_case(case, tmp_path / "w", monkeypatch, timeout=HANG_GUARD_SECONDS)
    if case.as_process:
        assert not ran.traceback, ran.lines
        assert ran.exit_code != 4, ran.lines
        assert ran.peak_mb is not None and ran.peak_mb < MAX_PEAK_MB
    assert ran.lines == case.output
    assert ran.exit_code == case.exit_code
    assert ran.wrote_nothing, "the run wrote, removed or touched something"


VALUED = [c for c in CASES if c.values]


@pytest.mark.parametrize("case", VALUED, ids=[c.ident for c in VALUED])
def test_values_are_read_as_typed_whatever_the_encoding(case: Case) -> None:
    """Text stays the text typed (no YAML 1.1 typing), in NFC, whatever the file's encoding."""
    assert case.input_file is not None
    loaded = load_bytes(case.input_file.read_bytes(), case.input_file.name)
    for path, expected in case.values:
        assert value_at(loaded.data, path) == expected, path


def test_each_folder_runs_as_its_cases_need() -> None:
    """The hostile inputs as real processes (memory is measured); the plans with slips in-process."""
    by_folder = {c.folder.name: c.as_process for c in CASES}
    assert by_folder == {"bad": True, "invalid": False, "codes": False}
    assert len({c.ident for c in CASES}) == len(CASES)
