"""The plan (Kế hoạch) as a pydantic model: the format documented in docs/plan-format.md.

Keys are Vietnamese without diacritics; values keep their diacritics.
`extra="forbid"` everywhere, so a misspelt key is an error at its own line.
Criteria and indicators are referred to by the catalog's slugs; whether a
slug exists is checked against the catalog in `ntm.rules`.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ntm.diagnostics.params import Cau
from ntm.plan.values import CoKhong, Doan, Ngay, SoLieuType, SoNguyen, ntm_error, parse_number, words_pattern

_DOAN_SCHEMA = WithJsonSchema(
    {
        "title": "Đoạn văn",
        "description": "Một đoạn văn, hoặc danh sách nhiều đoạn.",
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
    }
)
DoanVan = Annotated[Doan, _DOAN_SCHEMA]


def _new_list() -> list[Any]:
    """`default_factory=list`, faster to build: pydantic inspects every factory's signature,
    0.01 ms for a Python function, 0.15 ms for the builtin `list` (start-up time)."""
    return []


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class HeThong(str, Enum):
    """Whose document layout: State bodies (NĐ 30/2020) or Party bodies (HD 36-HD/VPTW)."""

    nha_nuoc = "nha_nuoc"
    dang = "dang"


class CanCu(_Model):
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


class NguoiKy(_Model):
    tham_quyen: str | None = Field(None, description="Thẩm quyền ký: TM. ỦY BAN NHÂN DÂN")
    ky_thay: str | None = Field(None, description="Ký thay: KT. CHỦ TỊCH")
    chuc_vu: str = Field(description="Chức vụ người ký: CHỦ TỊCH")
    ho_ten: str = Field(description="Họ và tên người ký")


class VanBan(_Model):
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
        default_factory=_new_list, description="Các văn bản làm căn cứ: câu viết sẵn hoặc các trường"
    )
    mo_dau: DoanVan = Field(
        default_factory=_new_list,
        description="Các đoạn mở đầu, giữa căn cứ và mục I (… xây dựng kế hoạch … như sau:)",
    )
    cau_ket: str | None = Field(None, description="Câu kết thúc văn bản: Trên đây là kế hoạch …")
    noi_nhan: list[str] = Field(description="Nơi nhận, mỗi dòng một nơi")
    nguoi_ky: NguoiKy


class ChuanNTM(str, Enum):
    """The standards a commune is recognised at; they nest: kiểu mẫu ⊂ nâng cao ⊂ NTM (QĐ 319/QĐ-TTg)."""

    ntm = "ntm"
    nang_cao = "nang_cao"
    kieu_mau = "kieu_mau"


class CongNhan(_Model):
    """A recognition decision (quyết định công nhận): which standard, which year."""

    chuan: ChuanNTM = Field(description="Chuẩn được công nhận: ntm, nang_cao hoặc kieu_mau")
    nam: SoNguyen = Field(ge=2010, le=2100, description="Năm được công nhận")


class DiaBan(_Model):
    xa: str = Field(description="Tên xã")
    huyen: str | None = Field(None, description="Tên huyện (không bắt buộc: cấp huyện kết thúc từ 01/7/2025)")
    tinh: str = Field(description="Tên tỉnh, thành phố")
    vung: str | None = Field(None, description="Vùng (bộ tiêu chí 2021-2025): bac-trung-bo, …")
    nhom_xa: Annotated[SoNguyen, Field(ge=1, le=3)] | None = Field(
        None, description="Nhóm xã 1, 2 hoặc 3 (bộ tiêu chí 2026-2030)"
    )
    xa_dac_biet_kho_khan: CoKhong = Field(False, description="Xã đặc biệt khó khăn")
    xa_an_toan_khu: CoKhong = Field(
        False, description="Xã an toàn khu thuộc huyện nghèo, huyện vừa thoát nghèo giai đoạn 2018-2020"
    )
    cong_nhan: list[CongNhan] = Field(
        default_factory=_new_list,
        description="Các lần xã được công nhận đạt chuẩn (dùng cho ntm report): [{chuan: ntm, nam: 2019}]",
    )


def _range(value: Any) -> Any:
    """`47-49` or `47–49` -> {tu: 47, den: 49}; `70-75%` and `70%-75%` -> a range of
    percentages; a single number -> {tu: n}."""
    if isinstance(value, str):
        text = value.strip().replace("–", "-").replace("—", "-")
        if "-" in text.lstrip("-"):
            low, _, high = (part.strip() for part in text.partition("-"))
            percent = high.endswith("%")
            low = low.removesuffix("%").strip()
            try:
                parse_number(low)
                parse_number(high.removesuffix("%"))
            except ValueError:
                return value  # not a range of numbers: said by the figure's own check
            # "70-75%": the % written once stands for both ends
            return {"tu": f"{low}%" if percent else low, "den": high}
        return {"tu": value}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"tu": value}
    return value


class MucTieu(_Model):
    tu: SoLieuType = Field(description="Mức phấn đấu (cận dưới)")
    den: SoLieuType | None = Field(None, description="Cận trên, nếu mục tiêu là một khoảng")

    @model_validator(mode="after")
    def _ordered(self) -> MucTieu:
        if self.den is not None and self.tu.so is not None and self.den.so is not None and self.den.so < self.tu.so:
            raise ntm_error(Cau("muc_tieu.nguoc", {"tu": self.tu.van_ban, "den": self.den.van_ban}))
        return self


MucTieuType = Annotated[
    MucTieu,
    BeforeValidator(_range),
    WithJsonSchema(
        {
            "title": "Mục tiêu",
            "description": "Mức phấn đấu: một số, một khoảng '47-49' hoặc {tu: 47, den: 49}.",
            "anyOf": [
                {"type": "number"},
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"tu": {}, "den": {}},
                    "required": ["tu"],
                    "additionalProperties": False,
                },
            ],
        }
    ),
]


class LoaiChiTieuRieng(str, Enum):
    """How a plan-defined indicator compares (the sets' operators: ntm.catalog.LoaiChiTieu)."""

    toi_thieu = "toi_thieu"  # ≥ yeu_cau
    toi_da = "toi_da"  # ≤ yeu_cau
    dat = "dat"  # yes/no: must be có / đạt


class ChiTieuRieng(_Model):
    """An indicator the plan defines for a criterion: a province's (a resolution of the HĐND, a
    decision of the UBND tỉnh) or one it sets itself while the set has none. Its figure goes in
    `hien_trang` under its code like any other; it is assessed like the set's indicators and
    always labelled as the plan's own."""

    ma: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Mã (chữ thường, số, gạch dưới), dùng trong hien_trang")
    so: str | None = Field(None, description="Số thứ tự hiển thị (không bắt buộc)")
    ten: str = Field(min_length=1, description="Tên chỉ tiêu")
    don_vi: str | None = Field(None, description="Đơn vị: %, nhà, hộ, triệu đồng/người/năm, %/năm, …; bỏ trống: có/không")
    loai: LoaiChiTieuRieng = Field(description="toi_thieu (≥ yêu cầu), toi_da (≤ yêu cầu) hoặc dat (có/không)")
    yeu_cau: SoLieuType | None = Field(None, description="Mức yêu cầu (số); không dùng với loai: dat")
    nguon: str = Field(min_length=1, description="Mức lấy từ đâu: văn bản của tỉnh, hoặc 'kế hoạch tự đặt'")

    @model_validator(mode="after")
    def _kind_fits(self) -> ChiTieuRieng:
        if self.loai is LoaiChiTieuRieng.dat:
            if self.yeu_cau is not None or self.don_vi is not None:
                raise ntm_error(Cau("chi_tieu_rieng.co_khong"))
        elif self.yeu_cau is None or self.yeu_cau.so is None:
            raise ntm_error(Cau("chi_tieu_rieng.can_muc", {"loai": self.loai.value}))
        return self


class ChiTieuHienTrang(_Model):
    """An indicator's figures: the current value, optionally the requirement and the target."""

    gia_tri: SoLieuType | None = Field(None, description="Giá trị hiện tại")
    yeu_cau: SoLieuType | None = Field(
        None, description="Mức yêu cầu kế hoạch tự nêu (chỉ dùng khi bộ tiêu chí chưa có mức)"
    )
    muc_tieu: MucTieuType | None = Field(None, description="Mức phấn đấu trong năm kế hoạch")
    don_vi: str | None = Field(None, description="Đơn vị (để đối chiếu với bộ tiêu chí)")
    ghi_chu: str | None = Field(None, description="Ghi chú, nguồn số liệu")


def _figure(value: Any) -> Any:
    if isinstance(value, dict):
        return value
    return {"gia_tri": value}


ChiTieuHienTrangType = Annotated[ChiTieuHienTrang, BeforeValidator(_figure)]


class TrangThai(str, Enum):
    dat = "dat"
    chua_dat = "chua_dat"


_STATUS_WORDS = {"đạt": "dat", "chưa đạt": "chua_dat", "dat": "dat", "chua_dat": "chua_dat", "chua dat": "chua_dat"}


class TieuChiKeHoach(_Model):
    """One criterion in the plan: figures, self-declared status, tasks and solutions."""

    hien_trang: dict[str, ChiTieuHienTrangType] = Field(
        default_factory=dict,
        description="Số liệu hiện trạng theo mã chỉ tiêu (của bộ tiêu chí, hoặc của chi_tieu_rieng)",
    )
    chi_tieu_rieng: list[ChiTieuRieng] = Field(
        default_factory=_new_list,
        description="Chỉ tiêu kế hoạch tự định nghĩa cho tiêu chí này (của tỉnh, hoặc tự đặt khi bộ chưa có)",
    )
    tu_danh_gia: Annotated[TrangThai, WithJsonSchema({
        "title": "Tự đánh giá", "description": "Tự đánh giá: dat (đạt) hoặc chua_dat (chưa đạt).",
        "type": "string", "pattern": words_pattern(_STATUS_WORDS)})] | None = Field(
        None, description="Tự đánh giá (dat / chua_dat, hoặc đạt / chưa đạt); chỉ dùng khi thiếu số liệu"
    )
    nhiem_vu: DoanVan = Field(default_factory=_new_list, description="Nhiệm vụ")
    giai_phap: DoanVan = Field(default_factory=_new_list, description="Giải pháp")
    ghi_chu: DoanVan = Field(default_factory=_new_list, description="Ghi chú (ví dụ: Trên địa bàn không có chợ)")
    nhan_giai_phap: str = Field("Giải pháp", description="Nhãn của phần giải pháp trong văn bản")

    @field_validator("tu_danh_gia", mode="before")
    @classmethod
    def _status_words(cls, value: Any) -> Any:
        if isinstance(value, str):
            return _STATUS_WORDS.get(value.strip().lower(), value)
        return value


class BoTieuChiMucTieu(_Model):
    tieu_de: str | None = Field(None, description="Tiêu đề mục (mặc định: tên ngắn của bộ tiêu chí)")
    tieu_chi_chua_dat: CoKhong | None = Field(
        None,
        description=(
            "Có in câu liệt kê tiêu chí chưa đạt (sinh từ kết quả đánh giá) không; mặc định: có khi kế hoạch "
            "không có bo_cuc, không khi có bo_cuc (khi đó đặt câu bằng khối {tieu_chi_chua_dat: true})"
        ),
    )
    dat_chuan: str | None = Field(
        None, description="Số tiêu chí phấn đấu đạt, dạng '19/19' (phấn đấu / tổng số)"
    )
    noi_dung_khac: DoanVan = Field(default_factory=_new_list, description="Các chỉ tiêu khác, mỗi dòng một ý")

    @field_validator("dat_chuan", mode="before")
    @classmethod
    def _fraction(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


class ThonKieuMau(_Model):
    tieu_de: str = Field("Xây dựng thôn nông thôn mới kiểu mẫu", description="Tiêu đề mục")
    thon: list[str] = Field(description="Các thôn phấn đấu đạt thôn NTM kiểu mẫu")


class MucKhac(_Model):
    tieu_de: str
    noi_dung: DoanVan = Field(default_factory=_new_list)


class LoaiMucTieu(str, Enum):
    """Kinds of place-level targets beyond the commune's criteria (thôn, vườn, khu dân cư)."""

    thon_ntm_kieu_mau = "thon_ntm_kieu_mau"
    thon_thong_minh = "thon_thong_minh"
    khu_dan_cu_ntm_kieu_mau = "khu_dan_cu_ntm_kieu_mau"
    vuon_mau = "vuon_mau"
    khac = "khac"


class MucTieuDiaBan(_Model):
    """One kind of target with the places named: thôn thông minh in Phú Thượng and Phú Hạ, …"""

    loai: LoaiMucTieu = Field(
        description="thon_ntm_kieu_mau | thon_thong_minh | khu_dan_cu_ntm_kieu_mau | vuon_mau | khac"
    )
    ten: str | None = Field(
        None, description="Tên chuẩn cần đạt khi loai: khac (ví dụ: 'khu dân cư kiểu mẫu về bảo vệ môi trường')"
    )
    tieu_de: str | None = Field(None, description="Tiêu đề mục (mặc định theo loại)")
    noi: list[str] = Field(description="Các nơi phấn đấu đạt: thôn, khu dân cư, hộ có vườn")

    @model_validator(mode="after")
    def _named(self) -> MucTieuDiaBan:
        if self.loai is LoaiMucTieu.khac and not self.ten:
            raise ntm_error(Cau("muc_tieu_dia_ban.can_ten"))
        return self


class ChiTieuKeHoach(_Model):
    """Targets (chỉ tiêu) of the plan year."""

    bo_tieu_chi: BoTieuChiMucTieu = Field(default_factory=BoTieuChiMucTieu)
    thon_kieu_mau: ThonKieuMau | None = None
    dia_ban: list[MucTieuDiaBan] = Field(
        default_factory=_new_list,
        description="Mục tiêu theo thôn, khu dân cư, vườn: thôn NTM kiểu mẫu, thôn thông minh, vườn mẫu, …",
    )
    khac: list[MucKhac] = Field(default_factory=_new_list)


class ToChucThucHien(_Model):
    co_quan: str = Field(description="Cơ quan, tổ chức: Đảng ủy, HĐND, UBND, …")
    tieu_de: str | None = Field(None, description="Tiêu đề (mặc định: Đối với <cơ quan>)")
    noi_dung: DoanVan = Field(description="Nhiệm vụ của cơ quan")


class NguonKinhPhi(_Model):
    ten: str = Field(description="Tên nguồn: ngân sách tỉnh, vốn lồng ghép, huy động, …")
    so_tien: Annotated[SoNguyen, Field(ge=0)] | None = Field(None, description="Số tiền (đồng)")


class KinhPhi(_Model):
    tong: Annotated[SoNguyen, Field(ge=0)] | None = Field(None, description="Tổng kinh phí (đồng)")
    nguon: list[NguonKinhPhi] = Field(default_factory=_new_list)
    noi_dung: DoanVan = Field(default_factory=_new_list)


class ViTri(str, Enum):
    truoc_muc_tieu = "truoc_muc_tieu"
    sau_muc_tieu = "sau_muc_tieu"
    sau_nhiem_vu = "sau_nhiem_vu"
    sau_to_chuc_thuc_hien = "sau_to_chuc_thuc_hien"


# ---------------------------------------------------------------------------- tables

class CotBang(_Model):
    """A table column, or a group of columns under one merged header cell."""

    ten: str = Field(description="Tiêu đề cột")
    don_vi: str | None = Field(None, description="Đơn vị, in trong tiêu đề: 'Kinh phí (triệu đồng)'")
    tong: CoKhong = Field(False, description="Cộng cột này ở dòng tổng (mọi ô phải là số)")
    cot: list[CotBangType] = Field(
        default_factory=_new_list, description="Các cột con: tiêu đề này gộp ô phía trên chúng"
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


class Bang(_Model):
    """A table as data: columns (with merged group headers), rows, and an optional totals row."""

    tieu_de: str | None = Field(None, description="Tên bảng, in đậm phía trên bảng")
    don_vi: str | None = Field(None, description="Đơn vị tính của cả bảng, in phía trên bên phải")
    cot: list[CotBangType] = Field(min_length=1, description="Các cột (có thể gộp tiêu đề nhiều tầng)")
    dong: list[list[OBang]] = Field(default_factory=_new_list, description="Các dòng, mỗi dòng một danh sách ô")
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


class YDanhSach(_Model):
    """A list item with a footnote."""

    doan: str = Field(description="Nội dung ý")
    chu_thich: DoanVan = Field(default_factory=_new_list, description="Chú thích cuối trang của ý này")


def _item(value: Any) -> Any:
    return {"doan": value} if isinstance(value, str) else value


YDanhSachType = Annotated[YDanhSach, BeforeValidator(_item, json_schema_input_type=str | YDanhSach)]

_KINDS = ("doan", "muc", "danh_sach", "bang", "tieu_chi_chua_dat")


class KhoiNoiDung(_Model):
    """One block of a custom section: exactly one of doan, muc (a sub-heading with its own content),
    danh_sach, bang, tieu_chi_chua_dat."""

    doan: str | None = Field(None, description="Một đoạn văn")
    chu_thich: DoanVan = Field(default_factory=_new_list, description="Chú thích cuối trang của đoạn")
    muc: str | None = Field(None, description="Tiêu đề mục con (1., 1.1., a) theo cấp)")
    noi_dung: list[KhoiNoiDungType] = Field(default_factory=_new_list, description="Nội dung của mục con")
    danh_sach: list[YDanhSachType] | None = Field(None, description="Các ý của một danh sách")
    kieu: KieuDanhSach = Field(KieuDanhSach.gach, description="Kiểu danh sách: gach (-), cong (+), chu (a)), so (1))")
    bang: Bang | None = Field(None, description="Một bảng")
    tieu_chi_chua_dat: CoKhong | None = Field(
        None, description="true: đặt ở đây câu liệt kê các tiêu chí chưa đạt (sinh từ kết quả đánh giá)"
    )

    @model_validator(mode="after")
    def _one_kind(self) -> KhoiNoiDung:
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


class PhanBoSung(_Model):
    """An extra section: a heading with paragraphs, bullets and nested content."""

    ma: str | None = Field(None, description="Mã của phần, để xếp vào bo_cuc (chữ thường, không dấu)")
    tieu_de: str = Field(description="Tiêu đề phần (viết thường; văn bản sẽ viết hoa)")
    vi_tri: ViTri = Field(ViTri.sau_nhiem_vu, description="Vị trí trong văn bản (khi không có bo_cuc)")
    doan: DoanVan = Field(default_factory=_new_list, description="Các đoạn văn")
    gach_dau_dong: list[str] = Field(default_factory=_new_list, description="Các ý gạch đầu dòng")
    noi_dung: list[KhoiNoiDungType] = Field(
        default_factory=_new_list,
        description="Nội dung nhiều cấp: đoạn, mục con (1., 1.1., a)), danh sách, bảng, chú thích",
    )


class PhanBoCuc(_Model):
    """One entry of `bo_cuc`: a section and, optionally, the heading the plan gives it."""

    phan: str = Field(description="Mã phần có sẵn hoặc `ma` của một phan_bo_sung")
    tieu_de: str | None = Field(None, description="Tiêu đề riêng của phần (in hoa trong văn bản)")


def _bo_cuc_item(value: Any) -> Any:
    return {"phan": value} if isinstance(value, str) else value


PhanBoCucType = Annotated[PhanBoCuc, BeforeValidator(_bo_cuc_item, json_schema_input_type=str | PhanBoCuc)]

CotBang.model_rebuild()
KhoiNoiDung.model_rebuild()

PHAN_CO_SAN = (
    "muc_dich_yeu_cau", "muc_tieu", "nhiem_vu_giai_phap", "thoi_gian_thuc_hien", "kinh_phi", "to_chuc_thuc_hien",
)


class PhuLuc(_Model):
    """An annex after the signature: heading, text, tables (data, or generated from the assessment)."""

    tieu_de: str = Field(description="Tên phụ lục: 'Danh mục công trình năm 2026'")
    doan: DoanVan = Field(default_factory=_new_list, description="Các đoạn văn dưới tên phụ lục")
    bang: Bang | TenBangSinh | None = Field(
        None, description="Một bảng dữ liệu, hoặc tinh_trang_tieu_chi (bảng tình trạng tiêu chí sinh từ đánh giá)"
    )
    kho_ngang: CoKhong | None = Field(
        None, description="Trình bày phụ lục trên trang ngang (.docx); mặc định: ngang khi bảng có trên 6 cột"
    )


class MucDichYeuCau(_Model):
    muc_dich: DoanVan = Field(default_factory=_new_list)
    yeu_cau: DoanVan = Field(default_factory=_new_list)


class KeHoach(_Model):
    """Kế hoạch xây dựng nông thôn mới của một xã trong một năm."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        title="Kế hoạch xây dựng nông thôn mới (ntm)",
    )

    phien_ban: SoNguyen = Field(1, ge=1, le=1, description="Phiên bản định dạng tệp kế hoạch (hiện là 1)")
    van_ban: VanBan
    dia_ban: DiaBan
    nam: SoNguyen = Field(ge=2010, le=2100, description="Năm kế hoạch")
    bo_tieu_chi: str = Field(
        description="Mã bộ tiêu chí (xa-ntm-2026-2030, …) hoặc đường dẫn tới tệp bộ tiêu chí của tỉnh"
    )
    muc_dich_yeu_cau: MucDichYeuCau | None = None
    muc_tieu: DoanVan = Field(default_factory=_new_list, description="Mục tiêu")
    chi_tieu: ChiTieuKeHoach = Field(default_factory=ChiTieuKeHoach, description="Chỉ tiêu")
    tieu_chi: dict[str, TieuChiKeHoach] = Field(
        default_factory=dict, description="Nhiệm vụ, giải pháp và hiện trạng theo mã tiêu chí"
    )
    thoi_gian_thuc_hien: DoanVan = Field(default_factory=_new_list)
    kinh_phi: KinhPhi | None = None
    to_chuc_thuc_hien: list[ToChucThucHien] = Field(default_factory=_new_list)
    phan_bo_sung: list[PhanBoSung] = Field(default_factory=_new_list)
    bo_cuc: list[PhanBoCucType] | None = Field(
        None,
        description=(
            "Thứ tự và tiêu đề các phần của văn bản: muc_dich_yeu_cau, muc_tieu, nhiem_vu_giai_phap, "
            "thoi_gian_thuc_hien, kinh_phi, to_chuc_thuc_hien hoặc ma của một phan_bo_sung"
        ),
    )
    phu_luc: list[PhuLuc] = Field(default_factory=_new_list, description="Các phụ lục sau chữ ký")

    @property
    def ngay(self) -> date:
        return self.van_ban.ngay_ban_hanh
