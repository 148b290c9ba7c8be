"""Time and peak memory of `ntm` on every bad input of tests/data/bad (and, with --invalid, tests/data/invalid).

    python benchmarks/bad_inputs.py              # 3 rounds per case, a Markdown table on stdout
    python benchmarks/bad_inputs.py --rounds 5 --invalid

Each case runs exactly as tests/cases/test_golden.py runs it: a fresh process
(`python -m ntm …` from a small launcher, so the peak RSS is ntm's own, see
tests/casefiles.py) in an empty folder holding the case's input, made at
run time for the large ones (50 MB, 10,000 levels, alias bombs, 1 MB line).
Time is the wall-clock median of the rounds, from process start to exit, so
it includes Python's start-up and ntm's imports (about 0.2-0.3 s); peak is
the largest RSS seen in any round. The suite's limits (2 s, 300 MB) are
marked on each row; a case whose output differs from its .expected is
flagged too, so a stale table cannot be quoted by mistake.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import hostile  # noqa: E402,F401 - registers the makers of the reliability cases' inputs
from casefiles import DATA, Case, load_cases, normalise, prepare, restore_permissions, run_measured  # noqa: E402

from ntm.present.document.mau import MAX_SECONDS  # noqa: E402 - a template's time limit

LIMIT_SECONDS = 2.0
LIMIT_MB = 300.0


def measure(case: Case, rounds: int) -> tuple[list[float], float, int, bool]:
    times: list[float] = []
    peak = 0.0
    code = -1
    matches = True
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="ntm-bad-") as tmp:
            workdir = Path(tmp) / "w"
            workdir.mkdir()
            try:
                prepare(case, workdir)
                run = run_measured(case.argv(), workdir, timeout=120)
            finally:
                restore_permissions(workdir)
            times.append(run.seconds)
            peak = max(peak, run.peak_mb)
            code = run.exit_code
            matches &= normalise(run.stdout + run.stderr, workdir) == case.output and code == case.exit_code
    return times, peak, code, matches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--invalid", action="store_true", help="also tests/data/invalid")
    args = parser.parse_args()

    folders = [DATA / "bad"] + ([DATA / "invalid"] if args.invalid else [])
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    print(f"ntm bad inputs: {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU, {args.rounds} rounds per case\n")
    print(f"| case | input | exit | time median (min-max) | peak RSS | within 2 s (stopped templates: {MAX_SECONDS + 1} s) / 300 MB |")
    print("|---|---|---:|---:|---:|---|")
    worst_time = worst_mb = 0.0
    failures = 0
    for folder in folders:
        for case in load_cases(folder):
            if case.skip_as_root and is_root:
                print(f"| {folder.name}/{case.name} | {case.make or 'file'} | - | skipped as root | - | - |")
                continue
            times, peak, code, matches = measure(case, args.rounds)
            median = statistics.median(times)
            worst_time, worst_mb = max(worst_time, median), max(worst_mb, peak)
            # A template stopped by its time limit is bounded by that limit, not by the 2 s of the others.
            limit = MAX_SECONDS + 1 if "[MAU003]" in "\n".join(case.output) else LIMIT_SECONDS
            within = median < limit and peak < LIMIT_MB
            note = ("yes" if within else "**NO**") + ("" if matches else " (output differs from .expected!)")
            failures += (not within) + (not matches)
            size = f"{case.input_file.stat().st_size:,} B" if case.input_file else case.make or ""
            print(
                f"| {folder.name}/{case.name} | {size} | {code} | "
                f"{median:.2f} s ({min(times):.2f}-{max(times):.2f}) | {peak:.0f} MB | {note} |"
            )
    print(f"\nSlowest median {worst_time:.2f} s, largest peak {worst_mb:.0f} MB; {failures} problem(s).")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
