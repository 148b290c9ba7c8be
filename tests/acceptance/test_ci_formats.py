"""The CI formats of `validate` and `check`: SARIF 2.1.0 (validated against the official schema,
vendored in tests/data/sarif), GitLab Code Quality, and the GitHub job summary, run as a user runs
them on plans in a git repository."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from planlib import REPO, SEED_PLAN, run

from ntm.diagnostics.registry import CODES

SCHEMA = json.loads((REPO / "tests" / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CODES_MD = (REPO / "docs" / "codes.md").read_text(encoding="utf-8")
GIT = ["git", "-c", "user.name=ntm", "-c", "user.email=ntm@example.invalid", "-c", "commit.gpgsign=false"]


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A plans repository: the seed plan, a broken plan and a plan in a sub-folder, committed."""
    root = tmp_path / "kho"
    (root / "plans" / "huyen").mkdir(parents=True)
    seed = SEED_PLAN.read_text(encoding="utf-8")
    (root / "plans" / "huong-son.yaml").write_text(seed, encoding="utf-8")
    (root / "plans" / "loi.yaml").write_text(seed.replace("nam: 2023", "nam: năm nay"), encoding="utf-8")
    (root / "plans" / "huyen" / "xa-b.yaml").write_text(seed.replace("gia_tri: 82%", "gia_tri: 96%"), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "kế hoạch")
    return root


def validate_sarif(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def text_positions(*args: str) -> dict[tuple[str, str], tuple[int, int]]:
    """(file, code) -> (line, column) as the text format prints them."""
    _, out = run(*args)
    found = {}
    for line in out.splitlines():
        m = re.match(r"(.+?):(\d+):(\d+): (?:lỗi|cảnh báo) \[(\w+)\]", line)
        if m:
            found[(m[1], m[4])] = (int(m[2]), int(m[3]))
    return found


# ----------------------------------------------------------------------------- SARIF


def test_sarif_of_a_repository_is_valid_and_points_at_each_finding(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    code, out = run("check", "plans", "--format", "sarif")
    assert code == 1  # loi.yaml is invalid: the exit code is check's
    log = json.loads(out)
    validate_sarif(log)
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert sarif_run["tool"]["driver"]["name"] == "ntm"
    results = sarif_run["results"]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        by_rule.setdefault(r["ruleId"], []).append(r)
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        location = r["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert location["artifactLocation"]["uri"] in {"plans/huong-son.yaml", "plans/loi.yaml", "plans/huyen/xa-b.yaml"}
        assert r["message"]["text"].strip()
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    # errors, warnings and unmet criteria, each at the line and column the text format gives
    assert by_rule["SCH003"][0]["level"] == "error"
    assert {r["level"] for r in by_rule["KH002"]} == {"warning"}
    positions = text_positions("check", "plans")
    for (file, rule), (line, column) in positions.items():
        matching = [r for r in by_rule[rule] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == file]
        assert {"startLine": line, "startColumn": column} in [
            r["locations"][0]["physicalLocation"]["region"] for r in matching], (file, rule)
    unmet = by_rule["TIEU-CHI-CHUA-DAT"]
    assert {r["level"] for r in unmet} == {"note"}
    y_te = [r for r in unmet if "14. Y tế" in r["message"]["text"]]
    assert len(y_te) == 1  # the sub-folder's plan meets it (96%), the seed does not (82%)
    assert "đạt 82%, yêu cầu ≥ 95%, còn thiếu 13 điểm phần trăm" in y_te[0]["message"]["text"]


def test_sarif_rules_are_the_registry_with_their_docs_anchor() -> None:
    code, out = run("validate", str(SEED_PLAN), "--format", "sarif")
    assert code == 0
    log = json.loads(out)
    validate_sarif(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(CODES) <= set(rules)
    for code_, ma in CODES.items():
        rule = rules[code_]
        assert rule["shortDescription"]["text"] == ma.mo_ta
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule["name"]), rule["name"]
        anchor = f"docs/codes.md#{code_.lower()}"
        assert anchor in rule["help"]["text"] and rule["properties"]["tai_lieu"] == anchor
        assert f"\n### {code_}\n" in CODES_MD  # the anchor GitHub makes of that heading
        assert rule["defaultConfiguration"]["level"] == ("error" if ma.muc_do.value == "loi" else "warning")
    assert log["runs"][0]["results"] == []


def test_sarif_of_a_file_level_problem_and_of_a_plan_outside_any_repository(tmp_path: Path) -> None:
    empty = tmp_path / "trong.yaml"
    empty.write_text("", encoding="utf-8")
    code, out = run("validate", str(empty), "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    validate_sarif(log)
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["region"] == {"startLine": 1}  # the file as a whole: its first line
    assert "uriBaseId" not in location["artifactLocation"]  # no repository: the path as given
    assert location["artifactLocation"]["uri"].endswith("trong.yaml")


def test_sarif_is_the_same_whatever_the_number_of_workers(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    one = run("check", "plans", "--format", "sarif", "--jobs", "1")[1]
    two = run("check", "plans", "--format", "sarif", "--jobs", "2")[1]
    assert json.loads(one) == json.loads(two)


# ----------------------------------------------------------------------------- GitLab Code Quality


def test_gitlab_code_quality_fields(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    code, out = run("check", "plans", "--format", "gitlab")
    assert code == 1
    issues = json.loads(out)
    assert issues and isinstance(issues, list)
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] in {"plans/huong-son.yaml", "plans/loi.yaml", "plans/huyen/xa-b.yaml"}
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    severity = {i["check_name"]: i["severity"] for i in issues}
    assert severity["SCH003"] == "major" and severity["KH002"] == "minor" and severity["TIEU-CHI-CHUA-DAT"] == "info"
    positions = text_positions("check", "plans")
    for (file, rule), (line, _) in positions.items():
        assert any(i["check_name"] == rule and i["location"] == {"path": file, "lines": {"begin": line}}
                   for i in issues), (file, rule)


def test_gitlab_fingerprints_are_stable_across_runs_and_moved_lines(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    first = json.loads(run("check", "plans", "--format", "gitlab")[1])
    again = json.loads(run("check", "plans", "--format", "gitlab", "--jobs", "2")[1])
    assert first == again
    plan = repo / "plans" / "huong-son.yaml"
    plan.write_text("# ghi chú thêm ở đầu tệp\n# dòng thứ hai\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    moved = json.loads(run("check", "plans", "--format", "gitlab")[1])
    before = {i["fingerprint"]: i for i in first}
    after = {i["fingerprint"]: i for i in moved}
    assert set(before) == set(after)  # the same findings: GitLab shows nothing new, nothing resolved
    shifted = [f for f, i in before.items() if i["location"]["path"] == "plans/huong-son.yaml"]
    assert shifted
    for f in shifted:
        assert after[f]["location"]["lines"]["begin"] == before[f]["location"]["lines"]["begin"] + 2
    # a finding that goes away takes its fingerprint with it
    plan.write_text(plan.read_text(encoding="utf-8").replace("gia_tri: 82%", "gia_tri: 96%"), encoding="utf-8")
    fixed = {i["fingerprint"] for i in json.loads(run("check", "plans", "--format", "gitlab")[1])}
    gone = set(after) - fixed
    assert [after[f]["description"].split(":")[0] for f in gone] == ["Chưa đạt tiêu chí 14. Y tế"]


def test_gitlab_of_a_clean_run_is_an_empty_array(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(SEED_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    code, out = run("validate", str(plan), "--format", "gitlab")
    assert code == 0 and json.loads(out) == []


# ----------------------------------------------------------------------------- GitHub job summary


def test_github_step_summary_lists_every_plan_and_the_unmet_criteria_with_their_gaps(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    summary = tmp_path / "step-summary.md"
    summary.write_text("## bước trước\n\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out = run("check", "plans", "--format", "github")
    assert code == 1
    assert out.count("::error ") >= 1  # the annotations are still written
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## bước trước\n\n## ntm check\n")  # appended, never replacing
    assert "Đã kiểm tra 3 tệp: 2 hợp lệ, 1 có lỗi" in text
    assert "| Kế hoạch | Kết quả | Lỗi | Cảnh báo | Đạt | Chưa đạt | Chưa đánh giá được | Tổng số tiêu chí |" in text
    for file in ("plans/huong-son.yaml", "plans/huyen/xa-b.yaml"):
        view = json.loads(run("check", file, "--format", "json")[1])
        t = view["tong_hop"]
        row = f"| {file} | hợp lệ | 0 | {len(view['chan_doan'])} | {t['dat']} | {t['chua_dat']} | {t['chua_co_du_lieu']} | {t['tong_so']} |"
        assert row in text
        section = text.split(f"### {file}\n", 1)[1].split("\n### ", 1)[0]
        for tc in view["tieu_chi"]:
            if tc["trang_thai"] == "chua_dat":
                assert f"**{tc['so']}. {tc['ten']}**" in section
                for ct in tc["chi_tieu"]:
                    if ct["trang_thai"] == "chua_dat":
                        assert ct["mo_ta"] in section
    assert "| plans/loi.yaml | **có lỗi** | 1 | 0 | – | – | – | – |" in text
    assert "còn thiếu 13 điểm phần trăm" in text.split("### plans/huong-son.yaml")[1]


def test_no_step_summary_without_the_variable_and_plan_text_is_never_markup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "a|b_*c*"
    folder.mkdir()
    plan = folder / "<xa>.yaml"
    plan.write_text(SEED_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    code, _ = run("check", str(plan), "--format", "github")
    assert code == 3 and list(tmp_path.iterdir()) == [folder]
    summary = tmp_path / "tom-tat.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run("check", str(plan), "--format", "github")
    text = summary.read_text(encoding="utf-8")
    assert "a\\|b\\_\\*c\\*/&lt;xa&gt;.yaml" in text and "<xa>" not in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 and all(line.count(" | ") == 7 for line in rows)


def test_a_step_summary_that_cannot_be_written_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path))  # a folder
    result = subprocess.run(
        [sys.executable, "-m", "ntm", "check", str(SEED_PLAN), "--format", "github"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert result.returncode == 2
    assert f"không ghi được tóm tắt của job vào '{tmp_path}'" in result.stderr
    assert "Traceback" not in result.stderr
