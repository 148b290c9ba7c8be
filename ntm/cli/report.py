"""`ntm report`: many plans over several years -> one report (.xlsx, .html, .md, .json).

Stages: walk the paths (as `check`) -> check every plan in worker processes,
each reduced there to a small summary (ntm.tong_hop.tom_tat, handed down to
ntm.run.many) -> gather and aggregate (ntm.tong_hop) -> lay out the one view
model (ntm.present.bao_cao) -> render it in the format the output's
extension names -> write it atomically. Exit codes (docs/report.md): 0
written; 1 written, but invalid or duplicated plans are listed in it;
2 usage error or an output that cannot be written.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ntm.cli import EXIT_INVALID, EXIT_OK
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics.params import Cau
from ntm.present.formats import REPORT

if TYPE_CHECKING:
    from ntm.load.danh_sach import XaChinhThuc
    from ntm.present.formats import ReportWriter
    from ntm.tong_hop.gop import Loc

SUFFIXES = ", ".join(REPORT.suffixes)


def output_format(output: str | None) -> str:
    """The format -o's suffix names (ntm.present.formats.REPORT); a usage error when none does."""
    if output is None:
        raise LoiCachDung(Cau("bao_cao.can_tep_ra", {"cac_duoi": SUFFIXES}), "ntm report")
    found = REPORT.by_suffix(output)
    if found is None:
        raise LoiCachDung(Cau("bao_cao.duoi_tep", {"tep": Path(output).name, "cac_duoi": SUFFIXES}), "ntm report")
    return found.name


def _writer(fmt: str) -> ReportWriter:
    return REPORT[fmt].load()


def _say(text: str) -> None:
    """A line on standard error; a closed or broken one (`2>&-`) changes nothing: the report is the result."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass


def official_list(path: Path) -> list[XaChinhThuc]:
    """The official list, or a usage error naming its file and line (exit 2)."""
    from ntm.load.danh_sach import DanhSachLoi, doc_danh_sach
    from ntm.present.messages import one_line

    try:
        return doc_danh_sach(path)
    except DanhSachLoi as exc:
        if exc.cau is not None:
            raise LoiCachDung(exc.cau, None, nhan=False) from None
        assert exc.chan_doan is not None
        raise LoiCachDung(Cau("danh_sach.khong_dung_duoc", {"chi_tiet": one_line(exc.chan_doan)}), None,
                          nhan=False) from None


def report_command(paths: list[str], output: str, fmt: str, loc: Loc, jobs: int | None,
                   danh_sach: Path | None = None) -> int:
    from ntm.cli.plans import preload_builtin_sets
    from ntm.present.bao_cao.build import bao_cao
    from ntm.present.messages import one_line, phrase
    from ntm.present.output import OutputError, write_atomic
    from ntm.run import expand_paths, run_many
    from ntm.tong_hop.gop import Gop
    from ntm.tong_hop.ket_qua import tong_hop
    from ntm.tong_hop.tom_tat import tom_tat

    given = [Path(p) for p in paths]
    missing = [p for p in given if not p.exists() and not p.is_symlink()]
    if missing:
        raise LoiCachDung(Cau("lenh.khong_tim_thay", {"cac_duong_dan": ", ".join(str(p) for p in missing)}),
                          None, nhan=False)
    files: list[str] = []
    official = official_list(danh_sach) if danh_sach is not None else None  # a bad list stops before any work
    gop = Gop(loc)
    for path, note in expand_paths(given):
        if note is not None:
            _say(one_line(note))
            if note.code != "IO005":  # a plan-like entry passed over (a looping link, a FIFO): listed too
                gop.bo_qua(str(path))
        else:
            files.append(str(path))
    for summary in run_many(files, True, jobs, tom_tat, preload=preload_builtin_sets):
        gop.add(summary)
    report = bao_cao(tong_hop(gop, official))
    if loc.co_loc and not gop.dong:
        _say(f"ntm: {phrase(Cau('bao_cao.khong_khop'))}")
    # Never replace an input of this run: a plan named *.json or *.md, the official list.
    inputs = (*given, *(Path(f) for f in files), *((danh_sach,) if danh_sach is not None else ()))
    try:
        write_atomic(Path(output), _writer(fmt)(report), inputs)
    except OutputError as exc:
        raise LoiCachDung(Cau("ghi.bao_cao", {"ly_do": exc.cau}), None, nhan=False) from None
    _say("ntm: " + phrase(Cau("bao_cao.da_ghi", {
        "tep": output, "so_ke_hoach": len(gop.dong), "so_xa": gop.so_xa,
        "so_van_de": report.so_tep_loi})))
    return EXIT_INVALID if report.so_tep_loi else EXIT_OK
