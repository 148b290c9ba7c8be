"""Atomic file output: a temporary file in the same folder, then a rename.

An interrupted run leaves the old file or none, never half a file; an
input plan is never written to.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """A Vietnamese message about why the output could not be written."""


def write_atomic(path: Path, data: bytes, protect: tuple[Path, ...] = ()) -> None:
    target = path.resolve() if path.exists() else path.absolute()
    for p in protect:
        with contextlib.suppress(OSError):
            if p.exists() and target.exists() and os.path.samefile(p, target):
                raise OutputError(f"không ghi đè lên tệp đầu vào '{p}': hãy chọn tên tệp kết quả khác.")
    folder = target.parent
    if not folder.is_dir():
        if folder.exists():  # `plan.yaml/x.json`: the "folder" is a file
            raise OutputError(f"'{folder}' là một tệp, không phải thư mục.")
        raise OutputError(f"thư mục '{folder}' không tồn tại.")
    if target.is_dir():
        raise OutputError(f"'{path}' là một thư mục; cần tên tệp kết quả.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise OutputError(f"không có quyền ghi vào thư mục '{folder}'.") from None
    except OSError as exc:
        raise OutputError(f"không tạo được tệp trong '{folder}' ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        mode = 0o644
        with contextlib.suppress(OSError):
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
