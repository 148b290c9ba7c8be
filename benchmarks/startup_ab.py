"""`ntm validate <plan>` before and after a change, against the import floor, in one interleaved loop.

    python benchmarks/startup_ab.py                  # base: main; after: this checkout
    python benchmarks/startup_ab.py --base HEAD~3 --rounds 40
    python benchmarks/startup_ab.py --batch DIR --rounds 5   # `ntm check --jobs 1 DIR` against
                                                             # parse_baseline.py DIR instead

The base's `ntm/` is taken from git (`git archive`) into a temporary folder and run from there
with `python -m ntm` (the working directory comes first on `sys.path`); this checkout runs the
same way. Each round runs the floor (`python -c "import yaml, pydantic, typer"`), the base and
this checkout once, in an order that rotates every round; round 0 is a warm-up. Printed: the
medians of wall-clock and CPU time (user + system, `os.wait4`) with their quartiles, and the
quotients over the floor of the same round, median and quartiles: on a shared machine the
CPU quotients are the steadier figure. Standard library only; Linux or macOS (`os.wait4`).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "plans" / "huong-son-2023.yaml"


def run(command: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one process, which must exit with one of `ok`."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"{' '.join(command)} (in {cwd}) exited with status {status}")
    return wall, usage.ru_utime + usage.ru_stime


def quartiles(values: list[float]) -> tuple[float, float, float]:
    q1, q2, q3 = statistics.quantiles(values, n=4)
    return q1, q2, q3


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="main", help="git revision of the 'before' (default: main)")
    parser.add_argument("--rounds", type=int, default=25, help="rounds after the warm-up (default 25)")
    parser.add_argument("--batch", type=Path, metavar="DIR",
                        help="compare `ntm check --jobs 1 DIR` (one process: its CPU is the check's) with the "
                             "CSafeLoader parse of the same files (parse_baseline.py) instead")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ntm-ab-") as tmp:
        base = Path(tmp)
        archive = subprocess.run(["git", "archive", args.base, "ntm"], cwd=REPO, capture_output=True, check=True)
        tar_path = base / "ntm.tar"
        tar_path.write_bytes(archive.stdout)
        with tarfile.open(tar_path) as tar:
            tar.extractall(base)  # our own repository's files
        # Both sides run from bytecode, as an installed package does.
        compileall.compile_dir(base / "ntm", quiet=1)
        compileall.compile_dir(REPO / "ntm", quiet=1)

        py = sys.executable
        if args.batch is None:
            floor_command = [py, "-c", "import yaml, pydantic, typer"]
            ntm_command = [py, "-m", "ntm", "validate", str(PLAN)]
        else:
            floor_command = [py, str(REPO / "benchmarks" / "parse_baseline.py"), str(args.batch.resolve())]
            ntm_command = [py, "-m", "ntm", "check", "--jobs", "1", str(args.batch.resolve())]
        commands = {
            "floor" if args.batch is None else "CSafeLoader parse": (floor_command, REPO),
            f"before ({args.base})": (ntm_command, base),
            "after (this checkout)": (ntm_command, REPO),
        }
        names = list(commands)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
        for r in range(args.rounds + 1):
            for name in names[r % len(names):] + names[:r % len(names)]:
                # a corpus holds plans with mistakes (exit 1) and unmet criteria (3)
                measured = run(*commands[name], ok=(0,) if args.batch is None else (0, 1, 3))
                if r:
                    samples[name].append(measured)

    what = f"ntm validate {PLAN.relative_to(REPO)}" if args.batch is None else f"ntm check --jobs 1 {args.batch}"
    print(f"{what}: {args.rounds} rounds, load average {os.getloadavg()[0]:.1f}")
    for name in names:
        wall = [w for w, _ in samples[name]]
        cpu = [c for _, c in samples[name]]
        wq, cq = quartiles(wall), quartiles(cpu)
        print(f"{name:24} wall {1000 * wq[1]:5.0f} ms ({1000 * wq[0]:.0f}–{1000 * wq[2]:.0f})"
              f"   CPU {1000 * cq[1]:5.0f} ms ({1000 * cq[0]:.0f}–{1000 * cq[2]:.0f})")
    floor = samples[names[0]]
    for name in names[1:]:
        wall_ratio = quartiles([a[0] / b[0] for a, b in zip(samples[name], floor, strict=True)])
        cpu_ratio = quartiles([a[1] / b[1] for a, b in zip(samples[name], floor, strict=True)])
        print(f"{name:24} / {names[0]}: wall {wall_ratio[1]:.2f}× ({wall_ratio[0]:.2f}–{wall_ratio[2]:.2f})"
              f"   CPU {cpu_ratio[1]:.2f}× ({cpu_ratio[0]:.2f}–{cpu_ratio[2]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
