"""How long a spreadsheet program and a browser take to open `ntm report`'s output for 10,000 plans.

    python benchmarks/report_open.py                 # the 10,000-plan corpus (made when missing)
    python benchmarks/report_open.py --count 1000

Writes the .xlsx and .html reports of the corpus, then, three times each
(median, min–max):

* LibreOffice: `soffice --headless --convert-to csv` of the .xlsx (a fresh
  profile each time). Converting reads the whole workbook and writes only its
  first sheet (the short scope sheet), so the time is loading, plus the
  program's start, measured alone on a one-cell workbook and shown beside it;
* Chromium (Debian's /usr/bin/chromium through Playwright, offline): from
  `goto` to the `load` event (the page parsed, tables laid out, SVG drawn,
  the sorting script run), then one click that sorts the largest table.

Needs LibreOffice, Chromium and the test extra (Playwright, XlsxWriter).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import make_corpus  # noqa: E402

ROUNDS = 3
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def timed(action: Callable[[], object], rounds: int = ROUNDS) -> list[float]:
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


def show(label: str, samples: list[float]) -> str:
    return f"{label:<58} {statistics.median(samples):7.2f} s ({min(samples):.2f}–{max(samples):.2f})"


def libreoffice(soffice: str, xlsx: Path, work: Path) -> None:
    profile = Path(tempfile.mkdtemp(dir=work))
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "csv",
                    "--outdir", str(work), str(xlsx)], check=True, capture_output=True, timeout=1800)
    shutil.rmtree(profile, ignore_errors=True)


def chromium(html: Path) -> tuple[list[float], list[float], int]:
    from playwright.sync_api import sync_playwright

    loads, sorts, rows = [], [], 0
    with sync_playwright() as pw:
        for _ in range(ROUNDS):
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            page = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000}).new_page()
            page.set_default_timeout(600_000)
            start = time.perf_counter()
            page.goto(html.as_uri(), wait_until="load")
            loads.append(time.perf_counter() - start)
            biggest = max(page.locator("table.sortable").all(), key=lambda t: t.locator("tbody tr").count())
            rows = biggest.locator("tbody tr").count()
            header = biggest.locator("thead th").nth(1)
            start = time.perf_counter()
            header.click()
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => r(null)))")
            sorts.append(time.perf_counter() - start)
            browser.close()
    return loads, sorts, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    args = parser.parse_args(argv)
    corpus = make_corpus.default_dir(args.count)
    if not make_corpus.is_current(corpus, args.count, make_corpus.DEFAULT_SEED):
        make_corpus.generate(corpus, args.count, make_corpus.DEFAULT_SEED)
    ntm = Path(sys.executable).with_name("ntm")
    work = Path(tempfile.mkdtemp(prefix="ntm-open-"))
    xlsx, html = work / "bao-cao.xlsx", work / "bao-cao.html"
    for out in (xlsx, html):
        subprocess.run([str(ntm), "report", str(corpus), "-o", str(out)], capture_output=True, timeout=1800)
    lines = [f"ntm report, {args.count:,} plans: .xlsx {xlsx.stat().st_size / 1e6:.1f} MB, "
             f".html {html.stat().st_size / 1e6:.1f} MB; {ROUNDS} rounds, median (min–max)"]
    soffice = shutil.which("soffice")
    if soffice:
        import xlsxwriter

        tiny = work / "mot-o.xlsx"
        book = xlsxwriter.Workbook(str(tiny))
        book.add_worksheet().write(0, 0, 1)
        book.close()
        lines.append(show("LibreOffice: start + open a one-cell .xlsx (baseline)", timed(lambda: libreoffice(soffice, tiny, work))))
        lines.append(show("LibreOffice: start + open the report .xlsx", timed(lambda: libreoffice(soffice, xlsx, work))))
    else:
        lines.append("LibreOffice: not installed (apt-get install libreoffice-calc-nogui)")
    if Path("/usr/bin/chromium").exists():
        loads, sorts, rows = chromium(html)
        lines.append(show("Chromium: open the report .html (to the load event)", loads))
        lines.append(show(f"Chromium: sort the largest table ({rows:,} rows) by a column", sorts))
    else:
        lines.append("Chromium: not installed (apt-get install chromium)")
    print("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
