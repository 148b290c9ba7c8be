"""The plan's document header: issuer, number, date, subject, legal bases, signature."""

# No `from __future__ import annotations` here: see ntm/plan/co_so.py.

from enum import Enum
from typing import Annotated, Any

from pydantic import (
    Discriminator,
    Field,
    Tag,
)

from ntm.plan.co_so import DoanVan, PlanModel, new_list
from ntm.plan.values import Ngay


class HeThong(str, Enum):
    """Whose document layout: State bodies (NĐ 30/2020) or Party bodies (HD 36-HD/VPTW)."""

    nha_nuoc = "nha_nuoc"
    dang = "dang"


class CanCu(PlanModel):
    """A document the plan is based on ("Thực hiện Kế hoạch số 269/KH-UBND ngày ... của ...")."""

    mo_dau: str = Field("Thực hiện", description="Từ mở đầu: Thực hiện, Căn cứ, …")
    loai: str = Field(description="Tên loại văn bản: Kế hoạch, Nghị quyết, Quyết định, …")
    so_hieu: str = Field(description="Số, ký hiệu: 269/KH-UBND")
    ngay: Ngay = Field(description="Ngày ban hành")
    co_quan: str = Field(description="Cơ quan ban hành: Ủy ban nhân dân huyện Nam Đông")
    trich_yeu: str = Field("", description="Trích yếu: về việc …")


def _can_cu_kind(value: Any) -> str:
    # Only the member a value's shape asks for is validated: a mapping with a misspelt key is
    # reported once, as that, not also as "cần văn bản" from the string member.
    return "cau" if isinstance(value, str) else "truong"


CanCuType = Annotated[
    Annotated[str, Tag("cau")] | Annotated[CanCu, Tag("truong")],
    Discriminator(_can_cu_kind),
]


class NguoiKy(PlanModel):
    tham_quyen: str | None = Field(None, description="Thẩm quyền ký: TM. ỦY BAN NHÂN DÂN")
    ky_thay: str | None = Field(None, description="Ký thay: KT. CHỦ TỊCH")
    chuc_vu: str = Field(description="Chức vụ người ký: CHỦ TỊCH")
    ho_ten: str = Field(description="Họ và tên người ký")


class VanBan(PlanModel):
    """The document's metadata (thể thức văn bản)."""

    he_thong: HeThong = Field(HeThong.nha_nuoc, description="nha_nuoc (NĐ 30/2020) hoặc dang (văn bản của Đảng)")
    co_quan_chu_quan: str | None = Field(None, description="Tên cơ quan chủ quản trực tiếp (nếu có)")
    co_quan_ban_hanh: str = Field(description="Tên cơ quan ban hành: ỦY BAN NHÂN DÂN XÃ HƯƠNG SƠN")
    so_hieu: str = Field(description="Số, ký hiệu văn bản: 03/KH-UBND (văn bản Đảng: 14-KH/BCĐ)")
    dia_danh: str = Field(description="Địa danh nơi ban hành: Hương Sơn")
    ngay_ban_hanh: Ngay = Field(description="Ngày ban hành")
    ten_loai: str = Field("KẾ HOẠCH", description="Tên loại văn bản")
    trich_yeu: str = Field(description="Trích yếu nội dung")
    can_cu: list[CanCuType] = Field(
        default_factory=new_list, description="Các văn bản làm căn cứ: câu viết sẵn hoặc các trường"
    )
    mo_dau: DoanVan = Field(
        default_factory=new_list,
        description="Các đoạn mở đầu, giữa căn cứ và mục I (… xây dựng kế hoạch … như sau:)",
    )
    cau_ket: str | None = Field(None, description="Câu kết thúc văn bản: Trên đây là kế hoạch …")
    noi_nhan: list[str] = Field(description="Nơi nhận, mỗi dòng một nơi")
    nguoi_ky: NguoiKy

