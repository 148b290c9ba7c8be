"""Diagnostics: the one shape every stage uses to report a problem.

A diagnostic is a code from the registry (ntm.diagnostics.registry, which
holds its severity and its Vietnamese message template), the file, the YAML
path it is about and the parameters of its message. Stages report paths; the
line and column are filled in once, by ntm.run, from the loader's source
map. The sentence itself is built only when presented (ntm.present.messages).

The parameters are checked when the diagnostic is made: exactly the fields of
the template (of the variant `bien_the` picks), or ParamsError at the call
site, not a KeyError when the message is written, nor a value silently
dropped. benchmarks/README.md has what the check costs a batch (nothing
measurable), so it always runs.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
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


class ParamsError(TypeError):
    """A diagnostic's or a phrase's params do not fit its message template: a bug at the call site."""


def template_fields(template: str) -> frozenset[str]:
    """The fields a `str.format` template names."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)


# (code, variant) -> the keys its params must have: the template's fields, and `bien_the` for a
# variant. Filled as codes are first given (a valid plan gives none); a dict's keys are compared
# with it in C, no set is made.
_KEYS: dict[tuple[str, str | None], frozenset[str]] = {}


def _keys_of(code: str, variant: str | None) -> frozenset[str]:
    from ntm.diagnostics.registry import CODES  # the registry's tables import this module

    ma = CODES.get(code)
    if ma is None:
        raise ParamsError(f"{code} is not a registered diagnostic code")
    if variant is not None and variant not in ma.bien_the:
        raise ParamsError(f"{code} has no variant {variant!r} (it has: {', '.join(ma.bien_the) or 'none'})")
    fields = template_fields(ma.template(variant))
    found = _KEYS[(code, variant)] = fields | {"bien_the"} if variant is not None else fields
    return found


def check_params(code: str, params: Mapping[str, Any]) -> None:
    """`params` are exactly the fields of the code's template (of its variant), or ParamsError."""
    variant = params.get("bien_the")
    keys = _KEYS.get((code, variant))
    if keys is None:
        keys = _keys_of(code, variant)
    if params.keys() != keys:
        given = set(params)
        raise ParamsError(
            f"{code}{f' (variant {variant})' if variant else ''}: params do not fit the template: "
            f"missing {sorted(keys - given)}, unexpected {sorted(given - keys)}"
        )


@dataclass(frozen=True)
class Diagnostic:
    """A problem, by code.

    `at_key`: the position wanted is the key's, not its value's; `co_vi_tri`
    false: the problem is about the file as a whole (no line to point at).
    """

    code: str
    file: str
    path: YamlPath = ()
    params: Mapping[str, Any] = field(default_factory=_no_params)
    line: int | None = None
    column: int | None = None
    at_key: bool = False
    co_vi_tri: bool = True

    def __post_init__(self) -> None:
        check_params(self.code, self.params)

    @property
    def level(self) -> MucDo:
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
