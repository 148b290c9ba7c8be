"""The HTML report in a real browser: Debian's Chromium, driven by Playwright, with the network off.

Playwright drives the installed /usr/bin/chromium (`executable_path`; no
browser is downloaded). The page is loaded from a file with the context
offline and every request that is not the file itself refused and recorded:
there must be none, no console error, the tables and charts must be there,
sorting a column must sort it, and a screenshot of the page is taken.
"""

from __future__ import annotations

import struct
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

            assert page.title() == "Báo cáo kết quả xây dựng nông thôn mới tỉnh Hòa Sơn, năm 2023–2025"
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
