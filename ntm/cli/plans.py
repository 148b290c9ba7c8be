"""`validate` and `check` over files and folders: stages wired, reports written, the exit code."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ntm.catalog import builtin_ids, load_catalog
from ntm.cli import EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_UNMET, EXIT_USAGE
from ntm.cli.frame import LoiCachDung, use_color
from ntm.cli.progress import TienDo, can_hien
from ntm.diagnostics.params import Cau
from ntm.plan import build_models
from ntm.present.formats import CHECK
from ntm.present.kiem_tra import Rendered, Totals
from ntm.present.output import Luong, Ra
from ntm.present.view import ChanDoan, KiemTra, ghi_chu_tep, kiem_tra
from ntm.run import KetQuaTep, expand_paths, run_many

if TYPE_CHECKING:  # --so-voi's modules (git, the comparison) load only when it is given
    from ntm.load.revision import GitError
    from ntm.run.so_voi import SoVoi

# The formats that say what changed with --so-voi (the others report the plans as they are).
SO_VOI_FORMATS = ("text", "json", "github")


def da_xoa(path: str, command: str, rev: str) -> KiemTra:
    """A plan at the revision that is gone: reported, not checked."""
    from ntm.assess.so_sanh import SoSanh, TrangThaiSoSanh
    from ntm.present.view_so_sanh import so_sanh_view

    return KiemTra(command, path, False, True, (), so_sanh=so_sanh_view(SoSanh(TrangThaiSoSanh.da_xoa), rev))


def _view(command: str, so_voi: SoVoi | None, result: KetQuaTep) -> KiemTra:
    view = kiem_tra(result, command)
    if so_voi is None or result.la_bo_tieu_chi:
        return view
    from ntm.present.view_so_sanh import so_sanh_view
    from ntm.run.so_voi import compare

    found, problem = compare(result, so_voi)
    if problem is not None:
        return dataclasses.replace(view, chan_doan=(*view.chan_doan, ChanDoan.of(problem)))
    assert found is not None
    return dataclasses.replace(view, so_sanh=so_sanh_view(found, so_voi.phien_ban, result.dong_tieu_chi))


def _text(fmt: str, command: str, show_all: bool, so_voi: SoVoi | None, result: KetQuaTep) -> Rendered:
    """What a worker sends back: the file's report text (never written to the run's output)."""
    reporter = CHECK[fmt].load()(io.StringIO(), command, show_all, False)
    return reporter.render(_view(command, so_voi, result))


def _git_failed(error: GitError, fmt: str) -> int:
    """--so-voi cannot be honoured: said on stderr (and as an annotation on GitHub); exit 2."""
    d = ChanDoan.of(error.diagnostic)
    if fmt == "github":
        from ntm.present.kiem_tra.machine import github_line

        Luong(sys.stdout).write(github_line("error", d.tep, None, None, f"ntm {d.ma}", d.thong_diep) + "\n")
    sys.stderr.write(d.one_line() + "\n")
    return EXIT_USAGE


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
    allow_unmet: bool = False, so_voi_rev: str | None = None,
) -> int:
    given = [Path(p) for p in paths]
    missing = [p for p in given if not p.exists() and not p.is_symlink()]
    so_voi: SoVoi | None = None
    gone: list[str] = []  # plans at the revision that are no longer there
    if so_voi_rev is not None:
        from ntm.load.revision import GitError
        from ntm.run.so_voi import prepare, was_there

        try:
            so_voi = prepare(so_voi_rev, given, anywhere)
            gone = [str(p) for p in missing if was_there(so_voi, p)]
        except GitError as error:
            return _git_failed(error, fmt)
        missing = [p for p in missing if str(p) not in gone]
    if missing:
        raise LoiCachDung(Cau("lenh.khong_tim_thay", {"cac_duong_dan": ", ".join(str(p) for p in missing)}),
                          None, nhan=False)
    files: list[str] = []  # str, not Path: 1 MB instead of 5 MB for 10,000 plans
    notes = []
    for path, note in expand_paths([p for p in given if str(p) not in gone]):
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
        compared = so_voi if fmt in SO_VOI_FORMATS else None
        finish: Callable[[KetQuaTep], Rendered | KiemTra] = (
            functools.partial(_text, fmt, command, show_all, compared) if reporter.prerenders
            else functools.partial(_view, command, compared)
        )
        for item in run_many(files, command == "check", jobs, finish, preload=preload_builtin_sets, anywhere=anywhere):
            if isinstance(item, Rendered):
                reporter.emit(item)
            else:
                reporter.outcome(item)
            totals.add(item)
            if bar is not None:
                bar.them()
        if so_voi is not None and fmt in SO_VOI_FORMATS:
            from ntm.load.revision import GitError
            from ntm.run.so_voi import removed

            try:
                folders = [p for p in given if p.is_dir()]
                gone += removed(so_voi, folders, {str(Path(f).resolve()) for f in files}) if folders else []
            except GitError as error:
                return _git_failed(error, fmt)
            for name in sorted(set(gone)):  # said, not counted: nothing was checked
                reporter.outcome(da_xoa(name, command, so_voi.phien_ban))
        reporter.finish(totals)
        out.flush()
    if totals.internal:
        return EXIT_INTERNAL
    if totals.errors or (strict and totals.warnings):
        return EXIT_INVALID
    if command == "check" and totals.with_unmet and not allow_unmet:
        return EXIT_UNMET
    return EXIT_OK
