"""The on-disk cache of built-in catalogs (ntm.catalog, "cache"): same result, never stale.

Each test works on a copy of the built-in catalogs in a temporary folder,
made the built-in folder for the test, so the package's own cache is not
touched.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from ntm import catalog

BUILD = catalog._load_path.__wrapped__  # past the per-process cache


@pytest.fixture
def builtin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "catalogs"
    shutil.copytree(catalog.CATALOG_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(catalog, "_BUILTIN_DIR", folder.resolve())
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return folder.resolve()


def test_cached_catalog_equals_a_fresh_build(builtin: Path) -> None:
    for path in sorted(builtin.glob("*.yaml")):
        fresh = catalog._build(path)
        assert BUILD(path) == fresh  # builds and stores
        assert catalog._cache_file(path).exists()
        assert catalog._cached(path) == fresh
        assert BUILD(path) == fresh  # from the cache


def test_an_edited_catalog_is_rebuilt(builtin: Path) -> None:
    path = builtin / "xa-ntm-2021-2025.yaml"
    BUILD(path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n# một dòng chú thích thêm vào\n")  # any change of bytes
    assert catalog._cached(path) is None
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^ten_ngan: .*$", 'ten_ngan: "Bộ đã sửa"', text, count=1), encoding="utf-8")
    assert BUILD(path).file.ten_ngan == "Bộ đã sửa"
    assert catalog._cached(path) is not None  # rewritten


def test_a_damaged_cache_entry_is_ignored(builtin: Path) -> None:
    path = builtin / "xa-ntm-nang-cao-2021-2025.yaml"
    fresh = BUILD(path)
    catalog._cache_file(path).write_bytes(b"not a pickle")
    assert catalog._cached(path) is None
    assert BUILD(path) == fresh


def test_no_cache_without_bytecode_or_a_writable_folder(builtin: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = builtin / "xa-ntm-2026-2030.yaml"
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    BUILD(path)
    assert not catalog._cache_file(path).exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError("read-only")

    monkeypatch.setattr(Path, "mkdir", refuse)
    assert BUILD(path).ma == "xa-ntm-2026-2030"
    assert not catalog._cache_file(path).exists()
    assert not list(builtin.glob("__pycache__/*.tmp"))
