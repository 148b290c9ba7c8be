"""Stage 5, rules: checks of a plan against its criteria set and against itself, as a registry.

Each rule (ntm.rules.rule.Rule) is a function with the codes it may report
and the stage it runs at; the registry groups them by that stage. Rules
report diagnostics by code and YAML path; ntm.run places them in the file.

The rules that need the assessment (ntm.rules.ke_hoach) are imported on the
first `check_assessment()`: `validate` never assesses, and importing them
costs it about 1 ms (5 ms once the assessment's model is not otherwise
loaded), measured with `python -X importtime` (docs/architecture.md).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from ntm.catalog import BoTieuChi
from ntm.diagnostics import Diagnostic
from ntm.diagnostics.pydantic_errors import MAX_DIAGNOSTICS, more_diagnostic
from ntm.plan.model import KeHoach
from ntm.rules import dia_ban, nhat_quan, tieu_chi, van_ban
from ntm.rules.rule import DauVao, GiaiDoan, Rule, run_rules, theo_giai_doan

if TYPE_CHECKING:
    from ntm.assess.result import DanhGia

# The rules that need only the plan and its set, by stage.
TRUOC_DANH_GIA: dict[GiaiDoan, tuple[Rule, ...]] = theo_giai_doan(
    (*dia_ban.RULES, *tieu_chi.RULES, *van_ban.RULES, *nhat_quan.RULES)
)
if TRUOC_DANH_GIA["danh_gia"]:
    raise ValueError("a rule that needs the assessment belongs in ntm/rules/ke_hoach.py")


@functools.cache
def registry() -> dict[GiaiDoan, tuple[Rule, ...]]:
    """Every rule, by its declared stage (imports the rules that need an assessment)."""
    from ntm.rules import ke_hoach  # deferred: see the module's docstring

    after = theo_giai_doan(ke_hoach.RULES)
    if after["bo_tieu_chi"] or after["van_ban"]:
        raise ValueError("ntm/rules/ke_hoach.py holds only the rules that need the assessment")
    return {stage: (*TRUOC_DANH_GIA[stage], *after[stage]) for stage in TRUOC_DANH_GIA}


def all_rules() -> tuple[Rule, ...]:
    return tuple(rule for rules in registry().values() for rule in rules)


def check_against_set(
    file: str, plan: KeHoach, data: dict[str, Any], bo: BoTieuChi, *, document: bool = True
) -> list[Diagnostic]:
    """DM and TC: the commune, region, year and the criteria and indicators the plan names; VB:
    the document's shape (not with `document=False`: a plan of which only that part is sound)."""
    given = DauVao(file, plan, data, bo)
    found = run_rules(TRUOC_DANH_GIA["bo_tieu_chi"], given)
    if len(found) > MAX_DIAGNOSTICS:
        found = [*found[:MAX_DIAGNOSTICS], more_diagnostic(file, "TC000", len(found) - MAX_DIAGNOSTICS)]
    return found + run_rules(TRUOC_DANH_GIA["van_ban"], given) if document else found


def check_assessment(file: str, plan: KeHoach, data: dict[str, Any], danh_gia: DanhGia) -> list[Diagnostic]:
    """KH: the plan against its own assessment (unmet criteria without tasks, targets, totals)."""
    # Bounded by the set's size (one warning per criterion or indicator at most): no cap.
    return run_rules(registry()["danh_gia"], DauVao(file, plan, data, danh_gia.bo_tieu_chi, danh_gia))
