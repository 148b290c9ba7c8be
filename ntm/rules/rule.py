"""What a rule is, what it may look at, and how a stage's rules are run.

A rule is a function with its name, the codes it may report and the stage it
runs at (`stage`): `bo_tieu_chi` rules need the plan and its set,
`van_ban` rules the plan as a document (both run before the assessment),
`danh_gia` rules need the assessment too. The registry (ntm.rules) groups
the rules by that declared stage; docs/codes.md names the rule behind each
code, and tests/cases/test_rule_codes.py holds every rule to the codes it declares.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, get_args

from ntm.catalog import BoTieuChi
from ntm.diagnostics import Diagnostic
from ntm.plan.model import KeHoach

if TYPE_CHECKING:
    from ntm.assess.result import DanhGia

# A rule's stage is a mechanics word (English): `giai_doan` means only a period (docs/glossary.md).
Stage = Literal["bo_tieu_chi", "van_ban", "danh_gia"]
STAGES: tuple[Stage, ...] = get_args(Stage)  # in the order they run


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
    check: Check
    ma: tuple[str, ...]  # the codes it may report
    stage: Stage

    @property
    def ten(self) -> str:
        """The rule's name, from where it is written: `dia_ban.vung_nhom_xa` is the function
        `vung_nhom_xa` of ntm/rules/dia_ban.py."""
        return f"{self.check.__module__.removeprefix('ntm.rules.')}.{self.check.__qualname__}"


def by_stage(rules: Iterable[Rule]) -> dict[Stage, tuple[Rule, ...]]:
    """The rules grouped by their declared stage, every stage present, in the order given."""
    grouped: dict[Stage, list[Rule]] = {stage: [] for stage in STAGES}
    names: set[str] = set()
    for rule in rules:
        if rule.ten in names:
            raise ValueError(f"rule {rule.ten} is registered twice")
        names.add(rule.ten)
        grouped[rule.stage].append(rule)
    return {stage: tuple(found) for stage, found in grouped.items()}


# Who wants to see which rule gave each diagnostic (the test of declared codes); nobody in a run,
# where the runner then only extends a list.
Watch = Callable[[Rule, Diagnostic], None]
_WATCH: ContextVar[Watch | None] = ContextVar("ntm_rules_watch", default=None)


@contextmanager
def watching(watch: Watch) -> Iterator[None]:
    """Within the block, `watch(rule, diagnostic)` sees each diagnostic as its rule yields it."""
    token = _WATCH.set(watch)
    try:
        yield
    finally:
        _WATCH.reset(token)


def run_rules(rules: Iterable[Rule], given: DauVao) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    watch = _WATCH.get()
    for rule in rules:
        if watch is None:
            out.extend(rule.check(given))
            continue
        for found in rule.check(given):
            watch(rule, found)
            out.append(found)
    return out
