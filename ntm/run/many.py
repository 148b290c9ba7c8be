"""Many files: one process or several, results in the order of the files, memory flat.

Each file is checked and at once reduced by `finish` (given by the caller:
the view a reporter needs, or its finished text) before the next one, so
nothing holds every plan; with several workers the reduction runs in the
worker and at most a few chunks of results wait to be written. The runner
knows nothing of how results are shown. Timings: benchmarks/README.md.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from ntm.diagnostics import Diagnostic
from ntm.run.one import KetQuaTep, check_file

T = TypeVar("T")

# Below this many files, starting worker processes (fork, then each loads its
# catalogs: ~50 ms) costs more than it saves at ~2 ms a plan.
PARALLEL_THRESHOLD = 64
MAX_DEFAULT_JOBS = 8
# --jobs beyond this is refused: each worker holds the modules and catalogs (~40 MB),
# and more workers than CPUs only add memory and switching.
MAX_JOBS = 32
# What the parent may hold, per worker, of checked-but-unwritten chunks: enough that no
# worker waits, bounded so that a slow output (a pipe, a terminal) cannot fill memory.
CHUNKS_IN_FLIGHT = 4


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may use (containers, taskset)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_jobs(count: int) -> int:
    """What is fastest here: one process for a few plans, else one worker per CPU (at most 8)."""
    if count < PARALLEL_THRESHOLD:
        return 1
    return max(1, min(available_cpus(), MAX_DEFAULT_JOBS))


@contextmanager
def _batch_gc() -> Iterator[None]:
    """Fewer, cheaper garbage collections while checking many plans (restored afterwards).

    What is alive now (modules, pydantic schemas, catalogs) lives as long as the
    process: gc.freeze() keeps it out of every collection. A plan's own objects
    are freed by reference counting once it is reported, yet each plan crosses
    the default threshold (700 new objects) and triggers collections that find
    nothing; at 10,000 only real growth does. Measured: 0.33 -> 0.002 ms a plan.
    """
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _init_worker() -> None:
    import signal

    # Ctrl-C reaches the whole process group: the parent stops the pool, the workers keep quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()  # under "spawn" nothing is inherited; under "fork" this is a no-op repeat
    gc.set_threshold(10_000, 10, 10)


# assessing, anywhere (--cho-phep-ngoai-kho), the ntm.toml named by --cau-hinh
How = tuple[bool, bool, str | None]


def _one(path: str, how: How, finish: Callable[[KetQuaTep], T]) -> T:
    """One file, whatever happens: a failure inside ntm on one plan is reported for that
    plan (NTM001) and the batch goes on to the next."""
    assessing, anywhere, cau_hinh = how
    try:  # the presenter's part too: whatever fails for this plan is this plan's
        return finish(check_file(Path(path), path, assessing=assessing, anywhere=anywhere,
                                 cau_hinh=Path(cau_hinh) if cau_hinh is not None else None))
    except Exception as exc:  # a bug: say so for this file, keep checking the others
        if os.environ.get("NTM_DEBUG"):
            raise
        return finish(KetQuaTep(path, diagnostics=[
            Diagnostic("NTM001", path, params={"loai": type(exc).__name__}, co_vi_tri=False)]))


def _chunk(paths: list[str], how: How, finish: Callable[[KetQuaTep], T]) -> list[T]:
    return [_one(p, how, finish) for p in paths]


def run_many(
    files: Sequence[str], assessing: bool, jobs: int | None, finish: Callable[[KetQuaTep], T],
    preload: Callable[[], None] | None = None, anywhere: bool = False, cau_hinh: str | None = None,
) -> Iterator[T]:
    """`finish(result)` for each file, in the order of `files`.

    `finish` must be picklable (a module-level function, or a partial of one):
    with several workers it runs there. `preload` runs once in the parent
    before workers fork (load what they should share, e.g. the built-in sets).
    """
    workers = default_jobs(len(files)) if jobs is None or jobs <= 0 else jobs
    workers = min(workers, len(files), MAX_JOBS)
    how = (assessing, anywhere, cau_hinh)
    with _batch_gc():
        if workers <= 1:
            for path in files:
                yield _one(path, how, finish)
            return
        if preload is not None:
            preload()
        yield from _parallel(files, how, finish, workers)


def _parallel(files: Sequence[str], how: How, finish: Callable[[KetQuaTep], T], workers: int) -> Iterator[T]:
    import multiprocessing

    gc.freeze()  # what the parent loaded is shared with the forked workers, out of the collector's way
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # Chunks amortise the pipe round trip; ~16 per worker keep the load even at the end.
    # They are made as they are sent: the parent, which every worker shares, holds only `files`.
    size = max(1, min(64, len(files) // (workers * 16)))
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        pending: deque[multiprocessing.pool.AsyncResult[list[T]]] = deque()
        for start in range(0, len(files), size):
            chunk = [str(p) for p in files[start : start + size]]
            pending.append(pool.apply_async(_chunk, (chunk, how, finish)))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
