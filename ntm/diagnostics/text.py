"""Quoting what a user wrote inside a one-line message: escaped, shortened, never raw.

Every text that reaches a terminal, a CI log, JSON or XML from a file or a file
name passes through `visible()`: control characters, line breaks, bidi and
zero-width formatting characters, and bytes that are not UTF-8 (lone
surrogates from a file name) are written as escapes, so an output cannot be
made to lie (a bidi override reversing a line, an ESC sequence recolouring a
log) or to break its format (a control character in XML, invalid UTF-8 in JSON).
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL; line and paragraph separators; bidi embeddings, overrides,
# isolates and marks; zero-width characters and the BOM; lone surrogates (a file name's
# undecodable bytes, under surrogateescape); non-characters.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\ud800-\udfff\ufffe\uffff]"
)


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """Invisible and format-breaking characters as escapes (`\\n`, `\\u202e`, `\\xff`)."""
    return _INVISIBLE.sub(lambda m: _escape(m[0]), text)


def _latin(ch: str) -> bool:
    if ch.isascii():
        return ch.isprintable()
    return unicodedata.name(ch, "").startswith("LATIN")


def visible_key(text: str) -> str:
    """A key as written, with every character that is neither printable ASCII nor a Latin
    letter escaped: keys are ASCII, so a Cyrillic 'е' or a zero-width space in `tiеu_chi`
    shows as what it is."""
    return "".join(ch if _latin(ch) else _escape(ch) for ch in text)


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_value(value: object, limit: int = 40, key: bool = False) -> str:
    """Show what the user wrote, briefly and in Vietnamese terms."""
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "một bảng khóa: giá trị"
    if isinstance(value, list):
        return f"một danh sách {len(value)} mục"
    text = visible_key(str(value)) if key else visible(str(value))
    return f"'{shorten(text, limit)}'"
