"""A plans repository's `ntm.toml`: what it accepts ([bo-qua]) and the severities it changes ([muc-do]).

    [bo-qua]                                # pattern (from ntm.toml's folder) -> codes accepted there
    "plans/2022/*.yaml" = ["KH010"]
    [muc-do]                                # a warning's code -> "loi" (an error) or "tat" (off)
    KH012 = "loi"

It is found by walking up from a plan's folder to its repository's root (the
folder holding `.git`), or named by `--cau-hinh`. It is read once per run
(cached per process); what cannot be read is an error (BQ010-BQ014) at
`ntm.toml:line`, and the plans are still checked with what could be read.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import DeXuat, GiaTri
from ntm.load.bo_qua import BoQua, PhamVi, check_codes
from ntm.load.read import read_file

TEN_TEP = "ntm.toml"
BANG_BO_QUA = "bo-qua"
BANG_MUC_DO = "muc-do"
MUC_DO = ("loi", "tat")  # [muc-do] values: make the warning an error, or turn it off


def _no_levels() -> Mapping[str, tuple[str, int]]:
    return {}


@dataclass(frozen=True, eq=False)  # one object per file (load_config caches it): compared by identity
class Config:
    """One ntm.toml, read."""

    tep: str  # as shown in messages
    thu_muc: Path  # its folder, resolved: patterns are relative to it
    bo_qua: tuple[BoQua, ...] = ()
    muc_do: Mapping[str, tuple[str, int]] = field(default_factory=_no_levels)  # code -> (loi|tat, line)
    diagnostics: tuple[Diagnostic, ...] = ()

    def matches(self, pattern: str, path: Path) -> bool:
        try:
            rel = real(path).relative_to(self.thu_muc)
        except ValueError:
            return False
        return glob_regex(pattern).fullmatch(rel.as_posix()) is not None


def real(path: Path) -> Path:
    """The path with links followed, never raising (a loop of links stays as far as it got)."""
    return Path(os.path.realpath(path))


@functools.lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path pattern as a regex: `*` and `?` within one folder's name, `**` across folders."""
    out = []
    parts = pattern.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]*/)*")
            continue
        piece = ""
        j = 0
        while j < len(part):
            c = part[j]
            if c == "*":
                piece += "[^/]*"
            elif c == "?":
                piece += "[^/]"
            elif c == "[" and "]" in part[j + 1 :]:
                end = part.index("]", j + 1)
                inner = part[j + 1 : end].replace("\\", "\\\\")
                piece += "[" + ("^" + inner[1:] if inner.startswith("!") else inner) + "]"
                j = end
            else:
                piece += re.escape(c)
            j += 1
        out.append(piece + ("" if last else "/"))
    return re.compile("".join(out))


def outside(pattern: str) -> bool:
    """A pattern that could name a file outside ntm.toml's folder: absolute, or going up."""
    return pattern.startswith(("/", "\\")) or bool(re.match(r"[A-Za-z]:", pattern)) or ".." in PurePosixPath(
        pattern.replace("\\", "/")).parts


# By the folder as given, made absolute: a batch asks for every plan, and resolving each
# folder again cost more than the search it saves (benchmarks/README.md).
_ROOT_CONFIGS: dict[tuple[str, Path], Path | None] = {}


def find_config(folder: Path, root: Path) -> Path | None:
    """The nearest ntm.toml from `folder` up to `root` (the repository's folder), or None."""
    key = (os.path.abspath(folder), root)
    if key in _ROOT_CONFIGS:
        return _ROOT_CONFIGS[key]
    folder = real(folder)
    found = None
    for candidate in (folder, *folder.parents):
        if (candidate / TEN_TEP).is_file():
            found = candidate / TEN_TEP
            break
        if candidate == root or root not in candidate.parents:
            break
    _ROOT_CONFIGS[key] = found
    return found


def shown(path: Path) -> str:
    """ntm.toml as messages name it: relative to the working folder when it is below it."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:  # elsewhere: named in full, never as ../../…
        return str(absolute)


_HEADER = re.compile(r"\s*\[\s*(\"[^\"]*\"|'[^']*'|[^\]\s]+)\s*\]")
_KEY = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_-]+)\s*=")


def _line_of(lines: list[str], table: str | None, key: str | None) -> int:
    """The line of `key` in `[table]` (or of the table's header), as near as the text tells."""
    current: str | None = None
    header = 1
    for number, text in enumerate(lines, start=1):
        head = _HEADER.match(text)
        if head is not None and not text.lstrip().startswith("[["):
            current = head.group(1).strip("\"'")
            if current == table and key is None:
                return number
            if current == table:
                header = number
            continue
        found = _KEY.match(text)
        if found is not None and current == table and key is not None and found.group(1).strip("\"'") == key:
            return number
        if found is not None and table is None and current is None and found.group(1).strip("\"'") == key:
            return number
    return header


# tomllib's messages are English: the common ones said in Vietnamese, the rest as "cú pháp sai".
_TOML_REASONS = (
    ("Unclosed array", "mảng chưa đóng bằng ']'"),
    ("Unclosed inline table", "bảng chưa đóng bằng '}'"),
    ("Unterminated string", "chuỗi chưa đóng dấu nháy"),
    ("Cannot overwrite a value", "một khóa được viết hai lần"),
    ("Cannot declare", "một bảng được viết hai lần"),
    ("Expected '=' after a key", "thiếu dấu '=' sau khóa"),
    ("Expected ']' at the end of a table", "thiếu ']' cuối tên bảng"),
    ("Expected newline", "thừa nội dung sau giá trị (mỗi khóa một dòng)"),
    ("Invalid value", "giá trị không đọc được (chuỗi cần dấu nháy: \"KH010\")"),
    ("Invalid initial character", "khóa không đọc được (khóa có '/', '*' cần dấu nháy: \"plans/*.yaml\")"),
)


def _syntax(exc: Exception, text: str, file: str) -> Diagnostic:
    detail = str(exc)
    place = re.search(r"at line (\d+), column (\d+)", detail)
    if place is not None:
        line, column = int(place.group(1)), int(place.group(2))
    else:  # "at end of document"
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    reason = next((vi for en, vi in _TOML_REASONS if detail.startswith(en)), "cú pháp sai")
    return Diagnostic("BQ010", file, (), {"chi_tiet": reason}, line=line, column=column)


def load_config(path: Path) -> Config:
    """ntm.toml at `path`, read once per process while it stays the same file (a batch reads it once)."""
    try:
        info = os.stat(path)
        stamp: tuple[int, int] = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (0, -1)  # read_file says why
    return _load(path, stamp)


@functools.lru_cache(maxsize=64)
def _load(path: Path, stamp: tuple[int, int]) -> Config:
    file = shown(path)
    folder = real(path).parent
    raw, problem = read_file(path, file, "cau_hinh")
    if raw is None:
        assert problem is not None
        return Config(file, folder, diagnostics=(problem,))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Config(file, folder, diagnostics=(Diagnostic("BQ010", file, (), {"bien_the": "ma_hoa"}, co_vi_tri=False),))
    # Imported here: only a repository with an ntm.toml reads one (~2 ms of every other run).
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(file, folder, diagnostics=(_syntax(exc, text, file),))
    return _read(data, text.splitlines(), file, folder)


def _read(data: dict[str, Any], lines: list[str], file: str, folder: Path) -> Config:
    from ntm.diagnostics.suggest import suggest

    problems: list[Diagnostic] = []

    def at(code: str, table: str | None, key: str | None, **params: object) -> None:
        problems.append(Diagnostic(code, file, (), params, line=_line_of(lines, table, key), column=1))

    accepted: list[BoQua] = []
    levels: dict[str, tuple[str, int]] = {}
    # [muc-do] first: what it makes an error cannot be accepted in [bo-qua]
    for name, value in sorted(data.items(), key=lambda item: item[0] != BANG_MUC_DO):
        if name not in (BANG_BO_QUA, BANG_MUC_DO):
            table, key = (name, None) if isinstance(value, dict) else (None, name)  # [name], or name = …
            at("BQ011", table, key, khoa=GiaTri(name, 40, khoa=True),
               de_xuat=DeXuat(suggest(name, (BANG_BO_QUA, BANG_MUC_DO))))
            if name in ("bo_qua", "muc_do", "boqua", "mucdo"):  # read as meant, after saying so
                name = name.replace("_", "-") if "_" in name else name[:2] + "-" + name[2:]
            else:
                continue
        if not isinstance(value, dict):
            at("BQ014", None, name, cho=f"[{name}]", can="một bảng", gia_tri=GiaTri(value, 40))
            continue
        if name == BANG_BO_QUA:
            accepted.extend(_bo_qua(value, lines, file, at, problems, levels))
        else:
            levels.update(_muc_do(value, lines, file, at, problems))
    return Config(file, folder, tuple(accepted), levels, tuple(problems))


def _is_error(code: str, levels: Mapping[str, tuple[str, int]]) -> bool:
    from ntm.diagnostics import MucDo
    from ntm.diagnostics.registry import CODES

    return CODES[code].muc_do is MucDo.LOI or levels.get(code, ("",))[0] == "loi"


def _bo_qua(table: dict[str, Any], lines: list[str], file: str, at: Any, problems: list[Diagnostic],
            levels: Mapping[str, tuple[str, int]]) -> list[BoQua]:
    out = []
    for pattern, codes in table.items():
        line = _line_of(lines, BANG_BO_QUA, pattern)
        if outside(pattern):
            at("BQ013", BANG_BO_QUA, pattern, mau=GiaTri(pattern, 80))
            continue
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            at("BQ014", BANG_BO_QUA, pattern, cho=f"[bo-qua] \"{pattern}\"",
               can="một danh sách mã, ví dụ [\"KH010\", \"KH012\"]", gia_tri=GiaTri(codes, 40))
            continue
        known, unknown = check_codes(codes, file, line, 1)
        problems.extend(unknown)
        for code in known:
            if _is_error(code, levels):
                raised = " ở kho này ([muc-do])" if code in levels else ""
                at("BQ003", BANG_BO_QUA, pattern, ma=code, o_day=raised)
        known = tuple(c for c in known if not _is_error(c, levels))
        if known:
            out.append(BoQua(known, PhamVi.KHO, file, line, 1, mau=pattern))
    return out


def _muc_do(table: dict[str, Any], lines: list[str], file: str, at: Any,
            problems: list[Diagnostic]) -> dict[str, tuple[str, int]]:
    from ntm.diagnostics.suggest import suggest

    out = {}
    for code, level in table.items():
        line = _line_of(lines, BANG_MUC_DO, code)
        if not isinstance(level, str):
            at("BQ014", BANG_MUC_DO, code, cho=f"[muc-do] {code}", can="\"loi\" hoặc \"tat\"",
               gia_tri=GiaTri(level, 40))
            continue
        if level not in MUC_DO:
            at("BQ012", BANG_MUC_DO, code, ma=GiaTri(code, 20), gia_tri=GiaTri(level, 20),
               de_xuat=DeXuat(suggest(level, MUC_DO)))
            continue
        known, unknown = check_codes([code], file, line, 1)
        problems.extend(unknown)
        if known and _is_error(known[0], {}):
            at("BQ003", BANG_MUC_DO, code, ma=known[0], o_day="")
        elif known:
            out[known[0]] = (level, line)
    return out
