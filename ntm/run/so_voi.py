"""`check --so-voi REV`: each plan beside its version at a git revision.

The parent resolves the revision once per repository (`prepare`: git missing, not a
repository, unknown revision stop the run before any plan is checked) and lists the plans
that existed there and are gone (`removed`). Each worker reads its plan's old bytes, runs
them through the same stages and compares the two assessments (`compare`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ntm.assess.so_sanh import SoSanh, TrangThaiSoSanh, so_sanh
from ntm.diagnostics import Diagnostic
from ntm.load.revision import GitError, Kho, commit_of, files_at, read_at, relative, repository
from ntm.run.one import KetQuaTep, check_bytes
from ntm.run.walk import PLAN_SUFFIXES


@dataclass(frozen=True)
class SoVoi:
    """The revision as typed, and the commit it names in each repository of the run."""

    phien_ban: str
    kho: tuple[Kho, ...] = field(default_factory=tuple)
    anywhere: bool = False

    def kho_of(self, path: Path) -> Kho | None:
        real = path.resolve()
        best = None
        for k in self.kho:  # the deepest repository holding the file (a submodule before its parent)
            if real.is_relative_to(k.root.resolve()) and (best is None or len(k.root.parts) > len(best.root.parts)):
                best = k
        return best


def prepare(rev: str, paths: Sequence[Path], anywhere: bool = False) -> SoVoi:
    """The repositories of the paths given and the commit `rev` names in each; GitError (GIT001
    to GIT004) when that cannot be had."""
    found: dict[Path, Kho] = {}
    roots: dict[Path, Path] = {}  # folder -> its repository: one git call a folder, not a file
    for path in paths:
        folder = path if path.is_dir() else path.parent
        root = roots.get(folder)
        if root is None:
            root = roots[folder] = repository(path)
        if root not in found:
            found[root] = commit_of(root, rev, str(path))
    return SoVoi(rev, tuple(found.values()), anywhere)


def removed(so_voi: SoVoi, folders: Sequence[Path], present: set[str]) -> list[str]:
    """Plans under `folders` at the revision that are no longer there, as paths shown like the
    folder was given (`plans/` -> `plans/cu.yaml`); `present`: the plans found now, resolved."""
    out: list[str] = []
    for folder in folders:
        kho = so_voi.kho_of(folder)
        if kho is None:
            continue
        base = relative(kho, folder)
        for name in files_at(kho, folder, PLAN_SUFFIXES, so_voi.phien_ban):
            real = kho.root / name
            if str(real.resolve()) in present or real.exists():
                continue
            below = os.path.relpath(name, base) if base != "." else name
            out.append(str(folder / below))
    return sorted(set(out))


def compare(result: KetQuaTep, so_voi: SoVoi) -> tuple[SoSanh | None, Diagnostic | None]:
    """The plan checked now (`result`) against its version at the revision."""
    path = Path(result.file)
    kho = so_voi.kho_of(path)
    if kho is None:  # a repository the parent did not see (a link into another one)
        try:
            kho = commit_of(repository(path), so_voi.phien_ban, result.file)
        except GitError as exc:
            return None, exc.diagnostic
    try:
        raw = read_at(kho, path, so_voi.phien_ban)
    except GitError as exc:
        return None, exc.diagnostic
    if raw is None:
        return SoSanh(TrangThaiSoSanh.moi), None
    if result.assessment is None or result.plan is None:
        return SoSanh(TrangThaiSoSanh.khong_danh_gia), None
    old = check_bytes(raw, path, result.file, assessing=True, anywhere=so_voi.anywhere)
    if old.assessment is None or old.plan is None:
        return SoSanh(TrangThaiSoSanh.cu_khong_danh_gia), None
    return so_sanh(old.assessment, result.assessment, old.plan, result.plan), None


def was_there(so_voi: SoVoi, path: Path) -> bool:
    """A path given on the command line that is gone now: was it a file at the revision?"""
    kho = so_voi.kho_of(path)
    return kho is not None and read_at(kho, path, so_voi.phien_ban) is not None
