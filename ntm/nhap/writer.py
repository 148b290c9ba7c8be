"""The imported plan as YAML text, with a comment on every guessed key.

Written here rather than by a YAML library: PyYAML drops comments, and what is needed is
small (block mappings and lists, one comment line above a key, long text folded as in the
shipped plans). Each scalar is quoted exactly when PyYAML's own emitter would quote it, so
the text reads back to the same values; `ntm.nhap` checks that with the shipped loader
(ntm.load) before anything is written.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ntm.nhap.du_doan import YamlPath

WIDTH = 100  # the shipped plans fold long text at about this width
_ALWAYS_QUOTED = {"so_hieu"}  # docs/plan-format.md: a document number is always quoted


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _quoted(text: str, force: bool = False) -> str:
    """The scalar on one line: plain when YAML reads it back as this very text, else quoted.
    A date stays plain, as in the shipped plans: ntm's loader keeps every scalar as text."""
    if not force and _ISO_DATE.match(text):
        return text
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10**9, default_style='"' if force else None)
    line = dumped.removesuffix("\n...\n").removesuffix("\n")
    return line


def _fold(text: str, indent: int) -> list[str] | None:
    """Lines of a folded block scalar (`>-`) for `text`, or None when folding would change it."""
    if "\n" in text or "  " in text or text != text.strip() or not text.isprintable():
        return None
    room = max(WIDTH - indent, 40)
    words = text.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > room:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    if any(line.startswith(("#",)) or not line for line in lines):
        return None
    return lines


def _literal(text: str) -> list[str] | None:
    """Lines of a literal block scalar (`|-`) for text with line breaks, or None."""
    lines = text.split("\n")
    if not lines[0] or lines[0][0] in " \t" or any(line != line.rstrip() for line in lines):
        return None
    if not all(line.isprintable() for line in lines):
        return None
    return lines


class _Writer:
    def __init__(self, comments: dict[YamlPath, list[str]]) -> None:
        self.comments = comments
        self.out: list[str] = []

    def comment(self, path: YamlPath, indent: int) -> None:
        for text in self.comments.get(path, []):
            self.out.append(f"{' ' * indent}# {text}")

    def scalar_lines(self, key_prefix: str, value: Any, indent: int, key: str | None) -> None:
        if isinstance(value, bool):
            self.out.append(f"{key_prefix}{'true' if value else 'false'}")
            return
        if isinstance(value, int):
            self.out.append(f"{key_prefix}{value}")
            return
        if value is None:
            self.out.append(key_prefix.rstrip())
            return
        text = str(value)
        force = key in _ALWAYS_QUOTED
        one_line = _quoted(text, force)
        if "\n" in text:
            lines = _literal(text)
            if lines is not None:
                self.out.append(f"{key_prefix}|-")
                self.out.extend(f"{' ' * (indent + 2)}{line}" if line else "" for line in lines)
                return
        elif not force and len(key_prefix) + len(one_line) > WIDTH:
            folded = _fold(text, indent + 2)
            if folded is not None and len(folded) > 1:
                self.out.append(f"{key_prefix}>-")
                self.out.extend(f"{' ' * (indent + 2)}{line}" for line in folded)
                return
        self.out.append(f"{key_prefix}{one_line}")

    def mapping(self, data: dict[str, Any], indent: int, path: YamlPath, first_prefix: str | None = None) -> None:
        for n, (key, value) in enumerate(data.items()):
            here = (*path, key)
            pad = " " * indent
            prefix = first_prefix if (n == 0 and first_prefix is not None) else pad
            if n == 0 and first_prefix is not None:
                if self.comments.get(here):
                    # a comment cannot stand between "- " and the first key: put it above the item
                    self.comment(here, indent - 2)
            else:
                self.comment(here, indent)
            label = f"{prefix}{_key(key)}:"
            if isinstance(value, dict):
                if not value:
                    self.out.append(f"{label} {{}}")
                    continue
                self.out.append(label)
                self.mapping(value, indent + 2, here)
            elif isinstance(value, list):
                if not value:
                    self.out.append(f"{label} []")
                    continue
                self.out.append(label)
                self.sequence(value, indent + 2, here)
            else:
                self.scalar_lines(f"{label} ", value, indent, key)

    def sequence(self, items: list[Any], indent: int, path: YamlPath) -> None:
        pad = " " * indent
        for n, item in enumerate(items):
            here = (*path, n)
            self.comment(here, indent)
            if isinstance(item, dict):
                if not item:
                    self.out.append(f"{pad}- {{}}")
                    continue
                self.mapping(item, indent + 2, here, first_prefix=f"{pad}- ")
            elif isinstance(item, list):
                flow = _flow(item)
                if flow is not None and len(pad) + 2 + len(flow) <= FLOW_WIDTH and not self.comments.get(here):
                    self.out.append(f"{pad}- {flow}")
                    continue
                self.out.append(f"{pad}-")
                self.sequence(item, indent + 2, here)
            else:
                self.scalar_lines(f"{pad}- ", item, indent, None)


FLOW_WIDTH = 140  # a table row on one line, as the shipped plans write them, when it fits


def _flow(items: list[Any]) -> str | None:
    """A list of scalars as one flow sequence ("[1, Đường thôn, 520]"), quoted by PyYAML's emitter."""
    if any(isinstance(i, (dict, list)) or (isinstance(i, str) and "\n" in i) for i in items):
        return None
    dumped = yaml.safe_dump(items, allow_unicode=True, default_flow_style=True, width=10**9)
    return dumped.strip()


def _key(key: str) -> str:
    return key if key.replace("_", "").isalnum() and key.isascii() else _quoted(key)


def yaml_text(data: dict[str, Any], comments: dict[YamlPath, list[str]], header: list[str]) -> str:
    writer = _Writer(comments)
    writer.out.extend(f"# {line}" if line else "#" for line in header)
    previous_top: str | None = None
    for key, value in data.items():
        if previous_top is not None and isinstance(value, (dict, list)):
            writer.out.append("")
        writer.mapping({key: value}, 0, ())
        previous_top = key
    return "\n".join(writer.out) + "\n"


def as_loaded(value: Any) -> Any:
    """What the shipped loader gives back for `value`: every scalar as text."""
    if isinstance(value, dict):
        return {str(k): as_loaded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_loaded(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return None
    return str(value)
