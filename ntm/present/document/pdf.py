"""The document as PDF: the .docx converted by LibreOffice (communes sign PDFs in their e-office systems).

LibreOffice runs headless in a child process with a profile folder of its own, made for the run
and removed after it (two conversions at once would otherwise fight over the user's profile and
one would silently produce nothing), and with a time limit: a stuck conversion is killed with its
whole process group. Nothing is written where the user asked until the PDF exists whole (the
caller writes it atomically).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ntm.diagnostics.params import Cau
from ntm.present.output import OutputError

PROGRAMS = ("soffice", "libreoffice")
TIME_LIMIT_SECONDS = 120  # a plan of a few hundred pages converts in ~10 s; a first start takes ~5 s


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


def docx_to_pdf(docx: bytes, time_limit: float = TIME_LIMIT_SECONDS) -> bytes:
    return convert(docx, ".docx", "pdf:writer_pdf_Export", ".pdf", time_limit)


def convert(data: bytes, suffix: str, target: str, target_suffix: str, time_limit: float = TIME_LIMIT_SECONDS) -> bytes:
    """`data` (a document with `suffix`) converted by LibreOffice to `target` (a --convert-to
    filter, "pdf:writer_pdf_Export", "docx:MS Word 2007 XML"): `ntm render -o x.pdf`, and
    `ntm import` of a .doc or .odt."""
    program = find_libreoffice()
    if program is None:
        raise PdfLoi("pdf.thieu_libreoffice")
    with tempfile.TemporaryDirectory(prefix="ntm-pdf-") as folder:
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
        env = {**os.environ, "HOME": str(work)}  # nothing of the user's LibreOffice is read or changed
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, env=env, cwd=work, start_new_session=True)
        except OSError as exc:
            raise PdfLoi("pdf.khong_chay_duoc", ly_do=exc.strerror or type(exc).__name__) from None
        try:
            _, err = process.communicate(timeout=time_limit)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise PdfLoi("pdf.qua_thoi_gian", giay=int(time_limit)) from None
        result = out_dir / f"ke-hoach{target_suffix}"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise PdfLoi("pdf.khong_chuyen_duoc", ma=process.returncode, chi_tiet=(detail[-1] if detail else "")[:200])
        return result.read_bytes()


def _kill(process: subprocess.Popen[bytes]) -> None:
    """The child and whatever it started (soffice.bin) go together."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.communicate()
