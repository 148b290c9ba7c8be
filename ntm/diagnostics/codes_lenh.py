"""Phrases of the command line's usage errors (exit 2): said in Vietnamese, frame words included."""

from __future__ import annotations

from ntm.diagnostics.ma import Ma

CAU: dict[str, str] = {
    "lenh.khong_co_tuy_chon": "không có tùy chọn {ten}{goi_y}",
    "lenh.goi_y_tuy_chon": "; có phải ý bạn là: {ten}?",
    "lenh.thieu_doi_so": "thiếu đối số {ten} ({mo_ta})",
    "lenh.can_gia_tri": "tùy chọn {ten} cần một giá trị",
    "lenh.khong_nhan_gia_tri": "tùy chọn {ten} không nhận giá trị",
    "lenh.khong_co_lenh": "không có lệnh {ten} (các lệnh: {cac_lenh}){goi_y}",
    "lenh.goi_y_lenh": "; có phải ý bạn là '{ten}'?",
    "lenh.thua_doi_so": "thừa đối số: {cac_doi_so}",
    "lenh.gia_tri_khong_hop_le": "giá trị {gia_tri} không hợp lệ cho {tuy_chon}; chọn một trong: {cac_gia_tri}",
    "lenh.can_so_nguyen": "'{tuy_chon}' cần một số nguyên; tìm thấy {gia_tri}",
    "lenh.qua_lon": "'{tuy_chon}' không được lớn hơn {toi_da}",
    "lenh.qua_nho": "'{tuy_chon}' không được nhỏ hơn {toi_thieu}",
    "lenh.mot_trong_hai": "chỉ dùng một trong hai: {a} hoặc {b}.",
    "lenh.khong_tim_thay": "không tìm thấy: {cac_duong_dan}",
    "lenh.khong_co_cau_hinh": "--cau-hinh: không có tệp {tep} (tệp cấu hình ntm.toml).",
    "lenh.xem_huong_dan": "Xem: {lenh} --help",
    "lenh.khac": "{chi_tiet}",
    "lenh.ngoai_kho": (
        "bộ tiêu chí {ten} nằm ngoài kho ({goc}): chỉ dùng bộ có sẵn hoặc tệp trong kho; "
        "nếu thật sự cần, thêm --cho-phep-ngoai-kho."
    ),
    "lenh.khong_co_bo": "không có bộ tiêu chí {ten}.{de_xuat} Các bộ có sẵn: {cac_bo}.",
    "lenh.bo_khong_dung_duoc": "không dùng được bộ tiêu chí {ten} ({ly_do}).",
    "lenh.vung_khong_co": "vùng {vung} không có trong bộ này. Các vùng: {cac_vung}.",
    "lenh.dung_nhom_xa": "{bo_tieu_chi} xét theo nhóm xã: dùng --nhom-xa, không dùng --vung.",
    "lenh.dung_vung": "{bo_tieu_chi} xét theo vùng: dùng --vung, không dùng --nhom-xa.",
    "lenh.nam_ngoai_giai_doan": "năm {nam} nằm ngoài giai đoạn {tu}-{den} của {bo_tieu_chi}.",
    "lenh.giai_doan_sai": "--giai-doan cần dạng năm đầu-năm cuối, năm cuối sau năm đầu (ví dụ 2026-2030); tìm thấy {gia_tri}",
    "lenh.giai_doan_ngoai": "giai đoạn {tu_kh}-{den_kh} không bắt đầu trong giai đoạn {tu}-{den} của {bo_tieu_chi}.",
    "lenh.chi_cap_xa": "{tuy_chon} chỉ dùng cho kế hoạch cấp xã (--cap xa); kế hoạch này là cấp {cap}.",
    "khung.nam_hoac_giai_doan": "--nam hoặc --giai-doan",
    # `ntm init`: usage, then what it says and asks on a terminal
    "khung.thieu": "thiếu {cac_muc} (ntm init chỉ hỏi những gì còn thiếu khi chạy trên terminal)",
    "khung.doi_so": "đối số PLAN (tệp kế hoạch sẽ tạo, hoặc - để in ra màn hình)",
    "khung.truc": "--vung hoặc --nhom-xa (theo bộ tiêu chí)",
    "khung.can_ten": (
        "'{tuy_chon}' cần một tên: không để trống, không quá {toi_da} ký tự, không có ký tự điều khiển; "
        "tìm thấy {gia_tri}"
    ),
    "khung.khong_co_quy_tac": (
        "{bo_tieu_chi} không có quy tắc riêng cho xã đặc biệt khó khăn, xã an toàn khu: bỏ {tuy_chon}."
    ),
    "khung.ma_xa": "'--ma-xa' cần mã đơn vị hành chính cấp xã gồm 5 chữ số (ví dụ 19234); tìm thấy {gia_tri}",
    "khung.tiep_theo": "Điền phần văn bản và số liệu vào {tep}, rồi chạy: ntm check {tep} --all",
    # `ntm criteria --bo-tinh`
    "bo_tinh.thieu_truc": "--bo-tinh cần {truc}: bộ tỉnh được lập cho một {ten_truc} ({bo_tieu_chi} xét theo {ten_truc})",
    "bo_tinh.da_co": "đã có '{tep}': ntm criteria --bo-tinh không ghi đè tệp có sẵn; hãy chọn tên tệp khác.",
    "bo_tinh.tiep_theo": (
        "Điền số, ngày quyết định của tỉnh và mức của các chỉ tiêu vào {tep}, rồi chạy: ntm criteria -b {tep}"
    ),
    "hoi.mo_dau": "Tạo kế hoạch mới: trả lời các câu hỏi dưới đây (Ctrl+C để dừng).",
    "hoi.cac_bo": "Các bộ tiêu chí có sẵn:",
    "hoi.bo_tieu_chi": "Bộ tiêu chí (số thứ tự, mã, hoặc đường dẫn tới tệp bộ tiêu chí của tỉnh)",
    "hoi.cac_vung": "Các vùng của {bo_tieu_chi}:",
    "hoi.vung": "Vùng (số thứ tự hoặc mã)",
    "hoi.cac_nhom": "Các nhóm xã của {bo_tieu_chi}:",
    "hoi.nhom_xa": "Nhóm xã",
    "hoi.nam": "Năm kế hoạch ({tu}-{den})",
    "hoi.xa": "Tên xã",
    "hoi.tinh": "Tên tỉnh, thành phố",
    "hoi.tep": "Tệp kế hoạch sẽ tạo (- để in ra màn hình)",
    # `ntm report` as typed
    "bao_cao.can_tep_ra": "cần -o TỆP: tệp báo cáo {cac_duoi}.",
    "bao_cao.duoi_tep": "không biết ghi báo cáo '{tep}' theo định dạng nào; đuôi tệp nhận biết: {cac_duoi}.",
    "bao_cao.nam_nguoc": "'--nam' {tu}-{den}: năm đầu lớn hơn năm cuối.",
    # `ntm report --danh-sach-xa FILE`: the official list of communes
    "danh_sach.tieu_de": (
        "danh sách xã {noi}: dòng tiêu đề cần đúng các cột {cac_cot}; tìm thấy {co}."
    ),
    "danh_sach.so_cot": "danh sách xã {noi}: cần {can} cột, dòng này có {co}.",
    "danh_sach.thieu": "danh sách xã {noi}: thiếu {cot}.",
    "danh_sach.ma_sai": "danh sách xã {noi}: ma_xa là mã đơn vị hành chính gồm 5 chữ số; tìm thấy {gia_tri}.",
    "danh_sach.trung_ma": "danh sách xã {noi}: ma_xa {gia_tri} đã có ở dòng {dong_truoc}.",
    "danh_sach.nam_sai": "danh sách xã {noi}: nam_cong_nhan cần một năm từ {tu} đến {den}, hoặc để trống; tìm thấy {gia_tri}.",
    "danh_sach.csv": "danh sách xã {noi}: không đọc được như CSV ({ly_do}).",
    "danh_sach.yaml_danh_sach": (
        "danh sách xã {noi}: tệp YAML cần là một danh sách, mỗi mục có các khóa ma_xa, ten_xa, huyen_cu, "
        "vung_hoac_nhom, nam_cong_nhan."
    ),
    "danh_sach.khoa_la": "danh sách xã {noi}: khóa {khoa} không có; các khóa: {cac_cot}.",
    "danh_sach.rong": "danh sách xã {noi}: không có xã nào.",
    "danh_sach.khong_dung_duoc": "không dùng được danh sách xã: {chi_tiet}",
}

CODES: tuple[Ma, ...] = ()
