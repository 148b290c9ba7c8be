"""`ntm check PLAN... --so-voi REV`, run as a user runs it in a real git repository made here: statuses
that flip, figures and targets that move, plans added and removed, in text, JSON and GitHub
annotations and job summary; and the errors (unknown revision, shallow clone, outside a
repository, git missing, a damaged repository)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from planlib import REPO, SEED_PLAN, documented_keys

from ntm.present.view import JSON_VERSION

GIT = ["git", "-c", "user.name=ntm", "-c", "user.email=ntm@example.invalid", "-c", "commit.gpgsign=false"]
SEED = SEED_PLAN.read_text(encoding="utf-8")


def git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def ntm(cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    environment.pop("GITHUB_STEP_SUMMARY", None)
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "ntm", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=environment)


def edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text


CHANGED = (  # 16 met by the plan's own word, its figure turned to yes; a figure and two targets moved
    ("  tiep_can_phap_luat:\n    hien_trang:", "  tiep_can_phap_luat:\n    tu_danh_gia: dat\n    hien_trang:"),
    ("      dat_chuan_tiep_can_phap_luat:\n        gia_tri: không", "      dat_chuan_tiep_can_phap_luat:\n        gia_tri: có"),
    ("gia_tri: 82%", "gia_tri: 88%"),
    ("        muc_tieu: 90%", "        muc_tieu: 95%"),
    ("thon: [Ta Rung]", "thon: [Ta Rung, Ka Lăng]"),
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Commit 1: plans a, b, cu. Commit 2: a changed, cu removed, moi added; b untouched."""
    root = tmp_path / "kho"
    plans = root / "plans"
    plans.mkdir(parents=True)
    for name in ("a", "b", "cu"):
        (plans / f"{name}.yaml").write_text(SEED.replace("  xa: Hương Sơn", f"  xa: Xã {name.upper()}"), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "một")
    (plans / "a.yaml").write_text(edit((plans / "a.yaml").read_text(encoding="utf-8"), *CHANGED), encoding="utf-8")
    git(root, "rm", "-q", "plans/cu.yaml")
    (plans / "moi.yaml").write_text(SEED.replace("  xa: Hương Sơn", "  xa: Xã Mới"), encoding="utf-8")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "hai")
    return root


def test_text_says_what_changed_per_plan_and_the_plans_added_and_removed(repo: Path) -> None:
    proc = ntm(repo, "check", "plans", "--so-voi", "HEAD~1")
    plain = ntm(repo, "check", "plans")
    assert proc.returncode == plain.returncode == 3  # exit codes are check's, from the plans as they are now
    out = proc.stdout
    a = out.split("plans/a.yaml: Bộ tiêu chí")[1].split("plans/b.yaml")[0]
    assert "  So với HEAD~1: 1 tiêu chí đổi trạng thái, 2 số liệu thay đổi, 2 mục tiêu, chỉ tiêu thay đổi." in a
    assert "Tiêu chí đạt 14 → 15, chưa đạt 5 → 4." in a
    for line in ("16. Tiếp cận pháp luật: Chưa đạt → Đạt (tự đánh giá)",
                 "14.1 Tỷ lệ tham gia bảo hiểm y tế: 82% → 88%",
                 "16.1 Xã đạt chuẩn tiếp cận pháp luật: không → có",
                 "14.1 Tỷ lệ tham gia bảo hiểm y tế: mục tiêu 90% → 95%",
                 "chi_tieu.thon_kieu_mau.thon: Ta Rung → Ta Rung, Ka Lăng"):
        assert f"\n    {line}\n" in a, line
    b = out.split("plans/b.yaml: Bộ tiêu chí")[1].split("plans/moi.yaml")[0]
    assert "  So với HEAD~1: không đổi trạng thái tiêu chí, số liệu hay mục tiêu nào." in b
    assert "  Kế hoạch mới: chưa có ở HEAD~1." in out.split("plans/moi.yaml: Bộ tiêu chí")[1]
    assert "plans/cu.yaml: Kế hoạch đã bị xóa: có ở HEAD~1, nay không còn.\n" in out
    # said, not counted: three plans were checked
    assert out.rstrip().splitlines()[-1].startswith("Đã kiểm tra 3 tệp")
    assert proc.stderr == ""


def test_json_carries_each_change_with_old_and_new_values_as_documented(repo: Path) -> None:
    proc = ntm(repo, "check", "plans", "--so-voi", "HEAD~1", "--format", "json")
    views = {v["tep"]: v for v in map(json.loads, proc.stdout.splitlines())}
    workers = ntm(repo, "check", "plans", "--so-voi", "HEAD~1", "--format", "json", "--jobs", "2")
    assert workers.stdout == proc.stdout  # compared in worker processes alike
    assert set(views) == {"plans/a.yaml", "plans/b.yaml", "plans/moi.yaml", "plans/cu.yaml"}
    a = views["plans/a.yaml"]
    assert set(a) == documented_keys("`ntm check`") | {"so_voi"}
    assert set(a["so_voi"]) == documented_keys("`so_voi`")
    changes = a["so_voi"]["thay_doi"]
    for change in changes:
        assert set(change) == documented_keys("`thay_doi`")
    by_kind = {(c["loai"], c["ma"]): c for c in changes}
    assert by_kind[("tieu_chi", "tiep_can_phap_luat")]["cu"] == "chua_dat"
    assert by_kind[("tieu_chi", "tiep_can_phap_luat")]["moi"] == "dat"
    assert (by_kind[("so_lieu", "ty_le_tham_gia_bhyt")]["cu"], by_kind[("so_lieu", "ty_le_tham_gia_bhyt")]["moi"]) == (82, 88)
    assert by_kind[("muc_tieu", "ty_le_tham_gia_bhyt")]["moi"] == {"tu": 95, "den": None}
    assert by_kind[("chi_tieu_ke_hoach", "chi_tieu.thon_kieu_mau.thon")]["moi"] == ["Ta Rung", "Ka Lăng"]
    assert (by_kind[("so_lieu", "dat_chuan_tiep_can_phap_luat")]["cu"],
            by_kind[("so_lieu", "dat_chuan_tiep_can_phap_luat")]["moi"]) == (False, True)
    assert len(changes) == 5
    assert a["so_voi"]["trang_thai"] == "so_sanh" and a["so_voi"]["phien_ban"] == "HEAD~1"
    assert views["plans/b.yaml"]["so_voi"]["thay_doi"] == []
    assert views["plans/moi.yaml"]["so_voi"]["trang_thai"] == "moi"
    assert views["plans/cu.yaml"] == {"phien_ban": JSON_VERSION, "tep": "plans/cu.yaml", "so_voi": {
        "phien_ban": "HEAD~1", "trang_thai": "da_xoa", "cau": "Kế hoạch đã bị xóa: có ở HEAD~1, nay không còn.",
        "thay_doi": []}}
    # a plan given by name that is gone now, but was there at the revision, is a removed plan
    gone = ntm(repo, "check", "plans/cu.yaml", "--so-voi", "HEAD~1", "--format", "json")
    assert gone.returncode == 0 and json.loads(gone.stdout)["so_voi"]["trang_thai"] == "da_xoa"
    assert ntm(repo, "check", "plans/khong-co.yaml", "--so-voi", "HEAD~1").returncode == 2


def test_github_annotations_and_step_summary_say_the_changes(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "tom-tat.md"
    proc = ntm(repo, "check", "plans", "--so-voi", "HEAD~1", "--format", "github",
               env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 3
    notices = [line for line in proc.stdout.splitlines() if line.startswith("::notice ")]
    line_of_criterion = (repo / "plans" / "a.yaml").read_text(encoding="utf-8").splitlines().index(
        "  tiep_can_phap_luat:") + 1
    assert (f"::notice file=plans/a.yaml,line={line_of_criterion},title=ntm so với HEAD~1::"
            "16. Tiếp cận pháp luật: Chưa đạt → Đạt (tự đánh giá)") in notices
    assert "::notice file=plans/cu.yaml,title=ntm so với HEAD~1::Kế hoạch đã bị xóa: có ở HEAD~1, nay không còn." in notices
    assert "::notice file=plans/moi.yaml,title=ntm so với HEAD~1::Kế hoạch mới: chưa có ở HEAD~1." in notices
    text = summary.read_text(encoding="utf-8")
    section = text.split("### plans/a.yaml\n")[1].split("\n### ")[0]
    assert "- 16. Tiếp cận pháp luật: Chưa đạt → Đạt (tự đánh giá)" in section
    assert "- 14.1 Tỷ lệ tham gia bảo hiểm y tế: 82% → 88%" in section
    assert "Kế hoạch đã bị xóa: có ở HEAD~1, nay không còn." in text.split("### plans/cu.yaml\n")[1]
    assert "| plans/cu.yaml |" not in text  # not checked: no row of counts


def test_a_plan_whose_old_version_was_invalid_is_said_so(repo: Path) -> None:
    plan = repo / "plans" / "b.yaml"
    good = plan.read_text(encoding="utf-8")
    plan.write_text(good.replace("nam: 2023", "nam: năm nay"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "hỏng")
    plan.write_text(good, encoding="utf-8")
    proc = ntm(repo, "check", "plans/b.yaml", "--so-voi", "HEAD")
    assert "Không so sánh được: bản ở HEAD không hợp lệ" in proc.stdout
    assert proc.returncode == 3


def test_an_unknown_revision_stops_before_any_plan_is_checked(repo: Path) -> None:
    proc = ntm(repo, "check", "plans", "--so-voi", "origin/mainn")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (f"plans: lỗi [GIT002] không có phiên bản 'origin/mainn' trong kho {repo}: hãy nêu một commit, "
                           "nhánh hoặc thẻ có trong kho (git log --oneline để xem).\n")
    # nor is an option smuggled in as a revision
    proc = ntm(repo, "check", "plans", "--so-voi=--output=x")
    assert proc.returncode == 2 and "[GIT002]" in proc.stderr and not (repo / "x").exists()
    # on GitHub, also an annotation
    proc = ntm(repo, "check", "plans", "--so-voi", "v9", "--format", "github")
    assert proc.returncode == 2 and proc.stdout.startswith("::error file=plans,title=ntm GIT002::")


def test_a_shallow_clone_is_told_to_fetch_more_history(repo: Path, tmp_path: Path) -> None:
    shallow = tmp_path / "nong"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow)], check=True, capture_output=True)
    proc = ntm(shallow, "check", "plans", "--so-voi", "HEAD~1")
    assert proc.returncode == 2
    assert "[GIT002]" in proc.stderr and "bản sao nông (shallow clone)" in proc.stderr and "fetch-depth: 0" in proc.stderr


def test_outside_a_repository_and_without_git(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(SEED, encoding="utf-8")
    proc = ntm(tmp_path, "check", "ke-hoach.yaml", "--so-voi", "HEAD")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("ke-hoach.yaml: lỗi [GIT001] không nằm trong một kho git")
    no_git = ntm(tmp_path, "check", "ke-hoach.yaml", "--so-voi", "HEAD", env={"PATH": str(tmp_path / "trong")})
    assert no_git.returncode == 2
    assert no_git.stderr == ("ke-hoach.yaml: lỗi [GIT003] không chạy được git (không tìm thấy lệnh git trong PATH): "
                             "--so-voi cần chương trình git; hãy cài git, hoặc bỏ --so-voi.\n")
    # without --so-voi, git is never asked for
    assert ntm(tmp_path, "check", "ke-hoach.yaml", env={"PATH": str(tmp_path / "trong")}).returncode == 3


def test_a_damaged_repository_is_an_error_of_that_plan(repo: Path) -> None:
    blob = git(repo, "rev-parse", "HEAD~1:plans/b.yaml").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    proc = ntm(repo, "check", "plans", "--so-voi", "HEAD~1")
    assert proc.returncode == 1
    assert "plans/b.yaml: lỗi [GIT004] git không đọc được plans/b.yaml ở phiên bản 'HEAD~1': git cat-file" in proc.stdout
    assert "16. Tiếp cận pháp luật: Chưa đạt → Đạt" in proc.stdout  # the other plans are still compared


def test_the_run_writes_nothing_in_the_repository(repo: Path) -> None:
    def state() -> dict[str, Any]:
        return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(repo.rglob("*"))}

    before = state()
    assert ntm(repo, "check", "plans", "--so-voi", "HEAD~1").returncode == 3
    assert state() == before


def test_a_multi_year_plan_says_the_stage_and_the_period_that_changed(tmp_path: Path) -> None:
    root = tmp_path / "kho"
    root.mkdir()
    original = (REPO / "plans" / "hai-phong-2026-2030.yaml").read_text(encoding="utf-8")
    (root / "kh.yaml").write_text(original, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "một")
    changed = edit(original, ("muc_tieu: {2026: 65%, 2028: 80%, 2030: 95%}", "muc_tieu: {2026: 65%, 2028: 85%, 2030: 95%}"))
    (root / "kh.yaml").write_text(changed, encoding="utf-8")
    proc = ntm(root, "check", "kh.yaml", "--so-voi", "HEAD")
    # the stage before the last moved, the last did not: still a change, said by its year
    assert "\n    8.a Tỷ lệ hộ dùng nước sạch theo quy chuẩn (vị trí suy luận): mục tiêu năm 2028: 80% → 85%\n" in proc.stdout
    (change,) = json.loads(ntm(root, "check", "kh.yaml", "--so-voi", "HEAD", "--format", "json").stdout)["so_voi"]["thay_doi"]
    assert (change["loai"], change["cu"]["tu"], change["moi"]["tu"]) == ("muc_tieu", 95, 95)
    assert (change["cu"]["lo_trinh"]["2028"], change["moi"]["lo_trinh"]["2028"]) == ({"tu": 80, "den": None}, {"tu": 85, "den": None})
    (root / "kh.yaml").write_text(edit(original, ("giai_doan: {tu: 2026, den: 2030}", "giai_doan: {tu: 2026, den: 2031}")),
                                  encoding="utf-8")
    proc = ntm(root, "check", "kh.yaml", "--so-voi", "HEAD")
    assert "\n    kỳ kế hoạch: giai đoạn 2026 - 2030 → giai đoạn 2026 - 2031\n" in proc.stdout
    (change,) = json.loads(ntm(root, "check", "kh.yaml", "--so-voi", "HEAD", "--format", "json").stdout)["so_voi"]["thay_doi"]
    assert (change["loai"], change["cu"], change["moi"]) == ("giai_doan", {"tu": 2026, "den": 2030}, {"tu": 2026, "den": 2031})
