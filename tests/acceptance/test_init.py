"""`ntm init`: a new plan's skeleton, through the real command, on real files.

For each shipped set the written plan validates at once and `ntm check` assesses it; the file
holds every criterion and indicator code of the set in its order, with the level that applies
there and then and its source (or "chưa rõ mức") above each key; it is the same for the same
arguments, it never replaces a file, and what is missing or wrong is a Vietnamese usage error.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from planlib import CATALOGS, REPO, run_process

from ntm.catalog import BoTieuChi, LoaiChiTieu, builtin_ids, load_catalog
from ntm.catalog.thresholds import BoiCanh, assessment_date, yeu_cau
from ntm.present import wording

SCHEMA_FILE = REPO / "schema" / "ke-hoach.schema.json"
ENGLISH_FRAME = ("Usage", "Options", "Arguments", "Error", "Try '", "Missing", "No such", "[required]")


def _place(bo: BoTieuChi) -> tuple[str, ...]:
    """A region or a group of the set, and the first year of its period."""
    year = str(bo.giai_doan[0]) if bo.giai_doan else "2024"
    if bo.truc == "vung":
        return ("--vung", sorted(bo.cac_vung)[0], "--nam", year)
    if bo.truc == "nhom_xa":
        return ("--nhom-xa", str(sorted(bo.cac_nhom_xa or {2: ""})[0]), "--nam", year)
    return ("--nam", year)


def _init(folder: Path, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_process("init", str(folder / name), *args)


COMMUNE = ("--xa", "Hương Phú", "--tinh", "Quảng Trị")


def _blocks(text: str) -> dict[str, list[str]]:
    """Indicator code -> the comment lines just above its key (in `hien_trang`)."""
    found: dict[str, list[str]] = {}
    comments: list[str] = []
    for line in text.splitlines():
        if line.startswith("      #"):
            comments.append(line.strip()[1:].strip())
        elif re.fullmatch(r" {6}[a-z0-9_]+:", line):
            found[line.strip()[:-1]] = comments
            comments = []
        else:
            comments = []
    return found


class _EditorLoader(yaml.SafeLoader):
    """How editors read YAML: dates stay strings (JSON has no dates)."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


# ----------------------------------------------------------------------------- every shipped set


@pytest.mark.parametrize("set_id", builtin_ids())
def test_each_shipped_set_gives_a_plan_that_validates_and_is_assessed(tmp_path: Path, set_id: str) -> None:
    bo = load_catalog(set_id)
    made = _init(tmp_path, "ke-hoach.yaml", "-b", set_id, *_place(bo), *COMMUNE)
    assert made.returncode == 0, made.stderr
    assert made.stdout == "" and "đã ghi" in made.stderr and "ntm check" in made.stderr
    plan = tmp_path / "ke-hoach.yaml"
    text = plan.read_text(encoding="utf-8")

    valid = run_process("validate", str(plan))
    assert valid.returncode == 0, valid.stdout + valid.stderr
    # valid; its only warnings are the places left to fill (KH012), one for each
    placeholders = sum(line.count("[ĐIỀN") for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert placeholders >= 3
    assert f"0 lỗi, {placeholders} cảnh báo" in valid.stdout
    assert valid.stdout.count("[KH012]") == placeholders

    checked = run_process("check", str(plan), "--all")
    assert checked.returncode in (0, 3), checked.stdout + checked.stderr
    assert "Thiếu số liệu" in checked.stdout or "Cần tự đánh giá" in checked.stdout
    assert f"{placeholders} cảnh báo" in checked.stdout
    filled = plan.with_name("da-dien.yaml")
    filled.write_text(text.replace("[ĐIỀN: ", "Đã điền ").replace("]/KH-UBND", "/KH-UBND").replace('nội dung]"', 'nội dung"')
                      .replace('nơi nhận]"', 'nơi nhận"').replace('người ký]"', 'người ký"'), encoding="utf-8")
    done = run_process("validate", str(filled))
    assert done.returncode == 0 and "0 lỗi, 0 cảnh báo" in done.stdout, done.stdout

    # Every criterion, then every indicator under it, as keys, in the set's order.
    keys = [f"  {tc.ma}:" for tc in bo.tieu_chi]
    for tc in bo.tieu_chi:
        keys += [f"      {ma}:" for ma in bo.chi_tieu[tc.ma]]
    lines = text.splitlines()
    for key in keys:
        assert key in lines, key
    order = [lines.index(f"  {tc.ma}:") for tc in bo.tieu_chi]
    assert order == sorted(order)
    for tc in bo.tieu_chi:
        inner = [lines.index(f"      {ma}:") for ma in bo.chi_tieu[tc.ma]]
        assert inner == sorted(inner) and all(i > lines.index(f"  {tc.ma}:") for i in inner)

    assert unicodedata.normalize("NFC", text) == text
    assert "\t" not in text and all(line == line.rstrip() for line in lines)
    # What an editor's JSON Schema check sees: no complaint either.
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(yaml.load(text, Loader=_EditorLoader))


@pytest.mark.parametrize("set_id", builtin_ids())
def test_the_comment_above_each_indicator_gives_its_level_and_source_or_says_unknown(
        tmp_path: Path, set_id: str) -> None:
    bo = load_catalog(set_id)
    place = _place(bo)
    assert _init(tmp_path, "k.yaml", "-b", set_id, *place, *COMMUNE).returncode == 0
    blocks = _blocks((tmp_path / "k.yaml").read_text(encoding="utf-8"))
    options = dict(zip(place[::2], place[1::2], strict=True))
    ctx = BoiCanh(ngay=assessment_date(int(options["--nam"])), vung=options.get("--vung"),
                  nhom_xa=int(options["--nhom-xa"]) if "--nhom-xa" in options else None)
    for tc in bo.tieu_chi:
        for ct in bo.chi_tieu[tc.ma].values():
            said = " ".join(blocks[ct.ma])
            assert said.startswith(ct.chi_tieu.so or "?"), said
            assert ct.chi_tieu.noi_dung.split()[0] in said
            if ct.chi_tieu.don_vi:
                assert f"({ct.chi_tieu.don_vi.value})" in said
            req, why = yeu_cau(bo, ct, ctx)
            if req is None:
                assert "yêu cầu: chưa rõ mức" in said, said
                assert why is not None and why.trich_dan in said
            else:
                level = "có" if ct.chi_tieu.loai is LoaiChiTieu.dat else wording.yeu_cau(req, ct.chi_tieu.don_vi.value
                                                                                        if ct.chi_tieu.don_vi else None)
                assert f"yêu cầu: {level} — {req.trich_dan}" in said, said
                assert "chưa rõ mức" not in said
                if req.url:
                    assert req.url in said


def test_a_known_level_is_shown_with_its_source_and_an_unknown_one_as_such(tmp_path: Path) -> None:
    """Spot values from the catalog data (docs/criteria.md), not recomputed: health insurance
    ≥ 90% (QĐ 318, 15.1) is known; trained labour (12.1) has no level for the region."""
    args = ("-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2024", *COMMUNE)
    assert _init(tmp_path, "k.yaml", *args).returncode == 0
    blocks = _blocks((tmp_path / "k.yaml").read_text(encoding="utf-8"))
    health = " ".join(blocks["ty_le_tham_gia_bhyt"])
    assert "15.1 " in health and "yêu cầu: ≥ 90% — QĐ 318/QĐ-TTg" in health and "nguồn của mức: http" in health
    labour = " ".join(blocks["ty_le_lao_dong_qua_dao_tao"])
    assert "12.1 " in labour and "yêu cầu: chưa rõ mức — QĐ 318/QĐ-TTg" in labour
    irrigation = " ".join(blocks["ty_le_dien_tich_tuoi_tieu_chu_dong"])
    assert "chưa rõ mức" in irrigation and "chỉ tiêu chung cả nước ≥ 80% (không thay cho mức của vùng)" in irrigation


def test_the_figures_are_left_empty_and_nothing_is_invented(tmp_path: Path) -> None:
    args = ("-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2024", *COMMUNE)
    assert _init(tmp_path, "k.yaml", *args).returncode == 0
    data = yaml.safe_load((tmp_path / "k.yaml").read_text(encoding="utf-8"))
    for criterion in data["tieu_chi"].values():
        assert criterion.get("tu_danh_gia") is None
        for figures in (criterion.get("hien_trang") or {}).values():
            assert figures == {"gia_tri": None, "muc_tieu": None}
    vb = data["van_ban"]
    for value in (vb["so_hieu"], vb["trich_yeu"], vb["noi_nhan"][0], vb["nguoi_ky"]["ho_ten"]):
        assert "[ĐIỀN" in value
    assert vb["co_quan_ban_hanh"] == "ỦY BAN NHÂN DÂN XÃ HƯƠNG PHÚ" and vb["dia_danh"] == "Hương Phú"
    assert data["dia_ban"] == {"xa": "Hương Phú", "tinh": "Quảng Trị", "vung": "bac-trung-bo"}
    assert (data["nam"], data["bo_tieu_chi"]) == (2024, "xa-ntm-2021-2025")


def test_same_arguments_give_the_same_bytes(tmp_path: Path) -> None:
    args = ("-b", "xa-ntm-2026-2030", "--nhom-xa", "3", "--nam", "2026", *COMMUNE, "--huyen", "Bảo Thắng")
    for folder in ("mot", "hai"):
        (tmp_path / folder).mkdir()
        assert _init(tmp_path / folder, "ke-hoach.yaml", *args).returncode == 0
    first = (tmp_path / "mot" / "ke-hoach.yaml").read_bytes()
    assert first == (tmp_path / "hai" / "ke-hoach.yaml").read_bytes()
    printed = run_process("init", "-", *args)
    assert printed.returncode == 0 and printed.stdout.encode("utf-8") == first and printed.stderr == ""
    # Nothing of today: the date of issue is a stand-in made from the year (and the set's start).
    assert "ngay_ban_hanh: 2026-02-15" in first.decode("utf-8")


def test_a_name_typed_decomposed_or_with_xa_is_written_as_the_plan_expects(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "xã Hương Phú")
    made = _init(tmp_path, "k.yaml", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2024",
                 "--xa", nfd, "--tinh", "Quảng Trị")
    assert made.returncode == 0, made.stderr
    data = yaml.safe_load((tmp_path / "k.yaml").read_text(encoding="utf-8"))
    assert data["dia_ban"]["xa"] == "Hương Phú"


def test_a_special_commune_gets_the_levels_of_the_rule_s_region(tmp_path: Path) -> None:
    """QĐ 318: xã ĐBKK use the TDMNPB levels: the criteria part equals that region's skeleton."""
    base = ("-b", "xa-ntm-2021-2025", "--nam", "2024", *COMMUNE)
    assert _init(tmp_path, "dbkk.yaml", *base, "--vung", "dong-bang-song-hong", "--xa-dac-biet-kho-khan").returncode == 0
    assert _init(tmp_path, "tdmn.yaml", *base, "--vung", "trung-du-mien-nui-phia-bac").returncode == 0
    special = (tmp_path / "dbkk.yaml").read_text(encoding="utf-8")
    mountain = (tmp_path / "tdmn.yaml").read_text(encoding="utf-8")
    assert "  xa_dac_biet_kho_khan: có" in special
    assert special.split("\ntieu_chi:\n")[1] == mountain.split("\ntieu_chi:\n")[1]
    assert run_process("validate", str(tmp_path / "dbkk.yaml")).returncode == 0


# ----------------------------------------------------------------------------- files


ARGS = ("-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2024", *COMMUNE)


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_bytes(b"noi dung cu\n")
    made = _init(tmp_path, "ke-hoach.yaml", *ARGS)
    assert made.returncode == 2
    assert made.stderr.startswith("ntm: đã có ") and "không ghi đè" in made.stderr
    assert plan.read_bytes() == b"noi dung cu\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke-hoach.yaml"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_a_link_even_a_broken_one_is_not_written_through(tmp_path: Path) -> None:
    (tmp_path / "link.yaml").symlink_to(tmp_path / "nowhere.yaml")
    made = _init(tmp_path, "link.yaml", *ARGS)
    assert made.returncode == 2 and "không ghi đè" in made.stderr
    assert not (tmp_path / "nowhere.yaml").exists()


def test_a_missing_folder_is_said(tmp_path: Path) -> None:
    made = _init(tmp_path, "khong-co/ke-hoach.yaml", *ARGS)
    assert made.returncode == 2 and "không tồn tại" in made.stderr and "Traceback" not in made.stderr


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    """write_atomic(ghi_de=False) takes the name with a link: a file created meanwhile stays."""
    from ntm.present.output import OutputError, write_atomic

    target = tmp_path / "ke-hoach.yaml"

    def pieces() -> Any:
        yield b"phan dau\n"
        target.write_bytes(b"cua nguoi khac\n")  # someone else's file, between the check and the rename
        yield b"phan sau\n"

    with pytest.raises(OutputError) as caught:
        write_atomic(target, pieces(), ghi_de=False)
    assert caught.value.cau.key == "ghi.da_co"
    assert target.read_bytes() == b"cua nguoi khac\n"
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.yaml"]  # no temporary file left


def test_inside_a_plan_repository_the_editor_line_points_at_its_schema(tmp_path: Path) -> None:
    repo = tmp_path / "kho"
    (repo / ".git").mkdir(parents=True)
    (repo / "schema").mkdir()
    shutil.copyfile(SCHEMA_FILE, repo / "schema" / "ke-hoach.schema.json")
    (repo / "plans").mkdir()
    assert _init(repo / "plans", "k.yaml", *ARGS).returncode == 0
    first = (repo / "plans" / "k.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/ke-hoach.schema.json"
    # Elsewhere there is no schema to point at: no such line, only how to make one.
    (tmp_path / "ngoai").mkdir()
    assert _init(tmp_path / "ngoai", "k.yaml", *ARGS).returncode == 0
    text = (tmp_path / "ngoai" / "k.yaml").read_text(encoding="utf-8")
    assert "$schema=" not in text and "ntm schema -o" in text


def test_a_province_set_is_named_relative_to_the_plan(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    sets = tmp_path / "bo-tieu-chi"
    sets.mkdir()
    for name in ("thu-nghiem-vung.yaml", "tinh-thu-nghiem.yaml"):
        shutil.copyfile(CATALOGS / name, sets / name)
    (tmp_path / "plans").mkdir()
    made = run_process("init", "plans/k.yaml", "-b", "bo-tieu-chi/tinh-thu-nghiem.yaml", "--vung", "dong-bang",
                       "--nam", "2024", *COMMUNE, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    plan = tmp_path / "plans" / "k.yaml"
    assert yaml.safe_load(plan.read_text(encoding="utf-8"))["bo_tieu_chi"] == "../bo-tieu-chi/tinh-thu-nghiem.yaml"
    assert "ty_le_lao_dong_co_chung_chi:" in plan.read_text(encoding="utf-8")  # the province's own indicator
    valid = run_process("validate", str(plan))
    assert valid.returncode == 0, valid.stdout


# ----------------------------------------------------------------------------- usage


USAGE = [
    (("k.yaml",), "thiếu --bo-tieu-chi, --vung hoặc --nhom-xa (theo bộ tiêu chí), --nam hoặc --giai-doan, --xa, --tinh"),
    (("-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--nam", "2026", *COMMUNE), "thiếu đối số PLAN"),
    (("k.yaml", "-b", "xa-ntm-2021-2025", "--nam", "2024", *COMMUNE), "thiếu --vung"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nam", "2026", "--xa", "A"), "thiếu --nhom-xa, --tinh"),
    (("k.yaml", "-b", "xa-ntm-2021-2025", "--vung", "mars", "--nam", "2024", *COMMUNE),
     "vùng 'mars' không có trong bộ này. Các vùng: trung-du-mien-nui-phia-bac, dong-bang-song-hong, bac-trung-bo"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--vung", "bac-trung-bo", "--nam", "2026", *COMMUNE),
     "xét theo nhóm xã: dùng --nhom-xa, không dùng --vung"),
    (("k.yaml", "-b", "xa-ntm-2021-2025", "--nhom-xa", "2", "--nam", "2024", *COMMUNE),
     "xét theo vùng: dùng --vung, không dùng --nhom-xa"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "4", "--nam", "2026", *COMMUNE), "'--nhom-xa' không được lớn hơn 3"),
    (("k.yaml", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2026", *COMMUNE),
     "năm 2026 nằm ngoài giai đoạn 2021-2025"),
    (("k.yaml", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nhom-xa", "1", "--nam", "2024"),
     "chỉ dùng một trong hai: --vung hoặc --nhom-xa"),
    (("k.yaml", "-b", "xa-ntm-2031", "--nam", "2031"), "không có bộ tiêu chí 'xa-ntm-2031'"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--nam", "2026", *COMMUNE, "--xa-an-toan-khu"),
     "không có quy tắc riêng cho xã đặc biệt khó khăn, xã an toàn khu: bỏ --xa-an-toan-khu"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--nam", "2026", "--xa", "  ", "--tinh", "B"),
     "'--xa' cần một tên"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--nam", "2026", "--xa", "A\nB", "--tinh", "B"),
     "'--xa' cần một tên"),
    (("k.yaml", "--nam", "hai nghìn"), "'--nam' cần một số nguyên"),
    # other levels and multi-year plans (issue 18 items 5-6)
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--cap", "tinh", "--tinh", "Nam Định"), "thiếu --nam hoặc --giai-doan"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--cap", "tinh", "--giai-doan", "2026-2030", "--xa", "A", "--tinh", "B"),
     "--xa chỉ dùng cho kế hoạch cấp xã (--cap xa); kế hoạch này là cấp tỉnh"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--cap", "tinh", "--nhom-xa", "1", "--nam", "2026", "--tinh", "B"),
     "--nhom-xa chỉ dùng cho kế hoạch cấp xã"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--cap", "huyen", "--nam", "2026", "--tinh", "B"), "thiếu --huyen"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--cap", "thon", "--nam", "2026", "--tinh", "B"),
     "giá trị 'thon' không hợp lệ cho --cap"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--nam", "2026", "--giai-doan", "2026-2030", *COMMUNE),
     "chỉ dùng một trong hai: --nam hoặc --giai-doan"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--giai-doan", "2030-2026", *COMMUNE),
     "--giai-doan cần dạng năm đầu-năm cuối, năm cuối sau năm đầu"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--giai-doan", "2026", *COMMUNE),
     "--giai-doan cần dạng năm đầu-năm cuối"),
    (("k.yaml", "-b", "xa-ntm-2026-2030", "--nhom-xa", "1", "--giai-doan", "2021-2025", *COMMUNE),
     "giai đoạn 2021-2025 không bắt đầu trong giai đoạn 2026-2030"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE, ids=[" ".join(a) for a, _ in USAGE])
def test_usage_errors_are_said_in_vietnamese(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    made = run_process("init", *args, cwd=tmp_path)
    assert made.returncode == 2, made.stderr
    assert made.stderr.startswith("ntm: lỗi cách dùng: "), made.stderr
    assert expected in made.stderr.splitlines()[0], made.stderr
    assert made.stderr.splitlines()[1:] == ["Xem: ntm init --help"]
    assert made.stdout == "" and list(tmp_path.iterdir()) == []
    for word in ENGLISH_FRAME:
        assert word not in made.stderr


def test_help_explains_every_option_in_vietnamese() -> None:
    made = run_process("init", "--help")
    assert made.returncode == 0
    for option in ("PLAN", "--bo-tieu-chi", "-b", "--vung", "--nhom-xa", "--nam", "--giai-doan", "--cap", "--xa ",
                   "--tinh", "--huyen",
                   "--xa-dac-biet-kho-khan", "--xa-an-toan-khu", "--cho-phep-ngoai-kho"):
        assert option in made.stdout, option
    assert "Ví dụ: ntm init" in made.stdout and "Tạo khung kế hoạch mới" in made.stdout


# ----------------------------------------------------------------------------- on a terminal


def _converse(cwd: Path, args: tuple[str, ...], answers: list[tuple[str, str]]) -> tuple[int, str]:
    """Run `ntm init` on a pseudo-terminal; answer each prompt when its text appears."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "ntm", "init", *args], stdin=slave, stdout=slave, stderr=slave,
                            cwd=cwd, env={**os.environ, "COLUMNS": "120", "PYTHONPATH": str(REPO)})
    os.close(slave)
    seen = b""

    def read(until: bytes, count: int) -> None:
        nonlocal seen
        deadline = time.monotonic() + 60
        while seen.count(until) < count:
            assert time.monotonic() < deadline, seen.decode("utf-8", "replace")
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    seen += os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    break

    asked: dict[bytes, int] = {}
    for prompt, answer in answers:
        key = prompt.encode("utf-8")
        asked[key] = asked.get(key, 0) + 1
        read(key, asked[key])
        os.write(master, answer.encode("utf-8") + b"\r")
    code = proc.wait(timeout=60)
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    return code, seen.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_on_a_terminal_it_asks_for_what_is_missing_and_asks_again_after_a_wrong_answer(tmp_path: Path) -> None:
    code, said = _converse(tmp_path, (), [
        ("Bộ tiêu chí (", "9"),
        ("Bộ tiêu chí (", "1"),
        ("Vùng (", "sao-hoa"),
        ("Vùng (", "3"),
        ("Năm kế hoạch (2021-2025)", "2030"),
        ("Năm kế hoạch (2021-2025)", "2024"),
        ("Tên xã", "Hương Phú"),
        ("Tên tỉnh, thành phố", "Quảng Trị"),
        ("Tệp kế hoạch sẽ tạo", ""),
    ])
    assert code == 0, said
    assert "không có bộ tiêu chí '9'" in said and "vùng 'sao-hoa' không có trong bộ này" in said
    assert "năm 2030 nằm ngoài giai đoạn 2021-2025" in said
    plan = tmp_path / "ke-hoach-huong-phu-2024.yaml"
    assert plan.is_file(), said
    made_by_options = _init(tmp_path, "theo-tuy-chon.yaml", *ARGS)
    assert made_by_options.returncode == 0
    assert plan.read_bytes() == (tmp_path / "theo-tuy-chon.yaml").read_bytes()
    for word in ENGLISH_FRAME:
        assert word not in said


# ----------------------------------------------------------------------------- the documented command lines


def _documented_commands() -> list[list[str]]:
    """Every `ntm init …` line of docs/plan-format.md's section and the README (continuations joined)."""
    import shlex

    doc = (REPO / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = doc.split("## Bắt đầu một kế hoạch mới", 1)[1].split("\n## ", 1)[0]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL) + re.findall(r"```sh\n(.*?)```", readme,
                                                                                   flags=re.DOTALL)
    commands = []
    for block in blocks:
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0].endswith("ntm") and words[1:2] == ["init"] and len(words) > 2:
                commands.append(words[2:])
    return commands


def test_the_documented_command_lines_work(tmp_path: Path) -> None:
    commands = _documented_commands()
    assert len(commands) >= 5  # the four of docs/plan-format.md with a plan, and the README's
    for i, args in enumerate(commands):
        folder = tmp_path / str(i)
        folder.mkdir()
        made = run_process("init", *args, cwd=folder)
        assert made.returncode == 0, (args, made.stderr)
        if args[0] == "-":
            assert made.stdout.startswith("# Kế hoạch xây dựng nông thôn mới") and list(folder.iterdir()) == []
            continue
        valid = run_process("validate", str(folder / args[0]))
        assert valid.returncode == 0, (args, valid.stdout)


def test_the_documented_excerpt_is_what_init_writes(tmp_path: Path) -> None:
    doc = (REPO / "docs" / "plan-format.md").read_text(encoding="utf-8")
    section = doc.split("## Bắt đầu một kế hoạch mới", 1)[1].split("\n## ", 1)[0]
    excerpt = re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL)[0]
    assert _init(tmp_path, "k.yaml", "-b", "xa-ntm-2021-2025", "--vung", "trung-du-mien-nui-phia-bac", "--nam", "2025",
                 "--xa", "Hương Sơn", "--tinh", "Lào Cai").returncode == 0
    assert excerpt in (tmp_path / "k.yaml").read_text(encoding="utf-8")


def test_the_official_code_is_written_as_text_and_checked(tmp_path: Path) -> None:
    """--ma-xa: the commune's identity in `ntm report`; leading zeros kept, 5 digits or a usage error."""
    made = _init(tmp_path, "k.yaml", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2024", *COMMUNE,
                 "--ma-xa", "01234")
    assert made.returncode == 0, made.stderr
    plan = tmp_path / "k.yaml"
    assert yaml.safe_load(plan.read_text(encoding="utf-8"))["dia_ban"]["ma_xa"] == "01234"
    assert run_process("validate", str(plan)).returncode == 0
    wrong = run_process("init", "-", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2024", *COMMUNE,
                        "--ma-xa", "1234")
    assert wrong.returncode == 2 and "5 chữ số" in wrong.stderr and wrong.stdout == ""
