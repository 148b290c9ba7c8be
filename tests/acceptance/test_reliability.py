"""Reliability, through the real entry points (issue 10): a cut output is never success, one
plan's failure never stops a batch, a long text never breaks the .docx.

The bad inputs themselves (one file each, exact output) are cases under tests/data/bad/.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from planlib import REPO, SEED_PLAN, plan, run, write_plan

PLAN = str(SEED_PLAN)

# Every command that writes to standard output, with what it writes there.
COMMANDS = {
    "validate": ["validate", *[PLAN] * 20, "--format", "json"],
    "check": ["check", PLAN, "--all"],
    "check-json": ["check", PLAN, "--format", "json"],
    "criteria": ["criteria", "-b", "xa-ntm-2021-2025", "--vung", "dong-bang-song-hong"],
    "render-md": ["render", PLAN],
    "render-docx": ["render", PLAN, "--format", "docx"],
    "schema": ["schema"],
}

CUT = "không ghi được ra luồng ra chuẩn"


def _shell(command: str, argv: list[str], tmp_path: Path, unbuffered: bool) -> subprocess.CompletedProcess[str]:
    """`ntm argv` run by bash with the redirection `command` (`{ntm}` stands for the call)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:  # a text stream over an unbuffered file loses a short write's rest silently
        env["PYTHONUNBUFFERED"] = "1"
    call = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "ntm", *argv])
    return subprocess.run(
        ["bash", "-c", command.format(ntm=call)], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )


def _one_vietnamese_line(stderr: str) -> None:
    # `render` reports the plan's own warnings first (the shipped plan states a health-insurance
    # requirement below the set's): they are not about the output
    lines = [line for line in stderr.strip().splitlines() if not line.startswith(f"{PLAN}:")]
    assert len(lines) == 1 and lines[0].startswith("ntm: ") and CUT in lines[0], stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("sink", ["full-disk", "closed"])
def test_an_output_that_cannot_be_written_is_exit_2(name: str, sink: str, tmp_path: Path) -> None:
    if sink == "full-disk" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    redirect = {"full-disk": "{ntm} > /dev/full", "closed": "{ntm} >&-"}[sink]
    done = _shell(redirect, COMMANDS[name], tmp_path, unbuffered=False)
    assert done.returncode == 2, done.stderr
    _one_vietnamese_line(done.stderr)


@pytest.mark.parametrize("name", sorted(COMMANDS))
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_file_size_limit_cuts_the_output_and_that_is_exit_2(name: str, unbuffered: bool, tmp_path: Path) -> None:
    """`ulimit -f 1` (1 KiB): every output here is longer, so each is cut; none may end with 0."""
    full = _shell("{ntm} > whole", COMMANDS[name], tmp_path, unbuffered)
    assert full.returncode in (0, 3) and (tmp_path / "whole").stat().st_size > 1024
    done = _shell("ulimit -f 1; {ntm} > cut", COMMANDS[name], tmp_path, unbuffered)
    assert done.returncode == 2, (done.returncode, done.stderr)
    _one_vietnamese_line(done.stderr)
    assert (tmp_path / "cut").stat().st_size <= 1024


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_reader_that_goes_away_is_not_reported(name: str, tmp_path: Path) -> None:
    """`ntm … | true`: the reader is gone before ntm writes. Like Unix tools, no message;
    the status is still not success (2, "output problem"): the output was not read."""
    done = _shell("{ntm} | true; echo ${{PIPESTATUS[0]}} >&2", COMMANDS[name], tmp_path, False)
    assert [line for line in done.stderr.splitlines() if not line.startswith(f"{PLAN}:")] == ["2"], done.stderr


# ------------------------------------------------------------------------------------ batches


def _plan(**changes: Any) -> dict[str, Any]:
    """The test plan, complete for the test set (which asks for the region)."""
    return plan(dia_ban__vung="dong-bang", **changes)


def _good(folder: Path, name: str) -> None:
    write_plan(folder, _plan(dia_ban__xa=f"Xã {name}"), name=name)


def _bad_figure_exponent(folder: Path) -> None:
    data = _plan(hien_trang=[{"tieu_chi": "nha_o", "chi_tieu": [{"so": "9.1", "gia_tri": "1e26"}]}])
    write_plan(folder, data, name="2-bad.yaml")


def _bad_cycle(folder: Path) -> None:
    base = yaml.safe_load((REPO / "tests" / "data" / "catalogs" / "thu-nghiem-vung.yaml").read_text(encoding="utf-8"))
    for me, other in (("a", "b"), ("b", "a")):
        doc: dict[str, Any] = {k: base[k] for k in base if k in ("ma", "ten", "can_cu")}
        doc["ma"] = f"vong-{me}"
        doc["ke_thua"] = f"{other}.yaml"
        (folder / f"{me}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    write_plan(folder, _plan(bo_tieu_chi="a.yaml"), name="2-bad.yaml")


def _bad_nfc_without_mark(folder: Path) -> None:
    write_plan(folder, _plan(dia_ban__xa="Xã \ufa2a"), name="2-bad.yaml")


def _bad_control_escape(folder: Path) -> None:
    path = write_plan(folder, _plan(), name="2-bad.yaml")
    text = path.read_text(encoding="utf-8").replace("trich_yeu: ", 'trich_yeu: "abc\\x01def" # ', 1)
    path.write_text(text, encoding="utf-8")


def _bad_factor(folder: Path) -> None:
    write_plan(folder, _plan(), name="2-bad.yaml")
    (folder / "2-bad.yaml").write_text(
        (folder / "2-bad.yaml").read_text(encoding="utf-8").replace("thu-nghiem-vung.yaml", "he-so-nan.yaml"),
        encoding="utf-8",
    )
    (folder / "he-so-nan.yaml").write_text(
        "ma: he-so-nan\nten: Bộ có hệ số không phải số\nke_thua: thu-nghiem-vung.yaml\n"
        "can_cu: {so_hieu: 1/QĐ-UBND, ngay_ban_hanh: 2023-01-01, trich_yeu: Thử}\n"
        "tieu_chi:\n  - ma: nha_o\n    chi_tieu:\n      - so: '9.1'\n"
        "        muc: {ti_le_so_voi: {chi_tieu: '9.1', he_so: .nan}}\n",
        encoding="utf-8",
    )


# name -> (writes 2-bad.yaml, the batch's exit code): errors are 1; a text NFC changes is a warning.
CRASHERS = {
    "figure-exponent": (_bad_figure_exponent, 1),
    "inheritance-cycle": (_bad_cycle, 1),
    "nfc-without-mark": (_bad_nfc_without_mark, 0),
    "control-escape": (_bad_control_escape, 1),
    "factor-nan": (_bad_factor, 1),
}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name", sorted(CRASHERS))
def test_a_plan_that_used_to_crash_is_reported_between_two_good_ones(name: str, jobs: str, tmp_path: Path) -> None:
    _good(tmp_path, "1-good.yaml")
    make, exit_code = CRASHERS[name]
    make(tmp_path)
    _good(tmp_path, "3-good.yaml")
    plans = [str(tmp_path / n) for n in ("1-good.yaml", "2-bad.yaml", "3-good.yaml")]
    code, out = run("check", *plans, "--format", "json", "--jobs", jobs)
    views = [json.loads(line) for line in out.splitlines()]
    assert [v["tep"] for v in views] == plans
    assert code == exit_code
    assert views[1]["hop_le"] is (exit_code == 0) and views[1]["chan_doan"], views[1]
    assert not any(d["ma"] == "NTM001" for d in views[1]["chan_doan"]), "a bad input is a diagnostic, not an internal error"
    assert views[0]["hop_le"] and views[2]["hop_le"]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["check", "validate"])
def test_an_internal_failure_on_one_plan_is_reported_for_it_and_the_batch_goes_on(
    command: str, jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug (here: one planted in the assessment, or in reading) hits one plan only."""
    import ntm.assess.judge
    import ntm.run.one

    real_assess, real_validate = ntm.assess.judge.assess, ntm.run.one.validate_plan

    def assess(plan_: Any, catalog: Any) -> Any:
        if plan_.dia_ban.xa == "Xã Hỏng":
            raise RecursionError("planted")
        return real_assess(plan_, catalog)

    def validate(data: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(data, dict) and data.get("dia_ban", {}).get("xa") == "Xã Hỏng":
            raise MemoryError
        return real_validate(data, *args, **kwargs)

    monkeypatch.delenv("NTM_DEBUG", raising=False)
    monkeypatch.setattr(ntm.assess.judge, "assess", assess)
    monkeypatch.setattr(ntm.run.one, "validate_plan", validate if command == "validate" else real_validate)
    _good(tmp_path, "1-good.yaml")
    write_plan(tmp_path, _plan(dia_ban__xa="Xã Hỏng"), name="2-bad.yaml")
    _good(tmp_path, "3-good.yaml")
    names = ["1-good.yaml", "2-bad.yaml", "3-good.yaml"]
    code, out = run(command, *[str(tmp_path / n) for n in names], "--format", "json", "--jobs", jobs)
    views = [json.loads(line) for line in out.splitlines()]
    assert [Path(v["tep"]).name for v in views] == names
    assert code == 4
    assert [d["ma"] for d in views[1]["chan_doan"]] == ["NTM001"]
    assert views[0]["hop_le"] and views[2]["hop_le"]


# ------------------------------------------------------------------------------- documents


def test_a_title_longer_than_a_document_property_still_renders(tmp_path: Path) -> None:
    """Word's core properties hold 255 characters: the title there is shortened, the text is whole."""
    from docx import Document

    long_title = "Thực hiện Chương trình xây dựng nông thôn mới " + "và nâng cao đời sống nhân dân " * 12
    assert len(long_title) > 255
    path = write_plan(tmp_path, _plan(van_ban__trich_yeu=long_title.strip()))
    code, _ = run("render", str(path), "-o", str(tmp_path / "ke-hoach.docx"))
    assert code == 0
    document = Document(str(tmp_path / "ke-hoach.docx"))
    assert 0 < len(document.core_properties.title) <= 255
    body = " ".join(p.text for p in document.paragraphs)
    assert "và nâng cao đời sống nhân dân " * 11 in body


def test_the_good_plan_of_the_batches_is_valid_and_assessed(tmp_path: Path) -> None:
    """The good plans of the batches above pass on their own (else those tests prove little)."""
    path = write_plan(tmp_path, _plan())
    assert run("check", str(path))[0] in (0, 3)
