"""Quoting what a user wrote inside a one-line message: escaped, shortened, never raw."""

from __future__ import annotations

import re

# Line breaks and other control characters a plan may hold in a key or a value.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """Control characters as escapes (`\\n`, `\\u0007`): a diagnostic must stay on one line."""
    return _INVISIBLE.sub(lambda m: _ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text)


def describe_value(value: object, limit: int = 40) -> str:
    """Show what the user wrote, briefly and in Vietnamese terms."""
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "một bảng khóa: giá trị"
    if isinstance(value, list):
        return f"một danh sách {len(value)} mục"
    text = visible(str(value))
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
