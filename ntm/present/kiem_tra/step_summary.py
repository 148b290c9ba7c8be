"""The GitHub job summary (Markdown appended to the file GITHUB_STEP_SUMMARY names), written by
`--format github`: a table of every plan's verdict counts, then each plan's unmet criteria with
their gaps (and, with --so-voi, what changed).

Each worker writes its plan's row and section; the parent adds the heading and the totals
and appends the whole in one write at the end. GitHub shows at most 1 MiB of a step's
summary: past a budget, plans are counted, not listed.
"""

from __future__ import annotations

import os
from pathlib import Path

from ntm.diagnostics.params import Cau, LyDoHeThong
from ntm.present.kiem_tra import Totals, summary_line
from ntm.present.output import OutputError
from ntm.present.view import KiemTra

ENV = "GITHUB_STEP_SUMMARY"
BUDGET = 900_000  # bytes of UTF-8, under GitHub's 1 MiB per step
_ESCAPES = {"\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]", "#": "\\#",
            "&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " "}


def md(text: str) -> str:
    """Plan text as Markdown text: never markup, never HTML, never a broken table cell."""
    return "".join(_ESCAPES.get(ch, ch) for ch in text)


def plan_row(v: KiemTra) -> str:
    verdict = "hợp lệ" if v.hop_le else "**có lỗi**"
    cells = [md(v.tep), verdict, str(v.loi), str(v.canh_bao)]
    if v.lenh == "check":
        t = v.danh_gia.tong_hop.so if v.danh_gia is not None else None
        cells += [str(t.dat), str(t.chua_dat), str(t.chua_co_du_lieu), str(t.tong_so)] if t else ["–"] * 4
    return "| " + " | ".join(cells) + " |"


def plan_section(v: KiemTra, extra: str = "") -> str:
    """The plan's unmet criteria, each with its indicators' figures, requirements and gaps; and
    `extra` (what changed since a revision). Empty when there is nothing to say."""
    lines: list[str] = []
    if v.danh_gia is not None:
        for tc in v.danh_gia.tieu_chi:
            if not tc.la_chua_dat:
                continue
            lines.append(f"- **{md(tc.so)}. {md(tc.ten)}**" + ("" if tc.chua_dat else ": tự đánh giá chưa đạt"))
            lines.extend(f"  - {md(c.so)} {md(c.ten)}: {md(c.mo_ta)} (nguồn: {md(c.nguon)})" for c in tc.chua_dat)
    if not lines and not extra:
        return ""
    head = f"### {md(v.tep)}\n\n"
    if lines and v.danh_gia is not None:
        head += f"{md(v.danh_gia.tong_hop.cau_tom_tat)}\n\nTiêu chí chưa đạt:\n\n"
    return head + "\n".join(lines) + ("\n" if lines else "") + ("\n" + extra if extra else "")


def document(command: str, totals: Totals, rows: list[str], sections: list[str]) -> str:
    columns = ["Kế hoạch", "Kết quả", "Lỗi", "Cảnh báo"]
    if command == "check":
        columns += ["Đạt", "Chưa đạt", "Chưa đánh giá được", "Tổng số tiêu chí"]
    out = [f"## ntm {command}", "", summary_line(totals, command) or "", ""]
    used = sum(len(s.encode()) for s in out)
    listed = 0
    table = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        used += len(row.encode()) + 1
        if used > BUDGET // 2:
            break
        table.append(row)
        listed += 1
    if rows:
        out += table
        if listed < len(rows):
            out.append(f"\n… và {len(rows) - listed} kế hoạch khác (tóm tắt của GitHub có giới hạn 1 MiB).")
        out.append("")
    shown = 0
    for section in sections:
        used += len(section.encode()) + 1
        if used > BUDGET:
            break
        out.append(section)
        shown += 1
    if shown < len(sections):
        out.append(f"… và {len(sections) - shown} kế hoạch khác chưa được liệt kê.\n")
    return "\n".join(out) + "\n"


def append(text: str) -> None:
    """Append to the file GITHUB_STEP_SUMMARY names, in one write; nothing when it names none."""
    target = os.environ.get(ENV)
    if not target:
        return
    try:
        with Path(target).open("a", encoding="utf-8") as f:
            f.write(text)
    except OSError as exc:
        import errno

        reason = LyDoHeThong(errno.errorcode.get(exc.errno, "") if exc.errno else "", exc.strerror or str(exc))
        raise OutputError(Cau("ci.tom_tat", {"tep": target, "ly_do": reason})) from exc
