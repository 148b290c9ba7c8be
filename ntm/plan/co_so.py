"""What every part of the plan model shares: the base model and the paragraph type."""

# No `from __future__ import annotations` in the modules of pydantic models: pydantic would
# compile every field's annotation back from its string at each start-up (~3 ms of `ntm
# validate`, benchmarks/README.md). A class used before its definition is quoted.

from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    WithJsonSchema,
)

from ntm.plan.values import Doan

_DOAN_SCHEMA = WithJsonSchema(
    {
        "title": "Đoạn văn",
        "description": "Một đoạn văn, hoặc danh sách nhiều đoạn.",
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
    }
)
DoanVan = Annotated[Doan, _DOAN_SCHEMA]


def new_list() -> list[Any]:
    """`default_factory=list`, faster to build: pydantic inspects every factory's signature,
    0.01 ms for a Python function, 0.15 ms for the builtin `list` (start-up time)."""
    return []


class PlanModel(BaseModel):
    """The base of every model of the plan format: an unknown key is an error, values are frozen."""

    # defer_build: a model's validator is built when first used, the whole plan's at once, instead
    # of one per class at import (each nested one again inside its parents): less start-up time for
    # every command (benchmarks/README.md). A recursive model keeps a forward reference in its
    # fields until then (ntm.diagnostics.pydantic_errors.resolved_fields).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)

