"""The command line: thin wiring of stages to exit codes (README, "Mã thoát").

Exit codes: 0 no problem; 1 a plan is invalid (or has warnings, with
--strict); 2 usage error; 3 (`check` only) the plan is valid but some
criteria are unmet; 4 internal error (a bug: please report it).

Start-up is most of a one-plan run, so this module imports almost nothing.
`ntm validate|check|render` with plain arguments (what CI and a prompt
type) is parsed here by `parse_fast()`; everything else (help, the other
commands, anything unusual, any argument click would refuse) goes to the
typer app in ntm.cli_app, the one definition of commands, options and help
texts. Skipping typer, click and rich saves 60-100 ms per run
(benchmarks/README.md).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

if TYPE_CHECKING:
    from ntm.diagnostics import Diagnostic

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_UNMET = 3
EXIT_INTERNAL = 4

# Options of `validate`, `check` and `render`. ntm.cli_app declares them with these names
# and parse_fast() reads them; tests/test_fast_cli.py checks that the two agree.
FORMATS = ("text", "json", "github", "junit")
RENDER_FORMATS = ("md", "docx")
FORMAT_OPTS = ("--format", "-f")
STRICT_OPTS = ("--strict",)
JOBS_OPTS = ("--jobs", "-j")
ALL_OPTS = ("--all", "-a")  # check only
OUTPUT_OPTS = ("--output", "-o")  # render
TEMPLATE_OPTS = ("--template", "-t")  # render


def use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _usage(message: str) -> int:
    sys.stderr.write(f"ntm: {message}\n")
    return EXIT_USAGE


def run_plans(command: str, paths: list[Path], fmt: str, strict: bool, jobs: int | None, show_all: bool) -> int:
    """`validate` / `check` over files and folders: report every plan, return the exit code."""
    from ntm.pipeline import expand_paths
    from ntm.report import Outcome, Rendered, Totals, make_reporter
    from ntm.runner import run_many

    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing:
        return _usage("không tìm thấy: " + ", ".join(str(p) for p in missing))
    files: list[str] = []  # str, not Path: 1 MB instead of 5 MB for 10,000 plans
    notes: list[Diagnostic] = []
    for path, note in expand_paths(paths):
        if note is not None:
            notes.append(note)
        else:
            files.append(str(path))
    reporter = make_reporter(fmt, sys.stdout, command, show_all, use_color() and fmt == "text")
    totals = Totals()
    reporter.start()
    for note in notes:
        reporter.outcome(Outcome(note.file, False, [note]))
        totals.warnings += 1
    # Workers write each plan's report text themselves when the reporter allows (not the rich table).
    render = (fmt, show_all) if reporter.prerenders else None
    for item in run_many(files, command, jobs, render):
        if isinstance(item, Rendered):
            reporter.emit(item)
        else:
            reporter.outcome(item)
        totals.add(item)
    reporter.finish(totals)
    sys.stdout.flush()
    if totals.errors or (strict and totals.warnings):
        return EXIT_INVALID
    if command == "check" and totals.with_unmet:
        return EXIT_UNMET
    return EXIT_OK


# --------------------------------------------------------------------------- fast path


# NamedTuple rather than dataclass: a fifth of the time to define, at every start-up.
class PlanArgs(NamedTuple):
    """`ntm validate|check` arguments, as the typer app would pass them to run_plans()."""

    command: str
    paths: list[Path]
    fmt: str = "text"
    strict: bool = False
    jobs: int | None = None
    show_all: bool = False


class RenderArgs(NamedTuple):
    """`ntm render` arguments, as the typer app would pass them to render_command()."""

    plan: Path
    output: Path | None = None
    fmt: str | None = None
    template: Path | None = None


def parse_fast(argv: Sequence[str]) -> PlanArgs | RenderArgs | None:
    """The arguments of `validate`, `check` or `render` when they are plain, else None.

    Plain means what click reads without surprises: positional paths; the
    options of that command as `--name value`, `--name=value` or `-n value`,
    with a value typer accepts (a known format, a non-negative integer);
    flags; a later option wins, as in click. Anything else (help, `--`,
    `-fjson`, an unknown option, a value typer would refuse, a path click
    would refuse) gives None, and typer answers with its own help or message.
    """
    if not argv or argv[0] not in ("validate", "check", "render"):
        return None
    if os.name == "nt" and any(ch in arg for arg in argv for ch in "*?["):
        return None  # typer expands wildcards on Windows
    command = argv[0]
    if command == "render":
        valued = {**dict.fromkeys(OUTPUT_OPTS, "output"), **dict.fromkeys(FORMAT_OPTS, "format"),
                  **dict.fromkeys(TEMPLATE_OPTS, "template")}
        flags: dict[str, str] = {}
    else:
        valued = {**dict.fromkeys(FORMAT_OPTS, "format"), **dict.fromkeys(JOBS_OPTS, "jobs")}
        flags = {**dict.fromkeys(STRICT_OPTS, "strict"), **(dict.fromkeys(ALL_OPTS, "all") if command == "check" else {})}
    read = _read_plain(argv[1:], valued, flags)
    if read is None:
        return None
    positional, options = read
    if not positional or not all(_plain_path(arg) for arg in positional):
        return None
    if command == "render":
        output, fmt, template = options.get("output"), options.get("format"), options.get("template")
        if len(positional) != 1 or fmt not in (None, *RENDER_FORMATS):
            return None
        if not all(p is None or _plain_path(p) for p in (output, template)):
            return None
        return RenderArgs(
            Path(positional[0]), Path(output) if output else None, fmt, Path(template) if template else None
        )
    fmt, jobs = options.get("format", "text"), options.get("jobs")
    if fmt not in FORMATS or (jobs is not None and not (jobs.isascii() and jobs.isdigit())):
        return None
    return PlanArgs(
        command, [Path(arg) for arg in positional], fmt, "strict" in options,
        int(jobs) if jobs is not None else None, "all" in options,
    )


def _read_plain(args: Sequence[str], valued: dict[str, str], flags: dict[str, str]) -> tuple[list[str], dict[str, str]] | None:
    """Positionals and {option: value} ("" for a flag), or None at the first thing that is not plain."""
    positional: list[str] = []
    options: dict[str, str] = {}
    rest = iter(args)
    for arg in rest:
        if not arg.startswith("-"):
            positional.append(arg)
            continue
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in valued:
            if not eq:
                value = next(rest, "")
            if not value or value.startswith("-"):
                return None
            options[valued[name]] = value
        elif arg in flags:
            options[flags[arg]] = ""
        else:
            return None
    return positional, options


def _plain_path(arg: str) -> bool:
    """A path typer converts with Path(arg) and click lets through: not "", not unreadable."""
    if not arg:
        return False  # typer turns "" into "."
    try:
        os.stat(arg)
    except (OSError, ValueError):
        return True  # a missing path is reported by the command itself, as on the typer path
    return os.access(arg, os.R_OK)  # click refuses an existing path it cannot read


def _run_fast(args: PlanArgs | RenderArgs) -> int:
    """The command, with the outcomes typer gives the same exceptions in a command."""
    try:
        if isinstance(args, RenderArgs):
            from ntm.render_cli import render_command

            return render_command(args.plan, args.output, args.fmt, args.template)
        return run_plans(args.command, args.paths, args.fmt, args.strict, args.jobs, args.show_all)
    except KeyboardInterrupt:
        return 130  # typer: Exit(130), no message
    except BrokenPipeError:
        # typer exits 1 and silences the closed stream; so does this.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INVALID


# --------------------------------------------------------------------------- typer path


# click's usage messages, said in Vietnamese; anything not listed is passed on as it is.
_USAGE_VI: tuple[tuple[str, str], ...] = (
    (r"^No such option: (\S+)(?: \(Possible options: (.*)\)| Did you mean (\S+)\?)?$", "không có tùy chọn {0}"),
    (r"^Missing argument '(\w+)'\.$", "thiếu đối số {0}"),
    (r"^Option '(\S+)' requires an argument\.$", "tùy chọn {0} cần một giá trị"),
    (r"^No such command '(.+)'\.$", "không có lệnh '{0}' (các lệnh: validate, check, criteria, render, schema)"),
    (r"^Got unexpected extra arguments? \((.*)\)$", "thừa đối số: {0}"),
    (r"^Invalid value for (.+?): .*?'(.*)' is not one of (.*)\.$", "giá trị '{1}' không hợp lệ cho {0}; chọn một trong: {2}"),
    (r"^Invalid value for (.+?): Input should be a valid integer.*$", "{0} cần một số nguyên"),
    (r"^Invalid value for (.+?): Input should be less than or equal to (\S+)$", "{0} không được lớn hơn {1}"),
    (r"^Invalid value for (.+?): Input should be greater than or equal to (\S+)$", "{0} không được nhỏ hơn {1}"),
    (r"^Invalid value for (.+?): (.*)$", "giá trị không hợp lệ cho {0}: {1}"),
)
_ARGUMENT_VI = {"paths": "PLAN (tệp hoặc thư mục kế hoạch)", "plan": "PLAN (tệp kế hoạch)"}


def vietnamese_usage(message: str) -> str:
    import re

    for pattern, template in _USAGE_VI:
        match = re.match(pattern, message.strip())
        if match:
            groups = [g or "" for g in match.groups()]
            if template.startswith("không có tùy chọn") and (groups[1] or (len(groups) > 2 and groups[2])):
                template += "; có phải ý bạn là: " + (groups[1] or groups[2]) + "?"
            if template.startswith("thiếu đối số"):
                groups[0] = _ARGUMENT_VI.get(groups[0], groups[0])
            return template.format(*groups)
    return message


def _click_classes(name: str) -> tuple[type[BaseException], ...]:
    """The exception class of typer's vendored click (typer >= 0.2x) and of click itself.

    Either may be absent: recent typer no longer installs click, older typer has no copy.
    """
    import importlib

    found: list[type[BaseException]] = []
    for module in ("typer._click.exceptions", "click.exceptions"):
        try:
            cls = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if isinstance(cls, type) and issubclass(cls, BaseException):
            found.append(cls)
    return tuple(found)


def _internal_error(exc: Exception) -> NoReturn:
    sys.stderr.write(
        "ntm: lỗi nội bộ (không phải lỗi của kế hoạch): "
        f"{type(exc).__name__}: {exc}\n"
        "Hãy báo lỗi này cho nhóm phát triển, kèm lệnh đã chạy. Đặt NTM_DEBUG=1 để xem chi tiết.\n"
    )
    if os.environ.get("NTM_DEBUG"):
        raise exc
    sys.exit(EXIT_INTERNAL)


def _main_typer() -> NoReturn:
    import typer

    from ntm.cli_app import app

    usage_errors = _click_classes("UsageError")
    aborts: tuple[type[BaseException], ...] = (*_click_classes("Abort"), typer.Abort)
    exits: tuple[type[BaseException], ...] = (*_click_classes("Exit"), typer.Exit)
    try:
        code = app(standalone_mode=False)
    except usage_errors as exc:
        name = getattr(getattr(getattr(exc, "ctx", None), "command", None), "name", None)
        hint = f"\nXem: ntm {name} --help" if name and name != "ntm" else "\nXem: ntm --help"
        format_message = getattr(exc, "format_message", None)
        message = format_message() if callable(format_message) else str(exc)
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `ntm`: the help is the message
            sys.stderr.write(f"{message}\n")
        else:
            sys.stderr.write(f"ntm: lỗi cách dùng: {vietnamese_usage(message)}{hint}\n")
        sys.exit(EXIT_USAGE)
    except aborts:
        sys.stderr.write("ntm: đã dừng.\n")
        sys.exit(130)
    except exits as exc:
        sys.exit(getattr(exc, "exit_code", EXIT_INTERNAL))
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        sys.stderr.write("ntm: đã dừng.\n")
        sys.exit(130)
    except Exception as exc:  # the last line of defence: never a bare traceback
        _internal_error(exc)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def main() -> None:
    """Entry point: usage errors exit 2; a bug prints a short Vietnamese message and exits 4."""
    args = parse_fast(sys.argv[1:])
    if args is None:
        _main_typer()
    try:
        code = _run_fast(args)
    except Exception as exc:  # the last line of defence: never a bare traceback
        _internal_error(exc)
    sys.exit(code)


def __getattr__(name: str) -> Any:
    """`ntm.cli.app` and the commands (tests, older imports) live in ntm.cli_app, loaded on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    from ntm import cli_app

    try:
        return getattr(cli_app, name)
    except AttributeError:
        raise AttributeError(f"module 'ntm.cli' has no attribute {name!r}") from None
