"""The plan's JSON Schema, for editors (yaml-language-server) and check-jsonschema.

pydantic emits draft 2020-12 style (`$defs`); yaml-language-server validates
with draft-07 semantics, so the schema is kept to keywords both read the
same way: `$ref` into `#/$defs`, `anyOf`, `enum`, `const`, `pattern`,
`additionalProperties`.
"""

from __future__ import annotations

import json
from typing import Any

from ntm.model import KeHoach

SCHEMA_ID = "https://ntm.invalid/schema/ke-hoach.schema.json"


def plan_schema() -> dict[str, Any]:
    schema = KeHoach.model_json_schema(mode="validation")
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID, **schema}
    _draft07(schema)
    return schema


def _draft07(node: Any) -> None:
    """Rewrite the few 2020-12 forms pydantic uses into their draft-07 equivalents."""
    if isinstance(node, dict):
        # prefixItems (tuples) -> items array; discriminator is an OpenAPI hint only.
        if "prefixItems" in node:
            node["items"] = node.pop("prefixItems")
        node.pop("discriminator", None)
        for value in node.values():
            _draft07(value)
    elif isinstance(node, list):
        for value in node:
            _draft07(value)


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
