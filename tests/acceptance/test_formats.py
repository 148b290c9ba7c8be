"""Output formats: one table per command read by the CLI; GitHub annotations, JUnit XML, JSON Lines,
plain text when piped, pre-commit; `render`'s diagnostics through the same reporters."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import yaml
from planlib import REPO, SEED_PLAN, run, run_process

from ntm.present import formats


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
    assert set(ids) == {"ntm", "ntm-validate", "ntm-check-plans", "ntm-check"}
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
    # the plans repository's hook: the same verdicts, compact
    assert run(*ids["ntm"]["entry"].split()[1:], str(clean), str(clean))[0] == 0
    code, out = run(*ids["ntm"]["entry"].split()[1:], str(SEED_PLAN))
    assert code == 1 and all(line.startswith((str(SEED_PLAN), "Đã kiểm tra")) for line in out.splitlines()), out


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


# ---------------------------------------------------------------------------- one table per command


TABLES = {"check": formats.CHECK, "render": formats.RENDER, "report": formats.REPORT, "criteria": formats.CRITERIA}


@pytest.mark.parametrize("command", sorted(TABLES))
def test_every_format_of_a_table_has_a_writer_and_a_help(command: str) -> None:
    table = TABLES[command]
    assert len(set(table.names)) == len(table.names)
    assert len(set(table.suffixes)) == len(table.suffixes)
    assert table.default is None or table.default in table.names
    for f in table.formats:
        assert callable(f.load())  # the writer's module imports, and the writer is there
        assert f.help and f.help == unicodedata.normalize("NFC", f.help)
        assert all(s.startswith(".") and s == s.lower() for s in f.suffixes)


@pytest.mark.parametrize(("command", "choices"), [
    (("check", "--format", "xml", str(SEED_PLAN)), formats.CHECK.names),
    (("validate", "--format", "xml", str(SEED_PLAN)), formats.CHECK.names),
    (("criteria", "--format", "xml"), formats.CRITERIA.names),
    (("render", str(SEED_PLAN), "--format", "xml"), formats.RENDER.names + formats.CHECK.names),
], ids=["check", "validate", "criteria", "render"])
def test_the_cli_offers_the_choices_of_the_table(command: tuple[str, ...], choices: tuple[str, ...]) -> None:
    proc = run_process(*command)
    assert proc.returncode == 2
    offered = re.search(r"chọn một trong: (.*)$", proc.stderr, re.MULTILINE)
    assert offered is not None, proc.stderr
    assert offered.group(1).split(", ") == [f"'{c}'" for c in choices]


def test_the_help_describes_each_format_from_its_table() -> None:
    text = " ".join(run_process("check", "--help").stdout.split())
    for f in formats.CHECK.formats:
        assert f"{f.name} (" in text and " ".join(f.help.split()) in text
    report = " ".join(run_process("report", "--help").stdout.split())
    assert all(s in report for s in formats.REPORT.suffixes)


def test_report_suffixes_come_from_the_table(tmp_path: Path) -> None:
    proc = run_process("report", str(SEED_PLAN), "-o", str(tmp_path / "bao-cao.pdf"))
    assert proc.returncode == 2
    assert f"đuôi tệp nhận biết: {', '.join(formats.REPORT.suffixes)}." in proc.stderr


def test_ci_doc_lists_every_format_of_check() -> None:
    doc = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    assert sorted(re.findall(r"^\| `--format (\w+)` \|", doc, re.MULTILINE)) == sorted(formats.CHECK.names)


# ---------------------------------------------------------------------------- render's diagnostics


def _render(*args: str) -> subprocess.CompletedProcess[str]:
    return run_process("render", *args)


def test_render_diagnostics_as_json_with_the_document_in_a_file(tmp_path: Path) -> None:
    target = tmp_path / "ke-hoach.md"
    proc = _render(str(SEED_PLAN), "-o", str(target), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    found = json.loads(line)
    assert set(found) == {"phien_ban", "tep", "hop_le", "chan_doan", "da_chap_nhan"}  # validate's shape (docs/json.md)
    assert found["hop_le"] is True
    assert [(d["ma"], d["dong"]) for d in found["chan_doan"]] == [("KH005", 205), ("KH002", 206)]
    assert proc.stderr == f"ntm: đã ghi {target}\n"  # the diagnostics are not said twice
    assert target.read_text(encoding="utf-8").startswith("**ỦY BAN NHÂN DÂN")


def test_render_diagnostics_as_github_annotations(tmp_path: Path) -> None:
    proc = _render(str(SEED_PLAN), "-o", str(tmp_path / "ke-hoach.docx"), "-f", "github")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [re.match(r"::warning file=[^,]+,line=(\d+),col=\d+,title=ntm (\w+) ", x).groups()  # type: ignore[union-attr]
            for x in lines] == [("205", "KH005"), ("206", "KH002")]
    assert zipfile.is_zipfile(tmp_path / "ke-hoach.docx")


def test_render_diagnostics_as_junit_of_an_invalid_plan(tmp_path: Path) -> None:
    broken = tmp_path / "loi.yaml"
    broken.write_text(SEED_PLAN.read_text(encoding="utf-8").replace("nam: 2023", "nam: hai nghìn"), encoding="utf-8")
    target = tmp_path / "ke-hoach.md"
    proc = _render(str(broken), "-o", str(target), "--format", "junit")
    assert proc.returncode == 1 and not target.exists()
    root = ET.fromstring(proc.stdout)
    assert root.get("name") == "ntm render"
    (suite,) = root.findall("testsuite")
    assert suite.get("failures") == "1" and "[SCH" in (suite.findtext("testcase/failure") or "")
    assert proc.stderr == "ntm: kế hoạch có lỗi (xem các dòng trên): không xuất văn bản.\n"


def test_render_reports_a_template_error_among_the_diagnostics(tmp_path: Path) -> None:
    template = tmp_path / "mau.md.j2"
    template.write_text("{{ van_ban.khong_co }}\n", encoding="utf-8")
    proc = _render(str(SEED_PLAN), "-o", str(tmp_path / "kh.md"), "--template", str(template), "--format", "json")
    assert proc.returncode == 1
    found = json.loads(proc.stdout)
    assert found["hop_le"] is False and [d["ma"] for d in found["chan_doan"]] == ["KH005", "KH002", "MAU002"]
    assert found["chan_doan"][-1]["tep"] == str(template) and found["chan_doan"][-1]["dong"] == 1


def test_render_text_diagnostics_stay_on_standard_error(tmp_path: Path) -> None:
    proc = _render(str(SEED_PLAN), "--format", "text")
    assert proc.returncode == 0
    assert proc.stdout.startswith("**ỦY BAN NHÂN DÂN")  # the document alone on standard output
    assert [line.split(" [")[1][:5] for line in proc.stderr.splitlines()] == ["KH005", "KH002"]
    assert "Đã kiểm tra" not in proc.stderr  # one plan: no batch summary


@pytest.mark.parametrize("fmt", [f for f in formats.CHECK.names if f not in ("text", "concise")])
def test_a_machine_format_for_render_needs_an_output_file(fmt: str) -> None:
    proc = _render(str(SEED_PLAN), "--format", fmt)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"ntm: lỗi cách dùng: --format {fmt} in chẩn đoán cho máy đọc") and "-o TỆP" in proc.stderr
