"""The package's layers (pyproject.toml, [tool.importlinter]): stages import only downward, no cycles.

Checked by import-linter on the source tree; the second test breaks a copy
of the tree on purpose to show the check can fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from planlib import REPO


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contracts, importing `ntm` from `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    script = Path(sys.executable).with_name("lint-imports")  # installed with the test extra, beside python
    return subprocess.run(
        [str(script), str(REPO / "pyproject.toml"), "--no-cache", "--no-logo"],
        capture_output=True, text=True, cwd=tree, env=env, timeout=120,
    )


def test_stages_import_only_downward_and_without_cycles() -> None:
    done = lint_imports(REPO)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("load/read.py", "import ntm.cli  # an upward import", "Stages import only downward"),
        ("present/wording.py", "import ntm.present.view  # a cycle", "No import cycles"),
        ("tong_hop/gop.py", "import ntm.present.bao_cao.nhan  # aggregation reaching for words", "Stages import only downward"),
        ("run/many.py", "import ntm.tong_hop.tom_tat  # the CLI hands the summary down", "Stages import only downward"),
    ],
)
def test_the_check_fails_on_an_upward_import_or_a_cycle(tmp_path: Path, module: str, line: str, broken: str) -> None:
    shutil.copytree(REPO / "ntm", tmp_path / "ntm", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "ntm" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    done = lint_imports(tmp_path)
    assert done.returncode == 1 and broken in done.stdout.split("Broken contracts")[-1]
