"""The report's charts as static SVG, drawn by matplotlib's SVG backend from the model's chart data.

No pyplot (no global figure state): each chart is a `Figure` saved to SVG
text, with text kept as text (selectable, Vietnamese as written) and ids
salted so that the same data gives the same file. Numbers on axes are
Vietnamese (52,8%; 14,1).
"""

from __future__ import annotations

import io
import math
from typing import Any, cast

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.model import BieuDo, BieuDoCot, BieuDoDuong, BieuDoNhiet
from ntm.present.numbers import so
from ntm.tong_hop.tom_tat import TrangThaiTieuChi as T

RC: dict[str, Any] = {
    "svg.fonttype": "none",  # text stays text: the page's fonts draw Vietnamese, it can be searched and copied
    "svg.hashsalt": "ntm-report",  # stable element ids: the same report twice is the same file
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib: its metrics lay the text out; the page may draw it in another
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
BAR = "#C0504D"
# The matrix's statuses: green met, red unmet (paler when self-assessed), yellow and greys undecided.
HEAT: dict[T, str] = {
    T.dat: "#63BE7B", T.dat_tu_danh_gia: "#B5DDA4", T.chua_dat: "#F8696B", T.chua_dat_tu_danh_gia: "#FBB4B5",
    T.thieu_so_lieu: "#FFEB84", T.chua_co_muc: "#D0D0D0", T.danh_muc_chua_du: "#A6A6A6",
}
STACK = ("#FFEB84", "#D0D0D0")  # stacked series: the heat map's "cannot be assessed" colours
LINES = ("#1F4E79", "#C55A11", "#548235", "#7030A0", "#BF8F00")
LABEL_WIDTH = 48  # characters of a criterion's name on the bar chart's axis
MAX_ROW_LABELS = 80  # heat-map rows above this are drawn without names


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _save(fig: Any) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": "ntm report"})
    text = out.getvalue()
    return text[text.index("<svg"):]  # the page embeds the element, not the XML prologue


def svg(chart: BieuDo) -> str:
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(cast(Any, RC)):
        if isinstance(chart, BieuDoCot):
            return _bar(chart, Figure)
        if isinstance(chart, BieuDoDuong):
            return _line(chart, Figure)
        return _heat(chart, Figure)


def _number_axis(axis: Any, decimals: int, percent: bool = False) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda v, _: f"{so(v * 100, 0)}%" if percent else so(v, decimals)))


def _bar(chart: BieuDoCot, figure: Any) -> str:
    from matplotlib.ticker import MaxNLocator

    count = len(chart.nhan)
    fig = figure(figsize=(8, 0.8 + 0.28 * count))
    ax = fig.subplots()
    positions = list(range(count))[::-1]  # the most unmet at the top
    ax.barh(positions, chart.gia_tri, color=BAR, label=chart.ten_gia_tri or None)
    totals = list(chart.gia_tri)
    for i, (name, values) in enumerate(chart.chong):  # stacked: cannot be assessed after unmet
        ax.barh(positions, values, left=totals, color=STACK[i % len(STACK)], label=name)
        totals = [a + b for a, b in zip(totals, values, strict=True)]
    for y, total in zip(positions, totals, strict=True):
        ax.annotate(so(total), (total, y), textcoords="offset points", xytext=(3, 0), va="center")
    ax.set_yticks(positions, [_short(label, LABEL_WIDTH) for label in chart.nhan])
    if chart.chong:
        ax.legend(loc="lower right", frameon=False)
    ax.set_xlim(0, max([1, *totals]) * 1.15)  # never below 0: an all-zero chart has no "-0" ticks
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    _number_axis(ax.xaxis, 0)
    ax.set_xlabel(chart.truc)
    ax.set_title(chart.tieu_de, loc="left")
    return _save(fig)


def _line(chart: BieuDoDuong, figure: Any) -> str:
    fig = figure(figsize=(8, 3.6))
    ax = fig.subplots()
    for i, (name, values) in enumerate(chart.duong):
        ys = [math.nan if v is None else v for v in values]
        ax.plot(chart.nam, ys, marker="o", color=LINES[i % len(LINES)], label=name)
        for x, y in zip(chart.nam, ys, strict=True):
            if not math.isnan(y):
                ax.annotate(so(y, 1), (x, y), textcoords="offset points", xytext=(0, 6), ha="center")
    ax.set_xticks(chart.nam, [str(y) for y in chart.nam])
    _number_axis(ax.yaxis, 1)
    ax.set_ylabel(chart.truc)
    ax.set_title(chart.tieu_de, loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.set_ylim(bottom=0)
    ax.margins(y=0.15)
    return _save(fig)


def _heat(chart: BieuDoNhiet, figure: Any) -> str:
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Patch

    rows = len(chart.hang)
    fig = figure(figsize=(8, min(14.0, max(2.5, 1.2 + 0.16 * rows))))
    ax = fig.subplots()
    if chart.ty_le:
        mesh = ax.pcolormesh(chart.o, cmap="RdYlGn", vmin=0, vmax=1, edgecolors="white", linewidth=0.3)
        bar = fig.colorbar(mesh, ax=ax, fraction=0.04, pad=0.02)
        bar.set_label(nhan.TRUC_TY_LE)
        _number_axis(bar.ax.yaxis, 0, percent=True)
    else:
        codes = sorted(HEAT)
        cmap = ListedColormap([HEAT[c] for c in codes])
        norm = BoundaryNorm([int(c) - 0.5 for c in codes] + [int(codes[-1]) + 0.5], cmap.N)
        ax.pcolormesh(chart.o, cmap=cmap, norm=norm, edgecolors="white", linewidth=0.3)
        present = sorted({T(int(v)) for row in chart.o for v in row})
        ax.legend(handles=[Patch(color=cmap(norm(int(c))), label=nhan.CHU_GIAI[c]) for c in present],
                  loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.set_xticks([i + 0.5 for i in range(len(chart.cot))], list(chart.cot))
    ax.xaxis.tick_top()
    if rows <= MAX_ROW_LABELS:
        ax.set_yticks([i + 0.5 for i in range(rows)], list(chart.hang), fontsize=7)
    else:
        ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_title(chart.tieu_de, loc="left", pad=18)
    if chart.ghi_chu:
        ax.set_xlabel(chart.ghi_chu)
    return _save(fig)
