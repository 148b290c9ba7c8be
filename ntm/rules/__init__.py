"""Stage 5, rules: checks of a plan against its criteria set and against itself, as a registry.

Each rule is a function with the codes it may report and the stage it
runs at: `bo_tieu_chi` rules need the plan and its set (run before the
assessment; an error there means the plan is not assessed), `danh_gia`
rules need the assessment too. Rules report diagnostics by code and YAML
path; ntm.run places them in the file.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ntm.catalog import BoTieuChi
from ntm.diagnostics import Diagnostic
from ntm.diagnostics.pydantic_errors import MAX_DIAGNOSTICS, more_diagnostic
from ntm.plan.model import KeHoach

if TYPE_CHECKING:
    from ntm.assess.result import DanhGia


@dataclass(frozen=True)
class DauVao:
    """What a rule may look at: the plan as validated and as written (for where a value was)."""

    file: str
    plan: KeHoach
    data: dict[str, Any]
    bo: BoTieuChi
    danh_gia: DanhGia | None = None


Check = Callable[[DauVao], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Rule:
    ten: str
    ma: tuple[str, ...]  # the codes it may report
    stage: Literal["bo_tieu_chi", "van_ban", "danh_gia"]  # when it runs (a mechanics word: see docs/glossary.md)
    check: Check


# The modules holding each stage's rules; a stage's modules are imported when it first runs
# (`validate` never loads the rules that need an assessment).
# `van_ban` rules (the document's shape) run with the `bo_tieu_chi` ones, except on the part of
# an invalid plan the set is still checked against (validate_for_set), which has no document.
MODULES: dict[str, tuple[str, ...]] = {
    "bo_tieu_chi": ("dia_ban", "tieu_chi"), "van_ban": ("van_ban", "nhat_quan", "pham_vi"), "danh_gia": ("ke_hoach",),
}


@functools.cache  # a batch asks for the same stage's rules for every plan
def rules(stage: str | None = None) -> tuple[Rule, ...]:
    """The registered rules, of one stage or of all."""
    stages = [stage] if stage is not None else list(MODULES)
    found: list[Rule] = []
    for name in stages:
        for module in MODULES[name]:
            found.extend(importlib.import_module(f"ntm.rules.{module}").RULES)
    return tuple(found)


def _run(stage: str, given: DauVao, overflow_code: str | None) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule in rules(stage):
        out.extend(rule.check(given))
    if overflow_code is not None and len(out) > MAX_DIAGNOSTICS:
        extra = len(out) - MAX_DIAGNOSTICS
        out = [*out[:MAX_DIAGNOSTICS], more_diagnostic(given.file, overflow_code, extra)]
    return out


def check_against_set(
    file: str, plan: KeHoach, data: dict[str, Any], bo: BoTieuChi, *, document: bool = True
) -> list[Diagnostic]:
    """DM and TC: the commune, region, year and the criteria and indicators the plan names; VB:
    the document's shape (not with `document=False`: a plan of which only that part is sound)."""
    found = _run("bo_tieu_chi", DauVao(file, plan, data, bo), "TC000")
    return found + _run("van_ban", DauVao(file, plan, data, bo), None) if document else found


def check_assessment(file: str, plan: KeHoach, data: dict[str, Any], danh_gia: DanhGia) -> list[Diagnostic]:
    """KH: the plan against its own assessment (unmet criteria without tasks, targets, totals);
    none for a district's or a province's plan, which assesses no commune."""
    if not danh_gia.danh_gia_xa:
        return []
    # Bounded by the set's size (one warning per criterion or indicator at most): no cap.
    return _run("danh_gia", DauVao(file, plan, data, danh_gia.bo_tieu_chi, danh_gia), None)
