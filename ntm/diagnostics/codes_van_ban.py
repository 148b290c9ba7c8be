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
    "van_ban.khong_dung_duoc": "không dựng được văn bản: {ly_do}",
}

CODES: tuple[Ma, ...] = ()
