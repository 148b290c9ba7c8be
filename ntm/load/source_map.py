"""Where each value of a loaded file was written: YAML path -> line and column.

Made once by the loader; later stages report YAML paths only, and the run
fills in `file:line:col` from this map in one place. It holds positions, not
YAML nodes, so nothing after loading keeps the parser's tree alive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ntm.diagnostics import Diagnostic, YamlPath

# path -> (key line, key column, value line, value column), all 1-based. For a list
# item the "key" is the item itself. A value's position is the key's when the value
# is a mapping, a list or empty: that is where an officer looks for it.
Positions = tuple[int, int, int, int]


@dataclass
class SourceMap:
    file: str
    positions: dict[YamlPath, Positions] = field(default_factory=dict)

    def position(self, path: YamlPath, at_key: bool = False) -> tuple[int | None, int | None]:
        """The line and column of `path`, or of its closest ancestor in the file.

        A missing required key is reported at the mapping that should hold it;
        `at_key` gives a key's own position (an unknown or duplicate key).
        """
        for end in range(len(path), -1, -1):
            found = self.positions.get(path[:end])
            if found is not None:
                return (found[0], found[1]) if at_key else (found[2], found[3])
        return (None, None)

    def place(self, diagnostic: Diagnostic) -> Diagnostic:
        """The diagnostic with its line and column, unless it already has them, is about
        another file, or is about the file as a whole."""
        if diagnostic.line is not None or not diagnostic.co_vi_tri or diagnostic.file != self.file:
            return diagnostic
        if not self.positions:
            return diagnostic
        line, column = self.position(diagnostic.path, diagnostic.at_key)
        return diagnostic.at(line, column)
