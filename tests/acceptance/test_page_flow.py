"""Page flow of the signed document, read from the PDF as an official would see it: every plan in
plans/ and generated shapes (short, long, annexes, tables, Party style, bodies of every length so
that the signature falls at every place of a page) are rendered to .docx by the CLI, converted by
LibreOffice in one batch, and each page's text is read with pdftotext. On every one:
- the page that holds the signature and Nơi nhận also holds the last body paragraph (and the
  closing sentence): the signature never stands alone on a page;
- no page ends with a heading;
- a table that runs onto another page repeats its header row there.
Needs libreoffice-writer-nogui and poppler-utils (skipped elsewhere, failing under CI=true).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import require_program
from doclib import render
from planlib import REPO

from ntm.present.document.build import build_document
from ntm.present.document.docx_xml import KEEP_WHOLE_CHARS
from ntm.present.document.model import HEADINGS, MUC, Khoi, VanBanKeHoach
from ntm.run import check_file

PLANS = sorted((REPO / "plans").glob("*.yaml"))
DATA = REPO / "tests" / "data" / "render"
SEED = REPO / "plans" / "huong-son-2023.yaml"
PARTY = REPO / "plans" / "cam-ha-2022-thi-dua.yaml"
FILLER = ("Các thôn rà soát, báo cáo kết quả thực hiện từng tiêu chí về Ban Chỉ đạo xã trước ngày 20 hằng "
          "tháng; những khó khăn, vướng mắc vượt thẩm quyền được tổng hợp, báo cáo kịp thời để xem xét.")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _padded(base: Path, extra: int) -> Callable[[], dict[str, Any]]:
    """The plan with `extra` more paragraphs in its last implementation item: the signature block
    moves down by a few lines per paragraph, across a page's end."""
    def make() -> dict[str, Any]:
        data = _load(base)
        last = data["to_chuc_thuc_hien"][-1]
        given = last["noi_dung"]
        last["noi_dung"] = [*([given] if isinstance(given, str) else given), *[FILLER] * extra]
        return data
    return make


def _long() -> dict[str, Any]:
    """Every criterion's tasks three times over: a plan of many pages."""
    data = _load(SEED)
    for entry in data["tieu_chi"].values():
        for key in ("nhiem_vu", "giai_phap"):
            if isinstance(entry, dict) and entry.get(key):
                value = entry[key]
                entry[key] = [*([value] if isinstance(value, str) else value)] * 3
    return data


def _annexes() -> dict[str, Any]:
    """A long data table and the indicator-level status table as annexes (header rows repeat)."""
    data = _load(SEED)
    rows = [[n, f"Công trình số {n} của thôn", f"Thôn {n % 7 + 1}", 1000 + 37 * n, 250 * n] for n in range(1, 71)]
    data["phu_luc"] = [
        {"tieu_de": "Danh mục công trình", "bang": {
            "don_vi": "triệu đồng",
            "cot": ["Số TT", "Công trình", "Địa điểm", {"ten": "Khối lượng", "don_vi": "m"},
                    {"ten": "Kinh phí", "tong": True}],
            "dong": rows}},
        {"tieu_de": "Tình trạng các tiêu chí", "bang": "tinh_trang_tieu_chi", "chi_tiet": True},
        {"tieu_de": "Tình trạng các tiêu chí (tóm tắt)", "bang": "tinh_trang_tieu_chi"},
    ]
    return data


def _filled_skeleton() -> dict[str, Any]:
    """What `ntm init` writes for the 2021-2025 set (19 criteria, every indicator), with every
    figure filled in and the status annex: the annex must still fit two pages."""
    from typer.testing import CliRunner

    from ntm.cli.app import app

    done = CliRunner().invoke(app, ["init", "-", "-b", "xa-ntm-2021-2025", "--vung", "bac-trung-bo", "--nam", "2024",
                                    "--xa", "Thử", "--tinh", "Quảng Trị"])
    assert done.exit_code == 0, done.output
    text = re.sub(r"gia_tri:\s+# có hoặc không.*", "gia_tri: không", done.stdout)
    text = re.sub(r"gia_tri:\s+# tỷ lệ %.*", "gia_tri: 70%", text)
    text = re.sub(r"gia_tri:\s+#.*", "gia_tri: 3", text)
    text = text.replace("[ĐIỀN: ", "[").replace("[", "(").replace("]", ")")  # placeholders filled in
    data = yaml.safe_load(text)
    data["phu_luc"] = [{"tieu_de": "Tình trạng các tiêu chí", "bang": "tinh_trang_tieu_chi"}]
    return data


def _test_plan(name: str, extra: int = 0) -> Callable[[], dict[str, Any]]:
    def make() -> dict[str, Any]:
        data = _load(DATA / name)
        if extra:
            data["to_chuc_thuc_hien"] = [*data.get("to_chuc_thuc_hien", []),
                                         {"co_quan": "Các thôn", "noi_dung": [FILLER] * extra}]
        return data
    return make


# name -> plan data. Paddings sweep the signature across page ends (a page holds about 40 lines).
SHAPES: dict[str, Callable[[], dict[str, Any]]] = {
    "ngan": _test_plan("day-du.yaml"),
    "ngan-dang": _test_plan("dang-uy.yaml"),
    "khoi-bang-phu-luc": _test_plan("khoi.yaml"),
    **{f"nha-nuoc-them-{k}": _padded(SEED, k) for k in (1, 2, 3, 4, 5, 6, 7)},
    **{f"dang-them-{k}": _padded(PARTY, k) for k in (1, 2, 3, 4, 5)},
    "ngan-them-8": _test_plan("day-du.yaml", 8),
    "dai": _long,
    "phu-luc-dai": _annexes,
    "khung-du-so-lieu": _filled_skeleton,
}


@dataclass(frozen=True)
class Rendered:
    name: str
    document: VanBanKeHoach
    pages: list[str]  # each page's text in reading order, whitespace collapsed
    pdf: Path | None = None


def squash(text: str) -> str:
    return " ".join(text.split())


def _write_plan(folder: Path, name: str, data: dict[str, Any]) -> Path:
    plan = folder / f"{name}.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plan


def pdf_pages(pdf: Path, layout: bool = False) -> list[str]:
    """Each page's text: in reading order, or `layout` as laid out (a table's rows as lines)."""
    done = subprocess.run([require_program("pdftotext", "poppler-utils"), *(["-layout"] if layout else []),
                           str(pdf), "-"], capture_output=True, text=True, check=True)
    return [squash(page) for page in done.stdout.split("\f")][: _page_count(pdf)]


def _page_count(pdf: Path) -> int:
    info = subprocess.run([require_program("pdfinfo", "poppler-utils"), str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def convert_all(docx_files: list[Path], out: Path) -> None:
    """One LibreOffice run for all the documents (each start costs seconds on a shared machine)."""
    soffice = require_program("soffice", "libreoffice-writer-nogui")
    profile = out / "ho-so"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), *map(str, docx_files)],
                   capture_output=True, check=True, timeout=600, env={"HOME": str(out), "PATH": "/usr/bin:/bin"})
    shutil.rmtree(profile, ignore_errors=True)


def model_of(plan: Path) -> VanBanKeHoach:
    result = check_file(plan, str(plan), assessing=True, anywhere=True)
    assert result.plan is not None and result.assessment is not None, result.diagnostics
    return build_document(result.plan, result.assessment)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    require_program("soffice", "libreoffice-writer-nogui")
    folder = tmp_path_factory.mktemp("trang")
    shutil.copy(DATA / "bo-tieu-chi-nho.yaml", folder)
    plans = {p.stem: p for p in PLANS}
    plans.update({name: _write_plan(folder, name, make()) for name, make in SHAPES.items()})
    docx_files = []
    for name, plan in plans.items():
        target = folder / f"{name}.docx"
        code, _, err = render(str(plan), "-o", str(target), "--cho-phep-ngoai-kho")
        assert code == 0, (name, err)
        docx_files.append(target)
    convert_all(docx_files, folder)
    return {name: Rendered(name, model_of(plan), pdf_pages(folder / f"{name}.pdf"), folder / f"{name}.pdf")
            for name, plan in plans.items()}


def _body_tail(doc: VanBanKeHoach) -> list[str]:
    """The texts that must share the signature's page: the last body paragraph, the closing
    sentence; of a paragraph too long to be kept whole (KEEP_WHOLE_CHARS), its last words."""
    tail: list[str] = []
    last = doc.phan[-1].khoi[-1] if doc.phan and doc.phan[-1].khoi else None
    if isinstance(last, Khoi):
        tail.append(last.van_ban)
    if doc.cau_ket:
        tail.append(doc.cau_ket)
    return [squash(t) if len(t) <= KEEP_WHOLE_CHARS else " ".join(t.split()[-8:]) for t in tail]


def _headings(doc: VanBanKeHoach) -> list[str]:
    out = [squash(p.dong_tieu_de) for p in doc.phan]
    for part in (*doc.phan, *doc.phu_luc):
        out += [squash(k.van_ban) for k in part.khoi if isinstance(k, Khoi) and k.loai in (MUC, *HEADINGS)]
    return out


def signature_alone(r: Rendered) -> list[str]:
    """What the signature's page lacks of the body's end (empty when the page flows right)."""
    name = squash(r.document.chu_ky.ho_ten)
    pages = [n for n, text in enumerate(r.pages) if "Nơi nhận" in text and name in text]
    assert len(pages) == 1, (r.name, "the signature block and Nơi nhận on one page", pages)
    page = r.pages[pages[0]]
    return [text for text in _body_tail(r.document) if text not in page]


def page_ending_in_heading(r: Rendered) -> list[tuple[int, str]]:
    headings = _headings(r.document)
    return [(n + 1, h) for n, text in enumerate(r.pages) for h in headings if h and text.endswith(h)]


def test_every_plan_and_shape_is_rendered(rendered: dict[str, Rendered]) -> None:
    assert len(SHAPES) >= 10 and set(rendered) >= {p.stem for p in PLANS}
    assert all(len(r.pages) >= 1 and r.pages[0] for r in rendered.values())
    # the paddings really move the signature: the documents do not all end alike
    assert len({len(rendered[f"nha-nuoc-them-{k}"].pages) for k in (1, 7)}) == 2


@pytest.mark.parametrize("name", [*(p.stem for p in PLANS), *SHAPES])
def test_the_signature_never_stands_alone(rendered: dict[str, Rendered], name: str) -> None:
    assert signature_alone(rendered[name]) == []


@pytest.mark.parametrize("name", [*(p.stem for p in PLANS), *SHAPES])
def test_no_page_ends_with_a_heading(rendered: dict[str, Rendered], name: str) -> None:
    assert page_ending_in_heading(rendered[name]) == []


def test_table_headers_repeat_on_every_page(rendered: dict[str, Rendered]) -> None:
    r = rendered["phu-luc-dai"]
    assert r.pdf is not None
    pages = pdf_pages(r.pdf, layout=True)
    works = [n for n, text in enumerate(pages) if "Công trình số " in text]
    assert len(works) >= 2  # the 70 rows run over pages
    for n in works:
        assert "Số TT Công trình Địa điểm" in pages[n], n + 1
    # the indicator-level status table: 7 columns, its header on each of its pages
    detail = [n for n, text in enumerate(pages) if "Tỷ lệ tham gia bảo hiểm y tế" in text or "Chưa có số liệu" in text]
    assert detail
    for n in detail:
        assert "Số Tiêu chí Chỉ tiêu Yêu cầu Hiện trạng Mục tiêu Đánh giá" in pages[n] or "TT Tiêu chí Yêu cầu" in pages[n]


def test_the_checks_can_fail() -> None:
    """The readers of pages find what they look for: a signature alone, a heading at a page's end."""
    doc = model_of(SEED)
    body = squash(doc.phan[-1].khoi[-1].van_ban)  # type: ignore[union-attr]
    name = squash(doc.chu_ky.ho_ten)
    alone = Rendered("x", doc, [f"1 {body}", f"2 Nơi nhận: - Lưu: VT. {name}"])
    assert signature_alone(alone) == [body, squash(doc.cau_ket or "")]
    heading = squash(doc.phan[1].dong_tieu_de)
    ends = Rendered("x", doc, [f"1 text {heading}", f"2 {body} {squash(doc.cau_ket or '')} Nơi nhận: {name}"])
    assert page_ending_in_heading(ends) == [(1, heading)]
    assert signature_alone(ends) == []


FORBIDDEN = ("chưa đối chiếu", "nguồn thứ cấp", "số tạm", "kế hoạch tự nêu", "≥", "≤")


@pytest.mark.parametrize("name", [p.stem for p in PLANS])
def test_a_shipped_plans_pdf_carries_no_tool_talk(rendered: dict[str, Rendered], name: str) -> None:
    text = " ".join(rendered[name].pages)
    assert [w for w in FORBIDDEN if w in text] == []


def status_annex_pages(r: Rendered) -> list[int]:
    """The pages (1-based) of the criteria status annex: from its title to the next annex or the end."""
    titles = [a for a in r.document.phu_luc if any(k.loai == "bang" and not k.tieu_de and k.cot[:2] in
                                                   (("TT", "Tiêu chí"), ("Số", "Tiêu chí")) for k in a.khoi)]
    out: list[int] = []
    for annex in titles:
        start = next(n for n, text in enumerate(r.pages) if squash(annex.tieu_de) in text)
        end = next((n for n in range(start + 1, len(r.pages)) if "PHỤ LỤC" in r.pages[n][:40]), len(r.pages))
        out += list(range(start + 1, end + 1))
    return out


def test_the_status_annex_of_a_shipped_plan_fits_two_pages(rendered: dict[str, Rendered]) -> None:
    with_annex = {name: status_annex_pages(rendered[name]) for name in (*(p.stem for p in PLANS), "khung-du-so-lieu")}
    with_annex = {name: pages for name, pages in with_annex.items() if pages}
    assert with_annex  # at least one shipped plan has one
    for name, pages in with_annex.items():
        assert 1 <= len(pages) <= 2, (name, pages)
