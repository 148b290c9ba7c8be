"""Word's automatic numbering: the number a reader sees ("I.", "1.", "1.1.", "a)", "-") recovered
from numbering.xml, which python-docx does not interpret.

A numbered paragraph names a list instance (w:num, by numId) and a level (ilvl); the instance
points to an abstract definition (w:abstractNum) whose level gives the format (decimal,
upperRoman, lowerLetter, bullet, …), the label pattern ("%1.%2."), the start value and which
level restarts it. Counters are kept per list instance, as Word and LibreOffice keep them;
an instance may restart a level (w:lvlOverride/w:startOverride).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from ntm.plan.the_thuc import so_la_ma

# Bullets drawn from the Symbol and Wingdings fonts are private-use characters; a reader sees these.
_SYMBOL_BULLETS = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf02d": "-", "\uf0a8": "▫",
    "\uf06e": "■", "\uf071": "❑", "\uf0e0": "➔", "\uf0de": "➔", "\uf0f0": "⇨", "\uf02b": "+",
}

def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa, bb, … (the letter repeated), not Vietnamese order."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman",):
        return so_la_ma(n) or str(n)
    if fmt == "lowerRoman":
        return (so_la_ma(n) or str(n)).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal and the formats a Vietnamese plan does not use


def symbol(text: str) -> str:
    return "".join(_SYMBOL_BULLETS.get(ch, ch) for ch in text)


@dataclass(frozen=True)
class Muc:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restarts after this (1-based) level; None = after any higher
    legal: bool = False  # w:isLgl: every level as decimal
    suffix: str = "tab"  # what follows the number: tab, space, nothing


@dataclass(frozen=True)
class So:
    """The number a reader sees before a paragraph: its label and what kind of list it is."""

    nhan: str  # "I.", "1.1.", "a)", "-"
    fmt: str  # Word's numFmt of the level: upperRoman, decimal, lowerLetter, bullet, …
    cap: int  # the level, 0-based


def _val(el: Any, tag: str) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _levels(abstract: Any) -> dict[int, Muc]:
    out = {}
    for lvl in abstract.findall(qn("w:lvl")):
        ilvl = _int(lvl.get(qn("w:ilvl")), 0)
        restart = _val(lvl, "w:lvlRestart")
        out[ilvl] = Muc(
            fmt=_val(lvl, "w:numFmt") or "decimal",
            text=_val(lvl, "w:lvlText") or "",
            start=_int(_val(lvl, "w:start"), 1),
            restart=_int(restart, 0) if restart is not None else None,
            legal=lvl.find(qn("w:isLgl")) is not None and _val(lvl, "w:isLgl") not in ("0", "false"),
            suffix=_val(lvl, "w:suff") or "tab",
        )
    return out


@dataclass
class DanhSo:
    """The numbering definitions of a document and the counters of its lists, in reading order."""

    definitions: dict[str, dict[int, Muc]] = field(default_factory=dict)  # numId -> levels
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> override
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_part(cls, numbering: Any | None) -> DanhSo:
        """From the w:numbering element (None when the document has no numbering part)."""
        out = cls()
        if numbering is None:
            return out
        abstracts = {a.get(qn("w:abstractNumId")): _levels(a) for a in numbering.findall(qn("w:abstractNum"))}
        linked = {}  # a style-linked definition (w:numStyleLink) takes its levels from another
        for a in numbering.findall(qn("w:abstractNum")):
            link = _val(a, "w:numStyleLink")
            if link:
                linked[a.get(qn("w:abstractNumId"))] = link
        for num in numbering.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            abstract_id = _val(num, "w:abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            levels = abstracts.get(abstract_id, {})
            if not levels and abstract_id in linked:
                levels = next((lv for aid, lv in abstracts.items() if lv and aid != abstract_id), {})
            out.definitions[num_id] = levels
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                start = _val(override, "w:startOverride")
                if start is not None:
                    out.starts[(num_id, ilvl)] = _int(start, 1)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:  # a whole level replaced for this instance
                    replaced = dict(out.definitions[num_id])
                    wrapper = _levels_of_one(lvl)
                    replaced.update(wrapper)
                    out.definitions[num_id] = replaced
        return out

    def next(self, num_id: str, ilvl: int) -> So | None:
        """The label of the next paragraph of list `num_id` at level `ilvl`, counting it."""
        levels = self.definitions.get(num_id)
        if not levels or num_id == "0":
            return None
        level = levels.get(ilvl) or levels.get(0)
        if level is None:
            return None
        counters = self.counters.setdefault(num_id, {})
        current = counters.get(ilvl)
        counters[ilvl] = (current + 1) if current is not None else self.starts.get((num_id, ilvl), level.start)
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Muc()).restart
            if restart is None or restart == 0 or restart > ilvl:
                del counters[deeper]
        if level.fmt == "bullet":
            return So(symbol(level.text), "bullet", ilvl)
        label = level.text
        for n in range(9):
            token = f"%{n + 1}"
            if token not in label:
                continue
            fmt = levels.get(n, Muc()).fmt
            if level.legal and n != ilvl:
                fmt = "decimal"
            value = counters.get(n)
            if value is None:
                other = levels.get(n, Muc())
                value = self.starts.get((num_id, n), other.start)
            label = label.replace(token, format_number(value, "decimal" if level.legal else fmt))
        return So(label, level.fmt, ilvl)


def _levels_of_one(lvl: Any) -> dict[int, Muc]:
    holder = lvl.getparent()
    levels = _levels(holder) if holder is not None else {}
    ilvl = _int(lvl.get(qn("w:ilvl")), 0)
    return {ilvl: levels[ilvl]} if ilvl in levels else {}
