"""Stage 2, validate: plain data -> the pydantic plan model (KeHoach), or diagnostics saying why not."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.pydantic_errors import pydantic_diagnostics
from ntm.plan.model import KeHoach

__all__ = ["KeHoach", "validate_plan"]


def validate_plan(data: Any, file: str) -> tuple[KeHoach | None, list[Diagnostic]]:
    try:
        return KeHoach.model_validate(data), []
    except ValidationError as exc:
        return None, pydantic_diagnostics(exc, KeHoach, data, "ke_hoach", file)
