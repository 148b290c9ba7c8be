"""Times New Roman, the font NĐ 30 prescribes: its name and the advance widths of its letters.

The widths size the short rules under the agency name and the trích yếu, the header's columns,
and where a long agency name breaks (as officials break it, not mid-phrase), without the font
being installed: they are Times New Roman's, identical to its metric clone Liberation Serif.
"""

from __future__ import annotations

import unicodedata

from docx.shared import Emu

FONT = "Times New Roman"


# Advance widths in 1/2048 em, for U+0020..U+007E then Đ đ Ơ ơ Ư ư. Vietnamese tone
# marks do not change a letter's width, so a letter is measured by its base.
_CHARS = "".join(chr(c) for c in range(32, 127)) + "ĐđƠơƯư"
_REGULAR = (
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139,
    1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479,
    1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024,
    1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108, 1479, 1024, 1479, 1083,
    1589, 1110,
)
_BOLD = (
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024, 1024, 1024, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905, 1479, 1366, 1479, 1479, 1366, 1251,
    1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251, 1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479,
    1366, 682, 569, 682, 1190, 1024, 682, 1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139,
    1024, 1139, 1139, 909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065, 1479, 1139, 1593, 1134,
    1630, 1229,
)
_WIDTHS = {False: dict(zip(_CHARS, _REGULAR, strict=True)), True: dict(zip(_CHARS, _BOLD, strict=True))}


def _base_letter(ch: str) -> str:
    if ch in _WIDTHS[False]:
        return ch
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    if "\u031b" in decomposed:  # the horn: ơ, ư and their toned forms are wider than o, u
        base = {"O": "Ơ", "o": "ơ", "U": "Ư", "u": "ư"}.get(base, base)
    return base


def text_width(text: str, size_pt: float, bold: bool = False) -> Emu:
    table = _WIDTHS[bold]
    units = sum(table.get(_base_letter(ch), 1024) for ch in text)
    return Emu(int(units / 2048 * size_pt * 12700))
