"""`ntm render PLAN -o x.pdf`: the .docx converted by LibreOffice, checked with poppler (page count,
text). Needs libreoffice-writer-nogui and poppler-utils (.ci/run installs them; elsewhere these
tests skip naming the package, and fail under CI=true)."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import require_program
from test_render import REPO

PLANS = REPO / "plans"


def _ntm(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ntm", *args], capture_output=True, text=True, timeout=300,
                          env=env, cwd=REPO)


def _pages(pdf: Path) -> int:
    info = subprocess.run([require_program("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    done = subprocess.run([require_program("pdftotext", "poppler-utils"), "-layout", *pages, str(pdf), "-"],
                          capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    require_program("soffice", "libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("pdf")
    out = {}

    def one(name: str) -> tuple[str, Path]:
        target = folder / f"{name}.pdf"
        done = _ntm("render", str(PLANS / f"{name}.yaml"), "-o", str(target))
        assert done.returncode == 0, done.stderr
        return name, target

    # Both at once: each conversion has its own LibreOffice profile, so neither is lost.
    with ThreadPoolExecutor(2) as pool:
        out.update(pool.map(one, ["huong-son-2023", "cam-ha-2022-thi-dua"]))
    return out


def test_state_plan_as_pdf(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["huong-son-2023"]
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert 3 <= _pages(pdf) <= 8
    first = _text(pdf, 1, 1)
    for words in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 03/KH-UBND",
                  "Hương Sơn, ngày 05 tháng 01 năm 2023", "KẾ HOẠCH"):
        assert words in first, words
    whole = _text(pdf)
    assert "Tiêu chí Nhà ở dân cư" in whole and "Hồ Thanh Nghi" in whole


def test_party_plan_as_pdf(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["cam-ha-2022-thi-dua"]
    pages = _pages(pdf)
    assert 5 <= pages <= 10
    first = _text(pdf, 1, 1)
    for words in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ HUYỆN CẨM XUYÊN", "Số 14-KH/BCĐ", "-----"):
        assert words in first, words
    assert "CỘNG HÒA" not in first
    whole = _text(pdf)
    assert "TRƯỞNG BAN" in whole and "PHỤ LỤC II" in whole and "24.000.000" in whole
    # The annexes start on pages of their own, after the signature.
    last_pages = _text(pdf, pages - 1, pages)
    assert "Nơi nhận" not in last_pages


def test_pdf_without_libreoffice_is_exit_2_with_how_to_install(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": str(tmp_path)}  # a PATH with no soffice on it
    target = tmp_path / "ke-hoach.pdf"
    done = _ntm("render", str(PLANS / "huong-son-2023.yaml"), "-o", str(target), env=env)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "LibreOffice" in lines[0] and "apt-get install libreoffice-writer-nogui" in lines[0]
    assert not target.exists() and done.stdout == ""


def test_pdf_conversion_is_bounded_in_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A LibreOffice that never finishes is stopped at the limit, with its children, and nothing is written."""
    from ntm.present.document import pdf

    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n/bin/sleep 60 & wait\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pdf.PdfLoi) as caught:
        pdf.docx_to_pdf(b"PK", time_limit=1)
    assert caught.value.cau.key == "pdf.qua_thoi_gian"
