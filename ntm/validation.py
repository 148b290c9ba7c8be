"""Schema validation: loaded YAML -> KeHoach, with Vietnamese file:line:col diagnostics.

pydantic's errors carry a `loc` (the data path); `LoadedYaml.position`
turns it into a line and column. Messages say what was expected and what
was found; an unknown key gets the closest valid key as a suggestion.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError

from ntm.catalog import BoTieuChi, LoaiChiTieu
from ntm.diagnostics import Diagnostic, MucDo, YamlPath, describe_value
from ntm.loader import LoadedYaml
from ntm.model import KeHoach
from ntm.values import SoLieu


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice, if any is close enough to be a likely typo.

    A shortened slug (`thuy_loi` for `thuy_loi_phong_chong_thien_tai`) is
    too far for difflib, so a single choice that starts with it counts too.
    """
    options = list(choices)
    import difflib  # suggestions are made only for errors: not imported at start-up

    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    longer = [c for c in options if len(word) >= 4 and c.startswith(word)]
    return longer[0] if len(longer) == 1 else None


def suggestion_text(word: str, choices: Iterable[str]) -> str:
    best = suggest(word, choices)
    return f" Có phải ý bạn là '{best}'?" if best else ""


# ---------------------------------------------------------------------- model introspection


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated/Optional to the type that holds the next path segment."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            annotation = models[0] if models else args[0]
        else:
            return annotation


def _model_at(root: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that owns the mapping at `loc`, following the schema, not the data."""
    current: Any = root
    for segment in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(segment, str) or segment not in current.model_fields:
                return None
            current = current.model_fields[segment].annotation
        elif origin in (list, tuple):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _enum_at(root: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    if not loc:
        return []
    owner = _model_at(root, loc[:-1])
    if owner is None or not isinstance(loc[-1], str) or loc[-1] not in owner.model_fields:
        return []
    annotation = _unwrap(owner.model_fields[loc[-1]].annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(m.value) for m in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return []


# ---------------------------------------------------------------------- messages

_EXPECTED = {
    "string_type": "cần văn bản",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên (không có phần thập phân)",
    "float_type": "cần một số",
    "float_parsing": "cần một số",
    "bool_type": "cần true/false",
    "bool_parsing": "cần true hoặc false",
    "list_type": "cần một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "tuple_type": "cần một danh sách",
    "dict_type": "cần một bảng các khóa (khóa: giá trị)",
    "model_type": "cần một bảng các khóa (khóa: giá trị)",
    "model_attributes_type": "cần một bảng các khóa (khóa: giá trị)",
    "date_type": "cần một ngày",
    "date_parsing": "cần một ngày dạng năm-tháng-ngày",
    "string_too_short": "cần văn bản không trống",
}


def _clean_loc(loc: Sequence[str | int], data: Any) -> YamlPath:
    """Keep only segments that exist in the data (drop union members, validator tags).

    A missing key is kept as the last segment so the message can name it,
    while its position resolves to the enclosing mapping.
    """
    path: list[str | int] = []
    current = data
    for segment in loc:
        if isinstance(current, dict) and segment in current:  # noqa: SIM114 - separate for the type checker
            path.append(segment)
            current = current[segment]
        elif isinstance(current, list) and isinstance(segment, int) and 0 <= segment < len(current):
            path.append(segment)
            current = current[segment]
    return tuple(path)


def _noun(model: type[BaseModel]) -> str:
    return "kế hoạch" if model is KeHoach else "bộ tiêu chí"


def _message(error: Any, root_model: type[BaseModel], data: Any) -> tuple[YamlPath, str, str]:
    kind: str = error["type"]
    loc: tuple[str | int, ...] = tuple(error["loc"])
    found = error.get("input")
    ctx = error.get("ctx") or {}
    path = _clean_loc(loc, data)
    if kind == "missing":
        field = loc[-1]
        return path, "SCH001", f"thiếu khóa bắt buộc '{field}'."
    if kind == "extra_forbidden":
        key = str(loc[-1])
        owner = _model_at(root_model, loc[:-1])
        choices = list(owner.model_fields) if owner else []
        return path, "SCH002", (
            f"khóa {describe_value(key, 80)} không có trong định dạng {_noun(root_model)} ở đây." + suggestion_text(key, choices)
            + (f" Các khóa hợp lệ: {', '.join(choices)}." if choices and not suggest(key, choices) else "")
        )
    if kind in ("so", "so_lieu", "ngay"):
        return path, "SCH003", f"{error['msg']}."
    if kind in ("enum", "literal_error"):
        allowed = _enum_at(root_model, loc) or [str(ctx.get("expected", ""))]
        return path, "SCH004", (
            f"giá trị phải là một trong: {', '.join(allowed)}; tìm thấy {describe_value(found)}."
            + suggestion_text(str(found), allowed)
        )
    if kind in ("greater_than_equal", "greater_than"):
        return path, "SCH005", f"giá trị phải từ {ctx.get('ge', ctx.get('gt'))} trở lên; tìm thấy {describe_value(found)}."
    if kind in ("less_than_equal", "less_than"):
        return path, "SCH005", f"giá trị phải không quá {ctx.get('le', ctx.get('lt'))}; tìm thấy {describe_value(found)}."
    if kind in ("too_short", "too_long"):
        return path, "SCH006", f"danh sách cần {ctx.get('min_length', ctx.get('max_length'))} mục; tìm thấy {describe_value(found)}."
    if kind in _EXPECTED:
        if found is None and kind in ("string_type", "list_type", "dict_type", "model_type", "int_type", "float_type"):
            return path, "SCH007", f"{_EXPECTED[kind]}, nhưng giá trị đang để trống."
        return path, "SCH003", f"{_EXPECTED[kind]}; tìm thấy {describe_value(found)}."
    return path, "SCH099", f"giá trị không hợp lệ ({error['msg']}); tìm thấy {describe_value(found)}."


# Past this many problems a file is not a plan with slips but something else
# (generated, or the wrong file); listing them all would only cost time.
MAX_DIAGNOSTICS = 100


def _more(file: str, code: str, count: int) -> Diagnostic:
    return Diagnostic(
        file, None, None, code,
        f"còn {count} lỗi khác không được liệt kê (mỗi bước kiểm tra chỉ liệt kê {MAX_DIAGNOSTICS} lỗi đầu tiên): "
        "hãy sửa các lỗi đã liệt kê rồi chạy lại.",
    )


def pydantic_diagnostics(
    exc: ValidationError, loaded: LoadedYaml, root_model: type[BaseModel] | None = None
) -> list[Diagnostic]:
    model = root_model or _root_model_of(exc)
    out: list[Diagnostic] = []
    seen: set[tuple[YamlPath, str]] = set()
    everything = exc.errors(include_url=False)
    errors = everything[:MAX_DIAGNOSTICS]
    # A misspelt required key is one slip, not two: the unknown key's message already
    # suggests the right name, so the "missing" error for that name is dropped.
    misspelt: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            owner = _model_at(model, error["loc"][:-1])
            best = suggest(str(error["loc"][-1]), owner.model_fields) if owner else None
            if best is not None:
                misspelt.add((*error["loc"][:-1], best))
    for error in errors:
        if error["type"] == "missing" and tuple(error["loc"]) in misspelt:
            continue
        path, code, message = _message(error, model, loaded.data)
        if (path, message) in seen:  # a union reports the same slip once per member
            continue
        seen.add((path, message))
        line, col = loaded.position(path, at_key=error["type"] == "extra_forbidden")
        out.append(Diagnostic(loaded.file, line, col, code, message, path=path))
    if len(everything) > len(errors):
        out.append(_more(loaded.file, "SCH000", len(everything) - len(errors)))
    return out


def _root_model_of(exc: ValidationError) -> type[BaseModel]:
    from ntm.catalog import BoTieuChiFile

    return BoTieuChiFile if exc.title == "BoTieuChiFile" else KeHoach


def validate_schema(loaded: LoadedYaml) -> tuple[KeHoach | None, list[Diagnostic]]:
    if loaded.data is None:
        return None, list(loaded.diagnostics)
    try:
        return KeHoach.model_validate(loaded.data), list(loaded.diagnostics)
    except ValidationError as exc:
        return None, [*loaded.diagnostics, *pydantic_diagnostics(exc, loaded, KeHoach)]


# ---------------------------------------------------------------------- against the catalog


def check_against_catalog(plan: KeHoach, loaded: LoadedYaml, bo: BoTieuChi) -> list[Diagnostic]:
    """Slugs, region/group and units that only the chosen criteria set can judge."""
    out: list[Diagnostic] = []
    overflow = 0

    def full() -> bool:
        nonlocal overflow
        if len(out) < MAX_DIAGNOSTICS:
            return False
        overflow += 1
        return True

    def err(path: YamlPath, code: str, message: str, at_key: bool = False) -> None:
        line, col = loaded.position(path, at_key=at_key)
        out.append(Diagnostic(loaded.file, line, col, code, message, path=path))

    if bo.truc == "vung":
        regions = bo.cac_vung
        if plan.dia_ban.vung is None:
            err(("dia_ban",), "DM001", f"{bo.file.ten_ngan} xét theo vùng: cần khóa 'vung' ({', '.join(regions)}).")
        elif plan.dia_ban.vung not in regions:
            err(
                ("dia_ban", "vung"), "DM002",
                f"vùng {describe_value(plan.dia_ban.vung, 80)} không có trong {bo.file.ten_ngan}."
                + suggestion_text(plan.dia_ban.vung, regions)
                + f" Các vùng: {', '.join(regions)}.",
            )
    elif bo.truc == "nhom_xa" and plan.dia_ban.nhom_xa is None:
        groups = ", ".join(f"{k} ({v})" for k, v in bo.cac_nhom_xa.items()) or "1, 2, 3"
        err(("dia_ban",), "DM003", f"{bo.file.ten_ngan} xét theo nhóm xã: cần khóa 'nhom_xa': {groups}.")
    # Settings the chosen set does not use are probably a plan copied from another period.
    def unused(path: YamlPath, message: str) -> None:
        line, col = loaded.position(path, at_key=True)
        out.append(Diagnostic(loaded.file, line, col, "DM005", message, path=path, level=MucDo.CANH_BAO))

    if bo.truc == "nhom_xa" and plan.dia_ban.vung is not None:
        unused(("dia_ban", "vung"), f"{bo.file.ten_ngan} xét theo nhóm xã, không theo vùng: khóa 'vung' không được dùng.")
    if bo.truc == "vung" and plan.dia_ban.nhom_xa is not None:
        unused(("dia_ban", "nhom_xa"), f"{bo.file.ten_ngan} xét theo vùng, không theo nhóm xã: khóa 'nhom_xa' không được dùng.")
    if not bo.quy_tac_vung:
        for flag in ("xa_dac_biet_kho_khan", "xa_an_toan_khu"):
            if getattr(plan.dia_ban, flag):
                unused(("dia_ban", flag), f"{bo.file.ten_ngan} không có quy tắc riêng cho xã này: khóa '{flag}' không có tác dụng.")
    if bo.file.giai_doan and not (bo.file.giai_doan[0] <= plan.nam <= bo.file.giai_doan[1]):
        err(
            ("nam",), "DM004",
            f"năm {plan.nam} nằm ngoài giai đoạn {bo.file.giai_doan[0]}-{bo.file.giai_doan[1]} của {bo.file.ten_ngan}.",
        )

    criteria = {tc.ma: tc for tc in bo.tieu_chi}
    owner_of = {ct.ma: tc_ma for tc_ma, cts in bo.chi_tieu.items() for ct in cts.values()}
    for tc_ma, entry in plan.tieu_chi.items():
        if tc_ma not in criteria:
            if full():
                continue
            other = _other_set_with(tc_ma, bo.ma)
            hint = f" Tiêu chí này thuộc {other}." if other else ""
            err(
                ("tieu_chi", tc_ma), "TC001",
                f"không có tiêu chí {describe_value(tc_ma, 80)} trong {bo.file.ten_ngan}.{hint}"
                + suggestion_text(tc_ma, criteria),
                at_key=True,
            )
            continue
        indicators = bo.chi_tieu[tc_ma]
        for ct_ma, figure in entry.hien_trang.items():
            path: YamlPath = ("tieu_chi", tc_ma, "hien_trang", ct_ma)
            if ct_ma not in indicators:
                if full():
                    continue
                elsewhere = owner_of.get(ct_ma)
                hint = f" Chỉ tiêu này thuộc tiêu chí '{elsewhere}'." if elsewhere else suggestion_text(ct_ma, indicators)
                err(
                    path, "TC002",
                    f"tiêu chí {criteria[tc_ma].so} {criteria[tc_ma].ten} không có chỉ tiêu "
                    f"{describe_value(ct_ma, 80)}.{hint}",
                    at_key=True,
                )
                continue
            spec = indicators[ct_ma].chi_tieu
            for field_name in ("gia_tri", "yeu_cau"):
                value = getattr(figure, field_name)
                if value is not None:
                    problem = _unit_problem(spec.loai, spec.don_vi, value)
                    if problem and not full():
                        sub = (*path, field_name) if isinstance(loaded_value(loaded, path), dict) else path
                        err(sub, "TC003", f"chỉ tiêu {spec.so} ({spec.ten_hien_thi}): {problem}")
    if overflow:
        out.append(_more(loaded.file, "TC000", overflow))
    return out


def loaded_value(loaded: LoadedYaml, path: YamlPath) -> Any:
    current = loaded.data
    for segment in path:
        if isinstance(current, dict) and segment in current:
            current = current[segment]
        else:
            return None
    return current


def _unit_problem(loai: LoaiChiTieu, unit: str | None, value: SoLieu) -> str | None:
    found = describe_value(value.van_ban)  # shortened: a figure may be pasted text
    if loai is LoaiChiTieu.dat:
        if value.co is None:
            return f"cần có/không (true/false); tìm thấy {found}."
        return None
    if value.so is None:
        return f"cần một số{' (%)' if unit == '%' else ''}; tìm thấy {found}."
    if value.phan_tram and unit != "%":
        return f"đơn vị của chỉ tiêu là '{unit or 'số'}', không phải %; tìm thấy {found}."
    if value.so < 0:
        return f"số liệu không được âm; tìm thấy {found}."
    if unit == "%" and value.so > 100:
        return f"tỷ lệ phải từ 0 đến 100%; tìm thấy {found}."
    return None


def _other_set_with(slug: str, current: str) -> str | None:
    from ntm.catalog import builtin_ids, load_catalog

    for ident in builtin_ids():
        if ident == current:
            continue
        try:
            other = load_catalog(ident)
        except Exception:  # a broken built-in set must not hide the user's own error
            continue
        if other.tim_tieu_chi(slug) is not None:
            return f"{other.file.ten_ngan} ({ident})"
    return None
