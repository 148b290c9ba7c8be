"""Files and folders named on the command line -> the plan files to check, in a stable order.

Nothing is skipped without a word: in a folder, a `*.yaml` entry that cannot be
a plan (a dangling or looping link, a FIFO, a device, a socket), a linked
folder (not followed) and a folder that cannot be read each give a warning,
which fails the run under --strict.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from ntm.diagnostics import Diagnostic
from ntm.load import os_reason

PLAN_SUFFIXES = (".yaml", ".yml")


def expand_paths(paths: Sequence[Path]) -> Iterator[tuple[Path, Diagnostic | None]]:
    """Files as given; directories searched for *.yaml / *.yml, in a stable order, with a
    warning for what is passed over.

    The order is that of sorting the found paths (component by component), produced
    while walking: each folder's entries sorted by name, folders entered where they
    sort. Nothing holds the whole tree (10,000 Path objects are 5 MB that forked
    workers would inherit). Hidden files and folders (".git") are left out.
    """
    for path in paths:
        if path.is_dir():
            found = False
            for p, note in _walk(path):
                found = found or note is None
                yield p, note
            if not found:
                yield path, Diagnostic("IO005", str(path), co_vi_tri=False)
        else:
            yield path, None


def _note(path: Path, code: str, **params: object) -> tuple[Path, Diagnostic]:
    return path, Diagnostic(code, str(path), params=params, co_vi_tri=False)


def _walk(folder: Path) -> Iterator[tuple[Path, Diagnostic | None]]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: os.path.normcase(e.name))  # how Path orders its parts
    except OSError as exc:
        yield _note(folder, "IO008", ly_do=os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
            continue
        plan_like = os.path.splitext(entry.name)[1].lower() in PLAN_SUFFIXES
        if entry.is_symlink():
            try:
                target = os.stat(path)
            except OSError as exc:
                if plan_like:
                    loop = exc.errno == errno.ELOOP
                    yield _note(path, "IO007", bien_the="lien_ket_vong" if loop else "lien_ket_hong",
                                dich=os.readlink(path))
                continue
            if stat.S_ISDIR(target.st_mode):
                yield _note(path, "IO007", bien_the="lien_ket_thu_muc", dich=os.readlink(path))
                continue
            mode = target.st_mode
        elif plan_like:
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                yield _note(path, "IO008", ly_do=os_reason(exc))
                continue
        else:
            continue
        if not plan_like:
            continue
        if stat.S_ISREG(mode):
            yield path, None
        else:
            yield _note(path, "IO007")
