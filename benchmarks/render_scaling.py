"""`ntm render <plan> -o x.docx` against the number of paragraphs: the time must grow linearly.

    python benchmarks/render_scaling.py                  # 1,000 … 24,000 paragraphs (5 MB, the size limit of a plan), 3 rounds
    python benchmarks/render_scaling.py --sizes 1000 48500 --rounds 1
    python benchmarks/render_scaling.py --shape bang       # N rows of an annex table (merged headers, totals)
    python benchmarks/render_scaling.py --shape noi_dung   # N nested blocks: headings, lists, footnotes

The plan is the shipped example with its `muc_tieu` list (one paragraph each)
grown to N paragraphs of ordinary length. Each size runs as a user runs it: a
fresh process, wall-clock median of the rounds, peak RSS of the process. The
last column is the time per 1,000 paragraphs above the 1-paragraph cost
(start-up, reading, the fixed part of the document): flat when linear.
Before issue 10 this grew with N (16,000 paragraphs: 8 s; 48,500: > 2 min),
because each paragraph was inserted by searching the body from its start.
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

import yaml

REPO = Path(__file__).resolve().parent.parent
PLAN = REPO / "plans" / "huong-son-2023.yaml"
SENTENCE = (
    "Tiếp tục duy trì và nâng cao chất lượng các tiêu chí đã đạt, huy động mọi nguồn lực "
    "để hoàn thành các tiêu chí còn lại theo đúng lộ trình đề ra (mục {i})."
)


def make_plan(folder: Path, paragraphs: int, shape: str = "doan") -> Path:
    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    if shape == "doan":
        data["muc_tieu"] = [SENTENCE.format(i=i) for i in range(paragraphs)]
    elif shape == "bang":  # one landscape annex whose table has N rows
        data["phu_luc"] = [{"tieu_de": "Danh mục công trình", "bang": {
            "don_vi": "triệu đồng",
            "cot": ["Số TT", "Tên công trình", "Thôn", {"ten": "Kinh phí", "cot": [
                {"ten": "Tổng", "tong": True}, {"ten": "Ngân sách", "tong": True}, {"ten": "Huy động", "tong": True}]},
                "Thời gian"],
            "dong": [[str(i + 1), f"Đường bê tông trục thôn đoạn {i}", "Ta Rung", "1200", "800", "400", "Quý II"]
                     for i in range(paragraphs)],
        }}]
    else:  # N blocks of nested content: a heading, a paragraph with a footnote, a two-item list
        blocks = []
        for i in range(max(paragraphs // 4, 1)):
            blocks.append({"muc": f"Nội dung {i}", "noi_dung": [
                {"doan": SENTENCE.format(i=i), "chu_thich": f"Ghi chú {i}."},
                {"danh_sach": [f"Ý thứ nhất {i}", f"Ý thứ hai {i}"], "kieu": "cong"}]})
        data["phan_bo_sung"] = [{"tieu_de": "nội dung thi đua", "noi_dung": blocks}]
    path = folder / f"ke-hoach-{paragraphs}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return path


def run_once(plan: Path, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `python -m ntm render plan -o out`."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ntm", "render", str(plan), "-o", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"render failed on {plan.name} (exit {proc.returncode}): {proc.stderr.read().decode() if proc.stderr else ''}")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 1000, 2000, 4000, 8000, 16000, 24000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shape", choices=("doan", "bang", "noi_dung"), default="doan",
                        help="what grows: paragraphs, rows of an annex table, or nested blocks")
    args = parser.parse_args()
    sizes = sorted(set([1, *args.sizes]))
    rows: list[tuple[int, float, float, float, int]] = []
    with tempfile.TemporaryDirectory(prefix="ntm-scaling-") as tmp:
        folder = Path(tmp)
        for n in sizes:
            plan = make_plan(folder, n, args.shape)
            out = folder / f"ke-hoach-{n}.docx"
            samples = [run_once(plan, out) for _ in range(args.rounds)]
            rows.append((n, statistics.median(s for s, _ in samples), min(s for s, _ in samples),
                         max(m for _, m in samples), out.stat().st_size))
    base = rows[0][1]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU; median of {args.rounds} rounds\n")
    print(f"shape: {args.shape}\n")
    unit = {"doan": "paragraphs", "bang": "table rows", "noi_dung": "blocks"}[args.shape]
    print(f"| {unit} | median s | min s | peak MB | .docx KB | s per 1,000 {unit} above 1 |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, median, low, peak, size in rows:
        per = f"{(median - base) / (n - 1) * 1000:.3f}" if n > 1 else "—"
        print(f"| {n:,} | {median:.2f} | {low:.2f} | {peak:.0f} | {size // 1024:,} | {per} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
