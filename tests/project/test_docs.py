"""Documentation that users copy from must keep working."""

from __future__ import annotations

import re
from pathlib import Path

from planlib import REPO, run

DOC = REPO / "docs" / "plan-format.md"


def _yaml_blocks(text: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", text, flags=re.DOTALL)


def test_annotated_example_in_plan_format_is_a_valid_plan(tmp_path: Path) -> None:
    blocks = [b for b in _yaml_blocks(DOC.read_text(encoding="utf-8")) if "phien_ban:" in b]
    assert len(blocks) == 1
    path = tmp_path / "vi-du.yaml"
    path.write_text(blocks[0], encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 0, out
    code, out = run("check", str(path), "--all")
    assert code == 3, out  # the example declares one criterion chưa đạt
    assert "Đào tạo nguồn nhân lực nông thôn" in out


def test_annotated_example_renders_to_md_docx_and_pdf(tmp_path: Path) -> None:
    from conftest import require_program

    blocks = [b for b in _yaml_blocks(DOC.read_text(encoding="utf-8")) if "phien_ban:" in b]
    assert len(blocks) == 1
    path = tmp_path / "vi-du.yaml"
    path.write_text(blocks[0], encoding="utf-8")
    code, out = run("render", str(path), "-o", str(tmp_path / "vi-du.md"))
    assert code == 0, out
    text = (tmp_path / "vi-du.md").read_text(encoding="utf-8")
    for words in ("[^1]: Gồm các thôn", "| Nguồn | Kinh phí (đồng) |", "PHỤ LỤC II", "Bằng chữ: Hai tỷ ba trăm triệu đồng.",
                  "Ban Chỉ đạo xây dựng nông thôn mới xã xây dựng kế hoạch năm 2026 như sau:",
                  "VIII. CHẾ ĐỘ BÁO CÁO", "Đào tạo nguồn nhân lực nông thôn"):
        assert words in text, words
    code, out = run("render", str(path), "-o", str(tmp_path / "vi-du.docx"))
    assert code == 0, out
    require_program("soffice", "libreoffice-writer-nogui")
    code, out = run("render", str(path), "-o", str(tmp_path / "vi-du.pdf"))
    assert code == 0, out
    assert (tmp_path / "vi-du.pdf").read_bytes().startswith(b"%PDF-")


def test_every_top_level_key_of_the_model_is_documented() -> None:
    from ntm.plan.model import KeHoach

    text = DOC.read_text(encoding="utf-8")
    for key in KeHoach.model_fields:
        assert f"| `{key}` |" in text, key


def test_readme_quick_start_and_ci_run_the_same_test_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme and "python -m pytest" in ci
    assert "ntm check plans/huong-son-2023.yaml" in readme


def test_architecture_lists_every_module() -> None:
    """docs/architecture.md is the map a newcomer reads: every module of ntm/ is on it (by its
    path, or as a package whose row covers it)."""
    doc = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = []
    for path in sorted((REPO / "ntm").rglob("*.py")):
        rel = path.relative_to(REPO / "ntm").as_posix()
        parent = path.parent.relative_to(REPO / "ntm").as_posix() + "/"
        if parent == "./":
            if f"`ntm/{rel}`" not in doc and path.name != "__init__.py":
                missing.append(rel)
            continue
        rows = [line for line in doc.splitlines() if parent.rstrip("/") in line]
        if f"`{rel}`" in doc or f"`{parent}`" in doc or any(f"`{path.name}`" in row for row in rows):
            continue
        missing.append(rel)
    assert missing == [], f"add these to docs/architecture.md: {missing}"
