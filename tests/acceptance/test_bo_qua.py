"""Accepting findings as a user does (docs/ci.md, "Chấp nhận cảnh báo"): comments in a plan, a
repository's ntm.toml, through `validate`, `check` and `render`, in one process and in several."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from planlib import REPO, run, run_process

CODES = REPO / "tests" / "data" / "codes"
PLACEHOLDER = CODES / "KH012-placeholder-left.yaml"  # one warning: KH012 at 5:12
UNMET_WITHOUT_TASKS = CODES / "KH001-unmet-without-tasks.yaml"  # KH001 at 25:3, found only by `check`


def _repo(tmp_path: Path, toml: str | None = None, **plans: str) -> Path:
    repo = tmp_path / "kho"
    (repo / ".git").mkdir(parents=True)  # a repository's root, as far as ntm looks
    (repo / "plans").mkdir()
    for name, text in plans.items():
        (repo / "plans" / f"{name}.yaml").write_text(text, encoding="utf-8")
    if toml is not None:
        (repo / "ntm.toml").write_text(toml, encoding="utf-8")
    return repo


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_accepted_warnings_are_counted_not_reported_and_shown_on_demand(tmp_path: Path) -> None:
    accepted = _text(PLACEHOLDER).replace('KH-UBND"\n', 'KH-UBND"   # ntm: bo-qua KH012\n', 1)
    repo = _repo(tmp_path, a=accepted)
    code, out = run("validate", str(repo / "plans"), "--strict")
    assert code == 0
    assert out.splitlines() == ["Đã kiểm tra 1 tệp: 1 hợp lệ, 0 có lỗi (0 lỗi, 0 cảnh báo, 1 cảnh báo đã chấp nhận)."]
    code, out = run("validate", str(repo / "plans"), "--hien-bo-qua")
    first = out.splitlines()[0]
    assert first.startswith(f"{repo}/plans/a.yaml:5:12: cảnh báo đã chấp nhận [KH012] van_ban.so_hieu: ")
    assert first.endswith(f"(chấp nhận tại {repo}/plans/a.yaml:5)")
    code, out = run("check", str(repo / "plans" / "a.yaml"), "--format", "json")
    view = json.loads(out)
    assert view["chan_doan"] == [] and [d["ma"] for d in view["da_chap_nhan"]] == ["KH012"]
    assert view["da_chap_nhan"][0]["chap_nhan_tai"] == f"{repo}/plans/a.yaml:5"


def test_an_error_is_never_accepted(tmp_path: Path) -> None:
    broken = _text(PLACEHOLDER).replace("nam: 2023", "nam: hai nghìn")
    repo = _repo(tmp_path, '[bo-qua]\n"plans/*.yaml" = ["SCH003"]\n', a="# ntm: bo-qua-tep SCH003\n" + broken)
    code, out = run("validate", str(repo / "plans"))
    assert code == 1
    assert "lỗi [SCH003]" in out
    assert "cảnh báo [BQ003] SCH003 là lỗi" in out  # the comment's, at its line
    assert "ntm.toml:2:1: cảnh báo [BQ003] SCH003 là lỗi" in out  # ntm.toml's, once for the run


def test_an_unused_acceptance_of_an_assessment_code_is_judged_only_by_check(tmp_path: Path) -> None:
    text = _text(PLACEHOLDER).replace("nam: 2023\n", "nam: 2023   # ntm: bo-qua KH001\n")
    repo = _repo(tmp_path, a=text)
    _, out = run("validate", str(repo / "plans"))
    assert "BQ001" not in out  # validate does not look for KH001: it cannot tell
    _, out = run("check", str(repo / "plans"), "--format", "concise")
    line = next(i for i, text in enumerate(_text(repo / "plans" / "a.yaml").splitlines(), 1) if "bo-qua KH001" in text)
    assert f"a.yaml:{line}:13: cảnh báo [BQ001] chú thích chấp nhận KH001 nhưng không có cảnh báo KH001 nào" in out


def test_the_repository_file_governs_every_plan_under_it_and_can_make_an_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path, '[muc-do]\nKH012 = "loi"\n', a=_text(PLACEHOLDER))
    code, out = run("validate", str(repo / "plans"))
    assert code == 1 and "a.yaml:5:12: lỗi [KH012]" in out
    # render honours it: an error stops the document
    target = tmp_path / "kh.md"
    proc = run_process("render", str(repo / "plans" / "a.yaml"), "-o", str(target))
    assert proc.returncode == 1 and "lỗi [VB009]" in proc.stderr and not target.exists()
    # and a comment of the plan cannot accept what the repository made an error
    (repo / "plans" / "a.yaml").write_text("# ntm: bo-qua-tep KH012\n" + _text(PLACEHOLDER), encoding="utf-8")
    code, out = run("validate", str(repo / "plans"))
    assert code == 1 and "[BQ003] KH012 là lỗi ở kho này" in out


def test_render_reports_only_what_is_not_accepted(tmp_path: Path) -> None:
    repo = _repo(tmp_path, '[bo-qua]\n"plans/*.yaml" = ["KH012"]\n', a=_text(PLACEHOLDER))
    target = tmp_path / "kh.md"
    # a placeholder accepted for check never reaches a document to sign: render refuses it (VB009)
    proc = run_process("render", str(repo / "plans" / "a.yaml"), "-o", str(target))
    assert proc.returncode == 1 and "lỗi [VB009]" in proc.stderr and not target.exists()
    # a draft prints it, and the acceptance holds there
    proc = run_process("render", str(repo / "plans" / "a.yaml"), "-o", str(target), "--du-thao")
    assert proc.returncode == 0, proc.stderr
    assert "KH012" not in proc.stderr and target.is_file()
    proc = run_process("render", str(repo / "plans" / "a.yaml"), "-o", str(target), "--hien-bo-qua",
                       "--format", "concise", "--du-thao")
    assert "cảnh báo đã chấp nhận [KH012]" in proc.stderr and f"(chấp nhận tại {repo}/ntm.toml:2)" in proc.stderr


def test_a_named_file_replaces_the_one_found_and_a_missing_one_is_a_usage_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path, '[muc-do]\nKH012 = "loi"\n', a=_text(PLACEHOLDER))
    other = tmp_path / "khac.toml"
    other.write_text('[bo-qua]\n"plans/*.yaml" = ["KH012"]\n', encoding="utf-8")
    # patterns are relative to the named file's folder: tmp_path, so "plans/*.yaml" matches nothing there
    code, out = run("validate", str(repo / "plans"), "--cau-hinh", str(other))
    assert code == 0 and "cảnh báo [KH012]" in out and "không khớp tệp kế hoạch nào" in out
    shutil.copyfile(other, repo / "khac.toml")
    code, out = run("validate", str(repo / "plans"), "--cau-hinh", str(repo / "khac.toml"), "--strict")
    assert code == 0 and "1 cảnh báo đã chấp nhận" in out
    proc = run_process("validate", str(repo / "plans"), "--cau-hinh", str(tmp_path / "khong-co.toml"))
    assert proc.returncode == 2 and "--cau-hinh: không có tệp" in proc.stderr


def test_a_broken_repository_file_is_said_once_and_the_batch_goes_on(tmp_path: Path) -> None:
    repo = _repo(tmp_path, '[bo-qua]\n"plans/*.yaml" = ["KH012"\n', a=_text(PLACEHOLDER), b=_text(PLACEHOLDER))
    code, out = run("validate", str(repo / "plans"), "--format", "concise")
    lines = out.splitlines()
    assert code == 1
    assert sum("[BQ010]" in line for line in lines) == 1
    assert sum("[KH012]" in line for line in lines) == 2  # both plans checked, nothing accepted
    assert lines[-1] == "Đã kiểm tra 2 tệp: 2 hợp lệ, 0 có lỗi (1 lỗi, 2 cảnh báo)."


def test_acceptances_are_tracked_across_worker_processes(tmp_path: Path) -> None:
    plans = {f"p{i:02d}": _text(PLACEHOLDER) for i in range(6)}
    plans.update({f"q{i:02d}": _text(UNMET_WITHOUT_TASKS) for i in range(2)})
    repo = _repo(tmp_path, '[bo-qua]\n"plans/p*.yaml" = ["KH012"]\n"plans/q*.yaml" = ["KH001", "KH010"]\n',
                 **plans)
    proc = run_process("check", str(repo / "plans"), "--jobs", "2", "--format", "concise", "--cho-phep-chua-dat",
                       cwd=repo)
    lines = proc.stdout.splitlines()
    # KH012 and KH001 were accepted in the workers; only KH010, which no q plan gives, is unused
    assert [line for line in lines if "[BQ001]" in line] == [
        'ntm.toml:3:1: cảnh báo [BQ001] [bo-qua] "plans/q*.yaml" chấp nhận KH010 nhưng không kế hoạch nào khớp '
        "mẫu có cảnh báo KH010: bỏ mã này khỏi danh sách."]
    assert lines[-1].startswith("Đã kiểm tra 8 tệp: 8 hợp lệ, 0 có lỗi (0 lỗi, 1 cảnh báo, 8 cảnh báo đã chấp nhận)")
    assert proc.returncode == 0
