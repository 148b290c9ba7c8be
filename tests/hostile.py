"""Hostile and broken inputs of the reliability classes (tests/data/bad/*.expected name them).

What a user with a pull request, an e-mailed template or an odd file system can
put in front of ntm: escaped control characters, huge numbers, cycles of
criteria files, special files in folders, files outside the repository, bomb
templates. Importing this module registers each maker in casefiles' GENERATED
(bytes of the input) or SETUPS (files made in the case's folder).
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from casefiles import GENERATED, SETUPS, seed_replace, seed_text

MARK = "# DỮ LIỆU KIỂM THỬ: tệp giả định cho một ca đầu vào xấu, không có thật.\n"


def _edit(old: str, new: str) -> Callable[[], bytes]:
    return lambda: seed_replace(old, new).encode("utf-8")


def _seed_at(target: Path, text: str | None = None) -> None:
    target.write_text(text if text is not None else seed_text(), encoding="utf-8")


def _plan_naming(target: Path, catalog: str) -> None:
    _seed_at(target, seed_replace("bo_tieu_chi: xa-ntm-nang-cao-2021-2025\n", f"bo_tieu_chi: {catalog}\n"))


def _province(ma: str, body: str, ke_thua: str = "xa-ntm-nang-cao-2021-2025") -> str:
    return (
        MARK + f"ma: {ma}\nten: Bộ tiêu chí {ma} (dữ liệu kiểm thử)\nten_ngan: Bộ {ma}\nke_thua: {ke_thua}\n"
        "can_cu_phap_ly:\n  so_hieu: 123/QĐ-UBND\n  ten: Quyết định giả định\n  co_quan: Ủy ban nhân dân tỉnh Thử\n"
        "  ngay_ban_hanh: 2022-09-15\n  do_tin_cay: V\n" + body
    )


def _relative_factor(value: str) -> str:
    """A province set (validated directly) whose kiểu mẫu income is `value` × the nâng cao level."""
    return _province("tinh-he-so", (
        "tieu_chi:\n  - ma: thu_nhap_kieu_mau\n    so: \"20\"\n    ten: Thu nhập (kiểu mẫu)\n    chi_tieu:\n"
        "      - ma: thu_nhap_cao_hon\n        so: \"20.1\"\n        noi_dung: Thu nhập bình quân cao hơn mức nâng cao\n"
        "        don_vi: triệu đồng/người/năm\n        loai: toi_thieu\n        do_tin_cay: S\n        nguong:\n"
        "          - ti_le_so_voi: {bo_tieu_chi: xa-ntm-nang-cao-2021-2025, chi_tieu: thu_nhap_binh_quan, "
        f"he_so: {value}}}\n            do_tin_cay: S\n"
    ))


def _negative_level() -> str:
    return _province("tinh-muc-am", (
        "tieu_chi:\n  - ma: y_te\n    chi_tieu:\n      - ma: ty_le_tham_gia_bhyt\n        nguong:\n"
        "          - {gia_tri: -5, do_tin_cay: V}\n"
    ))


# ----------------------------------------------------------------------------- made from the seed

GENERATED.update({
    # class 2 and 8: numbers that once crashed or were misread
    "figure_exponent": _edit("gia_tri: 82%", 'gia_tri: "1e26"'),
    "arabic_indic_year": _edit("nam: 2023", "nam: ٢٠٢٣"),
    "fullwidth_figure": _edit("gia_tri: 82%", "gia_tri: ８２%"),
    "year_5000_digits": _edit("nam: 2023", "nam: 1" + "0" * 5000),
    "tiny_decimal": _edit("gia_tri: 82%", "gia_tri: 0,00000000001%"),
    "count_18_digits": _edit("        gia_tri: 3\n", "        gia_tri: 123456789012345678\n"),
    # class 4: false "đạt"
    "almost_75": _edit("gia_tri: 52,77%", "gia_tri: 74,9999999%"),
    "count_fraction": _edit("        gia_tri: 3\n", "        gia_tri: 0,0000001\n"),
    "flag_y": _edit("  vung: bac-trung-bo\n", "  vung: bac-trung-bo\n  xa_dac_biet_kho_khan: y\n"),
    "flag_on": _edit("  vung: bac-trung-bo\n", "  vung: bac-trung-bo\n  xa_an_toan_khu: on\n"),
    "flag_co": _edit("  vung: bac-trung-bo\n", "  vung: bac-trung-bo\n  xa_dac_biet_kho_khan: không\n"),
    # class 2: text Word refuses, written as YAML escapes
    # `ntm report --format md`: a name with a carriage return, raw HTML, a javascript: link, a remote image
    "report_md_markup": _edit("  xa: Hương Sơn\n",
                              '  xa: "Hương\\rSơn <img src=http://x.invalid/a.png> [x](javascript:alert(1)) ![a](http://x.invalid/b.png)"\n'),
    # dia_ban.ma_xa: the official code has 5 digits
    "ma_xa_four_digits": _edit("  xa: Hương Sơn\n", "  xa: Hương Sơn\n  ma_xa: 1923\n"),
    "escape_soh": _edit("  trich_yeu: Thực hiện Chương trình trọng điểm xây dựng nông thôn mới năm 2023",
                        '  trich_yeu: "Thực hiện\\x01 Chương trình"'),
    "escape_nul": _edit("ho_ten: Hồ Thanh Nghi", 'ho_ten: "Hồ Thanh\\0Nghi"'),
    "escape_esc": _edit("  xa: Hương Sơn", '  xa: "Hương \\e[31mSơn"'),
    "escape_noncharacter": _edit("  dia_danh: Hương Sơn", '  dia_danh: "Hương Sơn\\uFFFE"'),
    "escape_surrogate": _edit("  dia_danh: Hương Sơn", '  dia_danh: "Hương Sơn\\uD800"'),
    "escape_c1": _edit("  dia_danh: Hương Sơn", '  dia_danh: "Hương\\x85Sơn"'),
    "cjk_compatibility": _edit("  xa: Hương Sơn", "  xa: Hương Sơn \ufa2a"),
    # class 6: what reaches a terminal or a CI log
    "key_zero_width": lambda: seed_text().replace("tieu_chi:\n", "tieu\u200bchi:\n", 1).encode("utf-8"),
    "key_cyrillic": lambda: seed_text().replace("muc_tieu:\n", "muc_ti\u0435u:\n", 1).encode("utf-8"),
    "value_bidi": _edit("  vung: bac-trung-bo", '  vung: "bac-trung\u202ebo"'),
    "utf16_bad_sequence": lambda: b"\xff\xfe" + "van_ban:\n".encode("utf-16-le") + b"\x00\xdc" + "x\n".encode("utf-16-le"),
})


# ----------------------------------------------------------------------------- files around the plan


def _output_fifo(target: Path) -> None:
    _seed_at(target)
    os.mkfifo(target.parent / "ke-hoach.md")


def _output_readonly(target: Path) -> None:
    _seed_at(target)
    out = target.parent / "ke-hoach.md"
    out.write_text("bản cũ\n", encoding="utf-8")
    out.chmod(0o444)


def _output_symlink(target: Path) -> None:
    _seed_at(target)
    (target.parent / "that.md").write_text("bản cũ\n", encoding="utf-8")
    (target.parent / "ke-hoach.md").symlink_to("that.md")


def _blank_docx() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _with_template(data: bytes, name: str = "mau.docx") -> Callable[[Path], None]:
    def setup(target: Path) -> None:
        _seed_at(target)
        (target.parent / name).write_bytes(data)

    return setup


def _docx_part(edit: Callable[[bytes], bytes]) -> bytes:
    """The blank .docx with word/document.xml edited."""
    source = zipfile.ZipFile(io.BytesIO(_blank_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            archive.writestr(info, edit(data) if info.filename == "word/document.xml" else data)
    return out.getvalue()


def _docx_bomb() -> bytes:
    """A 300 MB part of zeros in a small zip (a zip bomb): never to be unpacked."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in zipfile.ZipFile(io.BytesIO(_blank_docx())).infolist():
            archive.writestr(info, zipfile.ZipFile(io.BytesIO(_blank_docx())).read(info.filename))
        with archive.open("word/media/anh.png", "w", force_zip64=True) as part:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                part.write(block)
    return out.getvalue()


def _docx_without(tag: bytes) -> bytes:
    """The blank .docx without the element `tag` (an empty one, or one with children)."""
    import re

    element = rb"<w:" + tag + rb"(?:\s[^>]*)?(?:/>|>.*?</w:" + tag + rb">)"
    return _docx_part(lambda d: re.sub(element, b"", d, flags=re.S))


def _docx_margins() -> bytes:
    import docx
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.left_margin, section.right_margin = Mm(150), Mm(100)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _jinja(source: str) -> Callable[[Path], None]:
    def setup(target: Path) -> None:
        _seed_at(target)
        (target.parent / "mau.md.j2").write_text(source, encoding="utf-8")

    return setup


def _province_beside(text: str, name: str = "bo-tinh.yaml") -> Callable[[Path], None]:
    def setup(target: Path) -> None:
        _plan_naming(target, f"./{name}")
        (target.parent / name).write_text(text, encoding="utf-8")

    return setup


def _seed_as(suffix: str, text: str | None = None) -> Callable[[Path], None]:
    """The plan written under the case's name with another suffix (a plan named *.json)."""
    return lambda target: _seed_at(target.with_suffix(suffix), text)


def _named_set(ma: str, ten_ngan: str) -> str:
    return _province(ma, "").replace(f"ten_ngan: Bộ {ma}\n", f"ten_ngan: {ten_ngan}\n")


def _sets_of_one_name(target: Path) -> None:
    """Three province sets whose sheet names clash: one named "(2)" like a fallback sheet name, two of one
    name too long for a sheet (cut to the same 31 characters)."""
    long = "Bộ tiêu chí xã nông thôn mới nâng cao của tỉnh Thử nghiệm"
    names = {"bo-a.yaml": '"(2)"', "bo-b.yaml": long, "bo-c.yaml": long}
    for (file, ten_ngan), xa in zip(names.items(), ("Hương Sơn", "Thượng Lộ", "Hương Phú"), strict=True):
        (target.parent / file).write_text(_named_set(file[:-5].replace("bo-", "tinh-"), ten_ngan), encoding="utf-8")
        plan = target if file == "bo-a.yaml" else target.parent / f"{file[:-5]}-ke-hoach.yaml"
        text = seed_replace("bo_tieu_chi: xa-ntm-nang-cao-2021-2025\n", f"bo_tieu_chi: ./{file}\n")
        _seed_at(plan, seed_replace("  xa: Hương Sơn\n", f"  xa: {xa}\n", text))


def _cycle_of_three(target: Path) -> None:
    _plan_naming(target, "./tinh-a.yaml")
    for name, parent in (("tinh-a", "tinh-b"), ("tinh-b", "tinh-c"), ("tinh-c", "tinh-a")):
        (target.parent / f"{name}.yaml").write_text(_province(name, "", f"./{parent}.yaml"), encoding="utf-8")


def _secret_outside(target: Path) -> None:
    """The case's folder is a repository; a secrets file lies outside it; the plan points there."""
    (target.parent / ".git").mkdir()
    (target.parent.parent / ".env").write_text("SECRET_TOKEN=khong-duoc-lo-ra\n", encoding="utf-8")
    _plan_naming(target, "../.env")


def _secret_inside(target: Path) -> None:
    (target.parent / ".git").mkdir()
    (target.parent / ".env").write_text("SECRET_TOKEN=khong-duoc-lo-ra\n", encoding="utf-8")
    _plan_naming(target, "./.env")


def _other_yaml(target: Path) -> None:
    (target.parent / "cau-hinh.yaml").write_text("mat_khau: khong-duoc-lo-ra\nmay_chu: 10.0.0.1\n", encoding="utf-8")
    _plan_naming(target, "./cau-hinh.yaml")


def _folder_of(make: Callable[[Path], None]) -> Callable[[Path], None]:
    """A folder named like the case holding one good plan and one odd entry."""

    def setup(target: Path) -> None:
        target.mkdir()
        _seed_at(target / "a-hop-le.yaml")
        make(target)

    return setup


def _odd_name(name: bytes) -> Callable[[Path], None]:
    def setup(target: Path) -> None:
        target.mkdir()
        path = os.path.join(os.fsencode(target), name)
        with open(path, "wb") as handle:
            handle.write(seed_text().encode("utf-8"))

    return setup


SETUPS.update({
    # class 1: where an output may go
    "output_fifo": _output_fifo,
    "output_readonly": _output_readonly,
    "output_symlink": _output_symlink,
    "template_docx": _with_template(_blank_docx()),
    "province_for_output": _province_beside(_province("tinh-ra", "")),
    # class 2 and 3: office templates
    "docx_not_zip": _with_template(b"day khong phai tep docx\n"),
    "docx_truncated": _with_template(_blank_docx()[:2000]),
    "docx_malformed_xml": _with_template(_docx_part(lambda d: d[: len(d) // 2])),
    "docx_no_sectpr": _with_template(_docx_without(b"sectPr")),
    "docx_no_pgsz": _with_template(_docx_without(b"pgSz")),
    "docx_margins": _with_template(_docx_margins()),
    "docx_bomb": _with_template(_docx_bomb()),
    "jinja_repeat": _jinja('{{ ("A" * 10**9) | length }}\n'),
    "jinja_format_width": _jinja('{{ "{:>900000000}".format(1) }}\n'),
    "jinja_center": _jinja('{{ "x" | center(900000000) }}\n'),
    "jinja_power": _jinja("{{ 3 ** 30000000 }}\n"),
    "jinja_loops": _jinja("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"),
    "jinja_recursion": _jinja("{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}\n"),
    "jinja_surrogate": _jinja('{{ "\\ud800" }}\n'),
    # each string is under the operand limit; together they are gigabytes
    "jinja_memory": _jinja(
        '{% set kho = [] %}{% for i in range(100000) %}{% set _ = kho.append("x" * 999999 ~ i) %}{% endfor %}'
        "{{ kho | length }}\n"
    ),
    # each chunk is small; the text is 100 million characters
    "jinja_output": _jinja('{% for i in range(100000) %}{{ "x" * 999 }}{% endfor %}\n'),
    # class 2 and 4: criteria files
    "cycle_of_three": _cycle_of_three,
    "factor_nan": lambda t: t.write_text(_relative_factor(".nan"), encoding="utf-8"),
    "factor_infinite": lambda t: t.write_text(_relative_factor("1e309"), encoding="utf-8"),
    "factor_negative": lambda t: t.write_text(_relative_factor("-1"), encoding="utf-8"),
    "factor_zero": lambda t: t.write_text(_relative_factor("0"), encoding="utf-8"),
    "level_negative": lambda t: t.write_text(_negative_level(), encoding="utf-8"),
    # class 5: files outside the repository, files that are no criteria set
    "secret_outside": _secret_outside,
    "secret_inside": _secret_inside,
    "other_yaml": _other_yaml,
    "absolute_system_file": lambda t: _plan_naming(t, "/etc/passwd"),
    # class 6: names that would break an output's format
    "name_with_escape": _odd_name(b"ke\x1b[31mhoach.yaml"),
    "name_not_utf8": _odd_name(b"ke-ho\xe1ch.yaml"),
    # class 7: what a folder walk passes over
    "folder_dangling_link": _folder_of(lambda d: (d / "b-mat.yaml").symlink_to("da-xoa.yaml")),
    "seed_as_json": _seed_as(".json"),
    "set_name_apostrophe": _province_beside(_named_set("tinh-nhay", "\"Bộ của tỉnh'\"")),
    "sets_of_one_name": _sets_of_one_name,
    "folder_link_loop": _folder_of(lambda d: (d / "b-vong.yaml").symlink_to("b-vong.yaml")),
    "folder_fifo": _folder_of(lambda d: os.mkfifo(d / "b-fifo.yaml")),
    "folder_device": _folder_of(lambda d: (d / "b-thiet-bi.yaml").symlink_to("/dev/zero")),
    "folder_linked_folder": _folder_of(lambda d: (d / "b-lien-ket").symlink_to(d.parent)),
    "folder_unreadable": _folder_of(lambda d: ((d / "huyen-a").mkdir(), (d / "huyen-a").chmod(0))),
})
