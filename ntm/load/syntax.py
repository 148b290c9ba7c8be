"""A YAML syntax error -> one YAML010 diagnostic at the place an officer must fix.

libyaml's and PyYAML's wording is matched to a variant of YAML010 (the
registry holds the Vietnamese); some slips are reported where they began
rather than where the parser gave up (a quote opened lines earlier).
Nesting too deep for libyaml (1,000 levels) is YAML011, the code the
composer gives past MAX_DEPTH: one slip, one code, however deep.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from ntm.diagnostics import Diagnostic
from ntm.load.decode import line_col

# needle in the parser's problem or context -> YAML010 variant
_VARIANTS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "tab"),
    ("found a tab character", "tab"),
    ("cannot start any token", "ky_tu_dau"),
    ("found unexpected end of stream", "het_tep_trong_chuoi"),
    ("found unknown escape character", "escape"),
    ("mapping values are not allowed", "dau_hai_cham"),
    ("could not find expected ':'", "thieu_hai_cham"),
    ("did not find expected key", "thut_le"),
    ("did not find expected '-' indicator", "thut_le_danh_sach"),
    ("did not find expected node content", "thieu_gia_tri"),
    ("block sequence entries are not allowed", "gach_sai_cho"),
    ("expected a single document", "nhieu_tai_lieu"),
    ("but found another document", "nhieu_tai_lieu"),
    ("exceeded maximum nesting depth", "qua_sau"),
    ("found undefined alias", "bi_danh_khong_co"),
    ("found undefined tag handle", "the_khong_co"),
    ("control characters are not allowed", "ky_tu_dieu_khien"),
    ("unacceptable character", "ky_tu_khong_hop_le"),
    ("did not find expected ',' or ']'", "ngoac_vuong"),
    ("did not find expected ',' or '}'", "ngoac_nhon"),
    ("expected ',' or ']'", "ngoac_vuong"),
    ("expected ',' or '}'", "ngoac_nhon"),
    ("found duplicate anchor", "neo_trung"),
    ("did not find expected comment or line break", "chu_thua"),
    ("did not find expected whitespace or line break", "chu_thua"),
    ("expected alphabetic or numeric character", "neo_trong_chu"),
    ("found invalid Unicode character escape code", "ma_thoat_unicode"),
)

# YAML counts these as line breaks; splitting the same way keeps line numbers aligned with marks.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# A value that opens with a quote: `key: "…`, `- "…`, `- key: '…`.
_QUOTE_START = re.compile(r"""^ *(?:- +)*(?:[^\s#'"][^#]*?: +)?(["'])""")


def _closing_quote(lines: list[str], line: int, col: int, quote: str, last: int) -> int | None:
    """0-based line of the quote that closes the one at (line, col); None if none up to `last`."""
    for i in range(line, min(last, len(lines) - 1) + 1):
        text = lines[i]
        j = col + 1 if i == line else 0
        while j < len(text):
            ch = text[j]
            if quote == '"' and ch == "\\":
                j += 2
                continue
            if ch == quote:
                if quote == "'" and text[j + 1 : j + 2] == "'":  # '' is an escaped quote
                    j += 2
                    continue
                return i
            j += 1
    return None


def _unclosed_quote(lines: list[str], error_line: int) -> tuple[int, int, int] | None:
    """(line, column, closing line), 1-based, of a quoted value that ran on to the error's line.

    A value such as `so_hieu: "03/KH-UBND` swallows the following lines until
    the next quote, and YAML only complains there; the slip is where the
    quote opened.
    """
    error = error_line - 1
    for i in range(error - 1, max(-1, error - 200), -1):
        match = _QUOTE_START.match(lines[i]) if i < len(lines) else None
        if match is None:
            continue
        col = match.start(1)
        end = _closing_quote(lines, i, col, match.group(1), error)
        if end == error:
            return i + 1, col + 1, end + 1
    return None


def syntax_error(exc: yaml.YAMLError, text: str, file: str, max_depth: int, libyaml: bool) -> Diagnostic:
    """`libyaml`: the error came from libyaml, which counts a reader error's position in UTF-8 bytes."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    line = col = None
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(exc, yaml.reader.ReaderError):
        position = exc.position
        if libyaml:
            position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
        line, col = line_col(text, position)
    lines = _LINE_BREAKS.split(text)
    source = lines[line - 1] if line is not None and line <= len(lines) else ""
    before = source[: col - 1] if col is not None else ""
    at_error = source[len(before) : len(before) + 1]
    variant = next((key for needle, key in _VARIANTS if needle in problem or needle in context), "khac")
    if variant == "qua_sau":
        return Diagnostic("YAML011", file, params={"toi_da": max_depth}, line=line, column=col)
    params: dict[str, Any] = {}
    if at_error == "\t":  # libyaml's wording does not name the tab
        variant = "tab"
    elif at_error and unicodedata.category(at_error) in ("Cc", "Cs", "Co", "Cn"):
        variant = "ky_tu_khong_in"
        params["ma_ky_tu"] = f"{ord(at_error):04X}"
    elif ("expected key" in problem or "expected <block end>" in problem) and before.rstrip().endswith(('"', "'")):
        variant = "chu_sau_nhay"
    context_mark = getattr(exc, "context_mark", None)
    if "unexpected end of stream" in problem and context_mark is not None:
        variant = "nhay_het_tep"
        line, col = context_mark.line + 1, context_mark.column + 1
    elif "expected alphabetic or numeric character" in problem and context_mark is not None:
        line, col = context_mark.line + 1, context_mark.column + 1  # where the & or * is, not the odd character
    elif line is not None:
        quote = _unclosed_quote(lines, line)
        if quote is not None:
            line, col, end = quote
            variant = "nhay_keo_dai"
            params["dong"] = end
    if variant == "khac":
        params["van_de"] = problem  # the parser's own words, for a slip no variant names
    params["bien_the"] = variant
    return Diagnostic("YAML010", file, params=params, line=line, column=col)
