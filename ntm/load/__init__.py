"""Stage 1, load: bytes -> plain data + a source map (YAML path -> line:column).

PyYAML's defaults are traps for files that officials edit by hand
(docs/plan-format.md, "Quy tắc đọc tệp"); the rules, by concern:
`read` (regular files only, size-capped), `decode` (encodings, legacy
fonts, NFC), `compose` (no tags, no anchors, no duplicate keys, bounded
size and depth; scalars stay text), `syntax` (YAML errors in Vietnamese).
Only this stage and the catalog loader read files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ntm.diagnostics import Diagnostic
from ntm.load.bo_qua import BoQua, read_bo_qua
from ntm.load.compose import HAS_LIBYAML, compose
from ntm.load.decode import decode
from ntm.load.read import MAX_BYTES, os_reason, read_file, too_big
from ntm.load.source_map import SourceMap

__all__ = ["HAS_LIBYAML", "MAX_BYTES", "BoQua", "Loaded", "SourceMap", "load_bytes", "os_reason", "read_file"]


@dataclass
class Loaded:
    """One file, loaded: its data (None when refused), where each value was, and what went wrong."""

    file: str
    data: Any = None
    source_map: SourceMap = field(default_factory=lambda: SourceMap(""))
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bo_qua: list[BoQua] = field(default_factory=list)  # acceptances its comments write (`# ntm: bo-qua`)


def load_bytes(data: bytes, file: str) -> Loaded:
    if len(data) > MAX_BYTES:
        return Loaded(file, diagnostics=[too_big(file, len(data))])
    text, problems = decode(data, file)
    if text is None:
        return Loaded(file, diagnostics=problems)
    value, source_map, refused = compose(text, file)
    bo_qua, unread = read_bo_qua(text, file)
    # warnings about the text itself (NFD) first
    return Loaded(file, value, source_map, [*problems, *refused, *unread], bo_qua)
