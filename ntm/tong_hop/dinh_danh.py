"""Who a plan is about: a commune's identity, and the files that name the same commune and year.

A commune is known by its official code (`dia_ban.ma_xa`) when a plan gives
it, else by its province, its former district (when the plan names one) and
its name, compared loosely (docs/report.md, "Một kế hoạch là của ai, năm
nào"). `dinh_danh()` gives every plan of one commune one key; `hop_nhat()`
links a commune merged in 2025 to the communes it was made of.
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
    """A commune: province, former district ("" when not named), commune, compared loosely, and its
    official code ("" when not given).

    Ordered field by field, which is the order of the report's rows. After `dinh_danh()` every plan
    of one commune holds the same key (its canonical identity).
    """

    tinh: str
    huyen: str
    xa: str
    ma: str = ""

    @classmethod
    def tu_ten(cls, tinh: str | None, huyen: str | None, xa: str | None, ma: str | None = None) -> KhoaXa:
        return cls(chuan_hoa(tinh or ""), chuan_hoa(huyen or ""), chuan_hoa(xa or ""), ma or "")

    @property
    def ten(self) -> tuple[str, str]:
        """Province and commune: what two plans of one commune share when one names its district and one does not."""
        return self.tinh, self.xa


@dataclass(frozen=True)
class MoHo:
    """A commune named without district nor code whose name several communes of its province bear."""

    khoa: KhoaXa
    co_the_la: tuple[KhoaXa, ...]  # the communes it could be


def dinh_danh(items: Iterable[tuple[KhoaXa, int]]) -> tuple[dict[KhoaXa, KhoaXa], list[MoHo]]:
    """Each key given -> its commune's canonical key, and the keys that cannot be told apart.

    docs/report.md, "Một kế hoạch là của ai": the official code, when a plan gives it, is the
    identity (names from its latest plan); a plan without a code takes the code of the plans with
    its names (province, district, commune; or province and commune when it names no district and
    one coded commune bears that name). Without codes, the identity is province + former
    district + commune, and a plan naming no district joins the one commune of its province with
    that name; when several do, it stays a commune of its own and is reported (`MoHo`).
    """
    latest: dict[str, tuple[int, KhoaXa]] = {}
    keys: dict[KhoaXa, None] = {}
    for khoa, nam in items:
        keys.setdefault(khoa)
        if khoa.ma and (khoa.ma not in latest or nam >= latest[khoa.ma][0]):
            latest[khoa.ma] = (nam, khoa)
    by_code = {ma: khoa for ma, (_, khoa) in latest.items()}
    full: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # names with a district -> codes
    named: dict[tuple[str, str], set[str]] = defaultdict(set)  # province and commune -> codes
    for khoa in keys:
        if khoa.ma:
            full[(khoa.tinh, khoa.huyen, khoa.xa)].add(khoa.ma)
            named[khoa.ten].add(khoa.ma)
    out: dict[KhoaXa, KhoaXa] = {}
    for khoa in keys:
        if khoa.ma:
            out[khoa] = by_code[khoa.ma]
        elif khoa.huyen:
            codes = full.get((khoa.tinh, khoa.huyen, khoa.xa), set())
            out[khoa] = by_code[next(iter(codes))] if len(codes) == 1 else khoa
    candidates: dict[tuple[str, str], set[KhoaXa]] = defaultdict(set)
    for khoa, canonical in out.items():
        candidates[khoa.ten].add(canonical)
    ambiguous: list[MoHo] = []
    for khoa in keys:
        if khoa in out:
            continue
        found = candidates.get(khoa.ten, set())
        if len(found) == 1:
            out[khoa] = next(iter(found))
        else:
            out[khoa] = khoa
            if found:
                ambiguous.append(MoHo(khoa, tuple(sorted(found, key=lambda k: (k.tinh, k.huyen, k.xa, k.ma)))))
    return out, ambiguous


def trung_nhau(items: Iterable[tuple[KhoaXa, int, T]]) -> list[list[T]]:
    """The items that name the same commune and year as another, in groups (first seen first).

    The report cannot know which of two files for one commune and year is right,
    so its caller leaves every one of a group out and lists them.
    """
    seen: dict[tuple[KhoaXa, int], list[T]] = defaultdict(list)
    for khoa, nam, item in items:
        seen[(khoa, nam)].append(item)
    return [group for group in seen.values() if len(group) > 1]


def hop_nhat(successors: Iterable[tuple[KhoaXa, tuple[str, ...]]], keys: Iterable[KhoaXa]
             ) -> tuple[dict[KhoaXa, KhoaXa], list[tuple[KhoaXa, str]]]:
    """Predecessor -> the commune it was merged into, from each commune's `hop_nhat_tu` (codes or
    names); and the entries that name no commune of the data, or several (not linked)."""
    keys = list(keys)
    by_code = {k.ma: k for k in keys if k.ma}
    by_name: dict[tuple[str, str], list[KhoaXa]] = defaultdict(list)
    for k in keys:
        by_name[k.ten].append(k)
    links: dict[KhoaXa, KhoaXa] = {}
    unlinked: list[tuple[KhoaXa, str]] = []
    for successor, entries in successors:
        for entry in entries:
            text = chuan_hoa(entry)
            if text.isdigit():
                found = [by_code[text]] if text in by_code else []
            else:
                found = by_name.get((successor.tinh, text), []) or by_name.get(
                    (successor.tinh, text.removeprefix("xã ").strip()), [])
            found = [k for k in found if k != successor]
            if len(found) == 1:
                links[found[0]] = successor
            else:
                unlinked.append((successor, entry))
    return links, unlinked
