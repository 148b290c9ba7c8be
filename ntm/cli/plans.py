"""`validate` and `check` over files and folders: stages wired, reports written, the exit code."""

from __future__ import annotations

import contextlib
import functools
import io
import sys
from collections.abc import Callable
from pathlib import Path

from ntm.catalog import builtin_ids, load_catalog
from ntm.cli import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_UNMET
from ntm.cli.frame import LoiCachDung, use_color
from ntm.cli.progress import TienDo, can_hien
from ntm.diagnostics.params import Cau
from ntm.plan import build_models
from ntm.present.formats import CHECK
from ntm.present.kiem_tra import Rendered, Totals
from ntm.present.output import Luong, Ra
from ntm.present.view import KiemTra, ghi_chu_tep, kiem_tra
from ntm.run import KetQuaTep, expand_paths, run_many


def _view(command: str, result: KetQuaTep) -> KiemTra:
    return kiem_tra(result, command)


def _text(fmt: str, command: str, show_all: bool, result: KetQuaTep) -> Rendered:
    """What a worker sends back: the file's report text (never written to the run's output)."""
    reporter = CHECK[fmt].load()(io.StringIO(), command, show_all, False)
    return reporter.render(kiem_tra(result, command))


def preload_builtin_sets() -> None:
    """The built-in sets and the plan model's validator, made once before workers fork, so they share them."""
    build_models()
    for ident in builtin_ids():
        try:
            load_catalog(ident)
        except Exception:  # a broken built-in set is reported by the plan that uses it
            continue


def run_plans(
    command: str, paths: list[str], fmt: str, strict: bool, jobs: int | None, show_all: bool, anywhere: bool = False,
    allow_unmet: bool = False,
) -> int:
    given = [Path(p) for p in paths]
    missing = [p for p in given if not p.exists() and not p.is_symlink()]
    if missing:
        raise LoiCachDung(Cau("lenh.khong_tim_thay", {"cac_duong_dan": ", ".join(str(p) for p in missing)}),
                          None, nhan=False)
    files: list[str] = []  # str, not Path: 1 MB instead of 5 MB for 10,000 plans
    notes = []
    for path, note in expand_paths(given):
        if note is not None:
            notes.append(note)
        else:
            files.append(str(path))
    bar = None
    if can_hien(len(files)):
        bar = TienDo(len(files), "Đang kiểm tra" if command == "validate" else "Đang đánh giá")
    with bar or contextlib.nullcontext():
        out: Ra = Luong(sys.stdout)  # every write checked: a cut output is an error, not exit 0
        if bar is not None and sys.stdout is not None and sys.stdout.isatty():
            out = bar.luong_ra()  # the same terminal: printed above the bar
        reporter = CHECK[fmt].load()(out, command, show_all, use_color() and fmt == "text")
        totals = Totals()
        for note in notes:
            reporter.outcome(ghi_chu_tep(note, command))
            totals.warnings += 1
        # Workers write each file's report text themselves when the reporter allows (not the rich table).
        finish: Callable[[KetQuaTep], Rendered | KiemTra] = (
            functools.partial(_text, fmt, command, show_all) if reporter.prerenders else functools.partial(_view, command)
        )
        for item in run_many(files, command == "check", jobs, finish, preload=preload_builtin_sets, anywhere=anywhere):
            if isinstance(item, Rendered):
                reporter.emit(item)
            else:
                reporter.outcome(item)
            totals.add(item)
            if bar is not None:
                bar.them()
        reporter.finish(totals)
        out.flush()
    if totals.internal:
        return EXIT_INTERNAL
    if totals.errors or (strict and totals.warnings):
        return EXIT_INVALID
    if command == "check" and totals.with_unmet and not allow_unmet:
        return EXIT_UNMET
    return EXIT_OK
