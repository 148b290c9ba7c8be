"""Acceptances written in a plan: `# ntm: bo-qua CODES` (a line), `# ntm: bo-qua-tep CODES` (the file).

PyYAML drops comments, so they are read from the decoded text, line by line:
a `#` that starts a line or follows a space, then `ntm:`. A comment at the end
of a line covers that line; alone on its line, it covers the next line that
holds content (blank lines and other comments skipped). What follows a second
`#` is the writer's reason. The codes are checked against the registry here
(an unknown code is a warning, BQ002); whether each acceptance matched a finding
is decided after the rules ran (ntm.run.bo_qua).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import Cau, DeXuat, GiaTri

LENH_DONG = "bo-qua"
LENH_TEP = "bo-qua-tep"

_ANY = re.compile(r"#[ \t]*ntm[ \t]*:")
_COMMENT = re.compile(r"(?:^|(?<=\s))#\s*ntm\s*:(.*)$")
_CODE = re.compile(r"[A-Za-z]{1,6}\d{1,4}")  # loosely a code: "KH12" gets a suggestion (BQ002), not BQ004


class PhamVi(str, Enum):
    """What an acceptance covers: one line of a plan, a whole plan, or the plans an ntm.toml pattern matches."""

    DONG = "dong"
    TEP = "tep"
    KHO = "kho"


@dataclass(frozen=True)
class BoQua:
    """One acceptance as written: its codes, where it was written, and what it covers."""

    ma: tuple[str, ...]
    pham_vi: PhamVi
    tep: str  # the file it is written in (the plan, or ntm.toml)
    dong: int  # where it is written
    cot: int = 1
    dong_ap_dung: int | None = None  # DONG: the line of the plan it covers
    mau: str = ""  # KHO: the pattern, relative to ntm.toml's folder

    @property
    def noi_viet(self) -> str:
        """`file:line`, as a reader finds it."""
        return f"{self.tep}:{self.dong}"


def check_codes(
    words: list[str], file: str, line: int, column: int, path: tuple[str | int, ...] = (),
) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """The registered codes among `words` (upper-cased), and a warning (BQ002) for each other one."""
    from ntm.diagnostics.registry import CODES
    from ntm.diagnostics.suggest import suggest

    known: list[str] = []
    problems: list[Diagnostic] = []
    for word in words:
        code = word.upper()
        if code in CODES:
            if code not in known:
                known.append(code)
            continue
        problems.append(Diagnostic("BQ002", file, path, {
            "ma": GiaTri(word, 20), "de_xuat": DeXuat(suggest(code, CODES))}, line=line, column=column))
    return tuple(known), problems


def _content_lines(lines: list[str]) -> list[bool]:
    out = []
    for text in lines:
        stripped = text.strip()
        out.append(bool(stripped) and not stripped.startswith("#"))
    return out


def read_bo_qua(text: str, file: str) -> tuple[list[BoQua], list[Diagnostic]]:
    """The acceptances a plan's text writes, and warnings about those that cannot be read."""
    if _ANY.search(text) is None:  # almost every plan: nothing to scan line by line
        return [], []
    lines = text.splitlines()
    content: list[bool] | None = None
    found: list[BoQua] = []
    problems: list[Diagnostic] = []
    for number, line in enumerate(lines, start=1):
        if "#" not in line:
            continue
        match = _COMMENT.search(line)
        if match is None:
            continue
        column = match.start() + 1
        body = match.group(1).split("#", 1)[0].strip()  # after a second '#': the reason
        command, _, rest = body.partition(" ")
        command = command.strip().lower()
        if command not in (LENH_DONG, LENH_TEP):
            from ntm.diagnostics.suggest import suggest

            problems.append(Diagnostic("BQ004", file, (), {
                "lenh": GiaTri(command or body, 30), "cach_viet": Cau("bo_qua.cach_viet"),
                "de_xuat": DeXuat(suggest(command, (LENH_DONG, LENH_TEP))), "bien_the": "lenh"},
                line=number, column=column))
            continue
        words = [w.strip() for w in rest.split(",")]
        if not rest.strip() or not all(_CODE.fullmatch(w) for w in words):
            problems.append(Diagnostic("BQ004", file, (), {
                "gia_tri": GiaTri("# ntm:" + match.group(1).split("#", 1)[0].rstrip(), 60),
                "cach_viet": Cau("bo_qua.cach_viet")}, line=number, column=column))
            continue
        codes, unknown = check_codes(words, file, number, column)
        problems.extend(unknown)
        if not codes:
            continue
        if command == LENH_TEP:
            found.append(BoQua(codes, PhamVi.TEP, file, number, column))
            continue
        covers: int | None = number
        if not line[: match.start()].strip():  # alone on its line: the next line with content
            if content is None:
                content = _content_lines(lines)
            covers = next((i + 1 for i in range(number, len(lines)) if content[i]), None)
        found.append(BoQua(codes, PhamVi.DONG, file, number, column, covers))
    return found, problems
