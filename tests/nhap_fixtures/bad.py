"""Word documents that `ntm import` must refuse or warn about, made at run time (tests/data/codes
NH0xx cases, tests/acceptance/test_import.py): a spreadsheet, an encrypted file, a zip bomb, a part of
broken XML, macros, a linked image, an embedded HTML chunk, text in the page header, a bold
heading without a number. Each is a small plan (xã Hòa Bình, invented) changed one way."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from nhap_fixtures.soan import Soan

HOA_BINH = {
    "co_quan_ban_hanh": "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH",
    "so_hieu": "21/KH-UBND",
    "dia_danh": "Hòa Bình",
    "ngay_ban_hanh": "2024-03-01",
}


def tiny(change: Callable[[Soan], None] | None = None) -> Soan:
    """A one-section plan of an invented commune; `change` edits it before the body is typed."""
    doc = Soan()
    if change is not None:
        change(doc)
    doc.header_table([("ỦY BAN NHÂN DÂN", True), ("XÃ HÒA BÌNH", True)],
                     [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True)],
                     "Số: 21/KH-UBND", "Hòa Bình, ngày 01 tháng 3 năm 2024")
    doc.para("KẾ HOẠCH", bold=True, center=True)
    doc.para("Xây dựng nông thôn mới năm 2024 của xã Hòa Bình, tỉnh Nghệ An", bold=True, center=True)
    doc.para("I. NHIỆM VỤ", bold=True)
    doc.para("Duy trì các tiêu chí đã đạt.")
    return doc


def finish(doc: Soan) -> bytes:
    doc.closing_table(["- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn An")
    out = io.BytesIO()
    doc.doc.save(out)
    return out.getvalue()


def plan_bytes() -> bytes:
    return finish(tiny())


def _rezip(data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> bytes:
    """The package with some parts' bytes replaced (the test's own zip writing, not ntm's reading)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
        for name, body in (add or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def spreadsheet() -> bytes:
    """A real .xlsx (XlsxWriter): a zip of the Office format that is not a Word document."""
    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.add_worksheet("Kế hoạch").write(0, 0, "Kế hoạch 2024")
    book.close()
    return out.getvalue()


def encrypted() -> bytes:
    """What Word writes for a password-protected .docx: a compound (OLE) file holding the streams
    EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO). Only the signature and the stream names
    matter to ntm; the rest is filler."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    names = "".join(f"{n}\0" for n in ("EncryptionInfo", "EncryptedPackage")).encode("utf-16-le")
    return header + names + bytes(4096)


def legacy_doc_named_docx() -> bytes:
    """A compound file without an encrypted package: a Word 97-2003 .doc given a .docx name."""
    return bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(4096)


def zip_bomb() -> bytes:
    """A part that unpacks from a few KB to 8 MB (ratio about 1000): refused from the zip's directory."""
    return _rezip(plan_bytes(), {}, {"word/media/bom.bin": b"\0" * (8 * 1024 * 1024)})


def broken_xml() -> bytes:
    return _rezip(plan_bytes(), {"word/document.xml": b"<w:document><w:body><w:p>"})


def with_macros() -> bytes:
    """A .docm: the main part's type says macros, and a VBA project part is there (never run)."""
    data = plan_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml").decode("utf-8")
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    ).replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    return _rezip(data, {"[Content_Types].xml": types.encode("utf-8")}, {"word/vbaProject.bin": b"Attribute VB_Name"})


def linked_image(target: str = "anh-cong-trinh.png") -> bytes:
    """A picture linked (not embedded) from outside the file: Word would fetch it; ntm never does."""
    doc = tiny()
    doc.doc.part.relate_to(target, RT.IMAGE, is_external=True)
    return finish(doc)


def alt_chunk() -> bytes:
    """An HTML fragment pasted in as an altChunk part, not yet turned into Word content."""
    doc = tiny()
    part = Part(PackURI("/word/chunk1.html"), "text/html", "<p>Đoạn dán từ trang web</p>".encode(), doc.doc.part.package)
    rid = doc.doc.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk")
    doc.doc.element.body.append(parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{rid}"/>'))
    return finish(doc)


def page_header_text() -> bytes:
    doc = tiny()
    doc.doc.sections[0].header.paragraphs[0].text = "Dự thảo lần 2"
    return finish(doc)


def bold_heading() -> bytes:
    doc = tiny()
    doc.para("Kết quả năm 2023", bold=True)
    doc.para("Giữ vững 19/19 tiêu chí.")
    return finish(doc)


def _setup(maker: Callable[[], bytes], suffix: str) -> Callable[[Path], None]:
    def setup(target: Path) -> None:
        target.with_suffix(suffix).write_bytes(maker())

    return setup


# tests/casefiles.py SETUPS: each writes `<case>.<suffix>` beside the place the case runner made for it.
NHAP_SETUPS: dict[str, Callable[[Path], None]] = {
    "nhap_spreadsheet": _setup(spreadsheet, ".docx"),
    "nhap_encrypted": _setup(encrypted, ".docx"),
    "nhap_zip_bomb": _setup(zip_bomb, ".docx"),
    "nhap_broken_xml": _setup(broken_xml, ".docx"),
    "nhap_macros": _setup(with_macros, ".docm"),
    "nhap_linked_image": _setup(linked_image, ".docx"),
    "nhap_alt_chunk": _setup(alt_chunk, ".docx"),
    "nhap_page_header": _setup(page_header_text, ".docx"),
    "nhap_bold_heading": _setup(bold_heading, ".docx"),
}
