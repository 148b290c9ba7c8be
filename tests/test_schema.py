"""The JSON Schema (`ntm schema`) agrees with `ntm validate` and stays in sync with the code."""

from __future__ import annotations

import json
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
