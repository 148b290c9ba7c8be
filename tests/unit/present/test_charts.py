"""The report's charts (ntm.present.bao_cao.charts): SVG text a page embeds, from the view model's chart data."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET

from ntm.present.bao_cao.charts import chart_id, mau_ty_le, svg, ticks
from ntm.present.bao_cao.model import BieuDoCot, BieuDoDuong, BieuDoNhiet
from ntm.tong_hop.tom_tat import TrangThaiTieuChi as T

NS = "{http://www.w3.org/2000/svg}"


def texts(markup: str) -> list[str]:
    return [(e.text or "").strip() for e in ET.fromstring(markup).iter(f"{NS}text")]


def bars(unmet: tuple[int, ...], cannot: tuple[int, ...], total: int | None = 9) -> BieuDoCot:
    labels = tuple(f"{i + 1}. Tiêu chí {i + 1}" for i in range(len(unmet)))
    return BieuDoCot("chua_dat.xa-ntm.2025", "Số xã chưa đạt — năm 2025 (trên 9 xã có kế hoạch theo bộ)", labels,
                     unmet, "Số xã", chong=(("Chưa đánh giá được", cannot),), ten_gia_tri="Chưa đạt", toi_da=total)


def test_ticks_are_whole_numbers_from_zero() -> None:
    assert ticks(0) == [0, 1]
    assert ticks(9) == [0, 2, 4, 6, 8, 10]
    assert ticks(19)[-1] >= 19 and all(b > a for a, b in itertools.pairwise(ticks(19)))
    assert ticks(1234)[0] == 0 and ticks(1234)[-1] >= 1234 and len(ticks(1234)) <= 12


def test_all_zero_bar_chart_has_clean_ticks() -> None:
    """The old chart of an all-zero year read "-0 -0 -0 0 0"."""
    words = texts(svg(bars((0, 0, 0), (0, 0, 0), total=None)))
    assert not any(w.startswith("-") for w in words)
    assert "0" in words and "1" in words


def test_unmet_and_unassessable_are_stacked_and_named() -> None:
    markup = svg(bars((2, 0, 5), (0, 3, 1)))
    words = texts(markup)
    assert "Chưa đạt" in words and "Chưa đánh giá được" in words  # the legend names both series
    assert {"2", "3", "5"} <= set(words)  # values printed on their bars
    assert "10" in words  # the axis reaches the denominator (9) on a round tick
    assert "trên 9 xã" in markup
    # the most unmet first, at the top: pygal's first label is drawn at the bottom
    labels = [w for w in words if w.endswith(tuple(f"Tiêu chí {i}" for i in (1, 2, 3)))]
    assert labels == ["3. Tiêu chí 3", "2. Tiêu chí 2", "1. Tiêu chí 1"]


def test_embeddable_without_script_and_stable() -> None:
    chart = bars((1, 2), (0, 1))
    first, second = svg(chart), svg(chart)
    assert first == second  # no random ids, no date
    assert first.startswith("<svg") and "<script" not in first and "<?xml" not in first and "<!--" not in first
    assert f'id="chart-{chart_id(chart).removeprefix("bd-")}"' in first
    assert re.fullmatch(r"bd-[A-Za-z0-9_-]+", chart_id(chart))
    assert 'role="img"' in first and 'aria-label="Số xã chưa đạt' in first


def test_line_numbers_are_vietnamese_and_axis_is_the_set_size() -> None:
    chart = BieuDoDuong("binh_quan.19", "Bình quân — bộ 19 tiêu chí", (2023, 2024, 2025),
                        (("Bộ A", (13.94, None, 15.5)), ("Bộ B", (0.0, 1.25, 2.0))), "Tiêu chí/xã", toi_da=19)
    words = texts(svg(chart))
    assert "13,9" in words and "15,5" in words and "1,3" in words and "0" in words
    assert "20" in words and "25" not in words
    assert not any("." in w and w.replace(".", "").isdigit() for w in words)  # never an English decimal point


def test_heat_map_by_status_and_by_share() -> None:
    status = BieuDoNhiet("ma_tran.x", "Ma trận <xã> & tiêu chí", ("Xã A", "Xã <B>"), ("1", "2"),
                         ((float(T.dat), float(T.chua_dat)), (float(T.thieu_so_lieu), float(T.dat))), ty_le=False)
    markup = svg(status)
    words = texts(markup)  # parses: names are escaped
    assert "Xã <B>" in words and "Đạt" in words and "Chưa đạt" in words and "Chưa có số liệu" in words
    assert markup.count("<rect") >= 4 + 3
    share = BieuDoNhiet("ma_tran.y", "Nhóm", ("Huyện A",), ("1",), ((0.5,),), ty_le=True, ghi_chu="Hơn 300 xã")
    assert "50%" in texts(svg(share)) and "Hơn 300 xã" in texts(svg(share))
    assert mau_ty_le(0.0) == "#F8696B" and mau_ty_le(1.0) == "#63BE7B" and mau_ty_le(2.0) == "#63BE7B"
