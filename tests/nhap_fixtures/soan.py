"""Writing Word documents the way offices type them, with python-docx and its XML: a header in a
borderless table or laid out with tabs, typed or automatic numbers, bold-only headings,
Shift+Enter breaks, **bold** stretches inside a paragraph, a Nơi nhận / signature table."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

_STRONG = re.compile(r"(\*\*.+?\*\*|\*[^*]+?\*)", re.DOTALL)


class Soan:
    """A document being typed."""

    def __init__(self) -> None:
        self.doc = Document()
        style = self.doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(1.5)
        self._next_num = 100

    # ------------------------------------------------------------------ text

    def runs(self, paragraph: Any, text: str, bold: bool = False, italic: bool = False) -> None:
        """`text` with **bold** and *italic* stretches; a newline is a Shift+Enter break."""
        for piece in _STRONG.split(text):
            if not piece:
                continue
            strong = piece.startswith("**") and piece.endswith("**")
            slanted = not strong and piece.startswith("*") and piece.endswith("*") and len(piece) > 1
            body = piece[2:-2] if strong else piece[1:-1] if slanted else piece
            for n, line in enumerate(body.split("\n")):
                if n:
                    paragraph.add_run().add_break(WD_BREAK.LINE)
                if line:
                    run = paragraph.add_run(line)
                    run.bold = bold or strong or None
                    run.italic = italic or slanted or None

    def para(self, text: str = "", *, bold: bool = False, italic: bool = False, center: bool = False,
             right: bool = False, style: str | None = None, numbering: tuple[int, int] | None = None,
             into: Any = None, first: bool = False) -> Any:
        holder = into if into is not None else self.doc
        if first and into is not None and into.paragraphs and not into.paragraphs[0].text:
            paragraph = into.paragraphs[0]
            if style:
                paragraph.style = self.doc.styles[style]
        else:
            paragraph = holder.add_paragraph(style=style) if style else holder.add_paragraph()
        self.runs(paragraph, text, bold, italic)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if numbering is not None:
            num_id, ilvl = numbering
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        return paragraph

    # ------------------------------------------------------------------ layout

    def borderless_table(self, rows: int, cols: int) -> Any:
        table = self.doc.add_table(rows=rows, cols=cols)
        tbl_pr = table._tbl.tblPr
        tbl_pr.append(parse_xml(
            f'<w:tblBorders {nsdecls("w")}>' + "".join(
                f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
            + "</w:tblBorders>"))
        return table

    def header_table(self, left: list[tuple[str, bool]], right: list[tuple[str, bool]], number: str,
                     place_date: str) -> None:
        """The NĐ 30 header: issuer | Quốc hiệu, then Số | place and date, in a 2 x 2 table."""
        table = self.borderless_table(2, 2)
        for cell, lines in ((table.cell(0, 0), left), (table.cell(0, 1), right)):
            for n, (text, bold) in enumerate(lines):
                self.para(text, bold=bold, center=True, into=cell, first=n == 0)
        self.para(number, center=True, into=table.cell(1, 0), first=True)
        self.para(place_date, italic=True, center=True, into=table.cell(1, 1), first=True)

    def header_tabs(self, lines: list[tuple[str, str, bool]]) -> None:
        """The header laid out with tabs: each line "left<TAB>right", a tab stop at the middle."""
        for left, right, bold in lines:
            paragraph = self.doc.add_paragraph()
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(10))
            if left:
                paragraph.add_run(left).bold = bold
            paragraph.add_run("\t")
            run = paragraph.add_run(right)
            run.bold = bold and not right.endswith("năm 2024")
            run.italic = "ngày" in right

    def closing_table(self, recipients: list[str], signer: list[str], name: str) -> None:
        table = self.borderless_table(1, 2)
        left, right = table.cell(0, 0), table.cell(0, 1)
        self.para("Nơi nhận:", bold=True, italic=True, into=left, first=True)
        for line in recipients:
            self.para(line, into=left)
        self.para("\n".join(signer), bold=True, center=True, into=right, first=True)
        for _ in range(3):
            self.para("", into=right)
        self.para(name, bold=True, center=True, into=right)

    # ------------------------------------------------------------------ automatic numbering

    def numbering(self, levels: list[tuple[str, str]]) -> int:
        """A list definition (numFmt, lvlText per level) in numbering.xml; its numId."""
        part = self.doc.part.numbering_part.element
        self._next_num += 1
        abstract_id = num_id = self._next_num
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'<w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text) in enumerate(levels))
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
        first_num = part.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            part.append(abstract)
        part.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                              f'</w:num>'))
        return num_id

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path
