"""Small text rules of documents: year ranges that never break, a first letter lowered inside a
sentence (numbering and list marks, shared with `ntm import`, are in ntm/plan/the_thuc.py)."""

from __future__ import annotations

import re

_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d) ([-–]) ((?:19|20)\d\d)\b")


def lien(text: str) -> str:
    """Text with its year ranges held together ("2026\u00a0-\u00a02030")."""
    return _YEAR_RANGE.sub("\\1\u00a0\\2\u00a0\\3", text) if " " in text else text


def lower_first(text: str) -> str:
    """'Tỷ lệ hộ …' -> 'tỷ lệ hộ …': a name set inside a sentence."""
    return text[:1].lower() + text[1:]


