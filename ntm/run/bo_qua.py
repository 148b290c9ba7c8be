"""Accepting findings, after the rules ran: the plan's comments (`# ntm: bo-qua`, `# ntm: bo-qua-tep`)
and its repository's ntm.toml ([bo-qua], [muc-do]).

Only warnings are accepted or turned off; an error never is (a plan that is
invalid stays invalid). An accepted warning leaves the count of warnings for
the count of accepted ones ("2 cảnh báo đã chấp nhận") and is shown with
`--hien-bo-qua`. An acceptance written in the plan that matched nothing is a
warning (BQ001), once the checks that could have given its code all ran; one
of ntm.toml is judged over the whole run (ntm.cli.plans), not per plan.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ntm.diagnostics import Diagnostic, MucDo
from ntm.load.bo_qua import BoQua, PhamVi
from ntm.load.config import Config, find_config, load_config, real

# (ntm.toml as shown, line of the pattern, code): a repository acceptance that matched a finding
DungKho = tuple[str, int, str]


@dataclass(frozen=True)
class ChapNhan:
    """A warning accepted, and the acceptance that did it."""

    diagnostic: Diagnostic
    bo_qua: BoQua


@dataclass
class KetQuaBoQua:
    con_lai: list[Diagnostic]  # what is still reported
    chap_nhan: list[ChapNhan] = field(default_factory=list)
    dung_kho: set[DungKho] = field(default_factory=set)


def config_for(plan: Path, root: Path, given: Path | None) -> Config | None:
    """The ntm.toml that governs `plan`: the one named by --cau-hinh, else the nearest up to `root`."""
    path = given if given is not None else find_config(plan.parent, root)
    return load_config(path) if path is not None else None


@functools.cache
def _assessment_codes() -> frozenset[str]:
    from ntm.rules import registry

    return frozenset(code for rule in registry()["danh_gia"] for code in rule.ma)


def is_error(code: str, config: Config | None) -> bool:
    """An error of the registry, or a warning ntm.toml made one."""
    from ntm.diagnostics.registry import CODES

    raised = config is not None and config.muc_do.get(code, ("",))[0] == "loi"
    return CODES[code].muc_do is MucDo.LOI or raised


def _levels(diagnostics: Sequence[Diagnostic], config: Config | None) -> list[Diagnostic]:
    """[muc-do]: a warning turned off is dropped, one made an error says so."""
    if config is None or not config.muc_do:
        return list(diagnostics)
    out = []
    for d in diagnostics:
        setting = config.muc_do.get(d.code)
        if setting is None or d.level is MucDo.LOI:
            out.append(d)
        elif setting[0] == "loi":
            out.append(replace(d, muc_do=MucDo.LOI))
    return out


def _covers(b: BoQua, d: Diagnostic, plan: Path, config: Config | None) -> bool:
    if d.code not in b.ma:
        return False
    if b.pham_vi is PhamVi.DONG:
        return d.file == b.tep and d.line is not None and d.line == b.dong_ap_dung
    if b.pham_vi is PhamVi.TEP:
        return d.file == b.tep
    return config is not None and config.matches(b.mau, plan)


def apply_bo_qua(
    plan: Path, file: str, diagnostics: Sequence[Diagnostic], comments: Sequence[BoQua], config: Config | None,
    *, complete: bool, assessed: bool,
) -> KetQuaBoQua:
    """What is still reported once the plan's and the repository's acceptances are applied.

    `complete`: every check that runs on a valid plan ran (the plan has no error), so an
    acceptance that matched nothing is said (BQ001); `assessed`: the assessment's checks too.
    """
    repo = [b for b in config.bo_qua if config.matches(b.mau, plan)] if config is not None else []
    acceptances = [*comments, *repo]
    result = KetQuaBoQua([])
    used: set[tuple[int, str]] = set()
    for d in _levels(diagnostics, config):
        if d.level is MucDo.CANH_BAO:
            found = next((i for i, b in enumerate(acceptances) if _covers(b, d, plan, config)), None)
            if found is not None:
                b = acceptances[found]
                used.add((found, d.code))
                result.chap_nhan.append(ChapNhan(d, b))
                if b.pham_vi is PhamVi.KHO:
                    result.dung_kho.add((b.tep, b.dong, d.code))
                continue
        result.con_lai.append(d)
    said: list[Diagnostic] = []
    for i, b in enumerate(comments):
        for code in b.ma:
            if is_error(code, config):
                o_day = " ở kho này (ntm.toml, [muc-do])" if config is not None and code in config.muc_do else ""
                said.append(Diagnostic("BQ003", file, (), {"ma": code, "o_day": o_day}, line=b.dong, column=b.cot))
            elif complete and (i, code) not in used and (assessed or code not in _assessment_codes()):
                where = "cả tệp" if b.pham_vi is PhamVi.TEP else (
                    f"dòng {b.dong_ap_dung}" if b.dong_ap_dung is not None else "dòng sau")
                said.append(Diagnostic("BQ001", file, (), {"ma": code, "pham_vi": where}, line=b.dong, column=b.cot))
    result.con_lai.extend(_levels(said, config))
    return result


def unused_in_repository(
    config: Config, checked: set[Path], incomplete: set[Path], used: set[DungKho], assessed: bool,
) -> list[Diagnostic]:
    """The [bo-qua] entries of one ntm.toml that matched nothing (BQ001), judged over a run.

    A pattern that matches no plan in the repository is said always. A code is said unused only
    when every plan its pattern matches was checked in this run, completely (valid; assessed,
    for the assessment's codes): a hook given only the changed plans cannot tell.
    """
    from ntm.run.walk import expand_paths

    if not config.bo_qua:
        return []
    on_disk = [real(p) for p, note in expand_paths([config.thu_muc]) if note is None]
    said: list[Diagnostic] = []
    for b in config.bo_qua:
        matched = {p for p in on_disk if config.matches(b.mau, p)}
        where = {"mau": b.mau}
        if not matched:
            said.append(Diagnostic("BQ001", config.tep, (), {**where, "bien_the": "khong_tep"}, line=b.dong, column=1))
            continue
        if not matched <= checked or matched & incomplete:
            continue
        for code in b.ma:
            if (config.tep, b.dong, code) in used or is_error(code, config):
                continue
            if not assessed and code in _assessment_codes():
                continue
            said.append(Diagnostic("BQ001", config.tep, (), {**where, "ma": code, "bien_the": "kho"},
                                   line=b.dong, column=1))
    return _levels(said, config)
