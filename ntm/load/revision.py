"""A plan's bytes at a git revision (`ntm check --so-voi REV`), read with the git program.

Only reading: `rev-parse`, `cat-file`, `ls-tree`; never a command that writes (no index
refresh, no lock: GIT_OPTIONAL_LOCKS=0). Git's own messages are read in the C locale and
never shown whole: each failure is a registry code (GIT001-GIT004).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import Cau, GiaTri

TIMEOUT = 60  # seconds for one git command: a hung git is an error, not a hung CI job
# No lock, no prompt, messages in English to read them, paths taken as written (no glob magic).
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "LANGUAGE": "C", "GIT_TERMINAL_PROMPT": "0",
        "GIT_LITERAL_PATHSPECS": "1"}


class GitError(Exception):
    """Why a revision could not be read, as a diagnostic (GIT001-GIT004) about `file`."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


def _error(code: str, file: str, **params: Any) -> GitError:
    return GitError(Diagnostic(code, file, params=params, co_vi_tri=False))


def _git(args: list[str], cwd: Path, file: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=TIMEOUT, check=False,
                              env={**os.environ, **_ENV}, stdin=subprocess.DEVNULL)
    except FileNotFoundError as exc:
        raise _error("GIT003", file, ly_do="không tìm thấy lệnh git trong PATH") from exc
    except PermissionError as exc:
        raise _error("GIT003", file, ly_do="không có quyền chạy lệnh git") from exc
    except subprocess.TimeoutExpired as exc:
        raise _error("GIT004", file, tep=file, bien_the="kho", chi_tiet=f"git không trả lời sau {TIMEOUT} giây") from exc


def _said(proc: subprocess.CompletedProcess[bytes]) -> str:
    """Git's first line of complaint, short: it names paths and revisions, never file content."""
    text = proc.stderr.decode("utf-8", errors="replace").strip().splitlines()
    return text[0].removeprefix("fatal: ")[:200] if text else f"mã thoát {proc.returncode}"


@dataclass(frozen=True)
class Kho:
    """A repository (its top folder, as git names it) and the commit REV names in it."""

    root: Path
    commit: str


def repository(path: Path) -> Path:
    """The top folder of the git repository that holds `path` (a file or folder, existing or not:
    its nearest existing folder is asked)."""
    folder = path if path.is_dir() else path.parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    proc = _git(["rev-parse", "--show-toplevel"], folder if str(folder) else Path("."), str(path))
    if proc.returncode != 0:
        said = _said(proc)
        if "not a git repository" in said:
            raise _error("GIT001", str(path))
        raise _error("GIT004", str(path), tep=str(path), bien_the="kho", chi_tiet=said)
    return Path(proc.stdout.decode("utf-8", errors="surrogateescape").strip())


def commit_of(root: Path, rev: str, file: str) -> Kho:
    """The commit `rev` names in the repository at `root`."""
    if rev.startswith("-"):  # never an option of git's
        raise _error("GIT002", file, phien_ban=GiaTri(rev, 80), kho=str(root), goi_y="")
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], root, file)
    if proc.returncode != 0:
        shallow = _git(["rev-parse", "--is-shallow-repository"], root, file)
        hint: Any = Cau("git.nong") if shallow.stdout.strip() == b"true" else ""
        raise _error("GIT002", file, phien_ban=GiaTri(rev, 80), kho=str(root), goi_y=hint)
    return Kho(root, proc.stdout.decode().strip())


def relative(kho: Kho, path: Path) -> str:
    """`path` as git names it in the repository: POSIX, relative to the top folder."""
    return PurePosixPath(*Path(os.path.relpath(path.resolve(), kho.root.resolve())).parts).as_posix()


def read_at(kho: Kho, path: Path, rev: str) -> bytes | None:
    """The file's bytes at the commit; None if the file did not exist there."""
    name = relative(kho, path)
    proc = _git(["cat-file", "blob", f"{kho.commit}:{name}"], kho.root, str(path))
    if proc.returncode == 0:
        return proc.stdout
    said = _said(proc)
    if any(s in said for s in ("does not exist", "exists on disk, but not in", "Not a valid object name")):
        return None
    raise _error("GIT004", str(path), tep=str(path), phien_ban=GiaTri(rev, 80), chi_tiet=said)


def files_at(kho: Kho, folder: Path, suffixes: Iterable[str], rev: str) -> list[str]:
    """The files under `folder` at the commit whose names end with one of `suffixes` (hidden
    files and folders left out, as when walking a folder), as paths relative to the repository."""
    name = relative(kho, folder)
    proc = _git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", kho.commit, "--", f"{name}/" if name != "." else "."],
                kho.root, str(folder))
    if proc.returncode != 0:
        raise _error("GIT004", str(folder), tep=str(folder), phien_ban=GiaTri(rev, 80), chi_tiet=_said(proc))
    ends = tuple(suffixes)
    out = []
    for raw in proc.stdout.split(b"\0"):
        if not raw:
            continue
        entry = raw.decode("utf-8", errors="surrogateescape")
        below = PurePosixPath(entry).relative_to(name) if name != "." else PurePosixPath(entry)
        if entry.lower().endswith(ends) and not any(part.startswith(".") for part in below.parts):
            out.append(entry)
    return out
