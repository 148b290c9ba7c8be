"""GitLab Code Quality (a JSON array of issues): the merge request shows which findings it
brings and which it resolves, matched by fingerprint, so the fingerprint depends on what a
finding is (rule, file, YAML path or criterion), never on its line or its wording."""

from __future__ import annotations

import json
from typing import Any

from ntm.diagnostics import MucDo
from ntm.present.kiem_tra import Rendered, StreamReporter, Totals, rendered
from ntm.present.kiem_tra.ci import findings, fingerprints, repo_path
from ntm.present.output import Ra
from ntm.present.view import KiemTra

# Code Quality's severities: info, minor, major, critical, blocker.
SEVERITY = {MucDo.LOI: "major", MucDo.CANH_BAO: "minor", None: "info"}


def issues(v: KiemTra) -> list[dict[str, Any]]:
    path = repo_path(v.tep).path
    found = findings(v)
    return [
        {
            "type": "issue",
            "check_name": f.rule,
            "description": f.message,
            "categories": ["Bug Risk"] if f.level is MucDo.LOI else ["Clarity"],  # Code Climate's
            "severity": SEVERITY[f.level],
            "fingerprint": print_,
            "location": {"path": path, "lines": {"begin": f.line or 1}},
        }
        for f, print_ in zip(found, fingerprints(path, found), strict=True)
    ]


class GitlabReporter(StreamReporter):
    def __init__(self, out: Ra, command: str, show_all: bool = False, color: bool = False) -> None:
        super().__init__(out, command)
        self.pieces: list[str] = []

    def render(self, v: KiemTra) -> Rendered:
        return rendered(v, ",\n".join(json.dumps(i, ensure_ascii=False) for i in issues(v)))

    def emit(self, r: Rendered) -> None:
        if r.text:
            self.pieces.append(r.text)

    def finish(self, totals: Totals) -> None:
        self.out.write("[\n" + ",\n".join(self.pieces) + "\n]\n" if self.pieces else "[]\n")
