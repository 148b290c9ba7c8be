"""SARIF 2.1.0 for code scanning (GitHub): one log, one run, the registry's codes as rules.

Each worker turns its file into SARIF results (JSON text); the parent joins them into
the log at the end, with `tool.driver.rules`: every registry code, then the rule of an
unmet criterion. A result's location is its file relative to the repository, and its
line and column; a finding about a whole file points at line 1. docs/ci.md shows the
upload; tests/acceptance validate the log against the official schema.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any
from urllib.parse import quote

from ntm.diagnostics import MucDo
from ntm.diagnostics.registry import CODES
from ntm.present.kiem_tra import Rendered, StreamReporter, Totals, rendered
from ntm.present.kiem_tra.ci import CHUA_DAT, findings, fingerprints, repo_path
from ntm.present.output import Ra
from ntm.present.view import KiemTra

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
CODES_DOC = "docs/codes.md"
CI_DOC = "docs/ci.md"
FINGERPRINT = "ntm/v1"  # partialFingerprints key: what the finding is, not where it stands
SRCROOT = "%SRCROOT%"

_LEVEL = {MucDo.LOI: "error", MucDo.CANH_BAO: "warning", None: "note"}


def rule_name(text: str, words: int = 8) -> str:
    """`Mục tiêu phấn đấu của kế hoạch thấp hơn mức yêu cầu.` -> `muc-tieu-phan-dau-cua-ke-hoach-thap-hon`:
    the rule's meaning as an identifier, Vietnamese without diacritics like the rest of ntm's names."""
    plain = unicodedata.normalize("NFD", re.sub(r"\([^)]*\)", "", text).replace("đ", "d").replace("Đ", "D"))
    plain = re.split(r"[:;.]", "".join(ch for ch in plain if not unicodedata.combining(ch)).lower())[0]
    kept = [w for w in "".join(ch if ch.isalnum() else " " for ch in plain).split() if w.isascii()]
    return "-".join(kept[:words])


def rules() -> list[dict[str, Any]]:
    out = []
    for code, ma in CODES.items():
        anchor = f"{CODES_DOC}#{code.lower()}"
        out.append({
            "id": code,
            "name": rule_name(ma.mo_ta),
            "shortDescription": {"text": ma.mo_ta},
            "fullDescription": {"text": f"{ma.mo_ta} Thông điệp: {ma.mau}"},
            "help": {
                "text": f"{ma.mo_ta}\nThông điệp: {ma.mau}\nVí dụ:\n{ma.vi_du}\nXem {anchor}",
                "markdown": f"{ma.mo_ta}\n\nThông điệp: `{ma.mau}`\n\nXem [{anchor}]({anchor}).",
            },
            "defaultConfiguration": {"level": _LEVEL[ma.muc_do]},
            "properties": {"tai_lieu": anchor, "tags": [code.rstrip("0123456789")]},
        })
    anchor = f"{CI_DOC}#tiêu-chí-chưa-đạt-trong-sarif-và-gitlab"
    out.append({
        "id": CHUA_DAT,
        "name": "tieu-chi-chua-dat",
        "shortDescription": {"text": "Tiêu chí chưa đạt theo số liệu hoặc tự đánh giá của kế hoạch."},
        "fullDescription": {"text": "Kế hoạch hợp lệ; tiêu chí này chưa đạt: số liệu, mức yêu cầu, chênh lệch và nguồn."},
        "help": {
            "text": "Tiêu chí chưa đạt không phải lỗi của tệp: kế hoạch đặt nhiệm vụ, giải pháp để đạt. "
                    f"Xem {anchor}",
            "markdown": "Tiêu chí chưa đạt không phải lỗi của tệp: kế hoạch đặt nhiệm vụ, giải pháp để đạt. "
                        f"Xem [{CI_DOC}]({anchor}).",
        },
        "defaultConfiguration": {"level": "note"},
        "properties": {"tai_lieu": anchor, "tags": ["tieu-chi"]},
    })
    return out


RULE_INDEX = {code: i for i, code in enumerate([*CODES, CHUA_DAT])}


def results(v: KiemTra) -> list[dict[str, Any]]:
    where = repo_path(v.tep)
    found = findings(v)
    artifact: dict[str, Any] = {"uri": quote(where.path, safe="/")}
    if where.root is not None:
        artifact["uriBaseId"] = SRCROOT
    out = []
    for f, print_ in zip(found, fingerprints(where.path, found), strict=True):
        region: dict[str, int] = {"startLine": f.line or 1}
        if f.line is not None and f.column is not None:
            region["startColumn"] = f.column
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": RULE_INDEX[f.rule],
            "level": _LEVEL[f.level],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
            "partialFingerprints": {FINGERPRINT: print_},
        }
        if f.key:
            result["properties"] = {"duong_dan": f.key}
        out.append(result)
    return out


def tool_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ntm")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0"


def sarif_log(results_json: list[str], roots: set[str]) -> str:
    """The whole log, with the results already written as JSON (by the workers)."""
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "ntm", "version": tool_version(), "rules": rules()}},
        "columnKind": "unicodeCodePoints",
        "results": [],
    }
    if len(roots) == 1:
        run["originalUriBaseIds"] = {SRCROOT: {"uri": next(iter(roots))}}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    text = json.dumps(log, ensure_ascii=False, indent=1)
    return text.replace('"results": []', '"results": [\n' + ",\n".join(results_json) + "\n]", 1) + "\n"


class SarifReporter(StreamReporter):
    def __init__(self, out: Ra, command: str, show_all: bool = False, color: bool = False) -> None:
        super().__init__(out, command)
        self.results: list[str] = []
        self.roots: set[str] = set()

    def render(self, v: KiemTra) -> Rendered:
        where = repo_path(v.tep)
        root = where.root.as_uri() + "/" if where.root is not None else ""
        text = ",\n".join(json.dumps(r, ensure_ascii=False) for r in results(v))
        return rendered(v, text, extra=(root, ""))

    def emit(self, r: Rendered) -> None:
        if r.text:
            self.results.append(r.text)
        if r.extra[0]:
            self.roots.add(r.extra[0])

    def finish(self, totals: Totals) -> None:
        self.out.write(sarif_log(self.results, self.roots))
