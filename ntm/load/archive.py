"""Zip packages (.docx) from outside, measured before anything is unpacked.

A .docx is a zip. An office letterhead (`ntm render --template`) and a commune's Word plan
(`ntm import`) both come from outside, e-mailed between offices, so the same limits apply to
both: each part at most MAX_PART_BYTES unpacked, all parts at most MAX_TOTAL_BYTES, and no
large part that unpacks more than MAX_RATIO times its packed size (a "zip bomb" is refused
from its directory alone, without inflating a byte). The answer is a `ZipProblem` that each
caller turns into its own diagnostic (MAU001 for a template, NH003 for an import).
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

MAX_PART_BYTES = 32 * 1024 * 1024  # one part unpacked: a letterhead's or a plan's images are a few MB
MAX_TOTAL_BYTES = 96 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed: text compresses ~10x, a zip bomb ~1000x
RATIO_FROM_BYTES = 1024 * 1024  # small parts may compress well without being bombs
MAX_PARTS = 10_000  # a real .docx has a few dozen parts; a directory of millions is an attack on time
MAX_PACKAGE_BYTES = 64 * 1024 * 1024  # the packed file: a plan with photos of works is ~10 MB

ZipKind = Literal["not_zip", "too_large", "missing_part"]


@dataclass(frozen=True)
class ZipProblem:
    """Why a package is refused: not a zip at all, a part too large (or a bomb), a part missing."""

    kind: ZipKind
    part: str = ""  # the part concerned (at most 80 characters), when there is one
    limit_mb: int = MAX_PART_BYTES // (1024 * 1024)


def measure_zip(source: bytes | Path, required: str = "word/document.xml") -> ZipProblem | None:
    """None when `source` is a zip whose parts stay within the limits and that has `required`.

    Only the zip's directory is read (sizes as recorded there); Python's zipfile also stops
    reading a part at its recorded size, so a directory that lies cannot unpack more later.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return ZipProblem("not_zip")
    if len(infos) > MAX_PARTS:
        return ZipProblem("too_large", f"{len(infos)} phần")
    total = 0
    for info in infos:
        total += info.file_size
        bomb = info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or bomb:
            return ZipProblem("too_large", info.filename[:80])
    if required and not any(info.filename == required for info in infos):
        return ZipProblem("missing_part", required)
    return None


class PackageReadError(Exception):
    """A package file that cannot be read: `kind` says why (missing, folder, not a regular file,
    too large, an OS error with `reason`)."""

    def __init__(self, kind: str, reason: OSError | None = None) -> None:
        super().__init__(kind)
        self.kind = kind
        self.reason = reason


def read_package(path: Path, limit: int = MAX_PACKAGE_BYTES) -> bytes:
    """The bytes of a package file: regular files only (a FIFO would block, /dev/zero never end),
    never more than `limit` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise PackageReadError("missing") from None
    except OSError as exc:
        raise PackageReadError("os", exc) from None
    if stat.S_ISDIR(info.st_mode):
        raise PackageReadError("folder")
    if not stat.S_ISREG(info.st_mode):
        raise PackageReadError("not_regular")
    if info.st_size > limit:
        raise PackageReadError("too_large")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise PackageReadError("os", exc) from None
    if len(data) > limit:  # the file grew after stat()
        raise PackageReadError("too_large")
    return data
