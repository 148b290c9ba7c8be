"""The HTML report in a real browser: Debian's Chromium, driven by Playwright, with the network off.

Playwright drives the installed /usr/bin/chromium (`executable_path`; no
browser is downloaded). The page is loaded from a file with the context
offline and every request that is not the file itself refused and recorded:
there must be none, no console error, the tables and charts must be there,
sorting a column must sort it, and a screenshot of the page is taken.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import require_program
from planlib import REPO, run

sys.path.insert(0, str(REPO / "benchmarks"))
import make_province

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    make_province.generate(folder / "tinh", 40, 2026)
    out = folder / "bao-cao.html"
    code, _ = run("report", str(folder / "tinh"), "-o", str(out))
    assert code == 1  # two broken plans listed
    return out


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_report_page_in_chromium(page_file: Path, tmp_path: Path) -> None:
    chromium = require_program("chromium", "chromium")
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)  # a fresh temporary profile
        try:
            context = browser.new_context(offline=True, viewport={"width": 1400, "height": 1000}, locale="vi-VN")

            def refuse(route: object) -> None:
                url = route.request.url  # type: ignore[attr-defined]
                if url == page_file.as_uri():
                    route.continue_()  # type: ignore[attr-defined]
                else:
                    requests.append(url)
                    route.abort()  # type: ignore[attr-defined]

            context.route("**/*", refuse)
            page = context.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(page_file.as_uri(), wait_until="load")

            assert page.title().startswith("Báo cáo kết quả xây dựng nông thôn mới tỉnh Hòa Sơn, năm 20")
            assert page.locator("table.sortable").count() >= 8
            assert page.locator("figure.chart svg").count() >= 4  # bars, line, heat maps
            assert page.locator("figure.chart svg text", has_text="Số xã chưa đạt theo tiêu chí").count() >= 1

            # Sort the matrix by "Số tiêu chí đạt", then the other way.
            matrix = page.locator('table[data-bang="ma_tran"]').first
            headers = matrix.locator("thead th")
            column = [headers.nth(i).inner_text().strip(" ↕▲▼") for i in range(headers.count())].index("Số tiêu chí đạt")

            def values() -> list[int]:
                cells = matrix.locator(f"tbody tr td:nth-child({column + 1})").all_inner_texts()
                return [int(v.replace(".", "")) for v in cells]

            before = values()
            headers.nth(column).click()
            first = values()
            headers.nth(column).click()
            second = values()
            assert sorted(before) == sorted(first)
            assert first in (sorted(first), sorted(first, reverse=True)) and second == first[::-1] != before

            shot = tmp_path / "bao-cao.png"
            page.screenshot(path=str(shot), full_page=False)
        finally:
            browser.close()
    assert problems == [] and requests == []
    width, height = _png_size(shot)
    assert (width, height) == (1400, 1000) and shot.stat().st_size > 50_000


@pytest.mark.parametrize("width", [1280, 390])
def test_wide_tables_scroll_in_their_frame(page_file: Path, tmp_path: Path, width: int) -> None:
    """The page never scrolls sideways; a wide table scrolls inside its frame, its header row (and, on a wide
    screen, its first columns) kept in view; matrix cells are marks with the full phrase on hover and in the
    legend; charts keep a readable size by scrolling in their own frame."""
    chromium = require_program("chromium", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900}, locale="vi-VN")
            page.goto(page_file.as_uri(), wait_until="load")
            assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
            page.screenshot(path=str(tmp_path / f"top-{width}.png"))

            matrix = page.locator('table[data-bang="ma_tran"]').first
            frame = matrix.locator("xpath=..")
            frame.scroll_into_view_if_needed()
            sizes = frame.evaluate("e => [e.scrollWidth, e.clientWidth, e.scrollHeight, e.clientHeight]")
            assert sizes[0] > sizes[1] and sizes[2] > sizes[3]  # it scrolls, inside its frame
            frame.evaluate("e => { e.scrollTop = 300; e.scrollLeft = 500; }")
            page.wait_for_timeout(100)
            frame_box = frame.bounding_box()
            header_box = matrix.locator("thead th").nth(8).bounding_box()
            assert frame_box and header_box and abs(header_box["y"] - frame_box["y"]) <= 2  # header row kept
            first = matrix.locator("tbody tr").nth(5).locator("td").first.bounding_box()
            assert first is not None
            if width >= 1000:
                assert abs(first["x"] - frame_box["x"]) <= 2  # first columns kept in view
            page.screenshot(path=str(tmp_path / f"matrix-{width}.png"))
            assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")

            cell = matrix.locator("tbody td[title]").first
            mark, phrase = cell.inner_text(), cell.get_attribute("title")
            assert len(mark) <= 2 and phrase and phrase.startswith(("Đạt", "Chưa"))
            legend = page.locator("p.legend").first.inner_text()
            assert phrase in legend and mark in legend
            heights = matrix.locator("tbody tr").evaluate_all("rows => rows.slice(0, 30).map(r => r.offsetHeight)")
            font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('table.sortable td')).fontSize)")
            assert max(heights) < font * 4.5  # rows of one or two lines, not five or six

            # Charts: labels never shrink below about 8 px; a narrow screen scrolls the drawing instead.
            for svg in page.locator("figure.chart svg").all()[:6]:
                scale = svg.evaluate("s => s.getBoundingClientRect().width / s.viewBox.baseVal.width")
                assert scale * 11 >= 7.5, scale
        finally:
            browser.close()


def test_page_prints_landscape_a_section_a_page(page_file: Path, tmp_path: Path) -> None:
    chromium = require_program("chromium", "chromium")
    pdfinfo = require_program("pdfinfo", "poppler-utils")
    pdftotext = require_program("pdftotext", "poppler-utils")
    from playwright.sync_api import sync_playwright

    pdf = tmp_path / "bao-cao.pdf"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS)
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            headings = page.locator("main section > h2").all_inner_texts()
            page.pdf(path=str(pdf), prefer_css_page_size=True)
        finally:
            browser.close()
    info = subprocess.run([pdfinfo, "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    assert sizes and all(float(w) > float(h) for w, h in sizes)  # A4 landscape
    pages = subprocess.run([pdftotext, str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    assert len(headings) >= 4
    for heading in headings:
        starts = [p for p in pages if p.lstrip().startswith(heading.strip())]
        assert len(starts) == 1, heading  # each section begins a page
