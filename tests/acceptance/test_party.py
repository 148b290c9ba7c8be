"""The Party-style example plan (plans/cam-ha-2022-thi-dua.yaml) rendered per Hướng dẫn 36-HD/VPTW,
read back from the .docx as the NĐ 30 rules are in tests/acceptance/test_render.py (sources: docs/render.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from doclib import effective, norm, render, render_docx, render_md
from docx.shared import Pt
from planlib import REPO

PLAN = REPO / "plans" / "cam-ha-2022-thi-dua.yaml"


@pytest.fixture(scope="module")
def party_docx(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return render_docx(PLAN, tmp_path_factory.mktemp("dang"))


def _lines(cell: Any) -> list[Any]:
    return [p for p in cell.paragraphs if p.text.strip()]


def test_the_example_is_valid_and_warns_of_nothing() -> None:
    code, _, err = render(str(PLAN))
    assert code == 0 and err == "", err


def test_issuer_on_three_levels_with_the_asterisk(party_docx: Any) -> None:
    left = _lines(party_docx.tables[0].rows[0].cells[0])
    assert [p.text for p in left] == [
        "ĐẢNG BỘ HUYỆN CẨM XUYÊN", "ĐẢNG ỦY XÃ CẨM HÀ", "BAN CHỈ ĐẠO", "XÂY DỰNG NÔNG THÔN MỚI", "*",
    ]
    # HD 36 Phụ lục 3: superior bodies 14 pt upright, the issuer 14 pt bold.
    for p in left[:2]:
        assert effective(p, p.runs[0], "size") == Pt(14) and not effective(p, p.runs[0], "bold")
    for p in left[2:4]:
        assert effective(p, p.runs[0], "size") == Pt(14) and effective(p, p.runs[0], "bold")


def test_title_ruled_as_long_as_itself_number_without_colon(party_docx: Any) -> None:
    header = party_docx.tables[0]
    right = header.rows[0].cells[1]
    title = _lines(right)
    assert [p.text for p in title] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert effective(title[0], title[0].runs[0], "size") == Pt(15) and title[0].runs[0].bold
    assert right._tc.xpath(".//w:pBdr/w:top")  # the solid rule under it (HD 36 Mục II 1.1)
    assert header.rows[1].cells[0].text == "Số 14-KH/BCĐ"  # HD 36 Mục II 1.3: no colon
    date = header.rows[1].cells[1].paragraphs[0]
    assert date.text == "Cẩm Hà, ngày 15 tháng 3 năm 2022"
    assert effective(date, date.runs[0], "italic") and effective(date, date.runs[0], "size") == Pt(14)


def test_document_type_and_five_hyphens_under_the_trich_yeu(party_docx: Any) -> None:
    kind, subject, separator = party_docx.paragraphs[:3]
    assert kind.text == "KẾ HOẠCH" and effective(kind, kind.runs[0], "size") == Pt(15) and kind.runs[0].bold
    assert subject.text.startswith("phát động phong trào thi đua") and subject.runs[0].bold
    assert separator.text == "-----"
    assert not separator._p.xpath("./w:pPr/w:pBdr")  # not NĐ 30's rule


def test_party_recipients_and_signature(party_docx: Any) -> None:
    footer = next(t for t in party_docx.tables if t.rows[0].cells[0].text.startswith("Nơi nhận:"))
    left, right = footer.rows[0].cells
    heading = left.paragraphs[0]
    assert heading.text == "Nơi nhận:"
    run = heading.runs[0]
    assert run.underline and not run.bold and not run.italic and run.font.size == Pt(14)
    assert all(effective(p, p.runs[0], "size") == Pt(12) for p in _lines(left)[1:])
    assert [p.text for p in _lines(right)] == ["TRƯỞNG BAN", "Nguyễn Văn Hùng"]  # HD 36 Mục II 1.7: no T/M


def test_the_markdown_says_the_same(tmp_path: Path) -> None:
    out = render_md(PLAN)
    assert out.startswith("**ĐẢNG CỘNG SẢN VIỆT NAM**\n\nĐẢNG BỘ HUYỆN CẨM XUYÊN  \nĐẢNG ỦY XÃ CẨM HÀ  \n")
    assert "\\-----\n" in out and "Số 14-KH/BCĐ" in out
    assert "T/M" not in out


def test_state_formula_in_a_party_document_is_a_warning(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace("    chuc_vu: TRƯỞNG BAN\n",
                                                    "    tham_quyen: TM. BAN THƯỜNG VỤ\n    chuc_vu: BÍ THƯ\n")
    plan = tmp_path / "ke-hoach.yaml"
    plan.write_text(text, encoding="utf-8")
    code, _, err = render(str(plan))
    assert code == 0 and "[VB008]" in err and "T/M" in err


def test_no_state_header_element_leaks_into_the_party_document(party_docx: Any) -> None:
    texts = " ".join(p.text for table in party_docx.tables for row in table.rows for c in row.cells
                     for p in c.paragraphs)
    assert "CỘNG HÒA" not in texts and "Số:" not in texts
    assert norm(texts).count("*") == 1
