"""A long plan: `pages` pages of sections, clauses, paragraphs, lists and tables (thirteen
paragraphs, list items or table rows a page: 500 pages lay out as 497 in LibreOffice), to
bound the import's time and memory (tests/acceptance/test_import.py) and to measure them
(benchmarks/import_scaling.py). The text is invented filler."""

from __future__ import annotations

from pathlib import Path

from nhap_fixtures.bad import finish, tiny
from ntm.plan.the_thuc import so_la_ma

PARAGRAPHS_PER_PAGE = 13


def make_long(path: Path, pages: int = 500) -> Path:
    doc = tiny()
    paragraphs = pages * PARAGRAPHS_PER_PAGE
    written = 0
    section = 1
    while written < paragraphs:
        doc.para(f"{so_la_ma(section + 1)}. NỘI DUNG THỰC HIỆN PHẦN {section}", bold=True)
        for clause in range(1, 6):
            doc.para(f"{clause}. Nhiệm vụ nhóm {clause} của phần {section}", bold=True)
            for n in range(12):
                doc.para(f"Thôn số {n + 1} tổ chức ra quân làm đường giao thông, nạo vét kênh mương, trồng cây "
                         f"xanh và vận động nhân dân hiến đất mở rộng đường ngõ xóm theo kế hoạch phần {section}.")
            doc.para("- Rà soát hiện trạng các tuyến đường;")
            doc.para("- Lập dự toán và huy động nguồn lực.")
            written += 15
        table = doc.doc.add_table(rows=11, cols=4)
        table.style = doc.doc.styles["Table Grid"]
        for c, label in enumerate(("Số TT", "Công trình", "Thôn", "Thời gian")):
            table.cell(0, c).text = label
        for r in range(1, 11):
            for c, value in enumerate((str(r), f"Công trình {section}.{r}", f"Thôn {r}", f"Quý {r % 4 + 1}/2024")):
                table.cell(r, c).text = value
        written += 15
        section += 1  # 90 paragraphs, items and rows: about seven pages a section
    path.write_bytes(finish(doc))
    return path
