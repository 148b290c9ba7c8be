"""The command line's frame in Vietnamese, set in one place: help layout, usage errors, option values.

typer (and the click it carries) writes its frame in English: "Usage:",
"Options", "Show this message and exit.", "No such option". The command
classes here write the help in Vietnamese, and `usage_error()` says each
kind of usage error in Vietnamese from the exception's own attributes (which
option, which parameter), never by rewording its English text. Option
values are read as text and checked here (`chon`, `so_nguyen`), so their
errors are ours too; `use_color` says whether the output is a person's terminal.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer._click import exceptions as click_errors
from typer.core import TyperCommand, TyperGroup

from ntm.cli import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from ntm.diagnostics.params import Cau, GiaTri
from ntm.diagnostics.suggest import suggest
from ntm.present.output import OutputError

OPTIONS_METAVAR = "[TÙY CHỌN]"
SUBCOMMAND_METAVAR = "LỆNH [ĐỐI SỐ]..."
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."

# What each positional argument is, for "thiếu đối số PLAN (tệp kế hoạch)".
ARGUMENTS = {"paths": "tệp hoặc thư mục kế hoạch", "plan": "tệp kế hoạch"}


class LoiCachDung(Exception):
    """The command cannot be carried out as given (exit 2), as a registry phrase.

    `lenh`: the command to point `--help` at (for errors in how it was typed);
    `nhan` false: not a slip in the command line but a path or an output the
    user must change ("ntm: không tìm thấy: …").
    """

    def __init__(self, cau: Cau, lenh: str | None = "ntm", nhan: bool = True) -> None:
        super().__init__(cau.key)
        self.cau = cau
        self.lenh = lenh
        self.nhan = nhan


def _metavar(param: Any) -> str:
    return str(getattr(param, "metavar", None) or (param.name or "").upper())


def _records(command: Any, ctx: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(arguments, options) as (name, help) rows: our own layout, without typer's English extras."""
    args: list[tuple[str, str]] = []
    opts: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        help_text = getattr(param, "help", None) or ""
        if param.param_type_name == "argument":
            args.append((_metavar(param), help_text))
        else:
            names = ", ".join(sorted(param.opts, key=len)) + (", " + ", ".join(param.secondary_opts) if param.secondary_opts else "")
            if not param.is_flag and param.metavar:
                names += f" {param.metavar}"
            opts.append((names, help_text))
    return args, opts


class _Vietnamese:
    """The frame words; mixed into typer's command and group classes."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Cách dùng: ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args, opts = _records(self, ctx)
        if args:
            with formatter.section("Đối số"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Tùy chọn"):
                formatter.write_dl(opts)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option


class NtmCommand(_Vietnamese, TyperCommand):
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [OPTIONS_METAVAR]
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_metavar(param) + ("..." if param.nargs < 0 else ""))
        return pieces

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.allow_extra_args = True  # then refused here, in Vietnamese
        try:
            rest: list[str] = super().parse_args(ctx, args)
        except click_errors.UsageError as exc:
            if exc.ctx is None:  # the option parser raises some without the command's context
                exc.ctx = ctx
            raise
        if rest:
            raise LoiCachDung(Cau("lenh.thua_doi_so", {"cac_doi_so": " ".join(rest)}), ctx.command_path)
        return rest


class NtmGroup(_Vietnamese, TyperGroup):
    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        """Every run ends here: usage errors in Vietnamese (2), Ctrl-C (130), a bug (4), else the command's code."""
        name = prog_name or "ntm"  # `python -m ntm` too: help and hints name the command users type
        code = guarded(lambda: TyperGroup.main(self, args, name, complete_var, False, windows_expand_args, **extra))
        if standalone_mode:
            sys.exit(code)
        return code

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Lệnh"):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            names = list(self.list_commands(ctx))
            best = suggest(name, names)
            hint = Cau("lenh.goi_y_lenh", {"ten": best}) if best else ""
            raise LoiCachDung(Cau("lenh.khong_co_lenh", {
                "ten": GiaTri(name), "cac_lenh": ", ".join(names), "goi_y": hint}))
        return super().resolve_command(ctx, args)


def usage_error(exc: Exception) -> LoiCachDung:
    """A click usage error, said in Vietnamese from what it is about."""
    ctx = getattr(exc, "ctx", None)
    lenh = ctx.command_path if ctx is not None else "ntm"
    if isinstance(exc, click_errors.NoSuchOption):
        best = (suggest(exc.option_name, exc.possibilities) if exc.possibilities else None) or (
            sorted(exc.possibilities)[0] if exc.possibilities else None)
        hint: Any = Cau("lenh.goi_y_tuy_chon", {"ten": best}) if best else ""
        return LoiCachDung(Cau("lenh.khong_co_tuy_chon", {"ten": exc.option_name, "goi_y": hint}), lenh)
    if isinstance(exc, click_errors.BadOptionUsage):
        option = next((p for p in ctx.command.params if exc.option_name in p.opts), None) if ctx else None
        key = "lenh.khong_nhan_gia_tri" if option is not None and getattr(option, "is_flag", False) else "lenh.can_gia_tri"
        return LoiCachDung(Cau(key, {"ten": exc.option_name}), lenh)
    if isinstance(exc, click_errors.MissingParameter) and exc.param is not None:
        name = exc.param.name or ""
        metavar = _metavar(exc.param).rstrip(".")
        return LoiCachDung(Cau("lenh.thieu_doi_so", {"ten": metavar, "mo_ta": ARGUMENTS.get(name, name)}), lenh)
    # Every other usage error is raised by ntm's own checks (LoiCachDung) and never reaches here;
    # a new kind from a newer typer is still shown, with its own words.
    return LoiCachDung(Cau("lenh.khac", {"chi_tiet": str(exc)}), lenh)


def use_color() -> bool:
    """Colour only for a person at a terminal: standard output is one, NO_COLOR unset, TERM not dumb."""
    return sys.stdout is not None and sys.stdout.isatty() and "NO_COLOR" not in os.environ \
        and os.environ.get("TERM") != "dumb"


# --------------------------------------------------------------------------- option values


def chon(value: str, choices: tuple[str, ...], option: str, lenh: str) -> str:
    """`option` as shown: "'--format' / '-f'"; `lenh`: the command, for the --help hint."""
    if value not in choices:
        raise LoiCachDung(Cau("lenh.gia_tri_khong_hop_le", {
            "gia_tri": GiaTri(value), "tuy_chon": option, "cac_gia_tri": ", ".join(f"'{c}'" for c in choices)}), lenh)
    return value


def so_nguyen(value: str, option: str, lenh: str, low: int | None = None, high: int | None = None) -> int:
    text = value.strip()
    if not (text.isascii() and text.lstrip("+-").isdigit()):
        raise LoiCachDung(Cau("lenh.can_so_nguyen", {"tuy_chon": option, "gia_tri": GiaTri(value)}), lenh)
    # Python refuses to convert thousands of digits; anything past 18 is "too large" anyway.
    number = int(text) if len(text) <= 18 else (-1 if text.startswith("-") else 1) * 10**18
    if high is not None and number > high:
        raise LoiCachDung(Cau("lenh.qua_lon", {"tuy_chon": option, "toi_da": high}), lenh)
    if low is not None and number < low:
        raise LoiCachDung(Cau("lenh.qua_nho", {"tuy_chon": option, "toi_thieu": low}), lenh)
    return number


def app(**kwargs: Any) -> typer.Typer:
    """A typer app whose commands and help use this frame."""
    return typer.Typer(cls=NtmGroup, options_metavar=OPTIONS_METAVAR, subcommand_metavar=SUBCOMMAND_METAVAR, **kwargs)


def _say(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr itself is gone: nothing left to tell
        pass


def _usage(error: LoiCachDung) -> int:
    from ntm.present.messages import phrase  # the registry's phrases: not loaded by a run that says none

    label = "lỗi cách dùng: " if error.nhan else ""
    hint = phrase(Cau("lenh.xem_huong_dan", {"lenh": error.lenh})) + "\n" if error.lenh else ""
    _say(f"ntm: {label}{phrase(error.cau)}\n{hint}")
    return EXIT_USAGE


def guarded(run: Callable[[], Any]) -> int:
    """Run a command; map how it ended to an exit code. Never a bare traceback."""
    try:
        code = run()
    except LoiCachDung as error:
        return _usage(error)
    except OutputError as exc:  # standard output failed: a cut output must not look like success
        if not exc.quiet:
            from ntm.present.messages import phrase

            _say(f"ntm: {phrase(exc.cau)}\n")
        return EXIT_USAGE
    except click_errors.NoArgsIsHelpError as exc:  # bare `ntm`: the help is the answer
        _say(exc.ctx.get_help() + "\n")
        return EXIT_USAGE
    except click_errors.UsageError as exc:
        return _usage(usage_error(exc))
    except (typer.Abort, KeyboardInterrupt):
        _say("ntm: đã dừng.\n")
        return EXIT_INTERRUPTED
    except typer.Exit as exc:
        return int(exc.exit_code)
    except Exception as exc:  # the last line of defence
        if os.environ.get("NTM_DEBUG"):
            raise
        _say(
            "ntm: lỗi nội bộ (không phải lỗi của kế hoạch): "
            f"{type(exc).__name__}\n"
            "Hãy báo lỗi này cho nhóm phát triển, kèm lệnh đã chạy. Đặt NTM_DEBUG=1 để xem chi tiết.\n"
        )
        return EXIT_INTERNAL
    return code if isinstance(code, int) else EXIT_OK
