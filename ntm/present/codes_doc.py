"""docs/codes.md, written from the registry: every diagnostic code with its severity, meaning,
what gives it (the rule of ntm/rules, by module and function, or the stage), message template
(and variants) and an example, grouped by family; then the retired codes.

    python -m ntm.present.codes_doc            # (re)write docs/codes.md (from the repository root)
    python -m ntm.present.codes_doc --check    # exit 1 if docs/codes.md is not what the registry gives

The output depends on the registry alone (codes in order within each family,
variants in the order they are written), so it is the same on every machine;
tests/project/test_registry.py fails when the committed file is stale.
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.ma import Ma
from ntm.diagnostics.params import Cau, DeXuat, GiaTri
from ntm.diagnostics.registry import CODES, RETIRED
from ntm.present.messages import one_line
from ntm.rules import all_rules
from ntm.rules.rule import Rule, Stage

DEFAULT_PATH = Path("docs") / "codes.md"
GENERATOR = "python -m ntm.present.codes_doc"

# Family prefix -> heading and what the family is about, in the order a file is processed.
FAMILIES: tuple[tuple[str, str, str], ...] = (
    ("IO", "IO: đọc tệp", "Tệp kế hoạch hoặc tệp bộ tiêu chí không mở, không đọc được."),
    (
        "YAML", "YAML: bảng mã, cú pháp và quy tắc đọc tệp",
        "Bảng mã của tệp, cú pháp YAML và các quy tắc đọc của công cụ "
        "(không thẻ, không neo và bí danh, không khóa lặp, giới hạn kích thước và độ sâu).",
    ),
    (
        "SCH", "SCH: định dạng", "Khóa và giá trị không đúng định dạng kế hoạch (docs/plan-format.md) "
        "hoặc định dạng tệp bộ tiêu chí (docs/criteria.md).",
    ),
    ("DM", "DM: xã, vùng, nhóm xã và năm", "Địa bàn và năm của kế hoạch so với bộ tiêu chí mà kế hoạch nêu."),
    (
        "TC", "TC: tiêu chí và chỉ tiêu",
        "Mã tiêu chí, mã chỉ tiêu và số liệu của kế hoạch so với bộ tiêu chí mà kế hoạch nêu.",
    ),
    (
        "KH", "KH: kế hoạch tự kiểm",
        "Kế hoạch đối chiếu với kết quả đánh giá (chỉ `ntm check` và `ntm render`, sau khi đánh giá) "
        "và với chính nó (kinh phí, ngày, chỗ chờ điền); đều là cảnh báo: kế hoạch vẫn hợp lệ.",
    ),
    (
        "VB", "VB: cấu trúc văn bản",
        "Bố cục, bảng, mục lồng nhau, câu tiêu chí chưa đạt và đề ký (docs/plan-format.md, docs/render.md).",
    ),
    (
        "BTC", "BTC: bộ tiêu chí",
        "Bộ tiêu chí mà kế hoạch nêu, và tệp bộ tiêu chí của tỉnh (kế thừa một bộ khác).",
    ),
    (
        "MAU", "MAU: mẫu văn bản của đơn vị",
        "Mẫu .docx hoặc .md.j2 đưa vào `ntm render --template` (docs/render.md); mã thoát 1.",
    ),
    (
        "NH", "NH: nhập văn bản Word (`ntm import`)",
        "Văn bản Word không đọc được (mã thoát 1, không ghi gì), hoặc phần chữ không đưa được vào kế hoạch "
        "(docs/import.md).",
    ),
    (
        "GIT", "GIT: so sánh với một phiên bản trong git",
        "`ntm check --so-voi PHIÊN_BẢN` (docs/ci.md). GIT001-GIT003: lệnh dừng trước khi kiểm tra kế hoạch nào, "
        "mã thoát 2; GIT004 là lỗi của một kế hoạch (mã thoát 1), các kế hoạch khác vẫn được so sánh.",
    ),
    (
        "BQ", "BQ: chấp nhận cảnh báo",
        "Chú thích `# ntm: bo-qua`, `# ntm: bo-qua-tep` trong kế hoạch và tệp `ntm.toml` của kho "
        "(docs/ci.md, \"Chấp nhận cảnh báo\"): chấp nhận viết sai hoặc thừa là cảnh báo, ntm.toml sai là lỗi.",
    ),
    ("NTM", "NTM: lỗi của chính ntm", "Không phải lỗi của tệp: xin báo cho nhóm phát triển."),
)

_EXIT_CODES = (
    ("0", "không có vấn đề (với `check`: không tiêu chí nào chưa đạt: mọi tiêu chí đã đạt hoặc chưa đánh giá được)"),
    ("1", "có lỗi (kế hoạch, bộ tiêu chí hoặc mẫu văn bản không hợp lệ); với `--strict`, có cả cảnh báo"),
    ("2", "dùng sai lệnh (tùy chọn sai, đường dẫn không tồn tại) hoặc không ghi được kết quả"),
    ("3", "(`check`) kế hoạch hợp lệ nhưng còn tiêu chí chưa đạt"),
    ("4", "lỗi nội bộ của `ntm` (xin báo cho nhóm phát triển)"),
)

# When a rule runs, by its declared stage (ntm.rules.rule.Stage).
RULE_STAGES: dict[Stage, str] = {
    "bo_tieu_chi": "khi đối chiếu kế hoạch với bộ tiêu chí",
    "van_ban": "khi kiểm tra văn bản và số liệu của kế hoạch",
    "danh_gia": "sau khi đánh giá (`ntm check`, `ntm render`)",
}

# What gives a code no rule gives (`Ma.dua_ra`): its name in the index, in the entry, and its package.
STAGES: dict[str, tuple[str, str, str]] = {
    "load": ("đọc tệp", "giai đoạn đọc tệp", "ntm/load/"),
    "plan": ("định dạng kế hoạch", "mô hình định dạng kế hoạch", "ntm/plan/"),
    "catalog": ("bộ tiêu chí", "giai đoạn đọc bộ tiêu chí", "ntm/catalog/"),
    "rules": ("bộ chạy quy tắc", "bộ chạy các quy tắc, khi quá nhiều lỗi", "ntm/rules/__init__.py"),
    "run": ("chạy kiểm tra", "giai đoạn chạy kiểm tra", "ntm/run/"),
    "present": ("xuất văn bản", "giai đoạn xuất văn bản", "ntm/present/"),
    "cli": ("dòng lệnh", "lệnh trên dòng lệnh", "ntm/cli/"),
    "nhap": ("nhập văn bản Word", "giai đoạn nhập văn bản Word (`ntm import`)", "ntm/nhap/"),
}

# The first line of a YAML fragment: a key, a list item, an explicit key, or a tab-indented key.
_YAML_LINE = re.compile(r"\s*(?:-\s|\?\s|[\w<][\w<.-]*:(?:\s|$))")


def family(code: str) -> str:
    return code.rstrip("0123456789")


def is_yaml(vi_du: str) -> bool:
    """A plan fragment (shown as YAML) rather than a situation told in words or a command."""
    lines = [line for line in vi_du.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return not lines or bool(_YAML_LINE.match(lines[0]))


def _code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _template(template: str) -> str:
    """A message template as a reader should see it: `{field}` where a value goes, `{{` shown as `{`."""
    out = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        out.append(literal)
        if field is not None:
            out.append("{" + field + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}")
    return "".join(out)


def _fenced(text: str, lang: str) -> list[str]:
    longest = max((len(run) for run in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    return [f"{fence}{lang}", *text.splitlines(), fence]


def _prose(text: str) -> str:
    """Text told in words, with what Markdown would read as markup escaped."""
    return re.sub(r"([\\`*<>\[\]])", r"\\\1", text)


def _cell(text: str) -> str:
    return _prose(text).replace("|", "\\|")


def rules_by_code() -> dict[str, Rule]:
    """The rule that gives each code it declares (a code belongs to one rule)."""
    out: dict[str, Rule] = {}
    for rule in all_rules():
        for code in rule.ma:
            if code in out:
                raise ValueError(f"{code} is declared by {out[code].ten} and {rule.ten}")
            out[code] = rule
    return out


def _rule_file(rule: Rule) -> str:
    return rule.check.__module__.replace(".", "/") + ".py"


def _given_by(ma: Ma, rule: Rule | None) -> str:
    """Who gives the code, linked to the source as ruff's docs link a code to its rule."""
    if rule is not None and ma.dua_ra:
        raise ValueError(f"{ma.ma}: given by the rule {rule.ten}, yet its entry names stages (dua_ra)")
    if rule is not None:
        path = _rule_file(rule)
        return (f"quy tắc [`{rule.ten}`](../{path}) (hàm `{rule.check.__qualname__}` trong `{path}`), "
                f"chạy {RULE_STAGES[rule.stage]}")
    if not ma.dua_ra:
        raise ValueError(f"{ma.ma}: no rule declares it and its entry names no stage (dua_ra)")
    return " và ".join(f"{STAGES[name][1]} ([`{STAGES[name][2]}`](../{STAGES[name][2]}))" for name in ma.dua_ra)


def _given_by_short(ma: Ma, rule: Rule | None) -> str:
    if rule is not None:
        return f"`{rule.ten}`"
    return ", ".join(STAGES[name][0] for name in ma.dua_ra)


# ----------------------------------------------------------------------------- sections


def _examples() -> list[str]:
    """Two lines as `ntm validate` and `ntm check` print them, written by the presenter itself."""
    error = Diagnostic(
        "TC001", "ke-hoach.yaml", ("tieu_chi", "giao_thongg"),
        {"ma": GiaTri("giao_thongg", 80), "bo_tieu_chi": "Bộ tiêu chí xã NTM nâng cao 2021-2025",
         "de_xuat": DeXuat("giao_thong")},
        line=83, column=3,
    )
    warning = Diagnostic(
        "KH001", "ke-hoach.yaml", ("tieu_chi", "tiep_can_phap_luat"),
        {"so": "16", "ten": "Tiếp cận pháp luật", "thieu": Cau("thieu.nhiem_vu_giai_phap")},
        line=25, column=3,
    )
    return [one_line(error), one_line(warning)]


def _intro() -> list[str]:
    out = [
        "# Mã lỗi và cảnh báo của `ntm`",
        "",
        f"<!-- Tệp này được sinh từ ntm/diagnostics/registry.py bằng `{GENERATOR}`: đừng sửa tay. -->",
        "",
        "Mỗi vấn đề `ntm validate` và `ntm check` tìm thấy được in trên một dòng, có một mã cố định. "
        "Tài liệu này liệt kê mọi mã theo nhóm: mức độ, ý nghĩa, mẫu thông điệp và một ví dụ gây ra mã đó.",
        "",
        "## Đọc một dòng chẩn đoán",
        "",
        "```text",
        "tệp:dòng:cột: mức độ [MÃ] đường.dẫn: thông điệp",
        "```",
        "",
        "Ví dụ:",
        "",
        "```text",
        *_examples(),
        "```",
        "",
        "| phần | nghĩa |",
        "|---|---|",
        "| `ke-hoach.yaml:83:3` | tệp, dòng và cột (đếm từ 1) của chỗ cần sửa; "
        "vấn đề của cả tệp (tệp trống, bảng mã sai) chỉ ghi tên tệp |",
        "| `lỗi` / `cảnh báo` | mức độ: lỗi làm tệp không hợp lệ; cảnh báo thì không, "
        "trừ khi chạy với `--strict` |",
        "| `[TC001]` | mã: tra trong tài liệu này |",
        "| `tieu_chi.giao_thongg` | đường dẫn tới khóa trong tệp YAML, các cấp nối bằng dấu chấm; "
        "`[0]` là mục đầu tiên của một danh sách. Không có khi vấn đề là của cả tệp |",
        "| thông điệp | câu tiếng Việt nói vấn đề và cách sửa |",
        "",
        "Các định dạng khác (`--format json`, `github`, `junit`) mang cùng mã, mức độ, vị trí và thông điệp "
        "(xem docs/json.md, docs/ci.md). Trong mẫu thông điệp dưới đây, `{…}` là phần được điền khi chạy: "
        "tên khóa, giá trị tìm thấy, tên bộ tiêu chí, …",
        "",
        "## Mã thoát",
        "",
        "| mã | nghĩa |",
        "|---|---|",
        *(f"| {code} | {meaning} |" for code, meaning in _EXIT_CODES),
        "",
        "## Mục lục",
        "",
        "Cột cuối: quy tắc (trong `ntm/rules/`, theo mô-đun và hàm) hoặc giai đoạn đưa ra mã.",
        "",
        "| mã | mức độ | ý nghĩa | đưa ra bởi |",
        "|---|---|---|---|",
    ]
    by_code = rules_by_code()
    for prefix, _, _ in FAMILIES:
        for ma in _of_family(prefix):
            out.append(f"| [{ma.ma}](#{ma.ma.lower()}) | {ma.muc_do.nhan} | {_cell(ma.mo_ta)} | "
                       f"{_given_by_short(ma, by_code.get(ma.ma))} |")
    out.append("")
    return out


def _entry(ma: Ma, rule: Rule | None) -> list[str]:
    out = [f"### {ma.ma}", "", f"**{ma.muc_do.nhan}**: {_prose(ma.mo_ta)}", "",
           f"Đưa ra bởi: {_given_by(ma, rule)}.", ""]
    if ma.bien_the:
        out += ["Thông điệp, tùy trường hợp:", "", f"- chung: {_code(_template(ma.mau))}"]
        out += [f"- biến thể `{name}`: {_code(_template(text))}" for name, text in ma.bien_the.items()]
        out.append("")
    else:
        out += [f"Thông điệp: {_code(_template(ma.mau))}", ""]
    if ma.vi_du and is_yaml(ma.vi_du):
        out += ["Ví dụ:", "", *_fenced(ma.vi_du, "yaml"), ""]
    elif ma.vi_du:
        out += [f"Tình huống: {_prose(ma.vi_du)}", ""]
    if ma.khong_gap:
        out += [f"Không có ví dụ: {_prose(ma.khong_gap)}.", ""]
    return out


def _of_family(prefix: str) -> list[Ma]:
    return sorted((ma for ma in CODES.values() if family(ma.ma) == prefix), key=lambda ma: ma.ma)


def _retired() -> list[str]:
    out = [
        "## Mã không còn dùng",
        "",
        "Các mã này không còn được đưa ra; vấn đề chúng từng nói nay thuộc mã khác.",
        "",
        "| mã | ý nghĩa cũ và mã thay thế |",
        "|---|---|",
    ]
    out += [f"| {code} | {_cell(text)} |" for code, text in sorted(RETIRED.items())]
    out.append("")
    return out


def codes_markdown() -> str:
    """The whole of docs/codes.md."""
    unknown = sorted({family(code) for code in CODES} - {prefix for prefix, _, _ in FAMILIES})
    if unknown:
        raise ValueError(f"codes of no documented family: {unknown}")
    lines = _intro()
    by_code = rules_by_code()
    for prefix, heading, about in FAMILIES:
        lines += [f"## {heading}", "", about, ""]
        for ma in _of_family(prefix):
            lines += _entry(ma, by_code.get(ma.ma))
    lines += _retired()
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"]
    if any(a.startswith("-") for a in paths) or len(paths) > 1:
        print(f"cách dùng: {GENERATOR} [--check] [TỆP]  (mặc định: {DEFAULT_PATH})", file=sys.stderr)
        return 2
    path = Path(paths[0]) if paths else DEFAULT_PATH
    text = codes_markdown()
    if check:
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current != text:
            print(f"{path} đã cũ so với ntm/diagnostics/registry.py: hãy chạy {GENERATOR}", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"đã ghi {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
