"""Reporters of `validate` and `check` (and of `render`'s diagnostics): text, json, github, junit, sarif, gitlab,
all from the one view (KiemTra); ntm.present.formats.CHECK lists them.

A reporter turns a view into text (`render`, pure: it runs in the worker
that checked the plan) and writes it (`emit`); `finish` closes the output.
None decides exit codes. The rich table needs the terminal, so on a terminal
the text reporter renders in the parent (`prerenders` False).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol

from ntm.present.output import Ra
from ntm.present.view import ChanDoan, KiemTra


class Rendered(NamedTuple):
    """One file's report as text, and the counts Totals needs: small to send between processes."""

    file: str
    valid: bool
    errors: int
    warnings: int
    unmet: int
    text: str
    cases: int = 0  # JUnit: test cases and failures in `text`
    failures: int = 0
    internal: int = 0  # failures inside ntm (NTM001)
    extra: tuple[str, str] = ("", "")  # per format: github, the plan's row and section of the job summary; sarif, its repository
    accepted: int = 0  # warnings accepted (`# ntm: bo-qua`, ntm.toml)
    used: tuple[tuple[str, int, str], ...] = ()  # ntm.toml acceptances that matched (KiemTra.dung_kho)


def rendered(v: KiemTra, text: str, cases: int = 0, failures: int = 0,
             extra: tuple[str, str] = ("", "")) -> Rendered:
    return Rendered(v.tep, v.hop_le, v.loi, v.canh_bao, v.chua_dat, text, cases, failures, v.noi_bo, extra,
                    len(v.da_chap_nhan), v.dung_kho)


@dataclass
class Totals:
    files: int = 0
    valid: int = 0
    errors: int = 0
    warnings: int = 0
    with_unmet: int = 0
    internal: int = 0
    accepted: int = 0

    def add(self, o: KiemTra | Rendered) -> None:
        if isinstance(o, KiemTra):
            o = rendered(o, "")
        self.files += 1
        self.valid += o.valid
        self.errors += o.errors
        self.warnings += o.warnings
        self.with_unmet += o.unmet > 0
        self.internal += o.internal
        self.accepted += o.accepted


def summary_line(t: Totals, command: str) -> str | None:
    """The closing line of a run over files; None for `render`, whose one file ends with the
    command's own sentence (written, or not written and why)."""
    if command == "render":
        return None
    invalid = t.files - t.valid
    accepted = f", {t.accepted} cảnh báo đã chấp nhận" if t.accepted else ""
    text = (f"Đã kiểm tra {t.files} tệp: {t.valid} hợp lệ, {invalid} có lỗi "
            f"({t.errors} lỗi, {t.warnings} cảnh báo{accepted})")
    if command == "check":
        text += f"; {t.with_unmet} kế hoạch còn tiêu chí chưa đạt"
    return text + "."


class Reporter(Protocol):
    prerenders: bool

    def render(self, v: KiemTra) -> Rendered: ...

    def emit(self, r: Rendered) -> None: ...

    def outcome(self, v: KiemTra) -> None: ...

    def finish(self, totals: Totals) -> None: ...


class StreamReporter:
    """What the reporters that render in the worker share: render one view to text, write it as
    it comes; a format that writes one document at the end (SARIF, GitLab) overrides `emit` and
    `finish`. show_all and color are the text reporter's: these never drop a criterion nor colour."""

    prerenders = True

    def __init__(self, out: Ra, command: str, show_all: bool = False, color: bool = False) -> None:
        self.out = out
        self.command = command

    def render(self, v: KiemTra) -> Rendered:
        raise NotImplementedError

    def emit(self, r: Rendered) -> None:
        self.out.write(r.text)

    def outcome(self, v: KiemTra) -> None:
        self.emit(self.render(v))

    def finish(self, totals: Totals) -> None:
        pass


def shown_diagnostics(v: KiemTra) -> list[ChanDoan]:
    """What a reader's format lists: the findings, with the accepted ones in their place under
    --hien-bo-qua (in the order of the plan's lines)."""
    if not v.hien_bo_qua or not v.da_chap_nhan:
        return list(v.chan_doan)
    return sorted((*v.chan_doan, *v.da_chap_nhan), key=lambda d: (d.tep != v.tep, d.dong is None, d.dong or 0,
                                                                  d.cot or 0, d.ma))
