"""Reading a plan or criteria file: regular files only, never more than MAX_BYTES.

A FIFO would block forever and /dev/zero would never end; both are refused
before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import Cau, LyDoHeThong

MAX_BYTES = 5 * 1024 * 1024  # the real plan is ~20 KB; 5 MB leaves room for the largest annexes


def os_reason(exc: OSError) -> LyDoHeThong:
    """Why an OS call failed, as a message param (written in Vietnamese where the errno is known)."""
    name = errno.errorcode.get(exc.errno, "") if exc.errno else ""
    return LyDoHeThong(name, exc.strerror or str(exc))


def too_big(file: str, size: int) -> Diagnostic:
    return Diagnostic("YAML004", file, params={"co": f"{size / 1048576:.1f}", "toi_da": MAX_BYTES // 1048576})


def read_file(path: Path, display: str, what: str = "ke_hoach") -> tuple[bytes | None, Diagnostic | None]:
    """The bytes of a plan (or, with `what="bo_tieu_chi"`, a criteria set), or why it cannot be one."""

    def problem(code: str, **params: object) -> tuple[None, Diagnostic]:
        return None, Diagnostic(code, display, params=params)

    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return problem("IO001", dich=os.readlink(path), bien_the="lien_ket_hong")
        return problem("IO001")
    except OSError as exc:
        return problem("IO004", ly_do=os_reason(exc))
    if stat.S_ISDIR(info.st_mode):
        return problem("IO002", loai_tep=Cau(f"loai_tep.{what}"))
    if not stat.S_ISREG(info.st_mode):
        return problem("IO006", loai_tep=Cau(f"loai_tep.{what}"))
    if info.st_size > MAX_BYTES:
        return None, too_big(display, info.st_size)
    try:
        with open(path, "rb") as handle:
            # As much as stat() said (read(n) allocates n bytes: 5 MB a plan, ~0.04 ms), then
            # the rest of a file that grew or reports no size (/proc), never past the limit.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(MAX_BYTES + 1 - len(data))
    except PermissionError:
        return problem("IO003")
    except OSError as exc:
        return problem("IO004", ly_do=os_reason(exc))
    if len(data) > MAX_BYTES:  # the file grew after stat()
        return None, too_big(display, len(data))
    return data, None
