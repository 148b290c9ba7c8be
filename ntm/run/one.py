"""One file through the stages: read -> load -> validate -> rules -> assess -> rules, placed.

The stages report YAML paths; here, once, every diagnostic of the plan gets
its line and column from the loader's source map, and the map is dropped.
A province's criteria file found among plans is checked as what it is.
Nothing here prints.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ntm.catalog import (
    BoTieuChi,
    CatalogError,
    NgoaiKho,
    builtin_ids,
    check_catalog_file,
    load_catalog,
    resolve_ref,
)
from ntm.diagnostics import Diagnostic, has_errors
from ntm.diagnostics.params import GiaTri
from ntm.diagnostics.suggest import de_xuat
from ntm.load import BoQua, SourceMap, load_bytes, os_reason, read_file
from ntm.plan import KeHoach, validate_for_set, validate_plan
from ntm.rules import check_against_set
from ntm.run.bo_qua import ChapNhan, DungKho, apply_bo_qua, config_for

if TYPE_CHECKING:  # `validate` never assesses: the assessment is imported when `check` needs it
    from ntm.assess.result import DanhGia


@dataclass
class KetQuaTep:
    """What one file gave: the plan, its set and assessment where they could be had, and diagnostics."""

    file: str
    plan: KeHoach | None = None
    catalog: BoTieuChi | None = None
    assessment: DanhGia | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    la_bo_tieu_chi: bool = False  # the file is a criteria set, checked as one
    dong_tieu_chi: dict[str, int | None] = field(default_factory=dict)  # criterion slug -> its line
    da_chap_nhan: list[ChapNhan] = field(default_factory=list)  # warnings accepted (ntm.run.bo_qua)
    dung_kho: set[DungKho] = field(default_factory=set)  # ntm.toml acceptances that matched here

    @property
    def valid(self) -> bool:
        return (self.plan is not None or self.la_bo_tieu_chi) and not has_errors(self.diagnostics)


# Keyed by the folder as given, made absolute (a string operation): resolving it on every
# plan of a batch cost more than the lookup saved (~0.1 ms a plan, benchmarks/README.md).
_ROOTS: dict[str, Path] = {}


def repository_root(folder: Path) -> Path:
    """The nearest folder holding `.git` (a plan's repository), or the folder itself."""
    key = os.path.abspath(folder)
    found = _ROOTS.get(key)
    if found is None:
        real = folder.resolve()
        found = _ROOTS[key] = next((p for p in (real, *real.parents) if (p / ".git").exists()), real)
    return found


def _catalog_for(plan: KeHoach, file: str, base: Path, root: Path | None) -> tuple[BoTieuChi | None, list[Diagnostic]]:
    ref = plan.bo_tieu_chi
    where = ("bo_tieu_chi",)
    try:
        return load_catalog(ref, base, root), []
    except NgoaiKho as exc:
        # Named as the plan wrote it (a file further down the chain, by its path): not the resolved
        # path, which says where the machine keeps things.
        named = ref if exc.path == resolve_ref(ref, base).resolve() else str(exc.path)
        return None, [Diagnostic("BTC017", file, where, {"ten": GiaTri(named, 120), "goc": str(exc.root)})]
    except FileNotFoundError:
        ids = builtin_ids()
        return None, [Diagnostic("BTC010", file, where, {
            "ten": GiaTri(ref, 80), "de_xuat": de_xuat(ref, ids), "cac_bo": ", ".join(ids)})]
    except CatalogError as exc:
        return None, [Diagnostic("BTC011", file, where, {"ten": GiaTri(ref, 80)}), *exc.diagnostics]
    except OSError as exc:  # a reference no file system accepts: too long, a loop of links, …
        return None, [Diagnostic("BTC012", file, where, {"ten": GiaTri(ref, 80), "ly_do": os_reason(exc)})]


def _looks_like_catalog(data: object) -> bool:
    """A province's criteria file kept beside the plans (docs/criteria.md suggests it)."""
    return isinstance(data, dict) and "can_cu_phap_ly" in data and "van_ban" not in data


def _stages(path: Path, result: KetQuaTep, data: Any, assessing: bool, anywhere: bool) -> list[Diagnostic]:
    plan, found = validate_plan(data, result.file)
    root = None if anywhere else repository_root(path.parent)
    if plan is None:
        # One pass: the set's checks still run on the part they need, where it is sound.
        part = validate_for_set(data)
        if part is not None:
            catalog, problems = _catalog_for(part, result.file, path.parent, root)
            found.extend(problems)
            if catalog is not None:
                found.extend(check_against_set(result.file, part, data, catalog, document=False))
        return found
    result.plan = plan
    catalog, problems = _catalog_for(plan, result.file, path.parent, root)
    found.extend(problems)
    if catalog is None:
        return found
    result.catalog = catalog
    found.extend(check_against_set(result.file, plan, data, catalog))
    if assessing and not has_errors(found):
        from ntm.assess.judge import assess
        from ntm.rules import check_assessment

        result.assessment = assess(plan, catalog)
        found.extend(check_assessment(result.file, plan, data, result.assessment))
    return found


def check_file(
    path: Path, display: str | None = None, *, assessing: bool = False, anywhere: bool = False,
    cau_hinh: Path | None = None,
) -> KetQuaTep:
    """`validate` (assessing False) or `check` of one file. `anywhere`: the plan may name a
    criteria file outside its repository (--cho-phep-ngoai-kho); `cau_hinh`: the ntm.toml named
    by --cau-hinh (else the nearest one up to the repository's root governs the plan)."""
    display = display or str(path)
    raw, problem = read_file(path, display)
    if raw is None:
        assert problem is not None
        return KetQuaTep(display, diagnostics=[problem])
    return check_bytes(raw, path, display, assessing=assessing, anywhere=anywhere, cau_hinh=cau_hinh)


def check_bytes(raw: bytes, path: Path, display: str | None = None, *, assessing: bool = False,
                anywhere: bool = False, cau_hinh: Path | None = None) -> KetQuaTep:
    """As `check_file`, on a plan's bytes that are to be (or were) at `path`: the plan `ntm
    import` is about to write, validated exactly as `ntm validate` would validate the file, or
    the plan at a git revision; relative criteria files are found beside `path` as it is now."""
    display = display or str(path)
    result = KetQuaTep(display)
    loaded = load_bytes(raw, display)
    result.diagnostics.extend(loaded.diagnostics)
    if loaded.data is None:
        return result
    if _looks_like_catalog(loaded.data):
        result.la_bo_tieu_chi = True
        try:
            result.catalog = check_catalog_file(path, None if anywhere else repository_root(path.parent))
        except NgoaiKho as exc:
            result.diagnostics.append(
                Diagnostic("BTC017", display, ("ke_thua",), {"ten": GiaTri(str(exc.path), 120), "goc": str(exc.root)},
                           co_vi_tri=False))
        except CatalogError as exc:
            # The set is read by its real path (its identity in a chain of sets); its own lines
            # are named as the file was given, like a plan's.
            real = str(path.resolve())
            result.diagnostics.extend(replace(d, file=display) if d.file == real else d for d in exc.diagnostics)
        return result
    found = _stages(path, result, loaded.data, assessing, anywhere)
    result.diagnostics.extend(_place(loaded.source_map, found))
    if result.assessment is not None:  # every criterion's line: annotations of unmet ones, of changed ones
        for tc in result.assessment.tieu_chi:
            result.dong_tieu_chi[tc.ma] = loaded.source_map.position(("tieu_chi", tc.ma), at_key=True)[0]
    _accept(path, result, loaded.bo_qua, cau_hinh)
    # In the order of the plan's lines; a criteria file's own problems stay after the line that
    # names it; what has no line (a count of the unlisted) comes last.
    result.diagnostics.sort(key=lambda d: (d.file != display, not d.co_vi_tri, d.sort_key()))
    return result


def _accept(path: Path, result: KetQuaTep, comments: list[BoQua], cau_hinh: Path | None) -> None:
    """Warnings the plan's comments or its repository's ntm.toml accept, taken out of the report."""
    config = config_for(path, repository_root(path.parent), cau_hinh)
    if not comments and config is None:
        return
    complete = result.plan is not None and result.catalog is not None and not has_errors(result.diagnostics)
    done = apply_bo_qua(path, result.file, result.diagnostics, comments, config,
                        complete=complete, assessed=result.assessment is not None)
    result.diagnostics = done.con_lai
    result.da_chap_nhan = done.chap_nhan
    result.dung_kho = done.dung_kho


def _place(source_map: SourceMap, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [source_map.place(d) for d in diagnostics]
