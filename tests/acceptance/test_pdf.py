"""`ntm render PLAN -o x.pdf`: the .docx converted by LibreOffice, checked with poppler (page count,
text). Needs libreoffice-writer-nogui and poppler-utils (.ci/run installs them; elsewhere these
tests skip naming the package, and fail under CI=true)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import require_program
from planlib import REPO

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


# ----------------------------------------------------------------------------- stopped, verified, refused early

SLOW_CONVERTER = """#!/bin/sh
# A LibreOffice stand-in that starts a child (as soffice starts soffice.bin) and never finishes.
/bin/sleep 300 &
echo "$$ $!" > "$NTM_FAKE_MARK"
wait
"""
NOT_A_PDF = """#!/bin/sh
# A converter that "succeeds" but writes something that is not a PDF.
touch "$NTM_FAKE_MARK"
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  shift
done
echo "không phải PDF" > "$out/ke-hoach.pdf"
"""


def _fake(folder: Path, script: str) -> dict[str, str]:
    """An environment whose soffice is `script`, with its own temporary folder and marker file."""
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "soffice"
    fake.write_text(script, encoding="utf-8")
    fake.chmod(0o755)
    temp = folder / "tmp"
    temp.mkdir()
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "TMPDIR": str(temp),
            "NTM_FAKE_MARK": str(folder / "mark")}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (exited, not yet reaped by its parent) is not running
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[-1].startswith("Z"))


def _wait_for(check: Callable[[], bool], seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.1)
    return check()


def _start_render(target: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "ntm", "render", str(PLANS / "huong-son-2023.yaml"), "-o",
                             str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=REPO)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=["TERM", "INT", "HUP"])
def test_a_stopped_render_stops_the_converter_and_removes_its_folder(tmp_path: Path, sig: signal.Signals) -> None:
    env = _fake(tmp_path, SLOW_CONVERTER)
    mark = Path(env["NTM_FAKE_MARK"])
    target = tmp_path / "ke-hoach.pdf"
    ntm = _start_render(target, env)
    try:
        assert _wait_for(lambda: mark.exists() and len(mark.read_text().split()) == 2, 60), "the converter never ran"
        converter, child = (int(p) for p in mark.read_text().split())
        assert _alive(converter) and _alive(child)
        assert list((tmp_path / "tmp").glob("ntm-pdf-*"))  # the conversion's folder, while it runs
        ntm.send_signal(sig)
        _, err = ntm.communicate(timeout=30)
    finally:
        if ntm.poll() is None:
            ntm.kill()
    assert ntm.returncode == 130, err  # as after Ctrl-C
    assert _wait_for(lambda: not _alive(converter) and not _alive(child), 10), "the converter outlived ntm"
    assert list((tmp_path / "tmp").iterdir()) == []  # no ntm-pdf-* folder left
    assert not target.exists()


def test_a_stopped_render_stops_libreoffice(tmp_path: Path) -> None:
    """The same with the real LibreOffice: stopped mid-conversion, none of its processes is left."""
    require_program("soffice", "libreoffice-writer-nogui")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    target = tmp_path / "ke-hoach.pdf"

    def libreoffice() -> list[int]:
        """Processes whose command line names our temporary folder (soffice, oosplash, soffice.bin)."""
        found = []
        for proc in Path("/proc").iterdir():
            if proc.name.isdigit():
                try:
                    line = (proc / "cmdline").read_bytes()
                except OSError:
                    continue
                if str(temp).encode() in line and _alive(int(proc.name)):
                    found.append(int(proc.name))
        return found

    ntm = _start_render(target, env)
    try:
        assert _wait_for(lambda: bool(libreoffice()), 120), "LibreOffice never started"
        ntm.send_signal(signal.SIGTERM)
        _, err = ntm.communicate(timeout=60)
    finally:
        if ntm.poll() is None:
            ntm.kill()
    assert ntm.returncode == 130, err
    assert _wait_for(lambda: not libreoffice(), 15), libreoffice()
    assert list(temp.iterdir()) == []
    assert not target.exists()


def test_what_is_not_a_pdf_is_not_written(tmp_path: Path) -> None:
    env = _fake(tmp_path, NOT_A_PDF)
    target = tmp_path / "ke-hoach.pdf"
    target.write_bytes(b"%PDF-1.4 the old one")
    done = _ntm("render", str(PLANS / "huong-son-2023.yaml"), "-o", str(target), env=env)
    assert Path(env["NTM_FAKE_MARK"]).exists()  # the converter ran
    assert done.returncode == 2
    assert "LibreOffice không tạo ra tệp PDF dùng được (không có phần đầu %PDF-)" in done.stderr
    assert target.read_bytes() == b"%PDF-1.4 the old one"  # the old file is kept
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_pdf_is_checked_whole(tmp_path: Path) -> None:
    """The check reads the header, the end marker and, with poppler, the pages."""
    from ntm.present.document import pdf

    cut = tmp_path / "cut.pdf"
    cut.write_bytes(b"%PDF-1.7\n1 0 obj\n")
    with pytest.raises(pdf.PdfLoi) as caught:
        pdf.check_pdf(cut.read_bytes(), cut)
    assert "%%EOF" in str(caught.value.cau.params["ly_do"])
    require_program("pdfinfo", "poppler-utils")
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"%PDF-1.7\nnothing here\n%%EOF\n")
    with pytest.raises(pdf.PdfLoi):
        pdf.check_pdf(fake.read_bytes(), fake)


@pytest.mark.parametrize("where", ["missing", "file"])
def test_an_output_folder_that_cannot_be_written_is_refused_before_converting(tmp_path: Path, where: str) -> None:
    env = _fake(tmp_path, SLOW_CONVERTER)
    if where == "file":
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        target = tmp_path / "a-file" / "ke-hoach.pdf"
    else:
        target = tmp_path / "no-such-folder" / "ke-hoach.pdf"
    done = _ntm("render", str(PLANS / "huong-son-2023.yaml"), "-o", str(target), env=env)
    assert done.returncode == 2
    assert "không ghi được văn bản" in done.stderr
    assert not Path(env["NTM_FAKE_MARK"]).exists()  # the converter never started


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_refused_before_converting(tmp_path: Path) -> None:
    env = _fake(tmp_path, SLOW_CONVERTER)
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        done = _ntm("render", str(PLANS / "huong-son-2023.yaml"), "-o", str(folder / "ke-hoach.pdf"), env=env)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 2 and "không có quyền ghi" in done.stderr
    assert not Path(env["NTM_FAKE_MARK"]).exists()
