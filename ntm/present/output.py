"""Writing what ntm produces: files atomically and only where that is safe, streams checked.

Every byte ntm outputs goes through here, so that a failed or short write, a
closed standard output, a full disk or a broken pipe is an error the command
reports (exit 2), never a half-written output with exit 0:

* `Luong` wraps a text stream (standard output); every write and flush is
  checked;
* `write_atomic` writes a file to a temporary file in the same folder, then
  renames it: an interrupted run leaves the old file or none. It replaces
  only a regular, writable file that is not an input of the run (the plan,
  the template, any criteria file): never a FIFO, a device, a link, a folder.
  With `ghi_de=False` (`ntm init`) it replaces nothing: a name taken, even
  by a file that appears while it writes, is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Protocol, TextIO, cast

from ntm.diagnostics.params import Cau, LyDoHeThong


class OutputError(Exception):
    """Why the output could not be written, as a registry phrase; `quiet` for a reader that
    went away (a broken pipe into `head`), which Unix tools do not report."""

    def __init__(self, cau: Cau, quiet: bool = False) -> None:
        super().__init__(cau.key)
        self.cau = cau
        self.quiet = quiet


def _reason(exc: OSError) -> LyDoHeThong:
    return LyDoHeThong(errno.errorcode.get(exc.errno, "") if exc.errno else "", exc.strerror or str(exc))


def _stream_error(exc: BaseException) -> OutputError:
    if isinstance(exc, BrokenPipeError) or (isinstance(exc, OSError) and exc.errno == errno.EPIPE):
        return OutputError(Cau("ghi.luong_ra", {"ly_do": _reason(exc)}), quiet=True)
    if isinstance(exc, OSError):
        return OutputError(Cau("ghi.luong_ra", {"ly_do": _reason(exc)}))
    return OutputError(Cau("ghi.luong_ra", {"ly_do": LyDoHeThong("EBADF", "closed")}))  # closed or missing


class Ra(Protocol):
    """Where a reporter writes text: a `Luong` (checked standard output), or a StringIO."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class Luong:
    """A text stream whose every write is checked (a file-like object for reporters and rich).

    Text is encoded here and written to the stream's binary layer in a loop: a
    text stream over an unbuffered file (PYTHONUNBUFFERED=1, `python -u`) drops
    the rest of a short write without a word (`ulimit -f`), a loop does not.
    """

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        if self.stream is None:  # started with standard output closed (`>&-`)
            raise _stream_error(ValueError("closed"))
        if getattr(self.stream, "buffer", None) is None:  # a text-only stream (StringIO, a harness)
            try:
                self.stream.write(text)
            except (OSError, ValueError) as exc:
                raise _stream_error(exc) from None
            return len(text)
        # backslashreplace: a console that cannot show a character gets its code, never a crash
        self._write_all(text.encode(self.encoding, "backslashreplace"))
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        """Binary data (a .docx piped out): through the stream's buffer, flushed."""
        if self.stream is None:  # started with standard output closed (`>&-`)
            raise _stream_error(ValueError("closed"))
        if getattr(self.stream, "buffer", None) is None:
            self.write(data.decode("utf-8"))  # a text-only stream (a test harness): text formats only
        else:
            self._write_all(data)
        self.flush()

    def _write_all(self, data: bytes) -> None:
        stream = cast(TextIO, self.stream)
        buffer = stream.buffer
        try:
            stream.flush()  # whatever was written to the text layer directly goes first
            view = memoryview(data)
            while view:
                written = buffer.write(view)
                if written is None:  # a non-blocking descriptor that is full: wait for it
                    import select

                    select.select([], [buffer.fileno()], [])
                    continue
                if written == 0:
                    raise OSError(errno.EIO, "short write")
                view = view[written:]
        except (OSError, ValueError) as exc:
            raise _stream_error(exc) from None

    def flush(self) -> None:
        if self.stream is None:
            raise _stream_error(ValueError("closed"))
        try:
            self.stream.flush()
        except (OSError, ValueError) as exc:
            raise _stream_error(exc) from None

    def isatty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", None) or "utf-8"


def _refuse(key: str, **params: object) -> OutputError:
    return OutputError(Cau(key, params))


def check_target(path: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse (OutputError) a target that is not a file ntm may replace."""
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # nothing there (the folder is checked next)
        return
    except OSError as exc:
        raise _refuse("ghi.khong_dung_duoc", tep=str(path), ly_do=_reason(exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise _refuse("ghi.lien_ket", tep=str(path))
    if stat.S_ISDIR(info.st_mode):
        raise _refuse("ghi.la_thu_muc", tep=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise _refuse("ghi.khong_phai_tep_thuong", tep=str(path))
    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(source, path):
                raise _refuse("ghi.dau_vao", tep=str(path))
    # Root may write a read-only file anyway; a file marked read-only was meant to stay.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise _refuse("ghi.chi_doc", tep=str(path))


def _check_folder(folder: Path) -> None:
    if not folder.is_dir():
        if folder.exists():  # `plan.yaml/x.json`: the "folder" is a file
            raise _refuse("ghi.thu_muc_la_tep", thu_muc=str(folder))
        raise _refuse("ghi.khong_co_thu_muc", thu_muc=str(folder))


def check_writable(path: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse (OutputError) at once a target `write_atomic` would refuse after a long piece of work
    (a PDF conversion): not a replaceable file, no folder, a folder this user cannot write in."""
    check_target(path, inputs)
    folder = path.absolute().parent
    _check_folder(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refuse("ghi.khong_co_quyen", thu_muc=str(folder))


def write_atomic(path: Path, data: bytes | Iterable[bytes], inputs: tuple[Path, ...] = (),
                 ghi_de: bool = True) -> None:
    """`data` may be given in pieces (a large report): they are written as they come, never joined.

    `ghi_de` False: only a new file; whatever holds the name already (a file, a link, even a
    broken one) is refused with "ghi.da_co", and the name is taken with a hard link, which
    fails rather than replace a file created meanwhile.
    """
    if not ghi_de and os.path.lexists(path):
        raise _refuse("ghi.da_co", tep=str(path))
    check_target(path, inputs)
    target = path.absolute()
    folder = target.parent
    _check_folder(folder)
    import tempfile  # only a command that writes a file needs it (with random: ~1 ms of every start-up)

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise _refuse("ghi.khong_co_quyen", thu_muc=str(folder)) from None
    except OSError as exc:
        raise _refuse("ghi.khong_tao_duoc", thu_muc=str(folder), ly_do=_reason(exc)) from None
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
        if ghi_de:
            os.replace(tmp, target)
        else:
            _place_new(tmp, target, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _refuse("ghi.loi_ghi", tep=str(path), ly_do=_reason(exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# A file system without hard links (some network and FAT drives) says so with one of these.
_NO_LINKS = frozenset(getattr(errno, name) for name in ("EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS", "EXDEV")
                      if hasattr(errno, name))


def _place_new(tmp: str, target: Path, shown: Path) -> None:
    """Give the finished temporary file the name `target`, which must still be free."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise _refuse("ghi.da_co", tep=str(shown)) from None
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # No hard links here: check once more, then rename (a file created in between is replaced).
        if os.path.lexists(target):
            raise _refuse("ghi.da_co", tep=str(shown)) from None
        os.replace(tmp, target)
        return
    with contextlib.suppress(OSError):  # the file is in place; a stray temporary name is no failure
        os.unlink(tmp)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
