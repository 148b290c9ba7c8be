"""The command line: one typer app (ntm.cli.app), wiring stages to documented exit codes.

Exit codes (README, "Mã thoát"): 0 no problem; 1 a plan, set or template is
invalid (or has warnings, with --strict); 2 usage error or an output that
cannot be written; 3 (`check`) the plan is valid but some criteria are
unmet; 4 internal error (a bug: please report it).
"""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_UNMET = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130


PLUGINS_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugin at all"


def defer_plugin_metadata() -> None:
    """Import pydantic's plugin loader without `importlib.metadata` when plugins are off.

    The loader imports `importlib.metadata` at module level (with `email`, `zipfile`,
    `socket`, `csv`: ~11 ms of each run, benchmarks/README.md) although, plugins being off,
    it never calls it. While the loader is imported it gets an `entry_points` that imports
    the real module on its first call, so a plugin turned back on still works. If pydantic
    moves its loader, nothing is deferred and nothing else changes.
    """
    import os
    import sys
    import types

    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in PLUGINS_OFF or "importlib.metadata" in sys.modules:
        return

    def entry_points(**params: Any) -> Any:
        import importlib.metadata

        return importlib.metadata.entry_points(**params)

    stand_in = types.ModuleType("importlib.metadata")
    stand_in.entry_points = entry_points  # type: ignore[attr-defined]
    sys.modules["importlib.metadata"] = stand_in
    try:
        import pydantic.plugin._loader  # noqa: F401
    except ImportError:
        pass
    finally:
        if sys.modules.get("importlib.metadata") is stand_in:
            del sys.modules["importlib.metadata"]


def command_line(app: Any, args: list[str]) -> Any:
    """`app`'s parser for `args`: the group of every command or, when `args` start with a
    command's exact name, the group of that command alone.

    typer builds every command's parser (its options and their coercions) before it reads the
    command line: ~10 ms for the eight commands, of which a run uses one (benchmarks/README.md).
    Help, a mistyped command, an option before the command: every command is there.
    """
    import typer.main

    every = app.registered_commands
    chosen = [c for c in every if args and c.name == args[0]]
    if len(chosen) != 1:
        return typer.main.get_command(app)
    # get_group, not get_command: typer makes an app of one command that command itself
    app.registered_commands = chosen
    try:
        return typer.main.get_group(app)
    finally:
        app.registered_commands = every


def main() -> None:
    """Entry point of the `ntm` script and `python -m ntm`.

    Once the command is done and its output flushed, the process ends at once
    (os._exit): tearing down the interpreter's modules and objects would take
    ~30 ms more of every run (benchmarks/README.md) and does nothing for us:
    files are closed and worker pools joined before the command returns.
    """
    import gc
    import os
    import sys

    # Start-up declares the plan and catalog models and builds their validators: hundreds of
    # thousands of objects that live as long as the process, which the collector's default
    # thresholds (700, 10, 10) walk again and again to free nothing (~7 ms of a one-plan run,
    # benchmarks/README.md). Cyclic garbage is still collected, every 10,000 allocations.
    gc.set_threshold(10_000, 50, 100)
    # ntm uses no pydantic plugin; looking for them scans every installed package's metadata
    # (~20 ms of each run, benchmarks/README.md). A user who sets the variable keeps their choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    defer_plugin_metadata()

    from ntm.cli.app import app

    code = command_line(app, sys.argv[1:])(standalone_mode=False)
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            if stream is sys.stdout and code in (EXIT_OK, EXIT_UNMET):
                code = EXIT_USAGE  # the output could not be written: that is not success
    os._exit(code if isinstance(code, int) else EXIT_OK)
