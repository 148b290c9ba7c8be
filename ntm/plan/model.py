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
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ntm.diagnostics.params import Cau
from ntm.plan.co_so import DoanVan, PlanModel, new_list
from ntm.plan.noi_dung import KieuDanhSach, PhanBoCucType, PhanBoSung, PhuLuc
from ntm.plan.values import CoKhong, SoLieuType, SoNguyen, ntm_error, parse_number, words_pattern
from ntm.plan.van_ban import VanBan


class ChuanNTM(str, Enum):
    """The standards a commune is recognised at; they nest: kiểu mẫu ⊂ nâng cao ⊂ NTM (QĐ 319/QĐ-TTg)."""

    ntm = "ntm"
    nang_cao = "nang_cao"
    kieu_mau = "kieu_mau"


class CongNhan(PlanModel):
    """A recognition decision (quyết định công nhận): which standard, which year."""

    chuan: ChuanNTM = Field(description="Chuẩn được công nhận: ntm, nang_cao hoặc kieu_mau")
    nam: SoNguyen = Field(ge=2010, le=2100, description="Năm được công nhận")


class DiaBan(PlanModel):
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
        default_factory=new_list,
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


class MucTieu(PlanModel):
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


class ChiTieuRieng(PlanModel):
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


class ChiTieuHienTrang(PlanModel):
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


class TieuChiKeHoach(PlanModel):
    """One criterion in the plan: figures, self-declared status, tasks and solutions."""

    hien_trang: dict[str, ChiTieuHienTrangType] = Field(
        default_factory=dict,
        description="Số liệu hiện trạng theo mã chỉ tiêu (của bộ tiêu chí, hoặc của chi_tieu_rieng)",
    )
    chi_tieu_rieng: list[ChiTieuRieng] = Field(
        default_factory=new_list,
        description="Chỉ tiêu kế hoạch tự định nghĩa cho tiêu chí này (của tỉnh, hoặc tự đặt khi bộ chưa có)",
    )
    tu_danh_gia: Annotated[TrangThai, WithJsonSchema({
        "title": "Tự đánh giá", "description": "Tự đánh giá: dat (đạt) hoặc chua_dat (chưa đạt).",
        "type": "string", "pattern": words_pattern(_STATUS_WORDS)})] | None = Field(
        None, description="Tự đánh giá (dat / chua_dat, hoặc đạt / chưa đạt); chỉ dùng khi thiếu số liệu"
    )
    nhiem_vu: DoanVan = Field(default_factory=new_list, description="Nhiệm vụ")
    giai_phap: DoanVan = Field(default_factory=new_list, description="Giải pháp")
    ghi_chu: DoanVan = Field(default_factory=new_list, description="Ghi chú (ví dụ: Trên địa bàn không có chợ)")
    nhan_giai_phap: str = Field("Giải pháp", description="Nhãn của phần giải pháp trong văn bản")

    @field_validator("tu_danh_gia", mode="before")
    @classmethod
    def _status_words(cls, value: Any) -> Any:
        if isinstance(value, str):
            return _STATUS_WORDS.get(value.strip().lower(), value)
        return value


class BoTieuChiMucTieu(PlanModel):
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
    noi_dung_khac: DoanVan = Field(default_factory=new_list, description="Các chỉ tiêu khác, mỗi dòng một ý")

    @field_validator("dat_chuan", mode="before")
    @classmethod
    def _fraction(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


class ThonKieuMau(PlanModel):
    tieu_de: str = Field("Xây dựng thôn nông thôn mới kiểu mẫu", description="Tiêu đề mục")
    thon: list[str] = Field(description="Các thôn phấn đấu đạt thôn NTM kiểu mẫu")


class MucKhac(PlanModel):
    tieu_de: str
    noi_dung: DoanVan = Field(default_factory=new_list)


class LoaiMucTieu(str, Enum):
    """Kinds of place-level targets beyond the commune's criteria (thôn, vườn, khu dân cư)."""

    thon_ntm_kieu_mau = "thon_ntm_kieu_mau"
    thon_thong_minh = "thon_thong_minh"
    khu_dan_cu_ntm_kieu_mau = "khu_dan_cu_ntm_kieu_mau"
    vuon_mau = "vuon_mau"
    khac = "khac"


class MucTieuDiaBan(PlanModel):
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


class ChiTieuKeHoach(PlanModel):
    """Targets (chỉ tiêu) of the plan year."""

    bo_tieu_chi: BoTieuChiMucTieu = Field(default_factory=BoTieuChiMucTieu)
    thon_kieu_mau: ThonKieuMau | None = None
    dia_ban: list[MucTieuDiaBan] = Field(
        default_factory=new_list,
        description="Mục tiêu theo thôn, khu dân cư, vườn: thôn NTM kiểu mẫu, thôn thông minh, vườn mẫu, …",
    )
    khac: list[MucKhac] = Field(default_factory=new_list)


class ToChucThucHien(PlanModel):
    co_quan: str = Field(description="Cơ quan, tổ chức: Đảng ủy, HĐND, UBND, …")
    tieu_de: str | None = Field(None, description="Tiêu đề (mặc định: Đối với <cơ quan>)")
    noi_dung: DoanVan = Field(description="Nhiệm vụ của cơ quan")


class NguonKinhPhi(PlanModel):
    ten: str = Field(description="Tên nguồn: ngân sách tỉnh, vốn lồng ghép, huy động, …")
    so_tien: Annotated[SoNguyen, Field(ge=0)] | None = Field(None, description="Số tiền (đồng)")


class KinhPhi(PlanModel):
    tong: Annotated[SoNguyen, Field(ge=0)] | None = Field(None, description="Tổng kinh phí (đồng)")
    nguon: list[NguonKinhPhi] = Field(default_factory=new_list)
    noi_dung: DoanVan = Field(default_factory=new_list)



class MucDichYeuCau(PlanModel):
    muc_dich: DoanVan = Field(default_factory=new_list)
    yeu_cau: DoanVan = Field(default_factory=new_list)
    kieu: KieuDanhSach | None = Field(
        None, description="Trình bày các ý như một danh sách: gach (-), cong (+), chu (a)), so (1)); mặc định: đoạn văn"
    )


class KeHoach(PlanModel):
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
    muc_tieu: DoanVan = Field(default_factory=new_list, description="Mục tiêu")
    chi_tieu: ChiTieuKeHoach = Field(default_factory=ChiTieuKeHoach, description="Chỉ tiêu")
    tieu_chi: dict[str, TieuChiKeHoach] = Field(
        default_factory=dict, description="Nhiệm vụ, giải pháp và hiện trạng theo mã tiêu chí"
    )
    thoi_gian_thuc_hien: DoanVan = Field(default_factory=new_list)
    kinh_phi: KinhPhi | None = None
    to_chuc_thuc_hien: list[ToChucThucHien] = Field(default_factory=new_list)
    phan_bo_sung: list[PhanBoSung] = Field(default_factory=new_list)
    bo_cuc: list[PhanBoCucType] | None = Field(
        None,
        description=(
            "Thứ tự và tiêu đề các phần của văn bản: muc_dich_yeu_cau, muc_tieu, nhiem_vu_giai_phap, "
            "thoi_gian_thuc_hien, kinh_phi, to_chuc_thuc_hien hoặc ma của một phan_bo_sung"
        ),
    )
    phu_luc: list[PhuLuc] = Field(default_factory=new_list, description="Các phụ lục sau chữ ký")

    @property
    def ngay(self) -> date:
        return self.van_ban.ngay_ban_hanh
