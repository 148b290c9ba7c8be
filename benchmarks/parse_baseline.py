"""The batch baseline: a plain one-process libyaml parse of every plan, and nothing else.

    python benchmarks/parse_baseline.py benchmarks/corpus

This is what "just reading the files" costs: PyYAML's CSafeLoader (libyaml
scanner and composer, PyYAML's safe constructor) in a loop, no validation,
no output but a count. `ntm check <dir>` is measured against it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def main(argv: list[str]) -> int:
    if not getattr(yaml, "__with_libyaml__", False):
        print("parse_baseline: PyYAML không có libyaml (CSafeLoader)", file=sys.stderr)
        return 2
    files = sorted(p for root in argv for p in Path(root).rglob("*") if p.suffix in (".yaml", ".yml"))
    parsed = failed = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as fh:
                yaml.load(fh.read(), Loader=yaml.CSafeLoader)
            parsed += 1
        except (yaml.YAMLError, ValueError):  # the corpus's broken files; ntm reports them too
            failed += 1
    print(f"{parsed} tệp đọc được, {failed} tệp lỗi YAML")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["benchmarks/corpus"]))
