"""The document view model: the plan as the signed Kế hoạch reads, in plain data.

`ntm.present.document.build.build_document(plan, assessment)` makes the one structure that both the
Markdown template (templates/ke-hoach.md.j2) and the .docx builder
(ntm.present.document.docx) render, so the two formats cannot disagree about a single
word. Everything a renderer needs is decided here: section order and Roman
numbering, the căn cứ sentences, the list of unmet criteria generated from
the assessment, bullets and labels. Renderers only choose fonts and layout.

Plan text is carried as data, untouched (no escaping, never evaluated as a
template); the fields are documented in docs/render.md for office templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ntm.plan.model import HeThong

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # NĐ 30's running text spells "HÒA"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TEN_DANG = "ĐẢNG CỘNG SẢN VIỆT NAM"

# Paragraph kinds, from the NĐ 30 "phần - mục - khoản - điểm" layout.
MUC = "muc"  # "I. MỤC TIÊU VÀ CHỈ TIÊU"
KHOAN = "khoan"  # "1. Mục tiêu"
DIEM = "diem"  # "1.1. Tiêu chí Quy hoạch"
DOAN = "doan"  # a body paragraph
GACH = "gach"  # a "- …" line


@dataclass(frozen=True)
class Chu:
    """A run of text; `dam` (bold) marks what the document emphasises, e.g. unmet criteria names."""

    noi_dung: str
    dam: bool = False


@dataclass(frozen=True)
class Khoi:
    """One paragraph: its kind and its complete text (numbering and dash included) as runs."""

    loai: str
    chu: tuple[Chu, ...]

    @property
    def van_ban(self) -> str:
        return "".join(c.noi_dung for c in self.chu)


@dataclass(frozen=True)
class Phan:
    """A Roman-numbered section ("mục") of the body."""

    so: str  # "I"
    tieu_de: str  # "MỤC TIÊU VÀ CHỈ TIÊU"
    khoi: tuple[Khoi, ...]

    @property
    def dong_tieu_de(self) -> str:
        return f"{self.so}. {self.tieu_de}"


@dataclass(frozen=True)
class PhanDau:
    """The header block (NĐ 30 ô 1-4; for Party documents the layout of HD 36-HD/VPTW)."""

    he_thong: str  # "nha_nuoc" | "dang"
    co_quan_chu_quan: str | None
    co_quan_ban_hanh: str
    so_ky_hieu: str  # "Số: 03/KH-UBND"; Party style "Số 14-KH/BCĐ"
    quoc_hieu: str  # or "ĐẢNG CỘNG SẢN VIỆT NAM"
    tieu_ngu: str | None  # None in Party documents
    dia_danh_ngay: str  # "Hương Sơn, ngày 05 tháng 01 năm 2023"

    @property
    def la_van_ban_dang(self) -> bool:
        return self.he_thong == HeThong.dang.value

    @property
    def co_quan_ban_hanh_dong(self) -> tuple[str, ...]:
        """The issuer's name as lines: a line break written in the plan is kept."""
        return tuple(line.strip() for line in self.co_quan_ban_hanh.splitlines() if line.strip())


@dataclass(frozen=True)
class ChuKy:
    """The signature block (NĐ 30 ô 7): authority lines, then the signer's name."""

    dong: tuple[str, ...]  # ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    ho_ten: str


@dataclass(frozen=True)
class TieuChiChuaDat:
    """An unmet criterion with what is missing, for the objectives sentence (and custom templates)."""

    so: str
    ten: str
    chi_tiet: tuple[str, ...]  # one item per failing indicator; empty when only self-declared


@dataclass(frozen=True)
class TongHopDanhGia:
    tong_so: int
    dat: int
    chua_dat: int
    chua_co_du_lieu: int


@dataclass(frozen=True)
class VanBanKeHoach:
    """The whole document, top to bottom."""

    phan_dau: PhanDau
    ten_loai: str  # "KẾ HOẠCH"
    trich_yeu: str
    can_cu: tuple[str, ...]  # full sentences, each ending ";" and the last "."
    phan: tuple[Phan, ...]
    cau_ket: str | None
    noi_nhan: tuple[str, ...]  # "- VPĐPXDNTM huyện;"
    chu_ky: ChuKy
    # Facts a custom template may want; the built-in one does not need them.
    xa: str
    huyen: str | None
    tinh: str
    nam: int
    bo_tieu_chi: str  # the set's full name
    tieu_chi_chua_dat: tuple[TieuChiChuaDat, ...] = field(default=())
    tong_hop: TongHopDanhGia | None = None
