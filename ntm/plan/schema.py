"""The plan's JSON Schema, for editors (yaml-language-server) and check-jsonschema.

pydantic emits draft 2020-12 style (`$defs`); yaml-language-server validates
with draft-07 semantics, so the schema is kept to keywords both read the
same way: `$ref` into `#/$defs`, `anyOf`, `enum`, `const`, `pattern`,
`additionalProperties`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel

from ntm.diagnostics.pydantic_errors import resolved_fields
from ntm.plan.model import KeHoach

SCHEMA_ID = "https://ntm.invalid/schema/ke-hoach.schema.json"


def plan_schema() -> dict[str, Any]:
    schema = KeHoach.model_json_schema(mode="validation")
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID, **schema}
    for obj in _objects(schema):
        _draft07(obj)
    for name, (title, description) in _DEFS_VI.items():
        schema["$defs"][name]["title"] = title
        schema["$defs"][name]["description"] = description
    for obj in _objects(schema):
        _describe_fields(obj)
    for obj in _objects(schema):
        _vietnamese_title(obj)
    _bounds(schema, KeHoach, schema)
    # A figure may be written short (`ty_le: 52,77%`) or in full ({gia_tri: …, yeu_cau: …}).
    figures = schema["$defs"]["TieuChiKeHoach"]["properties"]["hien_trang"]
    full = figures["additionalProperties"]
    short = schema["$defs"]["ChiTieuHienTrang"]["properties"]["gia_tri"]["anyOf"][0]
    figures["additionalProperties"] = {"anyOf": [short, full]}
    return schema


# Titles and descriptions of the model classes, in Vietnamese for the editor's hover text.
_DEFS_VI: dict[str, tuple[str, str]] = {
    "Bang": ("Bảng", "Bảng dữ liệu: các cột (có thể gộp tiêu đề), các dòng, dòng tổng."),
    "CotBang": ("Cột", "Một cột, hoặc một nhóm cột dưới một ô tiêu đề gộp."),
    "KhoiNoiDung": ("Khối nội dung", "Đoạn văn, mục con, danh sách, bảng hoặc chỗ đặt câu tiêu chí chưa đạt."),
    "KieuDanhSach": ("Kiểu danh sách", "gach (-), cong (+), chu (a)), so (1))."),
    "LoaiMucTieu": ("Loại mục tiêu", "thôn NTM kiểu mẫu, thôn thông minh, khu dân cư NTM kiểu mẫu, vườn mẫu, khác."),
    "MucTieuDiaBan": ("Mục tiêu theo địa bàn", "Một loại mục tiêu và các nơi phấn đấu đạt."),
    "PhanBoCuc": ("Phần của bố cục", "Mã phần và tiêu đề riêng (nếu có)."),
    "PhuLuc": ("Phụ lục", "Phụ lục sau chữ ký: tên, đoạn văn, bảng."),
    "TenBangSinh": ("Bảng sinh từ đánh giá", "tinh_trang_tieu_chi: bảng tình trạng các tiêu chí."),
    "YDanhSach": ("Ý", "Một ý của danh sách, có chú thích cuối trang."),
    "BoTieuChiMucTieu": ("Chỉ tiêu theo bộ tiêu chí", "Số tiêu chí phấn đấu đạt và các chỉ tiêu khác."),
    "CanCu": ("Căn cứ", "Văn bản làm căn cứ: loại, số hiệu, ngày, cơ quan ban hành, trích yếu."),
    "ChiTieuHienTrang": ("Số liệu chỉ tiêu", "Giá trị hiện tại, mức yêu cầu kế hoạch tự nêu, mục tiêu phấn đấu."),
    "ChiTieuRieng": ("Chỉ tiêu riêng của kế hoạch", "Chỉ tiêu kế hoạch tự định nghĩa: mã, tên, đơn vị, loại, mức yêu cầu và nguồn."),
    "LoaiChiTieuRieng": ("Loại chỉ tiêu", "toi_thieu (≥ mức yêu cầu), toi_da (≤ mức yêu cầu), dat (có/không)."),
    "ChiTieuKeHoach": ("Chỉ tiêu", "Các chỉ tiêu của năm kế hoạch."),
    "DiaBan": ("Địa bàn", "Xã, huyện (nếu còn), tỉnh; vùng hoặc nhóm xã."),
    "HeThong": ("Hệ thống văn bản", "nha_nuoc: thể thức Nghị định 30/2020/NĐ-CP; dang: văn bản của Đảng."),
    "KinhPhi": ("Kinh phí", "Tổng kinh phí và các nguồn (đồng)."),
    "MucDichYeuCau": ("Mục đích, yêu cầu", "Phần mục đích và yêu cầu của kế hoạch."),
    "MucKhac": ("Mục chỉ tiêu khác", "Một mục chỉ tiêu khác: tiêu đề và nội dung."),
    "NguoiKy": ("Người ký", "Thẩm quyền ký, chức vụ, họ tên người ký."),
    "NguonKinhPhi": ("Nguồn kinh phí", "Tên nguồn và số tiền (đồng)."),
    "PhanBoSung": ("Phần bổ sung", "Một phần thêm: tiêu đề, vị trí, đoạn văn, gạch đầu dòng."),
    "ThonKieuMau": ("Thôn NTM kiểu mẫu", "Các thôn phấn đấu đạt chuẩn thôn NTM kiểu mẫu."),
    "TieuChiKeHoach": ("Tiêu chí", "Số liệu hiện trạng, tự đánh giá, nhiệm vụ và giải pháp của một tiêu chí."),
    "ToChucThucHien": ("Tổ chức thực hiện", "Nhiệm vụ của một cơ quan, tổ chức."),
    "VanBan": ("Thông tin văn bản", "Thể thức văn bản: cơ quan ban hành, số hiệu, ngày, trích yếu, căn cứ, nơi nhận, người ký."),
    "ViTri": ("Vị trí", "Vị trí của phần bổ sung trong văn bản."),
}
_FIELDS_VI: dict[str, str] = {
    "van_ban": "Thông tin văn bản",
    "dia_ban": "Địa bàn",
    "muc_dich_yeu_cau": "Mục đích, yêu cầu",
    "kinh_phi": "Kinh phí",
    "to_chuc_thuc_hien": "Tổ chức thực hiện, theo từng cơ quan",
    "phan_bo_sung": "Các phần bổ sung",
    "tu": "Từ (cận dưới)",
    "den": "Đến (cận trên)",
    "bo_tieu_chi": "Chỉ tiêu theo bộ tiêu chí",
    "thon_kieu_mau": "Thôn NTM kiểu mẫu",
    "khac": "Các mục chỉ tiêu khác",
    "nguon": "Các nguồn kinh phí",
    "tieu_de": "Tiêu đề",
    "nguoi_ky": "Người ký",
    "bo_cuc": "Thứ tự và tiêu đề các phần",
    "phu_luc": "Các phụ lục",
}


def _limits(annotation: Any, metadata: list[Any]) -> dict[str, Any]:
    """ge/le of a field, found on the field or inside `Annotated[..., Field(ge=…)] | None`."""
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(getattr(item, "metadata", None), list):  # a Field(...) inside Annotated
            found.update(_limits(None, item.metadata))
        for python, json_name in _NUMBER_KEYWORDS:
            value = getattr(item, python, None)
            if value is not None:
                found[json_name] = value
    for arg in get_args(annotation):
        if get_origin(arg) is Annotated:
            found.update(_limits(None, list(arg.__metadata__)))
    return found


def _bounds(schema: dict[str, Any], model: type[BaseModel], node: dict[str, Any], seen: set[str] | None = None) -> None:
    """Numbers that may also be typed as text (`nam: "2024"`) carry their own JSON Schema, which
    drops the field's range: put minimum/maximum back on the integer and number branches."""
    seen = seen if seen is not None else set()
    for name, field in resolved_fields(model).items():
        prop = (node.get("properties") or {}).get(name)
        limits = _limits(field.annotation, list(field.metadata))
        if isinstance(prop, dict) and limits:
            for branch in prop.get("anyOf", [prop]):
                if branch.get("type") in ("integer", "number"):
                    branch.update(limits)
        for nested in _models_in(field.annotation):
            if nested.__name__ not in seen and nested.__name__ in schema["$defs"]:
                seen.add(nested.__name__)
                _bounds(schema, nested, schema["$defs"][nested.__name__], seen)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the schema, parents before children."""
    if isinstance(node, dict):
        yield node
        for value in list(node.values()):
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def _describe_fields(obj: dict[str, Any]) -> None:
    for name, prop in (obj.get("properties") or {}).items():
        if isinstance(prop, dict) and "description" not in prop and name in _FIELDS_VI:
            prop["description"] = _FIELDS_VI[name]
            prop.setdefault("title", _FIELDS_VI[name])


_DEF_TITLES = {t for t, _ in _DEFS_VI.values()}


def _vietnamese_title(obj: dict[str, Any]) -> None:
    """pydantic titles are the field names re-cased ("Tieu De"); editors show the title on hover."""
    description = obj.get("description")
    if isinstance(description, str) and "title" in obj and "$defs" not in obj and obj.get("title") not in _DEF_TITLES:
        obj["title"] = description.split(":")[0].split(" (")[0].strip()


_NUMBER_KEYWORDS = (("ge", "minimum"), ("le", "maximum"), ("gt", "exclusiveMinimum"), ("lt", "exclusiveMaximum"))


def _draft07(obj: dict[str, Any]) -> None:
    """Rewrite the few 2020-12 forms pydantic uses into their draft-07 equivalents."""
    # prefixItems (tuples) -> items array; discriminator is an OpenAPI hint only.
    if "prefixItems" in obj:
        obj["items"] = obj.pop("prefixItems")
    obj.pop("discriminator", None)
    # pydantic leaves constraints of validator-wrapped numbers under their Python names.
    if obj.get("type") in ("integer", "number"):
        for python_name, keyword in _NUMBER_KEYWORDS:
            if python_name in obj:
                obj[keyword] = obj.pop(python_name)


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
