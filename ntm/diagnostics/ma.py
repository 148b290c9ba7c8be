"""One diagnostic code's entry in the registry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ntm.diagnostics import MucDo


def _no_variants() -> Mapping[str, str]:
    return {}


@dataclass(frozen=True)
class Ma:
    """One diagnostic code."""

    ma: str
    muc_do: MucDo
    mau: str  # the message template (str.format with the diagnostic's params)
    mo_ta: str  # one line: what it means, for docs/codes.md
    vi_du: str  # a plan fragment (or a situation) that produces it
    bien_the: Mapping[str, str] = field(default_factory=_no_variants)  # variant -> template
    khong_gap: str | None = None  # why no test case can produce it, if none can
    # The stages (packages of ntm: "load", "plan", "catalog", "rules", "run", "present") that give
    # a code no rule gives; a rule's codes are named by the rule (ntm.rules, `Rule.ma`).
    dua_ra: tuple[str, ...] = ()

    def template(self, variant: str | None) -> str:
        if variant is None:
            return self.mau
        return self.bien_the[variant]
