"""Reporters of `validate` and `check`: text, json, github, junit, all from the one view (KiemTra).

A reporter turns a view into text (`render`, pure: it runs in the worker
that checked the plan) and writes it (`emit`); `finish` closes the output.
None decides exit codes. The rich table needs the terminal, so on a terminal
the text reporter renders in the parent (`prerenders` False).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple, Protocol

from ntm.present.output import Ra
from ntm.present.view import KiemTra

FORMATS = ("text", "json", "github", "junit")


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


def rendered(v: KiemTra, text: str, cases: int = 0, failures: int = 0) -> Rendered:
    return Rendered(v.tep, v.hop_le, v.loi, v.canh_bao, v.chua_dat, text, cases, failures, v.noi_bo)


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


def summary_line(t: Totals, command: str) -> str:
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


def make_reporter(fmt: str, out: Ra, command: str, show_all: bool = False, color: bool = False) -> Reporter:
    # Each format imports only its own reporter: `ntm validate` prints text and loads no JSON or XML.
    if fmt == "text":
        from ntm.present.report.text import TextReporter

        return TextReporter(out, command, show_all, color)
    from ntm.present.report.machine import GithubReporter, JsonReporter, JunitReporter

    if fmt == "json":
        return JsonReporter(out, command)
    if fmt == "github":
        return GithubReporter(out, command)
    return JunitReporter(out, command)


def render_one(fmt: str, command: str, show_all: bool, v: KiemTra) -> Rendered:
    """What a worker sends back: the file's report text (never written to `out`)."""
    import io

    return make_reporter(fmt, io.StringIO(), command, show_all).render(v)
