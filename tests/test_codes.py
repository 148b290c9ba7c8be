"""tests/data/codes/: one case per diagnostic code that no other case gives, named `<CODE>-<slip>`.

Each case runs in-process (typer's runner), in a folder of its own, exactly
as tests/test_invalid_plans.py runs its cases: the output must be exactly
the lines of `<case>.expected` (tests/casefiles.py describes the format),
with the exit code stated there. tests/test_registry.py checks that every
code of the registry is given by some case under tests/data/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from casefiles import DATA, Case, load_cases, run_in_process

CASES = load_cases(DATA / "codes")
NAME = re.compile(r"(?P<code>[A-Z]{2,4}\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_gives_exactly_the_expected_output(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, lines = run_in_process(case, tmp_path, monkeypatch)
    assert lines == case.output
    assert code == case.exit_code


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_is_named_after_the_code_it_gives(case: Case) -> None:
    match = NAME.fullmatch(case.name)
    assert match, f"{case.name}: name it <CODE>-<short-slug>"
    assert any(f"[{match['code']}]" in line for line in case.output), case.name


def test_one_case_per_code() -> None:
    codes = [c.name.split("-", 1)[0] for c in CASES]
    assert len(codes) == len(set(codes)), sorted(codes)


@pytest.mark.parametrize("case", [c for c in CASES if c.input_file is not None],
                         ids=[c.name for c in CASES if c.input_file is not None])
def test_input_opens_with_a_comment_saying_what_the_slip_is(case: Case) -> None:
    assert case.input_file is not None
    first = case.input_file.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 12, first
