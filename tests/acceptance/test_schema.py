"""The JSON Schema (`ntm schema`) agrees with `ntm validate` and stays in sync with the code."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from planlib import REPO, SEED_PLAN, run

SCHEMA_FILE = REPO / "schema" / "ke-hoach.schema.json"
PLANS = sorted((REPO / "plans").glob("*.yaml"))


class _EditorLoader(yaml.SafeLoader):
    """How editors and check-jsonschema read YAML: dates stay strings (JSON has no dates)."""


_EditorLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _load(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)


def _schema() -> dict[str, Any]:
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_committed_schema_is_not_stale() -> None:
    code, out = run("schema")
    assert code == 0
    assert json.loads(out) == _schema(), "schema/ke-hoach.schema.json is stale: run `ntm schema -o schema/ke-hoach.schema.json`"


def test_schema_is_valid_draft07() -> None:
    jsonschema.Draft7Validator.check_schema(_schema())


@pytest.mark.parametrize("plan", PLANS, ids=[p.name for p in PLANS])
def test_shipped_plans_validate_against_schema(plan: Path) -> None:
    jsonschema.Draft7Validator(_schema()).validate(_load(plan))
    assert run("validate", str(plan))[0] == 0


BROKEN = {
    "misspelt key": ("  dia_danh: Hương Sơn", "  dia_dan: Hương Sơn"),
    "year as words": ("nam: 2023", "nam: hai nghìn"),
    "missing signer": ("    ho_ten: Hồ Thanh Nghi\n", ""),
    "list instead of text": ("  so_hieu: \"03/KH-UBND\"", "  so_hieu: [03, KH]"),
    "unknown self-assessment": ("    tu_danh_gia: dat\n    nhiem_vu: triển khai", "    tu_danh_gia: tot\n    nhiem_vu: triển khai"),
    "group out of range": ("  vung: bac-trung-bo", "  vung: bac-trung-bo\n  nhom_xa: 7"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_plans_are_rejected_by_both(tmp_path: Path, case: str) -> None:
    old, new = BROKEN[case]
    text = SEED_PLAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = list(jsonschema.Draft7Validator(_schema()).iter_errors(_load(path)))
    assert errors, f"the schema accepted: {case}"
    code, out = run("validate", str(path))
    assert code == 1, out
    assert f"{path}:" in out


# ------------------------------------------------------------------ every accepted form, both ways

DOC = REPO / "docs" / "plan-format.md"

# kind (the first column of the docs table) -> (the line of the shipped plan to change, the line
# with {v} where a form goes)
PLACES: dict[str, tuple[str, str]] = {
    "năm": ("nam: 2023\n", "nam: {v}\n"),
    "số nguyên": ("nam: 2023\n", "nam: 2023\nkinh_phi:\n  tong: {v}\n"),
    "số liệu (số)": ("        gia_tri: 52,77%\n", "        gia_tri: {v}\n"),
    "số liệu (có/không)": ("        gia_tri: không\n        ghi_chu: xã chưa có HTX\n",
                           "        gia_tri: {v}\n        ghi_chu: xã chưa có HTX\n"),
    "mục tiêu": ("        muc_tieu: 90%\n", "        muc_tieu: {v}\n"),
    "có/không của xã": ("  vung: bac-trung-bo\n", "  vung: bac-trung-bo\n  xa_an_toan_khu: {v}\n"),
    "tự đánh giá": ("    tu_danh_gia: dat\n", "    tu_danh_gia: {v}\n"),
    "ngày": ("  ngay_ban_hanh: 2023-01-05\n", "  ngay_ban_hanh: {v}\n"),
}


def _documented_forms() -> list[tuple[str, str]]:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = lines.index("| kiểu | ví dụ chỗ dùng | cách viết được nhận |")
    forms = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        kind, _, written = (cell.strip() for cell in line.strip("|").split("|"))
        forms += [(kind, form) for form in re.findall(r"`([^`]+)`", written)]
    return forms


def _generated_forms() -> list[tuple[str, str]]:
    """Forms the value types accept that the table does not list one by one: every yes/no and
    self-assessment word, in each letter case."""
    from ntm.plan.model import _STATUS_WORDS
    from ntm.plan.values import _FALSE_WORDS, _TRUE_WORDS

    out = []
    for word in sorted(_TRUE_WORDS | _FALSE_WORDS):
        for variant in {word, word.upper(), word.capitalize()}:
            out += [("số liệu (có/không)", f'"{variant}"'), ("có/không của xã", f'"{variant}"')]
    for word in sorted(_STATUS_WORDS):
        out += [("tự đánh giá", f'"{variant}"') for variant in {word, word.upper(), word.capitalize()}]
    return out


FORMS = _documented_forms() + _generated_forms()


def test_the_table_lists_every_kind_and_enough_forms() -> None:
    assert {kind for kind, _ in _documented_forms()} == set(PLACES)
    assert len(_documented_forms()) >= 40


@pytest.mark.parametrize(("kind", "form"), FORMS, ids=[f"{k}: {f}" for k, f in FORMS])
def test_every_accepted_form_is_accepted_by_the_schema_too(kind: str, form: str, tmp_path: Path) -> None:
    old, new = PLACES[kind]
    text = SEED_PLAN.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(text.replace(old, new.replace("{v}", form), 1), encoding="utf-8")
    code, out = run("validate", str(path))
    assert code == 0, out
    errors = [e.message for e in jsonschema.Draft7Validator(_schema()).iter_errors(_load(path))]
    assert errors == [], f"ntm accepts {form!r} as {kind}, the schema does not: {errors}"


# Escapes an ECMA-262 regular expression accepts in unicode mode (what yaml-language-server and
# check-jsonschema compile patterns as): classes, control escapes, \uXXXX, and syntax characters.
_ECMA_ESCAPES = set("dDwWsSbBfnrtv0") | set("^$\\.*+?()[]{}|/-")


def _patterns(node: Any) -> list[str]:
    if isinstance(node, dict):
        return ([node["pattern"]] if isinstance(node.get("pattern"), str) else []) + [
            p for v in node.values() for p in _patterns(v)]
    if isinstance(node, list):
        return [p for v in node for p in _patterns(v)]
    return []


def test_every_pattern_is_a_valid_ecma_262_unicode_regex() -> None:
    """A pattern Python accepts may still be refused by the editors' engine (`\\ ` for a space
    broke check-jsonschema): only the escapes ECMA-262 allows in unicode mode."""
    patterns = _patterns(_schema())
    assert len(patterns) >= 5
    for pattern in patterns:
        i = 0
        while i < len(pattern):
            if pattern[i] == "\\":
                nxt = pattern[i + 1]
                if nxt == "u":
                    assert re.fullmatch(r"[0-9a-fA-F]{4}", pattern[i + 2:i + 6]), pattern
                else:
                    assert nxt in _ECMA_ESCAPES, f"\\{nxt} in {pattern}"
                i += 2
            else:
                i += 1
        re.compile(pattern)
