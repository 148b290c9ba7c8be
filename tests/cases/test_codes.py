"""tests/data/codes/: one case per diagnostic code that no other case gives, named `<CODE>-<slip>`.

The cases run in tests/cases/test_golden.py with the other golden folders (in-process, exact
output, nothing written; tests/casefiles.py describes the format). Here: the folder's own
conventions. tests/project/test_registry.py checks that every code of the registry is given by some case
under tests/data/.
"""

from __future__ import annotations

import re

import pytest
from casefiles import DATA, Case, load_cases

CASES = load_cases(DATA / "codes")
NAME = re.compile(r"(?P<code>[A-Z]{2,4}\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*")


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
