"""The plan's JSON Schema, for editors (yaml-language-server) and check-jsonschema.

pydantic emits draft 2020-12 style (`$defs`); yaml-language-server validates
with draft-07 semantics, so the schema is kept to keywords both read the
same way: `$ref` into `#/$defs`, `anyOf`, `enum`, `const`, `pattern`,
`additionalProperties`.
"""

from __future__ import annotations

import json
from typing import Any

from ntm.model import KeHoach

SCHEMA_ID = "https://ntm.invalid/schema/ke-hoach.schema.json"


def plan_schema() -> dict[str, Any]:
    schema = KeHoach.model_json_schema(mode="validation")
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": SCHEMA_ID, **schema}
    _draft07(schema)
    for name, (title, description) in _DEFS_VI.items():
        schema["$defs"][name]["title"] = title
        schema["$defs"][name]["description"] = description
    _describe_fields(schema)
    _vietnamese_titles(schema)
    # A figure may be written short (`ty_le: 52,77%`) or in full ({gia_tri: …, yeu_cau: …}).
    figures = schema["$defs"]["TieuChiKeHoach"]["properties"]["hien_trang"]
    full = figures["additionalProperties"]
    short = schema["$defs"]["ChiTieuHienTrang"]["properties"]["gia_tri"]["anyOf"][0]
    figures["additionalProperties"] = {"anyOf": [short, full]}
    return schema


# Titles and descriptions of the model classes, in Vietnamese for the editor's hover text.
_DEFS_VI: dict[str, tuple[str, str]] = {
    "BoTieuChiMucTieu": ("Chỉ tiêu theo bộ tiêu chí", "Số tiêu chí phấn đấu đạt và các chỉ tiêu khác."),
    "CanCu": ("Căn cứ", "Văn bản làm căn cứ: loại, số hiệu, ngày, cơ quan ban hành, trích yếu."),
    "ChiTieuHienTrang": ("Số liệu chỉ tiêu", "Giá trị hiện tại, mức yêu cầu kế hoạch tự nêu, mục tiêu phấn đấu."),
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
    "TrangThai": ("Tự đánh giá", "dat (đạt) hoặc chua_dat (chưa đạt)."),
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
}


def _describe_fields(node: Any) -> None:
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and "description" not in prop and name in _FIELDS_VI:
                prop["description"] = _FIELDS_VI[name]
                prop.setdefault("title", _FIELDS_VI[name])
        for value in node.values():
            _describe_fields(value)
    elif isinstance(node, list):
        for value in node:
            _describe_fields(value)


def _vietnamese_titles(node: Any) -> None:
    """pydantic titles are the field names re-cased ("Tieu De"); editors show the title on hover."""
    if isinstance(node, dict):
        description = node.get("description")
        if isinstance(description, str) and "title" in node and "$defs" not in node and node.get("title") not in {t for t, _ in _DEFS_VI.values()}:
            node["title"] = description.split(":")[0].split(" (")[0].strip()
        for value in node.values():
            _vietnamese_titles(value)
    elif isinstance(node, list):
        for value in node:
            _vietnamese_titles(value)


def _draft07(node: Any) -> None:
    """Rewrite the few 2020-12 forms pydantic uses into their draft-07 equivalents."""
    if isinstance(node, dict):
        # prefixItems (tuples) -> items array; discriminator is an OpenAPI hint only.
        if "prefixItems" in node:
            node["items"] = node.pop("prefixItems")
        node.pop("discriminator", None)
        # pydantic leaves constraints of validator-wrapped numbers under their Python names.
        if node.get("type") in ("integer", "number"):
            for python_name, keyword in (("ge", "minimum"), ("le", "maximum"), ("gt", "exclusiveMinimum"), ("lt", "exclusiveMaximum")):
                if python_name in node:
                    node[keyword] = node.pop(python_name)
        for value in node.values():
            _draft07(value)
    elif isinstance(node, list):
        for value in node:
            _draft07(value)


def schema_text() -> str:
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
