"""Codes about criteria sets (bộ tiêu chí): the shipped ones, a province's files, a plan's reference to one."""

from __future__ import annotations

from ntm.diagnostics import MucDo
from ntm.diagnostics.ma import Ma

LOI, CANH_BAO = MucDo.LOI, MucDo.CANH_BAO

CAU: dict[str, str] = {
    "btc.he_so": "hệ số {gia_tri} không hợp lệ: cần một số dương, hữu hạn, không quá 100",
    "btc.khong_huu_han": "mức {gia_tri} không phải một số hữu hạn",
    "btc.so_khong_nguon": (
        "mức có độ tin cậy {do_tin_cay} không được mang con số: con số nào cũng cần nguồn (V, S, hoặc I kèm lý do)"
    ),
    "btc.nam_va_ngay": "chỉ dùng 'nam' hoặc 'tu_ngay'/'den_ngay', không dùng cả hai",
    "btc.ngay_nguoc": "'den_ngay' đứng trước 'tu_ngay'",
    "btc.so_cho_co_khong": "chỉ tiêu {ma} là loại có/không: mức không được là một con số",
    "btc.am": "chỉ tiêu {ma}: mức {gia_tri} là số âm",
    "btc.qua_100": "chỉ tiêu {ma}: mức {gia_tri} vượt quá 100%",
    "btc.so_dem_le": "chỉ tiêu {ma} đếm số lượng: mức {gia_tri} phải là số nguyên",
    "btc.xac_nhan_thieu_ly_do": "độ tin cậy {do_tin_cay} của số thứ tự hoặc vị trí cần kèm lý do ('ghi_chu')",
}

CODES: tuple[Ma, ...] = (
    Ma(
        "BTC002", LOI, "bộ tiêu chí kế thừa chính nó.",
        "Bộ tiêu chí kế thừa chính nó, hoặc các tệp kế thừa nhau thành vòng tròn.",
        "# tinh-2023.yaml (kế hoạch ghi bo_tieu_chi: ./tinh-2023.yaml)\nke_thua: ./tinh-2022.yaml\n# tinh-2022.yaml\nke_thua: ./tinh-2023.yaml",
        bien_the={"vong": "các bộ tiêu chí kế thừa nhau thành vòng tròn: {chuoi}."},
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC005", LOI, "chuỗi kế thừa quá dài (tối đa {toi_da} tệp): hãy kiểm tra các khóa 'ke_thua'.",
        "Chuỗi các tệp kế thừa nhau dài hơn giới hạn.",
        "Kế hoạch nêu bo-1.yaml; bo-1.yaml kế thừa bo-2.yaml, bo-2.yaml kế thừa bo-3.yaml, …, bo-8.yaml kế thừa bo-9.yaml: chuỗi 9 tệp.",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC003", LOI, "tiêu chí mới '{ma}' cần có 'so' và 'ten'.",
        "Tiêu chí mới trong tệp của tỉnh thiếu số thứ tự hoặc tên.",
        "tieu_chi:\n  - ma: thon_thong_minh   # tiêu chí mới: thiếu so, ten\n    chi_tieu:\n      - ma: co_thon_thong_minh\n        so: \"20.1\"\n        noi_dung: Có ít nhất một thôn đạt chuẩn thôn thông minh\n        loai: dat",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC004", LOI, "chỉ tiêu mới '{ma}' cần có 'so', 'noi_dung' và 'loai'.",
        "Chỉ tiêu mới trong tệp của tỉnh thiếu số thứ tự, nội dung hoặc loại.",
        "tieu_chi:\n  - ma: moi_truong\n    chi_tieu:\n      - ma: ty_le_ho_phan_loai_rac_tai_nguon   # chỉ tiêu mới: thiếu so, noi_dung, loai\n        don_vi: \"%\"\n        nguong:\n          - {gia_tri: 60, do_tin_cay: V}",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC017", LOI,
        "bộ tiêu chí {ten} nằm ngoài kho kế hoạch ({goc}): kế hoạch chỉ được dùng bộ có sẵn hoặc tệp trong kho; "
        "nếu thật sự cần, chạy lệnh với --cho-phep-ngoai-kho.",
        "Kế hoạch (hoặc một tệp kế thừa) trỏ tới tệp bộ tiêu chí ngoài thư mục kho (thư mục chứa .git gần nhất).",
        "bo_tieu_chi: ../../.env",
        dua_ra=("run",),
    ),
    Ma(
        "BTC018", LOI, "tệp này không phải bộ tiêu chí (thiếu khóa 'ma' hoặc 'can_cu_phap_ly'); nội dung không được đọc tiếp.",
        "Tệp mà kế hoạch nêu làm bộ tiêu chí không phải tệp bộ tiêu chí; nội dung của nó không được trích trong thông điệp.",
        "bo_tieu_chi: ./ghi-chu.yaml   # một tệp YAML khác",
        bien_the={"duoi": "tệp bộ tiêu chí phải là tệp .yaml hoặc .yml; tệp này không được đọc."},
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC020", LOI, "{ly_do}.",
        "Một ngưỡng không hợp lệ: không hữu hạn, âm, quá 100%, số lẻ cho số đếm, hệ số sai, con số không có nguồn.",
        "- ma: ty_le_tham_gia_bhyt\n  nguong:\n    - {gia_tri: 105, do_tin_cay: V}   # tỷ lệ không quá 100%",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC013", LOI, "chỉ tiêu {ma}: mức {muc} lỏng hơn mức {muc_cha} của {trich_dan_cha}; bộ của tỉnh chỉ được nâng mức.",
        "Tệp của tỉnh đặt mức thấp hơn mức của bộ mà nó kế thừa (cùng vùng, cùng thời gian).",
        "- ma: ty_le_tham_gia_bhyt\n  nguong:\n    - {vung: [trung-du-mien-nui-phia-bac], gia_tri: 90, do_tin_cay: V}   # bộ quốc gia: ≥ 95%",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC014", LOI,
        "tiêu chí {ma}: bộ cha ghi danh mục chỉ tiêu chưa đầy đủ; tệp kế thừa không được đặt 'chi_tieu_day_du: true'.",
        "Tệp của tỉnh bật cờ 'chi_tieu_day_du' cho một tiêu chí của bộ cha (có thể biến 'chưa có dữ liệu' thành 'đạt').",
        "- ma: giao_thong\n  chi_tieu_day_du: true   # bộ quốc gia ghi danh mục chỉ tiêu chưa đầy đủ",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC015", LOI,
        "{ma} được kế thừa từ bộ cha: tệp kế thừa chỉ được thêm chỉ tiêu hoặc ngưỡng, không viết lại {cac_khoa}.",
        "Tệp của tỉnh viết lại nội dung một tiêu chí, chỉ tiêu kế thừa (tên, số, loại, đơn vị, …).",
        "- ma: y_te\n  ten: Y tế và dân số   # tên đã có ở bộ quốc gia",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC016", LOI, "ngưỡng tương đối tham chiếu tới chỉ tiêu '{chi_tieu}' của bộ {bo_tieu_chi}, nhưng không tìm thấy.",
        "Ngưỡng 'ti_le_so_voi' tham chiếu một bộ tiêu chí hoặc chỉ tiêu không có.",
        "nguong:\n  - ti_le_so_voi:\n      bo_tieu_chi: xa-ntm-2021-2025\n      chi_tieu: thu_nhap_binh_quan_dau_nguoi   # mã đúng: thu_nhap_binh_quan\n      he_so: 1.1\n    do_tin_cay: V",
        dua_ra=("catalog",),
    ),
    Ma(
        "BTC010", LOI,
        "không có bộ tiêu chí {ten}.{de_xuat} Các bộ có sẵn: {cac_bo}; hoặc ghi đường dẫn tới tệp .yaml của tỉnh.",
        "Kế hoạch nêu một bộ tiêu chí không có sẵn và không phải tệp tồn tại.",
        "bo_tieu_chi: xa-ntm-nang-cao-2021-2052   # gõ sai năm",
        bien_the={
            "ke_thua": "không có bộ tiêu chí {ten} để kế thừa. Các bộ có sẵn: {cac_bo}; hoặc ghi đường dẫn tới tệp .yaml.",
        },
        dua_ra=("catalog", "run"),
    ),
    Ma(
        "BTC011", LOI, "tệp bộ tiêu chí {ten} có lỗi (xem các dòng dưới).",
        "Tệp bộ tiêu chí mà kế hoạch nêu có lỗi; các lỗi của tệp đó được liệt kê ngay sau.",
        "bo_tieu_chi: ./bo-tieu-chi-tinh.yaml   # tệp có lỗi",
        dua_ra=("run",),
    ),
    Ma(
        "BTC012", LOI, "không dùng được bộ tiêu chí {ten} ({ly_do}).",
        "Hệ điều hành không chấp nhận đường dẫn bộ tiêu chí (quá dài, liên kết lặp vòng).",
        "bo_tieu_chi: <một tên dài 5.000 ký tự>",
        dua_ra=("run",),
    ),
)
