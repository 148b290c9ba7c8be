"""Numbering and list marks as a Nghị định 30 document writes them: what `ntm render` prints and
`ntm import` must find again to read a list back as a list (one copy of each rule)."""

from __future__ import annotations

from collections.abc import Sequence

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))

# Letters of the Vietnamese alphabet that number items: a), b), c), d), đ), e), … (no f, j, w, z).
CHU_CAI = "abcdđeghiklmnopqrstuvxy"

# Marks a writer ends an item with that a generated list keeps ("Như sau:", a closing "./.").
GIU_DAU_CUOI = ("?", "!", ":", "./.")


def so_la_ma(n: int) -> str:
    """1 -> 'I', 14 -> 'XIV', 40 -> 'XL'; '' for 0."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def chu_cai(n: int) -> str:
    """1 -> 'a', 5 -> 'đ', 24 -> 'aa'."""
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, len(CHU_CAI))
        letters = CHU_CAI[r] + letters
    return letters


def ket_cau(items: Sequence[str]) -> list[str]:
    """List items with their final marks: ";" after each, "." after the last.

    A mark the plan typed (";", ".", ",") is replaced by the right one; "?", "!", ":" and a
    closing "./." are the writer's and stay.
    """
    out = []
    for n, text in enumerate(items):
        body = text.rstrip()
        if body.endswith(GIU_DAU_CUOI):
            out.append(body)
            continue
        out.append(body.rstrip(" ;.,") + ("." if n == len(items) - 1 else ";"))
    return out
