"""A progress bar for long runs on a terminal (rich, on standard error), and nothing elsewhere."""

from __future__ import annotations

import os
import sys
from typing import Any

# Below this many files a run is over before a bar would be read.
TU_SO_TEP = 10


def can_hien(count: int) -> bool:
    """A bar only for a person watching: standard error is a terminal, not in CI, not dumb."""
    err = sys.stderr
    return (
        count >= TU_SO_TEP
        and err is not None and err.isatty()
        and not os.environ.get("CI")
        and os.environ.get("TERM") != "dumb"
    )


class TienDo:
    """`with TienDo(n, "Đang kiểm tra") as bar: … bar.them()`. While it runs, whatever goes to
    a standard output that is the same terminal is printed above the bar (`luong_ra`), so the
    two never overwrite each other; an output sent to a file or pipe is untouched."""

    def __init__(self, total: int, nhan: str) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn(nhan), BarColumn(), MofNCompleteColumn(), TextColumn("tệp, còn"), TimeRemainingColumn(),
            console=Console(file=sys.stderr), transient=True, redirect_stdout=False, redirect_stderr=False,
        )
        self.task = self.progress.add_task(nhan, total=total)

    def __enter__(self) -> TienDo:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def them(self) -> None:
        self.progress.advance(self.task)

    def luong_ra(self) -> Any:
        """Where standard output should be written while the bar shows (a terminal only)."""
        from rich.file_proxy import FileProxy

        return FileProxy(self.progress.console, sys.stdout)
