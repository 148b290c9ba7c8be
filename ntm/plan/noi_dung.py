"""The plan's free content: tables, nested blocks, extra sections, the order of sections, annexes."""

# No `from __future__ import annotations` here: see ntm/plan/co_so.py.

from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    WithJsonSchema,
    model_validator,
)

from ntm.diagnostics.params import Cau
from ntm.plan.co_so import DoanVan, PlanModel, new_list
from ntm.plan.values import CoKhong, ntm_error


class ViTri(str, Enum):
    truoc_muc_tieu = "truoc_muc_tieu"
    sau_muc_tieu = "sau_muc_tieu"
    sau_nhiem_vu = "sau_nhiem_vu"
    sau_to_chuc_thuc_hien = "sau_to_chuc_thuc_hien"


# ---------------------------------------------------------------------------- tables

class KieuCot(str, Enum):
    """How a table column's cells print."""

    so = "so"  # numbers the Vietnamese way (1.306; 52,77), aligned right
    chu = "chu"  # exactly as written (a code, a year)


class CotBang(PlanModel):
    """A table column, or a group of columns under one merged header cell."""

    ten: str = Field(description="Tiêu đề cột")
    don_vi: str | None = Field(None, description="Đơn vị, in trong tiêu đề: 'Kinh phí (triệu đồng)'")
    tong: CoKhong = Field(False, description="Cộng cột này ở dòng tổng (mọi ô phải là số)")
    kieu: KieuCot | None = Field(
        None, description="so: in số kiểu Việt Nam (1.306), canh phải; chu: in đúng như viết. Mặc định: "
                          "số khi cột có đơn vị, có tổng, hoặc mọi ô là số nguyên"
    )
    cot: list["CotBangType"] = Field(
        default_factory=new_list, description="Các cột con: tiêu đề này gộp ô phía trên chúng"
    )


def _column(value: Any) -> Any:
    return {"ten": value} if isinstance(value, str) else value


CotBangType = Annotated[CotBang, BeforeValidator(_column, json_schema_input_type=str | CotBang)]

_CELL_SCHEMA = WithJsonSchema({"title": "Ô", "description": "Chữ hoặc số.",
                               "anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]})


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, (int, float)):
        return str(value)
    return value


OBang = Annotated[str, BeforeValidator(_cell), _CELL_SCHEMA]


class Bang(PlanModel):
    """A table as data: columns (with merged group headers), rows, and an optional totals row."""

    tieu_de: str | None = Field(None, description="Tên bảng, in đậm phía trên bảng")
    don_vi: str | None = Field(None, description="Đơn vị tính của cả bảng, in phía trên bên phải")
    cot: list[CotBangType] = Field(min_length=1, description="Các cột (có thể gộp tiêu đề nhiều tầng)")
    dong: list[list[OBang]] = Field(default_factory=new_list, description="Các dòng, mỗi dòng một danh sách ô")
    nhan_tong: str = Field("Tổng cộng", description="Nhãn của dòng tổng (khi có cột tong: true)")


class TenBangSinh(str, Enum):
    """Tables the document generates from the assessment."""

    tinh_trang_tieu_chi = "tinh_trang_tieu_chi"


# ---------------------------------------------------------------------------- nested content

class KieuDanhSach(str, Enum):
    """List styles: the marker is chosen here, never typed in the text."""

    gach = "gach"  # "- "
    cong = "cong"  # "+ "
    chu = "chu"  # "a) "
    so = "so"  # "1) "


class YDanhSach(PlanModel):
    """A list item with a footnote."""

    doan: str = Field(description="Nội dung ý")
    chu_thich: DoanVan = Field(default_factory=new_list, description="Chú thích cuối trang của ý này")


def _item(value: Any) -> Any:
    return {"doan": value} if isinstance(value, str) else value


YDanhSachType = Annotated[YDanhSach, BeforeValidator(_item, json_schema_input_type=str | YDanhSach)]

_KINDS = ("doan", "muc", "danh_sach", "bang", "tieu_chi_chua_dat")


class KhoiNoiDung(PlanModel):
    """One block of a custom section: exactly one of doan, muc (a sub-heading with its own content),
    danh_sach, bang, tieu_chi_chua_dat."""

    doan: str | None = Field(None, description="Một đoạn văn")
    chu_thich: DoanVan = Field(default_factory=new_list, description="Chú thích cuối trang của đoạn")
    muc: str | None = Field(None, description="Tiêu đề mục con (1., 1.1., a) theo cấp)")
    noi_dung: list["KhoiNoiDungType"] = Field(default_factory=new_list, description="Nội dung của mục con")
    danh_sach: list[YDanhSachType] | None = Field(None, description="Các ý của một danh sách")
    kieu: KieuDanhSach = Field(KieuDanhSach.gach, description="Kiểu danh sách: gach (-), cong (+), chu (a)), so (1))")
    bang: Bang | None = Field(None, description="Một bảng")
    tieu_chi_chua_dat: CoKhong | None = Field(
        None, description="true: đặt ở đây câu liệt kê các tiêu chí chưa đạt (sinh từ kết quả đánh giá)"
    )

    @model_validator(mode="after")
    def _one_kind(self) -> "KhoiNoiDung":
        given = [k for k in _KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ntm_error(Cau("noi_dung.mot_loai", {"co": ", ".join(given) or "không có khóa nào",
                                                       "cac_khoa": ", ".join(_KINDS)}))
        if self.noi_dung and self.muc is None:
            raise ntm_error(Cau("noi_dung.chi_muc", {"khoa": "noi_dung"}))
        return self


def _block(value: Any) -> Any:
    return {"doan": value} if isinstance(value, str) else value


KhoiNoiDungType = Annotated[KhoiNoiDung, BeforeValidator(_block, json_schema_input_type=str | KhoiNoiDung)]


class PhanBoSung(PlanModel):
    """An extra section: a heading with paragraphs, bullets and nested content."""

    ma: str | None = Field(None, description="Mã của phần, để xếp vào bo_cuc (chữ thường, không dấu)")
    tieu_de: str = Field(description="Tiêu đề phần (viết thường; văn bản sẽ viết hoa)")
    vi_tri: ViTri = Field(ViTri.sau_nhiem_vu, description="Vị trí trong văn bản (khi không có bo_cuc)")
    doan: DoanVan = Field(default_factory=new_list, description="Các đoạn văn")
    gach_dau_dong: list[str] = Field(default_factory=new_list, description="Các ý gạch đầu dòng")
    noi_dung: list[KhoiNoiDungType] = Field(
        default_factory=new_list,
        description="Nội dung nhiều cấp: đoạn, mục con (1., 1.1., a)), danh sách, bảng, chú thích",
    )


class PhanBoCuc(PlanModel):
    """One entry of `bo_cuc`: a section and, optionally, the heading the plan gives it."""

    phan: str = Field(description="Mã phần có sẵn hoặc `ma` của một phan_bo_sung")
    tieu_de: str | None = Field(None, description="Tiêu đề riêng của phần (in hoa trong văn bản)")


def _bo_cuc_item(value: Any) -> Any:
    return {"phan": value} if isinstance(value, str) else value


PhanBoCucType = Annotated[PhanBoCuc, BeforeValidator(_bo_cuc_item, json_schema_input_type=str | PhanBoCuc)]

PHAN_CO_SAN = (
    "muc_dich_yeu_cau", "muc_tieu", "nhiem_vu_giai_phap", "thoi_gian_thuc_hien", "kinh_phi", "to_chuc_thuc_hien",
)

# The title a document prints for each built-in part (muc_tieu's depends on what it holds).
TIEU_DE_PHAN_CO_SAN = {
    "muc_dich_yeu_cau": "MỤC ĐÍCH, YÊU CẦU",
    "nhiem_vu_giai_phap": "CÁC NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN",
    "thoi_gian_thuc_hien": "THỜI GIAN THỰC HIỆN",
    "kinh_phi": "KINH PHÍ THỰC HIỆN",
    "to_chuc_thuc_hien": "TỔ CHỨC THỰC HIỆN",
}


class PhuLuc(PlanModel):
    """An annex after the signature: heading, text, tables (data, or generated from the assessment)."""

    tieu_de: str = Field(description="Tên phụ lục: 'Danh mục công trình năm 2026'")
    doan: DoanVan = Field(default_factory=new_list, description="Các đoạn văn dưới tên phụ lục")
    bang: Bang | TenBangSinh | None = Field(
        None, description="Một bảng dữ liệu, hoặc tinh_trang_tieu_chi (bảng tình trạng tiêu chí sinh từ đánh giá)"
    )
    kho_ngang: CoKhong | None = Field(
        None, description="Trình bày phụ lục trên trang ngang (.docx); mặc định: ngang khi bảng có trên 6 cột"
    )
    chi_tiet: CoKhong = Field(
        False, description="Với bang: tinh_trang_tieu_chi: true = mỗi chỉ tiêu một dòng (mặc định: mỗi tiêu chí một dòng)"
    )

