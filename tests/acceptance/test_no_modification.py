"""No command ever modifies an input plan, whatever the plan's encoding or validity.

Each command runs on a copy of a plan in a folder of its own; the plan's
SHA-256 and modification time must be the same afterwards, and the only new
files must be the outputs the command was asked for (no temporary file left
behind). Plans in NFD or UTF-16 matter most: normalising them in memory must
never write the normalised text back.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import unicodedata
from pathlib import Path

import pytest
from casefiles import DATA, SEED_PLAN
from typer.testing import CliRunner

from ntm.cli.app import app

SEED = SEED_PLAN.read_text(encoding="utf-8")
PLANS: dict[str, bytes] = {
    "seed": SEED.encode("utf-8"),
    "nfd": unicodedata.normalize("NFD", SEED).encode("utf-8"),
    "utf16": codecs.BOM_UTF16_LE + SEED.encode("utf-16-le"),
    "invalid": (DATA / "bad" / "check-duplicate-key.yaml").read_bytes(),
}

# {plan} is the plan's path, {dir} its folder; the last item lists the files the command may create.
COMMANDS: list[tuple[list[str], list[str]]] = [
    (["validate", "{plan}"], []),
    (["validate", "--strict", "--format", "json", "{dir}"], []),
    (["validate", "--format", "github", "{plan}"], []),
    (["validate", "--format", "junit", "{plan}"], []),
    (["check", "{plan}"], []),
    (["check", "--all", "--format", "json", "{plan}"], []),
    (["check", "--format", "junit", "{dir}"], []),
    (["render", "{plan}"], []),
    (["render", "{plan}", "-o", "{dir}/ke-hoach.md"], ["ke-hoach.md"]),
    (["render", "{plan}", "-o", "{dir}/ke-hoach.docx"], ["ke-hoach.docx"]),
    (["render", "{plan}", "--format", "md", "-o", "{plan}"], []),  # refused: it would overwrite the plan
    (["schema"], []),
    (["schema", "-o", "{dir}/schema.json"], ["schema.json"]),
]


def _state(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())
    }


@pytest.mark.parametrize("plan_kind", sorted(PLANS))
@pytest.mark.parametrize(("args", "outputs"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_no_command_modifies_the_input_plan(
    plan_kind: str, args: list[str], outputs: list[str], tmp_path: Path
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    plan = folder / "ke-hoach.yaml"
    plan.write_bytes(PLANS[plan_kind])
    past = 1_600_000_000_000_000_000  # an old mtime, so a rewrite within the same clock tick still shows
    os.utime(plan, ns=(past, past))
    before = _state(folder)
    argv = [a.replace("{plan}", str(plan)).replace("{dir}", str(folder)) for a in args]

    result = CliRunner().invoke(app, argv)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception

    assert result.exit_code in (0, 1, 2, 3), result.output
    after = _state(folder)
    assert after["ke-hoach.yaml"] == before["ke-hoach.yaml"], "the plan was modified"
    new = set(after) - set(before)
    assert new <= set(outputs), f"unexpected files: {new - set(outputs)}"
    if plan_kind != "invalid" or args[0] == "schema":
        assert new == set(outputs)
