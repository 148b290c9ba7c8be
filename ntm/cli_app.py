"""The typer application: every command, option and help text of `ntm`.

This is the one definition of the command line. `ntm.cli.main()` sends it
everything except `ntm validate|check|render` with plain arguments, which
`ntm.cli.parse_fast()` reads with the same option names (FORMAT_OPTS, ...)
so that the common case starts without typer, click and rich;
tests/test_fast_cli.py checks that the two parse alike.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from ntm.cli import (
    ALL_OPTS,
    EXIT_INVALID,
    EXIT_USAGE,
    FORMAT_OPTS,
    JOBS_OPTS,
    OUTPUT_OPTS,
    STRICT_OPTS,
    TEMPLATE_OPTS,
    run_plans,
    use_color,
)

app = typer.Typer(
    name="ntm",
    help=(
        "ntm: kế hoạch xây dựng nông thôn mới dạng YAML.\n\n"
        "Ví dụ:\n\n"
        "  ntm check plans/huong-son-2023.yaml\n\n"
        "  ntm render plans/huong-son-2023.yaml -o ke-hoach.docx"
    ),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class DinhDang(str, Enum):
    """Must list ntm.cli.FORMATS, in order (the fast path accepts exactly those)."""

    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


class DinhDangVanBan(str, Enum):
    """Must list ntm.cli.RENDER_FORMATS, in order."""

    md = "md"
    docx = "docx"


class DinhDangDanhMuc(str, Enum):
    text = "text"
    json = "json"


def _fail_usage(message: str) -> NoReturn:
    sys.stderr.write(f"ntm: {message}\n")
    raise typer.Exit(EXIT_USAGE)


PathsArg = Annotated[
    list[Path], typer.Argument(help="Tệp kế hoạch (.yaml) hoặc thư mục (tìm mọi *.yaml, *.yml bên trong).", show_default=False)
]
FormatOpt = Annotated[
    DinhDang, typer.Option(*FORMAT_OPTS, help="text | json (JSON Lines) | github (chú thích GitHub Actions) | junit (XML).")
]
StrictOpt = Annotated[bool, typer.Option(*STRICT_OPTS, help="Coi cảnh báo là lỗi (mã thoát 1).")]
JobsOpt = Annotated[
    int | None,
    typer.Option(*JOBS_OPTS, min=0, help="Số tiến trình song song (mặc định: tự chọn theo số tệp và số nhân CPU)."),
]


@app.command("validate")
def validate_cmd(
    paths: PathsArg,
    format: FormatOpt = DinhDang.text,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Kiểm tra định dạng kế hoạch: lỗi YAML, lỗi khóa, kiểu dữ liệu, mã tiêu chí.

    Ví dụ: ntm validate plans/ --format github
    """
    raise typer.Exit(run_plans("validate", paths, format.value, strict, jobs, show_all=False))


@app.command("check")
def check_cmd(
    paths: PathsArg,
    format: FormatOpt = DinhDang.text,
    all_: Annotated[bool, typer.Option(*ALL_OPTS, help="Hiện mọi tiêu chí, không chỉ tiêu chí chưa đạt.")] = False,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Đánh giá kế hoạch theo bộ tiêu chí: liệt kê tiêu chí chưa đạt, số liệu, mức yêu cầu, chênh lệch và nguồn.

    Ví dụ: ntm check plans/huong-son-2023.yaml --all
    """
    raise typer.Exit(run_plans("check", paths, format.value, strict, jobs, show_all=all_))


@app.command("criteria")
def criteria_cmd(
    bo_tieu_chi: Annotated[
        str, typer.Option("--bo-tieu-chi", "-b", help="Mã bộ tiêu chí hoặc đường dẫn tới tệp bộ tiêu chí của tỉnh.")
    ] = "xa-ntm-2026-2030",
    vung: Annotated[str | None, typer.Option("--vung", help="Vùng (bộ 2021-2025), ví dụ bac-trung-bo.")] = None,
    nhom_xa: Annotated[int | None, typer.Option("--nhom-xa", min=1, max=3, help="Nhóm xã 1, 2, 3 (bộ 2026-2030).")] = None,
    nam: Annotated[int | None, typer.Option("--nam", min=2000, max=2100, help="Năm áp dụng.")] = None,
    dac_biet_kho_khan: Annotated[
        bool, typer.Option("--xa-dac-biet-kho-khan", help="Xã đặc biệt khó khăn / an toàn khu (áp dụng mức vùng TDMNPB).")
    ] = False,
    format: Annotated[DinhDangDanhMuc, typer.Option("--format", "-f", help="text | json")] = DinhDangDanhMuc.text,
) -> None:
    """Liệt kê tiêu chí, chỉ tiêu và mức yêu cầu của một bộ tiêu chí, kèm căn cứ pháp lý.

    Ví dụ: ntm criteria --bo-tieu-chi xa-ntm-nang-cao-2021-2025 --vung bac-trung-bo --nam 2023
    """
    from ntm.catalog import CatalogError, builtin_ids, load_catalog
    from ntm.criteria_view import criteria_view, print_criteria

    if vung is not None and nhom_xa is not None:
        _fail_usage("chỉ dùng một trong hai: --vung hoặc --nhom-xa.")
    try:
        bo = load_catalog(bo_tieu_chi, Path.cwd())
    except FileNotFoundError:
        from ntm.validation import suggestion_text

        _fail_usage(
            f"không có bộ tiêu chí '{bo_tieu_chi}'.{suggestion_text(bo_tieu_chi, builtin_ids())} "
            f"Các bộ có sẵn: {', '.join(builtin_ids())}."
        )
    except CatalogError as exc:
        for d in exc.diagnostics:
            sys.stderr.write(d.one_line() + "\n")
        raise typer.Exit(EXIT_INVALID) from None
    except OSError as exc:  # a name no file system accepts (too long, a loop of links)
        from ntm.loader import os_reason

        _fail_usage(f"không dùng được bộ tiêu chí '{bo_tieu_chi[:80]}' ({os_reason(exc)}).")
    try:
        view = criteria_view(bo, vung=vung, nhom_xa=nhom_xa, nam=nam, dac_biet_kho_khan=dac_biet_kho_khan)
    except ValueError as exc:
        _fail_usage(str(exc))
    print_criteria(view, format.value, sys.stdout, use_color() and format is DinhDangDanhMuc.text)


@app.command("render")
def render_cmd(
    plan: Annotated[Path, typer.Argument(help="Tệp kế hoạch (.yaml).", show_default=False)],
    output: Annotated[
        Path | None, typer.Option(*OUTPUT_OPTS, help="Tệp kết quả (.md hoặc .docx); mặc định in Markdown ra màn hình.")
    ] = None,
    format: Annotated[
        DinhDangVanBan | None, typer.Option(*FORMAT_OPTS, help="md | docx (mặc định theo đuôi tệp -o).")
    ] = None,
    template: Annotated[
        Path | None, typer.Option(*TEMPLATE_OPTS, help="Mẫu riêng: tệp .docx (tiêu đề, lề của đơn vị) hoặc .md.j2 (Jinja2).")
    ] = None,
) -> None:
    """Xuất văn bản kế hoạch: Markdown, hoặc .docx theo thể thức Nghị định 30/2020/NĐ-CP.

    Ví dụ: ntm render plans/huong-son-2023.yaml -o ke-hoach.docx
    """
    from ntm.render_cli import render_command

    raise typer.Exit(render_command(plan, output, format.value if format else None, template))


@app.command("schema")
def schema_cmd(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Ghi ra tệp thay vì màn hình.")] = None,
) -> None:
    """In JSON Schema của tệp kế hoạch (cho trình soạn thảo: yaml-language-server, VS Code).

    Ví dụ: ntm schema -o schema/ke-hoach.schema.json
    """
    from ntm.schema import schema_text
    from ntm.writer import OutputError, write_atomic

    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    if output.suffix.lower() in (".yaml", ".yml"):
        # `-o` next to plans: a slip of the hand must not replace a plan with a schema.
        _fail_usage(f"'{output}' là tên tệp YAML (kế hoạch?); lược đồ là JSON: hãy ghi ra tệp .json.")
    try:
        write_atomic(output, text.encode("utf-8"))
    except OutputError as exc:  # a missing or read-only folder is the caller's to fix
        _fail_usage(str(exc))
