"""An invented commune's plan (xã An Phú, tỉnh Quảng Trị: every name, number and amount is made
up) typed another way: the header laid out with tabs (no table), sections in Word's Heading 1
style without numbers, bold-only sub-headings, a budget stated in words ("12.450.000.000 đồng",
"12,45 tỷ đồng"), and a table with merged header cells (a group over two columns, a cell over
two rows) and a typed totals row."""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from nhap_fixtures.soan import Soan

HEADER = {
    "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ AN PHÚ",
    "so_hieu": "12/KH-UBND",
    "dia_danh": "An Phú",
    "ngay_ban_hanh": "2024-02-20",
    "nguoi_ky": {"tham_quyen": "TM. ỦY BAN NHÂN DÂN", "ky_thay": "KT. CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH",
                 "ho_ten": "Lê Thị Mai"},
}

TABLE = [
    ["Số TT", "Công trình", "Kinh phí (triệu đồng)", "", "Thời gian"],
    ["", "", "Ngân sách", "Nhân dân", ""],
    ["1", "Đường bê tông thôn Đông", "850", "150", "Quý II/2024"],
    ["2", "Nhà văn hóa thôn Tây", "400", "100", "Quý III/2024"],
    ["Tổng cộng", "", "1.250", "250", ""],
]


def make(folder: Path) -> Path:
    doc = Soan()
    doc.header_tabs([
        ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        ("XÃ AN PHÚ", "Độc lập - Tự do - Hạnh phúc", True),
        ("Số: 12/KH-UBND", "An Phú, ngày 20 tháng 02 năm 2024", False),
    ])
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para("Xây dựng xã nông thôn mới năm 2024 trên địa bàn xã An Phú, tỉnh Quảng Trị", bold=True, center=True)
    doc.para("Căn cứ Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022 của Thủ tướng Chính phủ ban hành Bộ tiêu "
             "chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025;", italic=True)
    doc.para("Căn cứ Nghị quyết số 05/NQ-HĐND ngày 15/01/2024 của Hội đồng nhân dân xã An Phú.", italic=True)
    doc.para("Ủy ban nhân dân xã An Phú ban hành Kế hoạch xây dựng nông thôn mới năm 2024 như sau:")
    doc.para("MỤC ĐÍCH, YÊU CẦU", style="Heading 1")
    doc.para("Mục đích", bold=True)
    doc.para("Huy động mọi nguồn lực giữ vững 19/19 tiêu chí xã nông thôn mới.")
    doc.para("Yêu cầu", bold=True)
    doc.para("Phân công rõ người, rõ việc, rõ thời gian hoàn thành.")
    doc.para("THỰC TRẠNG", style="Heading 1")
    doc.para("Tỷ lệ lao động qua đào tạo đạt 68,5%; tỷ lệ người dân tham gia bảo hiểm y tế đạt 91,2%.")
    doc.para("Hạ tầng", style="Heading 2")
    doc.para("Đường trục xã đã cứng hóa 100%.\nĐường thôn còn 2,5 km chưa cứng hóa.")  # a Shift+Enter
    doc.para("KINH PHÍ THỰC HIỆN", style="Heading 1")
    doc.para("Tổng kinh phí thực hiện 12.450.000.000 đồng (khoảng 12,45 tỷ đồng), trong đó ngân sách tỉnh "
             "10.000.000.000 đồng.")
    doc.para("Đơn vị tính: triệu đồng", italic=True, right=True)
    table = doc.doc.add_table(rows=len(TABLE), cols=5)
    table.style = doc.doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            if text:
                cell = table.cell(r, c)
                cell.text = text
                paragraph = cell.paragraphs[0]
                if r < 2 or r == len(TABLE) - 1:
                    for run in paragraph.runs:
                        run.bold = True
                if r >= 2 and c in (2, 3):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.cell(0, 2).merge(table.cell(0, 3))  # "Kinh phí" over two columns
    for c in (0, 1, 4):
        table.cell(0, c).merge(table.cell(1, c))  # a header over two rows
    doc.para("TỔ CHỨC THỰC HIỆN", style="Heading 1")
    doc.para("Các thôn xây dựng kế hoạch chi tiết, báo cáo hằng quý.")
    doc.para("Trên đây là Kế hoạch xây dựng nông thôn mới năm 2024 của UBND xã An Phú./.")
    doc.closing_table(["- Như trên;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                      "Lê Thị Mai")
    return doc.save(folder / "an-phu-tab-heading.docx")
