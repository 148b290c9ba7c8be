"""Presenters for `validate` and `check`: text, json, github, junit.

Each takes the outcomes (diagnostics and view models) and writes to a
stream; none decides exit codes. Text is plain and parseable when piped
(`file:line:col: mức độ [MÃ] đường.dẫn: thông điệp`), with a rich table
on a terminal.

Writing is split in two: `render()` turns an Outcome into text (a pure
function, run in the worker process that checked the plan) and `emit()`
writes it, so that with --jobs the parent only writes strings instead of
unpickling and formatting every view. The rich table needs the terminal,
so a colour reporter (`prerenders` False) still gets whole outcomes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

from ntm.diagnostics import Diagnostic, MucDo

FORMATS = ("text", "json", "github", "junit")


@dataclass
class Outcome:
    """What one plan produced; small and picklable so worker processes can return it."""

    file: str
    valid: bool
    diagnostics: list[Diagnostic]
    view: dict[str, Any] | None = None  # check_view() for `check`, None for `validate`
    anchors: dict[str, int | None] = field(default_factory=dict)  # tiêu chí slug -> its line in the plan

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.level is MucDo.LOI)

    @property
    def warnings(self) -> int:
        return sum(1 for d in self.diagnostics if d.level is MucDo.CANH_BAO)

    @property
    def unmet(self) -> int:
        if not self.view or not self.view.get("tong_hop"):
            return 0
        return int(self.view["tong_hop"]["chua_dat"])


class Rendered(NamedTuple):
    """One plan's report as text, and the counts Totals needs: small to send between processes."""

    file: str
    valid: bool
    errors: int
    warnings: int
    unmet: int
    text: str
    cases: int = 0  # JUnit: test cases and failures in `text`
    failures: int = 0


def rendered(o: Outcome, text: str, cases: int = 0, failures: int = 0) -> Rendered:
    return Rendered(o.file, o.valid, o.errors, o.warnings, o.unmet, text, cases, failures)


@dataclass
class Totals:
    files: int = 0
    valid: int = 0
    errors: int = 0
    warnings: int = 0
    with_unmet: int = 0
    problem_files: list[str] = field(default_factory=list)

    def add(self, o: Outcome | Rendered) -> None:
        self.files += 1
        self.valid += o.valid
        self.errors += o.errors
        self.warnings += o.warnings
        self.with_unmet += o.unmet > 0


def summary_line(t: Totals, command: str) -> str:
    invalid = t.files - t.valid
    text = f"Đã kiểm tra {t.files} tệp: {t.valid} hợp lệ, {invalid} có lỗi ({t.errors} lỗi, {t.warnings} cảnh báo)"
    if command == "check":
        text += f"; {t.with_unmet} kế hoạch còn tiêu chí chưa đạt"
    return text + "."


# ------------------------------------------------------------------------------ text


class TextReporter:
    def __init__(self, out: IO[str], command: str, show_all: bool, color: bool) -> None:
        self.out = out
        self.command = command
        self.show_all = show_all
        self.console: Any = None
        if color:
            from rich.console import Console  # only on a terminal

            self.console = Console(file=out, highlight=False, soft_wrap=True)
        self.prerenders = self.console is None

    def start(self) -> None:
        pass

    def outcome(self, o: Outcome) -> None:
        if self.console is None:
            self.emit(self.render(o))
            return
        for d in o.diagnostics:
            self._rich_diagnostic(d)
        if o.view and o.view.get("tong_hop"):
            self._rich_table(*self._rows(o.view))

    def render(self, o: Outcome) -> Rendered:
        lines = [d.one_line() for d in o.diagnostics]
        if o.view and o.view.get("tong_hop"):
            header, rows, view = self._rows(o.view)
            lines.append(header)
            for tc in rows:
                lines.append(f"  {_status_label(tc):<16} {tc['so']:>3}. {tc['ten']}")
                for ct in tc["chi_tieu"]:
                    if self.show_all or ct["trang_thai"] == "chua_dat":
                        lines.append(f"        {ct['so']} {ct['ten']}: {ct['mo_ta']} [nguồn: {ct['nguon']}]")
            lines.append(view["tong_hop"]["cau_tom_tat"])
        return rendered(o, "".join(line + "\n" for line in lines))

    def emit(self, r: Rendered) -> None:
        self.out.write(r.text)

    def _rich_diagnostic(self, d: Diagnostic) -> None:
        from rich.text import Text

        style = "bold red" if d.level is MucDo.LOI else "yellow"
        line = Text()
        line.append(d.location(), style="bold")
        line.append(": ")
        line.append(f"{d.level.nhan} [{d.code}]", style=style)
        if d.path:
            line.append(f" {d.path_text}:", style="cyan")
        line.append(f" {d.message}")
        self.console.print(line)

    def _rows(self, view: dict[str, Any]) -> tuple[str, list[dict[str, Any]], dict[str, Any]]:
        rows = [tc for tc in view["tieu_chi"] if self.show_all or tc["trang_thai"] == "chua_dat"]
        bo = view["bo_tieu_chi"]
        place = f"vùng {view.get('ten_vung') or view['vung']}" if view.get("vung") else (
            f"nhóm xã {view['nhom_xa']}" if view.get("nhom_xa") else ""
        )
        header = f"{view['tep']}: {bo['ten_ngan']} ({bo['can_cu']}), năm {view['nam']}" + (f", {place}" if place else "")
        if view.get("quy_tac_vung"):
            header += f" [áp dụng: {view['quy_tac_vung']}]"
        return header, rows, view

    def _rich_table(self, header: str, rows: list[dict[str, Any]], view: dict[str, Any]) -> None:
        from rich.table import Table

        table = Table(title=header, title_justify="left", show_lines=True)
        table.add_column("TC", justify="right")
        table.add_column("Tiêu chí")
        table.add_column("Trạng thái")
        table.add_column("Chỉ tiêu: hiện trạng / yêu cầu")
        table.add_column("Nguồn mức yêu cầu")
        colours = {"dat": "green", "chua_dat": "red", "chua_co_du_lieu": "yellow"}
        for tc in rows:
            shown = [c for c in tc["chi_tieu"] if self.show_all or c["trang_thai"] == "chua_dat"]
            details = "\n".join(f"{c['so']} {c['ten']}: {c['mo_ta']}" for c in shown)
            sources = "\n".join(c["nguon"] for c in shown)
            table.add_row(
                tc["so"], tc["ten"], f"[{colours[tc['trang_thai']]}]{_status_label(tc)}[/]", details, sources
            )
        self.console.print(table)
        self.console.print(f"[bold]{view['tong_hop']['cau_tom_tat']}[/]")

    def finish(self, totals: Totals) -> None:
        if self.console is not None:
            self.console.print(summary_line(totals, self.command))
        else:
            self.out.write(summary_line(totals, self.command) + "\n")


def _status_label(tc: dict[str, Any]) -> str:
    label = {"dat": "Đạt", "chua_dat": "Chưa đạt", "chua_co_du_lieu": "Chưa có dữ liệu"}[tc["trang_thai"]]
    if tc.get("theo_tu_danh_gia"):
        label += " (tự đánh giá)"
    return label


# ------------------------------------------------------------------------------ json


class _StreamReporter:
    """What the machine formats share: render one outcome to text, then write it."""

    prerenders = True

    def __init__(self, out: IO[str], command: str) -> None:
        self.out = out
        self.command = command

    def start(self) -> None:
        pass

    def outcome(self, o: Outcome) -> None:
        self.emit(self.render(o))

    def render(self, o: Outcome) -> Rendered:
        raise NotImplementedError

    def emit(self, r: Rendered) -> None:
        self.out.write(r.text)

    def finish(self, totals: Totals) -> None:
        pass


class JsonReporter(_StreamReporter):
    """One JSON object per plan, one per line (JSON Lines); a single plan is plain JSON."""

    def __init__(self, out: IO[str], command: str) -> None:
        import json  # only this format needs it (start-up time)

        super().__init__(out, command)
        self.dumps = json.dumps

    def render(self, o: Outcome) -> Rendered:
        from ntm.views import JSON_VERSION, diagnostic_view

        if o.view is not None:
            obj = o.view
        else:
            obj = {
                "phien_ban": JSON_VERSION,
                "tep": o.file,
                "hop_le": o.valid,
                "chan_doan": [diagnostic_view(d) for d in o.diagnostics],
            }
        return rendered(o, self.dumps(obj, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------------ github


def _gh_escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_escape_property(text: str) -> str:
    return _gh_escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(level: str, file: str, line: int | None, col: int | None, title: str, message: str) -> str:
    props = [f"file={_gh_escape_property(file)}"]
    if line is not None:
        props.append(f"line={line}")
        if col is not None:
            props.append(f"col={col}")
    props.append(f"title={_gh_escape_property(title)}")
    return f"::{level} {','.join(props)}::{_gh_escape_data(message)}"


class GithubReporter(_StreamReporter):
    """GitHub workflow annotations; the parsable line is kept in the log as well."""

    def render(self, o: Outcome) -> Rendered:
        lines = []
        for d in o.diagnostics:
            level = "error" if d.level is MucDo.LOI else "warning"
            title = f"ntm {d.code}" + (f" {d.path_text}" if d.path else "")
            lines.append(github_line(level, d.file, d.line, d.column, title, d.message))
        if o.view and o.view.get("tong_hop"):
            for tc in o.view["tieu_chi"]:
                if tc["trang_thai"] != "chua_dat":
                    continue
                failing = [c for c in tc["chi_tieu"] if c["trang_thai"] == "chua_dat"]
                line = o.anchors.get(tc["ma"])
                message = "; ".join(f"{c['so']} {c['ten']}: {c['mo_ta']} (nguồn: {c['nguon']})" for c in failing)
                lines.append(
                    github_line(
                        "warning", o.file, line, None,
                        f"Chưa đạt tiêu chí {tc['so']} {tc['ten']}", message or "tự đánh giá chưa đạt",
                    )
                )
        return rendered(o, "".join(line + "\n" for line in lines))

    def finish(self, totals: Totals) -> None:
        self.out.write(summary_line(totals, self.command) + "\n")


# ------------------------------------------------------------------------------ junit


class JunitReporter(_StreamReporter):
    """JUnit XML (GitLab, Jenkins): a test suite per plan; a test case per check or criterion."""

    def __init__(self, out: IO[str], command: str) -> None:
        super().__init__(out, command)
        self.suites: list[str] = []
        self.tests = 0
        self.failures = 0

    def emit(self, r: Rendered) -> None:
        self.tests += r.cases
        self.failures += r.failures
        self.suites.append(r.text)

    def render(self, o: Outcome) -> Rendered:
        from xml.sax.saxutils import escape, quoteattr  # ~10 ms of imports (urllib, email) other formats skip

        cases: list[str] = []
        name = quoteattr(o.file)
        errors = [d for d in o.diagnostics if d.level is MucDo.LOI]
        body = "\n".join(d.one_line() for d in o.diagnostics)
        if errors:
            cases.append(
                f'<testcase classname={name} name="hop_le"><failure message={quoteattr(errors[0].message)}>'
                f"{escape(body)}</failure></testcase>"
            )
        else:
            out = f"<system-out>{escape(body)}</system-out>" if body else ""
            cases.append(f'<testcase classname={name} name="hop_le">{out}</testcase>')
        failures = int(len(errors) > 0)
        skipped = 0
        if o.view and o.view.get("tong_hop"):
            for tc in o.view["tieu_chi"]:
                case_name = quoteattr(f"{tc['so']}. {tc['ten']}")
                if tc["trang_thai"] == "chua_dat":
                    failures += 1
                    detail = "\n".join(
                        f"{c['so']} {c['ten']}: {c['mo_ta']} (nguồn: {c['nguon']})"
                        for c in tc["chi_tieu"] if c["trang_thai"] == "chua_dat"
                    )
                    cases.append(
                        f"<testcase classname={name} name={case_name}><failure message=\"chưa đạt\">"
                        f"{escape(detail)}</failure></testcase>"
                    )
                elif tc["trang_thai"] == "chua_co_du_lieu":
                    skipped += 1
                    cases.append(
                        f'<testcase classname={name} name={case_name}><skipped message="chưa có dữ liệu"/></testcase>'
                    )
                else:
                    cases.append(f"<testcase classname={name} name={case_name}/>")
        suite = (
            f'<testsuite name={name} tests="{len(cases)}" failures="{failures}" skipped="{skipped}">'
            + "".join(cases)
            + "</testsuite>"
        )
        return rendered(o, suite, len(cases), failures)

    def finish(self, totals: Totals) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f'<testsuites name="ntm {self.command}" tests="{self.tests}" failures="{self.failures}">\n')
        for suite in self.suites:
            self.out.write(suite + "\n")
        self.out.write("</testsuites>\n")


Reporter = TextReporter | JsonReporter | GithubReporter | JunitReporter


def make_reporter(fmt: str, out: IO[str], command: str, show_all: bool = False, color: bool = False) -> Reporter:
    if fmt == "json":
        return JsonReporter(out, command)
    if fmt == "github":
        return GithubReporter(out, command)
    if fmt == "junit":
        return JunitReporter(out, command)
    return TextReporter(out, command, show_all, color)

