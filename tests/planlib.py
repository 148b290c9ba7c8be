"""Helpers for tests: write small plans and run the CLI the way a user does."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from ntm.cli.app import app

REPO = Path(__file__).resolve().parent.parent
CATALOGS = REPO / "tests" / "data" / "catalogs"
SEED_PLAN = REPO / "plans" / "huong-son-2023.yaml"

# The plan document every small test plan starts from; tests/unit/conftest.py builds its own from it.
BASE_PLAN: dict[str, Any] = {
    "van_ban": {
        "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM",
        "so_hieu": "01/KH-UBND",
        "dia_danh": "Thử Nghiệm",
        "ngay_ban_hanh": "2023-01-05",
        "trich_yeu": "Thực hiện Chương trình xây dựng nông thôn mới năm 2023",
        "noi_nhan": ["Lưu: VT."],
        "nguoi_ky": {"tham_quyen": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn A"},
    },
    "dia_ban": {"xa": "Thử Nghiệm", "tinh": "Tỉnh Thử"},
    "nam": 2023,
    "bo_tieu_chi": "thu-nghiem-vung.yaml",
}


def edited(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of `base` with top-level keys replaced, `dia_ban__vung=...` replacing a nested
    key, and `dia_ban__vung=None` removing it."""
    data = copy.deepcopy(base)
    for key, value in changes.items():
        if "__" in key:
            outer, inner = key.split("__", 1)
            if value is None:
                data[outer].pop(inner, None)
            else:
                data[outer][inner] = value
        else:
            data[key] = value
    return data


def plan(**changes: Any) -> dict[str, Any]:
    """The base plan with top-level keys replaced and `dia_ban__x` style nested changes (see `edited`)."""
    return edited(BASE_PLAN, **changes)


def write_plan(folder: Path, data: dict[str, Any], name: str = "ke-hoach.yaml", catalog_dir: Path = CATALOGS) -> Path:
    """Write a plan; the test criteria sets are copied beside it (a plan may only name sets of
    its own repository), so a bare catalog file name is found."""
    data = copy.deepcopy(data)
    ref = data.get("bo_tieu_chi", "")
    if isinstance(ref, str) and ref.endswith(".yaml") and "/" not in ref:
        for source in catalog_dir.glob("*.yaml"):
            if not (folder / source.name).exists():
                shutil.copyfile(source, folder / source.name)
    path = folder / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    """In-process through typer's runner: the real command tree, fast."""
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def run_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """As a user runs it: a new process, `python -m ntm`."""
    return subprocess.run(
        [sys.executable, "-m", "ntm", *args], capture_output=True, text=True, cwd=cwd or REPO, timeout=120
    )


def check_json(path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    code, out = run("check", str(path), "--format", "json", *extra)
    return code, json.loads(out)


def indicator(view: dict[str, Any], ma: str) -> dict[str, Any]:
    for tc in view["tieu_chi"]:
        for ct in tc["chi_tieu"]:
            if ct["ma"] == ma:
                return ct
    raise KeyError(ma)


def criterion(view: dict[str, Any], ma: str) -> dict[str, Any]:
    for tc in view["tieu_chi"]:
        if tc["ma"] == ma:
            return tc
    raise KeyError(ma)


def documented_keys(section: str) -> set[str]:
    """The keys docs/json.md lists in the first column of the table under `### <section>`."""
    lines = (REPO / "docs" / "json.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"### {section}")
    keys: set[str] = set()
    in_table = False
    for line in lines[start + 1 :]:
        if line.startswith("|"):
            in_table = True
            first = line.split("|")[1]
            keys.update(re.findall(r"`([a-z_]+)`", first))
        elif in_table or line.startswith("### "):
            break
    return keys


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
