"""The rule registry (ntm/rules) holds each rule to what it declares.

Every golden case (tests/data/bad, invalid, codes: casefiles.GOLDEN_FOLDERS) runs
in-process while ntm.rules.rule.watching() sees which rule yields which
diagnostic: a rule may yield only the codes it declares (`Rule.ma`), and each
code it declares is yielded by it in some case, unless the registry says no
case can give that code. Also: the stages group the rules as they declare,
every rule module is in the registry, and `validate` does not import the
rules that need an assessment.
"""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import hostile  # noqa: F401 - registers the makers of the reliability cases' inputs
import pytest
from casefiles import DATA, GOLDEN_FOLDERS, REPO, Case, load_cases, restore_permissions, run_watching_rules

import ntm.rules
from ntm.diagnostics import Diagnostic
from ntm.diagnostics.registry import CODES
from ntm.present.document import mau
from ntm.rules import TRUOC_DANH_GIA, all_rules, registry
from ntm.rules.rule import STAGES, Rule, watching

CASES = [case for folder in GOLDEN_FOLDERS for case in load_cases(folder)]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
# rule name -> codes it yielded over the whole run of cases (filled by the parametrized test)
SEEN: dict[str, set[str]] = defaultdict(set)
RAN: set[str] = set()  # the cases that ran to the end


def _id(case: Case) -> str:
    return f"{case.folder.name}/{case.name}"


@pytest.fixture(autouse=True)
def _short_template_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules run before any template does, so a template's time limit only makes this test
    wait: bad/jinja-loops waited out the real 5 s (in CPU, in its fork). test_golden.py runs
    every case with the real limit and compares the output."""
    monkeypatch.setattr(mau, "MAX_SECONDS", 1)


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_each_rule_yields_only_the_codes_it_declares(case: Case, tmp_path: Path) -> None:
    if case.skip_as_root and IS_ROOT:
        pytest.skip("root reads and writes regardless of permissions")
    wrong: list[str] = []

    def watch(rule: Rule, found: Diagnostic) -> None:
        SEEN[rule.ten].add(found.code)
        if found.code not in rule.ma:
            wrong.append(f"{rule.ten} yielded {found.code}, declares {', '.join(rule.ma)}")

    try:
        run_watching_rules(case, tmp_path, watch)
    finally:
        restore_permissions(tmp_path)
    assert not wrong, f"case {_id(case)}: {wrong}"
    RAN.add(_id(case))


def test_each_declared_code_is_yielded_by_its_rule_in_some_case() -> None:
    """Runs after the cases (same module, later in the file): what they saw, against the declarations."""
    if len(RAN) < len([c for c in CASES if not (c.skip_as_root and IS_ROOT)]):
        pytest.skip("needs every case above to have run (not selected alone, none failed)")
    missing = [
        f"{rule.ten}: {code}" for rule in all_rules() for code in rule.ma
        if code not in SEEN[rule.ten] and not CODES[code].khong_gap
    ]
    assert not missing, f"declared but given by no case: {missing}"


def test_every_code_a_rule_declares_is_registered_and_declared_once() -> None:
    declared = [code for rule in all_rules() for code in rule.ma]
    assert set(declared) <= set(CODES)
    assert len(declared) == len(set(declared)), "a code belongs to one rule (docs/codes.md names it)"


def test_the_stages_group_the_rules_as_they_declare() -> None:
    stages = registry()
    assert tuple(stages) == STAGES
    for stage, rules in stages.items():
        assert rules and all(rule.stage == stage for rule in rules), stage
    for stage, rules in TRUOC_DANH_GIA.items():
        assert set(rules) <= set(stages[stage])
    assert not TRUOC_DANH_GIA["danh_gia"]


def test_every_rule_module_is_in_the_registry() -> None:
    """A module of ntm/rules/ with a RULES table is imported by the registry (statically: by name)."""
    registered = {rule.check.__module__ for rule in all_rules()}
    folder = Path(ntm.rules.__file__).parent
    for info in pkgutil.iter_modules([str(folder)]):
        tree = ast.parse((folder / f"{info.name}.py").read_text(encoding="utf-8"))
        has_rules = any(
            isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "RULES" for t in node.targets)
            for node in tree.body
        )
        assert has_rules == (f"ntm.rules.{info.name}" in registered), info.name


def test_rules_are_named_after_their_module_and_function() -> None:
    for rule in all_rules():
        module, function = rule.ten.split(".")
        assert getattr(sys.modules[f"ntm.rules.{module}"], function) is rule.check




def test_the_watch_sees_the_rules_inside_its_block_only() -> None:
    from ntm.run.one import check_file

    plan = DATA / "codes" / "DM004-year-outside-period.yaml"
    seen: list[tuple[str, str]] = []
    with watching(lambda rule, found: seen.append((rule.ten, found.code))):
        inside = check_file(plan).diagnostics
    assert seen == [("dia_ban.nam_trong_giai_doan", "DM004")]
    assert [d.code for d in inside] == ["DM004"]
    assert [d.code for d in check_file(plan).diagnostics] == ["DM004"] and len(seen) == 1


def _imported(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "ntm", *args],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    return {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


def test_validate_does_not_import_the_rules_that_need_an_assessment() -> None:
    plan = "plans/huong-son-2023.yaml"
    assert "ntm.rules.ke_hoach" not in _imported("validate", plan)
    assert {"ntm.rules.ke_hoach", "ntm.rules.dia_ban"} <= _imported("check", plan, "--format", "json")
