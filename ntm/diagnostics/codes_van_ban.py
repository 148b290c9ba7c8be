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
    "ghi.bao_cao": "không ghi được báo cáo: {ly_do}",
    "bao_cao.da_ghi": "đã ghi {tep}: {so_ke_hoach} kế hoạch của {so_xa} xã; {so_van_de} tệp có vấn đề (liệt kê trong báo cáo).",
    "bao_cao.khong_khop": "không có kế hoạch nào khớp bộ lọc: báo cáo không có số liệu.",
    "ghi.luoc_do_yaml": "'{tep}' là tên tệp YAML (kế hoạch?); lược đồ là JSON: hãy ghi ra tệp .json.",
    # `ntm render` as typed (exit 2)
    "van_ban.duoi_tep": (
        "không biết xuất tệp '{tep}' theo định dạng nào (đuôi tệp nhận biết: {cac_duoi}); "
        "hãy thêm --format md hoặc --format docx."
    ),
    "van_ban.trai_duoi_tep": "--format {dinh_dang} trái với đuôi tệp '{tep}'.",
    "van_ban.loai_mau": "không rõ loại mẫu '{tep}': cần tệp .docx (mẫu văn bản Word) hoặc .md.j2 (mẫu Markdown Jinja2).",
    "van_ban.mau_khac_dinh_dang": "mẫu '{tep}' dùng cho định dạng {mau}, nhưng văn bản xuất ra là {dinh_dang}.",
    "van_ban.khong_co_ke_hoach": "không tìm thấy tệp kế hoạch '{tep}'.",
    "van_ban.khong_phai_tep": "'{tep}' không phải là tệp kế hoạch.",
    "van_ban.khong_co_mau": "không tìm thấy tệp mẫu '{tep}'.",
    "van_ban.docx_man_hinh": "văn bản .docx không in ra màn hình được: hãy thêm -o ke-hoach.docx.",
    # the plan or the template (exit 1)
    "van_ban.ke_hoach_loi": "kế hoạch có lỗi (xem các dòng trên): không xuất văn bản.",
    "van_ban.khong_dung_duoc": "mẫu có lỗi (xem dòng trên): không xuất văn bản.",
}

CODES: tuple[Ma, ...] = (
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
    ),
    Ma(
        "MAU003", LOI, "văn bản do mẫu tạo ra vượt {mb} MB: đã dừng.",
        "Mẫu Markdown chạy quá lâu, dùng quá nhiều bộ nhớ hoặc tạo văn bản quá lớn; đã bị dừng.",
        '{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}',
        bien_the={
            "thoi_gian": "mẫu chạy quá {giay} giây: đã dừng.",
            "bo_nho": "mẫu dùng quá {mb} MB bộ nhớ: đã dừng.",
        },
    ),
)
