"""Stage 2, validate: plain data -> the pydantic plan model (KeHoach), or diagnostics saying why not."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError, create_model

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.pydantic_errors import pydantic_diagnostics
from ntm.plan.model import KeHoach

__all__ = ["KeHoach", "build_models", "validate_for_set", "validate_plan"]

# What a criteria set is checked against: the commune, the year, the set, the criteria and
# their figures. The rest (the document) does not affect those checks.
PHAN_DOI_CHIEU = ("phien_ban", "dia_ban", "nam", "bo_tieu_chi", "tieu_chi")


def build_models() -> None:
    """Build the plan model's validator now. It is built when first used (defer_build, for
    start-up time); a batch builds it before its workers fork, so that they share it."""
    KeHoach.model_rebuild()


def validate_plan(data: Any, file: str) -> tuple[KeHoach | None, list[Diagnostic]]:
    try:
        return KeHoach.model_validate(data), []
    except ValidationError as exc:
        return None, pydantic_diagnostics(exc, KeHoach, data, "ke_hoach", file)


@cache
def _phan_doi_chieu() -> type[BaseModel]:
    fields: dict[str, Any] = {name: (KeHoach.model_fields[name].annotation, KeHoach.model_fields[name])
                              for name in PHAN_DOI_CHIEU}
    return create_model("PhanDoiChieu", __config__=KeHoach.model_config, **fields)


def validate_for_set(data: Any) -> KeHoach | None:
    """When the whole plan is invalid: its part a criteria set is checked against, with the
    criteria entries that failed left out, or None when that part itself is broken (an unknown
    region, a year in words). So one run reports an unknown criterion code beside a misspelt
    key, and a pre-commit user fixes both in one round. The result is only for those checks:
    the document's fields are absent."""
    if not isinstance(data, dict):
        return None
    part = {k: data[k] for k in PHAN_DOI_CHIEU if k in data}
    model = _phan_doi_chieu()
    for _ in range(3):  # each round leaves out what failed; nested failures need few rounds
        try:
            valid = model.model_validate(part)
        except ValidationError as exc:
            pruned = _without_failing_criteria(part, exc)
            if pruned is None:
                return None
            part = pruned
            continue
        return KeHoach.model_construct(**{k: getattr(valid, k) for k in PHAN_DOI_CHIEU})
    return None


def _without_failing_criteria(part: dict[str, Any], exc: ValidationError) -> dict[str, Any] | None:
    """`part` without the figures (or criteria) an error points into; None if an error is
    elsewhere (the commune, the year, the set): then the set cannot be checked at all."""
    pruned = copy.copy(part)
    criteria = pruned.get("tieu_chi")
    if not isinstance(criteria, dict):
        return None
    criteria = pruned["tieu_chi"] = {k: copy.copy(v) for k, v in criteria.items()}
    for error in exc.errors():
        loc = error["loc"]
        if len(loc) < 2 or loc[0] != "tieu_chi" or loc[1] not in criteria:
            return None
        entry = criteria[loc[1]]
        figures = entry.get("hien_trang") if isinstance(entry, dict) else None
        if len(loc) >= 4 and loc[2] == "hien_trang" and isinstance(figures, dict) and loc[3] in figures:
            entry["hien_trang"] = {k: v for k, v in figures.items() if k != loc[3]}
        elif len(loc) >= 3 and isinstance(entry, dict) and loc[2] in entry:
            criteria[loc[1]] = {k: v for k, v in entry.items() if k != loc[2]}
        else:
            criteria[loc[1]] = {}
    return pruned
