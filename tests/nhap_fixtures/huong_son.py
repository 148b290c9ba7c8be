"""The Hương Sơn plan (Kế hoạch 03/KH-UBND, the seed: tests/data/render/ke-hoach-huong-son-2023.txt)
as a commune office types it in Word, two ways:

- `typed`: numbers typed by hand ("I.", "1.", "1.1.", "- "), headings in bold, the header and the
  closing (Nơi nhận beside the signature) in borderless tables, the title's second line and the
  signer's title after Shift+Enter;
- `automatic`: the same text with Word's automatic numbering (I., 1., 1.1. and "-" bullets drawn
  from numbering.xml), the closing as plain paragraphs after the body.

The seed's own words are kept, typos included ("hũ hống", "Phần đầu", "NTN kiểu mẫu"): an import
must bring the document as it is, not the shipped plan's corrected text.
"""

from __future__ import annotations

import re
from pathlib import Path

from nhap_fixtures.soan import Soan

SEED = Path(__file__).resolve().parent.parent / "data" / "render" / "ke-hoach-huong-son-2023.txt"

_ROMAN = re.compile(r"^(?P<so>[IVX]+)\.\s+(?P<ten>.+)$")
_ONE = re.compile(r"^(?P<so>\d+)\.\s+(?P<ten>.+)$")
_TWO = re.compile(r"^(?P<so>\d+\.\d+)\.\s+(?P<ten>.+)$")

HEADER = {
    "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ HƯƠNG SƠN",
    "so_hieu": "03/KH-UBND",
    "dia_danh": "Hương Sơn",
    "ngay_ban_hanh": "2023-01-05",
    "nguoi_ky": {"tham_quyen": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Hồ Thanh Nghi"},
}


def _blocks() -> tuple[str, list[str], list[str], list[str]]:
    """(title block, body paragraphs, recipients, signer lines) of the seed."""
    text = SEED.read_text(encoding="utf-8")
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("KẾ HOẠCH"))
    end = next(i for i, b in enumerate(blocks) if b.startswith("Nơi nhận"))
    body = [line.strip() for b in blocks[start + 1:end] for line in b.split("\n") if line.strip()]
    recipients = [line.strip() for line in blocks[end + 1].split("\n")]
    signer = blocks[end + 2].strip("*").split("\n")
    return blocks[start], body, recipients, signer


def _start(doc: Soan) -> None:
    doc.header_table(
        [("ỦY BAN NHÂN DÂN", True), ("XÃ HƯƠNG SƠN", True), ("_______", False)],
        [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True), ("_______________", False)],
        "Số: 03/KH-UBND", "Hương Sơn, ngày 05 tháng 01 năm 2023")


def make_typed(folder: Path) -> Path:
    title, body, recipients, signer = _blocks()
    doc = Soan()
    _start(doc)
    name, *subject = title.split("\n")
    doc.para(name, bold=True, center=True)
    doc.para("\n".join(subject), bold=True, center=True)  # one paragraph, a Shift+Enter inside
    doc.para("")
    for line in body:
        heading = _ROMAN.match(line) or _ONE.match(line)
        if _TWO.match(line):
            doc.para(line, bold=True, italic=True)
        elif heading and not line.startswith("-"):
            doc.para(line, bold=True)
        elif line.startswith(("Thực hiện Kế hoạch", "Thực hiện Nghị quyết")):
            doc.para(line, italic=True)
        else:
            doc.para(line)
    doc.closing_table(recipients, signer, "Hồ Thanh Nghi")
    return doc.save(folder / "huong-son-go-so.docx")


def make_automatic(folder: Path) -> Path:
    title, body, recipients, signer = _blocks()
    doc = Soan()
    outline = doc.numbering([("upperRoman", "%1."), ("decimal", "%2."), ("decimal", "%2.%3.")])
    bullets = doc.numbering([("bullet", "-")])
    _start(doc)
    name, *subject = title.split("\n")
    doc.para(name, bold=True, center=True)
    doc.para("\n".join(subject), bold=True, center=True)
    for line in body:
        two, roman, one = _TWO.match(line), _ROMAN.match(line), _ONE.match(line)
        if two:
            doc.para(two["ten"], bold=True, italic=True, numbering=(outline, 2))
        elif roman:
            doc.para(roman["ten"], bold=True, numbering=(outline, 0))
        elif one:
            doc.para(one["ten"], bold=True, numbering=(outline, 1))
        elif line.startswith("- "):
            doc.para(line[2:], numbering=(bullets, 0))
        elif line.startswith(("Thực hiện Kế hoạch", "Thực hiện Nghị quyết")):
            doc.para(line, italic=True)
        else:
            doc.para(line)
    doc.para("Nơi nhận:", bold=True, italic=True)
    for line in recipients:
        doc.para(line)
    doc.para("\n".join(signer), bold=True, center=True)
    doc.para("")
    doc.para("Hồ Thanh Nghi", bold=True, center=True)
    return doc.save(folder / "huong-son-tu-dong.docx")
