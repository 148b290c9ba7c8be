"""One file through the stages: read -> load -> validate -> rules -> assess -> rules, placed.

The stages report YAML paths; here, once, every diagnostic of the plan gets
its line and column from the loader's source map, and the map is dropped.
A province's criteria file found among plans is checked as what it is.
Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ntm.catalog import BoTieuChi, CatalogError, builtin_ids, check_catalog_file, load_catalog
from ntm.diagnostics import Diagnostic, has_errors
from ntm.diagnostics.params import GiaTri
from ntm.diagnostics.suggest import de_xuat
from ntm.load import SourceMap, load_bytes, os_reason, read_file
from ntm.plan import KeHoach, validate_plan
from ntm.rules import check_against_set

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

    @property
    def valid(self) -> bool:
        return (self.plan is not None or self.la_bo_tieu_chi) and not has_errors(self.diagnostics)


def _catalog_for(plan: KeHoach, file: str, base: Path) -> tuple[BoTieuChi | None, list[Diagnostic]]:
    ref = plan.bo_tieu_chi
    where = ("bo_tieu_chi",)
    try:
        return load_catalog(ref, base), []
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


def _stages(path: Path, result: KetQuaTep, data: Any, assessing: bool) -> list[Diagnostic]:
    plan, found = validate_plan(data, result.file)
    if plan is None:
        return found
    result.plan = plan
    catalog, problems = _catalog_for(plan, result.file, path.parent)
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


def check_file(path: Path, display: str | None = None, *, assessing: bool = False) -> KetQuaTep:
    """`validate` (assessing False) or `check` of one file."""
    display = display or str(path)
    result = KetQuaTep(display)
    raw, problem = read_file(path, display)
    if raw is None:
        assert problem is not None
        result.diagnostics.append(problem)
        return result
    loaded = load_bytes(raw, display)
    result.diagnostics.extend(loaded.diagnostics)
    if loaded.data is None:
        return result
    if _looks_like_catalog(loaded.data):
        result.la_bo_tieu_chi = True
        try:
            result.catalog = check_catalog_file(path)
        except CatalogError as exc:
            # The set is read by its real path (its identity in a chain of sets); its own lines
            # are named as the file was given, like a plan's.
            real = str(path.resolve())
            result.diagnostics.extend(replace(d, file=display) if d.file == real else d for d in exc.diagnostics)
        return result
    found = _stages(path, result, loaded.data, assessing)
    result.diagnostics.extend(_place(loaded.source_map, found))
    if result.assessment is not None:
        for tc in result.assessment.chua_dat:
            result.dong_tieu_chi[tc.ma] = loaded.source_map.position(("tieu_chi", tc.ma), at_key=True)[0]
    # In the order of the plan's lines; a criteria file's own problems stay after the line that
    # names it; what has no line (a count of the unlisted) comes last.
    result.diagnostics.sort(key=lambda d: (d.file != display, not d.co_vi_tri, d.sort_key()))
    return result


def _place(source_map: SourceMap, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [source_map.place(d) for d in diagnostics]
