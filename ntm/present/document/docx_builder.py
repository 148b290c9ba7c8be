"""The .docx builder: appends paragraphs, rules, tables, footnotes and page sections to the body
in linear time (python-docx's own calls are quadratic in the document's length). The header,
footer, body blocks and annexes are laid out by functions that take a builder
(ntm.present.document.docx_the_thuc, docx_khoi)."""

from __future__ import annotations

import contextlib
import copy
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, Twips
from docx.text.paragraph import Paragraph

from ntm.present.document.docx_trang import STYLE_FORM, STYLE_NOTE, named_style
from ntm.present.document.docx_xml import ChuThich, mark_size, no_borders, orient, top_rule


def _add_paragraph(container: Any, style: Any) -> Any:
    """`container.add_paragraph(style=…)`, in constant time.

    python-docx scans for the default style on every call (half of a render's time),
    and inserts a body paragraph by searching the body's children for `w:sectPr` (a
    render of n paragraphs took n² steps: 48,500 paragraphs, minutes). Here the new
    paragraph goes straight before the section properties, which lxml does at once.
    """
    body = getattr(getattr(container, "element", None), "body", None)
    sect_pr = None
    if body is not None:
        with contextlib.suppress(IndexError):
            sect_pr = body[-1]  # lxml finds the last child at once
    if sect_pr is None or sect_pr.tag != qn("w:sectPr"):
        paragraph = container.add_paragraph()
    else:
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        paragraph = Paragraph(p, container._body)
    paragraph._p.style = style.style_id
    return paragraph


class DocxBuilder:
    """One document being built: its page width, its named styles (looked up once), its footnotes."""

    def __init__(self, document: Any, notes: tuple[str, ...] = ()) -> None:
        self.document = document
        section = document.sections[-1]
        self.width = Emu(section.page_width - section.left_margin - section.right_margin)
        self.styles: dict[str, Any] = {}
        self.notes = notes
        self.note_ids: dict[int, int] = {}
        self.chu_thich: ChuThich | None = None
        self.landscape = bool(section.page_width > section.page_height)
        self.sections_closed = 0

    def note(self, number: int) -> int:
        """The footnote part's id of the document's note `number` (written on first use)."""
        if self.chu_thich is None:
            self.chu_thich = ChuThich(self.document)
        found = self.note_ids.get(number)
        if found is None:
            found = self.note_ids[number] = self.chu_thich.add(self.notes[number - 1],
                                                                self.style(STYLE_NOTE).style_id)
        return found

    def insert(self, element: Any) -> None:
        """A block element (a table) at the end of the body, before its section properties."""
        body = self.document.element.body
        body[-1].addprevious(element) if body[-1].tag == qn("w:sectPr") else body.append(element)

    def orientation(self, landscape: bool) -> None:
        """Continue on landscape or portrait pages: a change ends the current section here."""
        if landscape == self.landscape:
            return
        body = self.document.element.body
        closing = copy.deepcopy(body[-1])  # the section so far keeps the current orientation
        paragraph = self.paragraph(self.document, STYLE_FORM)
        paragraph._p.get_or_add_pPr().append(closing)
        if self.sections_closed > 0:
            _drop_title_page(closing)
        self.sections_closed += 1
        orient(body[-1], landscape)
        _drop_title_page(body[-1])  # later sections number their first page too
        self.landscape = landscape

    def room(self, landscape: bool) -> int:
        sect_pr = self.document.element.body[-1]
        size, mar = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
        if size is None or mar is None:
            return int(self.width)
        width = int(size.get(qn("w:w"))) - int(mar.get(qn("w:left"))) - int(mar.get(qn("w:right")))
        return int(Twips(width))

    def finish(self) -> None:
        if self.chu_thich is not None:
            self.chu_thich.finish()

    def style(self, name: str) -> Any:
        """The named style, looked up once per render (python-docx searches the styles by XPath)."""
        found = self.styles.get(name)
        if found is None:
            found = self.styles[name] = named_style(self.document, name)
        return found

    def paragraph(self, container: Any, style: str) -> Any:
        """An empty paragraph of the named style at the end of `container` (the body or a cell)."""
        return _add_paragraph(container, self.style(style))

    def para(self, container: Any, style: str, text: str = "", *, size: float | None = None, bold: bool | None = None,
             italic: bool | None = None, before: float | None = None, after: float | None = None) -> Any:
        paragraph = self.paragraph(container, style)
        if text:
            lines = text.split("\n")
            for n, line in enumerate(lines):
                run = paragraph.add_run(line)
                run.font.size = Pt(size) if size else None
                run.font.bold = bold
                run.font.italic = italic
                if n < len(lines) - 1:
                    run.add_break()
        if before is not None:
            paragraph.paragraph_format.space_before = Pt(before)
        if after is not None:
            paragraph.paragraph_format.space_after = Pt(after)
        return paragraph

    def rule(self, container: Any, length: int, room: int, *, after: float = 0) -> None:
        """A centred solid rule `length` long, as the top border of a tiny indented paragraph."""
        length = max(min(length, room), int(Cm(1)))
        # 3 pt clear of the text above, so the rule is not read as an underline of it.
        paragraph = self.para(container, STYLE_FORM, before=3, after=after)
        side = Emu(max((room - length) // 2, 0))
        paragraph.paragraph_format.left_indent = side
        paragraph.paragraph_format.right_indent = side
        top_rule(paragraph)
        mark_size(paragraph, 2)

    def table(self, widths: list[int]) -> Any:
        table = self.document.add_table(rows=1, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        no_borders(table)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Emu(width)
            for cell in column.cells:
                cell.width = Emu(width)
        return table

    @staticmethod
    def fresh(cell: Any) -> Any:
        """A new cell holds one empty paragraph; remove it so the cell has only what we add."""
        for p in list(cell.paragraphs):
            p._p.getparent().remove(p._p)
        return cell


def _drop_title_page(sect_pr: Any) -> None:
    for el in sect_pr.findall(qn("w:titlePg")):
        sect_pr.remove(el)
