"""The compact reporter (`--format concise`, the `ntm` pre-commit hook): one line per finding,
`file:line:col: mức [CODE] message`, one line per plan with unmet criteria, then one summary
line. Nothing for a clean plan: a hook's output is read only when it fails.
"""

from __future__ import annotations

from ntm.present.kiem_tra import Rendered, StreamReporter, Totals, rendered, shown_diagnostics, summary_line
from ntm.present.view import KiemTra


def unmet_line(v: KiemTra) -> str | None:
    """`plans/a.yaml: 2 tiêu chí chưa đạt: 14. Y tế; 16. Tiếp cận pháp luật`, or None."""
    if v.danh_gia is None:
        return None
    unmet = [tc for tc in v.danh_gia.tieu_chi if tc.la_chua_dat]
    if not unmet:
        return None
    names = "; ".join(f"{tc.so}. {tc.ten}" for tc in unmet)
    return f"{v.tep}: {len(unmet)} tiêu chí chưa đạt: {names}"


class ConciseReporter(StreamReporter):
    """One line per finding whatever the terminal: --all and colour are the text format's."""

    def render(self, v: KiemTra) -> Rendered:
        lines = [d.concise() for d in shown_diagnostics(v)]
        unmet = unmet_line(v)
        if unmet is not None:
            lines.append(unmet)
        return rendered(v, "".join(line + "\n" for line in lines))

    def finish(self, totals: Totals) -> None:
        summary = summary_line(totals, self.command)
        if summary is not None:
            self.out.write(summary + "\n")
