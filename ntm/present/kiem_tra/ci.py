"""What the code-scanning formats (SARIF, GitLab Code Quality) share: a checked file's findings
(its diagnostics, and with `check` its unmet criteria), each with a path relative to the
repository, and a fingerprint that stays the same from run to run while the finding does."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ntm.diagnostics import MucDo
from ntm.present.view import KiemTra
from ntm.run.one import repository_root

# The rule of an unmet criterion: not a diagnostic (the plan is valid), a state the plan works on.
CHUA_DAT = "TIEU-CHI-CHUA-DAT"


@dataclass(frozen=True)
class Finding:
    rule: str  # a registry code, or CHUA_DAT
    level: MucDo | None  # None: an unmet criterion
    message: str
    line: int | None
    column: int | None
    key: str  # what it is about inside the file (a YAML path, a criterion): part of the fingerprint
    title: str


def findings(v: KiemTra) -> list[Finding]:
    out = [
        Finding(d.ma, d.muc_do, (f"{d.duong_dan}: " if d.duong_dan else "") + d.thong_diep, d.dong, d.cot,
                d.duong_dan, f"{d.ma} {d.duong_dan}".strip())
        for d in v.chan_doan
    ]
    if v.danh_gia is not None:
        for tc in v.danh_gia.tieu_chi:
            if tc.la_chua_dat:
                detail = "; ".join(f"{c.so} {c.ten}: {c.mo_ta} (nguồn: {c.nguon})" for c in tc.chua_dat)
                title = f"Chưa đạt tiêu chí {tc.so}. {tc.ten}"
                out.append(Finding(CHUA_DAT, None, f"{title}: {detail or 'tự đánh giá chưa đạt'}", tc.dong, None,
                                   f"tieu_chi.{tc.ma}", title))
    return out


@dataclass(frozen=True)
class RepoPath:
    path: str  # POSIX, relative to `root` when `in_repository`, else as given
    root: Path | None  # the repository's folder (holding .git), if the file is in one


def repo_path(file: str) -> RepoPath:
    """The file's path relative to its repository (what GitHub and GitLab match against the
    repository's tree); a file in no repository keeps the path it was given."""
    path = Path(file)
    root = repository_root(path.parent)
    if not (root / ".git").exists():
        return RepoPath(path.as_posix(), None)
    try:
        relative = Path(os.path.relpath(path.resolve(), root))
    except ValueError:  # another drive (Windows)
        return RepoPath(path.as_posix(), None)
    if relative.parts and relative.parts[0] == "..":
        return RepoPath(path.as_posix(), None)
    return RepoPath(relative.as_posix(), root)


def fingerprints(path: str, found: list[Finding]) -> list[str]:
    """One per finding, from what it is (rule, file, YAML path or criterion), never from its line or
    its wording: moving a block or rewording a message keeps the finding the same one. Two findings
    alike in all that are told apart by their order."""
    seen: dict[str, int] = {}
    out = []
    for f in found:
        base = "\x1f".join((f.rule, path, f.key))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(hashlib.sha256(f"{base}\x1f{n}".encode()).hexdigest())
    return out
