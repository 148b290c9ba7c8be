"""Diagnostics: the one shape every stage uses to report a problem.

A diagnostic is a code from the registry (ntm.diagnostics.registry, which
holds its severity and its Vietnamese message template), the file, the YAML
path it is about and the parameters of its message. Stages report paths; the
line and column are filled in once, by ntm.run, from the loader's source
map. The sentence itself is built only when presented (ntm.present.messages).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from ntm.diagnostics.text import visible, visible_key

YamlPath = tuple[str | int, ...]


class MucDo(str, Enum):
    """Severity. Errors make a plan invalid; warnings fail a run only with --strict."""

    LOI = "loi"
    CANH_BAO = "canh_bao"

    @property
    def nhan(self) -> str:
        return "lỗi" if self is MucDo.LOI else "cảnh báo"


def format_path(path: YamlPath) -> str:
    """`('tieu_chi', 'lao_dong', 'hien_trang', 0)` -> `tieu_chi.lao_dong.hien_trang[0]`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + visible_key(str(part))
    return out


def _no_params() -> Mapping[str, Any]:
    return {}


@dataclass(frozen=True)
class Diagnostic:
    """A problem, by code.

    `at_key`: the position wanted is the key's, not its value's; `co_vi_tri`
    false: the problem is about the file as a whole (no line to point at);
    `muc_do`: set only where `[muc-do]` of ntm.toml made a warning an error.
    """

    code: str
    file: str
    path: YamlPath = ()
    params: Mapping[str, Any] = field(default_factory=_no_params)
    line: int | None = None
    column: int | None = None
    at_key: bool = False
    co_vi_tri: bool = True
    muc_do: MucDo | None = None  # the registry's severity, unless a repository's ntm.toml raised it

    @property
    def level(self) -> MucDo:
        if self.muc_do is not None:
            return self.muc_do
        from ntm.diagnostics.registry import CODES

        return CODES[self.code].muc_do

    @property
    def path_text(self) -> str:
        return format_path(self.path)

    def location(self) -> str:
        file = visible(self.file)
        if self.line is None:
            return file
        return f"{file}:{self.line}:{self.column or 1}"

    def at(self, line: int | None, column: int | None) -> Diagnostic:
        return replace(self, line=line, column=column)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.code)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.level is MucDo.LOI for d in diagnostics)


def sorted_diagnostics(diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)
