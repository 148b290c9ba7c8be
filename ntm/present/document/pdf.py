"""The document as PDF: the .docx converted by LibreOffice (communes sign PDFs in their e-office systems).

LibreOffice runs headless in a child process with a profile folder of its own, made for the run
and removed after it (two conversions at once would otherwise fight over the user's profile and
one would silently produce nothing), and with a time limit: a stuck conversion is killed with its
whole process group. The same happens when ntm itself is stopped (SIGTERM, SIGINT, SIGHUP): the
signal becomes KeyboardInterrupt here, LibreOffice's process group is killed and the temporary
folder removed before ntm exits (the CLI then says "đã dừng"). What LibreOffice wrote is checked
to be a PDF (its header, and its page count from poppler's pdfinfo when installed) before the
caller writes it, atomically, where the user asked.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from ntm.diagnostics.params import Cau
from ntm.present.output import OutputError

PROGRAMS = ("soffice", "libreoffice")
TIME_LIMIT_SECONDS = 120  # a plan of a few hundred pages converts in ~10 s; a first start takes ~5 s
TEMP_PREFIX = "ntm-pdf-"
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name))


class PdfLoi(OutputError):
    """The conversion could not be done: no PDF to write (exit 2), said by a registry phrase."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(Cau(key, params))


def find_libreoffice() -> str | None:
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signum)


@contextlib.contextmanager
def _stoppable() -> Iterator[None]:
    """SIGTERM and SIGHUP stop the conversion as Ctrl-C does (KeyboardInterrupt), so that the
    `finally` below kills LibreOffice and the temporary folder goes; the previous handlers come
    back after. Only the main thread may set handlers: elsewhere the caller's own apply."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for sig in STOP_SIGNALS:
        with contextlib.suppress(OSError, ValueError):
            previous[sig] = signal.signal(sig, _interrupt)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def docx_to_pdf(docx: bytes, time_limit: float = TIME_LIMIT_SECONDS) -> bytes:
    return convert(docx, ".docx", "pdf:writer_pdf_Export", ".pdf", time_limit)


def convert(data: bytes, suffix: str, target: str, target_suffix: str, time_limit: float = TIME_LIMIT_SECONDS) -> bytes:
    """`data` (a document with `suffix`) converted by LibreOffice to `target` (a --convert-to
    filter, "pdf:writer_pdf_Export", "docx:MS Word 2007 XML"): `ntm render -o x.pdf`, and
    `ntm import` of a .doc or .odt."""
    program = find_libreoffice()
    if program is None:
        raise PdfLoi("pdf.thieu_libreoffice")
    with _stoppable(), tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as folder:
        work = Path(folder)
        source = work / f"ke-hoach{suffix}"
        source.write_bytes(data)
        out_dir = work / "ket-qua"  # apart from the source: a .docx converted to .docx must not overwrite it
        out_dir.mkdir()
        profile = work / "ho-so"
        command = [
            program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
            "--convert-to", target, "--outdir", str(out_dir), str(source),
        ]
        # Nothing of the user's LibreOffice is read or changed, and its own temporary files (lu*.tmp)
        # go in the folder removed after the run, even when it is killed.
        env = {**os.environ, "HOME": str(work), "TMPDIR": str(work), "TMP": str(work), "TEMP": str(work)}
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, env=env, cwd=work, start_new_session=True)
        except OSError as exc:
            raise PdfLoi("pdf.khong_chay_duoc", ly_do=exc.strerror or type(exc).__name__) from None
        try:
            _, err = process.communicate(timeout=time_limit)
        except subprocess.TimeoutExpired:
            raise PdfLoi("pdf.qua_thoi_gian", giay=int(time_limit)) from None
        finally:
            # Whatever ended the wait (done, time limit, a signal): LibreOffice and whatever it
            # started (oosplash -> soffice.bin) go with their group before the folder is removed.
            kill_group(process)
        result = out_dir / f"ke-hoach{target_suffix}"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise PdfLoi("pdf.khong_chuyen_duoc", ma=process.returncode, chi_tiet=(detail[-1] if detail else "")[:200])
        data = result.read_bytes()
        if target_suffix == ".pdf":
            check_pdf(data, result)
        return data


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """The child and its whole process group, killed and reaped (a no-op once all have exited)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    if process.poll() is None:
        process.kill()
    with contextlib.suppress(Exception):
        process.communicate(timeout=10)


_PAGE_COUNT = re.compile(r"^Pages:\s+(\d+)\s*$", re.MULTILINE)


def page_count(pdf: Path) -> int | None:
    """Pages of a PDF as poppler's pdfinfo reads it; None without pdfinfo, 0 when it cannot read one."""
    program = shutil.which("pdfinfo")
    if program is None:
        return None
    try:
        done = subprocess.run([program, str(pdf)], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    found = _PAGE_COUNT.search(done.stdout) if done.returncode == 0 else None
    return int(found.group(1)) if found else 0


def check_pdf(data: bytes, path: Path) -> None:
    """What the converter wrote is a whole PDF: its header, its end marker, and at least one page
    as pdfinfo counts them (when poppler is installed); else PdfLoi, and nothing is written."""
    if not data.startswith(b"%PDF-"):
        raise PdfLoi("pdf.khong_phai_pdf", ly_do="không có phần đầu %PDF-")
    if b"%%EOF" not in data[-2048:]:
        raise PdfLoi("pdf.khong_phai_pdf", ly_do="tệp bị cắt, không có dấu kết thúc %%EOF")
    pages = page_count(path)
    if pages is not None and pages < 1:
        raise PdfLoi("pdf.khong_phai_pdf", ly_do="pdfinfo không đọc được trang nào")
