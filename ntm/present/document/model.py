"""The document view model: the plan as the signed Kế hoạch reads, in plain data.

`ntm.present.document.build.build_document(plan, assessment)` makes the one structure that both the
Markdown template (templates/ke-hoach.md.j2) and the .docx builder
(ntm.present.document.ghi_docx) render, so the two formats cannot disagree about a single
word. Everything a renderer needs is decided here: section order and Roman
numbering, the căn cứ sentences, the list of unmet criteria generated from
the assessment, bullets and labels. Renderers only choose fonts and layout.

Plan text is carried as data, untouched (no escaping, never evaluated as a
template); the fields are documented in docs/render.md for office templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ntm.plan.van_ban import HeThong

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # NĐ 30's running text spells "HÒA"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TEN_DANG = "ĐẢNG CỘNG SẢN VIỆT NAM"
DU_THAO = "DỰ THẢO"  # how offices mark a draft, boxed above the header block

# Paragraph kinds, from the NĐ 30 "phần - mục - khoản - điểm" layout.
MUC = "muc"  # "I. MỤC TIÊU VÀ CHỈ TIÊU"
KHOAN = "khoan"  # "1. Mục tiêu"
DIEM = "diem"  # "1.1. Tiêu chí Quy hoạch"
TIET = "tiet"  # "a) …", the fourth level of a custom section
DOAN = "doan"  # a body paragraph
GACH = "gach"  # a list item ("- …", "+ …", "a) …", "1) …": `Khoi.kieu` says which)
BANG = "bang"  # a table (`Bang`)

HEADINGS = (KHOAN, DIEM, TIET)  # the levels below a Roman-numbered section, in order


@dataclass(frozen=True)
class Chu:
    """A run of text; `dam` (bold) marks what the document emphasises, e.g. unmet criteria names.

    A run with `chu_thich` set is a footnote reference: `noi_dung` is its number as printed,
    and the note's text is `VanBanKeHoach.chu_thich[chu_thich - 1]`.
    """

    noi_dung: str
    dam: bool = False
    chu_thich: int | None = None


@dataclass(frozen=True)
class Khoi:
    """One paragraph: its kind and its complete text (numbering and list marker included) as runs."""

    loai: str
    chu: tuple[Chu, ...]
    kieu: str | None = None  # list items: gach | cong | chu | so (the marker is already in the text)

    @property
    def van_ban(self) -> str:
        """The text without footnote references (they are rendered by each writer its own way)."""
        return "".join(c.noi_dung for c in self.chu if c.chu_thich is None)


@dataclass(frozen=True)
class OTieuDe:
    """A header cell: its text and how many columns and header rows it spans (merged cells)."""

    noi_dung: str
    so_cot: int = 1
    so_dong: int = 1


@dataclass(frozen=True)
class Bang:
    """A table: header rows with merged cells, body rows as formatted text, an optional totals row."""

    tieu_de: str | None
    don_vi: str | None  # "Đơn vị tính: triệu đồng", above the table on the right
    hang_tieu_de: tuple[tuple[OTieuDe, ...], ...]  # header rows; a cell spanning rows appears once
    cot: tuple[str, ...]  # one label per column, the merged headers joined ("Kinh phí: Ngân sách tỉnh")
    dong: tuple[tuple[str, ...], ...]  # body rows, numbers already in the Vietnamese way
    can_phai: tuple[bool, ...]  # per column: numbers, aligned right
    dong_tong: bool = False  # the last body row is the totals row (bold)
    bang_chu: str | None = None  # "Bằng chữ: …" under a total in đồng
    loai: str = BANG

    @property
    def so_cot(self) -> int:
        return len(self.cot)


@dataclass(frozen=True)
class Phan:
    """A Roman-numbered section ("mục") of the body."""

    so: str  # "I"
    tieu_de: str  # "MỤC TIÊU VÀ CHỈ TIÊU"
    khoi: tuple[Khoi | Bang, ...]

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
    def co_quan_chu_quan_dong(self) -> tuple[str, ...]:
        """The superior bodies as lines, one level a line (ĐẢNG BỘ HUYỆN … / ĐẢNG ỦY XÃ …)."""
        text = self.co_quan_chu_quan or ""
        return tuple(line.strip() for line in text.splitlines() if line.strip())

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
class PhuLuc:
    """An annex after the signature: "PHỤ LỤC I", its title, the line tying it to the plan, its blocks."""

    so: str  # "I", or "" when the plan has one annex
    tieu_de: str  # upper case
    kem_theo: str  # "(Kèm theo Kế hoạch số 14-KH/BCĐ ngày 05/02/2025 của Ban Chỉ đạo xã Cẩm Hà)"
    khoi: tuple[Khoi | Bang, ...]
    kho_ngang: bool  # laid out on landscape pages (.docx)

    @property
    def dong_tieu_de(self) -> str:
        return f"PHỤ LỤC {self.so}".rstrip()


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
    xa: str | None  # None in a district's or a province's plan (cap)
    huyen: str | None
    tinh: str
    nam: int | None  # None in a multi-year plan (giai_doan)
    bo_tieu_chi: str  # the set's full name
    tieu_chi_chua_dat: tuple[TieuChiChuaDat, ...] = field(default=())
    tong_hop: TongHopDanhGia | None = None
    mo_dau: tuple[str, ...] = ()  # paragraphs between the căn cứ and section I
    phu_luc: tuple[PhuLuc, ...] = ()
    chu_thich: tuple[str, ...] = ()  # footnote texts, numbered from 1 in reading order
    phan_cach_trich_yeu: str | None = None  # Party documents: "-----" under the trích yếu (HD 36 1.5.2)
    cap: str = "xa"  # whose plan: xa, huyen, tinh
    giai_doan: tuple[int, int] | None = None  # a multi-year plan's first and last year
    ky: str = ""  # the plan's period in words: "năm 2026", "giai đoạn 2026 - 2030"
    du_thao: str | None = None  # "DỰ THẢO" above the header block of a draft (`ntm render --du-thao`)
