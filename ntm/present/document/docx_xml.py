"""python-docx below its API: the OOXML elements it has no call for (borders, rules, fields,
tables built row by row, footnotes, turned pages), inserted in the schema's order."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ntm.present.document.font import FONT

# ----------------------------------------------------------------------------- low-level XML
# Word refuses a file whose property elements are out of the schema's order
# (LibreOffice does not care), so new children go before their successors.
_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_PPR_AFTER_RPR = ("w:sectPr", "w:pPrChange")
_TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                        "w:tblPrChange")
_TBLPR_AFTER_LAYOUT = ("w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def set_fonts(rpr_parent: Any, name: str = FONT) -> None:
    """All four font slots: Vietnamese letters come from hAnsi, but Word picks cs/eastAsia in some contexts."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def no_borders(table: Any) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    for old in tbl_pr.findall(qn("w:tblBorders")) + tbl_pr.findall(qn("w:tblLayout")):
        tbl_pr.remove(old)
    tbl_pr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")  # keep our column widths; autofit would squeeze the header
    tbl_pr.insert_element_before(layout, *_TBLPR_AFTER_LAYOUT)


def _keep(p: Any, whole: bool) -> None:
    """keepNext (and keepLines when `whole`) on a w:p; python-docx's element classes place them
    in schema order."""
    ppr = p.get_or_add_pPr()
    ppr.get_or_add_keepNext()
    if whole:
        ppr.get_or_add_keepLines()


# A paragraph longer than this (about eight lines) is not kept whole with what follows: moved as
# one block it could leave most of a page empty; its last lines still go along (widow control).
KEEP_WHOLE_CHARS = 600


def keep_with_next(element: Any) -> None:
    """A body paragraph, or every paragraph of a table's last row, stays on the page of what
    follows it; a paragraph of a few lines whole (Word and LibreOffice move its lines together)."""
    if element.tag == qn("w:p"):
        text = "".join(t.text or "" for t in element.iter(qn("w:t")))
        if len(text) <= KEEP_WHOLE_CHARS:
            _keep(element, True)
    elif element.tag == qn("w:tbl"):
        rows = element.findall(qn("w:tr"))
        if rows:
            for p in rows[-1].iter(qn("w:p")):
                _keep(p, True)


def box(paragraph: Any) -> None:
    """A thin frame on all four sides of a paragraph (the DỰ THẢO mark)."""
    p_pr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "8")
        el.set(qn("w:space"), "2")
        el.set(qn("w:color"), "000000")
        bdr.append(el)
    p_pr.insert_element_before(bdr, *_PPR_AFTER_PBDR)


def keep_row_together(table: Any) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def top_rule(paragraph: Any) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    top.set(qn("w:val"), "single")
    top.set(qn("w:sz"), "6")  # 3/4 pt, a thin solid rule
    top.set(qn("w:space"), "1")
    top.set(qn("w:color"), "000000")
    bdr.append(top)
    p_pr.insert_element_before(bdr, *_PPR_AFTER_PBDR)


def mark_size(paragraph: Any, size_pt: float) -> None:
    """The size of an empty paragraph's mark, which sets that paragraph's height."""
    p_pr = paragraph._p.get_or_add_pPr()
    rpr = p_pr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        p_pr.insert_element_before(rpr, *_PPR_AFTER_RPR)
    for tag in ("w:sz", "w:szCs"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), str(int(size_pt * 2)))
        rpr.append(el)


def page_field(paragraph: Any, size_pt: float) -> None:
    """A PAGE field (python-docx has no field API): begin, instruction, separate, cached value, end."""

    def run_with(child: Any | None, text: str | None = None) -> None:
        run = paragraph.add_run(text)
        run.font.size = Pt(size_pt)
        if child is not None:
            run._r.append(child)

    def fld_char(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(fld_char("begin"))
    run_with(instr)
    run_with(fld_char("separate"))
    run_with(None, "2")
    run_with(fld_char("end"))


# ----------------------------------------------------------------------------- tables
# Built straight in lxml, row by row: python-docx's table API finds rows and cells by XPath on
# every access, so a 5,000-row annex would take quadratic time.

_BORDER_SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _el(tag: str, parent: Any | None = None, **attrs: str) -> Any:
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    if parent is not None:
        parent.append(el)
    return el


def new_table(widths: list[int], *, borders: bool = True) -> Any:
    """An empty w:tbl with fixed column widths (twips), centred, ruled on every side."""
    tbl = _el("w:tbl")
    pr = _el("w:tblPr", tbl)
    _el("w:tblW", pr, w=str(sum(widths)), type="dxa")
    _el("w:jc", pr, val="center")
    rules = _el("w:tblBorders", pr)
    for side in _BORDER_SIDES:
        _el(f"w:{side}", rules, val="single" if borders else "nil", sz="4", space="0", color="000000")
    _el("w:tblLayout", pr, type="fixed")
    grid = _el("w:tblGrid", tbl)
    for width in widths:
        _el("w:gridCol", grid, w=str(width))
    return tbl


def add_row(tbl: Any, *, header: bool = False) -> Any:
    tr = _el("w:tr", tbl)
    pr = _el("w:trPr", tr)
    _el("w:cantSplit", pr)
    if header:
        _el("w:tblHeader", pr)  # repeated at the top of every page the table runs onto
    return tr


def add_cell(tr: Any, width: int, style_id: str, text: str, *, span: int = 1, merge: str | None = None,
             bold: bool = False, align: str | None = None) -> None:
    """One cell: `span` grid columns wide; `merge` "restart" or "continue" for a cell merged down."""
    tc = _el("w:tc", tr)
    pr = _el("w:tcPr", tc)
    _el("w:tcW", pr, w=str(width), type="dxa")
    if span > 1:
        _el("w:gridSpan", pr, val=str(span))
    if merge == "restart":
        _el("w:vMerge", pr, val="restart")
    elif merge == "continue":
        _el("w:vMerge", pr)
    _el("w:vAlign", pr, val="center")
    p = _el("w:p", tc)
    ppr = _el("w:pPr", p)
    _el("w:pStyle", ppr, val=style_id)
    if align is not None:
        _el("w:jc", ppr, val=align)
    if text:
        r = _el("w:r", p)
        if bold:
            rpr = _el("w:rPr", r)
            _el("w:b", rpr)
        t = _el("w:t", r)
        t.text = text
        t.set(qn("xml:space"), "preserve")


# ----------------------------------------------------------------------------- footnotes

_FOOTNOTES_XML = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


class ChuThich:
    """The document's footnotes part (python-docx has none): made when the base has none, else
    the template's own, with new notes numbered after its last."""

    def __init__(self, document: Any) -> None:
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml

        part = document.part
        self._part: Any = None
        for rel in part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                self._part = rel.target_part
                break
        if self._part is None:
            self._part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_FOOTNOTES_XML),
                                 part.package)
            part.relate_to(self._part, RT.FOOTNOTES)
        if isinstance(self._part, XmlPart):
            self.root = self._part.element
        else:  # a part python-docx keeps as bytes: parsed here, written back by finish()
            self.root = parse_xml(self._part.blob)
        ids = [int(n.get(qn("w:id"))) for n in self.root.iterfind(qn("w:footnote"))]
        self.next_id = max([0, *ids]) + 1

    def add(self, text: str, style_id: str) -> int:
        note_id = self.next_id
        self.next_id += 1
        note = _el("w:footnote", self.root, id=str(note_id))
        p = _el("w:p", note)
        ppr = _el("w:pPr", p)
        _el("w:pStyle", ppr, val=style_id)
        r = _el("w:r", p)
        rpr = _el("w:rPr", r)
        _el("w:vertAlign", rpr, val="superscript")
        _el("w:footnoteRef", r)
        r2 = _el("w:r", p)
        t = _el("w:t", r2)
        t.text = " " + text
        t.set(qn("xml:space"), "preserve")
        return note_id

    def finish(self) -> None:
        from docx.opc.part import XmlPart
        from lxml import etree

        if not isinstance(self._part, XmlPart):
            self._part._blob = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)


def footnote_reference(paragraph: Any, note_id: int) -> None:
    r = _el("w:r", paragraph._p)
    rpr = _el("w:rPr", r)
    _el("w:vertAlign", rpr, val="superscript")
    _el("w:footnoteReference", r, id=str(note_id))


# ----------------------------------------------------------------------------- sections


def orient(sect_pr: Any, landscape: bool) -> None:
    """Turn a section's page (and its margins with it) to landscape or back, keeping its size."""
    size = sect_pr.find(qn("w:pgSz"))
    w, h = int(size.get(qn("w:w"))), int(size.get(qn("w:h")))
    if (w > h) == landscape:
        return
    size.set(qn("w:w"), str(h))
    size.set(qn("w:h"), str(w))
    if landscape:
        size.set(qn("w:orient"), "landscape")
    else:
        size.attrib.pop(qn("w:orient"), None)
    # The binding edge stays on the left of the text as printed: NĐ 30's wide left margin
    # becomes the top one when the page is turned.
    mar = sect_pr.find(qn("w:pgMar"))
    if mar is not None:
        top, right, bottom, left = (mar.get(qn(f"w:{s}")) for s in ("top", "right", "bottom", "left"))
        if landscape:
            mar.set(qn("w:top"), left)
            mar.set(qn("w:left"), top)
            mar.set(qn("w:bottom"), right)
            mar.set(qn("w:right"), bottom)
        else:
            mar.set(qn("w:left"), top)
            mar.set(qn("w:top"), left)
            mar.set(qn("w:right"), bottom)
            mar.set(qn("w:bottom"), right)
