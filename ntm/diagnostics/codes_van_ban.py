"""Codes about producing documents: templates an office supplies, and the output written."""

from __future__ import annotations

from ntm.diagnostics import MucDo
from ntm.diagnostics.ma import Ma

LOI, CANH_BAO = MucDo.LOI, MucDo.CANH_BAO

CAU: dict[str, str] = {
    # writing the output (exit 2)
    "ghi.dau_vao": "không ghi đè lên tệp đầu vào '{tep}': hãy chọn tên tệp kết quả khác.",
    "ghi.thu_muc_la_tep": "'{thu_muc}' là một tệp, không phải thư mục.",
    "ghi.khong_co_thu_muc": "thư mục '{thu_muc}' không tồn tại.",
    "ghi.la_thu_muc": "'{tep}' là một thư mục; cần tên tệp kết quả.",
    "ghi.khong_co_quyen": "không có quyền ghi vào thư mục '{thu_muc}'.",
    "ghi.khong_tao_duoc": "không tạo được tệp trong '{thu_muc}' ({ly_do}).",
    "ghi.loi_ghi": "lỗi khi ghi '{tep}' ({ly_do}); tệp cũ (nếu có) vẫn giữ nguyên.",
    "ghi.van_ban": "không ghi được văn bản: {ly_do}",
    "ghi.luong_ra": "không ghi được ra luồng ra chuẩn ({ly_do}): kết quả có thể bị cắt, đừng dùng nó.",
    "ghi.khong_dung_duoc": "không dùng được '{tep}' làm tệp kết quả ({ly_do}).",
    "ghi.lien_ket": "'{tep}' là một liên kết tượng trưng: ntm không ghi qua liên kết; hãy ghi ra tên tệp khác.",
    "ghi.khong_phai_tep_thuong": (
        "'{tep}' không phải tệp thường (mà là FIFO, thiết bị hoặc socket): ntm không ghi đè lên nó."
    ),
    "ghi.chi_doc": "'{tep}' là tệp chỉ đọc: ntm không ghi đè lên nó; hãy chọn tên tệp khác.",
    "ghi.da_ghi": "đã ghi {tep}",
    "ghi.da_co": "đã có '{tep}': ntm init không ghi đè tệp có sẵn; hãy chọn tên tệp khác.",
    "ghi.bao_cao": "không ghi được báo cáo: {ly_do}",
    "bao_cao.da_ghi": "đã ghi {tep}: {so_ke_hoach} kế hoạch của {so_xa} xã; {so_van_de} tệp có vấn đề (liệt kê trong báo cáo).",
    "bao_cao.khong_khop": "không có kế hoạch nào khớp bộ lọc: báo cáo không có số liệu.",
    "ghi.luoc_do_yaml": "'{tep}' là tên tệp YAML (kế hoạch?); lược đồ là JSON: hãy ghi ra tệp .json.",
    # `ntm render` as typed (exit 2)
    "van_ban.duoi_tep": (
        "không biết xuất tệp '{tep}' theo định dạng nào (đuôi tệp nhận biết: {cac_duoi}); "
        "hãy thêm {cac_tuy_chon}."
    ),
    "van_ban.duoi_cho_van_ban": "một đuôi tệp trên cho -o (--format {dinh_dang} là của chẩn đoán)",
    "van_ban.chan_doan_can_tep": (
        "--format {dinh_dang} in chẩn đoán cho máy đọc ra luồng ra chuẩn, nên văn bản cần tệp riêng: "
        "hãy thêm -o TỆP (ví dụ -o ke-hoach.docx); không có -o, văn bản ra luồng ra chuẩn và chẩn đoán "
        "ra luồng lỗi chuẩn (stderr) dạng text."
    ),
    "van_ban.trai_duoi_tep": "--format {dinh_dang} trái với đuôi tệp '{tep}'.",
    "van_ban.loai_mau": "không rõ loại mẫu '{tep}': cần tệp .docx (mẫu văn bản Word) hoặc .md.j2 (mẫu Markdown Jinja2).",
    "van_ban.mau_khac_dinh_dang": "mẫu '{tep}' dùng cho định dạng {mau}, nhưng văn bản xuất ra là {dinh_dang}.",
    "van_ban.khong_co_ke_hoach": "không tìm thấy tệp kế hoạch '{tep}'.",
    "van_ban.khong_phai_tep": "'{tep}' không phải là tệp kế hoạch.",
    "van_ban.khong_co_mau": "không tìm thấy tệp mẫu '{tep}'.",
    "van_ban.docx_man_hinh": "văn bản .docx không in ra màn hình được: hãy thêm -o ke-hoach.docx.",
    "van_ban.pdf_man_hinh": "văn bản PDF không in ra màn hình được: hãy thêm -o ke-hoach.pdf.",
    # PDF through LibreOffice (exit 2)
    "pdf.thieu_libreoffice": (
        "cần LibreOffice để xuất PDF nhưng máy này chưa có: hãy cài (Debian, Ubuntu: "
        "sudo apt-get install libreoffice-writer-nogui fonts-liberation; Windows, macOS: libreoffice.org) "
        "rồi chạy lại, hoặc xuất .docx (-o ke-hoach.docx)."
    ),
    "pdf.khong_chay_duoc": "không chạy được LibreOffice ({ly_do}).",
    "pdf.qua_thoi_gian": "LibreOffice chuyển sang PDF quá {giay} giây: đã dừng, không ghi tệp PDF.",
    "pdf.khong_chuyen_duoc": "LibreOffice không chuyển được văn bản sang PDF (mã {ma}: {chi_tiet}); không ghi tệp PDF.",
    "pdf.khong_phai_pdf": "LibreOffice không tạo ra tệp PDF dùng được ({ly_do}); không ghi tệp PDF.",
    # the plan or the template (exit 1)
    "van_ban.ke_hoach_loi": "kế hoạch có lỗi (xem các dòng trên): không xuất văn bản.",
    "van_ban.khong_dung_duoc": "mẫu có lỗi (xem dòng trên): không xuất văn bản.",
    "van_ban.con_cho_dien": (
        "kế hoạch còn chỗ chờ điền (xem các dòng trên): không xuất văn bản; "
        "thêm --du-thao để xuất bản dự thảo (có chữ DỰ THẢO ở đầu văn bản)."
    ),
}

CODES: tuple[Ma, ...] = (
    # ------------------------------------------------------------------ VB: the document's structure
    Ma(
        "VB001", LOI, "không có phần {phan}.{de_xuat} Các phần có sẵn: {co_san}; hoặc ma của một phan_bo_sung.",
        "bo_cuc nêu một phần không có sẵn và không phải ma của phần bổ sung nào.",
        "bo_cuc: [muc_dich_yeu_cau, nhiem_vu_giai_phapp]",
    ),
    Ma(
        "VB002", LOI, "phần {phan} đã có trong bo_cuc: mỗi phần chỉ xếp một lần.",
        "Một phần được xếp hai lần trong bo_cuc, hoặc hai phần bổ sung cùng một ma.",
        "bo_cuc: [muc_tieu, kinh_phi, muc_tieu]",
        bien_the={"ma": "ma {phan} đã dùng (cho một phần bổ sung khác hoặc một phần có sẵn): hãy đặt ma khác."},
    ),
    Ma(
        "VB003", CANH_BAO, "phần bổ sung {tieu_de} không có trong bo_cuc nên sẽ không có trong văn bản: "
        "hãy đặt ma cho phần này và thêm ma vào bo_cuc.",
        "Kế hoạch có bo_cuc nhưng không xếp một phần bổ sung vào đó (phần ấy bị bỏ khỏi văn bản).",
        "bo_cuc: [muc_tieu]\nphan_bo_sung:\n  - tieu_de: chế độ báo cáo   # không có ma, không có trong bo_cuc",
    ),
    Ma(
        "VB004", LOI, "dòng có {so_o} ô nhưng bảng có {so_cot} cột (tính cả các cột con).",
        "Một dòng của bảng có số ô khác số cột.",
        "cot: [Số TT, Tên công trình, Kinh phí]\ndong:\n  - [1, Đường trục thôn]",
    ),
    Ma(
        "VB005", LOI, "cột '{cot}' được cộng ở dòng tổng nhưng ô {o} không phải là số.",
        "Một ô của cột có dòng tổng (tong: true) không phải là số.",
        "cot: [Công trình, {ten: Kinh phí, tong: true}]\ndong:\n  - [Đường thôn, 1,2 tỷ]",
    ),
    Ma(
        "VB006", LOI, "mục lồng quá {toi_da} cấp (1., 1.1., a)): văn bản không đánh số được cấp sâu hơn; "
        "hãy dùng danh sách (danh_sach) thay cho mục con.",
        "Các mục con lồng nhau quá ba cấp dưới một phần La Mã.",
        "noi_dung:\n  - muc: A\n    noi_dung:\n      - muc: B\n        noi_dung:\n          - muc: C\n            noi_dung:\n              - muc: D",
    ),
    Ma(
        "VB007", CANH_BAO, "câu liệt kê tiêu chí chưa đạt được bật nhưng không có chỗ trong văn bản: bo_cuc không có "
        "muc_tieu và không phần nào có khối {{tieu_chi_chua_dat: true}}.",
        "Câu tiêu chí chưa đạt không có chỗ, hoặc được đặt vào văn bản nhưng lại bị tắt.",
        "chi_tieu:\n  bo_tieu_chi:\n    tieu_chi_chua_dat: true\nbo_cuc: [muc_dich_yeu_cau, to_chuc_thuc_hien]",
        bien_the={"tat": "khối này đặt câu tiêu chí chưa đạt, nhưng chi_tieu.bo_tieu_chi.tieu_chi_chua_dat là false: "
                          "câu sẽ không được in."},
    ),
    Ma(
        "VB008", CANH_BAO, "{viet}: văn bản của Đảng ghi đề ký bằng dấu gạch chéo ({dung}, Hướng dẫn 36-HD/VPTW).",
        "Đề ký không đúng hệ thống văn bản: T/M, K/T (Đảng) hay TM., KT. (Nhà nước); Ban Chỉ đạo ký T/M.",
        "van_ban:\n  he_thong: dang\n  nguoi_ky:\n    tham_quyen: TM. BAN THƯỜNG VỤ",
        bien_the={
            "dang": "{viet}: văn bản của Đảng ghi đề ký bằng dấu gạch chéo ({dung}…, Hướng dẫn 36-HD/VPTW Mục II 1.7).",
            "nha_nuoc": "{viet}: văn bản nhà nước ghi đề ký có dấu chấm ({dung}, Nghị định 30/2020/NĐ-CP), "
                        "không dùng dấu gạch chéo; hay đây là văn bản của Đảng (he_thong: dang)?",
            "ban_chi_dao": "{viet}: trưởng ban chỉ đạo ký trực tiếp, không ghi T/M (Hướng dẫn 36-HD/VPTW Mục II "
                           "1.7); cấp phó ký thay ghi K/T TRƯỞNG BAN. Hãy bỏ tham_quyen.",
        },
    ),
    Ma(
        "VB009", LOI, "còn chỗ chờ điền {gia_tri}: văn bản ban hành không được để chỗ trống này; hãy điền thông tin thật.",
        "ntm render gặp chỗ '[ĐIỀN: …]' do ntm init để lại (cảnh báo KH012 của ntm check); "
        "ntm render --du-thao vẫn xuất, thành bản DỰ THẢO.",
        "van_ban:\n  so_hieu: \"[ĐIỀN: số]/KH-UBND\"   # rồi: ntm render ke-hoach.yaml -o kh.docx",
        dua_ra=("cli",),
    ),
    Ma(
        "MAU001", LOI, "mẫu .docx này không dùng được ({loai}).",
        "Mẫu .docx của đơn vị không dùng được: tệp nén hỏng, phần XML hỏng, quá lớn, không có trang để trình bày.",
        "ntm render ke-hoach.yaml -o kh.docx --template mau-hong.docx",
        bien_the={
            "nen_hong": "mẫu không phải tệp .docx đọc được (tệp nén zip hỏng hoặc không phải zip).",
            "qua_lon": (
                "mẫu có phần '{phan}' khi giải nén quá lớn (tối đa {mb} MB một phần, hoặc nén quá chặt: "
                "có thể là tệp zip bomb); tệp không được giải nén."
            ),
            "thieu_phan": "mẫu thiếu phần '{phan}' của một văn bản Word.",
            "phan_hong": "mẫu có phần hỏng, python-docx không đọc được ({loai}).",
            "thieu_trang": "mẫu không có phần thiết lập trang (w:sectPr): không biết trình bày văn bản trên trang nào.",
            "thieu_kho_giay": "mẫu không ghi khổ giấy (w:pgSz): không biết trình bày văn bản trên trang nào.",
            "le_qua_rong": "lề trang của mẫu rộng gần bằng hoặc hơn cả trang: không còn chỗ cho nội dung.",
        },
        dua_ra=("present",),
    ),
    Ma(
        "MAU002", LOI, "mẫu gây lỗi {loai}: {chi_tiet}.",
        "Mẫu Markdown (.md.j2) của đơn vị có lỗi: cú pháp Jinja2, trường không có, việc không được phép, lỗi khi chạy.",
        "{{ van_ban.khong_co }}",
        bien_the={
            "khong_tim_thay": "không tìm thấy mẫu này.",
            "mau_con": "mẫu gọi tới mẫu con không có: '{ten}'.",
            "cu_phap": "lỗi cú pháp Jinja2 (Jinja2 báo: {chi_tiet}).",
            "truong": "mẫu dùng một trường không có trong văn bản ({chi_tiet}). Các trường có thể dùng: xem docs/render.md.",
            "khong_duoc_phep": "mẫu làm việc không được phép ({chi_tiet}).",
            "qua_sau": "mẫu lồng nhau hoặc tự gọi lại quá sâu (macro đệ quy?).",
            "ky_tu": "mẫu tạo ra ký tự không hợp lệ (nửa cặp UTF-16, như \\ud800).",
        },
        dua_ra=("present",),
    ),
    Ma(
        "MAU003", LOI, "văn bản do mẫu tạo ra vượt {mb} MB: đã dừng.",
        "Mẫu Markdown chạy quá lâu, dùng quá nhiều bộ nhớ hoặc tạo văn bản quá lớn; đã bị dừng.",
        '{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}',
        bien_the={
            "thoi_gian": "mẫu chạy quá {giay} giây: đã dừng.",
            "bo_nho": "mẫu dùng quá {mb} MB bộ nhớ: đã dừng.",
        },
        dua_ra=("present",),
    ),
)
