"""No module of ntm is named like a package ntm depends on (shared/design.md §9).

`ntm/present/document/docx.py` beside modules that `import docx` reads as a
self-import to a person and to tools that draw the import graph (they saw a
cycle). The names come from the installed metadata: every distribution ntm
requires at run time, and what those require in turn, with the top-level
import names each one installs.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
from pathlib import Path

from packaging.requirements import Requirement
from planlib import REPO


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def required_distributions(root: str = "ntm") -> set[str]:
    """ntm's run-time requirements, transitively, as installed (extras such as `test` left out)."""
    found: set[str] = set()
    todo = [root]
    while todo:
        for text in metadata.requires(todo.pop()) or []:
            requirement = Requirement(text)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            name = _canonical(requirement.name)
            if name in found:
                continue
            try:
                metadata.distribution(name)
            except metadata.PackageNotFoundError:  # an optional dependency of a dependency, not installed
                continue
            found.add(name)
            todo.append(name)
    return found


def dependency_import_names() -> set[str]:
    """Top-level import names (`docx`, `yaml`, `PIL`, …) of every distribution ntm requires."""
    wanted = required_distributions()
    return {top for top, dists in metadata.packages_distributions().items()
            if any(_canonical(d) in wanted for d in dists)}


def clashes(package: Path, names: set[str]) -> list[str]:
    """Modules and subpackages under `package` whose own name is one of `names` (any case)."""
    lower = {n.lower().lstrip("_") for n in names}
    out = []
    for path in sorted(package.rglob("*")):
        if "__pycache__" in path.parts:
            continue
        stem = path.stem if path.suffix == ".py" else (path.name if path.is_dir() else None)
        if stem is not None and stem.lower() in lower:
            out.append(path.relative_to(package.parent).as_posix())
    return out


def test_the_dependencies_are_known() -> None:
    """The metadata answers (else the next test would pass on nothing)."""
    names = dependency_import_names()
    assert {"docx", "yaml", "jinja2", "pydantic", "typer", "rich", "babel", "xlsxwriter", "lxml"} <= names


def test_no_module_of_ntm_is_named_like_a_dependency() -> None:
    assert clashes(REPO / "ntm", dependency_import_names()) == []


def test_the_check_finds_a_clash(tmp_path: Path) -> None:
    folder = tmp_path / "ntm" / "present" / "document"
    folder.mkdir(parents=True)
    for name in ("docx.py", "ghi_docx.py", "markdown.py"):
        (folder / name).write_text("", encoding="utf-8")
    (tmp_path / "ntm" / "yaml").mkdir()
    assert clashes(tmp_path / "ntm", {"docx", "yaml"}) == ["ntm/present/document/docx.py", "ntm/yaml"]
