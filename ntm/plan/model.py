"""The plan (Kế hoạch) as a pydantic model: the format documented in docs/plan-format.md.

Keys are Vietnamese without diacritics; values keep their diacritics.
`extra="forbid"` everywhere, so a misspelt key is an error at its own line.
Criteria and indicators are referred to by the catalog's slugs; whether a
slug exists is checked against the catalog in `ntm.rules`.
"""

# No `from __future__ import annotations` here: see ntm/plan/co_so.py.

from datetime import date
from enum import Enum
from typing import Annotated, Any, TypeVar

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ntm.diagnostics.params import Cau, GiaTri
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


class CapDiaBan(str, Enum):
    """Whose plan it is: a commune's (the default), a district's or a province's."""

    xa = "xa"
    huyen = "huyen"
    tinh = "tinh"


TEN_CAP = {CapDiaBan.xa: "xã", CapDiaBan.huyen: "huyện", CapDiaBan.tinh: "tỉnh"}
"""Each level's word, as a document writes it before a name (tỉnh Nam Định)."""

# Settings that only a commune has: a district's or a province's plan may not carry them.
_CHI_CAP_XA = ("xa", "ma_xa", "hop_nhat_tu", "vung", "nhom_xa", "xa_dac_biet_kho_khan", "xa_an_toan_khu", "cong_nhan")


MA_XA_SO_CHU_SO = 5  # the official code of a commune-level unit (danh mục đơn vị hành chính)


class DiaBan(PlanModel):
    cap: CapDiaBan = Field(
        CapDiaBan.xa, description="Cấp của kế hoạch: xa (mặc định), huyen hoặc tinh; kế hoạch cấp huyện, tỉnh không có xa"
    )
    xa: str | None = Field(None, description="Tên xã (bắt buộc với kế hoạch cấp xã)")
    ma_xa: Annotated[str, WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\s*[0-9]{5}\s*$"},
                                                    {"type": "integer", "minimum": 10000, "maximum": 99999}]})] | None = Field(
        None, description="Mã đơn vị hành chính cấp xã (5 chữ số, theo danh mục chính thức): định danh xã trong ntm report"
    )
    hop_nhat_tu: list[str] = Field(
        default_factory=new_list,
        description="Các xã hợp nhất thành xã này (sắp xếp năm 2025): mã hoặc tên, để nối tiến độ của các xã cũ",
    )
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

    @model_validator(mode="after")
    def _fits_level(self) -> "DiaBan":
        if self.cap is CapDiaBan.xa:
            if self.xa is None:
                raise ntm_error(Cau("dia_ban.can_xa"), "SCH009")
            return self
        for key in _CHI_CAP_XA:
            if key in self.model_fields_set:
                raise ntm_error(Cau("dia_ban.chi_cap_xa", {"khoa": key, "cap": TEN_CAP[self.cap]}), "SCH009", khoa=key)
        if self.cap is CapDiaBan.huyen and self.huyen is None:
            raise ntm_error(Cau("dia_ban.can_huyen"), "SCH009")
        if self.cap is CapDiaBan.tinh and self.huyen is not None:
            raise ntm_error(Cau("dia_ban.chi_cap_xa", {"khoa": "huyen", "cap": "tỉnh"}), "SCH009", khoa="huyen")
        return self

    @field_validator("ma_xa", mode="before")
    @classmethod
    def _ma_xa(cls, value: Any) -> Any:
        """An official code is 5 digits; written as a number or text, it stays text (leading zeros kept)."""
        if value is None:
            return value
        text = str(value).strip()
        if not (len(text) == MA_XA_SO_CHU_SO and text.isascii() and text.isdigit()):
            raise ntm_error(Cau("dia_ban.ma_xa", {"gia_tri": GiaTri(str(value))}))
        return text


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
    def _ordered(self) -> "MucTieu":
        if self.den is not None and self.tu.so is not None and self.den.so is not None and self.den.so < self.tu.so:
            raise ntm_error(Cau("muc_tieu.nguoc", {"tu": self.tu.van_ban, "den": self.den.van_ban}))
        return self


_MUC_TIEU_SCHEMA: dict[str, Any] = {
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
MucTieuType = Annotated[MucTieu, BeforeValidator(_range), WithJsonSchema(_MUC_TIEU_SCHEMA)]


# -- staged targets (a multi-year plan's lộ trình: {2026: 70%, 2028: 85%, 2030: 100%}) ----------------

NamMoc = Annotated[SoNguyen, Field(ge=2010, le=2100)]
"""A year a staged target is set for."""

T = TypeVar("T")


def _year_key(key: Any) -> bool:
    if isinstance(key, int) and not isinstance(key, bool):
        return True
    return isinstance(key, str) and key.strip().isascii() and key.strip().isdigit()


def theo_nam(value: Any) -> bool:
    """A mapping whose every key is a year: a staged target, not a target's own keys."""
    return isinstance(value, dict) and bool(value) and all(_year_key(k) for k in value)


def _mot_hay_lo_trinh(value: Any) -> str:
    return "lo_trinh" if theo_nam(value) else "mot"


def cac_moc(value: dict[int, T] | T | None) -> tuple[tuple[int | None, T], ...]:
    """A target as its stages, by year: a staged target's years in order; a single target as one
    stage without a year; none as none."""
    if value is None:
        return ()
    if isinstance(value, dict):
        return tuple(sorted(value.items()))
    return ((None, value),)


def _lo_trinh_schema(item: dict[str, Any]) -> WithJsonSchema:
    return WithJsonSchema({
        "title": "Lộ trình theo năm",
        "description": "Mục tiêu theo từng năm của kế hoạch giai đoạn: {2026: …, 2028: …, 2030: …}.",
        "type": "object",
        "propertyNames": {"pattern": r"^[0-9]{4}$"},
        "additionalProperties": item,
    })


LoTrinhMucTieu = Annotated[dict[NamMoc, MucTieuType], _lo_trinh_schema(_MUC_TIEU_SCHEMA)]

MucTieuChiTieu = Annotated[
    Annotated[MucTieuType, Tag("mot")] | Annotated[LoTrinhMucTieu, Tag("lo_trinh")],
    Discriminator(_mot_hay_lo_trinh),
]
"""An indicator's target: one level for the plan year, or a level by year (a multi-year plan)."""


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
    def _kind_fits(self) -> "ChiTieuRieng":
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
    muc_tieu: MucTieuChiTieu | None = Field(
        None, description="Mức phấn đấu trong năm kế hoạch; kế hoạch giai đoạn: theo năm {2026: 70%, 2030: 100%}"
    )
    don_vi: str | None = Field(None, description="Đơn vị (để đối chiếu với bộ tiêu chí)")
    ghi_chu: str | None = Field(None, description="Ghi chú, nguồn số liệu")

    @property
    def muc_tieu_cuoi(self) -> MucTieu | None:
        """The target at the end of the plan: the only one, or the last stage's."""
        stages = cac_moc(self.muc_tieu)
        return stages[-1][1] if stages else None

    @property
    def lo_trinh(self) -> tuple[tuple[int, MucTieu], ...]:
        """The staged targets by year; empty for a single target."""
        return tuple((y, t) for y, t in cac_moc(self.muc_tieu) if y is not None)


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
    dat_chuan: Annotated[
        Annotated[str, Tag("mot")]
        | Annotated[dict[NamMoc, str], Tag("lo_trinh"), _lo_trinh_schema({"type": "string"})],
        Discriminator(_mot_hay_lo_trinh),
    ] | None = Field(
        None,
        description=(
            "Số tiêu chí phấn đấu đạt, dạng '19/19' (phấn đấu / tổng số); kế hoạch giai đoạn: theo năm "
            "{2026: '15/19', 2030: '19/19'}"
        ),
    )
    noi_dung_khac: DoanVan = Field(default_factory=new_list, description="Các chỉ tiêu khác, mỗi dòng một ý")

    @field_validator("dat_chuan", mode="before")
    @classmethod
    def _fraction(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if theo_nam(value):
            return {k: str(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in value.items()}
        return value


class ThonKieuMau(PlanModel):
    tieu_de: str = Field("Xây dựng thôn nông thôn mới kiểu mẫu", description="Tiêu đề mục")
    thon: list[str] = Field(description="Các thôn phấn đấu đạt thôn NTM kiểu mẫu")


class MucKhac(PlanModel):
    tieu_de: str
    noi_dung: DoanVan = Field(default_factory=new_list)


# Words that name a place's unit: written lower case inside a sentence ("Xây dựng thôn Phú
# Thượng", not "Thôn Phú Thượng"); a name without one gets the target's own.
DON_VI_NOI = frozenset({"thôn", "bản", "ấp", "buôn", "làng", "xóm", "tổ", "khu", "hộ", "vườn", "sóc", "plei", "phum", "xã"})


def ten_noi(name: str, unit: str | None) -> str:
    """A place of a target as a sentence names it: 'thôn Phú Thượng' from 'Thôn Phú Thượng', or the
    target's unit before a bare name ('Phú Hạ' -> 'thôn Phú Hạ'); what `ntm render` writes and
    `ntm import` reads back."""
    first, _, rest = name.partition(" ")
    if first.lower() in DON_VI_NOI:
        return f"{first.lower()} {rest}".rstrip()
    return f"{unit} {name}" if unit else name


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
    noi: Annotated[
        Annotated[list[str], Tag("mot")]
        | Annotated[dict[NamMoc, list[str]], Tag("lo_trinh"),
                    _lo_trinh_schema({"type": "array", "items": {"type": "string"}})],
        Discriminator(_mot_hay_lo_trinh),
    ] = Field(description="Các nơi phấn đấu đạt: thôn, khu dân cư, hộ có vườn; kế hoạch giai đoạn: theo năm")

    @model_validator(mode="after")
    def _named(self) -> "MucTieuDiaBan":
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


def _period(value: Any) -> Any:
    """`2026-2030` or `[2026, 2030]` -> {tu: 2026, den: 2030}."""
    if isinstance(value, str) and "-" in value.replace("–", "-"):
        first, _, last = value.replace("–", "-").partition("-")
        return {"tu": first.strip(), "den": last.strip()}
    if isinstance(value, list) and len(value) == 2:
        return {"tu": value[0], "den": value[1]}
    return value


class GiaiDoanKeHoach(PlanModel):
    """A multi-year plan's period (kế hoạch giai đoạn): its first and last year."""

    tu: NamMoc = Field(description="Năm đầu")
    den: NamMoc = Field(description="Năm cuối")

    @model_validator(mode="after")
    def _ordered(self) -> "GiaiDoanKeHoach":
        if self.den <= self.tu:
            raise ntm_error(Cau("giai_doan.nguoc", {"tu": self.tu, "den": self.den}), "SCH008")
        return self


GiaiDoanKeHoachType = Annotated[
    GiaiDoanKeHoach,
    BeforeValidator(_period),
    WithJsonSchema({
        "title": "Giai đoạn kế hoạch",
        "description": "Kế hoạch nhiều năm: {tu: 2026, den: 2030} (hoặc '2026-2030'); thay cho nam.",
        "anyOf": [
            {"type": "object", "properties": {"tu": {}, "den": {}}, "required": ["tu", "den"],
             "additionalProperties": False},
            {"type": "string", "pattern": r"^\s*[0-9]{4}\s*[-–]\s*[0-9]{4}\s*$"},
        ],
    }),
]


class KeHoach(PlanModel):
    """Kế hoạch xây dựng nông thôn mới: của một xã (hoặc một huyện, một tỉnh), trong một năm hoặc một giai đoạn."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        title="Kế hoạch xây dựng nông thôn mới (ntm)",
    )

    phien_ban: SoNguyen = Field(1, ge=1, le=1, description="Phiên bản định dạng tệp kế hoạch (hiện là 1)")
    van_ban: VanBan
    dia_ban: DiaBan
    nam: NamMoc | None = Field(None, description="Năm kế hoạch (kế hoạch năm); kế hoạch nhiều năm ghi giai_doan")
    giai_doan: GiaiDoanKeHoachType | None = Field(
        None, description="Giai đoạn của kế hoạch nhiều năm: {tu: 2026, den: 2030}; thay cho nam"
    )
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

    @model_validator(mode="after")
    def _one_period(self) -> "KeHoach":
        if self.nam is None and self.giai_doan is None:
            raise ntm_error(Cau("ky.thieu"), "SCH008")
        if self.nam is not None and self.giai_doan is not None:
            raise ntm_error(Cau("ky.ca_hai", {"nam": self.nam}), "SCH008", khoa="giai_doan")
        return self

    @property
    def ngay(self) -> date:
        return self.van_ban.ngay_ban_hanh

    @property
    def nam_dau(self) -> int:
        """The plan's first year: its year, or its period's first."""
        return self.giai_doan.tu if self.giai_doan is not None else _year(self.nam)

    @property
    def nam_cuoi(self) -> int:
        """The plan's last year: its year, or its period's last (the year its targets are for)."""
        return self.giai_doan.den if self.giai_doan is not None else _year(self.nam)

    @property
    def cap(self) -> CapDiaBan:
        return self.dia_ban.cap


def _year(nam: int | None) -> int:
    assert nam is not None  # a valid plan has a year or a period (_one_period)
    return nam
