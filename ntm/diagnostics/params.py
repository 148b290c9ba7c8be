"""Typed message parameters: what a diagnostic says, not yet how it is written.

Stages put these in `Diagnostic.params`; ntm.present.messages writes each
kind its own way (a user's value as a short quoted excerpt, a number the
Vietnamese way, a requirement as "≥ 75%"). Plain `str` and `int` params are
written as they are, with control characters escaped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ntm.diagnostics import ParamsError, template_fields


@dataclass(frozen=True)
class GiaTri:
    """A value the user wrote: quoted and shortened ('…'), or "giá trị trống", "một danh sách 3 mục"."""

    value: object
    limit: int = 40
    khoa: bool = False  # a key: non-ASCII, non-Latin characters shown as escapes (look-alikes, zero-width)


@dataclass(frozen=True)
class So:
    """A number to be written the Vietnamese way (52,77; 1.234.567), with its unit if any."""

    value: Decimal | int | float
    don_vi: str | None = None


@dataclass(frozen=True)
class Muc:
    """A requirement: comparison ("toi_thieu" ≥, "toi_da" ≤) and level with its unit."""

    loai: str
    value: Decimal | int | float
    don_vi: str | None = None


@dataclass(frozen=True)
class LyDoHeThong:
    """Why the operating system refused: the errno's name ("ELOOP"), written from the registry's
    table of reasons, and the system's own text for an errno that table lacks."""

    ma: str
    text: str


@dataclass(frozen=True)
class GoiY:
    """A hint from the registry's table of hints (GOI_Y), by key; "" for none."""

    key: str


def _no_params() -> Mapping[str, Any]:
    return {}


# phrase key -> its fields, filled as phrases are first used
_FIELDS: dict[str, frozenset[str]] = {}


def _phrase_fields(key: str) -> frozenset[str]:
    from ntm.diagnostics.registry import CAU  # the registry's tables import this module's package

    if key not in CAU:
        raise ParamsError(f"{key!r} is not a registered phrase (CAU)")
    found = _FIELDS[key] = template_fields(CAU[key])
    return found


def check_phrase_params(key: str, params: Mapping[str, Any]) -> None:
    """`params` are exactly the fields of the phrase's template, or ParamsError."""
    fields = _FIELDS.get(key)
    if fields is None:
        fields = _phrase_fields(key)
    if params.keys() != fields:
        given = set(params)
        raise ParamsError(f"phrase {key}: params do not fit the template: missing {sorted(fields - given)}, "
                          f"unexpected {sorted(given - fields)}")


@dataclass(frozen=True)
class Cau:
    """A phrase of the registry (CAU), by key, with its own params: messages are built from phrases.
    The params are checked when it is made, as a Diagnostic's are."""

    key: str
    params: Mapping[str, Any] = field(default_factory=_no_params)

    def __post_init__(self) -> None:
        check_phrase_params(self.key, self.params)


@dataclass(frozen=True)
class DeXuat:
    """The closest valid name, if any: written " Có phải ý bạn là '…'?", or nothing."""

    value: str | None
