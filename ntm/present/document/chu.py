"""Small text rules of documents: Roman numerals, Vietnamese letter order, year ranges that
never break, the final punctuation of list items, a first letter lowered inside a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def so_la_ma(n: int) -> str:
    """1 -> 'I', 14 -> 'XIV' (sections of a plan never reach 40)."""
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d) ([-–]) ((?:19|20)\d\d)\b")


def lien(text: str) -> str:
    """Text with its year ranges held together ("2026\u00a0-\u00a02030")."""
    return _YEAR_RANGE.sub("\\1\u00a0\\2\u00a0\\3", text) if " " in text else text


def ket_cau(items: Sequence[str]) -> list[str]:
    """List items with their final marks: ";" after each, "." after the last.

    A mark the plan typed (";", ".", ",") is replaced by the right one; "?", "!", ":" and a
    closing "./." are the writer's and stay.
    """
    out = []
    for n, text in enumerate(items):
        body = text.rstrip()
        if body.endswith(("?", "!", ":", "./.")):
            out.append(body)
            continue
        out.append(body.rstrip(" ;.,") + ("." if n == len(items) - 1 else ";"))
    return out


def lower_first(text: str) -> str:
    """'Tỷ lệ hộ …' -> 'tỷ lệ hộ …': a name set inside a sentence."""
    return text[:1].lower() + text[1:]


_CHU_CAI = "abcdđeghiklmnopqrstuvxy"


def chu_cai(n: int) -> str:
    """1 -> 'a', 5 -> 'đ', 24 -> 'aa'."""
    letters = ""
    while n > 0:
        n, r = divmod(n - 1, len(_CHU_CAI))
        letters = _CHU_CAI[r] + letters
    return letters
