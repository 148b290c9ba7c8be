"""`ntm criteria` as an official reads it (issue 11): the codes a plan is written with, aligned
and wrapped; every level with where it comes from; numbers that add up, or say why not.

Everything goes through the real command; what is checked is read from the command's own
JSON output or from the documentation, never restated here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from planlib import REPO, run, run_process
from typer.testing import CliRunner

from ntm.catalog import builtin_ids
from ntm.cli.app import app
from ntm.present.criteria import DEFAULT_WIDTH, INFERRED_PLACEMENT, TENTATIVE_NUMBER

SETS = builtin_ids()
URL = re.compile(r"https?://\S+")


def where(ident: str) -> list[str]:
    """A place the set's levels can be read for (its first region or group)."""
    _, out = run("criteria", "-b", ident, "--format", "json")
    view = json.loads(out)
    if view["truc"] == "vung":
        from ntm.catalog import load_catalog

        return ["--vung", next(iter(load_catalog(ident).cac_vung))]
    return ["--nhom-xa", "1"] if view["truc"] == "nhom_xa" else []


def listing(*args: str, columns: int | None = None) -> str:
    env = {"COLUMNS": str(columns)} if columns else {"COLUMNS": ""}
    result = CliRunner().invoke(app, ["criteria", *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def view_of(*args: str) -> dict[str, Any]:
    code, out = run("criteria", *args, "--format", "json")
    assert code == 0, out
    return json.loads(out)  # type: ignore[no-any-return]


def indicators(view: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(tc, ct) for tc in view["tieu_chi"] for ct in tc["chi_tieu"]]


def code_line(lines: list[str], ct: dict[str, Any]) -> int:
    """The index of the line that shows an indicator's code (after its number, or under it)."""
    number = re.compile(rf"^\s+{re.escape(ct['so'])}\s+{ct['ma']}(\s|$)")
    alone = re.compile(rf"^\s+{re.escape(ct['so'])}$")
    for i, line in enumerate(lines):
        if number.match(line):
            return i
        if alone.match(line) and i + 1 < len(lines) and lines[i + 1].split()[:1] == [ct["ma"]]:
            return i + 1
    raise AssertionError(f"{ct['so']} {ct['ma']} is not in the listing")


def unbreakable(line: str, width: int) -> bool:
    """A line may only run past the width for one word that alone is longer (an address)."""
    indent = len(line) - len(line.lstrip())
    return any(len(word) > width - indent - 10 for word in line.split())


# ------------------------------------------------------------------------------- codes


def test_the_codes_plan_format_tells_users_to_look_up_are_in_the_listing() -> None:
    doc = (REPO / "docs" / "plan-format.md").read_text(encoding="utf-8")
    paragraph = next(p for p in doc.split("\n\n") if "ntm criteria" in p)
    named = re.search(r"\*\*mã\*\*\s+\(([^)]*)\)", paragraph)  # "gọi bằng **mã** (`lao_dong`, …)"
    assert named is not None, paragraph
    codes = re.findall(r"`([a-z_]+)`", named.group(1))
    assert codes, "the paragraph names the codes it sends readers to `ntm criteria` for"
    found = []
    for ident in SETS:
        text = listing("-b", ident)
        found += [code for code in codes if re.search(rf"(mã: {code}\b|^\s+\S+\s+{code}\b)", text, re.M)]
    assert set(found) == set(codes)


@pytest.mark.parametrize("ident", SETS)
def test_every_code_of_the_set_is_listed_in_one_aligned_column(ident: str) -> None:
    view = view_of("-b", ident)
    lines = listing("-b", ident).splitlines()
    for tc in view["tieu_chi"]:
        head = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{tc['so']}. {tc['ten']}"))
        assert f"mã: {tc['ma']}" in " ".join(lines[head:head + 2]), tc["ma"]
    columns = set()
    for _tc, ct in indicators(view):
        i = code_line(lines, ct)
        column = lines[i].index(ct["ma"])
        columns.add(column)
        following = lines[i + 1]  # the wording (or a mark), starting under the code
        assert len(following) - len(following.lstrip()) == column, following
    assert len(columns) <= 1, columns


# ------------------------------------------------------------------------------- wrapping


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("ident", SETS)
def test_long_names_wrap_at_the_width_and_no_word_is_cut(ident: str, columns: int) -> None:
    view = view_of("-b", ident)
    text = listing("-b", ident, columns=columns)
    for line in text.splitlines():
        assert len(line) <= columns or unbreakable(line, columns), line
    joined = " ".join(text.split())
    for tc, ct in indicators(view):
        assert " ".join(ct["noi_dung"].split()) in joined, ct["ma"]
        assert " ".join(tc["ten"].split()) in joined


def test_piped_output_has_a_fixed_width() -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run([sys.executable, "-m", "ntm", "criteria", "-b", "xa-ntm-2021-2025"],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines if not unbreakable(line, DEFAULT_WIDTH)) <= DEFAULT_WIDTH
    assert any(len(line) > 80 for line in lines)  # not the 80 columns of a terminal's default


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_on_a_terminal_the_listing_fits_the_window() -> None:
    import fcntl
    import struct
    import termios

    columns = 72
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    proc = subprocess.Popen([sys.executable, "-m", "ntm", "criteria", "-b", "xa-ntm-nang-cao-2021-2025"],
                            stdout=slave, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=REPO, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed (Linux: EIO)
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=120) == 0
    lines = b"".join(chunks).decode("utf-8").replace("\r\n", "\n").splitlines()
    assert "\x1b" not in "".join(lines)
    assert any(len(line) > columns - 12 for line in lines)
    for line in lines:
        assert len(line) <= columns or unbreakable(line, columns), line


# ------------------------------------------------------------------------------- sources


@pytest.mark.parametrize("ident", SETS)
def test_every_level_names_its_source_and_confidence(ident: str) -> None:
    """A level (a number, or a level in words) without a V/S/I code and an address fails here."""
    view = view_of("-b", ident)
    levels = 0
    for _tc, ct in indicators(view):
        for entry in ct["cac_muc"]:
            if entry["muc"] == "chưa rõ":
                assert entry["do_tin_cay"] == "U", (ct["ma"], entry)
                continue
            if entry["do_tin_cay"] == "U":  # only a factor of another set's level that is itself unknown
                assert " × mức " in entry["muc"] and URL.fullmatch(entry["nguon"] or ""), (ct["ma"], entry)
                continue
            if entry["muc"] in ("đạt", "không"):  # a yes/no level says where "đạt" is defined
                assert entry["do_tin_cay"] in ("V", "S", "I") and URL.fullmatch(entry["nguon"] or ""), entry
                continue
            levels += 1
            assert entry["do_tin_cay"] in ("V", "S", "I"), (ct["ma"], entry)
            assert URL.fullmatch(entry["nguon"] or ""), (ct["ma"], entry)  # its own address, not its wording's
        if ct["do_tin_cay_noi_dung"] in ("V", "S"):
            assert URL.fullmatch(ct["nguon_noi_dung"] or ""), ct["ma"]
        for fact in (ct["xac_nhan_so"], ct["xac_nhan_vi_tri"]):
            if fact is not None and fact["do_tin_cay"] != "V":
                assert fact["ghi_chu"], (ct["ma"], fact)
    assert levels or view["tong_hop"]["co_muc_so"] == 0


@pytest.mark.parametrize("ident", SETS)
def test_a_level_in_force_is_shown_with_its_address(ident: str) -> None:
    """Read for a place: each indicator held to a number shows the address that number comes from."""
    args = ("-b", ident, *where(ident))
    view = view_of(*args)
    lines = listing(*args, columns=400).splitlines()
    shown = 0
    for _tc, ct in indicators(view):
        if not ct["yeu_cau"] or ct["loai"] == "dat":
            continue
        start = code_line(lines, ct)
        block = lines[start:start + 8]
        source = next(line for line in block if "nguồn của mức:" in line)
        assert ct["url_yeu_cau"] and ct["url_yeu_cau"] in source, ct["ma"]
        shown += 1
    assert shown == view["tong_hop"]["ap_dung_duoc"] - sum(ct["loai"] == "dat" for _tc, ct in indicators(view))


# ------------------------------------------------------------------------------- numbering


@pytest.mark.parametrize("ident", SETS)
def test_numbers_are_unique_and_criteria_run_from_one(ident: str) -> None:
    view = view_of("-b", ident)
    numbers = [ct["so"] for _tc, ct in indicators(view)]
    assert len(numbers) == len(set(numbers)), sorted(n for n in numbers if numbers.count(n) > 1)
    assert [tc["so"] for tc in view["tieu_chi"]] == [str(n) for n in range(1, len(view["tieu_chi"]) + 1)]


@pytest.mark.parametrize("ident", SETS)
def test_a_criterion_s_numbers_run_from_x_1_or_the_gap_is_explained(ident: str) -> None:
    """Nâng cao's Điện once started at 4.2 with nothing said: a number the sources do not give is
    marked tentative (with the reason) on its line; sourced numbers count 1, 2, 3 … without a gap."""
    view = view_of("-b", ident)
    lines = listing("-b", ident).splitlines()
    for tc in view["tieu_chi"]:
        expected = 1
        for ct in tc["chi_tieu"]:
            fact = ct["xac_nhan_so"]
            i = code_line(lines, ct)
            if fact is not None and fact["do_tin_cay"] in ("I", "U"):
                assert TENTATIVE_NUMBER in lines[i], lines[i]
                note = next(line for line in lines[i:i + 12] if line.lstrip().startswith(f"số thứ tự {ct['so']}:"))
                assert f"[{fact['do_tin_cay']}]" in note
                continue
            assert TENTATIVE_NUMBER not in lines[i]
            match = re.fullmatch(rf"{re.escape(tc['so'])}\.(\d+)", ct["so"])
            if match:
                assert int(match.group(1)) == expected, (tc["so"], ct["so"])
                expected += 1


def test_an_inferred_placement_is_said_on_its_line() -> None:
    view = view_of("-b", "xa-ntm-2026-2030")
    lines = listing("-b", "xa-ntm-2026-2030").splitlines()
    inferred = [(tc, ct) for tc, ct in indicators(view)
                if ct["xac_nhan_vi_tri"] and ct["xac_nhan_vi_tri"]["do_tin_cay"] == "I"]
    assert inferred and len(inferred) == view["tong_hop"]["vi_tri_suy_luan"]
    for tc, ct in inferred:
        i = code_line(lines, ct)
        assert INFERRED_PLACEMENT in lines[i]
        assert any(line.lstrip().startswith(f"thuộc tiêu chí {tc['so']}: suy luận [I]") for line in lines[i:i + 12])
    # none of them has a level: the set's annex table is not known
    assert all(e["muc"] == "chưa rõ" or e["do_tin_cay"] == "I" for _tc, ct in inferred for e in ct["cac_muc"])


# ------------------------------------------------------------------------------- docs


def test_the_counts_docs_criteria_gives_are_the_data_s() -> None:
    text = (REPO / "docs" / "criteria.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9-]+)` \|((?: \d+ \|){8})$", text, re.M)
    assert {ident for ident, _ in rows} == set(SETS)
    keys = ("so_tieu_chi", "so_chi_tieu", "co_khong", "co_muc_so", "tuong_doi", "chua_ro", "so_tam", "vi_tri_suy_luan")
    for ident, cells in rows:
        totals = view_of("-b", ident)["tong_hop"]
        assert [int(n) for n in re.findall(r"\d+", cells)] == [totals[k] for k in keys], ident


def test_a_tentative_number_or_placement_without_a_reason_refuses_the_set(tmp_path: Path) -> None:
    province = tmp_path / "tinh.yaml"
    province.write_text(
        "ma: tinh-thu\nten: Bộ tiêu chí thử\nten_ngan: Bộ thử\nke_thua: xa-ntm-2026-2030\n"
        "can_cu_phap_ly: {so_hieu: 1/QĐ-UBND, ten: Thử, co_quan: UBND tỉnh Thử, ngay_ban_hanh: 2026-03-01}\n"
        "tieu_chi:\n  - ma: quy_hoach\n    chi_tieu:\n      - ma: co_quy_hoach\n        so: \"1.a\"\n"
        "        noi_dung: Có quy hoạch\n        loai: dat\n        xac_nhan_vi_tri: {do_tin_cay: I}\n",
        encoding="utf-8",
    )
    code, out = run("validate", str(province))
    assert code == 1 and "[BTC020]" in out and "cần kèm lý do" in out, out
    province.write_text(province.read_text(encoding="utf-8").replace(
        "{do_tin_cay: I}", "{do_tin_cay: I, ghi_chu: Tỉnh tự xếp}"), encoding="utf-8")
    code, out = run("validate", str(province))
    assert code == 0, out


# ---------------------------------------------------------------------------- --bo-tinh: a province's own set


def missing_levels(ident: str, axis: list[str]) -> list[str]:
    """Indicators `ntm criteria` shows without a level there, at some year of the set's period."""
    from ntm.catalog import load_catalog

    period = load_catalog(ident).giai_doan
    years = range(period[0], period[1] + 1) if period else [None]
    found: set[str] = set()
    order: list[str] = []
    for year in years:
        view = view_of("-b", ident, *axis, *(["--nam", str(year)] if year else []))
        for _, ct in indicators(view):
            order.append(ct["ma"]) if ct["ma"] not in order else None
            if ct["yeu_cau"] is None:
                found.add(ct["ma"])
    return [ma for ma in order if ma in found]


def uncommented(text: str) -> str:
    """The file as an officer leaves it: every listed entry uncommented and given a level."""
    out = []
    for line in text.splitlines():
        if line.startswith("# ") and line[2:].lstrip().startswith(("tieu_chi:", "- ma:", "chi_tieu:", "nguong:",
                                                                   "- vung:", "- nhom_xa:", "gia_tri:",
                                                                   "do_tin_cay:", "vung:", "nhom_xa:")):
            line = line[2:]
        out.append(line)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize(("ident", "axis"), [("xa-ntm-2021-2025", ["--vung", "bac-trung-bo"]),
                                             ("xa-ntm-2026-2030", ["--nhom-xa", "2"])])
def test_bo_tinh_writes_a_set_that_loads_and_lists_every_indicator_lacking_a_level(
        tmp_path: Path, ident: str, axis: list[str]) -> None:
    from ntm.catalog import load_catalog

    made = run_process("criteria", "--bo-tinh", "tinh.yaml", "-b", ident, *axis, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "đã ghi tinh.yaml" in made.stderr
    text = (tmp_path / "tinh.yaml").read_text(encoding="utf-8")
    bo = load_catalog("tinh.yaml", tmp_path)
    assert [f.ma for f in bo.chain[1:]] == [ident]
    assert "[ĐIỀN: số quyết định]" in bo.can_cu.so_hieu and "[ĐIỀN: ngày]" in text
    listed = re.findall(r"^#       - ma: (\S+)$", text, re.MULTILINE)
    expected = missing_levels(ident, axis)
    assert expected and listed == expected
    # each listed indicator says its number, unit and kind above its code
    national = load_catalog(ident)
    for ma in listed:
        ct = next(c for tc in national.tieu_chi for c in national.chi_tieu[tc.ma].values() if c.ma == ma)
        block = text[:text.index(f"- ma: {ma}\n")].rsplit("#\n", 1)[-1]
        assert f"# {ct.chi_tieu.so} " in block
    # filled in as the comments say, the levels become the set's
    filled = uncommented(text).replace("gia_tri:        #", "gia_tri: 7  #")
    (tmp_path / "da-dien.yaml").write_text(filled, encoding="utf-8")
    view = view_of("-b", str(tmp_path / "da-dien.yaml"), *axis, "--nam", str(national.giai_doan[1]),
                   "--cho-phep-ngoai-kho") if national.giai_doan else {}
    levels = {ct["ma"]: ct["yeu_cau"] for _, ct in indicators(view)}
    assert all(levels[ma] is not None and "7" in levels[ma] for ma in listed)


def test_a_plan_naming_the_new_set_is_checked(tmp_path: Path) -> None:
    assert run_process("criteria", "--bo-tinh", "tinh.yaml", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo",
                       cwd=tmp_path).returncode == 0
    made = run_process("init", "plan.yaml", "-b", "tinh.yaml", "--vung", "bac-trung-bo", "--nam", "2024",
                       "--xa", "Hương Sơn", "--tinh", "Quảng Trị", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    checked = run_process("check", "plan.yaml", "--format", "json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    view = json.loads(checked.stdout)
    assert view["hop_le"] is True
    assert not [d for d in view["chan_doan"] if d["ma"].startswith("BTC")]


def test_bo_tinh_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "tinh.yaml"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    made = run_process("criteria", "--bo-tinh", "tinh.yaml", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo",
                       cwd=tmp_path)
    assert made.returncode == 2
    assert "đã có 'tinh.yaml'" in made.stderr and "--bo-tinh" in made.stderr
    assert target.read_text(encoding="utf-8") == "giữ nguyên\n"


@pytest.mark.parametrize("axis", [["--vung", "khong-co-vung"], [], ["--nhom-xa", "1"]])
def test_bo_tinh_without_a_valid_region_is_a_usage_error(tmp_path: Path, axis: list[str]) -> None:
    made = run_process("criteria", "--bo-tinh", "tinh.yaml", "-b", "xa-ntm-2021-2025", *axis, cwd=tmp_path)
    assert made.returncode == 2, made.stderr
    assert "Traceback" not in made.stderr and "lỗi cách dùng" in made.stderr
    assert not (tmp_path / "tinh.yaml").exists()


def test_bo_tinh_on_a_province_file_names_it_relative_to_the_new_file(tmp_path: Path) -> None:
    from ntm.catalog import load_catalog

    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    source = REPO / "tests" / "data" / "catalogs" / "thu-nghiem-vung.yaml"
    (tmp_path / "thu-nghiem-vung.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    made = run_process("criteria", "--bo-tinh", "sub/tinh.yaml", "-b", "thu-nghiem-vung.yaml", "--vung",
                       "dong-bang", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "sub" / "tinh.yaml").read_text(encoding="utf-8")
    assert "\nke_thua: ../thu-nghiem-vung.yaml\n" in text
    assert load_catalog("tinh.yaml", tmp_path / "sub").chain[1].ma == load_catalog(str(source)).ma
    printed = run_process("criteria", "--bo-tinh", "-", "-b", "thu-nghiem-vung.yaml", "--vung", "dong-bang",
                          cwd=tmp_path)
    assert printed.returncode == 0 and printed.stdout.replace("ma: tinh-", "ma: ").count("\n") == text.count("\n")
