"""Writing what ntm produces: files atomically, streams checked.

A file is written to a temporary file in the same folder, then renamed: an
interrupted run leaves the old file or none, never half a file; an input of
the run is never written to.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ntm.diagnostics.params import Cau, LyDoHeThong


class OutputError(Exception):
    """Why the output could not be written, as a registry phrase."""

    def __init__(self, cau: Cau) -> None:
        super().__init__(cau.key)
        self.cau = cau


def write_atomic(path: Path, data: bytes | Iterable[bytes], protect: tuple[Path, ...] = ()) -> None:
    """`data` may be given in pieces (a large report): they are written as they come, never joined."""
    target = path.resolve() if path.exists() else path.absolute()
    for p in protect:
        with contextlib.suppress(OSError):
            if p.exists() and target.exists() and os.path.samefile(p, target):
                raise OutputError(Cau("ghi.dau_vao", {"tep": str(p)}))
    folder = target.parent
    if not folder.is_dir():
        if folder.exists():  # `plan.yaml/x.json`: the "folder" is a file
            raise OutputError(Cau("ghi.thu_muc_la_tep", {"thu_muc": str(folder)}))
        raise OutputError(Cau("ghi.khong_co_thu_muc", {"thu_muc": str(folder)}))
    if target.is_dir():
        raise OutputError(Cau("ghi.la_thu_muc", {"tep": str(path)}))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise OutputError(Cau("ghi.khong_co_quyen", {"thu_muc": str(folder)})) from None
    except OSError as exc:
        raise OutputError(Cau("ghi.khong_tao_duoc", {"thu_muc": str(folder), "ly_do": _reason(exc)})) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in (data,) if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        mode = 0o644
        with contextlib.suppress(OSError):
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(Cau("ghi.loi_ghi", {"tep": str(path), "ly_do": _reason(exc)})) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _reason(exc: OSError) -> LyDoHeThong:
    import errno

    return LyDoHeThong(errno.errorcode.get(exc.errno, "") if exc.errno else "", exc.strerror or str(exc))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
