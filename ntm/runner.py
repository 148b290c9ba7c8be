"""Runs `validate`/`check` over many plans: one process or several, results in a stable order.

Each plan is read, checked and reduced to a small `Outcome` before the
next one; nothing holds every plan, so memory stays flat on 10,000 plans.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from ntm.diagnostics import Diagnostic, has_errors
from ntm.report import Outcome

# Below this many files a second process costs more than it saves (measured:
# benchmarks/README.md).
PARALLEL_THRESHOLD = 64


def run_one(job: tuple[str, str]) -> Outcome:
    path_text, command = job
    from ntm.pipeline import check_file, release

    result = check_file(Path(path_text), path_text, with_assessment=command == "check")
    view = None
    anchors: dict[str, int | None] = {}
    if command == "check":
        from ntm.views import check_view

        view = check_view(result.file, result.assessment, result.diagnostics)
        if result.assessment is not None and result.loaded is not None:
            for tc in result.assessment.chua_dat:
                anchors[tc.ma] = result.loaded.position(("tieu_chi", tc.ma), at_key=True)[0]
    outcome = Outcome(result.file, result.plan is not None and not has_errors(result.diagnostics),
                      result.diagnostics, view, anchors)
    release(result)
    return outcome


def default_jobs(count: int) -> int:
    if count < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def run_many(
    files: Sequence[Path], command: str, jobs: int | None, pre: Sequence[Diagnostic] = ()
) -> Iterator[Outcome]:
    jobs_list = [(str(p), command) for p in files]
    workers = default_jobs(len(jobs_list)) if jobs is None or jobs <= 0 else jobs
    if workers <= 1 or len(jobs_list) <= 1:
        for job in jobs_list:
            yield run_one(job)
        return
    import multiprocessing

    # fork: the workers inherit the imported modules and the loaded catalogs.
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunk = max(1, min(64, len(jobs_list) // (workers * 8)))
    with ctx.Pool(workers) as pool:
        yield from pool.imap(run_one, jobs_list, chunksize=chunk)
