"""Small text rules of Vietnamese administrative documents, for recognising them: comparing words
whatever the tone placement ("Hoà"/"Hòa", "uỷ"/"ủy") or case, dates "ngày 05 tháng 01 năm 2023",
Roman numerals, numbers written the Vietnamese way (12.450.000.000; 52,77; "12,45 tỷ")."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

# Old-style tone placement (on the first vowel of oa, oe, uy) against the new (on the second).
_OLD_TONES = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_TONE_MAP = {old: new for new, old in _OLD_TONES.items()}
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


def khoa(text: str) -> str:
    """A comparison key: NFC, lower case, new-style tones, dashes as '-', spaces collapsed,
    punctuation at the ends dropped."""
    text = unicodedata.normalize("NFC", text).lower().translate(_DASHES)
    for old, new in _TONE_MAP.items():
        text = text.replace(old, new)
    text = re.sub(r"\s*-\s*", " - ", text)
    return " ".join(text.split()).strip(" .,;:")


def bo_dau(text: str) -> str:
    """Without diacritics (đ -> d), for loose matching of abbreviations and slugs."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def mot_dong(text: str) -> str:
    """Lines joined with one space: what a line break inside a title or a name meant."""
    return " ".join(text.split())


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def la_ma(text: str) -> int | None:
    """'XIV' -> 14; None when the text is not a Roman numeral (plans stay below 40)."""
    if not text or any(ch not in _ROMAN_VALUES for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


NGAY = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE)
NGAY_SO = re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b")


def ngay(match: re.Match[str]) -> date | None:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def ngay_van_ban(d: date) -> str:
    """As NĐ 30/2020 writes a date in a sentence: day below 10 and months 1-2 take a leading
    zero. The same rule as the document writer's: a căn cứ is kept as fields only when
    printing them gives back the very text of the document."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


_SO_VN = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_SO_THUONG = re.compile(r"^\d+(?:,\d+)?$")


def so_viet(text: str) -> Decimal | None:
    """A number as a Vietnamese document prints it: 12.450.000.000, 1.234,5, 52,77, 300.
    None when the text is not one number (or is ambiguous, as '1.500' alone is not here: a
    document prints thousands with dots, so '1.500' is 1500)."""
    t = text.strip().replace(" ", "")
    if _SO_VN.match(t):
        return Decimal(t.replace(".", "").replace(",", "."))
    if _SO_THUONG.match(t):
        try:
            return Decimal(t.replace(",", "."))
        except InvalidOperation:
            return None
    return None


_TIEN = re.compile(
    r"(?P<so>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s*(?P<don_vi>tỷ đồng|tỷ|triệu đồng|triệu|nghìn đồng|ngàn đồng|đồng)",
    re.IGNORECASE)
_HE_SO = {"tỷ": 10**9, "triệu": 10**6, "nghìn": 10**3, "ngàn": 10**3, "đồng": 1}


def so_tien(text: str) -> list[tuple[int, str]]:
    """Amounts of money in a sentence, in đồng, with the words they were read from:
    '12.450.000.000 đồng' and '12,45 tỷ đồng' both give 12450000000. An amount that is not a
    whole number of đồng is left out."""
    out = []
    for m in _TIEN.finditer(text):
        value = so_viet(m["so"])
        if value is None:
            continue
        scale = _HE_SO[m["don_vi"].split()[0].lower()]
        amount = value * scale
        if amount != amount.to_integral_value():
            continue
        out.append((int(amount), m.group(0)))
    return out


def trich(text: str, limit: int = 70) -> str:
    """A short quote of the document for a comment: one line, at most `limit` characters."""
    line = mot_dong(text).replace('"', "'")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
