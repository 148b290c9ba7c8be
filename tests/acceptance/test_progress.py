"""Long runs show a progress bar on a terminal (standard error), and nothing when piped or in CI."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from planlib import REPO, SEED_PLAN

BAR = "Đang kiểm tra"


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for i in range(count):
        shutil.copyfile(SEED_PLAN, folder / f"p{i:02}.yaml")
    return folder


def _run(args: list[str], *, tty_err: bool, tty_out: bool, ci: bool) -> tuple[int, bytes, bytes]:
    """Run `python -m ntm args` with standard error (and output) on a pseudo-terminal or a pipe;
    what reached the terminal is returned as the stream(s) it stands for."""
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR", "TERM")}
    env["TERM"] = "xterm"
    env["COLUMNS"] = "100"
    if ci:
        env["CI"] = "true"
    argv = [sys.executable, "-m", "ntm", *args]
    if not (tty_err or tty_out):
        done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, timeout=120)
        return done.returncode, done.stdout, done.stderr
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as piped:  # a file, not a pipe: nothing blocks while the terminal is read
        proc = subprocess.Popen(argv, cwd=REPO, env=env, stdout=slave if tty_out else piped,
                                stderr=slave if tty_err else piped)
        os.close(slave)
        terminal = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # every end of the terminal closed: the run is over
                break
            if not chunk:
                break
            terminal += chunk
        code = proc.wait(timeout=120)
        os.close(master)
        piped.seek(0)
        other = piped.read()
    if tty_out and tty_err:
        return code, terminal, b""
    return (code, other, terminal) if tty_err else (code, terminal, other)


@pytest.mark.parametrize("command", ["validate", "check"])
def test_a_bar_on_a_terminal_and_a_clean_output(command: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 12)
    code, out, err = _run([command, str(folder), "--format", "json"], tty_err=True, tty_out=False, ci=False)
    assert code == (0 if command == "validate" else 3)
    label = BAR if command == "validate" else "Đang đánh giá"
    assert label.encode() in err
    assert len(out.decode().splitlines()) == 12 and label.encode() not in out  # JSON lines, nothing else


def test_no_bar_in_ci_or_when_piped_or_for_few_files(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 12)
    assert BAR.encode() not in _run(["validate", str(folder)], tty_err=True, tty_out=False, ci=True)[2]
    assert BAR.encode() not in _run(["validate", str(folder)], tty_err=False, tty_out=False, ci=False)[2]
    (tmp_path / "few").mkdir()
    few = _folder(tmp_path / "few", 3)
    assert BAR.encode() not in _run(["validate", str(few)], tty_err=True, tty_out=False, ci=False)[2]


def test_output_on_the_same_terminal_is_printed_above_the_bar(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 12)
    code, out, _ = _run(["check", str(folder)], tty_err=True, tty_out=True, ci=False)
    assert code == 3
    text = out.decode("utf-8", "replace")
    assert text.count("Chưa đạt") >= 12 * 5  # every plan's unmet criteria reached the terminal
    assert "Đã kiểm tra 12 tệp" in text
