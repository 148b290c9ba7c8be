"""The fast path of `ntm validate|check|render` (ntm.cli.parse_fast) agrees with the typer app.

The typer app (ntm.cli_app) is the one definition of the command line; the
fast path only reads plain arguments faster. These tests fail when an
option is added to, renamed in or removed from these commands without
the fast path learning it, when the two parse the same arguments
differently, or when a run gives other output or exit codes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer.main

from ntm import cli
from ntm.cli_app import DinhDang, DinhDangVanBan, app

REPO = Path(__file__).resolve().parent.parent
PLAN = "plans/huong-son-2023.yaml"


def command(name: str) -> Any:
    return typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["validate", "check"])
def test_options_are_the_ones_the_fast_path_knows(name: str) -> None:
    params = {p.name: p for p in command(name).params}
    expected = {"paths", "format", "strict", "jobs"} | ({"all_"} if name == "check" else set())
    assert set(params) == expected, "teach ntm.cli.parse_fast() the new option (or make it fall back)"
    assert params["paths"].nargs == -1 and params["paths"].required
    assert tuple(params["format"].opts) == cli.FORMAT_OPTS and not params["format"].is_flag
    assert tuple(params["strict"].opts) == cli.STRICT_OPTS and params["strict"].is_flag
    assert not params["strict"].secondary_opts
    assert tuple(params["jobs"].opts) == cli.JOBS_OPTS and params["jobs"].min == 0 and params["jobs"].max is None
    assert params["jobs"].default is None and params["strict"].default is False
    assert params["format"].default is DinhDang.text
    if name == "check":
        assert tuple(params["all_"].opts) == cli.ALL_OPTS and params["all_"].is_flag
    assert all(p.envvar is None for p in params.values())  # the fast path reads no environment


def test_render_options_are_the_ones_the_fast_path_knows() -> None:
    params = {p.name: p for p in command("render").params}
    assert set(params) == {"plan", "output", "format", "template"}
    assert params["plan"].nargs == 1 and params["plan"].required
    assert tuple(params["output"].opts) == cli.OUTPUT_OPTS
    assert tuple(params["format"].opts) == cli.FORMAT_OPTS
    assert tuple(params["template"].opts) == cli.TEMPLATE_OPTS
    assert all(p.default is None and not getattr(p, "is_flag", False) for k, p in params.items() if k != "plan")
    assert all(p.envvar is None for p in params.values())


def test_formats_match() -> None:
    assert tuple(m.value for m in DinhDang) == cli.FORMATS
    assert tuple(m.value for m in DinhDangVanBan) == cli.RENDER_FORMATS


ACCEPTED = [
    ["validate", PLAN],
    ["check", PLAN, "plans"],
    ["check", PLAN, "--format", "json"],
    ["check", "--format=github", PLAN],
    ["validate", "-f", "junit", PLAN, "--strict"],
    ["check", PLAN, "-a", "--all", "-j", "2"],
    ["check", PLAN, "--jobs=03", "--jobs", "0", "-f", "json", "-f", "text"],
    ["validate", "./plans/../plans/", "no-such-file.yaml"],
]
REFUSED = [
    [],
    ["validate"],
    ["validate", "--help"],
    ["check", PLAN, "-h"],
    ["check", PLAN, "--format", "xml"],
    ["check", PLAN, "--format"],
    ["check", PLAN, "-fjson"],
    ["validate", PLAN, "--all"],
    ["check", PLAN, "--jobs", "-1"],
    ["check", PLAN, "--jobs", "two"],
    ["check", PLAN, "--strict=true"],
    ["check", "--", PLAN],
    ["check", "-"],
    ["check", ""],
    ["check", PLAN, "--no-such-option"],
    ["render"],
    ["render", PLAN, PLAN],
    ["render", PLAN, "--format", "pdf"],
    ["render", PLAN, "-o"],
    ["render", PLAN, "--jobs", "2"],
    ["render", PLAN, "--strict"],
    ["validate", PLAN, "-o", "x.md"],
    ["criteria"],
    ["schema"],
]
RENDER_ACCEPTED = [
    ["render", PLAN],
    ["render", PLAN, "-o", "x.docx"],
    ["render", "--output=x.md", PLAN, "-f", "md", "--format", "docx"],
    ["render", PLAN, "-t", "templates/mau.docx", "--template", "other.md.j2"],
]


def _value(v: Any) -> Any:
    return v.value if isinstance(v, Enum) else v


@pytest.mark.parametrize("argv", ACCEPTED, ids=lambda a: " ".join(a))
def test_fast_parse_equals_typer_parse(argv: list[str]) -> None:
    fast = cli.parse_fast(argv)
    assert isinstance(fast, cli.PlanArgs)
    ctx = command(argv[0]).make_context(argv[0], list(argv[1:]))
    params = {k: _value(v) for k, v in ctx.params.items()}
    assert fast.command == argv[0]
    assert fast.paths == params["paths"]
    assert fast.fmt == params["format"]
    assert fast.strict == params["strict"]
    assert fast.jobs == params["jobs"]
    assert fast.show_all == params.get("all_", False)


@pytest.mark.parametrize("argv", RENDER_ACCEPTED, ids=lambda a: " ".join(a))
def test_fast_render_parse_equals_typer_parse(argv: list[str]) -> None:
    fast = cli.parse_fast(argv)
    assert isinstance(fast, cli.RenderArgs)
    params = {k: _value(v) for k, v in command("render").make_context("render", list(argv[1:])).params.items()}
    assert (fast.plan, fast.output, fast.fmt, fast.template) == (
        params["plan"], params["output"], params["format"], params["template"]
    )


@pytest.mark.parametrize("argv", REFUSED, ids=lambda a: " ".join(a) or "(none)")
def test_anything_unusual_goes_to_typer(argv: list[str]) -> None:
    assert cli.parse_fast(argv) is None


# --------------------------------------------------------------------------- same runs, both ways

TYPER_ONLY = "import sys; sys.argv = ['ntm', *sys.argv[1:]]; from ntm.cli import _main_typer; _main_typer()"


def _run(prefix: list[str], args: list[str]) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("NTM_DEBUG", None)
    proc = subprocess.run([sys.executable, *prefix, *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["validate", PLAN],
        ["check", PLAN],
        ["check", PLAN, "--all", "--format", "json"],
        ["check", PLAN, "-f", "github", "--strict"],
        ["validate", "tests/data/bad", "-f", "junit", "-j", "1"],
        ["check", "tests/data/bad", "-j", "2"],
        ["validate", "no-such-file.yaml"],
        ["render", PLAN],
        ["render", PLAN, "-o", "{tmp}/ke-hoach.docx"],
        ["render", "no-such-file.yaml", "-o", "{tmp}/x.md"],
        ["render", PLAN, "-o", "{tmp}/x.pdf"],
    ],
    ids=lambda a: " ".join(a),
)
def test_fast_and_typer_runs_are_identical(args: list[str], tmp_path: Path) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    fast = _run(["-m", "ntm"], args)
    slow = _run(["-c", TYPER_ONLY], args)
    assert fast == slow
