"""Who a plan is about: a commune's identity, and the files that name the same commune and year.

Today a commune is known by its province, its former district (when the plan
names one) and its name, compared loosely (docs/report.md, "Một kế hoạch là
của ai, năm nào"). The identity is its own type so that an official code
(`ma_xa`) and the 2025 mergers can be added to it without touching its users.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


def chuan_hoa(text: str) -> str:
    """How names are compared: NFC, case and spacing ignored ("Xã  hương sơn" = "xã Hương Sơn")."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True, order=True, slots=True)
class KhoaXa:
    """A commune, as names compared loosely: province, former district ("" when not named), commune.

    Ordered field by field, which is the order of the report's rows.
    """

    tinh: str
    huyen: str
    xa: str

    @classmethod
    def tu_ten(cls, tinh: str | None, huyen: str | None, xa: str | None) -> KhoaXa:
        return cls(chuan_hoa(tinh or ""), chuan_hoa(huyen or ""), chuan_hoa(xa or ""))


def trung_nhau(items: Iterable[tuple[KhoaXa, int, T]]) -> list[list[T]]:
    """The items that name the same commune and year as another, in groups (first seen first).

    The report cannot know which of two files for one commune and year is right,
    so its caller leaves every one of a group out and lists them.
    """
    seen: dict[tuple[KhoaXa, int], list[T]] = defaultdict(list)
    for khoa, nam, item in items:
        seen[(khoa, nam)].append(item)
    return [group for group in seen.values() if len(group) > 1]
