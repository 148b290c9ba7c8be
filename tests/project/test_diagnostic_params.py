"""A diagnostic's params are checked against its message template when it is made.

- a misnamed, missing or extra field, an unknown variant or code: ParamsError where the
  Diagnostic (or the phrase, Cau) is constructed, not later when the message is written;
- every code's template, and each of its variants, can be satisfied: made with exactly its
  fields, the message is written and shows each value;
- every call site in ntm/ whose params are written out (a dict literal, or the keywords of a
  helper that makes the diagnostic) names exactly the fields of the template it picks, so
  that a branch no golden case reaches is checked too.
"""

from __future__ import annotations

import ast
import traceback
from typing import Any

import pytest
from casefiles import REPO

from ntm.diagnostics import Diagnostic, ParamsError, template_fields
from ntm.diagnostics.params import Cau, DeXuat, GiaTri
from ntm.diagnostics.registry import CAU, CODES
from ntm.present.messages import message, phrase

PACKAGE = REPO / "ntm"


def test_a_misnamed_field_fails_where_the_diagnostic_is_made() -> None:
    with pytest.raises(ParamsError) as caught:
        Diagnostic("DM004", "ke-hoach.yaml", ("nam",), {"nam": 2031, "tu": 2021, "den_nam": 2025, "bo_tieu_chi": "Bộ"})
    assert "missing ['den']" in str(caught.value) and "unexpected ['den_nam']" in str(caught.value)
    # The traceback ends in the constructor called from this test: the call site is on it.
    frames = traceback.extract_tb(caught.tb)
    assert frames[0].name == test_a_misnamed_field_fails_where_the_diagnostic_is_made.__name__
    assert "Diagnostic(" in (frames[0].line or "")


def test_a_missing_or_extra_field_fails_too() -> None:
    fields = {"nam": 2031, "tu": 2021, "den": 2025, "bo_tieu_chi": "Bộ"}
    Diagnostic("DM004", "ke-hoach.yaml", ("nam",), fields)  # exactly the template's fields
    with pytest.raises(ParamsError, match=r"missing \['bo_tieu_chi'\], unexpected \[\]"):
        Diagnostic("DM004", "ke-hoach.yaml", ("nam",), {k: v for k, v in fields.items() if k != "bo_tieu_chi"})
    with pytest.raises(ParamsError, match=r"missing \[\], unexpected \['xa'\]"):
        Diagnostic("DM004", "ke-hoach.yaml", ("nam",), {**fields, "xa": "Hương Sơn"})


def test_each_variant_has_its_own_fields() -> None:
    general = {"ma": GiaTri("giao_thongg"), "bo_tieu_chi": "Bộ", "de_xuat": DeXuat("giao_thong")}
    Diagnostic("TC001", "ke-hoach.yaml", ("tieu_chi", "giao_thongg"), general)
    other_set = {**general, "bo_khac": "Bộ khác (x)", "bien_the": "bo_khac"}
    assert template_fields(CODES["TC001"].bien_the["bo_khac"]) == set(other_set) - {"bien_the"}
    Diagnostic("TC001", "ke-hoach.yaml", ("tieu_chi", "giao_thongg"), other_set)
    with pytest.raises(ParamsError, match=r"TC001 \(variant bo_khac\): .*missing \['bo_khac'\]"):
        Diagnostic("TC001", "ke-hoach.yaml", (), {**general, "bien_the": "bo_khac"})
    with pytest.raises(ParamsError, match="has no variant 'bo_khacc'"):
        Diagnostic("TC001", "ke-hoach.yaml", (), {**general, "bien_the": "bo_khacc"})


def test_an_unknown_code_fails_where_it_is_given() -> None:
    with pytest.raises(ParamsError, match="TC999 is not a registered diagnostic code"):
        Diagnostic("TC999", "ke-hoach.yaml")


def test_a_phrase_is_checked_when_it_is_made() -> None:
    assert phrase(Cau("don_vi.qua_100", {"tim_thay": GiaTri("105%")})).count("105%") == 1
    with pytest.raises(ParamsError, match=r"phrase don_vi.qua_100: .*missing \['tim_thay'\], unexpected \['gia_tri'\]"):
        Cau("don_vi.qua_100", {"gia_tri": GiaTri("105%")})
    with pytest.raises(ParamsError, match="not a registered phrase"):
        Cau("don_vi.qua_1000")


def test_replacing_a_position_keeps_the_params_valid() -> None:
    placed = Diagnostic("IO003", "ke-hoach.yaml").at(3, 5)
    assert (placed.line, placed.column) == (3, 5)


# ----------------------------------------------------------------------------- every template


def _marker(code: str, name: str) -> str:
    return f"«{code}:{name}»"


VARIANTS = [(code, None) for code in sorted(CODES)]
VARIANTS += [(code, name) for code in sorted(CODES) for name in CODES[code].bien_the]


@pytest.mark.parametrize(("code", "variant"), VARIANTS, ids=[f"{c}/{v}" if v else c for c, v in VARIANTS])
def test_every_template_can_be_satisfied_and_shows_each_field(code: str, variant: str | None) -> None:
    fields = template_fields(CODES[code].template(variant))
    params: dict[str, Any] = {name: _marker(code, name) for name in fields}
    if variant is not None:
        params["bien_the"] = variant
    text = message(Diagnostic(code, "ke-hoach.yaml", ("tieu_chi",), params))
    for name in fields:
        assert _marker(code, name) in text, name


@pytest.mark.parametrize("key", sorted(CAU))
def test_every_phrase_can_be_satisfied_and_shows_each_field(key: str) -> None:
    fields = template_fields(CAU[key])
    text = phrase(Cau(key, {name: _marker(key, name) for name in fields}))
    for name in fields:
        assert _marker(key, name) in text, name


# ----------------------------------------------------------------------------- call sites, read from the code

# Functions of ntm that make a diagnostic from a code and keyword params (`problem("IO001", dich=…)`).
HELPERS = {"problem", "_note", "_at_event", "_refuse", "make"}


def _literal_keys(node: ast.expr) -> dict[str, ast.expr] | None:
    """A dict literal's entries, if every key is written out (no `**other`)."""
    if not isinstance(node, ast.Dict) or any(k is None or not isinstance(k, ast.Constant) for k in node.keys):
        return None
    return {k.value: v for k, v in zip(node.keys, node.values, strict=True) if isinstance(k, ast.Constant)}


def _sites_in(source: str, where: str) -> list[tuple[str, str, str | None, set[str]]]:
    """(file:line, code or phrase key, variant, the params' names) for each call site of `source`
    whose params are written out."""
    out: list[tuple[int, str, str | None, set[str]]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        strings = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        params: dict[str, ast.expr] | None = None
        if name in ("Diagnostic", "Cau") and node.args and isinstance(node.args[0], ast.Constant):
            key = str(node.args[0].value)
            position = 3 if name == "Diagnostic" else 1
            given = node.args[position] if len(node.args) > position else None
            given = next((k.value for k in node.keywords if k.arg == "params"), given)
            params = {} if given is None else _literal_keys(given)
        elif name in HELPERS and any(text in CODES for text in strings):
            if any(k.arg is None for k in node.keywords):
                continue  # **params: not written out
            key = next(text for text in strings if text in CODES)
            params = {k.arg: k.value for k in node.keywords if k.arg is not None}
        if params is None:
            continue
        variant_node = params.pop("bien_the", None)
        if variant_node is not None and not isinstance(variant_node, ast.Constant):
            continue  # the variant is chosen at run time: the golden cases check those
        variant = str(variant_node.value) if isinstance(variant_node, ast.Constant) else None
        out.append((node.lineno, key, variant, set(params)))
    return [(f"{where}:{line}", key, variant, names) for line, key, variant, names in sorted(out, key=lambda s: s[0])]


def _call_sites() -> list[tuple[str, str, str | None, set[str]]]:
    return [site for path in sorted(PACKAGE.rglob("*.py"))
            for site in _sites_in(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))]


CALL_SITES = _call_sites()


def test_enough_call_sites_are_read_from_the_code() -> None:
    assert len([site for site in CALL_SITES if site[1] in CODES]) >= 60
    assert len([site for site in CALL_SITES if site[1] in CAU]) >= 20


@pytest.mark.parametrize(("where", "key", "variant", "names"), CALL_SITES, ids=[s[0] for s in CALL_SITES])
def test_each_call_site_names_exactly_the_fields_of_its_template(
    where: str, key: str, variant: str | None, names: set[str]
) -> None:
    if key in CODES:
        assert variant is None or variant in CODES[key].bien_the, f"{where}: {key} has no variant {variant}"
        template = CODES[key].template(variant)
    else:
        assert key in CAU, f"{where}: {key!r} is neither a code nor a phrase"
        template = CAU[key]
    assert names == template_fields(template), where


def test_the_call_site_reader_would_see_a_wrong_field() -> None:
    """The reader is not blind: the same walk over code with one misnamed field reports it."""
    source = (
        'yield Diagnostic("DM004", file, ("nam",), {"nam": nam, "tu": a, "den_nam": b, "bo_tieu_chi": c})\n'
        'return problem("IO001", dich=target, bien_the="lien_ket_hongg")\n'
    )
    (where, code, variant, names), (_, code2, variant2, names2) = _sites_in(source, "x.py")
    assert (where, code, variant) == ("x.py:1", "DM004", None)
    assert names - template_fields(CODES["DM004"].mau) == {"den_nam"}
    assert (code2, variant2, names2) == ("IO001", "lien_ket_hongg", {"dich"})
    assert variant2 not in CODES["IO001"].bien_the
