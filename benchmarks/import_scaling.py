"""`ntm import <plan.docx>`: time and peak memory, for a plan the size of the shipped one and
for long documents (the time must grow linearly, the memory stay bounded).

    python benchmarks/import_scaling.py                       # the shipped plan; 50, 100, 250, 500 pages; 5 rounds
    python benchmarks/import_scaling.py --pages 500 1000 --rounds 3

The shipped plan is plans/huong-son-2023.yaml rendered by `ntm render -o x.docx` (the size of a
real commune plan: 5 pages in LibreOffice), and the Hương Sơn plan as an office typed it in Word
(tests/nhap_fixtures/huong_son.py). The long documents are tests/nhap_fixtures/dai.py: sections,
bold clauses, paragraphs, dash lists and a table every seven pages, 13 of them a page (500
pages lay out as 497 in LibreOffice).
Each import runs as a user runs it: a fresh `python -m ntm import FILE -o plan.yaml` process
(validation included), wall-clock median of the rounds after one warm-up, peak RSS of the
process (os.wait4). CPU seconds (user + system) stand beside the wall clock: the machine may
be shared, and CPU time is what a busy neighbour disturbs least. The last column is the CPU
time per 100 pages above the smallest long document's: flat when linear. Targets (issue 20):
the shipped plan under 1 s; 500 pages bounded in time and memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "plans" / "huong-son-2023.yaml"
sys.path[:0] = [str(REPO), str(REPO / "tests")]  # ntm from this checkout; the fixture makers


def run_once(source: Path, folder: Path, extra: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds (user + system) and peak RSS (MB) of one
    `python -m ntm import source -o plan.yaml`."""
    out = folder / "ke-hoach-nhap.yaml"
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "ntm", "import", str(source), "-o", str(out), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=folder)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        message = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"ntm import failed on {source.name} (exit {code}): {message[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def make(folder: Path, pages: list[int]) -> None:
    """The documents to import (run in a process of its own: see main)."""
    from nhap_fixtures import huong_son
    from nhap_fixtures.dai import make_long

    huong_son.make_typed(folder)
    for n in pages:
        make_long(folder / f"dai-{n}.docx", pages=n)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[50, 100, 250, 500])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make is not None:
        make(args.make, args.pages)
        return 0

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # Made in another process: a child's peak RSS starts from its parent's size at the fork,
        # so this process stays as small as it can (no python-docx, no lxml).
        subprocess.run([sys.executable, __file__, "--make", str(folder), "--pages", *map(str, args.pages)], check=True)
        shipped = folder / "huong-son-2023.docx"
        subprocess.run([sys.executable, "-m", "ntm", "render", str(PLAN), "-o", str(shipped)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
        cases: list[tuple[str, Path, int]] = [
            ("plans/huong-son-2023.yaml, rendered", shipped, 0),
            ("Hương Sơn typed in Word", folder / "huong-son-go-so.docx", 0),
        ]
        for pages in args.pages:
            cases.append((f"{pages} pages", folder / f"dai-{pages}.docx", pages))
        extra = ["--vung", "bac-trung-bo"]

        print(f"ntm import: {args.rounds} rounds after one warm-up, median (min–max), peak RSS")
        print(f"{'document':<40}{'size':>8}  {'median (min–max)':>24}{'CPU':>9}{'peak RSS':>10}{'CPU s / 100 p':>15}")
        base: tuple[float, int] | None = None
        for label, source, pages in cases:
            run_once(source, folder, extra)  # warm-up: the disk cache, bytecode
            samples = [run_once(source, folder, extra) for _ in range(args.rounds)]
            times = [s for s, _, _ in samples]
            median = statistics.median(times)
            cpu = statistics.median(c for _, c, _ in samples)
            peak = max(m for _, _, m in samples)
            per = ""
            if pages and base is None:
                base = (cpu, pages)
            elif pages and base is not None:
                per = f"{(cpu - base[0]) / (pages - base[1]) * 100:.3f}"
            size = f"{source.stat().st_size / 1024:.0f} KB"
            span = f"{median:.3f} s ({min(times):.3f}–{max(times):.3f})"
            print(f"{label:<40}{size:>8}  {span:>24}{cpu:>7.3f} s{peak:>7.0f} MB{per:>15}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
