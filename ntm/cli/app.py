"""The typer application: every command, option and help text of `ntm`, the one parser.

Options are read as text and checked by ntm.cli.frame, so every message is
Vietnamese; commands import what they need inside their bodies, so
`ntm --help` and `ntm validate` load no document or report libraries.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated

import typer

from ntm.cli import frame
from ntm.diagnostics.params import Cau
from ntm.present.formats import CHECK, CRITERIA, RENDER, REPORT

app = frame.app(
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
# Every command is an NtmCommand (ntm.cli.frame): Vietnamese help and usage errors.
command = functools.partial(app.command, cls=frame.NtmCommand, options_metavar=frame.OPTIONS_METAVAR)

FORMAT = "'--format' / '-f'"

PathsArg = Annotated[
    list[str],
    typer.Argument(metavar="PLAN", help="Tệp kế hoạch (.yaml) hoặc thư mục (tìm mọi *.yaml, *.yml bên trong).",
                   show_default=False),
]
FormatOpt = Annotated[
    str,
    typer.Option("--format", "-f", metavar="ĐỊNH_DẠNG", show_default=False,
                 help=CHECK.help_text() + "."),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Coi cảnh báo chưa chấp nhận là lỗi (mã thoát 1).")]
JobsOpt = Annotated[
    str | None,
    typer.Option("--jobs", "-j", metavar="SỐ", show_default=False,
                 help="Số tiến trình song song, 0 đến 32 (mặc định: tự chọn theo số tệp và số nhân CPU)."),
]


AnywhereOpt = Annotated[
    bool,
    typer.Option("--cho-phep-ngoai-kho",
                 help="Cho kế hoạch dùng tệp bộ tiêu chí ngoài kho (thư mục chứa .git gần nhất; mặc định: không)."),
]


ConfigOpt = Annotated[
    str | None,
    typer.Option("--cau-hinh", metavar="TỆP", show_default=False,
                 help="Tệp ntm.toml ([bo-qua], [muc-do]) thay cho tệp tìm từ thư mục kế hoạch lên tới gốc kho."),
]
ShowAcceptedOpt = Annotated[
    bool,
    typer.Option("--hien-bo-qua",
                 help="Hiện cả cảnh báo đã chấp nhận (# ntm: bo-qua, # ntm: bo-qua-tep, ntm.toml) và nơi chấp nhận."),
]


def _jobs(value: str | None, lenh: str) -> int | None:
    from ntm.run import MAX_JOBS

    return None if value is None else frame.so_nguyen(value, "--jobs", lenh, 0, MAX_JOBS)


@command("init")
def init_cmd(
    plan: Annotated[
        str | None, typer.Argument(metavar="PLAN", show_default=False,
                                   help="Tệp kế hoạch sẽ tạo (.yaml); - để in ra màn hình. Không ghi đè tệp đã có.")
    ] = None,
    bo_tieu_chi: Annotated[
        str | None, typer.Option("--bo-tieu-chi", "-b", metavar="MÃ", show_default=False,
                                 help="Mã bộ tiêu chí (xem ntm criteria), ví dụ xa-ntm-2021-2025, xa-ntm-2026-2030; "
                                      "hoặc đường dẫn tới tệp bộ tiêu chí của tỉnh. Bắt buộc.")
    ] = None,
    vung: Annotated[str | None, typer.Option(
        "--vung", metavar="VÙNG", show_default=False,
        help="Vùng, bắt buộc với bộ xét theo vùng (2021-2025), ví dụ bac-trung-bo; gõ sai sẽ thấy danh sách vùng.",
    )] = None,
    nhom_xa: Annotated[str | None, typer.Option(
        "--nhom-xa", metavar="NHÓM", show_default=False,
        help="Nhóm xã 1, 2 hoặc 3, bắt buộc với bộ xét theo nhóm xã (2026-2030).",
    )] = None,
    nam: Annotated[str | None, typer.Option(
        "--nam", metavar="NĂM", show_default=False,
        help="Năm kế hoạch, trong giai đoạn của bộ tiêu chí. Bắt buộc (hoặc --giai-doan).",
    )] = None,
    giai_doan: Annotated[str | None, typer.Option(
        "--giai-doan", metavar="NĂM-NĂM", show_default=False,
        help="Kế hoạch nhiều năm, thay cho --nam: năm đầu-năm cuối, ví dụ 2026-2030.",
    )] = None,
    cap: Annotated[str, typer.Option(
        "--cap", metavar="CẤP", show_default=False,
        help="Cấp của kế hoạch: xa (mặc định), huyen hoặc tinh; kế hoạch cấp huyện, tỉnh không có --xa.",
    )] = "xa",
    xa: Annotated[str | None, typer.Option(
        "--xa", metavar="XÃ", show_default=False,
        help="Tên xã, không kèm chữ \"xã\", ví dụ \"Hương Sơn\". Bắt buộc với kế hoạch cấp xã.",
    )] = None,
    tinh: Annotated[str | None, typer.Option(
        "--tinh", metavar="TỈNH", show_default=False, help="Tên tỉnh, thành phố. Bắt buộc.",
    )] = None,
    huyen: Annotated[str | None, typer.Option(
        "--huyen", metavar="HUYỆN", show_default=False,
        help="Tên huyện (không bắt buộc: cấp huyện kết thúc từ 01/7/2025).",
    )] = None,
    ma_xa: Annotated[str | None, typer.Option(
        "--ma-xa", metavar="MÃ", show_default=False,
        help="Mã đơn vị hành chính cấp xã (5 chữ số): định danh xã trong ntm report (không bắt buộc).",
    )] = None,
    dac_biet_kho_khan: Annotated[bool, typer.Option(
        "--xa-dac-biet-kho-khan",
        help="Xã đặc biệt khó khăn: ghi vào kế hoạch, và chú thích ghi mức theo quy tắc của bộ (vùng TDMNPB).",
    )] = False,
    an_toan_khu: Annotated[bool, typer.Option(
        "--xa-an-toan-khu",
        help="Xã an toàn khu thuộc huyện nghèo, huyện vừa thoát nghèo: như --xa-dac-biet-kho-khan.",
    )] = False,
    anywhere: AnywhereOpt = False,
) -> int:
    """Tạo khung kế hoạch mới: mọi tiêu chí, chỉ tiêu của bộ với nội dung, đơn vị, mức yêu cầu và nguồn
    trong chú thích; số liệu và phần văn bản để trống chờ điền. Trên terminal, hỏi những gì còn thiếu.

    Ví dụ: ntm init ke-hoach-2024.yaml -b xa-ntm-2021-2025 --vung bac-trung-bo --nam 2024 --xa "Hương Sơn"
    --tinh "Quảng Trị"; kế hoạch của tỉnh, nhiều năm: ntm init ke-hoach-tinh.yaml -b xa-ntm-2026-2030 --cap tinh
    --tinh "Nam Định" --giai-doan 2026-2030
    """
    from ntm.cli.init import KyKhung, init_command

    return init_command(plan, bo_tieu_chi, vung, nhom_xa, KyKhung(nam, giai_doan, cap), xa, tinh, huyen,
                        dac_biet_kho_khan, an_toan_khu, anywhere, ma_xa)


@command("validate")
def validate_cmd(
    paths: PathsArg, format: FormatOpt = str(CHECK.default), strict: StrictOpt = False, jobs: JobsOpt = None,
    anywhere: AnywhereOpt = False, cau_hinh: ConfigOpt = None, hien_bo_qua: ShowAcceptedOpt = False,
) -> int:
    """Kiểm tra định dạng kế hoạch: lỗi YAML, lỗi khóa, kiểu dữ liệu, mã tiêu chí.

    Ví dụ: ntm validate plans/ --format github
    """
    from ntm.cli.plans import run_plans

    fmt = frame.chon(format, CHECK.names, FORMAT, "ntm validate")
    return run_plans("validate", paths, fmt, strict, _jobs(jobs, "ntm validate"), False, anywhere,
                     cau_hinh=cau_hinh, hien_bo_qua=hien_bo_qua)


@command("check")
def check_cmd(
    paths: PathsArg,
    format: FormatOpt = str(CHECK.default),
    all_: Annotated[bool, typer.Option("--all", "-a", help="Hiện mọi tiêu chí, không chỉ tiêu chí chưa đạt.")] = False,
    strict: StrictOpt = False,
    allow_unmet: Annotated[bool, typer.Option(
        "--cho-phep-chua-dat",
        help="Tiêu chí chưa đạt không làm lệnh thất bại (mã 0 thay vì 3); kế hoạch lỗi, cảnh báo (với --strict) "
             "vẫn thất bại. Dùng cho hook pre-commit, CI của kho kế hoạch.")] = False,
    jobs: JobsOpt = None,
    anywhere: AnywhereOpt = False,
    so_voi: Annotated[str | None, typer.Option(
        "--so-voi", metavar="PHIÊN_BẢN", show_default=False,
        help="So mỗi kế hoạch với bản của nó ở một phiên bản git (commit, nhánh, thẻ: HEAD~1, origin/main): "
             "tiêu chí đổi trạng thái, số liệu và mục tiêu thay đổi, kế hoạch mới, kế hoạch đã xóa. "
             "Mã thoát vẫn theo kết quả hiện tại.")] = None,
    cau_hinh: ConfigOpt = None,
    hien_bo_qua: ShowAcceptedOpt = False,
) -> int:
    """Đánh giá kế hoạch theo bộ tiêu chí: liệt kê tiêu chí chưa đạt, số liệu, mức yêu cầu, chênh lệch và nguồn.

    Ví dụ: ntm check plans/huong-son-2023.yaml --all; ntm check plans/ --so-voi origin/main
    """
    from ntm.cli.plans import run_plans

    fmt = frame.chon(format, CHECK.names, FORMAT, "ntm check")
    return run_plans("check", paths, fmt, strict, _jobs(jobs, "ntm check"), all_, anywhere, allow_unmet, so_voi,
                     cau_hinh, hien_bo_qua)


@command("report")
def report_cmd(
    paths: PathsArg,
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="TỆP", show_default=False,
                                 help=f"Tệp báo cáo: {REPORT.suffix_help()}.")
    ] = None,
    tinh: Annotated[str | None, typer.Option("--tinh", metavar="TỈNH", help="Chỉ các kế hoạch của tỉnh này.")] = None,
    nam: Annotated[str | None, typer.Option("--nam", metavar="NĂM", help="Một năm (2024) hoặc một khoảng (2022-2024).")] = None,
    bo_tieu_chi: Annotated[
        str | None, typer.Option("--bo-tieu-chi", "-b", metavar="MÃ", help="Chỉ các kế hoạch theo bộ tiêu chí này.")
    ] = None,
    danh_sach_xa: Annotated[
        str | None, typer.Option("--danh-sach-xa", metavar="TỆP",
                                 help="Danh sách xã chính thức của tỉnh (CSV UTF-8 hoặc YAML, cột ma_xa,ten_xa,huyen_cu,"
                                      "vung_hoac_nhom,nam_cong_nhan): tỷ lệ trên tổng số xã, xã chưa có kế hoạch.")
    ] = None,
    jobs: JobsOpt = None,
) -> int:
    """Báo cáo nhiều xã, nhiều năm: ma trận tiêu chí, tiêu chí chưa đạt, chỉ số toàn tỉnh, tiến độ.

    Ví dụ: ntm report plans/ -o bao-cao.xlsx --tinh "Quảng Trị" --nam 2023-2025 --danh-sach-xa ds-xa.csv
    """
    from ntm.cli.report import output_format, report_command
    from ntm.tong_hop.gop import Loc

    lenh = "ntm report"
    fmt = output_format(output)
    years = None
    if nam is not None:
        low, sep, high = nam.strip().partition("-")
        first = frame.so_nguyen(low, "--nam", lenh, 2000, 2100)
        last = frame.so_nguyen(high, "--nam", lenh, 2000, 2100) if sep else first
        if last < first:
            raise frame.LoiCachDung(Cau("bao_cao.nam_nguoc", {"tu": first, "den": last}), lenh)
        years = (first, last)
    assert output is not None
    return report_command(paths, output, fmt, Loc(tinh, years, bo_tieu_chi), _jobs(jobs, lenh),
                          Path(danh_sach_xa) if danh_sach_xa is not None else None)


@command("criteria")
def criteria_cmd(
    bo_tieu_chi: Annotated[
        str, typer.Option("--bo-tieu-chi", "-b", metavar="MÃ", show_default=False,
                          help="Mã bộ tiêu chí hoặc đường dẫn tới tệp bộ tiêu chí của tỉnh (mặc định: xa-ntm-2026-2030).")
    ] = "xa-ntm-2026-2030",
    vung: Annotated[str | None, typer.Option("--vung", metavar="VÙNG", help="Vùng (bộ 2021-2025), ví dụ bac-trung-bo.")] = None,
    nhom_xa: Annotated[str | None, typer.Option("--nhom-xa", metavar="NHÓM", help="Nhóm xã 1, 2, 3 (bộ 2026-2030).")] = None,
    nam: Annotated[str | None, typer.Option("--nam", metavar="NĂM", help="Năm áp dụng.")] = None,
    dac_biet_kho_khan: Annotated[
        bool, typer.Option("--xa-dac-biet-kho-khan", help="Xã đặc biệt khó khăn / an toàn khu (áp dụng mức vùng TDMNPB).")
    ] = False,
    format: Annotated[str, typer.Option("--format", "-f", metavar="ĐỊNH_DẠNG", show_default=False,
                                        help=CRITERIA.help_text() + ".")] = str(CRITERIA.default),
    anywhere: AnywhereOpt = False,
    bo_tinh: Annotated[str | None, typer.Option(
        "--bo-tinh", metavar="TỆP", show_default=False,
        help="Tạo tệp bộ tiêu chí của tỉnh kế thừa bộ -b, liệt kê (trong chú thích) mọi chỉ tiêu chưa có mức cho "
             "--vung/--nhom-xa để điền theo quyết định của tỉnh; không ghi đè tệp đã có (- để in ra màn hình).",
    )] = None,
) -> int:
    """Liệt kê tiêu chí, chỉ tiêu và mức yêu cầu của một bộ tiêu chí, kèm căn cứ pháp lý.

    Ví dụ: ntm criteria --bo-tieu-chi xa-ntm-nang-cao-2021-2025 --vung bac-trung-bo --nam 2023;
    bộ của tỉnh: ntm criteria --bo-tinh bo-tieu-chi-tinh.yaml -b xa-ntm-2021-2025 --vung bac-trung-bo
    """
    from ntm.cli.criteria import criteria

    lenh = "ntm criteria"
    group = frame.so_nguyen(nhom_xa, "--nhom-xa", lenh, 1, 3) if nhom_xa is not None else None
    year = frame.so_nguyen(nam, "--nam", lenh, 2000, 2100) if nam is not None else None
    fmt = frame.chon(format, CRITERIA.names, FORMAT, lenh)
    return criteria(bo_tieu_chi, vung, group, year, dac_biet_kho_khan, fmt, anywhere, bo_tinh)


@command("render")
def render_cmd(
    plan: Annotated[str, typer.Argument(metavar="PLAN", help="Tệp kế hoạch (.yaml).", show_default=False)],
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="TỆP",
                                 help=f"Tệp văn bản: {RENDER.suffix_help()}; mặc định in Markdown ra màn hình.")
    ] = None,
    format: Annotated[
        str | None, typer.Option("--format", "-f", metavar="ĐỊNH_DẠNG", show_default=False,
                                 help=f"Văn bản: {RENDER.choices()} (mặc định theo đuôi tệp -o; không có -o: "
                                      f"{RENDER.default}). Hoặc chẩn đoán của kế hoạch: {CHECK.choices()} "
                                      f"({CHECK.default}: ra stderr; các dạng khác: ra màn hình, cần -o).")
    ] = None,
    template: Annotated[
        str | None, typer.Option("--template", "-t", metavar="MẪU",
                                 help="Mẫu riêng: tệp .docx (tiêu đề, lề của đơn vị) hoặc .md.j2 (Jinja2).")
    ] = None,
    anywhere: AnywhereOpt = False,
    cau_hinh: ConfigOpt = None,
    hien_bo_qua: ShowAcceptedOpt = False,
    du_thao: Annotated[
        bool, typer.Option("--du-thao", help="Xuất bản DỰ THẢO: ghi chữ DỰ THẢO ở đầu văn bản, in cả chỗ "
                                             "[ĐIỀN: …] còn lại (không có tùy chọn này, kế hoạch còn chỗ "
                                             "chờ điền thì không xuất).")
    ] = False,
) -> int:
    """Xuất văn bản kế hoạch: Markdown, hoặc .docx (và .pdf qua LibreOffice) theo thể thức Nghị định
    30/2020/NĐ-CP, hoặc Hướng dẫn 36-HD/VPTW với văn bản của Đảng.

    Ví dụ: ntm render plans/huong-son-2023.yaml -o ke-hoach.docx
    """
    from ntm.cli.render import render_command

    fmt = frame.chon(format, RENDER.names + CHECK.names, FORMAT, "ntm render") if format is not None else None
    return render_command(Path(plan), Path(output) if output else None, fmt, Path(template) if template else None,
                          anywhere, cau_hinh, hien_bo_qua, du_thao)


@command("import")
def import_cmd(
    source: Annotated[str, typer.Argument(metavar="TỆP", show_default=False,
                                          help="Văn bản kế hoạch Word: .docx; .doc, .odt được chuyển qua LibreOffice.")],
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="PLAN", show_default=False,
        help="Tệp kế hoạch sẽ tạo (.yaml); mặc định in ra màn hình. Không ghi đè tệp đã có.")] = None,
    bo_tieu_chi: Annotated[str | None, typer.Option(
        "--bo-tieu-chi", "-b", metavar="MÃ", show_default=False,
        help="Bộ tiêu chí của kế hoạch (mặc định: đoán theo tiêu đề, năm và tên các tiêu chí trong văn bản).")] = None,
    vung: Annotated[str | None, typer.Option(
        "--vung", metavar="VÙNG", show_default=False,
        help="Vùng (bộ 2021-2025), ví dụ bac-trung-bo; mặc định: đoán theo tỉnh nếu văn bản nêu tỉnh.")] = None,
    nhom_xa: Annotated[str | None, typer.Option(
        "--nhom-xa", metavar="NHÓM", show_default=False, help="Nhóm xã 1, 2 hoặc 3 (bộ 2026-2030).")] = None,
    nam: Annotated[str | None, typer.Option(
        "--nam", metavar="NĂM", show_default=False, help="Năm kế hoạch (mặc định: năm ghi trong trích yếu).")] = None,
    anywhere: AnywhereOpt = False,
) -> int:
    """Nhập văn bản kế hoạch Word có sẵn thành tệp kế hoạch YAML: giữ mọi đoạn văn, ô bảng; chỗ nào phải
    đoán (năm, bộ tiêu chí, xã, số liệu) có chú thích "# ntm import: đoán từ …" và được liệt kê ra màn hình.

    Ví dụ: ntm import ke-hoach-2023.docx -o ke-hoach-2023.yaml --vung bac-trung-bo
    """
    from ntm.cli.nhap import import_command

    lenh = "ntm import"
    group = frame.so_nguyen(nhom_xa, "--nhom-xa", lenh, 1, 3) if nhom_xa is not None else None
    year = frame.so_nguyen(nam, "--nam", lenh, 2010, 2100) if nam is not None else None
    return import_command(Path(source), Path(output) if output else None, bo_tieu_chi, vung, group, year, anywhere)


@command("schema")
def schema_cmd(
    output: Annotated[str | None, typer.Option("--output", "-o", metavar="TỆP", help="Ghi ra tệp thay vì màn hình.")] = None,
) -> int:
    """In JSON Schema của tệp kế hoạch (cho trình soạn thảo: yaml-language-server, VS Code).

    Ví dụ: ntm schema -o schema/ke-hoach.schema.json
    """
    from ntm.cli.schema import schema_command

    return schema_command(Path(output) if output else None)
