"""A criterion written as text (a mis-indented line folds into `tieu_chi.<ma>: "…"`) is checked without an
internal error (found by tests/acceptance/test_properties.py: `ntm check` exited 4 with NTM001)."""

from __future__ import annotations

from pathlib import Path

from planlib import REPO, run


def test_a_criterion_written_as_text_is_no_internal_error(tmp_path: Path) -> None:
    text = (REPO / "plans" / "huong-son-2023.yaml").read_text(encoding="utf-8")
    broken = text.replace("    giai_phap: >-\n      Đề xuất công ty", "    giai_phap: >-\n  he_thong: nha_nuoc\n      Đề xuất công ty", 1)
    assert broken != text
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(broken, encoding="utf-8")
    code, out = run("check", str(plan), "--format", "json")
    assert code in (0, 1, 3), out
    assert "NTM001" not in out
