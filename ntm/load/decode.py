"""Bytes -> NFC text, or why the bytes are not text we accept.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are read; UTF-32,
UTF-16 without a BOM and binary files are refused; legacy TCVN3 and VNI
text is recognised and refused with a hint (converting it would be a
guess); decomposed (NFD) Vietnamese is normalised to NFC with a warning.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import Cau

# TCVN3 (ABC) puts ă â ê ô ơ ư đ and the tones of a at bytes 0xA1-0xBF, which
# VNI never uses: read as cp1252 they show as "¨©ª«¬­®µ¶·¸¹" ("B¶o Th¾ng").
_TCVN3_MARKS = frozenset(bytes(range(0xA1, 0xC0)).decode("cp1252"))
# VNI keeps the ASCII vowel and adds a mark byte (>= 0xC0) after it: "chaøo",
# "Höông" (ươ = öô).
_VNI_PAIR = re.compile("[aeiouyAEIOUY][âêùøûõïáàåãäéèúüëÂÊÙØÛÕÏÁÀÅÃÄÉÈÚÜË]|[öÖ][ôÔ]")
# Letters no legacy text read as cp1252 can produce: real Unicode Vietnamese.
_VIETNAMESE_LETTER = re.compile("[\u1ea0-\u1ef9ăđơưĂĐƠƯ]")

# Bytes that never occur in text: a share of them this high means a binary file.
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0D, 0x0C}  # NUL included
_BINARY_SHARE = 0.05
# bytes.translate() deletes these, leaving the control bytes to count in C (a Python loop cost 0.2 ms a plan).
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > 0 and controls >= _BINARY_SHARE * len(head)


def _legacy(sample: str) -> str | None:
    """"tcvn3" or "vni" when text looks like that encoding read with the wrong code page.

    The two use different bytes (see _TCVN3_MARKS, _VNI_PAIR), so whichever
    leaves more traces names the likely encoding.
    """
    vni = len(_VNI_PAIR.findall(sample))
    tcvn3 = sum(1 for ch in sample if ch in _TCVN3_MARKS)
    if max(tcvn3, vni) < 3:
        return None
    return "tcvn3" if tcvn3 > vni else "vni"


def _undecodable_sample(raw: bytes) -> str:
    """Only the bytes that are not UTF-8, read as cp1252 (ASCII kept for context).

    A UTF-8 file with one stray byte must not be taken for a TCVN3 file just
    because its correct Vietnamese letters look odd in cp1252.
    """
    text = raw[:65536].decode("utf-8", errors="surrogateescape")
    kept = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            kept.append(code)
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte
            kept.append(code - 0xDC00)
    return kept.decode("cp1252", errors="replace")


def _binary(file: str, data: bytes) -> Diagnostic:
    if b"\x00" in data and not _looks_binary(data):  # one stray NUL in a text file: say where
        pos = data.index(b"\x00")
        line = data.count(b"\n", 0, pos) + 1
        column = len(data[data.rfind(b"\n", 0, pos) + 1 : pos].decode("utf-8", errors="replace")) + 1
        return Diagnostic("YAML002", file, params={"bien_the": "nul"}, line=line, column=column)
    return Diagnostic("YAML002", file)


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> NFC text, or a diagnostic saying why the bytes are not text we accept.

    The diagnostics may also hold a warning alongside the text (NFD input).
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE is a prefix of both
        return None, [Diagnostic("YAML001", file, params={"bien_the": "utf32"})]
    if data.startswith(codecs.BOM_UTF8):
        raw, encoding = data[3:], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw, encoding = data, "utf-16"
    else:
        raw, encoding = data, "utf-8"
        if b"\x00" in data:
            head = data[:400]
            zeros_odd = head[1::2].count(0)
            zeros_even = head[0::2].count(0)
            if max(zeros_odd, zeros_even) > len(head) // 4 and min(zeros_odd, zeros_even) < len(head) // 16:
                return None, [Diagnostic("YAML001", file, params={"bien_the": "utf16_khong_bom"})]
            return None, [_binary(file, data)]
        if _looks_binary(data):
            return None, [_binary(file, data)]
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode(encoding, errors="replace")
        line, col = line_col(before, len(before))
        if encoding != "utf-8":  # the file says it is UTF-16 (its BOM): name that, not UTF-8
            return None, [Diagnostic("YAML001", file, params={"bien_the": "utf16_loi"}, line=line, column=col)]
        legacy = _legacy(_undecodable_sample(raw))
        hint = Cau(f"goi_y.{legacy or 'luu_utf8'}")
        params = {"byte": f"{raw[exc.start]:02X}", "goi_y": hint}
        return None, [Diagnostic("YAML001", file, params=params, line=line, column=col)]
    # One real Vietnamese letter rules out legacy fonts; only then is the (slow) hint worth computing.
    legacy = None if _VIETNAMESE_LETTER.search(text) else _legacy(text)
    if legacy:
        return None, [Diagnostic("YAML003", file, params={"goi_y": Cau(f"goi_y.{legacy}")})]
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, []
    return unicodedata.normalize("NFC", text), [_nfd_warning(text, file)]


def _nfd_warning(text: str, file: str) -> Diagnostic:
    """Where the first decomposed letter is, in the normalised text the positions refer to."""
    line_no, column, params = 1, 1, {}
    for line_no, line in enumerate(text.split("\n"), start=1):  # noqa: B007 - line_no is used after the loop
        if not unicodedata.is_normalized("NFC", line):
            # The first character NFC changes: a combining mark (the letter before it starts
            # the change) or one NFC maps on its own (U+FA2A, a CJK compatibility ideograph).
            first = next(
                (i for i, ch in enumerate(line) if unicodedata.combining(ch) or not unicodedata.is_normalized("NFC", ch)),
                0,
            )
            if unicodedata.combining(line[first]):
                first = max(first - 1, 0)
            else:  # not a Vietnamese letter pasted decomposed: say which character
                params = {"ma_ky_tu": f"{ord(line[first]):04X}", "bien_the": "khac"}
            column = len(unicodedata.normalize("NFC", line[:first])) + 1
            break
    return Diagnostic("YAML005", file, params=params, line=line_no, column=column)
