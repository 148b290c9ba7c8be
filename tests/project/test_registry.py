"""The registry of diagnostic codes (ntm/diagnostics/registry.py) against the code, the cases and the docs.

- docs/codes.md is exactly what the registry gives (run the generator when it is not);
- every code is given by some case under tests/data/ (an `[CODE]` line of a `.expected`),
  unless its entry says why none can (`khong_gap`); and then no case gives it;
- every code a case expects, and every code or phrase key the package names, is registered;
- every message template and phrase is a `str.format` template with named fields;
- each code is given by one rule (which declares it) or names the stages that give it, and the
  docs say which.
"""

from __future__ import annotations

import ast
import functools
import re
import string
import unicodedata
from pathlib import Path

import pytest
from casefiles import DATA, REPO

from ntm.diagnostics.pydantic_errors import _EXPECTED
from ntm.diagnostics.registry import CAU, CODES, RETIRED
from ntm.present.codes_doc import GENERATOR, STAGES, codes_markdown, rules_by_code

DOC = REPO / "docs" / "codes.md"
PACKAGE = REPO / "ntm"
# Families taken from the registry, so a new family is checked without editing this file.
FAMILY = "(?:" + "|".join(sorted({re.sub(r"\d+$", "", code) for code in [*CODES, *RETIRED]})) + r")\d{3}"


def _expected_codes() -> dict[str, list[str]]:
    """code -> the cases (folder/name) whose expected output has an `[CODE]`."""
    found: dict[str, list[str]] = {}
    for path in sorted(DATA.rglob("*.expected")):
        for code in sorted(set(re.findall(rf"\[({FAMILY})\]", path.read_text(encoding="utf-8")))):
            found.setdefault(code, []).append(str(path.relative_to(DATA).with_suffix("")))
    return found


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


# ----------------------------------------------------------------------------- the document


def test_docs_codes_md_is_what_the_registry_gives() -> None:
    current = DOC.read_text(encoding="utf-8") if DOC.is_file() else ""
    assert current == codes_markdown(), (
        f"docs/codes.md is stale: run `{GENERATOR}` from the repository root and commit docs/codes.md"
    )


def test_docs_codes_md_is_nfc_and_lists_every_code_once() -> None:
    text = codes_markdown()
    assert unicodedata.normalize("NFC", text) == text
    for code in CODES:
        assert text.count(f"\n### {code}\n") == 1, code
    for code in RETIRED:
        assert f"| {code} |" in text and f"### {code}\n" not in text, code


def test_the_generator_check_mode_tells_a_stale_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from ntm.present.codes_doc import main

    target = tmp_path / "codes.md"
    assert main([str(target)]) == 0
    assert main(["--check", str(target)]) == 0
    target.write_text(target.read_text(encoding="utf-8") + "sửa tay\n", encoding="utf-8")
    assert main(["--check", str(target)]) == 1
    assert GENERATOR in capsys.readouterr().err


# ----------------------------------------------------------------------------- cases


def test_every_code_is_given_by_a_case_unless_none_can_be() -> None:
    given = _expected_codes()
    missing = sorted(code for code, ma in CODES.items() if code not in given and not ma.khong_gap)
    assert not missing, f"no case under tests/data/ gives {missing}: add one to tests/data/codes/"


@pytest.mark.parametrize("code", sorted(c for c, ma in CODES.items() if ma.khong_gap))
def test_a_code_said_to_have_no_case_has_none_and_says_why(code: str) -> None:
    reason = CODES[code].khong_gap
    assert reason is not None and len(reason) > 30, "khong_gap must give a real reason"
    assert code not in _expected_codes(), f"{code} is given by {_expected_codes()[code]}: drop its khong_gap"


def test_every_code_a_case_expects_is_registered() -> None:
    unknown = {code: cases for code, cases in _expected_codes().items() if code not in CODES}
    assert not unknown


# ----------------------------------------------------------------------------- the package's own names


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_code_named_in_the_package_is_registered(path: Path) -> None:
    named = set(re.findall(rf"""["']({FAMILY})["']""", path.read_text(encoding="utf-8")))
    known = set(CODES) | (set(RETIRED) if path.name == "registry.py" else set())
    assert named <= known, sorted(named - known)


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_phrase_named_in_the_package_exists(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    keys = set(re.findall(r"""\bCau\(\s*["']([^"'{}]+)["']""", text))
    keys |= {f"goi_y.{key}" for key in re.findall(r"""\bGoiY\(\s*["']([^"'{}]*)["']""", text)}
    assert keys <= set(CAU), sorted(keys - set(CAU))


def test_every_pydantic_error_read_as_what_was_expected_has_its_phrase() -> None:
    """pydantic_errors writes `Cau(f"can.{type}")` for these error types: each needs its phrase."""
    assert {f"can.{kind}" for kind in _EXPECTED} <= set(CAU)


def test_every_variant_a_call_site_picks_is_registered() -> None:
    variants = {name for ma in CODES.values() for name in ma.bien_the}
    for path in _sources():
        picked = set(re.findall(r"""bien_the["']?\s*[:=]\s*["'](\w+)["']""", path.read_text(encoding="utf-8")))
        assert picked <= variants, (path.name, sorted(picked - variants))


# ----------------------------------------------------------------------------- templates


def _fields(template: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]


TEMPLATES = [(f"{code}", ma.mau) for code, ma in CODES.items()]
TEMPLATES += [(f"{code}/{name}", text) for code, ma in CODES.items() for name, text in ma.bien_the.items()]
TEMPLATES += [(f"CAU {key}", text) for key, text in CAU.items()]


@pytest.mark.parametrize(("where", "template"), TEMPLATES, ids=[w for w, _ in TEMPLATES])
def test_every_template_is_a_format_template_with_named_fields(where: str, template: str) -> None:
    fields = _fields(template)  # raises ValueError on a stray brace
    assert all(re.fullmatch(r"[a-z_]+", field) for field in fields), fields
    assert unicodedata.normalize("NFC", template) == template


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_entry_is_complete(code: str) -> None:
    ma = CODES[code]
    assert ma.ma == code
    assert ma.mo_ta.strip() and "\n" not in ma.mo_ta
    assert ma.vi_du.strip() or ma.khong_gap, "an example (a plan fragment or a situation), or why there is none"


# ----------------------------------------------------------------------------- what gives each code

@functools.cache
def _given_in() -> dict[str, set[str]]:
    """code -> the modules of ntm (dotted, without `ntm.`) that pass it to a call: a Diagnostic,
    or a helper that builds one. Not the registry, not the docs generator, not a rule's declaration."""
    code = re.compile(FAMILY)
    found: dict[str, set[str]] = {}
    for path in _sources():
        if path.name.startswith("codes_") or path.name in ("registry.py", "codes_doc.py"):
            continue
        module = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or (isinstance(node.func, ast.Name) and node.func.id == "Rule"):
                continue
            args = [*node.args, *(k.value for k in node.keywords)]
            # a notice queued as a tuple (code, variant, text) and made into a Diagnostic later
            args += [e for a in args if isinstance(a, ast.Tuple) for e in a.elts[:1]]
            for arg in args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and code.fullmatch(arg.value):
                    found.setdefault(arg.value, set()).add(module)
    return found


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_code_is_given_by_one_rule_or_names_the_stages_that_give_it(code: str) -> None:
    ma, rule = CODES[code], rules_by_code().get(code)
    modules = _given_in().get(code, set())
    stages = {module.split(".")[0] for module in modules}
    if rule is not None:
        assert not ma.dua_ra, f"{code} is given by the rule {rule.ten}: drop its dua_ra"
        assert modules == {rule.check.__module__.removeprefix("ntm.")}, (rule.ten, modules)
        return
    assert ma.dua_ra and set(ma.dua_ra) <= set(STAGES), f"{code}: no rule declares it; name its stages (dua_ra)"
    if "diagnostics" in stages:  # a shared translator (pydantic's errors): the stages are its callers
        assert stages - {"diagnostics"} <= set(ma.dua_ra), (modules, ma.dua_ra)
    else:
        assert stages == set(ma.dua_ra), (modules, ma.dua_ra)


def test_docs_name_the_rule_of_each_code_with_its_module_and_function() -> None:
    text = codes_markdown()
    for code, rule in rules_by_code().items():
        entry = text.split(f"\n### {code}\n", 1)[1].split("\n### ", 1)[0]
        path = rule.check.__module__.replace(".", "/") + ".py"
        assert f"quy tắc [`{rule.ten}`](../{path}) (hàm `{rule.check.__name__}` trong `{path}`)" in entry, code
        assert (REPO / path).is_file()
    for code, ma in CODES.items():
        if ma.dua_ra:
            entry = text.split(f"\n### {code}\n", 1)[1].split("\n### ", 1)[0]
            assert all(f"(../{STAGES[name][2]})" in entry for name in ma.dua_ra), code
