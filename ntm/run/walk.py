"""Files and folders named on the command line -> the plan files to check, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ntm.diagnostics import Diagnostic

PLAN_SUFFIXES = (".yaml", ".yml")


def expand_paths(paths: Sequence[Path]) -> Iterator[tuple[Path, Diagnostic | None]]:
    """Files as given; directories searched for *.yaml / *.yml, in a stable order.

    The order is that of sorting the found paths (component by component), produced
    while walking: each folder's entries sorted by name, folders entered where they
    sort. Nothing holds the whole tree (10,000 Path objects are 5 MB that forked
    workers would inherit). Like Path.rglob(): symlinked folders are listed, not
    entered; folders that cannot be read are skipped; hidden files and folders
    (".git") are left out.
    """
    for path in paths:
        if path.is_dir():
            found = False
            for p in _walk(path):
                found = True
                yield p, None
            if not found:
                yield path, Diagnostic("IO005", str(path), co_vi_tri=False)
        else:
            yield path, None


def _walk(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: os.path.normcase(e.name))  # how Path orders its parts
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(folder / entry.name)
        elif os.path.splitext(entry.name)[1].lower() in PLAN_SUFFIXES and entry.is_file():
            yield folder / entry.name
