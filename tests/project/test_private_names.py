"""Private names stay in their module (shared/design.md §9).

A name with one leading underscore is its module's own business; a concept that another module
needs gets a public name. Every module of ntm/ is read as a syntax tree: importing such a name
from another ntm module (absolute or relative), or reaching one through an imported ntm module
(`wording._x`), fails this test. There is no list of exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

from planlib import REPO


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_names(package: Path) -> set[str]:
    """Dotted names of every module and package under `package` (`ntm.present.view`, `ntm.present`)."""
    root = package.parent
    names = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _own(module: str | None, level: int, package: str) -> bool:
    return level > 0 or module == package or (module or "").startswith(package + ".")


def offences(package: Path) -> list[str]:
    """`file:line: name` for every private name taken from another module of `package`."""
    modules = _module_names(package)
    top = package.name
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(package.parent).as_posix()
        bound: set[str] = set()  # local names that stand for a module of the package
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and _own(node.module, node.level, top):
                for alias in node.names:
                    if _private(alias.name):
                        found.append(f"{where}:{node.lineno}: {alias.name}")
                    elif node.level == 0 and f"{node.module}.{alias.name}" in modules:
                        bound.add(alias.asname or alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == top or alias.name.startswith(top + "."):
                        found += [f"{where}:{node.lineno}: {alias.name}"
                                  for part in alias.name.split(".") if _private(part)]
                        bound.add(alias.asname or alias.name.split(".")[0])
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and _private(node.attr):
                base = node.value
                while isinstance(base, ast.Attribute):
                    base = base.value
                if isinstance(base, ast.Name) and base.id in bound:
                    found.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_no_private_name_crosses_a_module_boundary() -> None:
    assert offences(REPO / "ntm") == []


def test_the_check_finds_each_way_of_taking_a_private_name(tmp_path: Path) -> None:
    package = tmp_path / "ntm"
    (package / "present").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "present" / "__init__.py").write_text("", encoding="utf-8")
    (package / "present" / "wording.py").write_text("_x = 1\nx = 2\n", encoding="utf-8")
    (package / "present" / "view.py").write_text(
        "from __future__ import annotations\n"
        "import ntm.present.wording\n"
        "from ntm.present import wording\n"
        "from ntm.present.wording import _x\n"
        "from .wording import _x as y, x\n"
        "a = wording._x + ntm.present.wording._x + wording.x + y\n"
        "class C:\n"
        "    def __init__(self) -> None:\n"
        "        self._own = wording.__name__  # its own attribute, and a dunder: both fine\n",
        encoding="utf-8",
    )
    assert offences(package) == [
        "ntm/present/view.py:4: _x",
        "ntm/present/view.py:5: _x",
        "ntm/present/view.py:6: wording._x",
        "ntm/present/view.py:6: ntm.present.wording._x",
    ]
