"""`ntm schema`: the plan's JSON Schema, for editors (docs/editor.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from ntm.cli import EXIT_OK
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics.params import Cau
from ntm.plan.schema import schema_text
from ntm.present.output import Luong, OutputError, write_atomic


def schema_command(output: Path | None) -> int:
    text = schema_text()
    if output is None:
        out = Luong(sys.stdout)
        out.write(text)
        out.flush()
        return EXIT_OK
    if output.suffix.lower() in (".yaml", ".yml"):
        # `-o` next to plans: a slip of the hand must not replace a plan with a schema.
        raise LoiCachDung(Cau("ghi.luoc_do_yaml", {"tep": str(output)}), "ntm schema")
    try:
        write_atomic(output, text.encode("utf-8"))
    except OutputError as exc:  # a missing or read-only folder is the caller's to fix
        raise LoiCachDung(exc.cau, None, nhan=False) from None
    return EXIT_OK
