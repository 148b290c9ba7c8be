"""Codes about a plan's content: SCH (its format), DM (commune, region, year), TC (criteria and
indicators of its set), KH (the plan checked against itself and its assessment)."""

from __future__ import annotations

from ntm.diagnostics import MucDo
from ntm.diagnostics.ma import Ma

LOI, CANH_BAO = MucDo.LOI, MucDo.CANH_BAO

_MORE = (
    "còn {con_lai} lỗi khác không được liệt kê (mỗi bước kiểm tra chỉ liệt kê {toi_da} lỗi đầu tiên): "
    "hãy sửa các lỗi đã liệt kê rồi chạy lại."
)

CAU: dict[str, str] = {
    # what a value should have been (pydantic's error types)
    "can.string_type": "cần văn bản",
    "can.int_type": "cần một số nguyên",
    "can.int_parsing": "cần một số nguyên",
    "can.int_from_float": "cần một số nguyên (không có phần thập phân)",
    "can.float_type": "cần một số",
    "can.float_parsing": "cần một số",
    "can.bool_type": "cần true/false",
    "can.bool_parsing": "cần true hoặc false",
    "can.list_type": "cần một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "can.tuple_type": "cần một danh sách",
    "can.dict_type": "cần một bảng các khóa (khóa: giá trị)",
    "can.model_type": "cần một bảng các khóa (khóa: giá trị)",
    "can.model_attributes_type": "cần một bảng các khóa (khóa: giá trị)",
    "can.date_type": "cần một ngày",
    "can.date_parsing": "cần một ngày dạng năm-tháng-ngày",
    "can.string_too_short": "cần văn bản không trống",
    "can.decimal_type": "cần một số",
    "can.decimal_parsing": "cần một số",
    "can.finite_number": "cần một số hữu hạn",
    # numbers, figures, dates as typed (ntm.plan.values)
    "so.bool": "cần một số, tìm thấy '{gia_tri}'",
    "so.qua_lon": "{gia_tri} quá lớn",
    "so.khong_ro": (
        "{gia_tri} không rõ nghĩa (một nhóm ba chữ số sau dấu có thể là phần nghìn hay phần thập phân): "
        "nếu là {nhom} thì viết {nhom}; nếu là số thập phân thì viết {thap_phan}"
    ),
    # a whole number (an amount in đồng, a count): never a decimal
    "so.khong_ro_nguyen": (
        "{gia_tri} không rõ nghĩa (một dấu ngăn duy nhất có thể bị đọc là dấu thập phân): viết {nhom}, "
        "hoặc ghi đủ các nhóm nghìn bằng dấu chấm như 12.450.000.000"
    ),
    "so.khong_phai_so": "{gia_tri} không phải là một số",
    "so.qua_nhieu_so_le": "{gia_tri} có quá nhiều chữ số thập phân (tối đa {toi_da})",
    "so.so_mu": "{gia_tri} viết dạng lũy thừa (e): hãy viết đủ các chữ số, như 1500000 hoặc 0,05",
    "so.chu_so_la": (
        "{gia_tri} có chữ số không phải 0-9 (chữ số Ả Rập, chữ số toàn khổ, …): hãy gõ lại bằng bàn phím thường"
    ),
    "co_khong.sai": "cần có/không (có, không, true, false); tìm thấy {gia_tri}",
    "so_lieu.kieu": "cần một số liệu (số, tỷ lệ như 52,77% hoặc có/không)",
    "so_lieu.sai": "{ly_do}; cần một số (3; 52,77), một tỷ lệ (52,77%) hoặc có/không",
    "ngay.sai": (
        "{gia_tri} không phải là ngày; viết dạng năm-tháng-ngày (2023-01-05) hoặc ngày/tháng/năm (05/01/2023)"
    ),
    "ngay.khong_co": "ngày '{gia_tri}' không tồn tại (tháng {thang} năm {nam} không có ngày {ngay})",
    "dia_ban.ma_xa": "mã xã là mã đơn vị hành chính gồm 5 chữ số (ví dụ 19234); tìm thấy {gia_tri}",
    "muc_tieu.nguoc": "khoảng mục tiêu bị ngược: từ {tu} đến {den}; hãy viết số nhỏ trước",
    "chi_tieu_rieng.co_khong": "chỉ tiêu loai: dat là có/không: không ghi yeu_cau, don_vi",
    "chi_tieu_rieng.can_muc": "chỉ tiêu loai: {loai} cần yeu_cau là một số (mức phải đạt)",
    "dia_ban.can_xa": (
        "kế hoạch cấp xã cần khóa 'xa' (tên xã); kế hoạch của huyện, của tỉnh ghi cap: huyen hoặc cap: tinh"
    ),
    "dia_ban.chi_cap_xa": "khóa '{khoa}' chỉ dùng cho kế hoạch cấp xã; kế hoạch này là cấp {cap}",
    "dia_ban.can_huyen": "kế hoạch cấp huyện cần khóa 'huyen' (tên huyện)",
    "ky.thieu": (
        "thiếu năm kế hoạch: kế hoạch năm ghi nam: 2026, kế hoạch nhiều năm ghi giai_doan: {{tu: 2026, den: 2030}}"
    ),
    "ky.ca_hai": (
        "kế hoạch ghi cả nam ({nam}) và giai_doan: kế hoạch năm chỉ ghi nam, kế hoạch nhiều năm chỉ ghi giai_doan"
    ),
    "giai_doan.nguoc": "giai đoạn từ năm {tu} đến năm {den}: năm cuối phải sau năm đầu (kế hoạch một năm ghi nam)",
    "muc_tieu_dia_ban.can_ten": "loai: khac cần khóa 'ten' (tên chuẩn cần đạt, ví dụ 'khu dân cư kiểu mẫu')",
    "noi_dung.mot_loai": (
        "mỗi khối nội dung cần đúng một trong các khóa {cac_khoa}; tìm thấy: {co}"
    ),
    "noi_dung.chi_muc": "khóa '{khoa}' chỉ dùng cùng 'muc' (nội dung của một mục con)",
    # a figure that does not fit its indicator (TC003)
    "don_vi.can_co_khong": "cần có/không (true/false); tìm thấy {tim_thay}.",
    "don_vi.can_so": "cần một số; tìm thấy {tim_thay}.",
    "don_vi.can_so_phan_tram": "cần một số (%); tìm thấy {tim_thay}.",
    "don_vi.khong_phai_phan_tram": "đơn vị của chỉ tiêu là '{don_vi}', không phải %; tìm thấy {tim_thay}.",
    "don_vi.am": "số liệu không được âm; tìm thấy {tim_thay}.",
    "don_vi.qua_100": "tỷ lệ phải từ 0 đến 100%; tìm thấy {tim_thay}.",
    "don_vi.so_dem_le": "chỉ tiêu đếm số {don_vi}: cần một số nguyên; tìm thấy {tim_thay}.",
    # what an unmet criterion lacks (KH001)
    "thieu.nhiem_vu_giai_phap": "nhiệm vụ và giải pháp",
    "thieu.nhiem_vu": "nhiệm vụ",
    "thieu.giai_phap": "giải pháp",
}

CODES: tuple[Ma, ...] = (
    # ------------------------------------------------------------------ SCH: the format
    Ma(
        "SCH000", LOI, _MORE,
        "Quá nhiều lỗi định dạng: chỉ 100 lỗi đầu được liệt kê.",
        "20.000 khóa viết sai",
        dua_ra=("plan", "catalog"),
    ),
    Ma("SCH001", LOI, "thiếu khóa bắt buộc '{khoa}'.", "Thiếu một khóa bắt buộc.", "van_ban:\n  # thiếu so_hieu",
       dua_ra=("plan", "catalog")),
    Ma(
        "SCH002", LOI, "khóa {khoa} không có trong định dạng {loai_tep} ở đây.{de_xuat}",
        "Khóa không có trong định dạng (thường là gõ sai); gợi ý khóa gần nhất.",
        "van_ban:\n  so_hieuu: 03/KH-UBND",
        bien_the={"liet_ke": "khóa {khoa} không có trong định dạng {loai_tep} ở đây. Các khóa hợp lệ: {cac_khoa}."},
        dua_ra=("plan", "catalog"),
    ),
    Ma(
        "SCH003", LOI, "{ly_do}.",
        "Giá trị sai kiểu hoặc không đọc được (số, tỷ lệ, ngày, khoảng mục tiêu).",
        "nam: năm nay",
        bien_the={"kieu": "{can}; tìm thấy {tim_thay}."},
        dua_ra=("plan", "catalog"),
    ),
    Ma(
        "SCH004", LOI, "giá trị phải là một trong: {cho_phep}; tìm thấy {tim_thay}.{de_xuat}",
        "Giá trị không thuộc danh sách được phép.",
        "tu_danh_gia: tot",
        dua_ra=("plan", "catalog"),
    ),
    Ma(
        "SCH005", LOI, "giá trị phải từ {nguong} trở lên; tìm thấy {tim_thay}.",
        "Giá trị nằm ngoài khoảng cho phép.",
        "nam: 3023",
        bien_the={"toi_da": "giá trị phải không quá {nguong}; tìm thấy {tim_thay}."},
        dua_ra=("plan", "catalog"),
    ),
    Ma(
        "SCH006", LOI, "danh sách cần {so_muc} mục; tìm thấy {tim_thay}.",
        "Danh sách có số mục không đúng.",
        "# tệp bộ tiêu chí của tỉnh\ngiai_doan: [2022, 2023, 2024, 2025]   # chỉ ghi năm đầu và năm cuối: [2022, 2025]",
        dua_ra=("plan", "catalog"),
    ),
    Ma(
        "SCH007", LOI, "{can}, nhưng giá trị đang để trống.",
        "Khóa có mặt nhưng để trống giá trị.",
        "van_ban:\n  trich_yeu:   # chưa điền",
        dua_ra=("plan", "catalog"),
    ),
    Ma(
        "SCH008", LOI, "{ly_do}.",
        "Năm hoặc giai đoạn kế hoạch: cần đúng một trong hai khóa nam (kế hoạch năm) và giai_doan (kế hoạch "
        "nhiều năm); năm cuối của giai đoạn sau năm đầu.",
        "nam: 2026\ngiai_doan: {tu: 2026, den: 2030}",
        dua_ra=("plan",),
    ),
    Ma(
        "SCH009", LOI, "{ly_do}.",
        "Địa bàn không hợp với cấp kế hoạch: kế hoạch cấp xã cần xa; kế hoạch cấp huyện, cấp tỉnh không có xa "
        "và các khóa chỉ xã mới có (vung, nhom_xa, …).",
        "dia_ban:\n  cap: tinh\n  xa: Toàn tỉnh   # kế hoạch của tỉnh không có xã\n  tinh: Nam Định",
        dua_ra=("plan",),
    ),
    Ma(
        "SCH099", LOI, "giá trị không hợp lệ ({chi_tiet}); tìm thấy {tim_thay}.",
        "Lỗi định dạng khác (lưới an toàn).",
        "",
        khong_gap="mọi loại lỗi mà các mô hình dùng đều có mã riêng; mã này chỉ là lưới an toàn cho loại lỗi mới",
        dua_ra=("plan", "catalog"),
    ),
    # ------------------------------------------------------------------ DM: commune, region, year
    Ma(
        "DM001", LOI, "{bo_tieu_chi} xét theo vùng: cần khóa 'vung' ({cac_vung}).",
        "Bộ tiêu chí xét theo vùng mà kế hoạch không khai vùng.",
        "dia_ban:\n  xa: Hương Sơn\n  tinh: Thừa Thiên Huế   # thiếu vung: bac-trung-bo\nbo_tieu_chi: xa-ntm-nang-cao-2021-2025",
    ),
    Ma(
        "DM002", LOI, "vùng {vung} không có trong {bo_tieu_chi}.{de_xuat} Các vùng: {cac_vung}.",
        "Vùng không có trong bộ tiêu chí.",
        "dia_ban:\n  vung: bac-trung-bộ",
    ),
    Ma(
        "DM003", LOI, "{bo_tieu_chi} xét theo nhóm xã: cần khóa 'nhom_xa': {cac_nhom}.",
        "Bộ tiêu chí xét theo nhóm xã mà kế hoạch không khai nhóm xã.",
        "dia_ban:\n  xa: Hương Sơn\n  tinh: Thừa Thiên Huế   # thiếu nhom_xa: 1, 2 hoặc 3\nnam: 2026\nbo_tieu_chi: xa-ntm-2026-2030",
    ),
    Ma(
        "DM004", LOI, "năm {nam} nằm ngoài giai đoạn {tu}-{den} của {bo_tieu_chi}.",
        "Năm (giai đoạn) kế hoạch nằm ngoài giai đoạn của bộ tiêu chí; giai đoạn trải qua hai bộ tiêu chí mà "
        "bộ kế hoạch nêu không phải bộ áp dụng tại ngày ban hành.",
        "nam: 2026\nbo_tieu_chi: xa-ntm-nang-cao-2021-2025   # chép từ kế hoạch năm trước",
        bien_the={
            "giai_doan": "giai đoạn {tu_kh} - {den_kh} nằm ngoài giai đoạn {tu}-{den} của {bo_tieu_chi}.",
            "hai_bo": (
                "giai đoạn {tu_kh} - {den_kh} trải qua hai bộ tiêu chí; kế hoạch ban hành ngày {ngay} nên được "
                "đánh giá theo bộ tiêu chí áp dụng tại ngày đó, không phải {bo_tieu_chi} (giai đoạn {tu}-{den})."
            ),
        },
    ),
    Ma(
        "DM005", CANH_BAO, "{bo_tieu_chi} không có quy tắc riêng cho xã này: khóa '{khoa}' không có tác dụng.",
        "Khóa địa bàn mà bộ tiêu chí không dùng (thường do chép kế hoạch của giai đoạn khác).",
        "dia_ban:\n  vung: bac-trung-bo   # của bộ 2021-2025; bộ 2026-2030 xét theo nhóm xã\n  nhom_xa: 3\nnam: 2026\nbo_tieu_chi: xa-ntm-2026-2030",
        bien_the={
            "vung": "{bo_tieu_chi} xét theo nhóm xã, không theo vùng: khóa 'vung' không được dùng.",
            "nhom_xa": "{bo_tieu_chi} xét theo vùng, không theo nhóm xã: khóa 'nhom_xa' không được dùng.",
        },
    ),
    Ma(
        "DM006", LOI, "mục tiêu năm {nam} nằm ngoài giai đoạn {tu} - {den} của kế hoạch.",
        "Mục tiêu theo năm (lộ trình) có năm ngoài giai đoạn của kế hoạch, hoặc nằm trong một kế hoạch năm.",
        "giai_doan: {tu: 2026, den: 2030}\n…\n      muc_tieu: {2026: 70%, 2032: 100%}",
        bien_the={
            "ke_hoach_nam": (
                "kế hoạch năm {nam_ke_hoach} có một mục tiêu: ghi một mức; mục tiêu theo năm ({nam}, …) chỉ dùng "
                "cho kế hoạch giai đoạn (giai_doan)."
            ),
        },
    ),
    Ma(
        "DM007", LOI, "kế hoạch cấp {cap} không đánh giá tiêu chí của xã: không có bảng tinh_trang_tieu_chi.",
        "Kế hoạch cấp huyện, cấp tỉnh đặt bảng tình trạng tiêu chí của xã (chỉ kế hoạch cấp xã có bảng ấy).",
        "dia_ban:\n  cap: tinh\n…\nphu_luc:\n  - tieu_de: Tình trạng tiêu chí\n    bang: tinh_trang_tieu_chi",
    ),
    # ------------------------------------------------------------------ TC: criteria and indicators
    Ma("TC000", LOI, _MORE, "Quá nhiều lỗi mã tiêu chí: chỉ 100 lỗi đầu được liệt kê.",
       "tieu_chi:\n  muc_001: {tu_danh_gia: dat}\n  muc_002: {tu_danh_gia: dat}\n"
       "  # … đến muc_101: 101 mã không có trong bộ tiêu chí", dua_ra=("rules",)),
    Ma(
        "TC001", LOI, "không có tiêu chí {ma} trong {bo_tieu_chi}.{de_xuat}",
        "Mã tiêu chí không có trong bộ tiêu chí; gợi ý mã gần nhất, hoặc bộ có tiêu chí đó.",
        "tieu_chi:\n  giao_thongg: {…}",
        bien_the={"bo_khac": "không có tiêu chí {ma} trong {bo_tieu_chi}. Tiêu chí này thuộc {bo_khac}.{de_xuat}"},
    ),
    Ma(
        "TC002", LOI, "tiêu chí {so} {ten} không có chỉ tiêu {ma}.{de_xuat}",
        "Mã chỉ tiêu không có trong tiêu chí; gợi ý mã gần nhất, hoặc tiêu chí có chỉ tiêu đó.",
        "y_te:\n  hien_trang:\n    ty_le_tham_gia_bhytt: 82%",
        bien_the={"tieu_chi_khac": "tiêu chí {so} {ten} không có chỉ tiêu {ma}. Chỉ tiêu này thuộc tiêu chí '{tieu_chi_khac}'."},
    ),
    Ma(
        "TC003", LOI, "chỉ tiêu {so} ({ten}): {van_de}",
        "Số liệu không hợp với chỉ tiêu: có/không thay vì số, % cho một số đếm, số âm, tỷ lệ quá 100%.",
        "nha_o_dan_cu:\n  hien_trang:\n    nha_tam_dot_nat: 3%",
    ),
    Ma(
        "TC004", LOI, "chỉ tiêu {so} ({ten}): kế hoạch ghi đơn vị {don_vi}, nhưng đơn vị của chỉ tiêu là '{don_vi_chi_tieu}'.",
        "Đơn vị kế hoạch ghi cho một số liệu khác đơn vị của chỉ tiêu trong bộ tiêu chí.",
        "nha_o_dan_cu:\n  hien_trang:\n    nha_tam_dot_nat:\n      gia_tri: 3\n      don_vi: hộ   # chỉ tiêu 9.1 đếm bằng nhà",
    ),
    Ma(
        "TC005", LOI, "mã {ma} đã có.",
        "Chỉ tiêu riêng của kế hoạch dùng mã của một chỉ tiêu trong bộ tiêu chí, hoặc một mã đã dùng.",
        "thu_nhap:\n  chi_tieu_rieng:\n    - {ma: thu_nhap_binh_quan, ten: …, loai: toi_thieu, yeu_cau: 60, nguon: …}",
        bien_the={
            "cua_bo": (
                "mã {ma} là mã một chỉ tiêu của bộ tiêu chí (tiêu chí '{tieu_chi}'): chỉ tiêu riêng của kế "
                "hoạch cần mã khác; số liệu của chỉ tiêu đó ghi thẳng vào hien_trang."
            ),
            "lap": "mã {ma} đã dùng cho một chỉ tiêu riêng khác của tiêu chí này.",
        },
    ),
    Ma(
        "TC006", LOI, "đơn vị {don_vi} không có trong danh sách đơn vị ({cac_don_vi}); bỏ trống nếu là có/không.",
        "Chỉ tiêu riêng của kế hoạch ghi một đơn vị mà các bộ tiêu chí không dùng.",
        "chi_tieu_rieng:\n  - {ma: so_km_duong, ten: Đường giao thông, don_vi: km, loai: toi_thieu, yeu_cau: 5, nguon: …}",
    ),
    # ------------------------------------------------------------------ KH: the plan against itself
    Ma(
        "KH001", CANH_BAO, "tiêu chí {so} {ten} chưa đạt nhưng kế hoạch chưa có {thieu} cho tiêu chí này.",
        "Tiêu chí chưa đạt mà kế hoạch không có nhiệm vụ hoặc giải pháp cho nó.",
        "tiep_can_phap_luat:\n  hien_trang:\n    dat_chuan_tiep_can_phap_luat: không\n  # không có nhiem_vu, giai_phap",
    ),
    Ma(
        "KH002", CANH_BAO, "mục tiêu {muc_tieu} chưa tới mức yêu cầu {yeu_cau}, theo {nguon}.",
        "Mục tiêu phấn đấu của kế hoạch thấp hơn mức yêu cầu.",
        "ty_le_tham_gia_bhyt:\n  gia_tri: 82%\n  yeu_cau: 90%\n  muc_tieu: 85%",
    ),
    Ma(
        "KH003", CANH_BAO, "kế hoạch ghi '{dat_chuan}' nhưng {bo_tieu_chi} có {tong} tiêu chí.",
        "Tổng số tiêu chí kế hoạch ghi khác với bộ tiêu chí.",
        "chi_tieu:\n  bo_tieu_chi:\n    dat_chuan: \"19/20\"   # bộ xã NTM nâng cao có 19 tiêu chí",
    ),
    Ma(
        "KH004", CANH_BAO,
        "tự đánh giá '{tu_danh_gia}' trái với số liệu: theo số liệu tiêu chí {ten} {theo_so_lieu}; "
        "dùng kết quả theo số liệu.",
        "Tự đánh giá trái với kết quả tính từ số liệu (kết quả theo số liệu được dùng).",
        "tiep_can_phap_luat:\n  tu_danh_gia: dat\n  hien_trang:\n    dat_chuan_tiep_can_phap_luat: không",
    ),
    Ma(
        "KH005", CANH_BAO,
        "mức yêu cầu kế hoạch nêu ({ke_hoach_neu}) thấp hơn mức của bộ tiêu chí ({yeu_cau}, {trich_dan}); "
        "dùng mức của bộ tiêu chí.",
        "Mức yêu cầu kế hoạch tự nêu lỏng hơn mức của bộ tiêu chí.",
        "dia_ban:\n  xa_dac_biet_kho_khan: true   # dùng mức vùng Trung du và miền núi phía Bắc: ≥ 95%\ntieu_chi:\n  y_te:\n    hien_trang:\n      ty_le_tham_gia_bhyt: {gia_tri: 96%, yeu_cau: 90%}",
    ),
    Ma(
        "KH007", CANH_BAO, "số tiêu chí phấn đấu ({muc_tieu}) lớn hơn tổng số ({tong}).",
        "Số tiêu chí phấn đấu đạt lớn hơn tổng số tiêu chí.",
        "chi_tieu:\n  bo_tieu_chi:\n    dat_chuan: \"20/19\"",
    ),
    Ma(
        "KH009", CANH_BAO, "tổng kinh phí ({tong} đồng) khác tổng {so_nguon} nguồn ({cong} đồng), chênh {chenh} đồng.",
        "Các nguồn kinh phí cộng lại không bằng tổng kinh phí kế hoạch ghi.",
        "kinh_phi:\n  tong: 2500000000\n  nguon:\n    - {ten: Ngân sách tỉnh, so_tien: 1500000000}\n"
        "    - {ten: Huy động, so_tien: 900000000}",
    ),
    Ma(
        "KH010", CANH_BAO, "ngày ban hành {ngay} nằm ngoài thời gian áp dụng của {can_cu}.",
        "Kế hoạch ban hành trước khi bộ tiêu chí có hiệu lực, hoặc sau khi bộ hết hiệu lực (khi bộ ghi ngày hết hiệu lực).",
        "van_ban:\n  ngay_ban_hanh: 2022-02-15   # QĐ 318/QĐ-TTg có hiệu lực từ 08/03/2022",
        bien_the={
            "truoc": "kế hoạch ban hành ngày {ngay}, trước ngày {can_cu} có hiệu lực ({moc}): kiểm tra lại ngày, hoặc bộ tiêu chí.",
            "sau": "kế hoạch ban hành ngày {ngay}, sau ngày {can_cu} hết hiệu lực ({moc}): kiểm tra lại bộ tiêu chí.",
        },
    ),
    Ma(
        "KH011", CANH_BAO, "mục tiêu '{dat_chuan}' không cao hơn hiện trạng ({dat}/{tong} tiêu chí đã đạt).",
        "Số tiêu chí phấn đấu đạt trong năm không cao hơn số tiêu chí đã đạt theo đánh giá.",
        "chi_tieu:\n  bo_tieu_chi:\n    dat_chuan: \"12/19\"   # đã đạt 14 tiêu chí",
        bien_the={
            "thap_hon": "mục tiêu '{dat_chuan}' thấp hơn số tiêu chí đã đạt ({dat}/{tong}): mục tiêu năm thường là giữ và nâng thêm.",
            "bang": "mục tiêu '{dat_chuan}' bằng số tiêu chí đã đạt ({dat}/{tong}): năm nay không phấn đấu thêm tiêu chí nào?",
        },
    ),
    Ma(
        "KH012", CANH_BAO, "còn chỗ chờ điền {gia_tri}: thay bằng thông tin thật trước khi xuất văn bản.",
        "Kế hoạch còn chỗ '[ĐIỀN: …]' do ntm init để lại.",
        "van_ban:\n  so_hieu: \"[ĐIỀN: số]/KH-UBND\"",
    ),
    Ma(
        "KH008", CANH_BAO, "cần dạng 'số đạt/tổng số' như '{tong}/{tong}'; tìm thấy '{dat_chuan}'.",
        "Số tiêu chí phấn đấu không viết dạng 'số đạt/tổng số'.",
        "chi_tieu:\n  bo_tieu_chi:\n    dat_chuan: đạt 19 tiêu chí",
    ),
)
