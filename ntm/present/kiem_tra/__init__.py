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

from ntm.present.view import KiemTra


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


def rendered(v: KiemTra, text: str, cases: int = 0, failures: int = 0,
             extra: tuple[str, str] = ("", "")) -> Rendered:
    return Rendered(v.tep, v.hop_le, v.loi, v.canh_bao, v.chua_dat, text, cases, failures, v.noi_bo, extra)


@dataclass
class Totals:
    files: int = 0
    valid: int = 0
    errors: int = 0
    warnings: int = 0
    with_unmet: int = 0
    internal: int = 0

    def add(self, o: KiemTra | Rendered) -> None:
        if isinstance(o, KiemTra):
            o = rendered(o, "")
        self.files += 1
        self.valid += o.valid
        self.errors += o.errors
        self.warnings += o.warnings
        self.with_unmet += o.unmet > 0
        self.internal += o.internal


def summary_line(t: Totals, command: str) -> str | None:
    """The closing line of a run over files; None for `render`, whose one file ends with the
    command's own sentence (written, or not written and why)."""
    if command == "render":
        return None
    invalid = t.files - t.valid
    text = f"Đã kiểm tra {t.files} tệp: {t.valid} hợp lệ, {invalid} có lỗi ({t.errors} lỗi, {t.warnings} cảnh báo)"
    if command == "check":
        text += f"; {t.with_unmet} kế hoạch còn tiêu chí chưa đạt"
    return text + "."


class Reporter(Protocol):
    prerenders: bool

    def render(self, v: KiemTra) -> Rendered: ...

    def emit(self, r: Rendered) -> None: ...

    def outcome(self, v: KiemTra) -> None: ...

    def finish(self, totals: Totals) -> None: ...
