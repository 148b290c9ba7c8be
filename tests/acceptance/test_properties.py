"""Property tests: whatever the bytes, the CLI answers with a valid plan or clean diagnostics.

Inputs: arbitrary bytes; the shipped plan with bytes spliced in; the shipped
plan edited at the text level (lines deleted, duplicated, re-indented,
values replaced by YAML-1.1 traps and arbitrary text); and the shipped
plan's data edited (keys deleted, entries duplicated, values retyped) and
dumped again. Each runs `ntm validate` or `ntm check --format json`
in-process (typer's runner on ntm.cli.app) and must give exit 0, 1 or 3
(never 4, never an exception), with one well-formed line per diagnostic.
Example counts are bounded so the module stays well under a minute;
HYPOTHESIS_PROFILE=fuzz (tests/conftest.py) multiplies them by 20, with fresh random examples.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from casefiles import SEED_PLAN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ntm.cli.app import app
from ntm.load import load_bytes

SEED_BYTES = SEED_PLAN.read_bytes()
SEED_LINES = SEED_BYTES.decode("utf-8").splitlines(keepends=True)
SEED_DATA: dict[str, Any] = load_bytes(SEED_BYTES, "seed").data
NAME = "ke-hoach.yaml"
DIAGNOSTIC = re.compile(rf"^{re.escape(NAME)}(:\d+:\d+)?: (lỗi|cảnh báo) \[[A-Z]+\d{{3}}\] .+$")
SUMMARY = re.compile(r"^Đã kiểm tra 1 tệp: [01] hợp lệ, [01] có lỗi \(\d+ lỗi, \d+ cảnh báo\)\.$")


def examples(n: int) -> int:
    """`n` examples under the default profile, proportionally more under HYPOTHESIS_PROFILE=fuzz."""
    profile = settings.default
    return max(1, n * (profile.max_examples if profile is not None else 100) // 100)


# One folder for the whole module: hypothesis must not reuse a function-scoped tmp_path.
@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def _invoke(workdir: Path, data: bytes, *args: str) -> tuple[int, str]:
    (workdir / NAME).write_bytes(data)
    result = CliRunner().invoke(app, [*args, str(workdir / NAME)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # hypothesis shrinks it and shows the traceback
    return result.exit_code, result.output.replace(str(workdir) + "/", "")


def assert_validate_is_clean(workdir: Path, data: bytes) -> None:
    code, output = _invoke(workdir, data, "validate")
    assert code in (0, 1), output
    lines = output.splitlines()
    assert lines and SUMMARY.match(lines[-1]), output
    for line in lines[:-1]:  # a message with a newline would break a line: every line must parse
        assert DIAGNOSTIC.match(line), line
    assert (code == 1) == any(": lỗi [" in line for line in lines[:-1]), output


def assert_check_is_clean(workdir: Path, data: bytes) -> None:
    code, output = _invoke(workdir, data, "check", "--format", "json")
    assert code in (0, 1, 3), output
    view = json.loads(output)
    errors = [d for d in view["chan_doan"] if d["muc_do"] == "loi"]
    for d in view["chan_doan"]:
        assert d["thong_diep"] and "\n" not in d["thong_diep"], d
        assert d["dong"] is None or (d["dong"] >= 1 and d["cot"] >= 1), d
    if code == 1:
        assert errors and not view["hop_le"], output
    else:
        assert view["hop_le"] and not errors and view["tong_hop"] is not None, output
        assert (code == 3) == (view["tong_hop"]["chua_dat"] > 0), output


# --------------------------------------------------------------------------- bytes

@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(workdir: Path, data: bytes) -> None:
    assert_validate_is_clean(workdir, data)


@settings(max_examples=examples(100))
@given(st.integers(0, len(SEED_BYTES)), st.integers(0, 40), st.binary(min_size=1, max_size=40))
def test_bytes_spliced_into_the_shipped_plan(workdir: Path, at: int, cut: int, insert: bytes) -> None:
    assert_check_is_clean(workdir, SEED_BYTES[:at] + insert + SEED_BYTES[at + cut :])


# --------------------------------------------------------------------------- the plan's text

# Values that YAML 1.1, Vietnamese habits or hand editing make tricky.
TRAPS = [
    "", "~", "null", "no", "yes", "On", "1.10", "03", "0o17", "0x1F", "10:30", "1_000", "1.500", "1,500",
    "1.500.000", "52,77%", "52.77%", "-3", "1e999", ".nan", "-.inf", "2023-02-30", "05/01/2023", "có", "không",
    "[", "]", "{", "}", "[a, b]", "{a: 1}", "&a", "*a", "&a x", "<<", "!!python/object:os.system", "!x y",
    "!!binary aGk=", '"', "'", '"x', "|", ">-", "- x", "? x", ": x", "# x", "%", "@x", "`x`", "\t", "a\tb",
    "Hương Sơn", "Hu\u031bo\u031b\u0300ng", "\u00a0", "\u2028", "\ufeff", "\x85",
]
values = st.one_of(st.sampled_from(TRAPS), st.text(max_size=30))


@st.composite
def edited_text(draw: st.DrawFn) -> bytes:
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "value", "indent", "dedent", "insert", "key"]))
        line = lines[i]
        if op == "delete":
            del lines[i]
        elif op == "duplicate":  # a pasted line: often a duplicate key at any depth
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif op == "value" and ":" in line:
            head = line.split(":", 1)[0]
            lines[i] = f"{head}: {draw(values)}\n"
        elif op == "indent":
            lines[i] = "  " + line
        elif op == "dedent":
            lines[i] = line[2:] if line.startswith("  ") else line
        elif op == "insert":
            lines.insert(i, f"{' ' * draw(st.integers(0, 8))}{draw(values)}\n")
        elif op == "key" and ":" in line:  # a misspelt or retyped key
            indent = len(line) - len(line.lstrip(" "))
            lines[i] = " " * indent + draw(st.text(min_size=1, max_size=12)) + ":" + line.split(":", 1)[1]
    return "".join(lines).encode("utf-8", errors="surrogatepass")


@settings(max_examples=examples(200))
@given(edited_text())
def test_text_edits_of_the_shipped_plan(workdir: Path, data: bytes) -> None:
    assert_check_is_clean(workdir, data)


# --------------------------------------------------------------------------- the plan's data


def _containers(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(node, (dict, list)) and node:
        yield path, node
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, child in items:
            yield from _containers(child, (*path, key))


CONTAINERS = list(_containers(SEED_DATA))

retyped = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), st.sampled_from(TRAPS), st.text(max_size=20),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=10), inner, max_size=3)),
    max_leaves=6,
)


@st.composite
def edited_data(draw: st.DrawFn) -> bytes:
    data = copy.deepcopy(SEED_DATA)
    for _ in range(draw(st.integers(1, 3))):
        path, _ = draw(st.sampled_from(CONTAINERS))
        node: Any = data
        for step in path:  # an earlier edit may have removed or retyped part of the path
            if (isinstance(node, dict) and step in node) or (
                isinstance(node, list) and isinstance(step, int) and step < len(node)
            ):
                node = node[step]
            else:
                break
        if not isinstance(node, (dict, list)) or not node:
            continue
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = draw(st.sampled_from(keys))
        op = draw(st.sampled_from(["delete", "duplicate", "retype"]))
        if op == "delete":
            del node[key]
        elif op == "duplicate" and isinstance(node, dict):  # the same entry under a second, similar key
            node[f"{key}{draw(st.sampled_from(['', '_2', 'x', ' ']))}"] = copy.deepcopy(node[key])
        elif op == "duplicate" and isinstance(node, list):
            node.insert(draw(st.integers(0, len(node))), copy.deepcopy(node[key]))
        else:
            node[key] = draw(retyped)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8", errors="surrogatepass")


@settings(max_examples=examples(150))
@given(edited_data())
def test_data_edits_of_the_shipped_plan_dumped_again(workdir: Path, data: bytes) -> None:
    assert_check_is_clean(workdir, data)


def test_the_shipped_plan_itself_is_clean(workdir: Path) -> None:
    assert_check_is_clean(workdir, SEED_BYTES)
    assert_validate_is_clean(workdir, SEED_BYTES)
