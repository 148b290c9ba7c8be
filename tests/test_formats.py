"""Machine formats: GitHub annotations, JUnit XML, JSON Lines, plain text when piped, pre-commit."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from planlib import REPO, SEED_PLAN, run, run_process


def _broken_plan(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """The seed with three slips; returns the line of each."""
    lines = SEED_PLAN.read_text(encoding="utf-8").splitlines()
    where = {}
    for i, line in enumerate(lines):
        if line.startswith("  dia_danh:"):
            lines[i] = "  dia_dan: Hương Sơn"
            where["dia_dan"] = i + 1
        elif line.startswith("nam: 2023"):
            lines[i] = "nam: năm nay"
            where["nam"] = i + 1
        elif line == "  lao_dong:":
            lines.insert(i + 1, "    tu_danh_gia: tot")
            where["tu_danh_gia"] = i + 2
            break
    path = tmp_path / "ke-hoach.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, where


def test_github_annotations_point_at_the_right_lines(tmp_path: Path) -> None:
    path, where = _broken_plan(tmp_path)
    code, out = run("validate", str(path), "--format", "github")
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::error ")]
    lines = sorted(int(re.search(r",line=(\d+)", a).group(1)) for a in annotations)  # type: ignore[union-attr]
    assert lines == sorted(where.values())
    for a in annotations:
        assert re.match(r"^::error file=[^,]+,line=\d+,col=\d+,title=ntm [A-Z]+\d+ [^:]*::\S", a), a


def test_github_unmet_criteria_are_warnings_at_the_criterion(tmp_path: Path) -> None:
    code, out = run("check", str(SEED_PLAN), "--format", "github")
    assert code == 3
    annotations = [line for line in out.splitlines() if line.startswith("::warning ")]
    warnings = [line for line in annotations if ",title=Chưa đạt tiêu chí " in line]
    assert len(warnings) == 5
    # the plan's own warnings: it states 90% for health insurance, the nâng cao set ≥ 95%
    assert sorted(re.search(r"title=ntm (\w+)", w).group(1) for w in annotations if w not in warnings) == [  # type: ignore[union-attr]
        "KH002", "KH005"]
    text = SEED_PLAN.read_text(encoding="utf-8").splitlines()
    for w in warnings:
        line = int(re.search(r",line=(\d+)", w).group(1))  # type: ignore[union-attr]
        assert text[line - 1].startswith("  ") and text[line - 1].rstrip().endswith(":")
    assert any("đạt 52,77%25, yêu cầu ≥ 75%25" in w for w in warnings)  # '%' escaped per the workflow-command rules


def test_junit_is_well_formed_and_counts_failures(tmp_path: Path) -> None:
    path, _ = _broken_plan(tmp_path)
    code, out = run("check", str(SEED_PLAN), str(path), "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    suites = root.findall("testsuite")
    assert len(suites) == 2
    by_name = {s.get("name"): s for s in suites}
    seed = by_name[str(SEED_PLAN)]
    assert seed.get("failures") == "5"
    assert len(seed.findall("testcase")) == 20  # "hop_le" + 19 criteria
    broken = by_name[str(path)]
    assert broken.find("testcase/failure") is not None


def test_json_lines_for_validate(tmp_path: Path) -> None:
    path, where = _broken_plan(tmp_path)
    code, out = run("validate", str(SEED_PLAN), str(path), "--format", "json")
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["hop_le"] is True and first["chan_doan"] == []
    assert second["hop_le"] is False
    assert sorted(d["dong"] for d in second["chan_doan"]) == sorted(where.values())


def test_text_is_plain_when_piped() -> None:
    proc = run_process("check", "plans/huong-son-2023.yaml")
    assert "\x1b[" not in proc.stdout  # no colour codes when not on a terminal
    assert "┃" not in proc.stdout and "│" not in proc.stdout  # no table boxes either


def test_pre_commit_manifest(tmp_path: Path) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    ids = {h["id"]: h for h in hooks}
    assert set(ids) == {"ntm-validate", "ntm-check-plans", "ntm-check"}
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["entry"].split()[0] == "ntm" and hook["language"] == "python"
        assert f"`{hook['id']}`" in (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    # the hook passes file names: ntm validate must accept several at once
    code, _ = run(*ids["ntm-validate"]["entry"].split()[1:], str(SEED_PLAN), str(SEED_PLAN))
    assert code == 0
    # a real plan has unmet criteria: the plans hook passes it, the strictest one does not. (The
    # shipped plan itself warns: it states 90% for health insurance where the set asks 95%.)
    text = SEED_PLAN.read_text(encoding="utf-8")
    stated = "        yeu_cau: 90%\n        muc_tieu: 90%\n"
    assert stated in text
    clean = tmp_path / "ke-hoach.yaml"
    clean.write_text(text.replace(stated, "        muc_tieu: 95%\n"), encoding="utf-8")
    assert run("check", str(clean))[0] == 3
    assert run(*ids["ntm-check-plans"]["entry"].split()[1:], str(clean), str(clean))[0] == 0
    assert run(*ids["ntm-check"]["entry"].split()[1:], str(clean))[0] == 3
    assert run(*ids["ntm-check-plans"]["entry"].split()[1:], str(SEED_PLAN))[0] == 1  # its two warnings


def test_the_plans_hook_still_fails_on_invalid_plans_and_warnings(tmp_path: Path) -> None:
    broken = tmp_path / "loi.yaml"
    broken.write_text(SEED_PLAN.read_text(encoding="utf-8").replace("nam: 2023", "nam: hai nghìn"), encoding="utf-8")
    assert run("check", "--strict", "--cho-phep-chua-dat", str(broken))[0] == 1
    warned = tmp_path / "canh-bao.yaml"
    # a self-assessment the figures contradict is a warning (KH004)
    text = SEED_PLAN.read_text(encoding="utf-8")
    assert "  lao_dong:\n" in text
    warned.write_text(text.replace("  lao_dong:\n", "  lao_dong:\n    tu_danh_gia: dat\n", 1), encoding="utf-8")
    code, out = run("check", "--strict", "--cho-phep-chua-dat", str(warned))
    assert code == 1 and "[KH004]" in out, out
