"""present.kiem_tra.step_summary: the job summary stays under GitHub's 1 MiB a step, and says how
many plans it left out; plan text never becomes Markdown or HTML."""

from __future__ import annotations

from ntm.present.kiem_tra import Totals
from ntm.present.kiem_tra.step_summary import BUDGET, document, md


def test_a_summary_of_ten_thousand_plans_stays_under_the_limit_and_counts_the_rest() -> None:
    rows = [f"| plans/xa-{i:05d}.yaml | hợp lệ | 0 | 0 | 14 | 5 | 0 | 19 |" for i in range(10_000)]
    sections = [f"### plans/xa-{i:05d}.yaml\n\n" + "- **14. Y tế**\n  - 14.1 …: đạt 82%, yêu cầu ≥ 95%\n" * 20
                for i in range(10_000)]
    text = document("check", Totals(files=10_000, valid=10_000, with_unmet=10_000), rows, sections)
    assert len(text.encode()) <= BUDGET + 1000 < 1024 * 1024
    listed_rows = sum(1 for line in text.splitlines() if line.startswith("| plans/"))
    listed_sections = text.count("\n### plans/")
    assert 0 < listed_rows < 10_000 and 0 < listed_sections < 10_000
    assert f"… và {10_000 - listed_rows} kế hoạch khác (tóm tắt của GitHub có giới hạn 1 MiB)." in text
    assert f"… và {10_000 - listed_sections} kế hoạch khác chưa được liệt kê." in text


def test_a_small_summary_lists_everything() -> None:
    text = document("validate", Totals(files=1, valid=1), ["| a.yaml | hợp lệ | 0 | 0 |"], [])
    assert text == ("## ntm validate\n\nĐã kiểm tra 1 tệp: 1 hợp lệ, 0 có lỗi (0 lỗi, 0 cảnh báo).\n\n"
                    "| Kế hoạch | Kết quả | Lỗi | Cảnh báo |\n|---|---|---|---|\n| a.yaml | hợp lệ | 0 | 0 |\n\n")


def test_plan_text_is_escaped() -> None:
    assert md("a|b *c* _d_ [e](f) <script>&") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) &lt;script&gt;&amp;"
    assert md("hai\ndòng") == "hai dòng"
