"""pydantic's validation errors -> diagnostics by code, with the YAML path each is about.

pydantic's `loc` may hold segments that are not in the data (union members,
validator names); only the real keys and indexes are kept, so the path
names what the user wrote and the source map can place it. An unknown key
gets the closest valid key as a suggestion; a misspelt required key is one
slip, reported once.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from ntm.diagnostics import Diagnostic, YamlPath
from ntm.diagnostics.params import Cau, GiaTri
from ntm.diagnostics.suggest import de_xuat, suggest

# Past this many problems a file is not a plan with slips but something else
# (generated, or the wrong file); listing them all would only cost time.
MAX_DIAGNOSTICS = 100

# pydantic error types whose message is "what was expected" (CAU "can.<type>").
_EXPECTED = frozenset(
    {
        "string_type", "int_type", "int_parsing", "int_from_float", "float_type", "float_parsing", "bool_type",
        "bool_parsing", "list_type", "tuple_type", "dict_type", "model_type", "model_attributes_type",
        "date_type", "date_parsing", "string_too_short", "decimal_type", "decimal_parsing", "finite_number",
    }
)
_EMPTY_MEANS_MISSING = frozenset(
    {"string_type", "list_type", "dict_type", "model_type", "int_type", "float_type", "decimal_type"}
)


def resolved_fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """The fields of `model` with every annotation resolved.

    The models are built when first used (defer_build, for start-up time), so a recursive one
    (a table column holding columns) keeps a forward reference in its own fields until it is
    built on its own; this builds it then, on the error path only.
    """
    if not getattr(model, "__pydantic_fields_complete__", True):
        model.model_rebuild()
    return model.model_fields


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated/Optional to the type that holds the next path segment."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        else:
            return annotation


def model_at(root: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that owns the mapping at `loc`, following the schema, not the data."""
    current: Any = root
    for segment in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = resolved_fields(current)
            if not isinstance(segment, str) or segment not in fields:
                return None
            current = fields[segment].annotation
        elif origin in (list, tuple):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _enum_at(root: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    if not loc:
        return []
    owner = model_at(root, loc[:-1])
    fields = resolved_fields(owner) if owner is not None else {}
    if not isinstance(loc[-1], str) or loc[-1] not in fields:
        return []
    annotation = _unwrap(fields[loc[-1]].annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(m.value) for m in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return []


def _tuple_length(root: type[BaseModel], loc: Sequence[str | int]) -> int | None:
    """How many items the fixed-length list at `loc` holds (`giai_doan: [2021, 2025]`: 2)."""
    owner = model_at(root, loc[:-1]) if loc else None
    fields = resolved_fields(owner) if owner is not None else {}
    if not loc or not isinstance(loc[-1], str) or loc[-1] not in fields:
        return None
    items = typing.get_args(_unwrap(fields[loc[-1]].annotation))
    return None if not items or Ellipsis in items else len(items)


def clean_loc(loc: Sequence[str | int], data: Any) -> YamlPath:
    """Keep only segments that exist in the data (drop union members, validator tags)."""
    path: list[str | int] = []
    current = data
    for segment in loc:
        if isinstance(current, dict) and segment in current:  # noqa: SIM114 - separate for the type checker
            path.append(segment)
            current = current[segment]
        elif isinstance(current, list) and isinstance(segment, int) and 0 <= segment < len(current):
            path.append(segment)
            current = current[segment]
    return tuple(path)


def _diagnostic(error: Any, root: type[BaseModel], data: Any, noun: str, file: str) -> Diagnostic:
    kind: str = error["type"]
    loc: tuple[str | int, ...] = tuple(error["loc"])
    found = GiaTri(error.get("input"))
    ctx = error.get("ctx") or {}
    path = clean_loc(loc, data)

    def make(code: str, **params: Any) -> Diagnostic:
        return Diagnostic(code, file, path, params, at_key=kind == "extra_forbidden")

    if kind == "missing" and isinstance(loc[-1], int):  # a position of a fixed-length list: too few items
        return make("SCH006", so_muc=str(_tuple_length(root, loc[:-1]) or loc[-1] + 1), tim_thay=found)
    if kind == "missing":
        return make("SCH001", khoa=str(loc[-1]))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        owner = model_at(root, loc[:-1])
        choices = list(owner.model_fields) if owner else []
        loai_tep = Cau(f"loai_tep.{noun}")
        if choices and suggest(key, choices) is None:
            return make("SCH002", khoa=GiaTri(key, 80, khoa=True), loai_tep=loai_tep, cac_khoa=", ".join(choices), bien_the="liet_ke")
        return make("SCH002", khoa=GiaTri(key, 80, khoa=True), loai_tep=loai_tep, de_xuat=de_xuat(key, choices))
    if kind == "ntm":  # raised by ntm's own value types, with the reason as a phrase
        return make(ctx.get("ma", "SCH003"), ly_do=ctx["ly_do"])
    if kind in ("enum", "literal_error"):
        allowed = _enum_at(root, loc) or [str(ctx.get("expected", ""))]
        return make(
            "SCH004", cho_phep=", ".join(allowed), tim_thay=found, de_xuat=de_xuat(str(found.value), allowed)
        )
    if kind in ("greater_than_equal", "greater_than"):
        return make("SCH005", nguong=str(ctx.get("ge", ctx.get("gt"))), tim_thay=found)
    if kind in ("less_than_equal", "less_than"):
        return make("SCH005", nguong=str(ctx.get("le", ctx.get("lt"))), tim_thay=found, bien_the="toi_da")
    if kind in ("too_short", "too_long"):
        return make("SCH006", so_muc=str(ctx.get("min_length", ctx.get("max_length"))), tim_thay=found)
    if kind in _EXPECTED:
        if found.value is None and kind in _EMPTY_MEANS_MISSING:
            return make("SCH007", can=Cau(f"can.{kind}"))
        return make("SCH003", can=Cau(f"can.{kind}"), tim_thay=found, bien_the="kieu")
    return make("SCH099", chi_tiet=str(error["msg"]), tim_thay=found)


def more_diagnostic(file: str, code: str, count: int) -> Diagnostic:
    """The line that counts what was left unlisted past MAX_DIAGNOSTICS."""
    return Diagnostic(code, file, params={"con_lai": count, "toi_da": MAX_DIAGNOSTICS}, co_vi_tri=False)


def pydantic_diagnostics(exc: ValidationError, root: type[BaseModel], data: Any, noun: str, file: str) -> list[Diagnostic]:
    """`noun`: "ke_hoach" or "bo_tieu_chi", the kind of file the format is of."""
    out: list[Diagnostic] = []
    seen: set[tuple[YamlPath, str, str]] = set()
    everything = exc.errors(include_url=False)
    errors = everything[:MAX_DIAGNOSTICS]
    # A misspelt required key is one slip, not two: the unknown key's message already
    # suggests the right name, so the "missing" error for that name is dropped.
    misspelt: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            owner = model_at(root, error["loc"][:-1])
            best = suggest(str(error["loc"][-1]), owner.model_fields) if owner else None
            if best is not None:
                misspelt.add((*error["loc"][:-1], best))
    for error in errors:
        if error["type"] == "missing" and tuple(error["loc"]) in misspelt:
            continue
        diagnostic = _diagnostic(error, root, data, noun, file)
        key = (diagnostic.path, diagnostic.code, repr(sorted(diagnostic.params.items())))
        if key in seen:  # a union reports the same slip once per member
            continue
        seen.add(key)
        out.append(diagnostic)
    if len(everything) > len(errors):
        out.append(more_diagnostic(file, "SCH000", len(everything) - len(errors)))
    return out
