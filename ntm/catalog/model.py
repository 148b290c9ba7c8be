"""Criteria catalogs (bộ tiêu chí) as data, modelled on OpenFisca's parameters.

A catalog file holds one official set: its legal basis, its tiêu chí in
official order, each with chỉ tiêu (slug, number, text, unit, kind) and
thresholds (ngưỡng) along the set's axis (vùng or nhóm xã) and, where the
law says so, dated (`tu_ngay`/`den_ngay`; `nam` is a whole year). Every
threshold carries its source and confidence. An unknown value is written as
`gia_tri: null`: the tool then says it has none; it never guesses.

The validators here hold the invariants of a single file (finite levels in
range for their unit, no number on recalled wording); what an overlay may do
to the set it extends is checked when the two are merged (ntm.catalog.merge).
"""

# No `from __future__ import annotations` here: see ntm/plan/co_so.py.

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ntm.diagnostics.params import Cau, GiaTri
from ntm.plan.values import Ngay, SoLieuType, SoNguyen, SoThapPhan, ntm_error


def _new_list() -> list[Any]:
    """`default_factory=list`, faster to build: pydantic inspects every factory's signature,
    0.01 ms for a Python function, 0.15 ms for the builtin `list` (start-up time)."""
    return []


class DoTinCay(str, Enum):
    """Confidence codes (docs/criteria.md)."""

    V = "V"  # seen verbatim in the official text
    S = "S"  # seen in a secondary source
    I = "I"  # noqa: E741 - inferred, with the reasoning in ghi_chu
    R = "R"  # wording recalled, not confirmed by a source (never used for numbers)
    U = "U"  # unknown


class LoaiChiTieu(str, Enum):
    """The comparison operators code knows; nothing about any particular criterion."""

    toi_thieu = "toi_thieu"  # value >= threshold
    toi_da = "toi_da"  # value <= threshold
    dat = "dat"  # yes/no: the indicator must be met (có / đạt)


class DonVi(str, Enum):
    """The closed list of units an indicator may have; a new unit is a new member here."""

    phan_tram = "%"
    nha = "nhà"
    truong = "trường"
    ho = "hộ"
    nguoi = "người"
    thon = "thôn"
    mo_hinh = "mô hình"
    linh_vuc = "lĩnh vực"
    trieu_dong_nguoi_nam = "triệu đồng/người/năm"
    phan_tram_nam = "%/năm"  # a growth rate

    @property
    def la_so_dem(self) -> bool:
        """Counted things: whole numbers only."""
        return self in _COUNTS

    @property
    def co_the_am(self) -> bool:
        """A growth rate may fall below zero; nothing else may."""
        return self is DonVi.phan_tram_nam


_COUNTS = frozenset({DonVi.nha, DonVi.truong, DonVi.ho, DonVi.nguoi, DonVi.thon, DonVi.mo_hinh, DonVi.linh_vuc})


class _Model(BaseModel):
    # Built when first used, like the plan's models (ntm.plan.co_so): a run that reads no
    # criteria set builds none of these validators.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class CanCuPhapLy(_Model):
    so_hieu: str
    ten: str
    co_quan: str
    ngay_ban_hanh: Ngay
    ngay_hieu_luc: Ngay | None = None
    ngay_het_hieu_luc: Ngay | None = None
    phu_luc: str | None = None
    nguon: str | None = None
    do_tin_cay: DoTinCay = DoTinCay.S

    @property
    def trich_dan(self) -> str:
        """'QĐ 318/QĐ-TTg, Phụ lục II'."""
        return f"{self.van_ban}, Phụ lục {self.phu_luc}" if self.phu_luc else self.van_ban

    @property
    def van_ban(self) -> str:
        """The decision itself, without its annex: 'QĐ 318/QĐ-TTg'."""
        return f"QĐ {self.so_hieu}" if not self.so_hieu.startswith(("QĐ", "Quyết")) else self.so_hieu


class TiLeSoVoi(_Model):
    """A threshold defined relative to another set's (xã kiểu mẫu income: ≥ 1,1 × nâng cao)."""

    bo_tieu_chi: str
    chi_tieu: str
    he_so: SoThapPhan

    @field_validator("he_so")
    @classmethod
    def _finite_positive(cls, value: Decimal) -> Decimal:
        if not value.is_finite() or value <= 0 or value > 100:
            raise ntm_error(code="BTC020", ly_do=Cau("btc.he_so", {"gia_tri": GiaTri(str(value))}))
        return value


class Nguong(_Model):
    """One threshold value and where and when it applies."""

    vung: list[str] | None = Field(None, description="Các vùng áp dụng; bỏ trống = mọi vùng")
    nhom_xa: list[SoNguyen] | None = Field(None, description="Các nhóm xã áp dụng; bỏ trống = mọi nhóm")
    nam: SoNguyen | None = Field(None, description="Mức của riêng một năm (viết tắt cho tu_ngay/den_ngay cả năm)")
    tu_ngay: Ngay | None = Field(None, description="Áp dụng từ ngày (mức được sửa đổi: mỗi mức một khoảng ngày)")
    den_ngay: Ngay | None = Field(None, description="Áp dụng đến hết ngày")
    chung: bool = Field(False, description="Chỉ tiêu chung (cả nước); không thay cho mức của vùng")
    gia_tri: SoLieuType | None = Field(None, description="Mức (số hoặc có/không); null = chưa rõ")
    mo_ta: str | None = Field(None, description="Mức mô tả bằng lời mà công cụ không tự so sánh được")
    ti_le_so_voi: TiLeSoVoi | None = None
    nguon: str | None = None
    do_tin_cay: DoTinCay
    ghi_chu: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Nguong":
        if self.gia_tri is not None and self.gia_tri.so is not None:
            if not self.gia_tri.so.is_finite():
                raise ntm_error(code="BTC020", ly_do=Cau("btc.khong_huu_han", {"gia_tri": GiaTri(self.gia_tri.van_ban)}))
            if self.do_tin_cay in (DoTinCay.R, DoTinCay.U):
                # A number needs a source; recalled wording is not one.
                raise ntm_error(code="BTC020", ly_do=Cau("btc.so_khong_nguon", {"do_tin_cay": self.do_tin_cay.value}))
        if self.nam is not None and (self.tu_ngay is not None or self.den_ngay is not None):
            raise ntm_error(code="BTC020", ly_do=Cau("btc.nam_va_ngay"))
        if self.tu_ngay and self.den_ngay and self.den_ngay < self.tu_ngay:
            raise ntm_error(code="BTC020", ly_do=Cau("btc.ngay_nguoc"))
        return self

    @property
    def tu(self) -> date | None:
        return date(self.nam, 1, 1) if self.nam is not None else self.tu_ngay

    @property
    def den(self) -> date | None:
        return date(self.nam, 12, 31) if self.nam is not None else self.den_ngay

    @property
    def so(self) -> Decimal | None:
        return self.gia_tri.so if self.gia_tri is not None else None


class XacNhan(_Model):
    """How sure the catalog is of one fact about an indicator that its wording's source does not
    settle (its number, the criterion it sits under), and why."""

    do_tin_cay: DoTinCay
    nguon: str | None = Field(None, description="Nguồn xác nhận; bỏ trống = nguồn của chỉ tiêu")
    ghi_chu: str | None = None

    @model_validator(mode="after")
    def _reason_given(self) -> "XacNhan":
        if self.do_tin_cay is not DoTinCay.V and not self.ghi_chu:
            # Anything short of the official text says why (an inference its reasoning).
            raise ntm_error(code="BTC020", ly_do=Cau("btc.xac_nhan_thieu_ly_do", {"do_tin_cay": self.do_tin_cay.value}))
        return self


class ChiTieu(_Model):
    # so/noi_dung/loai may be left out only in a province file that adds
    # thresholds to an indicator its parent set already defines.
    ma: str
    so: str = ""
    noi_dung: str = ""
    ten_ngan: str | None = None
    don_vi: DonVi | None = None
    loai: LoaiChiTieu = LoaiChiTieu.dat
    nguong: list[Nguong] = Field(default_factory=_new_list)
    do_tin_cay: DoTinCay = Field(DoTinCay.U, description="Độ tin cậy của nội dung chỉ tiêu")
    nguon: str | None = None
    ghi_chu: str | None = None
    xac_nhan_so: XacNhan | None = Field(
        None, description="Số thứ tự chưa chắc (số tạm): độ tin cậy và lý do; bỏ trống = như nội dung chỉ tiêu"
    )
    xac_nhan_vi_tri: XacNhan | None = Field(
        None, description="Việc xếp chỉ tiêu vào tiêu chí này chưa chắc: độ tin cậy và lý do; bỏ trống = như nội dung"
    )

    @property
    def ten_hien_thi(self) -> str:
        return self.ten_ngan or self.noi_dung

    @model_validator(mode="after")
    def _levels_fit_the_unit(self) -> "ChiTieu":
        # An overlay's entry for an inherited indicator states no kind: merge checks it
        # against the inherited indicator instead.
        if "loai" in self.model_fields_set:
            for n in self.nguong:
                problem = level_problem(self, n)
                if problem is not None:
                    raise ntm_error(code="BTC020", ly_do=problem)
        return self


def level_problem(spec: ChiTieu, n: Nguong) -> Cau | None:
    """Why a level cannot be a level of this indicator (a number on a yes/no indicator,
    negative, over 100%, a fraction of a count), or None."""
    value = n.so
    if value is None:
        return None
    shown = GiaTri(n.gia_tri.van_ban if n.gia_tri else "")
    if spec.loai is LoaiChiTieu.dat:
        return Cau("btc.so_cho_co_khong", {"ma": spec.ma})
    unit = spec.don_vi
    if value < 0 and not (unit is not None and unit.co_the_am):
        return Cau("btc.am", {"ma": spec.ma, "gia_tri": shown})
    if unit is DonVi.phan_tram and value > 100:
        return Cau("btc.qua_100", {"ma": spec.ma, "gia_tri": shown})
    if unit is not None and unit.la_so_dem and value != value.to_integral_value():
        return Cau("btc.so_dem_le", {"ma": spec.ma, "gia_tri": shown})
    return None


class TieuChi(_Model):
    ma: str
    so: str = ""
    ten: str = ""
    nhom: str | None = None
    do_tin_cay: DoTinCay = DoTinCay.S
    nguon: str | None = None
    ghi_chu: str | None = None
    chi_tieu: list[ChiTieu] = Field(default_factory=_new_list)
    chi_tieu_day_du: bool = Field(
        True, description="false khi bộ tiêu chí gốc có những chỉ tiêu chưa được đưa vào đây"
    )


class QuyTacVung(_Model):
    """E.g. 318/QĐ-TTg: xã ĐBKK and xã ATK of poor districts use the TDMNPB level."""

    khi: list[Literal["xa_dac_biet_kho_khan", "xa_an_toan_khu"]]
    dung_vung: str
    noi_dung: str
    nguon: str | None = None
    do_tin_cay: DoTinCay
    ghi_chu: str | None = None


class BoTieuChiFile(_Model):
    """The catalog file as written."""

    ma: str
    ten: str
    ten_ngan: str
    giai_doan: tuple[SoNguyen, SoNguyen] | None = None
    can_cu_phap_ly: CanCuPhapLy
    ke_thua: str | None = None
    truc: Literal["vung", "nhom_xa", "khong"] = "vung"
    cac_vung: dict[str, str] = Field(default_factory=dict)
    cac_nhom_xa: dict[int, str] = Field(default_factory=dict)
    quy_tac_vung: list[QuyTacVung] = Field(default_factory=_new_list)
    so_tieu_chi: SoNguyen | None = None
    so_chi_tieu: SoNguyen | None = None
    ghi_chu: list[str] = Field(default_factory=_new_list)
    tieu_chi: list[TieuChi] = Field(default_factory=_new_list)
