"""Wires the stages for one plan file: read -> load -> validate -> (assess).

The only place plans are read from disk. Nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ntm.catalog import BoTieuChi, CatalogError, load_catalog
from ntm.diagnostics import Diagnostic, MucDo, describe_value, has_errors
from ntm.loader import LoadedYaml, load_bytes, os_reason, read_file
from ntm.model import KeHoach
from ntm.validation import check_against_catalog, suggestion_text, validate_schema

if TYPE_CHECKING:  # `validate` never assesses: ntm.assessment is imported by check_file() on demand
    from ntm.assessment import DanhGia

PLAN_SUFFIXES = (".yaml", ".yml")


@dataclass
class PlanResult:
    file: str
    plan: KeHoach | None = None
    catalog: BoTieuChi | None = None
    loaded: LoadedYaml | None = None
    assessment: DanhGia | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    la_bo_tieu_chi: bool = False  # the file is a criteria set, checked as one

    @property
    def valid(self) -> bool:
        return (self.plan is not None or self.la_bo_tieu_chi) and not has_errors(self.diagnostics)


def _read(path: Path, display: str) -> tuple[bytes | None, Diagnostic | None]:
    # The loader owns reading: only regular files, size-capped (a FIFO or /dev/zero would hang).
    return read_file(path, display)


def _catalog_for(plan: KeHoach, loaded: LoadedYaml, base: Path) -> tuple[BoTieuChi | None, list[Diagnostic]]:
    from ntm.catalog import builtin_ids

    ref = plan.bo_tieu_chi
    try:
        return load_catalog(ref, base), []
    except FileNotFoundError:
        ids = builtin_ids()
        message = (
            f"không có bộ tiêu chí {describe_value(ref, 80)}." + suggestion_text(ref, ids)
            + f" Các bộ có sẵn: {', '.join(ids)}; hoặc ghi đường dẫn tới tệp .yaml của tỉnh."
        )
        return None, [loaded.diagnostic(("bo_tieu_chi",), "BTC010", message)]
    except CatalogError as exc:
        line, col = loaded.position(("bo_tieu_chi",))
        head = Diagnostic(
            loaded.file, line, col, "BTC011",
            f"tệp bộ tiêu chí {describe_value(ref, 80)} có lỗi (xem các dòng dưới).", path=("bo_tieu_chi",),
        )
        return None, [head, *exc.diagnostics]
    except OSError as exc:  # a reference no file system accepts: too long, a loop of links, …
        message = f"không dùng được bộ tiêu chí {describe_value(ref, 80)} ({os_reason(exc)})."
        return None, [loaded.diagnostic(("bo_tieu_chi",), "BTC012", message)]


def check_file(path: Path, display: str | None = None, *, with_assessment: bool = False) -> PlanResult:
    display = display or str(path)
    result = PlanResult(display)
    data, problem = _read(path, display)
    if problem is not None or data is None:
        result.diagnostics.append(problem or Diagnostic(display, None, None, "IO004", "không đọc được tệp."))
        return result
    loaded = load_bytes(data, display)
    result.loaded = loaded
    if _looks_like_catalog(loaded.data):
        return _check_catalog_file(path, result)
    plan, diagnostics = validate_schema(loaded)
    result.diagnostics.extend(diagnostics)
    if plan is None:
        return result
    result.plan = plan
    catalog, problems = _catalog_for(plan, loaded, path.parent)
    result.diagnostics.extend(problems)
    if catalog is None:
        return result
    result.catalog = catalog
    result.diagnostics.extend(check_against_catalog(plan, loaded, catalog))
    if with_assessment and not has_errors(result.diagnostics):
        from ntm.assessment import assess

        result.assessment = assess(plan, catalog, loaded)
        result.diagnostics.extend(result.assessment.diagnostics)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def _looks_like_catalog(data: object) -> bool:
    """A province's criteria file kept beside the plans (docs/criteria.md suggests it)."""
    return isinstance(data, dict) and "can_cu_phap_ly" in data and "van_ban" not in data


def _check_catalog_file(path: Path, result: PlanResult) -> PlanResult:
    """Validate it as what it is, a criteria set, instead of reporting it as a broken plan."""
    from ntm.catalog import CatalogError, check_catalog_file

    try:
        result.catalog = check_catalog_file(path)
    except CatalogError as exc:
        result.diagnostics.extend(exc.diagnostics)
    result.la_bo_tieu_chi = True
    return result


def release(result: PlanResult) -> None:
    """Drop the node tree once diagnostics are made: batches must not hold every plan."""
    if result.loaded is not None:
        result.loaded.root = None
        result.loaded.data = None


def expand_paths(paths: Sequence[Path]) -> Iterator[tuple[Path, Diagnostic | None]]:
    """Files as given; directories searched for *.yaml / *.yml, in a stable order.

    The order is that of sorting the found paths (component by component), produced
    while walking: each folder's entries sorted by name, folders entered where they
    sort. Nothing holds the whole tree (10,000 Path objects are 5 MB that forked
    workers would inherit). Like Path.rglob(): symlinked folders are listed, not
    entered; folders that cannot be read are skipped; hidden files and folders
    (".git") are left out.
    """
    for path in paths:
        if path.is_dir():
            found = False
            for p in _walk(path):
                found = True
                yield p, None
            if not found:
                yield path, Diagnostic(
                    str(path), None, None, "IO005", "thư mục không có tệp kế hoạch nào (*.yaml, *.yml).",
                    level=MucDo.CANH_BAO,
                )
        else:
            yield path, None


def _walk(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: os.path.normcase(e.name))  # how Path orders its parts
    except PermissionError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(folder / entry.name)
        elif os.path.splitext(entry.name)[1].lower() in PLAN_SUFFIXES and entry.is_file():
            yield folder / entry.name
