"""Guesses: every value the import did not read verbatim from the document, with the words it
was guessed from. Each becomes a comment `# ntm import: đoán từ "…" — kiểm tra lại` on its
key in the YAML, and a line of the summary on stderr. Nothing is guessed silently."""

from __future__ import annotations

from dataclasses import dataclass

from ntm.nhap.chu import trich

YamlPath = tuple[str | int, ...]


@dataclass(frozen=True)
class DuDoan:
    """A guessed value at `path`: `nguon` is what the document says (quoted), `ly_do` how the
    value follows from it (one short Vietnamese clause), or why nothing could be read."""

    path: YamlPath
    nguon: str
    ly_do: str = ""

    def comment(self) -> str:
        quoted = f'đoán từ "{trich(self.nguon)}"' if self.nguon else "văn bản không nêu"
        reason = f" ({self.ly_do})" if self.ly_do else ""
        return f"ntm import: {quoted}{reason} — kiểm tra lại"


def path_text(path: YamlPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + part
    return out
