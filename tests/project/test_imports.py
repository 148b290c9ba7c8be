"""Start-up regression test: commands import only what they need (not timed).

`python -X importtime` lists every module a run imports; the heavy stacks
(.docx: python-docx and lxml; Jinja2; rich off a terminal; Babel where no
number is written) must not appear where they are not used.
benchmarks/README.md has the timings these imports cost.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from planlib import REPO, imported

PLAN = "plans/huong-son-2023.yaml"

DOCX_STACK = ("docx", "lxml")
TEMPLATES = ("jinja2", "markupsafe")


def loaded(names: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if n.split(".")[0] in packages)


@pytest.mark.parametrize("args", [("--help",), ("validate", PLAN)], ids=["help", "validate"])
def test_help_and_validate_skip_docx_jinja2_and_rich(args: tuple[str, ...]) -> None:
    names = imported(*args)
    assert loaded(names, DOCX_STACK + TEMPLATES + ("rich",)) == []


def test_validate_of_a_valid_plan_formats_no_number() -> None:
    assert "babel" not in {n.split(".")[0] for n in imported("validate", PLAN)}


def test_validate_loads_neither_the_assessment_nor_its_wording() -> None:
    names = imported("validate", PLAN)
    assert sorted(n for n in names if n.startswith(("ntm.assess", "ntm.present.wording", "ntm.present.view_danh_gia"))) == []
    assert "tomllib" not in names and "tomli" not in names  # read only where an ntm.toml is


def test_validate_of_a_valid_plan_loads_no_wording_of_diagnostics() -> None:
    """The registry of codes and its wording, and the wording of YAML syntax slips, are loaded
    by the first diagnostic worded: a run that finds nothing does not pay for them."""
    names = imported("validate", PLAN)
    assert sorted(names & {"ntm.diagnostics.registry", "ntm.present.messages", "ntm.load.syntax"}) == []


def test_check_loads_neither_documents_nor_rich_when_piped() -> None:
    names = imported("check", PLAN, "--format", "json")
    assert loaded(names, DOCX_STACK + TEMPLATES + ("rich",)) == []
    assert "ntm.assess.judge" in names


def test_one_parser_for_every_command(tmp_path: Path) -> None:
    """typer parses every command line: there is no second, hand-written parser."""
    for args in (("validate", PLAN), ("check", PLAN), ("render", PLAN, "-o", str(tmp_path / "ke-hoach.docx"))):
        names = imported(*args)
        assert "typer" in {n.split(".")[0] for n in names}
    assert "docx" in {n.split(".")[0] for n in imported("render", PLAN, "-o", str(tmp_path / "x.docx"))}


# Writers of formats and commands a run does not use: each is imported by its format's entry in
# ntm.present.formats, only when that format is chosen.
OTHER_WRITERS = ("ntm.present.document", "ntm.present.bao_cao", "ntm.present.criteria", "ntm.cli.render",
                 "ntm.cli.report", "ntm.cli.init", "ntm.cli.criteria", "ntm.cli.schema")


def test_validate_loads_the_reporter_of_its_format_only() -> None:
    text = imported("validate", PLAN)
    assert "ntm.present.kiem_tra.text" in text and "ntm.present.kiem_tra.machine" not in text
    assert [n for n in text if n.startswith(OTHER_WRITERS)] == []
    machine = imported("check", PLAN, "--format", "junit")
    assert "ntm.present.kiem_tra.machine" in machine and "ntm.present.kiem_tra.text" not in machine
    assert [n for n in machine if n.startswith(OTHER_WRITERS)] == []


def test_help_reads_the_format_tables_without_their_writers() -> None:
    names = imported("--help")
    assert "ntm.present.formats" in names
    assert [n for n in names if n.startswith(("ntm.present.kiem_tra", "ntm.run", "ntm.plan", *OTHER_WRITERS))] == []


def test_validate_defers_the_package_metadata_while_plugins_are_off() -> None:
    """pydantic's plugin loader imports importlib.metadata (email, zipfile, socket) for nothing."""
    names = imported("validate", PLAN)
    assert "pydantic.plugin._loader" in names
    assert [n for n in names if n.startswith(("importlib.metadata", "email"))] == []


def test_a_plugin_setting_of_the_user_still_reads_the_metadata() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYDANTIC_DISABLE_PLUGINS": "khong-co-plugin-nay"}
    proc = subprocess.run(
        [sys.executable, "-c", "import sys; from ntm.cli import main; sys.argv = ['ntm', 'validate', sys.argv[1]]; main()", PLAN],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_the_deferred_entry_points_is_the_real_one_when_called() -> None:
    code = (
        "import os, sys; os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
        "from ntm.cli import defer_plugin_metadata; defer_plugin_metadata()\n"
        "assert 'importlib.metadata' not in sys.modules\n"
        "from pydantic.plugin import _loader\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = 'khong-co-plugin-nay'\n"
        "assert list(_loader.get_plugins()) == []\n"
        "assert 'importlib.metadata' in sys.modules\n"
        "import importlib.metadata; assert importlib.metadata.version('pydantic')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_a_command_run_builds_its_own_parser_only() -> None:
    """typer builds each command's parser before it reads the line: a run builds the one it uses."""
    from ntm.cli import command_line
    from ntm.cli.app import app

    every = {c.name for c in app.registered_commands}
    assert len(every) == 8
    assert set(command_line(app, ["validate", PLAN]).commands) == {"validate"}
    assert set(command_line(app, ["check", "--help"]).commands) == {"check"}
    for args in ([], ["--help"], ["valdate", PLAN], ["-h", "validate"], ["VALIDATE"]):
        assert set(command_line(app, args).commands) == every, args
    assert {c.name for c in app.registered_commands} == every  # the app itself is left whole


@pytest.mark.parametrize("args", [("validate", "--khong-co"), ("check",), ("valdate", PLAN)],
                         ids=["bad-option", "no-plan", "typo"])
def test_usage_errors_are_those_of_the_whole_app(args: tuple[str, ...]) -> None:
    """The one-command parser says what the parser of every command says."""
    from typer.testing import CliRunner

    from ntm.cli.app import app

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-m", "ntm", *args], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=120)
    whole = CliRunner().invoke(app, list(args))
    assert proc.returncode == whole.exit_code == 2
    assert proc.stderr == whole.stderr and proc.stdout == whole.stdout == ""


MODEL_MODULES = ("ntm/plan/co_so.py", "ntm/plan/model.py", "ntm/plan/noi_dung.py", "ntm/plan/van_ban.py",
                 "ntm/plan/values.py", "ntm/catalog/model.py")


@pytest.mark.parametrize("module", MODEL_MODULES)
def test_model_modules_keep_their_annotations_evaluated(module: str) -> None:
    """pydantic would compile string annotations back at every start-up (ntm/plan/co_so.py)."""
    text = (REPO / module).read_text(encoding="utf-8")
    assert re.search(r"^from __future__ import annotations", text, re.MULTILINE) is None
