"""Finding, reading and merging criteria sets; the one in-process cache of merged sets.

A set is named by a built-in id (`xa-ntm-2021-2025`, a file under
ntm/catalog/data/) or by the path of a province's file. Files are read like
plans (regular files only, size-capped, the loader's rules), validated by
their own schema, then merged with the chain of sets they extend; a cycle
or an overlong chain is an error, not a recursion.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path

from pydantic import ValidationError

from ntm.catalog.merge import BoTieuChi, merge
from ntm.catalog.model import BoTieuChiFile
from ntm.diagnostics import Diagnostic, has_errors
from ntm.diagnostics.params import GiaTri
from ntm.diagnostics.pydantic_errors import pydantic_diagnostics
from ntm.load import SourceMap, load_bytes, read_file

CATALOG_DIR = Path(__file__).parent / "data"
MAX_CHAIN = 8  # national set -> province set -> a district's? Real chains have two links.


class CatalogError(Exception):
    """A set that cannot be used; its diagnostics name the file and, where there is one, the line."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(", ".join(d.code for d in diagnostics))
        self.diagnostics = diagnostics


def builtin_ids() -> list[str]:
    return sorted(p.stem for p in CATALOG_DIR.glob("*.yaml"))


def resolve_ref(ref: str, base_dir: Path | None) -> Path:
    """A built-in id, or a path (relative to `base_dir`, the folder of the file that names it)."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        path = Path(ref)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        return path
    return CATALOG_DIR / f"{ref}.yaml"


class NgoaiKho(Exception):
    """A criteria file outside the plan's repository (and outside the built-in sets): not read."""

    def __init__(self, path: Path, root: Path) -> None:
        super().__init__(str(path))
        self.path = path
        self.root = root


@functools.cache
def _builtin_dir() -> Path:
    return CATALOG_DIR.resolve()


def within(path: Path, root: Path | None) -> None:
    """Raise NgoaiKho unless the resolved `path` is a built-in set or inside `root` (None: anywhere).

    A plan is data anyone with a pull request can edit: `bo_tieu_chi: /etc/passwd` or
    `../../.env` must not make CI read, let alone quote, a file outside the repository.
    """
    if root is None or path.is_relative_to(_builtin_dir()) or path.is_relative_to(root):
        return
    raise NgoaiKho(path, root)


def _not_a_set(display: str, variant: str | None = None) -> CatalogError:
    # Nothing of the file is quoted: it may be any file (a .env) that a plan points at.
    params = {"bien_the": variant} if variant else {}
    return CatalogError([Diagnostic("BTC018", display, params=params, co_vi_tri=False)])


def _read(path: Path) -> tuple[BoTieuChiFile, SourceMap]:
    display = str(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise _not_a_set(display, "duoi")  # never read: a criteria set is a .yaml file
    raw, problem = read_file(path, display, "bo_tieu_chi")
    if raw is None:
        assert problem is not None
        raise CatalogError([problem])
    loaded = load_bytes(raw, display)
    if loaded.data is None or has_errors(loaded.diagnostics):
        raise CatalogError(loaded.diagnostics)
    if not {"ma", "can_cu_phap_ly"} <= set(loaded.data):
        raise _not_a_set(display)
    try:
        return BoTieuChiFile.model_validate(loaded.data), loaded.source_map
    except ValidationError as exc:
        problems = pydantic_diagnostics(exc, BoTieuChiFile, loaded.data, "bo_tieu_chi", display)
        raise CatalogError([loaded.source_map.place(d) for d in problems]) from None


def _link(target: Path, here: tuple[Path, ...], source_map: SourceMap, file: str, key: str) -> Path:
    """`target`, unless following it would go round in a circle or too far."""
    if target in here:
        names = " → ".join(p.name for p in (*here, target))
        params = {"chuoi": names} if target != here[-1] else {}
        variant = {"bien_the": "vong"} if target != here[-1] else {}
        raise CatalogError([source_map.place(Diagnostic("BTC002", file, (key,), {**params, **variant}))])
    if len(here) >= MAX_CHAIN:
        raise CatalogError([source_map.place(Diagnostic("BTC005", file, (key,), {"toi_da": MAX_CHAIN}))])
    return target


def _build(path: Path, chain: tuple[Path, ...] = (), root: Path | None = None) -> BoTieuChi:
    """The set in `path`, merged with what it extends; `chain` is the files that led here;
    `root` the folder every file of the set must be in (None: anywhere)."""
    here = (*chain, path)
    within(path, root)
    file, source_map = _read(path)
    parent: BoTieuChi | None = None
    files: tuple[BoTieuChiFile, ...] = (file,)
    if file.ke_thua:
        parent_path = resolve_ref(file.ke_thua, path.parent)
        if not parent_path.exists():
            raise CatalogError([source_map.place(Diagnostic("BTC010", str(path), ("ke_thua",), {
                "ten": GiaTri(file.ke_thua, 80), "cac_bo": ", ".join(builtin_ids()), "bien_the": "ke_thua"}))])
        parent = _build(_link(parent_path.resolve(), here, source_map, str(path), "ke_thua"), here, root)
        files = (file, *parent.chain)

    read = [str(path), *(parent.tep if parent else ())]

    def referenced(ref: str) -> BoTieuChi:
        target = resolve_ref(ref, path.parent)
        if not target.exists():
            raise LookupError(ref)
        other = _build(_link(target.resolve(), here, source_map, str(path), "tieu_chi"), here, root)
        read.extend(other.tep)
        return other

    merged, problems = merge(file, parent, str(path), files, referenced)
    if problems:
        raise CatalogError([source_map.place(d) for d in problems])
    return dataclasses.replace(merged, tep=tuple(dict.fromkeys(read)))


# The one cache: merged sets by the resolved path of their file, for the life of the
# process (a batch names a few sets thousands of times, from many folders).
_LOADED: dict[Path, BoTieuChi] = {}
# A reference as written, from the folder of the file naming it (made absolute), to its
# resolved file: resolving it for each plan of a batch cost ~0.05 ms a plan.
_FOUND: dict[tuple[str, str], Path] = {}


def load_catalog(ref: str, base_dir: Path | None = None, root: Path | None = None) -> BoTieuChi:
    """A set by built-in id or by path (relative to `base_dir`), every file of it inside `root`.

    Raises FileNotFoundError, NgoaiKho, CatalogError, or OSError for a name no file system accepts.
    """
    key = (ref, os.path.abspath(base_dir) if base_dir is not None else "")
    resolved = _FOUND.get(key)
    if resolved is None:
        path = resolve_ref(ref, base_dir)
        if not path.exists():
            raise FileNotFoundError(str(path))
        resolved = _FOUND[key] = path.resolve()
    found = _LOADED.get(resolved)
    if found is None:
        found = _LOADED[resolved] = _build(resolved, root=root)
    else:  # built for another plan: its files must be inside this plan's repository too
        for read in found.tep:
            within(Path(read), root)
    return found


def check_catalog_file(path: Path, root: Path | None = None) -> BoTieuChi:
    """Read and validate a set's file as it is on disk now (a province's file beside the plans)."""
    return _build(path.resolve(), root=root)
