"""Reporters for machines: JSON Lines, GitHub workflow annotations, JUnit XML."""

from __future__ import annotations

import json
import os

from ntm.diagnostics import MucDo
from ntm.present.kiem_tra import Rendered, StreamReporter, Totals, rendered, step_summary, summary_line
from ntm.present.output import Ra
from ntm.present.view import KiemTra


class JsonReporter(StreamReporter):
    """One JSON object per file, one per line (JSON Lines); a single file is plain JSON."""

    def render(self, v: KiemTra) -> Rendered:
        return rendered(v, json.dumps(v.to_json(), ensure_ascii=False) + "\n")


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


def so_sanh_annotations(v: KiemTra) -> list[str]:
    """--so-voi on GitHub: a notice for the plan's verdict against the revision, and one per change
    at its criterion's line."""
    assert v.so_sanh is not None
    title = f"ntm so với {v.so_sanh.phien_ban}"
    lines = [github_line("notice", v.tep, None, None, title, v.so_sanh.cau)]
    lines += [github_line("notice", v.tep, t.dong, None, title, t.thong_diep) for t in v.so_sanh.thay_doi]
    return lines


def so_sanh_markdown(v: KiemTra) -> str:
    if v.so_sanh is None:
        return ""
    out = [step_summary.md(v.so_sanh.cau)]
    if v.so_sanh.thay_doi:
        out.append("")
        out += [f"- {step_summary.md(t.thong_diep)}" for t in v.so_sanh.thay_doi]
    return "\n".join(out) + "\n"


class GithubReporter(StreamReporter):
    """GitHub workflow annotations; unmet criteria are warnings at the criterion's line. When
    GITHUB_STEP_SUMMARY names a file, a Markdown summary of the run is appended to it at the end
    (ntm.present.kiem_tra.step_summary)."""

    def __init__(self, out: Ra, command: str, show_all: bool = False, color: bool = False) -> None:
        super().__init__(out, command)
        self.rows: list[str] = []
        self.sections: list[str] = []

    def emit(self, r: Rendered) -> None:
        super().emit(r)
        row, section = r.extra
        if row:
            self.rows.append(row)
        if section:
            self.sections.append(section)

    def render(self, v: KiemTra) -> Rendered:
        lines = []
        for d in v.chan_doan:
            level = "error" if d.muc_do is MucDo.LOI else "warning"
            title = f"ntm {d.ma}" + (f" {d.duong_dan}" if d.duong_dan else "")
            lines.append(github_line(level, d.tep, d.dong, d.cot, title, d.thong_diep))
        if v.danh_gia is not None:
            for tc in v.danh_gia.tieu_chi:
                if not tc.la_chua_dat:
                    continue
                message = "; ".join(f"{c.so} {c.ten}: {c.mo_ta} (nguồn: {c.nguon})" for c in tc.chua_dat)
                lines.append(github_line(
                    "warning", v.tep, tc.dong, None, f"Chưa đạt tiêu chí {tc.so} {tc.ten}",
                    message or "tự đánh giá chưa đạt",
                ))
        if v.so_sanh is not None:
            lines += so_sanh_annotations(v)
        extra = ("", "")
        if os.environ.get(step_summary.ENV):
            extra = ("" if v.da_xoa else step_summary.plan_row(v), step_summary.plan_section(v, so_sanh_markdown(v)))
        return rendered(v, "".join(line + "\n" for line in lines), extra=extra)

    def finish(self, totals: Totals) -> None:
        summary = summary_line(totals, self.command)
        if summary is not None:
            self.out.write(summary + "\n")
        if os.environ.get(step_summary.ENV) and self.command != "render":
            step_summary.append(step_summary.document(self.command, totals, self.rows, self.sections))


class JunitReporter(StreamReporter):
    """JUnit XML (GitLab, Jenkins): a test suite per file; a test case per check or criterion."""

    def __init__(self, out: Ra, command: str, show_all: bool = False, color: bool = False) -> None:
        super().__init__(out, command)
        self.suites: list[str] = []
        self.tests = 0
        self.failures = 0

    def emit(self, r: Rendered) -> None:
        self.tests += r.cases
        self.failures += r.failures
        self.suites.append(r.text)

    def render(self, v: KiemTra) -> Rendered:
        from xml.sax.saxutils import escape, quoteattr  # ~10 ms of imports (urllib, email) other formats skip

        cases: list[str] = []
        name = quoteattr(v.tep)
        errors = [d for d in v.chan_doan if d.muc_do is MucDo.LOI]
        body = "\n".join(d.one_line() for d in v.chan_doan)
        if errors:
            cases.append(
                f'<testcase classname={name} name="hop_le"><failure message={quoteattr(errors[0].thong_diep)}>'
                f"{escape(body)}</failure></testcase>"
            )
        else:
            out = f"<system-out>{escape(body)}</system-out>" if body else ""
            cases.append(f'<testcase classname={name} name="hop_le">{out}</testcase>')
        failures = int(len(errors) > 0)
        skipped = 0
        if v.danh_gia is not None:
            for tc in v.danh_gia.tieu_chi:
                case_name = quoteattr(f"{tc.so}. {tc.ten}")
                if tc.la_chua_dat:
                    failures += 1
                    detail = "\n".join(f"{c.so} {c.ten}: {c.mo_ta} (nguồn: {c.nguon})" for c in tc.chua_dat)
                    cases.append(
                        f'<testcase classname={name} name={case_name}><failure message="chưa đạt">'
                        f"{escape(detail)}</failure></testcase>"
                    )
                elif tc.la_chua_co_du_lieu:
                    skipped += 1
                    cases.append(
                        f"<testcase classname={name} name={case_name}><skipped message={quoteattr(tc.nhan)}/></testcase>"
                    )
                else:
                    cases.append(f"<testcase classname={name} name={case_name}/>")
        suite = (
            f'<testsuite name={name} tests="{len(cases)}" failures="{failures}" skipped="{skipped}">'
            + "".join(cases)
            + "</testsuite>"
        )
        return rendered(v, suite, len(cases), failures)

    def finish(self, totals: Totals) -> None:
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f'<testsuites name="ntm {self.command}" tests="{self.tests}" failures="{self.failures}">\n')
        for suite in self.suites:
            self.out.write(suite + "\n")
        self.out.write("</testsuites>\n")
