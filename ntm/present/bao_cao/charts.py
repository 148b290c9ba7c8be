"""The report's charts as static SVG text, from the model's chart data: bars and lines by pygal, the heat map by hand.

pygal (pure Python, SVG only) keeps `pip install ntm` light: no numpy, no
matplotlib. The page embeds the SVG element itself, with no script
(`js=[]`), so its Content-Security-Policy is unchanged; the chart's style
sheet travels inside the SVG. Ids come from the chart's `ma` and pygal's
dated comment is dropped: the same data gives the same file. Every number
is Vietnamese (52,8; 1.234), ticks are whole numbers from 0 (never "-0"),
and an all-zero chart still has an axis from 0 to its denominator.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from typing import Any

from markupsafe import escape

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.model import BieuDo, BieuDoCot, BieuDoDuong, BieuDoNhiet
from ntm.present.numbers import so
from ntm.tong_hop.tom_tat import TrangThaiTieuChi as T

FONT = '"Liberation Sans", Arial, "DejaVu Sans", sans-serif'
WIDTH = 800  # the drawing's own width (viewBox); the page scales it, never below a readable minimum (CSS)
# Bars: unmet red, then the series stacked after it (cannot be assessed: grey).
BARS = ("#C0504D", "#A6A6A6", "#FFC000", "#4F81BD")
# The matrix's statuses: green met, red unmet (paler when self-assessed), yellow and greys undecided.
HEAT: dict[T, str] = {
    T.dat: "#63BE7B", T.dat_tu_danh_gia: "#B5DDA4", T.chua_dat: "#F8696B", T.chua_dat_tu_danh_gia: "#FBB4B5",
    T.thieu_so_lieu: "#FFEB84", T.chua_co_muc: "#D0D0D0", T.danh_muc_chua_du: "#A6A6A6",
}
LINES = ("#1F4E79", "#C55A11", "#548235", "#7030A0", "#BF8F00")
SCALE = ((0.0, (0xF8, 0x69, 0x6B)), (0.5, (0xFF, 0xEB, 0x84)), (1.0, (0x63, 0xBE, 0x7B)))  # share met: red, yellow, green
MAX_ROW_LABELS = 80  # heat-map rows above this are drawn without names


def chart_id(chart: BieuDo) -> str:
    """An id usable in CSS selectors (the set's id may hold dots)."""
    return "bd-" + re.sub(r"[^A-Za-z0-9_-]", "-", chart.ma)


def svg(chart: BieuDo) -> str:
    if isinstance(chart, BieuDoCot):
        return _bar(chart)
    if isinstance(chart, BieuDoDuong):
        return _line(chart)
    return _heat(chart)


def ticks(top: float) -> list[int]:
    """Whole-number ticks from 0 to at least `top`, about eight of them, on a round step (1, 2, 5, 10, 20…)."""
    top = max(1.0, top)
    rough = top / 8
    magnitude = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)
    return list(range(0, math.ceil(top / step) * step + 1, step))


def _style(colours: Sequence[str]) -> Any:
    from pygal.style import Style

    return Style(font_family=FONT, colors=tuple(colours), background="white", plot_background="white",
                 foreground="#222", foreground_strong="#111", foreground_subtle="#bbb", opacity="1", opacity_hover="1",
                 title_font_size=15, label_font_size=12, major_label_font_size=12, value_font_size=11,
                 legend_font_size=12, tooltip_font_size=12, transition="0s")


def _config(title: str, colours: Sequence[str], height: int, **more: Any) -> dict[str, Any]:
    return dict(
        js=[], disable_xml_declaration=True, explicit_size=False, style=_style(colours), width=WIDTH, height=height,
        title=title, legend_at_bottom=True, truncate_label=-1, truncate_legend=-1, print_values=True,
        show_minor_y_labels=True, margin=12, spacing=8, tooltip_fancy_mode=False, **{"print_zeroes": False, **more},
    )


def _strip(root: Any) -> Any:
    """pygal's dated comments and its inline configuration script (always written, even with `js=[]`): the
    page runs no chart script, and plan text must never land inside a <script>."""
    for parent in list(root.iter()):
        for child in list(parent):
            if callable(child.tag) or str(child.tag).rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root


def _finish(graph: Any, chart: BieuDo) -> str:
    graph.uuid = chart_id(chart).removeprefix("bd-")  # pygal names the element "chart-<uuid>"
    graph.add_xml_filter(_strip)
    text: str = graph.render(is_unicode=True)
    label = f' role="img" aria-label="{escape(chart.tieu_de)}"'
    return text.replace("<svg ", "<svg" + label + " ", 1)


def _bar(chart: BieuDoCot) -> str:
    import pygal

    series = chart.chuoi
    count = len(chart.nhan)
    totals = [sum(values[i] for _, values in series) for i in range(count)]
    top = chart.toi_da if chart.toi_da is not None else max(totals, default=0)
    scale = ticks(top)
    legend = len(series) > 1
    graph = pygal.HorizontalStackedBar(**_config(
        chart.tieu_de, BARS, 110 + 26 * count + (30 if legend else 0), range=(0, scale[-1]), y_labels=scale,
        value_formatter=lambda v: so(v, 0), show_legend=legend, x_title=chart.truc))
    graph.x_labels = list(reversed(chart.nhan))  # pygal draws the first label at the bottom: the most unmet on top
    for name, values in series:
        graph.add(name, list(reversed(values)))
    return _finish(graph, chart)


def _line(chart: BieuDoDuong) -> str:
    import pygal

    highest = max((v for _, values in chart.duong for v in values if v is not None), default=0.0)
    scale = ticks(chart.toi_da if chart.toi_da is not None else highest)
    graph = pygal.Line(**_config(
        chart.tieu_de, LINES, 400, range=(0, scale[-1]), y_labels=scale, value_formatter=lambda v: so(v, 1),
        y_title=chart.truc, allow_interruptions=True, dots_size=4, print_zeroes=True, margin_right=40))
    graph.x_labels = [str(y) for y in chart.nam]
    for name, values in chart.duong:
        graph.add(name, list(values))
    return _finish(graph, chart)


def mau_ty_le(share: float) -> str:
    """A share met (0-1) as a colour of the red-yellow-green scale."""
    share = min(1.0, max(0.0, share))
    for (x0, c0), (x1, c1) in itertools.pairwise(SCALE):
        if share <= x1:
            t = (share - x0) / (x1 - x0)
            return "#" + "".join(f"{round(a + (b - a) * t):02X}" for a, b in zip(c0, c1, strict=True))
    return "#63BE7B"


def _heat(chart: BieuDoNhiet) -> str:
    rows, cols = len(chart.hang), len(chart.cot)
    named = rows <= MAX_ROW_LABELS
    left = 190 if named else 20
    cell_w = max(18, min(34, (WIDTH - left - 20) // max(1, cols)))
    cell_h = 15 if named else max(3, min(8, 1200 // max(1, rows)))
    top = 58
    width = max(WIDTH, left + cell_w * cols + 20)
    grid_bottom = top + cell_h * rows
    if chart.ty_le:
        legend = [(mau_ty_le(v), f"{so(v * 100, 0)}%") for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
        legend_title = nhan.TRUC_TY_LE
    else:
        present = sorted({T(int(v)) for row in chart.o for v in row})
        legend = [(HEAT[c], nhan.CHU_GIAI[c]) for c in present]
        legend_title = nhan.CHU_GIAI_TIEU_DE
    per_line = 2
    legend_lines = (len(legend) + per_line - 1) // per_line
    height = grid_bottom + 34 + 22 * legend_lines + (22 if chart.ghi_chu else 0)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" id="chart-{chart_id(chart).removeprefix("bd-")}" class="heat" '
           f'role="img" aria-label="{escape(chart.tieu_de)}" viewBox="0 0 {width} {height}" '
           f'font-family="{escape(FONT)}" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{width / 2:g}" y="20" text-anchor="middle" font-size="15">{escape(chart.tieu_de)}</text>']
    for j, label in enumerate(chart.cot):
        out.append(f'<text x="{left + cell_w * j + cell_w / 2:g}" y="{top - 6}" text-anchor="middle">{escape(label)}</text>')
    for i, (name, values) in enumerate(zip(chart.hang, chart.o, strict=True)):
        y = top + cell_h * i
        if named:
            out.append(f'<text x="{left - 6}" y="{y + cell_h - 3}" text-anchor="end" font-size="11">'
                       f'{escape(name if len(name) <= 30 else name[:29] + "…")}<title>{escape(name)}</title></text>')
        for j, v in enumerate(values):
            colour = mau_ty_le(v) if chart.ty_le else HEAT[T(int(v))]
            out.append(f'<rect x="{left + cell_w * j}" y="{y}" width="{cell_w}" height="{cell_h}" fill="{colour}" '
                       f'stroke="white" stroke-width="{0.6 if named else 0.2}"/>')
    y = grid_bottom + 24
    out.append(f'<text x="{left}" y="{y}" font-weight="bold">{escape(legend_title)}:</text>')
    for k, (colour, label) in enumerate(legend):
        line, place = divmod(k, per_line)
        x, ly = left + 90 + place * 330, y + 22 * line
        out.append(f'<rect x="{x}" y="{ly - 11}" width="14" height="14" fill="{colour}" stroke="#888" stroke-width="0.5"/>'
                   f'<text x="{x + 20}" y="{ly}">{escape(label)}</text>')
    if chart.ghi_chu:
        out.append(f'<text x="{left}" y="{y + 22 * legend_lines + 4}" font-size="11">{escape(chart.ghi_chu)}</text>')
    out.append("</svg>")
    return "".join(out)
