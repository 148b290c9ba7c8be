"""Start-up regression test: commands import only what they need (not timed).

`python -X importtime` lists every module a run imports; the heavy stacks
(.docx: python-docx and lxml; Jinja2; typer, click and rich on the fast
path; the assessment for `validate`) must not appear where they are not
used. benchmarks/README.md has the timings these imports cost.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PLAN = "plans/huong-son-2023.yaml"

DOCX_STACK = ("docx", "lxml")
TEMPLATES = ("jinja2", "markupsafe")
CLI_FRAMEWORK = ("typer", "click", "rich")


def imported(*args: str) -> set[str]:
    """Top-level and dotted names of every module `python -m ntm args` imports."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "ntm", *args],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
    )
    assert proc.returncode in (0, 1, 3), proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "package":  # the header line
                names.add(name)
    assert "ntm.cli" in names, "importtime printed nothing"
    return names


def loaded(names: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if n.split(".")[0] in packages)


@pytest.mark.parametrize("args", [("--help",), ("validate", PLAN)], ids=["help", "validate"])
def test_help_and_validate_skip_docx_and_jinja2(args: tuple[str, ...]) -> None:
    names = imported(*args)
    assert loaded(names, DOCX_STACK) == []
    assert loaded(names, TEMPLATES) == []


def test_validate_takes_the_fast_path() -> None:
    names = imported("validate", PLAN)
    assert loaded(names, CLI_FRAMEWORK) == []
    assert "ntm.assessment" not in names  # validate never assesses
    assert "ntm.views" not in names
    assert "babel" not in {n.split(".")[0] for n in names}


def test_check_takes_the_fast_path() -> None:
    names = imported("check", PLAN, "--format", "json")
    assert loaded(names, CLI_FRAMEWORK + DOCX_STACK + TEMPLATES) == []
    assert "ntm.assessment" in names


def test_help_still_comes_from_typer() -> None:
    assert "typer" in {n.split(".")[0] for n in imported("validate", "--help")}


def test_render_takes_the_fast_path(tmp_path: Path) -> None:
    names = imported("render", PLAN, "-o", str(tmp_path / "ke-hoach.docx"))
    assert loaded(names, CLI_FRAMEWORK) == []
    assert "docx" in {n.split(".")[0] for n in names}
