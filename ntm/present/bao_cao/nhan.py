"""Every Vietnamese word of `ntm report`: headings, column names, bands, notes, definitions.

One place per label: the builder takes them from here and the writers only
lay them out. The facts they name (the standards and their order, the bands)
are data in ntm.tong_hop.chuan; statuses come from ntm.present.wording, as in
`check`. Definitions quote shared/reference/report-forms.md (docs/report.md cites it).
"""

from __future__ import annotations

from functools import cache

from ntm.assess.result import KetQua, LyDo
from ntm.plan.model import ChuanNTM
from ntm.present.wording import TRANG_THAI, trang_thai
from ntm.tong_hop.chuan import SAN_TIEU_CHI, KhoangTieuChi
from ntm.tong_hop.gop import LoaiVanDe
from ntm.tong_hop.theo_nhom import PhanTo
from ntm.tong_hop.tom_tat import TrangThaiTieuChi

TIEU_DE = "Báo cáo kết quả xây dựng nông thôn mới"

CHUAN = {ChuanNTM.ntm: "NTM", ChuanNTM.nang_cao: "NTM nâng cao", ChuanNTM.kieu_mau: "NTM kiểu mẫu"}
CHUAN_KHONG_RO = "không rõ"

# A criterion that cannot be judged: the report says "chưa đánh giá được" and why.
CHUA_DANH_GIA = "Chưa đánh giá được"
LY_DO = {
    LyDo.khong_co_so_lieu: "chưa có số liệu",
    LyDo.chua_co_nguong: "chưa có mức chính thức",
    LyDo.danh_muc_chua_du: "danh mục chỉ tiêu chưa đủ",
}


@cache
def o_trang_thai(code: TrangThaiTieuChi) -> str:
    """The matrix cell's words: 'Đạt', 'Đạt (tự đánh giá)', 'Chưa đánh giá được: chưa có số liệu'."""
    if code.ly_do is not None:
        return f"{CHUA_DANH_GIA}: {LY_DO[code.ly_do]}"
    return trang_thai(code.ket_qua, code.theo_tu_danh_gia)


# Short forms for the heat map's legend.
CHU_GIAI = {
    TrangThaiTieuChi.dat: TRANG_THAI[KetQua.dat],
    TrangThaiTieuChi.dat_tu_danh_gia: trang_thai(KetQua.dat, True),
    TrangThaiTieuChi.chua_dat: TRANG_THAI[KetQua.chua_dat],
    TrangThaiTieuChi.chua_dat_tu_danh_gia: trang_thai(KetQua.chua_dat, True),
    TrangThaiTieuChi.thieu_so_lieu: LY_DO[LyDo.khong_co_so_lieu].capitalize(),
    TrangThaiTieuChi.chua_co_muc: LY_DO[LyDo.chua_co_nguong].capitalize(),
    TrangThaiTieuChi.danh_muc_chua_du: LY_DO[LyDo.danh_muc_chua_du].capitalize(),
}


def nhom(khoang: KhoangTieuChi) -> str:
    """A band of the 19-criteria sets: '19 tiêu chí', '15–18 tiêu chí', 'Dưới 5 tiêu chí'."""
    if khoang.thap == khoang.cao:
        return f"{khoang.thap} tiêu chí"
    if khoang.thap == 0:
        return f"Dưới {khoang.cao + 1} tiêu chí"
    return f"{khoang.thap}–{khoang.cao} tiêu chí"


DUOI_15 = f"Số xã dưới {SAN_TIEU_CHI} tiêu chí"

# ----------------------------------------------------------------------------- sections
PHAN_MA_TRAN = "1. Ma trận xã × tiêu chí"
PHAN_TIEU_CHI = "2. Theo tiêu chí"
PHAN_CHI_SO = "3. Chỉ số toàn tỉnh"
PHAN_TIEN_DO = "4. Tiến độ qua các năm"
PHAN_VAN_DE = "5. Kế hoạch có vấn đề"

MO_TA_MA_TRAN = (
    "Mỗi dòng là kế hoạch của một xã trong một năm; mỗi ô là kết quả đánh giá một tiêu chí theo bộ tiêu chí "
    "kế hoạch áp dụng. \"Tự đánh giá\": số liệu chưa đủ để kết luận, kết quả là tự đánh giá của xã (vẫn được tính).",
)
MO_TA_TIEU_CHI = (
    "Số xã chưa đạt từng tiêu chí, xếp từ nhiều đến ít, theo bộ tiêu chí và năm; bảng sau là các chỉ tiêu "
    "của từng tiêu chí, với phân bố số liệu giữa các xã so với mức yêu cầu và nguồn của mức.",
)
MO_TA_CHI_SO = (
    "Số xã đạt chuẩn theo năm, tách \"đã được công nhận\" (quyết định công nhận, khóa dia_ban.cong_nhan) với "
    "\"đạt đủ tiêu chí theo rà soát\" (kết quả đánh giá năm đó); mỗi tỷ lệ ghi rõ mẫu số. Sau đó: bình quân "
    "tiêu chí/xã và nhóm xã theo số tiêu chí đạt, rồi theo nhóm (tỉnh, huyện cũ, vùng hoặc nhóm xã).",
)
MO_TA_TIEN_DO = (
    "Các xã có kế hoạch ở nhiều năm: số tiêu chí đạt từng năm và tiêu chí mới đạt, không còn đạt so với năm "
    "trước. Chỉ so sánh khi hai năm cùng một bộ tiêu chí.",
)
MO_TA_VAN_DE = (
    "Tệp không hợp lệ (xem chi tiết bằng ntm check), các tệp trùng xã, năm và các mục trong thư mục không đọc "
    "được: không được tính vào bất kỳ bảng nào ở trên. Sau đó: các xã cần kiểm tra định danh (vẫn được tính).",
)

# ----------------------------------------------------------------------------- scope
PV_TEP = "Số tệp đã đọc"
PV_KE_HOACH = "Số kế hoạch được tính"
PV_XA = "Số xã"
PV_NAM = "Các năm"
PV_BO = "Các bộ tiêu chí"
PV_LOC = "Bộ lọc"
PV_VAN_DE = "Số tệp có vấn đề (không tính)"
PV_KHONG_LOC = "không có"
PV_MO_HO = "Số kế hoạch của xã cùng tên chưa phân biệt được (vẫn tính, mỗi tên một xã)"
PV_KHONG_KHOP = "không có kế hoạch nào khớp bộ lọc"
# The title names where and when: "… tỉnh Quảng Trị, năm 2023–2025".
TIEU_DE_TINH = "tỉnh {tinh}"
TIEU_DE_CAC_TINH = "{n} tỉnh"
TIEU_DE_NAM = "năm {nam}"
# The filters in words, as the report's reader needs them (not the flags typed).
LOC_TINH = "chỉ các kế hoạch của tỉnh {tinh}"
LOC_NAM = "chỉ năm {nam}"
LOC_CAC_NAM = "chỉ các năm {dau}–{cuoi}"
LOC_BO = "chỉ bộ tiêu chí {bo}"

# ----------------------------------------------------------------------------- tables
BANG_MA_TRAN = "Ma trận tiêu chí"
TRANG_MA_TRAN = "Ma trận"  # sheet names: "Ma trận xã NTM 2021-2025" (plain words: "MT" read as mục tiêu)
TIEN_TO_BO = "Bộ tiêu chí "  # left out of a sheet name
BANG_TIEU_CHI = "Số xã chưa đạt theo tiêu chí"
TRANG_TIEU_CHI = "Theo tiêu chí"
BANG_CHI_TIEU = "Chỉ tiêu: phân bố số liệu so với mức yêu cầu"
TRANG_CHI_TIEU = "Chỉ tiêu"
BANG_CHUAN = "Số xã đạt chuẩn theo năm"
TRANG_CHUAN = "Đạt chuẩn theo năm"
BANG_BINH_QUAN = "Bình quân tiêu chí/xã và nhóm xã theo số tiêu chí đạt"
TRANG_BINH_QUAN = "Bình quân và nhóm"
BANG_NHOM = "Theo tỉnh, huyện (cũ), vùng hoặc nhóm xã"
TRANG_NHOM = "Theo nhóm"
BANG_TIEN_DO = "Tiến độ từng xã qua các năm"
TRANG_TIEN_DO = "Tiến độ"
BANG_VAN_DE = "Tệp không hợp lệ, trùng hoặc không đọc được"
BANG_DINH_DANH = "Xã cần kiểm tra định danh"
BANG_KHONG_PHAI_XA = "Kế hoạch cấp tỉnh, huyện (không tính là xã)"
TRANG_KHONG_PHAI_XA = "Cấp tỉnh, huyện"
DIA_BAN = "Địa bàn"
PV_KHONG_PHAI_XA = "Số kế hoạch cấp tỉnh, huyện (liệt kê riêng, không tính là xã)"
GC_KHONG_PHAI_XA = ("Nhận biết theo tên địa bàn (dia_ban.xa: \"Toàn tỉnh\", \"Cấp tỉnh\", \"Toàn huyện\"…); không tính vào "
                    "số xã, tỷ lệ hay bình quân nào.")
TRANG_DINH_DANH = "Định danh xã"
TRANG_VAN_DE = "Có vấn đề"
TRANG_PHAM_VI = "Phạm vi"

# columns
STT = "STT"
TINH = "Tỉnh"
HUYEN = "Huyện (cũ)"
XA = "Xã"
VUNG = "Vùng / nhóm xã"
NAM = "Năm"
BO = "Bộ tiêu chí"
SO_TC_BO = "Số tiêu chí của bộ"
CHUAN_HUONG_TOI = "Chuẩn hướng tới"
CONG_NHAN = "Đã được công nhận"
TEP = "Tệp"
SO_DAT = "Số tiêu chí đạt"
SO_TDG = "Trong đó tự đánh giá"
SO_CHUA_DAT = "Số tiêu chí chưa đạt"
SO_CDD = "Số tiêu chí chưa đánh giá được"
NHOM_TC = "Nhóm theo số tiêu chí đạt"
TIEU_CHI = "Tiêu chí"
SO_HIEU = "Số"
XA_CHUA_DAT = "Số xã chưa đạt"
TL_CHUA_DAT = "Tỷ lệ xã chưa đạt (÷ số xã đánh giá theo bộ)"
XA_DANH_GIA = "Số xã đánh giá theo bộ (mẫu số)"
XA_DAT = "Số xã đạt"
XA_DAT_TDG = "Trong đó đạt theo tự đánh giá"
XA_CDD = "Số xã chưa đánh giá được"
XEP_HANG = "Xếp hạng (1 = nhiều xã chưa đạt nhất)"
TG_CHUA_DAT = "Tăng/giảm số xã chưa đạt so với năm trước (trên các xã có kế hoạch cả hai năm)"
CT_CHUA_DAT_NHIEU = "Chỉ tiêu nhiều xã chưa đạt nhất"
CHI_TIEU = "Chỉ tiêu"
DON_VI = "Đơn vị"
XA_CO_SO_LIEU = "Số xã có số liệu"
NHO_NHAT = "Nhỏ nhất"
TRUNG_VI = "Trung vị"
LON_NHAT = "Lớn nhất"
MUC_YEU_CAU = "Mức yêu cầu (số xã áp dụng)"
XA_DUOI_MUC = "Số xã chưa đạt mức"
XA_CHUA_CO_MUC = "Số xã có số liệu nhưng chưa có mức"
XA_THIEU_SO_LIEU = "Số xã chưa có số liệu"
NGUON_MUC = "Nguồn của mức"
SO_XA = "Số xã có kế hoạch hợp lệ (mẫu số)"
SO_XA_BO = "Số xã đánh giá theo bộ"
SO_XA_NHOM = "Số xã của nhóm"
CHUA_DU = "Số xã chưa đủ dữ liệu để xếp nhóm (có tiêu chí chưa đánh giá được)"
SO_XA_DU = "Số xã đánh giá được đủ tiêu chí (mẫu số của bình quân và nhóm)"
TONG_TC_DAT = "Tổng số tiêu chí đạt (của các xã đánh giá được đủ)"
BINH_QUAN = "Bình quân tiêu chí/xã (÷ số xã đánh giá được đủ)"
SO_XA_SO_SANH = "Số xã so sánh với năm trước (có kế hoạch cả hai năm, đánh giá được đủ)"
SO_XA_HAI_NAM = "Số xã so sánh với năm trước (có kế hoạch cả hai năm)"
TG_BINH_QUAN = "Tăng/giảm bình quân so với năm trước (trên các xã so sánh)"
NAM_GOC = "Năm gốc (năm đầu giai đoạn của bộ, hoặc năm đầu có trong dữ liệu)"
SO_XA_SO_SANH_GOC = "Số xã so sánh với năm gốc (có kế hoạch cả hai năm, đánh giá được đủ)"
TG_TU_NAM_GOC = "Tăng/giảm bình quân so với năm gốc (trên các xã so sánh)"
TL_CONG_NHAN_CHUAN_BO = "Tỷ lệ đã công nhận (÷ số xã đánh giá theo bộ)"
PHAN_TO = "Phân tổ"
TEN_NHOM = "Nhóm"
XA_DAT_DU = "Số xã đạt đủ mọi tiêu chí (theo rà soát)"
TL_DAT_DU = "Tỷ lệ (÷ số xã của nhóm)"
XA_CONG_NHAN_BO = "Số xã đã được công nhận chuẩn của bộ"
TL_CONG_NHAN_BO = "Tỷ lệ đã công nhận (÷ số xã của nhóm)"
TG_SO_DAT = "Tăng/giảm số tiêu chí đạt"
MOI_DAT = "Tiêu chí mới đạt"
KHONG_CON_DAT = "Tiêu chí không còn đạt"
GHI_CHU = "Ghi chú"
VAN_DE = "Vấn đề"
SO_LOI = "Số lỗi"
SO_CANH_BAO = "Số cảnh báo"
TRUNG_VOI = "Trùng với"
CHI_TIET = "Chi tiết"
MO_HO = "Cùng tên, không phân biệt được"
MO_HO_CO_THE = "không ghi huyện (cũ) và mã xã; có thể là: {cac_xa}"
HOP_NHAT_KHONG_RO = "hop_nhat_tu không khớp đúng một xã"
HOP_NHAT_KHONG_RO_CHI_TIET = "'{muc}': không có, hoặc có nhiều hơn một, xã mang mã hoặc tên này trong dữ liệu"
GC_DINH_DANH = ("Định danh xã: mã xã (dia_ban.ma_xa) nếu có; nếu không: tỉnh, huyện (cũ) và tên xã. Thêm ma_xa vào "
                "các kế hoạch trên để báo cáo nối đúng xã qua các năm.")
VAN_DE_LOAI = {
    LoaiVanDe.khong_hop_le: "Kế hoạch không hợp lệ",
    LoaiVanDe.bo_tieu_chi_loi: "Tệp bộ tiêu chí có lỗi",
    LoaiVanDe.trung: "Trùng xã và năm với tệp khác",
    LoaiVanDe.bo_qua: "Không đọc được, bỏ qua (liên kết lặp vòng hoặc hỏng, FIFO, thiết bị)",
}
MUC_TIEU_TRUOC = "Kế hoạch: số tiêu chí phấn đấu (kế hoạch năm trước)"
DAT_MUC_TIEU = "Thực hiện so với kế hoạch"
DAT_MT = {True: "đạt", False: "chưa đạt"}
BANG_KH_TH = "Kế hoạch / thực hiện: số tiêu chí phấn đấu đạt và số tiêu chí đạt năm sau"
TRANG_KH_TH = "Kế hoạch - thực hiện"
KH_CO_MUC_TIEU = "Số xã có kế hoạch năm trước ghi số tiêu chí phấn đấu (mẫu số)"
KH_DAT = "Số xã đạt kế hoạch"
KH_TL = "Tỷ lệ (÷ số xã có mục tiêu)"
KH_BQ_KE_HOACH = "Bình quân kế hoạch (tiêu chí/xã)"
KH_BQ_THUC_HIEN = "Bình quân thực hiện (tiêu chí/xã)"
GC_KH_TH = ("Kế hoạch: chi_tieu.bo_tieu_chi.dat_chuan của kế hoạch năm trước (\"17/19\" → 17); thực hiện: số tiêu chí đạt "
            "theo kế hoạch năm nay của cùng xã, cùng bộ tiêu chí.")
BANG_MAT = "Xã không còn đạt tiêu chí so với năm trước, theo tiêu chí"
TRANG_MAT = "Không còn đạt"
SO_XA_MAT = "Số xã không còn đạt"
TL_MAT = "Tỷ lệ (÷ số xã so sánh)"
CAC_XA = "Các xã"
VA_XA_KHAC = "… và {so_xa} xã khác"
GC_MAT = ("Xã đạt tiêu chí năm trước và chưa đạt năm nay, cùng bộ tiêu chí, trên các xã có kế hoạch cả hai năm; "
          "tiêu chí chuyển sang chưa đánh giá được không tính là không còn đạt.")
HOP_NHAT_TU = "hợp nhất từ {cac_xa} (sắp xếp đơn vị hành chính): không so sánh"
HOP_NHAT_VAO = "hợp nhất vào xã {xa} năm {nam}"
MA_XA = "Mã xã"
DOI_BO = "đổi bộ tiêu chí ({cu} → {moi}): không so sánh"
NAM_DAU = "năm đầu có kế hoạch"
KHONG_CO_HUYEN = "(không ghi huyện)"
PHAN_TO_TEN = {PhanTo.tinh: "Tỉnh", PhanTo.huyen: "Huyện (cũ)", PhanTo.vung: "Vùng / nhóm xã"}

# KPI columns, by standard: (count recognised, share of all, share of NTM-recognised, assessed, met all, share)
def cong_nhan(chuan: ChuanNTM) -> str:
    return f"Số xã đã được công nhận {CHUAN[chuan]}"


def tl_cong_nhan(chuan: ChuanNTM) -> str:
    return f"Tỷ lệ {CHUAN[chuan]} đã công nhận (÷ số xã có kế hoạch)"


def tl_cong_nhan_ntm(chuan: ChuanNTM) -> str:
    return f"Tỷ lệ {CHUAN[chuan]} đã công nhận (÷ số xã đã công nhận NTM)"


def danh_gia_theo(chuan: ChuanNTM) -> str:
    return f"Số xã đánh giá theo bộ {CHUAN[chuan]} (mẫu số)"


def dat_du(chuan: ChuanNTM) -> str:
    return f"Số xã đạt đủ tiêu chí bộ {CHUAN[chuan]} (theo rà soát)"


def tl_dat_du(chuan: ChuanNTM) -> str:
    return f"Tỷ lệ đạt đủ (÷ số xã đánh giá theo bộ {CHUAN[chuan]})"


CHUA_DUY_TRI = "Số xã đã công nhận nhưng chưa đạt đủ tiêu chí của chuẩn đó (chưa duy trì chuẩn)"
TG_CONG_NHAN_NTM = "Tăng/giảm số xã đã công nhận NTM so với năm trước (trên các xã có kế hoạch cả hai năm)"


def nhom_so(label: str) -> str:
    return f"{label}: số xã"


def nhom_ty_le(label: str) -> str:
    return f"{label}: tỷ lệ (÷ số xã đánh giá được đủ)"


def nhom_tang_giam(label: str) -> str:
    return f"{label}: tăng/giảm so với năm trước (trên các xã so sánh)"


CHUA_DU_NHOM = "Chưa đủ dữ liệu để xếp nhóm"


def tieu_chi_cot(so: str, ten: str) -> str:
    return f"{so}. {ten}"


def mat_do(so_xa: int) -> str:
    return f"{so_xa} xã"


# Funding and places targeted
BANG_KINH_PHI = "Kinh phí theo nguồn (tổng các kế hoạch)"
TRANG_KINH_PHI = "Kinh phí"
KP_NGUON = "Nguồn"
KP_SO_KE_HOACH = "Số kế hoạch nêu nguồn này"
KP_CO_SO_TIEN = "Trong đó có số tiền"
KP_MAU_SO = "Số kế hoạch được tính trong năm"
KP_SO_TIEN = "Số tiền (đồng, cộng các kế hoạch có số tiền)"
KP_TONG = "Tổng kinh phí kế hoạch ghi (kinh_phi.tong)"
GC_KINH_PHI = ("Cộng từ kinh_phi.nguon của từng kế hoạch (tên nguồn so sánh không phân biệt hoa thường, khoảng trắng); "
               "chỉ cộng các kế hoạch có ghi số tiền, số kế hoạch đó ghi ở cột bên cạnh. Dòng tổng là kinh_phi.tong.")
BANG_NOI = "Mục tiêu thôn, khu dân cư, vườn mẫu (tổng các kế hoạch)"
TRANG_NOI = "Mục tiêu thôn"
NOI_LOAI = "Loại"
NOI_SO = "Số nơi phấn đấu đạt"
NOI_SO_XA = "Số xã có mục tiêu này"
LOAI_NOI = {
    "thon_ntm_kieu_mau": "Thôn NTM kiểu mẫu", "thon_thong_minh": "Thôn thông minh",
    "khu_dan_cu_ntm_kieu_mau": "Khu dân cư NTM kiểu mẫu", "vuon_mau": "Vườn mẫu", "khac": "Khác",
}
GC_NOI = "Đếm các nơi (thôn, khu dân cư, vườn) kế hoạch nêu ở chi_tieu.thon_kieu_mau và chi_tieu.dia_ban: mục tiêu của năm, chưa phải kết quả."

# The official list (--danh-sach-xa)
BANG_DANH_SACH = "Tỷ lệ trên danh sách xã chính thức của tỉnh"
TRANG_DANH_SACH = "Theo danh sách xã"
BANG_CHUA_CO = "Xã trong danh sách chưa có kế hoạch"
TRANG_CHUA_CO = "Chưa có kế hoạch"
BANG_NGOAI = "Kế hoạch của xã không có trong danh sách"
TRANG_NGOAI = "Ngoài danh sách"
DS_TONG = "Số xã trong danh sách (mẫu số)"
DS_CO_KE_HOACH = "Số xã có kế hoạch hợp lệ"
DS_TL = "Tỷ lệ (÷ số xã trong danh sách)"
DS_CHUA_CO = "Số xã chưa có kế hoạch"
DS_CONG_NHAN = "Số xã đã được công nhận NTM (theo danh sách hoặc kế hoạch)"
DS_DAT_DU = "Số xã đạt đủ tiêu chí theo rà soát"
DS_NAM_CONG_NHAN = "Năm công nhận NTM"
DS_TINH_TRANG = "Tình trạng"
DS_NAM_CO = "Các năm có kế hoạch"
DS_CAC_NAM = "Các năm"
DS_LY_DO = "Lý do"
DS_KHONG_CO = "không có trong danh sách (mã hoặc tên)"
DS_NHIEU = "nhiều xã trong danh sách cùng tên: thêm ma_xa hoặc huyen"
CHUA_CO_KE_HOACH = "chưa có kế hoạch"
PV_DANH_SACH = "Danh sách xã chính thức"
GC_DANH_SACH = ("Mẫu số là số xã trong danh sách chính thức (--danh-sach-xa), kể cả xã chưa có kế hoạch; xã đã công nhận "
                "NTM theo năm công nhận của danh sách hoặc theo dia_ban.cong_nhan của kế hoạch năm đó.")

# ----------------------------------------------------------------------------- notes
GC_MAU_SO_DOI = "Mẫu số thay đổi giữa các năm (số xã có kế hoạch hợp lệ): {chi_tiet}."
GC_MAU_SO = "Mẫu số của mọi tỷ lệ là số xã có kế hoạch hợp lệ trong dữ liệu đã đọc, không phải danh sách xã chính thức của tỉnh."
GC_NHOM_19 = "Nhóm theo số tiêu chí chỉ tính cho bộ 19 tiêu chí; nhóm \"19 tiêu chí\" là đạt đủ theo rà soát, không phải đã được công nhận."
GC_TANG_GIAM = ("Tăng/giảm chỉ tính trên các xã có kế hoạch (theo cùng bộ tiêu chí) ở cả hai năm, số xã đó ghi ở cột "
                "bên cạnh; để trống khi năm trước không có trong dữ liệu (hoặc bị bộ lọc --nam loại).")
GC_CHUA_DU = ("Bình quân, nhóm theo số tiêu chí và số xã dưới 15 tiêu chí chỉ tính trên các xã đánh giá được mọi tiêu "
              "chí; xã có tiêu chí chưa đánh giá được (chưa có số liệu, chưa có mức chính thức) được đếm riêng là "
              "\"chưa đủ dữ liệu để xếp nhóm\", không bị coi là chưa đạt.")
GC_HUYEN = "Phân tổ theo huyện chỉ gồm kế hoạch còn ghi huyện (cấp huyện kết thúc từ 01/7/2025)."
GC_CONG_NHAN = "Công nhận được tính lồng nhau (kiểu mẫu ⊂ nâng cao ⊂ NTM): xã công nhận kiểu mẫu cũng là xã nâng cao và NTM."
GC_MUC = "Mức yêu cầu có thể khác nhau giữa các xã (theo vùng, nhóm xã, bộ của tỉnh): mỗi mức kèm số xã áp dụng."
GC_TRUNG_VI = "Nhỏ nhất, trung vị, lớn nhất tính trên các xã có số liệu."

HEAT_GOP = "Hơn {toi_da} xã: mỗi hàng là một nhóm ({phan_to}), màu là tỷ lệ xã đạt tiêu chí."
BD_NHIET = "Ma trận xã × tiêu chí — {bo}, năm {nam}"
TRUC_SO_XA = "Số xã"
TRUC_BINH_QUAN = "Tiêu chí/xã"
TRUC_TY_LE = "Tỷ lệ xã đạt"
BD_CHUA_DAT_NAM = "Số xã chưa đạt theo tiêu chí — {bo}, năm {nam} (trên {n} xã có kế hoạch theo bộ)"
CHUOI_CHUA_DAT = "Chưa đạt"
CHUOI_CHUA_DANH_GIA = "Chưa đánh giá được"
BD_BINH_QUAN_BO = "Bình quân số tiêu chí đạt/xã theo năm — bộ {n} tiêu chí (trên số xã đánh giá được đủ mọi tiêu chí trong năm)"
BD_SO_LIEU = "Số liệu của biểu đồ"
# The .docx of annexes
DOCX_DANH_MUC = "DANH MỤC PHỤ LỤC"
DOCX_PHU_LUC = "PHỤ LỤC"
DOCX_KEM_THEO = "(Kèm theo Báo cáo số ……/BC-…… ngày …… tháng …… năm …… của ……)"
DOCX_BANG_TRONG = "Không có dòng nào."

# ----------------------------------------------------------------------------- definitions
TIEU_DE_DINH_NGHIA = "Định nghĩa và nguồn"
TIEU_DE_MUC_LUC = "Các bảng"
MUC_LUC_COT = ("Trang", "Bảng", "Số dòng", "Ghi chú")
CHU_GIAI_TIEU_DE = "Chú giải"
DINH_NGHIA = (
    ("Xã đạt chuẩn NTM (đã được công nhận)",
     "\"Số xã được công nhận đạt tiêu chí nông thôn mới là những xã đạt đầy đủ các tiêu chí quy định trong Bộ "
     "tiêu chí quốc gia về nông thôn mới do cơ quan có thẩm quyền ban hành.\" (Tổng cục Thống kê, HTCTTK cấp "
     "tỉnh). Đếm theo khóa dia_ban.cong_nhan của kế hoạch, năm công nhận ≤ năm báo cáo."),
    ("Đạt đủ tiêu chí theo rà soát",
     "Kết quả đánh giá của năm có mọi tiêu chí đạt, kể cả tiêu chí đạt theo tự đánh giá (được đánh dấu). "
     "Chuẩn hướng tới lấy từ bộ tiêu chí: xa-ntm-* → NTM, xa-ntm-nang-cao-* → nâng cao, xa-ntm-kieu-mau-* → "
     "kiểu mẫu; bộ của tỉnh theo bộ mà nó kế thừa."),
    ("Tỷ lệ xã đạt chuẩn",
     "Số xã đã được công nhận ÷ số xã có kế hoạch hợp lệ cùng năm. Nâng cao và kiểu mẫu có thêm tỷ lệ ÷ số xã "
     "đã công nhận NTM, như các báo cáo quốc gia (2.567 xã nâng cao \"(42,4%)\" trên 6.084 xã NTM)."),
    ("Số tiêu chí bình quân/xã",
     "Tổng số tiêu chí đạt của các xã ÷ số xã, từng bộ tiêu chí và năm (\"1.286 tiêu chí/92 xã … 14 tiêu chí/1 "
     "xã\", Thừa Thiên Huế). Chưa tìm thấy văn bản quy định công thức chính thức."),
    ("Nhóm theo số tiêu chí",
     "19 · 15–18 · 10–14 · 5–9 · dưới 5 tiêu chí, như các báo cáo tỉnh (Bắc Giang, Quảng Bình, Thừa Thiên "
     "Huế); kèm số xã dưới 15 tiêu chí (mục tiêu \"không còn xã dưới 15 tiêu chí\", QĐ 263/QĐ-TTg)."),
    ("Chưa duy trì chuẩn",
     "Xã đã được công nhận một chuẩn, năm đó đánh giá theo bộ của chính chuẩn ấy nhưng chưa đạt đủ mọi tiêu chí."),
)
