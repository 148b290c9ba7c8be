"""Rendering a plan through the real CLI and reading the document back, shared by the
acceptance tests of documents (render, blocks, page flow, party documents, signed document)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import docx
from conftest import require_program
from planlib import REPO
from typer.testing import CliRunner

from ntm.cli.app import app

RENDER_DATA = REPO / "tests" / "data" / "render"  # small plans and templates of the render tests
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"  # WordprocessingML's namespace


def render(*args: str) -> tuple[int, str, str]:
    """In-process through typer's runner: exit code, stdout, stderr."""
    result = CliRunner().invoke(app, ["render", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def render_md(plan: Path, *args: str) -> str:
    code, out, err = render(str(plan), *args)
    assert code == 0, err
    return out


def render_docx(plan: Path, folder: Path, *args: str) -> Any:
    target = folder / "ke-hoach.docx"
    code, _, err = render(str(plan), "-o", str(target), *args)
    assert code == 0, err
    return docx.Document(str(target))


def norm(text: str) -> str:
    return " ".join(text.split())


def _style_chain(style: Any) -> list[Any]:
    chain = []
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain


def effective(paragraph: Any, run: Any, attr: str) -> Any:
    """A run's font property as Word resolves it: the run, then the paragraph style chain."""
    value = getattr(run.font, attr)
    if value is not None:
        return value
    for style in _style_chain(paragraph.style):
        value = getattr(style.font, attr)
        if value is not None:
            return value
    return None


def printed_pages(source: Path, folder: Path, writer: str) -> tuple[list[tuple[float, float]], list[str]]:
    """`source` (.docx, .xlsx) printed to PDF by LibreOffice as an office would, read back: each
    page's size in points and its text laid out (pdftotext -layout). `writer` names the Debian
    package that provides soffice for this kind of file (libreoffice-writer-nogui, …-calc-nogui)."""
    soffice = require_program("soffice", writer)
    pdftotext = require_program("pdftotext", "poppler-utils")
    pdfinfo = require_program("pdfinfo", "poppler-utils")
    proc = subprocess.run([soffice, f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                          capture_output=True, text=True, timeout=600)
    pdf = folder / (source.stem + ".pdf")
    assert proc.returncode == 0 and pdf.exists(), proc.stderr
    info = subprocess.run([pdfinfo, "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    pages = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    return sizes, pages
