"""Diagnostics: the one shape every stage uses to report a problem.

A diagnostic names the file, the 1-based line and column (when the problem
has a place), the YAML path, a stable code and a Vietnamese message that
says what was expected and what was found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

YamlPath = tuple[str | int, ...]


class MucDo(str, Enum):
    """Severity. Errors make a plan invalid; warnings fail a run only with --strict."""

    LOI = "loi"
    CANH_BAO = "canh_bao"

    @property
    def nhan(self) -> str:
        return "lỗi" if self is MucDo.LOI else "cảnh báo"


# Line breaks and other control characters a plan may hold in a key or a value.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Control characters as escapes (`\\n`, `\\u0007`): a diagnostic must stay on one line."""
    return _INVISIBLE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text)


def format_path(path: YamlPath) -> str:
    """`('tieu_chi', 'lao_dong', 'hien_trang', 0)` -> `tieu_chi.lao_dong.hien_trang[0]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + visible(str(part))
    return out


@dataclass(frozen=True)
class Diagnostic:
    file: str
    line: int | None
    column: int | None
    code: str
    message: str
    path: YamlPath = ()
    level: MucDo = MucDo.LOI
    related: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        # Messages quote what the user wrote; a quoted line break would split the diagnostic.
        object.__setattr__(self, "message", visible(self.message))
        object.__setattr__(self, "file", visible(self.file))

    @property
    def path_text(self) -> str:
        return format_path(self.path)

    def location(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def one_line(self) -> str:
        """The parsable form: `file:line:col: mức độ [CODE] path: message`."""
        where = f" {self.path_text}:" if self.path else ""
        return f"{self.location()}: {self.level.nhan} [{self.code}]{where} {self.message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.level is MucDo.LOI for d in diagnostics)


def sorted_diagnostics(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def describe_value(value: object, limit: int = 40) -> str:
    """Show what the user wrote, briefly and in Vietnamese terms."""
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "một bảng khóa: giá trị"
    if isinstance(value, list):
        return f"một danh sách {len(value)} mục"
    text = visible(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
