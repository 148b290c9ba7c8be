"""Bad-input cases as data: a `<case>.expected` file beside each input, read by tests and benchmarks.

An expectation file starts with `#` header lines, then the exact output:

    # what the case is (free text, any number of lines)
    # args: validate {case}          command line; {case} is the input's file name (default shown)
    # exit: 1                        expected exit code
    # input: generate:file_50mb      optional: the input is made at run time (see GENERATED, SETUPS)
    # value: dia_ban.xa = Hương Sơn  optional: a value the loader must produce (text kept as text, NFC)
    # root: skip                     optional: meaningless as root (root reads and writes anything)
    # writes: r.md                   optional: the one file the run may create (a report); nothing else
    # stderr: closed                 optional: run with standard error closed (`2>&-`); real process only
    file.yaml:3:5: lỗi [CODE] path: message
    Đã kiểm tra 1 tệp: ...

Each case runs in its own empty folder with the input copied (or made) there
as `<case name><suffix>`, so the output names it the same way on every
machine; a temporary folder's path in a message is written `{tmp}`.

Binary inputs that are small are committed and are exactly what
`BINARY_FIXTURES` makes (a test checks that); large ones (50 MB, 10,000
levels, alias bombs, a 1 MB line) are made at run time only.

The golden folders and how their cases run are `GOLDEN`; tests/cases/ runs
them all with one runner (`run_case`).
"""

from __future__ import annotations

import codecs
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SEED_PLAN = REPO / "plans" / "huong-son-2023.yaml"

# The golden folders under DATA, and whether a case runs as a real process (`python -m ntm`,
# through main(), its peak memory measured: the hostile inputs) or in-process through typer's
# runner (the real command tree, fast: plans with slips, one case per code).
GOLDEN: dict[str, bool] = {"bad": True, "invalid": False, "codes": False}

# --------------------------------------------------------------------------- the cases


@dataclass
class Case:
    name: str
    folder: Path
    args: list[str]
    exit_code: int
    output: list[str]
    input_file: Path | None = None  # committed input beside the expectation
    make: str | None = None  # "generate:<name>" or "setup:<name>"
    values: list[tuple[str, str]] = field(default_factory=list)
    skip_as_root: bool = False
    writes: list[str] = field(default_factory=list)  # files the run creates (a report), each must appear
    stderr_closed: bool = False

    @property
    def ident(self) -> str:
        """`bad/alias-bomb`: the folder and the name, unique across the golden folders."""
        return f"{self.folder.name}/{self.name}"

    @property
    def as_process(self) -> bool:
        return GOLDEN.get(self.folder.name, False)

    @property
    def input_name(self) -> str:
        if self.input_file is not None:
            return self.input_file.name
        return f"{self.name}.yaml"

    def argv(self) -> list[str]:
        return [arg.replace("{case}", self.input_name) for arg in self.args]

    @property
    def may_write(self) -> list[str]:
        """The files the run may create: those declared (`# writes:`, each must appear) and the file a
        successful case asks for with `-o` (`ntm import X -o ke-hoach.yaml`). A case that fails and
        declares nothing may write nothing at all."""
        argv = self.argv()
        if self.exit_code != 0 or "-o" not in argv[:-1]:
            return list(self.writes)
        return [*self.writes, argv[argv.index("-o") + 1]]


def golden_cases() -> list[Case]:
    """Every case of every golden folder, folder by folder."""
    return [case for folder in GOLDEN for case in load_cases(DATA / folder)]


def load_cases(folder: Path) -> list[Case]:
    cases = []
    for expected in sorted(folder.glob("*.expected")):
        name = expected.name[: -len(".expected")]
        args, exit_code, make, values, skip_as_root = ["validate", "{case}"], None, None, [], False
        writes: list[str] = []
        stderr_closed = False
        output: list[str] = []
        for line in expected.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") and not output:
                key, _, value = line[1:].strip().partition(":")
                value = value.strip()
                if key == "args":
                    args = value.split()
                elif key == "exit":
                    exit_code = int(value)
                elif key == "input":
                    make = value
                elif key == "value":
                    path, _, text = value.partition(" = ")
                    values.append((path.strip(), text))
                elif key == "root":
                    skip_as_root = value == "skip"
                elif key == "writes":
                    writes = value.split()
                elif key == "stderr":
                    stderr_closed = value == "closed"
            else:
                output.append(line)
        if exit_code is None:
            raise ValueError(f"{expected}: missing '# exit:' line")
        inputs = [p for p in folder.glob(f"{name}.*") if p.name != expected.name and p.suffix != ".expected"]
        if make is None and len(inputs) != 1:
            raise ValueError(f"{expected}: expected exactly one input file {name}.*, found {inputs}")
        cases.append(
            Case(name, folder, args, exit_code, output, inputs[0] if make is None else None, make, values, skip_as_root,
                 writes, stderr_closed)
        )
    return cases


def prepare(case: Case, workdir: Path) -> None:
    """Put the case's input into an empty `workdir`."""
    if case.input_file is not None:
        shutil.copyfile(case.input_file, workdir / case.input_name)
        return
    assert case.make is not None
    kind, _, name = case.make.partition(":")
    target = workdir / case.input_name
    if kind == "generate":
        target.write_bytes(GENERATED[name]())
    elif kind == "setup":
        SETUPS[name](target)
    else:
        raise ValueError(f"{case.name}: unknown input kind {case.make!r}")


def normalise(text: str, workdir: Path) -> list[str]:
    return text.replace(str(workdir), "{tmp}").splitlines()


def value_at(data: object, dotted: str) -> object:
    current = data
    for part in dotted.split("."):
        if isinstance(current, list):
            current = current[int(part)]
        else:
            assert isinstance(current, dict), f"{dotted}: {part} is not in a mapping"
            current = current[part]
    return current


# --------------------------------------------------------------------------- running a process


@dataclass
class Measured:
    exit_code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


def ntm_env() -> dict[str, str]:
    """The environment for `python -m ntm` outside the repository folder: the repo's package first."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env.pop("NTM_DEBUG", None)
    return env


# Runs `python -m ntm …` and reports the child's own peak RSS and wall time.
# Linux carries a process's high-water RSS across fork and exec, so a child
# forked straight from pytest (100+ MB) would report pytest's size; this small
# launcher is what ntm is forked from. os.wait4 gives exactly that child's
# rusage (RUSAGE_CHILDREN would be a running maximum over every child). It runs
# with -I -S and imports nothing but builtin modules: it starts once per case.
_LAUNCHER = """
import os, sys, time
report, close, args = sys.argv[1], sys.argv[2] == "close-stderr", sys.argv[3:]
start = time.perf_counter()
actions = [(os.POSIX_SPAWN_CLOSE, 2)] if close else []
pid = os.posix_spawn(sys.executable, [sys.executable, "-m", "ntm", *args], os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KB on Linux
with open(report, "w") as f:
    f.write('{"seconds": %r, "peak_mb": %r}' % (time.perf_counter() - start, usage.ru_maxrss / scale))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_measured(args: list[str], cwd: Path, timeout: float = 60, stderr_closed: bool = False) -> Measured:
    """`python -m ntm args` in `cwd`, with its wall time and peak RSS; `timeout` is only a hang guard.
    `stderr_closed`: ntm starts with file descriptor 2 closed (`2>&-`).

    The launcher starts a session of its own, so a hang is ended by killing
    exactly that process group (the launcher and the ntm it started).
    """
    report = cwd.parent / f".{cwd.name}.measure.json"
    report.unlink(missing_ok=True)
    proc = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(report), "close-stderr" if stderr_closed else "-", *args],
        cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ntm_env(), start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    measured = json.loads(report.read_text()) if report.exists() else {"seconds": float("nan"), "peak_mb": float("nan")}
    report.unlink(missing_ok=True)
    return Measured(
        proc.returncode,
        stdout.decode("utf-8", errors="replace"),
        stderr.decode("utf-8", errors="replace"),
        measured["seconds"],
        measured["peak_mb"],
    )


# --------------------------------------------------------------------------- inputs made from the shipped plan


def seed_text() -> str:
    return SEED_PLAN.read_text(encoding="utf-8")


def seed_replace(old: str, new: str, text: str | None = None) -> str:
    """The shipped plan with one exact edit; fails loudly if the plan no longer has `old`."""
    text = seed_text() if text is None else text
    if text.count(old) < 1:
        raise ValueError(f"the shipped plan no longer contains {old!r}")
    return text.replace(old, new, 1)


# TCVN3 (ABC): one byte per precomposed letter; capitals other than Ă Â Ê Ô Ơ Ư Đ
# share the small letter's code (the capital font draws them).
_TCVN3 = dict(
    zip(
        "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
        [0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6,
         0xC7, 0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8,
         0xDC, 0xDD, 0xDE, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED,
         0xEE, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
         0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7],
        strict=True,
    )
)


def to_tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            out.append(_TCVN3.get(ch) or _TCVN3[ch.lower()])
    return bytes(out)


# VNI (VNI-Windows): the ASCII letter, then a byte for the hat/breve/horn and tone.
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONE = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> bytes:
    out: list[str] = []
    for ch in text:
        if ord(ch) < 0x80:
            out.append(ch)
            continue
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], list(decomposed[1:])
        upper = base.isupper()
        tone = next((m for m in marks if m in _VNI_TONE), "")
        if "\u0302" in marks:  # circumflex
            code = base + _VNI_HAT_TONE[tone]
        elif "\u0306" in marks:  # breve
            code = base + _VNI_BREVE_TONE[tone]
        elif "\u031b" in marks:  # horn: ơ, ư
            code = ("ô" if base.lower() == "o" else "ö") + _VNI_TONE.get(tone, "")
        elif base.lower() == "i" and tone:
            code = _VNI_I[tone]
        else:
            code = base + _VNI_TONE.get(tone, "")
        out.append(code.upper() if upper else code)
    return "".join(out).encode("cp1252")


def _garbage() -> bytes:
    rng = random.Random(20230105)  # fixed: the expected diagnostic depends on the bytes
    return bytes(rng.randrange(256) for _ in range(4096))


# Small binary fixtures, committed; `test_committed_binary_fixtures_are_reproducible` checks them.
BINARY_FIXTURES: dict[str, Callable[[], bytes]] = {
    "invalid/utf8-bom-accepted.yaml": lambda: codecs.BOM_UTF8 + seed_text().encode("utf-8"),
    "invalid/utf16-le-bom-accepted.yaml": lambda: codecs.BOM_UTF16_LE + seed_text().encode("utf-16-le"),
    "invalid/nfd-normalised.yaml": lambda: unicodedata.normalize("NFD", seed_text()).encode("utf-8"),
    "invalid/undecodable-byte.yaml": lambda: seed_replace("  huyen: Nam Đông\n", "  huyen: Nam \udcd0\udcf4ng\n").encode(
        "utf-8", errors="surrogateescape"
    ),
    "invalid/tcvn3-legacy.yaml": lambda: to_tcvn3(seed_text()),
    "invalid/vni-legacy.yaml": lambda: to_vni(seed_text()),
    "bad/utf8-bom.yaml": lambda: codecs.BOM_UTF8 + seed_text().encode("utf-8"),
    "bad/utf16-le-bom.yaml": lambda: codecs.BOM_UTF16_LE + seed_text().encode("utf-16-le"),
    "bad/utf16-be-bom.yaml": lambda: codecs.BOM_UTF16_BE + seed_text().encode("utf-16-be"),
    "bad/utf16-no-bom.yaml": lambda: seed_text().encode("utf-16-le"),
    "bad/utf32-bom.yaml": lambda: seed_text().encode("utf-32"),
    "bad/invalid-utf8.yaml": lambda: seed_replace("Hồ Thanh Nghi", "H\udcd3 Thanh Nghi").encode(
        "utf-8", errors="surrogateescape"
    ),
    "bad/cp1258.yaml": lambda: unicodedata.normalize("NFD", seed_text()).encode("cp1258", errors="replace"),
    "bad/tcvn3.yaml": lambda: to_tcvn3(seed_text()),
    "bad/vni.yaml": lambda: to_vni(seed_text()),
    "bad/tcvn3-saved-as-utf8.yaml": lambda: to_tcvn3(seed_text()).decode("cp1252", errors="replace").encode("utf-8"),
    "bad/nfd.yaml": lambda: unicodedata.normalize("NFD", seed_text()).encode("utf-8"),
    "bad/nul-byte.yaml": lambda: seed_replace("nam: 2023", "nam: 20\x0023").encode("utf-8"),
    "bad/binary-garbage.yaml": _garbage,
    "bad/control-character.yaml": lambda: seed_replace("ho_ten: Hồ Thanh Nghi", "ho_ten: Hồ Thanh\x07 Nghi").encode(),
}


# --------------------------------------------------------------------------- large inputs, made at run time


def _nested(open_: str, close: str, depth: int = 10_000) -> bytes:
    return f"tieu_chi: {open_ * depth}1{close * depth}\n".encode()


def _alias_bomb(levels: int = 12, width: int = 12) -> bytes:
    """Billion laughs: width**levels strings if expanded (12**12 ~ 9e12), ~2 KB as text."""
    lines = ['l0: &l0 ["ha ha ha ha ha ha ha ha"]']
    for i in range(1, levels + 1):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return (seed_text() + "\n".join(lines) + "\n").encode()


def _alias_bomb_nested_in_plan() -> bytes:
    """The bomb hidden deep inside a criterion, the anchors introduced after innocent keys."""
    bomb = "\n".join(
        f"    x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 10 if i else ['"lol"'] * 10) + "]" for i in range(10)
    )
    return seed_replace("  quoc_phong_an_ninh:\n", f"  quoc_phong_an_ninh:\n{bomb}\n").encode()


def _file_50mb() -> bytes:
    line = "    - Đẩy mạnh công tác tuyên truyền chủ trương, chính sách về xây dựng NTM.\n".encode()
    body = seed_text().encode() + b"thoi_gian_thuc_hien:\n"
    return body + line * ((50 * 1024 * 1024 - len(body)) // len(line) + 1)


def _line_1mb() -> bytes:
    return seed_replace("nam: 2023", "nam: 2023" + "0123456789" * 104_858).encode()


def _too_many_values() -> bytes:
    """Under MAX_BYTES, but 1.3 million list items: composing them all would take 10 s and 450 MB."""
    body = seed_text().encode() + b"thoi_gian_thuc_hien:\n"
    return body + b"- a\n" * ((5 * 1024 * 1024 - len(body)) // 4)


def _many_unknown_keys() -> bytes:
    """20,000 misspelt top-level keys: within the node limit, so every one is an error to report."""
    return (seed_text() + "".join(f"khoa_{i}: {i}\n" for i in range(20_000))).encode()


def _many_unknown_criteria() -> bytes:
    """101 criteria the set does not have (a list of items pasted in as criteria): 100 listed, then a count."""
    items = "".join(f"  muc_{i:03d}:\n    tu_danh_gia: dat\n" for i in range(1, 102))
    return seed_replace("tieu_chi:\n  quy_hoach:\n", f"tieu_chi:\n{items}  quy_hoach:\n").encode()


GENERATED: dict[str, Callable[[], bytes]] = {
    "too_many_values": _too_many_values,
    "many_unknown_keys": _many_unknown_keys,
    "nesting_flow_sequences": lambda: _nested("[", "]"),
    "nesting_flow_mappings": lambda: _nested("{a: ", "}"),
    "nesting_block_sequences": lambda: b"tieu_chi:\n" + b"- " * 10_000 + b"1\n",
    "alias_bomb": _alias_bomb,
    "alias_bomb_in_plan": _alias_bomb_nested_in_plan,
    "file_50mb": _file_50mb,
    "line_1mb": _line_1mb,
    "many_unknown_criteria": _many_unknown_criteria,
}


# --------------------------------------------------------------------------- inputs that are not plain files


def _missing(target: Path) -> None:
    pass  # nothing there: the path does not exist


def _directory_without_plans(target: Path) -> None:
    target.mkdir()
    (target / "ghi-chu.txt").write_text("không phải kế hoạch\n", encoding="utf-8")


def _fifo(target: Path) -> None:
    os.mkfifo(target)  # nobody ever writes: reading it would block forever


def _device(target: Path) -> None:
    target.symlink_to("/dev/zero")  # endless: reading it whole would never finish


def _dangling_symlink(target: Path) -> None:
    target.symlink_to("da-xoa.yaml")


def _symlink_loop(target: Path) -> None:
    target.symlink_to(target.name)


def _unreadable(target: Path) -> None:
    target.write_text(seed_text(), encoding="utf-8")
    target.chmod(0)  # root reads it anyway: the case is skipped as root


def _readonly_folder(target: Path) -> None:
    target.write_text(seed_text(), encoding="utf-8")
    folder = target.parent / "chi-doc"
    folder.mkdir()
    folder.chmod(0o555)  # root writes anyway: the case is skipped as root


def _file_in_place_of_folder(target: Path) -> None:
    target.write_text(seed_text(), encoding="utf-8")


def _catalog_fifo(target: Path) -> None:
    """A plan whose bo_tieu_chi names a FIFO beside it: the catalog read must not block."""
    target.write_text(
        seed_replace("bo_tieu_chi: xa-ntm-nang-cao-2021-2025\n", "bo_tieu_chi: ./bo-tieu-chi.yaml\n"), encoding="utf-8"
    )
    os.mkfifo(target.parent / "bo-tieu-chi.yaml")


def _plan_naming(target: Path, catalog: str) -> None:
    """The shipped plan at `target`, its bo_tieu_chi naming `catalog` (relative to the plan)."""
    target.write_text(
        seed_replace("bo_tieu_chi: xa-ntm-nang-cao-2021-2025\n", f"bo_tieu_chi: {catalog}\n"), encoding="utf-8"
    )


def _province_set(ma: str, ke_thua: str) -> str:
    """A made-up province set that only names what it extends: a few lines, marked as test data."""
    return (
        "# DỮ LIỆU KIỂM THỬ: bộ tiêu chí của một tỉnh giả định, không có thật.\n"
        f"ma: {ma}\n"
        f"ten: Bộ tiêu chí {ma} (dữ liệu kiểm thử)\n"
        f"ten_ngan: Bộ {ma}\n"
        f"ke_thua: {ke_thua}\n"
        "can_cu_phap_ly:\n"
        "  so_hieu: 123/QĐ-UBND\n"
        "  ten: Quyết định của UBND tỉnh Thử Nghiệm (không có thật)\n"
        "  co_quan: Ủy ban nhân dân tỉnh Thử Nghiệm\n"
        "  ngay_ban_hanh: 2022-09-15\n"
        "  do_tin_cay: V\n"
    )


def _catalog_is_a_folder(target: Path) -> None:
    """The plan's bo_tieu_chi names a folder (called like a .yaml file), not a file."""
    _plan_naming(target, "./bo-tieu-chi-tinh.yaml")
    (target.parent / "bo-tieu-chi-tinh.yaml").mkdir()


def _inheritance_cycle(target: Path) -> None:
    """The plan's province set of 2023 extends the one of 2022, which was set to extend 2023's."""
    _plan_naming(target, "./tinh-2023.yaml")
    (target.parent / "tinh-2023.yaml").write_text(_province_set("tinh-2023", "./tinh-2022.yaml"), encoding="utf-8")
    (target.parent / "tinh-2022.yaml").write_text(_province_set("tinh-2022", "./tinh-2023.yaml"), encoding="utf-8")


def _inheritance_chain_9(target: Path) -> None:
    """The plan's set is the first of 9 files, each extending the next (at most 8 are followed)."""
    _plan_naming(target, "./bo-1.yaml")
    for i in range(1, 10):
        parent = f"./bo-{i + 1}.yaml" if i < 9 else "xa-ntm-nang-cao-2021-2025"
        (target.parent / f"bo-{i}.yaml").write_text(_province_set(f"bo-{i}", parent), encoding="utf-8")


def _git_repository(target: Path) -> None:
    """The shipped plan committed in a git repository of its own (the case's folder)."""
    target.write_text(seed_text(), encoding="utf-8")
    git = ["git", "-c", "user.name=ntm", "-c", "user.email=ntm@example.invalid", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", target.name], ["commit", "-q", "-m", "kế hoạch"]):
        subprocess.run([*git, *args], cwd=target.parent, check=True, capture_output=True)


# A repository's ntm.toml beside a valid plan with one warning (KH012): each setup writes both.
_CONFIGS: dict[str, str] = {
    "config_accepts": '[bo-qua]\n"*.yaml" = ["KH012"]\n',
    "config_syntax": '[bo-qua]\n"*.yaml" = ["KH012"\n[muc-do]\nKH010 = "tat"\n',
    "config_unknown_table": '[bo_qua]\n"*.yaml" = ["KH012"]\n',
    "config_unknown_level": '[muc-do]\nKH012 = "loii"\n',
    "config_outside": '[bo-qua]\n"../*.yaml" = ["KH012"]\n',
    "config_wrong_type": '[bo-qua]\n"*.yaml" = "KH012"\n',
    "config_raises": '[muc-do]\nKH012 = "loi"\n',
    "config_unused": '[bo-qua]\n"*.yaml" = ["KH012", "KH010"]\n"khac/*.yaml" = ["KH012"]\n',
}


def _with_config(text: str) -> Callable[[Path], None]:
    def setup(target: Path) -> None:
        shutil.copyfile(DATA / "codes" / "KH012-placeholder-left.yaml", target)
        (target.parent / "ntm.toml").write_text(text, encoding="utf-8")

    return setup


SETUPS: dict[str, Callable[[Path], None]] = {
    "git_repository": _git_repository,
    **{name: _with_config(text) for name, text in _CONFIGS.items()},
    "catalog_is_a_folder": _catalog_is_a_folder,
    "inheritance_cycle": _inheritance_cycle,
    "inheritance_chain_9": _inheritance_chain_9,
    "catalog_fifo": _catalog_fifo,
    "missing": _missing,
    "directory_without_plans": _directory_without_plans,
    "fifo": _fifo,
    "device": _device,
    "dangling_symlink": _dangling_symlink,
    "symlink_loop": _symlink_loop,
    "unreadable": _unreadable,
    "readonly_folder": _readonly_folder,
    "file_in_place_of_folder": _file_in_place_of_folder,
    "seed": _file_in_place_of_folder,
}


def snapshot(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every entry under `folder` with its kind, size and mtime: to prove a run wrote nothing."""
    out: dict[str, tuple[str, int, int]] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            info = path.lstat()
            kind = "link" if path.is_symlink() else "dir" if path.is_dir() else "file"
            out[str(path.relative_to(folder))] = (kind, info.st_size, info.st_mtime_ns)
    return out


def restore_permissions(folder: Path) -> None:
    """Undo chmod 000/555 so pytest can remove the folder."""
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            if not path.is_symlink():
                path.chmod(0o755)


def run_in_process(case: Case, workdir: Path, monkeypatch: Any, *, prepared: bool = False) -> tuple[int, list[str]]:
    """The case through typer's runner (the real command tree, fast), in its own folder: exit
    code and normalised output. An internal error is raised, so its traceback shows.
    `prepared`: the case's input is already in `workdir`."""
    from typer.testing import CliRunner

    from ntm.cli.app import app

    if not prepared:
        prepare(case, workdir)
    monkeypatch.chdir(workdir)
    result = CliRunner().invoke(app, case.argv())
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, normalise(result.output, workdir)


@dataclass
class Ran:
    """What one golden case gave, however it ran."""

    exit_code: int
    lines: list[str]
    wrote_nothing: bool
    peak_mb: float | None = None  # a real process only
    traceback: bool = False


def run_case(case: Case, workdir: Path, monkeypatch: Any, timeout: float = 60) -> Ran:
    """The case in `workdir` (made empty, removed afterwards: the 50 MB input must not pile up),
    as a real process or in-process as GOLDEN says; whether it left the folder as it was."""
    workdir.mkdir()
    try:
        prepare(case, workdir)
        before = snapshot(workdir)
        peak_mb, traceback = None, False
        if case.as_process:
            run = run_measured(case.argv(), workdir, timeout=timeout, stderr_closed=case.stderr_closed)
            code, lines = run.exit_code, normalise(run.stdout + run.stderr, workdir)
            peak_mb, traceback = run.peak_mb, "Traceback" in run.stdout + run.stderr
        else:
            code, lines = run_in_process(case, workdir, monkeypatch, prepared=True)
            monkeypatch.chdir(workdir.parent)  # out of the folder before it is removed
        after = snapshot(workdir)
        written = all(name in after for name in case.writes)
        for name in case.may_write:
            if name not in before:
                after.pop(name, None)
        return Ran(code, lines, written and after == before, peak_mb, traceback)
    finally:
        restore_permissions(workdir)
        shutil.rmtree(workdir)


# --------------------------------------------------------------------------- which rule gave what (tests/cases/test_rule_codes.py)

# Every folder of golden cases; the rule-codes test runs them all.
GOLDEN_FOLDERS = (DATA / "bad", DATA / "invalid", DATA / "codes")


def run_watching_rules(case: Case, workdir: Path, watch: Any) -> int:
    """The case in-process, like run_in_process, while ntm.rules.rule.watching(watch) sees each
    diagnostic a rule yields; the exit code. The output is not compared: the other runners do that."""
    from typer.testing import CliRunner

    from ntm.cli.app import app
    from ntm.rules.rule import watching

    prepare(case, workdir)
    here = Path.cwd()
    os.chdir(workdir)
    try:
        with watching(watch):
            result = CliRunner().invoke(app, case.argv())
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


# Word documents for `ntm import` (NH cases): made by tests/nhap_fixtures/bad.py.
from nhap_fixtures.bad import NHAP_SETUPS  # noqa: E402

SETUPS.update(NHAP_SETUPS)
