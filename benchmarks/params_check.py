"""What checking a diagnostic's params against its template costs a batch `ntm check`.

    python benchmarks/params_check.py                  # 2,000 plans, 7 rounds (+1 warm-up)
    python benchmarks/params_check.py --count 10000 --rounds 5

Every Diagnostic and every phrase (Cau) checks its params when it is made
(ntm/diagnostics/__init__.py). This runs `ntm check <corpus>` twice a round,
in alternating order: as shipped, and with the two checks replaced by a
function that does nothing (patched in before the command runs; forked
workers inherit it). Wall-clock medians, min–max and their ratio are printed,
with how many diagnostics and phrases the batch makes (the checks' count), and
the in-process cost of making one diagnostic with and without its check.
Like run.py: ntm byte-compiled first, the children's environment from
run.child_env(), round 0 a dropped warm-up, output to /dev/null. The corpus is
benchmarks/make_corpus.py's, made when missing.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO), str(HERE)]

# Runs the CLI as `python -m ntm` does; with "off", the checks do nothing; with "count", they are
# counted and the counts printed to stderr (one process: --jobs 1).
_LAUNCHER = """
import os, sys
mode = sys.argv.pop(1)
import ntm.diagnostics as d, ntm.diagnostics.params as p
if mode == "off":
    d.check_params = lambda code, params: None
    p.check_phrase_params = lambda key, params: None
elif mode == "count":
    import collections
    counts = collections.Counter()
    real_d, real_p = d.check_params, p.check_phrase_params
    def counted_d(code, params):
        counts["diagnostics"] += 1
        real_d(code, params)
    def counted_p(key, params):
        counts["phrases"] += 1
        real_p(key, params)
    d.check_params, p.check_phrase_params = counted_d, counted_p
    os._exit = lambda code, _exit=os._exit: (sys.stderr.write(f"COUNTS {dict(counts)}\\n"), sys.stderr.flush(),
                                             _exit(code))
from ntm.cli import main
main()
"""


def per_call() -> tuple[float, float]:
    """Seconds to make one diagnostic (DM004, four params) with and without the check, in-process."""
    import timeit

    import ntm.diagnostics as d

    params = {"nam": 2031, "tu": 2021, "den": 2025, "bo_tieu_chi": "Bộ tiêu chí xã NTM nâng cao 2021-2025"}

    def make() -> object:
        return d.Diagnostic("DM004", "ke-hoach.yaml", ("nam",), params)

    number = 100_000
    checked = min(timeit.repeat(make, number=number, repeat=7)) / number
    real = d.check_params
    d.check_params = lambda code, params: None
    try:
        unchecked = min(timeit.repeat(make, number=number, repeat=7)) / number
    finally:
        d.check_params = real
    return checked, unchecked


def _run(mode: str, args: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _LAUNCHER, mode, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False, env=env, cwd=REPO)
    return time.perf_counter() - start, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--jobs", type=str, default=None, help="passed to ntm check (default: ntm's own)")
    args = parser.parse_args(argv)

    import make_corpus
    import run

    env = run.child_env()
    run.compile_ntm()
    corpus = make_corpus.default_dir(args.count)
    if not make_corpus.is_current(corpus, args.count, make_corpus.DEFAULT_SEED):
        print(f"Tạo bộ dữ liệu {args.count} kế hoạch ở {corpus} ...", file=sys.stderr)
        make_corpus.generate(corpus, args.count, make_corpus.DEFAULT_SEED)
    check = ["check", *(["--jobs", args.jobs] if args.jobs else []), str(corpus)]

    counted = subprocess.run([sys.executable, "-c", _LAUNCHER, "count", "check", "--jobs", "1", str(corpus)],
                             capture_output=True, text=True, check=False, env=env, cwd=REPO)
    counts = next((line for line in counted.stderr.splitlines() if line.startswith("COUNTS ")), "COUNTS ?")

    times: dict[str, list[float]] = {"on": [], "off": []}
    exits: set[int] = set()
    for i in range(args.rounds + 1):
        order = ("on", "off") if i % 2 == 0 else ("off", "on")
        for mode in order:
            seconds, code = _run(mode, check, env)
            exits.add(code)
            if i > 0:  # round 0 warms the disk cache
                times[mode].append(seconds)
    if len(exits) != 1 or not exits <= {0, 1}:  # both modes must do the same work and finish it
        print(f"params_check.py: ntm check exited with {sorted(exits)}", file=sys.stderr)
        return 2
    on, off = statistics.median(times["on"]), statistics.median(times["off"])
    print(run.machine())
    print(f"ntm check <{args.count:,} plans> {' '.join(check[1:-1])}".rstrip())
    print(f"  made during the batch: {counts.removeprefix('COUNTS ')}")
    for mode, label in (("on", "params checked (as shipped)"), ("off", "checks patched out")):
        print(f"  {label:30} median {statistics.median(times[mode]):.3f} s  "
              f"(min {min(times[mode]):.3f}, max {max(times[mode]):.3f}, {len(times[mode])} rounds)")
    print(f"  ratio checked / not checked: {on / off:.3f}")
    checked, unchecked = per_call()
    made = sum(int(n) for n in re.findall(r"\d+", counts))
    cost = made * (checked - unchecked)
    # On a shared machine the wall-clock ratio above moves by more than the checks cost; this bound
    # (checks made x their in-process cost) is the figure to quote.
    print(f"  one diagnostic made in-process: {checked * 1e6:.2f} µs checked, {unchecked * 1e6:.2f} µs not "
          f"(min of 7 x 100,000): about {cost * 1e3:.1f} ms for the batch's {made:,} checks, "
          f"{cost / min(times['on']):.2%} of its fastest round")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
