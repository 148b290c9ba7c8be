"""`ntm render` (placeholder until the document presenters land)."""

from __future__ import annotations

import sys
from pathlib import Path


def render_command(plan: Path, output: Path | None, fmt: str | None, template: Path | None) -> int:
    sys.stderr.write("ntm: render chưa sẵn sàng.\n")
    return 2
