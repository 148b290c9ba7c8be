"""Every `ntm` performance measurement, side by side in one run, as one table of ratios.

    python benchmarks/run.py                  # the full run (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick          # a smoke test: 1,000 plans, few rounds

What is measured (benchmarks/README.md explains why each comparison):

* one plan, cold process: `ntm validate`, `ntm check`, `ntm render -o x.docx`
  on plans/huong-son-2023.yaml, against `check-jsonschema --schemafile
  <ntm's schema>` and `yamllint` on the same file;
* batch: `ntm check <corpus>` over the 10,000-plan corpus (default jobs,
  --jobs 1, --jobs 2) against benchmarks/parse_baseline.py, a plain
  one-process CSafeLoader parse of the same files;
* start-up (issue 16): `ntm validate` against the import floor, `python -c
  "import yaml, pydantic, typer"` (no ntm run can start faster), and against
  check-jsonschema; `ntm check` of the first 2,000 plans against the parse of
  the same 2,000 (`--only floor,validate,cjs,parse_small,batch_small` runs
  just these);
* memory: peak RSS of the largest process and peak PSS of all processes
  of those runs, and 1,000 against 10,000 plans;
* `ntm report <corpus> -o x.xlsx` and `-o x.html` against `ntm check
  --format json <corpus>` (≤ 1.3 ×), peak memory < 300 MB. How long
  LibreOffice and Chromium take to open those outputs: report_open.py.

Commands run in rounds; each round runs every command once, in an order
that rotates from round to round, so that a noisy neighbour or a warming
disk cache hits all of them alike. The first round is a warm-up and is not
counted. Times are wall-clock medians with min–max; a ratio is a quotient
of medians measured in this run. Peak memory: os.wait4() gives the peak RSS
of the largest single process; for batch runs the PSS of the whole process
tree is also sampled every 20 ms (PSS counts pages the forked workers share
with the parent once, where summed RSS would count them three times). Only
the standard library is used; hyperfine is not needed. Under each ratio the
table gives its noise: the quotients of the two commands' runs round by round
(they run back to back), and the quotient of their CPU times.

check-jsonschema and yamllint are the versions pinned in benchmarks/tools.txt,
installed on first use into their own environment, benchmarks/.tools/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PLAN = REPO / "plans" / "huong-son-2023.yaml"
sys.path[:0] = [str(REPO), str(HERE)]  # ntm from this checkout; make_corpus beside this file
SMALL = 2_000  # the short batch (issue 16)


# ----------------------------------------------------------------------------- measuring one run


@dataclass
class Sample:
    seconds: float
    cpu: float  # user + system of the process and its waited-for children
    maxrss_mb: float  # peak RSS of the largest single process (wait4)
    tree_mb: float  # peak summed PSS of the process tree (sampled); 0 when not sampled
    code: int


def _tree_pss_kb(root: int) -> int:
    """Summed PSS of `root` and its descendants (Linux /proc; 0 elsewhere).

    PSS splits each shared page among the processes that share it, so forked
    workers (which share the parent's modules and catalogs) are not counted
    three times, as summed RSS would.
    """
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue  # the process ended while we looked
    return total


def measure(cmd: Sequence[str], env: dict[str, str], cwd: Path, sample_tree: bool = False) -> Sample:
    """Run `cmd` with output discarded; wall time, CPU time and peak memory."""
    peak = [0]
    stop = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def sampler() -> None:
        while not stop.wait(0.02):
            peak[0] = max(peak[0], _tree_pss_kb(proc.pid))

    thread = threading.Thread(target=sampler, daemon=True) if sample_tree and sys.platform == "linux" else None
    if thread:
        thread.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    if thread:
        thread.join()
    proc.returncode = os.waitstatus_to_exitcode(status)  # so that Popen does not wait again
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB on Linux
    return Sample(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / scale, peak[0] / 1024, proc.returncode)


@dataclass
class Bench:
    key: str
    label: str
    short: str  # how a ratio names it
    cmd: list[str]
    sample_tree: bool = False
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def low(self) -> float:
        return min(s.seconds for s in self.samples)

    @property
    def high(self) -> float:
        return max(s.seconds for s in self.samples)

    @property
    def peak_mb(self) -> float:
        """Peak RSS of the largest process (one process: what `/usr/bin/time -v` shows)."""
        return max(s.maxrss_mb for s in self.samples)

    @property
    def tree_mb(self) -> float:
        """Peak PSS of all the processes of one run (the parent and its workers)."""
        return max(s.tree_mb for s in self.samples)

    @property
    def codes(self) -> set[int]:
        return {s.code for s in self.samples}


def run_rounds(benches: list[Bench], rounds: int, env: dict[str, str], cwd: Path, label: str) -> None:
    for r in range(rounds + 1):  # round 0 warms caches and is dropped
        shift = r % len(benches)
        order = benches[shift:] + benches[:shift]
        for b in order:
            s = measure(b.cmd, env, cwd, b.sample_tree)
            if r:
                b.samples.append(s)
        print(f"  {label}: vòng {r}/{rounds}{' (khởi động)' if r == 0 else ''}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------- the table


@dataclass
class Row:
    what: str
    value: float
    unit: str
    versus: str
    target: float | None
    note: str = ""

    def passed(self) -> bool | None:
        return None if self.target is None else self.value <= self.target


def fmt_time(b: Bench) -> str:
    return f"{b.median:7.3f} s ({b.low:.3f}–{b.high:.3f})"


def print_table(benches: dict[str, Bench], rows: list[Row], header: str) -> str:
    lines = [header, ""]
    lines.append(f"{'lệnh / command':<44} {'median (min–max)':>26} {'peak RSS':>9} {'all PSS':>8}  exit")
    lines.append("-" * 98)
    for b in benches.values():
        codes = ",".join(str(c) for c in sorted(b.codes))
        tree = f"{b.tree_mb:5.0f} MB" if b.sample_tree else ""
        lines.append(f"{b.label:<44} {fmt_time(b):>26} {b.peak_mb:6.0f} MB {tree:>8}  {codes}")
    lines.append("")
    lines.append(f"{'tỷ lệ / ratio':<58} {'đo':>8} {'mục tiêu':>9}  kết quả")
    lines.append("-" * 98)
    for row in rows:
        ok = row.passed()
        verdict = "—" if ok is None else ("ĐẠT / met" if ok else "CHƯA ĐẠT / missed")
        target = "" if row.target is None else f"≤ {row.target:g}{row.unit}"
        lines.append(f"{row.what + ' ' + row.versus:<58} {row.value:7.2f}{row.unit} {target:>9}  {verdict}")
        if row.note:
            lines.append(f"    {row.note}")
    text = "\n".join(lines)
    print(text)
    return text


# ----------------------------------------------------------------------------- setup


def tool(name: str) -> str | None:
    """A console script next to this interpreter first (the venv), then on PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


TOOLS_DIR = HERE / ".tools"
TOOLS_PINS = HERE / "tools.txt"


def comparison_tools(install: bool) -> Path | None:
    """The bin/ of benchmarks/.tools, a venv holding the pinned versions of tools.txt.

    Made (or remade, when tools.txt changed) with venv and pip from the package index pip
    is configured with; None when it cannot be, and the comparison rows are then left out.
    """
    stamp = TOOLS_DIR / "tools.txt"
    bin_dir = TOOLS_DIR / ("Scripts" if os.name == "nt" else "bin")
    pins = TOOLS_PINS.read_text(encoding="utf-8")
    if stamp.exists() and stamp.read_text(encoding="utf-8") == pins:
        return bin_dir
    if not install:
        return None
    print(f"Cài công cụ so sánh vào {TOOLS_DIR} (tools.txt) ...", file=sys.stderr)
    shutil.rmtree(TOOLS_DIR, ignore_errors=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS_DIR)], check=True)
        python = bin_dir / ("python.exe" if os.name == "nt" else "python")
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(TOOLS_PINS)], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"run.py: không cài được công cụ so sánh: {exc}", file=sys.stderr)
        return None
    stamp.write_text(pins, encoding="utf-8")
    return bin_dir


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    # Installed tools have bytecode; an editable ntm gets it from compile_ntm(). Without
    # this variable the children may also write it, as a normal install would.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("NO_COLOR", "NTM_DEBUG", "FORCE_COLOR"):
        env.pop(name, None)
    env["PYTHONHASHSEED"] = "0"
    return env


def compile_ntm() -> None:
    """Byte-compile ntm like `pip install` does, so no run pays for compiling it."""
    import compileall

    import ntm

    compileall.compile_dir(str(Path(ntm.__file__).parent), quiet=1)


def machine() -> str:
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "?")
    except OSError:
        pass
    import pydantic
    import yaml

    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU ({cpu}); Python {platform.python_version()}, "
        f"PyYAML {yaml.__version__} (libyaml: {getattr(yaml, '__with_libyaml__', False)}), pydantic {pydantic.VERSION}"
    )


# ----------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ntm: đo hiệu năng / performance benchmark")
    parser.add_argument("--rounds", type=int, default=20, help="rounds of the one-plan commands (default 20)")
    parser.add_argument("--batch-rounds", type=int, default=5, help="rounds of the batch commands (default 5)")
    parser.add_argument("--count", type=int, default=10_000, help="plans in the corpus (default 10,000)")
    parser.add_argument("--corpus", type=Path, help="default: benchmarks/corpus/<count>/, made when missing")
    parser.add_argument("--quick", action="store_true", help="1,000 plans, 5 + 1 rounds: a smoke test")
    parser.add_argument("--skip-batch", action="store_true", help="only the one-plan measurements")
    parser.add_argument("--json", type=Path, help="also write the samples as JSON here")
    parser.add_argument("--only", metavar="KEYS",
                        help="only these measurements, by key, comma-separated (e.g. floor,validate,cjs,"
                             "parse_small,batch_small: the start-up ratios of issue 16; model: the plan "
                             "model alone)")
    parser.add_argument("--no-install", action="store_true",
                        help="do not install the comparison tools (tools.txt) into benchmarks/.tools")
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.batch_rounds, args.count = 5, 1, 1000

    ntm = tool("ntm")
    if ntm is None:
        print("run.py: không tìm thấy lệnh ntm (hãy cài: pip install -e .)", file=sys.stderr)
        return 2
    env = child_env()
    compile_ntm()
    work = Path(tempfile.mkdtemp(prefix="ntm-bench-"))
    schema = work / "ke-hoach.schema.json"
    subprocess.run([ntm, "schema", "-o", str(schema)], check=True, env=env)

    single: dict[str, Bench] = {}
    only = set(args.only.split(",")) if args.only else None

    def add(
        into: dict[str, Bench], key: str, label: str, cmd: list[str] | None, tree: bool = False, short: str = ""
    ) -> None:
        if only is not None and key not in only:
            return
        if cmd is None:
            print(f"run.py: bỏ qua {label}: chưa cài công cụ", file=sys.stderr)
            return
        short = short or label.split(" <")[0].split(",")[0]
        into[key] = Bench(key, label, short, cmd, tree)

    plan = str(PLAN.relative_to(REPO))
    # The floor: no ntm run can start faster than importing its parser, YAML and model libraries.
    add(single, "floor", "python -c 'import yaml, pydantic, typer'",
        [sys.executable, "-c", "import yaml, pydantic, typer"], short="import floor")
    add(single, "validate", "ntm validate <plan>", [ntm, "validate", plan])
    # What no `ntm validate` can go under while the plan is a pydantic model: the floor, the plan's
    # models declared and their validator built, with ntm's own start-up settings (ntm.cli.main).
    add(single, "model", "python -c '<the plan model alone>'", [sys.executable, "-c", (
        "import gc, os; os.environ.setdefault('PYDANTIC_DISABLE_PLUGINS', '__all__'); "
        "gc.set_threshold(10_000, 50, 100); import yaml, pydantic, typer, ntm.plan; "
        "ntm.plan.build_models(); os._exit(0)")], short="plan model alone")
    add(single, "check", "ntm check <plan>", [ntm, "check", plan])
    add(single, "render", "ntm render <plan> -o x.docx", [ntm, "render", plan, "-o", str(work / "x.docx")])
    tools = comparison_tools(not args.no_install)
    cjs, yamllint = ((str(tools / "check-jsonschema"), str(tools / "yamllint")) if tools
                     else (tool("check-jsonschema"), tool("yamllint")))
    add(single, "cjs", "check-jsonschema --schemafile <schema> <plan>",
        [cjs, "--schemafile", str(schema), plan] if cjs else None)
    add(single, "yamllint", "yamllint <plan>", [yamllint, plan] if yamllint else None)

    if single:
        print(f"Một kế hoạch, tiến trình mới: {len(single)} lệnh × {args.rounds} vòng", file=sys.stderr)
        run_rounds(list(single.values()), args.rounds, env, REPO, "một kế hoạch")

    batch: dict[str, Bench] = {}
    if not args.skip_batch:
        import make_corpus

        args.corpus = args.corpus or make_corpus.default_dir(args.count)
        if not make_corpus.is_current(args.corpus, args.count, make_corpus.DEFAULT_SEED):
            print(f"Tạo bộ dữ liệu {args.count} kế hoạch ở {args.corpus} ...", file=sys.stderr)
            make_corpus.generate(args.corpus, args.count, make_corpus.DEFAULT_SEED)
        corpus = str(args.corpus)
        first = str(args.corpus / "p00")  # the first 1,000 plans
        # The first 2,000 plans: a batch short enough that start-up and the pool still count.
        small = [str(args.corpus / f"p{i:02d}") for i in range(min(SMALL, args.count) // make_corpus.PER_FOLDER)]
        k = f"{min(SMALL, args.count):,}"
        n = f"{args.count:,}"
        add(batch, "parse_small", f"CSafeLoader parse, {k} plans",
            [sys.executable, str(HERE / "parse_baseline.py"), *small])
        add(batch, "batch_small", f"ntm check <{k} plans>", [ntm, "check", *small], tree=True)
        add(batch, "parse", f"CSafeLoader parse, {n} plans", [sys.executable, str(HERE / "parse_baseline.py"), corpus])
        add(batch, "batch", f"ntm check <{n} plans>", [ntm, "check", corpus], tree=True)
        add(batch, "batch1", f"ntm check --jobs 1 <{n} plans>", [ntm, "check", "--jobs", "1", corpus], tree=True)
        add(batch, "batch2", f"ntm check --jobs 2 <{n} plans>", [ntm, "check", "--jobs", "2", corpus], tree=True)
        if args.count > 1000:
            add(batch, "batch1k", "ntm check <1,000 plans>", [ntm, "check", first], tree=True)
        # `ntm report` against what a CI job would run instead: check's JSON of the same corpus.
        add(batch, "checkjson", f"ntm check --format json <{n} plans>", [ntm, "check", "--format", "json", corpus],
            tree=True)
        add(batch, "report_xlsx", f"ntm report <{n} plans> -o x.xlsx", [ntm, "report", corpus, "-o", str(work / "x.xlsx")],
            tree=True)
        add(batch, "report_html", f"ntm report <{n} plans> -o x.html", [ntm, "report", corpus, "-o", str(work / "x.html")],
            tree=True)
        add(batch, "report_docx", f"ntm report <{n} plans> -o x.docx", [ntm, "report", corpus, "-o", str(work / "x.docx")],
            tree=True)
        if batch:
            print(f"Nhiều kế hoạch: {len(batch)} lệnh × {args.batch_rounds} vòng", file=sys.stderr)
            run_rounds(list(batch.values()), args.batch_rounds, env, REPO, "nhiều kế hoạch")

    rows = ratios(single, batch, args.count)
    header = (
        f"ntm — đo hiệu năng / benchmark ({time.strftime('%Y-%m-%d')})\n{machine()}\n"
        f"$ python benchmarks/run.py {' '.join(argv if argv is not None else sys.argv[1:])}".rstrip()
        + f"\nmột kế hoạch: {args.rounds} vòng; nhiều kế hoạch: {args.batch_rounds} vòng (median, min–max)"
    )
    table = print_table({**single, **batch}, rows, header)
    if args.json:
        data = {
            "table": table,
            "benches": {
                k: {"label": b.label, "cmd": b.cmd, "samples": [s.__dict__ for s in b.samples]}
                for k, b in {**single, **batch}.items()
            },
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    failed = [r for r in rows if r.passed() is False]
    return 1 if failed else 0


def paired(a: Bench, b: Bench) -> str:
    """The noise of a ratio: the quotients of the two commands' runs in the same round (each
    round runs both, back to back), and the quotient of their median CPU times, which a busy
    neighbour disturbs less than wall-clock time."""
    per_round = sorted(x.seconds / y.seconds for x, y in zip(a.samples, b.samples, strict=True) if y.seconds > 0)
    if len(per_round) < 2:
        return ""
    q = statistics.quantiles(per_round, n=4)
    cpu_b = statistics.median(s.cpu for s in b.samples)
    cpu = f"; CPU {statistics.median(s.cpu for s in a.samples) / cpu_b:.2f}×" if cpu_b > 0 else ""
    return (f"từng vòng / per round: {per_round[0]:.2f}–{per_round[-1]:.2f}× "
            f"(tứ phân vị / quartiles {q[0]:.2f}–{q[2]:.2f}){cpu}")


def ratios(single: dict[str, Bench], batch: dict[str, Bench], count: int) -> list[Row]:
    rows: list[Row] = []

    def ratio(a: str, b: str, pool: dict[str, Bench]) -> float | None:
        if a in pool and b in pool and pool[b].median > 0:
            return pool[a].median / pool[b].median
        return None

    def add(what: str, a: str, b: str, pool: dict[str, Bench], target: float | None) -> None:
        value = ratio(a, b, pool)
        if value is not None:
            rows.append(Row(what, value, "×", f"/ {pool[b].short}", target, paired(pool[a], pool[b])))

    add("ntm validate", "validate", "floor", single, 1.8)  # issue 16
    add("the plan model alone", "model", "floor", single, None)  # what 1.8 × leaves for the rest
    add("ntm validate", "validate", "model", single, None)
    add("ntm validate", "validate", "cjs", single, 0.75)  # issue 16 (issue 9: 0.85)
    add("ntm validate", "validate", "yamllint", single, 2.0)
    add("ntm check", "check", "validate", single, 1.2)
    add("ntm render -o x.docx", "render", "validate", single, 2.5)
    if "render" in single and single["render"].codes != {0}:
        rows[-1].note = f"render thoát với mã {sorted(single['render'].codes)}: chưa phải số đo thật"
    add(f"ntm check {min(SMALL, count):,} plans", "batch_small", "parse_small", batch, 1.2)  # issue 16
    add(f"ntm check {count:,} plans", "batch", "parse", batch, 1.5)
    add(f"ntm check --jobs 1 {count:,} plans", "batch1", "parse", batch, 1.5)
    add(f"ntm check --jobs 2 {count:,} plans", "batch2", "parse", batch, 0.9)
    for key in ("batch", "batch1", "batch2"):
        if key in batch:
            b = batch[key]
            rows.append(Row(f"peak memory, {b.label}", max(b.peak_mb, b.tree_mb), " MB", "", 200))
    add(f"ntm report -o x.xlsx {count:,} plans", "report_xlsx", "checkjson", batch, 1.3)
    add(f"ntm report -o x.html {count:,} plans", "report_html", "checkjson", batch, 1.3)
    add(f"ntm report -o x.docx {count:,} plans", "report_docx", "checkjson", batch, 1.3)
    for key in ("report_xlsx", "report_html", "report_docx"):
        if key in batch:
            b = batch[key]
            rows.append(Row(f"peak memory, {b.label}", max(b.peak_mb, b.tree_mb), " MB", "", 300))
    if "batch" in batch and "batch1k" in batch:
        big, small = batch["batch"], batch["batch1k"]
        rows.append(Row(f"peak RSS (largest process) {count:,} / 1,000 plans", big.peak_mb / small.peak_mb, "×", "", 1.2))
        rows.append(Row(f"peak PSS (all processes) {count:,} / 1,000 plans", big.tree_mb / small.tree_mb, "×", "", 1.2))
    return rows


if __name__ == "__main__":
    sys.exit(main())
