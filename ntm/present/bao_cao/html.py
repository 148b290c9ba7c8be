"""The report as one self-contained HTML page: tables, SVG charts, sortable columns, no network.

Jinja2 with autoescape renders the page (templates/bao-cao.html.j2). Table
bodies, the bulk of a 10,000-plan page, are built here with
markupsafe.escape on every value (plan text is data) and handed to the
template as Markup. Sorting is tablesort 5.7.1 (MIT, vendored under
templates/vendor/tablesort/), inlined with the CSS, so the page asks for
nothing: its Content-Security-Policy forbids any request.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from markupsafe import Markup, escape

from ntm.present.bao_cao import nhan
from ntm.present.bao_cao.charts import HEAT, chart_id, svg
from ntm.present.bao_cao.dinh_dang import chu, khoa_sap_xep, pham_vi_chu
from ntm.present.bao_cao.model import Bang, BaoCao, BieuDo, BieuDoCot, BieuDoDuong, Kieu, OTrangThai
from ntm.present.numbers import so
from ntm.tong_hop.tom_tat import TrangThaiTieuChi as T

TEMPLATE = "bao-cao.html.j2"
VENDOR = ("vendor/tablesort/tablesort.min.js", "vendor/tablesort/tablesort.number.min.js",
          "vendor/tablesort/tablesort.intl.min.js")
# A matrix cell as a compact mark and a colour; the full phrase is its title (on hover) and in the legend.
# Marks, not letters: "Đ"/"C" read alike at a glance, and every unassessable kind is told from unmet.
MARKS: dict[T, str] = {
    T.dat: "✓", T.dat_tu_danh_gia: "✓*", T.chua_dat: "✗", T.chua_dat_tu_danh_gia: "✗*",
    T.thieu_so_lieu: "?", T.chua_co_muc: "–", T.danh_muc_chua_du: "…",
}
FIXED_MIN_REM = 3.0  # a kept-in-view column is at least this wide
_NUMERIC = {Kieu.so_nguyen, Kieu.so_thap_phan, Kieu.ty_le, Kieu.tang_giam, Kieu.tang_giam_nguyen, Kieu.nam,
            Kieu.trang_thai}


def _rows(b: Bang) -> Iterator[Markup]:
    kinds = [c.kieu for c in b.cot]
    for values in b.dong:
        cells = []
        for kieu, value in zip(kinds, values, strict=True):
            text = escape(chu(kieu, value))
            if isinstance(value, OTrangThai):
                cells.append(f'<td class="s{int(value.ma)}" data-sort="{int(value.ma)}" title="{text}">'
                             f"{MARKS[value.ma]}</td>")
            elif kieu in _NUMERIC:
                cells.append(f'<td class="n" data-sort="{escape(khoa_sap_xep(value))}">{text}</td>')
            else:
                cells.append(f"<td>{text}</td>")
        yield Markup("<tr>" + "".join(cells) + "</tr>\n")


def chart_table(chart: BieuDo) -> Markup | None:
    """The chart's figures as a small table, the text alternative to its drawing (the heat map's is the matrix)."""
    if isinstance(chart, BieuDoCot):
        head = [nhan.TIEU_CHI, *(name for name, _ in chart.chuoi)]
        body = [[label, *(so(values[i]) for _, values in chart.chuoi)] for i, label in enumerate(chart.nhan)]
    elif isinstance(chart, BieuDoDuong):
        head = [nhan.NAM, *(name for name, _ in chart.duong)]
        body = [[str(year), *("" if values[i] is None else so(values[i], 1) for _, values in chart.duong)]
                for i, year in enumerate(chart.nam)]
    else:
        return None
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" if k == 0 else f'<td class="n">{escape(c)}</td>'
                                    for k, c in enumerate(row)) + "</tr>" for row in body)
    return Markup(f'<table class="data"><caption>{escape(chart.tieu_de)}</caption><thead><tr>'
                  + "".join(f'<th scope="col">{escape(h)}</th>' for h in head) + f"</tr></thead><tbody>{rows}</tbody></table>")


def fixed_widths(b: Bang) -> list[float]:
    """The widths (rem) of the columns a wide table keeps in view when scrolled sideways (`co_dinh`)."""
    return [max(FIXED_MIN_REM, round(c.rong * 0.5, 1)) for c in b.cot[: b.co_dinh]]


def fixed_css(r: BaoCao) -> Markup:
    """Per table with kept-in-view columns: each one's width and its offset from the left edge."""
    rules = []
    for p in r.phan:
        for i, b in enumerate(p.bang, 1):
            left = 0.0
            for k, width in enumerate(fixed_widths(b), 1):
                cell = f"#t-{p.ma}-{i} tr > :nth-child({k})"
                rules.append(f"    {cell} {{ position: sticky; left: {left:g}rem; box-sizing: border-box; overflow: hidden; "
                             f"text-overflow: ellipsis; width: {width:g}rem; "
                             f"min-width: {width:g}rem; max-width: {width:g}rem; background: #fff; z-index: 1; }}")
                rules.append(f"    #t-{p.ma}-{i} thead th:nth-child({k}) {{ background: var(--head); z-index: 3; }}")
                left += width
    return Markup("\n".join(rules))


def _sort_method(kieu: Kieu) -> str:
    return "number" if kieu in _NUMERIC else "intl"


def render_html(r: BaoCao) -> Iterator[bytes]:
    """The page in pieces of ~1 MB (Jinja2's stream), so a 10,000-plan page is never one string."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from ntm.present.document.markdown import template_dirs

    dirs = template_dirs()
    env = Environment(loader=FileSystemLoader([str(d) for d in dirs]), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    scripts = Markup("\n".join(_vendor(dirs, name) for name in VENDOR))
    charts = {p.ma: [(chart_id(c), Markup(svg(c)), chart_table(c)) for c in p.bieu_do] for p in r.phan}
    stream = env.get_template(TEMPLATE).stream(
        r=r, nhan=nhan, charts=charts, rows=_rows, sort_method=_sort_method, scripts=scripts,
        heat={int(code): colour for code, colour in HEAT.items()},
        legend=[(int(code), MARKS[code], nhan.o_trang_thai(code)) for code in nhan.CHU_GIAI],
        fixed_css=fixed_css(r), pham_vi_chu=pham_vi_chu,
    )
    stream.enable_buffering(4096)
    for piece in stream:
        yield piece.encode("utf-8")


def _vendor(dirs: list[Path], name: str) -> str:
    for d in dirs:
        path = d / name
        if path.is_file():
            return path.read_text(encoding="utf-8").replace("</script", "<\\/script")
    raise FileNotFoundError(name)
