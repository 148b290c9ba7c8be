"""Reading a .docx as a reader sees it: python-docx opens the package (its XML parser expands no
entities and fetches nothing), and where python-docx stops this module reads the XML it gives:
automatic numbers (numbering.xml), text boxes, footnotes and endnotes, merged cells, soft line
breaks, tabs, fields (their shown result, never their code), tracked changes (insertions in,
deletions out), hidden text (out, as a reader does not see it), capitals drawn by the font
(`caps`), page headers and footers.

Nothing outside the package is ever opened: external relationships (hyperlinks, linked
images, an attached template) are counted, never followed; macros are never run (a .docm's
project is a part like any other, never read).
"""

from __future__ import annotations

import contextlib
import io
import unicodedata
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from ntm.nhap.danh_so import DanhSo, So, symbol
from ntm.nhap.khoi import CHAN_TRANG, DAU_TRANG, KHUNG, O_BANG, THAN, Bang, Cell, Doan, Khoi, TaiLieu

# Main parts python-docx's Document() refuses by content type but that hold a Word document all
# the same: with macros (.docm), or a template (.dotx, .dotm). Their macros are never run.
WORD_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": False,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": False,
    "application/vnd.ms-word.document.macroEnabled.main+xml": True,
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": True,
}
VBA_TYPE = "application/vnd.ms-office.vbaProject"

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_V = "urn:schemas-microsoft-com:vml"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# Fields whose shown result is not content: page numbers in headers and footers.
_PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
# Characters a reader does not see, or sees as a plain space.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\u200a\u3000"), " ")


class DocLoi(Exception):
    """The bytes are a zip but not a Word document python-docx can open: `kind` says which."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(kind)
        self.kind = kind
        self.detail = detail


def _on(el: Any) -> bool | None:
    """A tri-state toggle (<w:b/>, <w:b w:val="0"/>): None when absent."""
    if el is None:
        return None
    return el.get(qn("w:val")) not in ("0", "false", "off", "none")


@dataclass(frozen=True)
class _Kieu:
    """A style's properties that matter to a reader, resolved through its basedOn chain."""

    ten: str = ""
    dam: bool | None = None
    nghieng: bool | None = None
    hoa: bool | None = None  # caps or small caps: drawn in capitals
    an: bool | None = None  # hidden
    gach_chan: bool | None = None
    cap_tieu_de: int = 0
    giua: bool | None = None
    phai: bool | None = None
    num_id: str | None = None
    ilvl: int | None = None


def _run_props(rpr: Any) -> dict[str, bool | None]:
    if rpr is None:
        return {}
    underline = rpr.find(qn("w:u"))
    return {
        "dam": _on(rpr.find(qn("w:b"))),
        "nghieng": _on(rpr.find(qn("w:i"))),
        "hoa": _on(rpr.find(qn("w:caps"))) or _on(rpr.find(qn("w:smallCaps"))),
        "an": _on(rpr.find(qn("w:vanish"))),
        "gach_chan": None if underline is None else underline.get(qn("w:val")) not in ("none", None, "0"),
    }


class _Styles:
    def __init__(self, styles: Any | None) -> None:
        self.elements: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        self.cache: dict[str, _Kieu] = {}
        self.defaults: dict[str, bool | None] = {}
        if styles is None:
            return
        for style in styles.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id is None:
                continue
            self.elements[style_id] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
                self.default_paragraph = style_id
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is not None:
            rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self.defaults = _run_props(rpr)

    def get(self, style_id: str | None, depth: int = 0) -> _Kieu:
        if style_id is None or style_id not in self.elements or depth > 20:
            return _Kieu()
        if style_id in self.cache:
            return self.cache[style_id]
        el = self.elements[style_id]
        base_el = el.find(qn("w:basedOn"))
        base = self.get(base_el.get(qn("w:val")) if base_el is not None else None, depth + 1)
        name_el = el.find(qn("w:name"))
        name = name_el.get(qn("w:val")) if name_el is not None else style_id
        props = _run_props(el.find(qn("w:rPr")))
        ppr = el.find(qn("w:pPr"))
        level = 0
        giua, phai = base.giua, base.phai
        num_id, ilvl = base.num_id, base.ilvl
        if ppr is not None:
            outline = ppr.find(qn("w:outlineLvl"))
            if outline is not None:
                try:
                    value = int(outline.get(qn("w:val"), "9"))
                    level = value + 1 if value < 9 else 0
                except ValueError:
                    level = 0
            jc = ppr.find(qn("w:jc"))
            if jc is not None:
                giua = jc.get(qn("w:val")) in ("center", "right", "end")
                phai = jc.get(qn("w:val")) in ("right", "end")
            num = ppr.find(qn("w:numPr"))
            if num is not None:
                nid = num.find(qn("w:numId"))
                lvl = num.find(qn("w:ilvl"))
                if nid is not None:
                    num_id = nid.get(qn("w:val"))
                if lvl is not None:
                    ilvl = int(lvl.get(qn("w:val"), "0") or 0)
        lowered = name.lower()
        if not level and lowered.startswith("heading ") and lowered[8:].isdigit():
            level = int(lowered[8:])
        resolved = _Kieu(
            ten=name,
            dam=props.get("dam", None) if props.get("dam") is not None else base.dam,
            nghieng=props.get("nghieng") if props.get("nghieng") is not None else base.nghieng,
            hoa=props.get("hoa") if props.get("hoa") is not None else base.hoa,
            an=props.get("an") if props.get("an") is not None else base.an,
            gach_chan=props.get("gach_chan") if props.get("gach_chan") is not None else base.gach_chan,
            cap_tieu_de=level or base.cap_tieu_de,
            giua=giua,
            phai=phai,
            num_id=num_id,
            ilvl=ilvl,
        )
        self.cache[style_id] = resolved
        return resolved


@dataclass
class _Chu:
    """A stretch of visible text with its look."""

    text: str
    dam: bool
    nghieng: bool
    gach_chan: bool


class _Reader:
    """Walks the XML of the document's parts, turning it into blocks."""

    def __init__(self, styles: _Styles, numbering: DanhSo, notes: dict[str, str]) -> None:
        self.styles = styles
        self.numbering = numbering
        self.notes = notes
        self.skipped: list[str] = []

    # -------------------------------------------------------------- block level

    def blocks(self, container: Any, noi: str) -> list[Khoi]:
        out: list[Khoi] = []
        for child in container:
            tag = child.tag
            if tag == qn("w:p"):
                out.extend(self.paragraph(child, noi))
            elif tag == qn("w:tbl"):
                out.append(self.table(child, noi))
            elif tag in (qn("w:sdt"),):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    out.extend(self.blocks(content, noi))
            elif tag in (qn("w:customXml"), qn("w:ins"), qn("w:moveTo")):
                out.extend(self.blocks(child, noi))
            elif tag == qn("w:altChunk"):
                self.skipped.append("altChunk")
        return out

    def paragraph(self, p: Any, noi: str) -> list[Khoi]:
        ppr = p.find(qn("w:pPr"))
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style = self.styles.get(style_el.get(qn("w:val")) if style_el is not None else self.styles.default_paragraph)
        num_id, ilvl = style.num_id, style.ilvl or 0
        giua = style.giua
        right = bool(style.phai)
        page_break = False
        level = style.cap_tieu_de
        if ppr is not None:
            num = ppr.find(qn("w:numPr"))
            if num is not None:
                nid, lvl = num.find(qn("w:numId")), num.find(qn("w:ilvl"))
                if nid is not None:
                    num_id = nid.get(qn("w:val"))
                if lvl is not None:
                    try:
                        ilvl = int(lvl.get(qn("w:val"), "0"))
                    except ValueError:
                        ilvl = 0
            jc = ppr.find(qn("w:jc"))
            if jc is not None:
                giua = jc.get(qn("w:val")) in ("center", "right", "end")
                right = jc.get(qn("w:val")) in ("right", "end")
            page_break = _on(ppr.find(qn("w:pageBreakBefore"))) is True
            outline = ppr.find(qn("w:outlineLvl"))
            if outline is not None:
                try:
                    value = int(outline.get(qn("w:val"), "9"))
                    level = value + 1 if value < 9 else level
                except ValueError:
                    pass
        pieces: list[_Chu] = []
        notes: list[tuple[int, str]] = []
        boxes: list[Khoi] = []
        state = _Inline(style, pieces, notes, boxes)
        self.inline(p, state, noi)
        text = _clean("".join(c.text for c in pieces))
        number: So | None = None
        if num_id and text.strip():
            number = self.numbering.next(num_id, ilvl)
        visible = [c for c in pieces if c.text.strip()]
        bold = bool(visible) and all(c.dam for c in visible)
        label = number.nhan if number else ""
        full = f"{label} {text}" if label else text
        shift = len(label) + 1 if label else 0
        stretches: list[str] = []
        previous_bold = False
        for c in pieces:
            if c.dam and (c.text.strip() or previous_bold):
                if previous_bold and stretches:
                    stretches[-1] += c.text
                else:
                    stretches.append(c.text)
            previous_bold = c.dam and bool(stretches)
        para = Doan(
            chu=full,
            so=label,
            kieu_so=number.fmt if number else "",
            cap_so=number.cap if number else 0,
            dam=bold,
            nghieng=bool(visible) and all(c.nghieng for c in visible),
            co_dam=any(c.dam for c in visible),
            kieu=style.ten,
            cap_tieu_de=level,
            giua=bool(giua),
            phai=right,
            chu_thich=tuple((offset + shift, note) for offset, note in notes),
            sang_trang=page_break or state.page_break_first,
            noi=noi,
            gach_chan=bool(visible) and all(c.gach_chan for c in visible),
            doan_dam=tuple(_clean(s).strip() for s in stretches if _clean(s).strip()),
        )
        return [para, *boxes]

    def table(self, tbl: Any, noi: str) -> Bang:
        grid = tbl.find(qn("w:tblGrid"))
        width = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
        cells: list[list[dict[str, Any]]] = []
        header_rows = 0
        counting_headers = True
        for r, tr in enumerate(_within(tbl, "w:tr")):
            trpr = tr.find(qn("w:trPr"))
            before = _int_val(trpr, "w:gridBefore", 0)
            is_header = trpr is not None and _on(trpr.find(qn("w:tblHeader"))) is True
            if counting_headers and is_header:
                header_rows += 1
            else:
                counting_headers = False
            col = before
            row: list[dict[str, Any]] = []
            for tc in _within(tr, "w:tc"):
                tcpr = tc.find(qn("w:tcPr"))
                span = max(_int_val(tcpr, "w:gridSpan", 1), 1)
                vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
                if vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue"):
                    origin = _origin(cells, col)
                    if origin is not None:
                        origin["so_hang"] = r - origin["hang"] + 1
                        col += span
                        continue
                row.append({"hang": r, "cot": col, "so_cot": span, "so_hang": 1, "khoi": self.blocks(tc, O_BANG)})
                col += span
            width = max(width, col)
            cells.append(row)
        hang = tuple(tuple(Cell(c["hang"], c["cot"], tuple(c["khoi"]), c["so_cot"], c["so_hang"]) for c in row)
                     for row in cells)
        return Bang(hang, width, header_rows, noi)

    # -------------------------------------------------------------- inline level

    def inline(self, parent: Any, state: _Inline, noi: str) -> None:
        for child in parent:
            tag = child.tag
            if tag == qn("w:r"):
                self.run(child, state, noi)
            elif tag in (qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag"), qn("w:customXml"), qn("w:moveTo"),
                         qn("w:fldSimple"), qn("w:dir"), qn("w:bdo")):
                if tag == qn("w:fldSimple") and _field_name(child.get(qn("w:instr"), "")) in _PAGE_FIELDS:
                    continue
                self.inline(child, state, noi)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.inline(content, state, noi)
            elif tag in (f"{{{_M}}}oMath", f"{{{_M}}}oMathPara"):
                text = "".join(t.text or "" for t in child.iter(f"{{{_M}}}t"))
                state.add(text, self.look(None, state))
            # w:del, w:moveFrom (deleted by tracked changes), bookmarks, proofing marks: not seen

    def look(self, rpr: Any, state: _Inline) -> dict[str, bool]:
        direct = _run_props(rpr)
        char_style = None
        if rpr is not None:
            rstyle = rpr.find(qn("w:rStyle"))
            if rstyle is not None:
                char_style = self.styles.get(rstyle.get(qn("w:val")))
        out = {}
        for key in ("dam", "nghieng", "hoa", "an", "gach_chan"):
            value = direct.get(key)
            if value is None and char_style is not None:
                value = getattr(char_style, key)
            if value is None:
                value = getattr(state.style, key)
            if value is None:
                value = self.styles.defaults.get(key)
            out[key] = bool(value)
        return out

    def run(self, r: Any, state: _Inline, noi: str) -> None:
        rpr = r.find(qn("w:rPr"))
        look = self.look(rpr, state)
        for child in r:
            tag = child.tag
            if tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    state.fields.append(["", True])
                elif kind == "separate" and state.fields:
                    state.fields[-1][1] = False
                elif kind == "end" and state.fields:
                    state.fields.pop()
                continue
            if tag == qn("w:instrText"):
                if state.fields:
                    state.fields[-1][0] += child.text or ""
                continue
            if state.hidden_by_field():
                continue
            if look["an"]:
                continue
            if tag == qn("w:t"):
                text = child.text or ""
                state.add(text.upper() if look["hoa"] else text, look)
            elif tag in (qn("w:tab"), qn("w:ptab")):
                state.add("\t", look)
            elif tag == qn("w:br"):
                if child.get(qn("w:type")) == "page":
                    if not state.has_text():
                        state.page_break_first = True
                    else:
                        state.add("\n", look)
                else:
                    state.add("\n", look)
            elif tag == qn("w:cr"):
                state.add("\n", look)
            elif tag == qn("w:noBreakHyphen"):
                state.add("-", look)
            elif tag == qn("w:sym"):
                code = child.get(qn("w:char"), "")
                with contextlib.suppress(ValueError):
                    state.add(symbol(chr(int(code, 16))), look)
            elif tag in (qn("w:footnoteReference"), qn("w:endnoteReference")):
                kind = "f" if tag == qn("w:footnoteReference") else "e"
                note = self.notes.get(f"{kind}{child.get(qn('w:id'))}")
                if note:
                    state.notes.append((len(_clean("".join(c.text for c in state.pieces))), note))
            elif tag in (qn("w:drawing"), qn("w:pict"), f"{{{_MC}}}AlternateContent"):
                for box in _text_boxes(child):
                    state.boxes.extend(self.blocks(box, KHUNG))


class _Inline:
    """What walking one paragraph collects: text stretches, notes, text boxes, open fields."""

    def __init__(self, style: _Kieu, pieces: list[_Chu], notes: list[tuple[int, str]], boxes: list[Khoi]) -> None:
        self.style = style
        self.pieces = pieces
        self.notes = notes
        self.boxes = boxes
        self.fields: list[list[Any]] = []  # [code so far, still in the code part]
        self.page_break_first = False

    def add(self, text: str, look: dict[str, bool]) -> None:
        if text:
            self.pieces.append(_Chu(text, look["dam"], look["nghieng"], look["gach_chan"]))

    def has_text(self) -> bool:
        return any(c.text.strip() for c in self.pieces)

    def hidden_by_field(self) -> bool:
        """Inside a field's code, or the shown result of a page-number field."""
        return any(in_code or _field_name(code) in _PAGE_FIELDS for code, in_code in self.fields)


def _field_name(code: str) -> str:
    words = code.split()
    return words[0].upper() if words else ""


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE).translate(_SPACES))


def _int_val(props: Any, tag: str, default: int) -> int:
    if props is None:
        return default
    el = props.find(qn(tag))
    if el is None:
        return default
    try:
        return int(el.get(qn("w:val"), default))
    except ValueError:
        return default


def _within(el: Any, tag: str) -> list[Any]:
    """The `tag` children of `el` (w:tr of a table, w:tc of a row), including those wrapped in
    content controls (w:sdt) and custom XML, however deep."""
    out = []
    for child in el:
        if child.tag == qn(tag):
            out.append(child)
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            holder = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if holder is not None:
                out.extend(_within(holder, tag))
    return out


def _origin(rows: list[list[dict[str, Any]]], col: int) -> dict[str, Any] | None:
    """The cell a vertically merged continuation belongs to: the nearest one above at this column."""
    for row in reversed(rows):
        for cell in row:
            if cell["cot"] == col:
                found: dict[str, Any] = cell
                return found
    return None


def _text_boxes(el: Any) -> list[Any]:
    """The text boxes' contents anchored in a run's drawing: from the first choice of an
    AlternateContent only (its fallback holds the same box again, drawn the old way)."""
    if el.tag == f"{{{_MC}}}AlternateContent":
        choice = el.find(f"{{{_MC}}}Choice")
        found = list(choice.iter(qn("w:txbxContent"))) if choice is not None else []
        if not found:
            fallback = el.find(f"{{{_MC}}}Fallback")
            found = list(fallback.iter(qn("w:txbxContent"))) if fallback is not None else []
        return _outermost(found)
    return _outermost(list(el.iter(qn("w:txbxContent"))))


def _outermost(boxes: list[Any]) -> list[Any]:
    """Boxes not inside another of the list (a box inside a box is read with its outer box)."""
    inner = {id(b) for b in boxes for other in boxes if other is not b and _inside(b, other)}
    return [b for b in boxes if id(b) not in inner]


def _inside(el: Any, ancestor: Any) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _part_element(part: Any) -> Any:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml

    return parse_xml(part.blob)


def _notes(reader: _Reader, part: Any, kind: str) -> dict[str, str]:
    """Footnote (or endnote) id -> its text; the separators Word keeps there are not notes."""
    out: dict[str, str] = {}
    root = _part_element(part)
    tag = qn("w:footnote") if kind == "f" else qn("w:endnote")
    for note in root.findall(tag):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        texts = [b.chu.strip() for b in reader.blocks(note, THAN) if isinstance(b, Doan) and b.chu.strip()]
        out[f"{kind}{note.get(qn('w:id'))}"] = " ".join(texts)
    return out


def read_word(data: bytes) -> TaiLieu:
    """The document's blocks in reading order. Raises DocLoi when the zip is not a Word document."""
    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.package import OpcPackage

    try:
        package = OpcPackage.open(io.BytesIO(data))
        main = package.main_document_part
    except (PackageNotFoundError, KeyError):
        raise DocLoi("khong_phai_word") from None
    except Exception as exc:  # a malformed part: lxml's XMLSyntaxError and the like
        raise DocLoi("hong", type(exc).__name__) from None
    content_type = main.content_type
    if content_type not in WORD_MAIN_TYPES:
        raise DocLoi("khong_phai_word", content_type)
    try:
        return _read(package, main, WORD_MAIN_TYPES[content_type])
    except DocLoi:
        raise
    except Exception as exc:  # malformed XML inside a part python-docx loaded lazily
        raise DocLoi("hong", type(exc).__name__) from None


def _read(package: Any, main: Any, macro_type: bool) -> TaiLieu:
    related: dict[str, Any] = {}
    external = 0
    for rel in main.rels.values():
        if rel.is_external:
            external += not rel.reltype.endswith("/hyperlink")  # a link's words are kept; linked content is not
            continue
        related.setdefault(rel.reltype, rel.target_part)
    styles = _Styles(_part_element(related[_RT + "styles"]) if _RT + "styles" in related else None)
    numbering = DanhSo.from_part(_part_element(related[_RT + "numbering"]) if _RT + "numbering" in related else None)
    note_reader = _Reader(styles, DanhSo(), {})
    notes: dict[str, str] = {}
    if _RT + "footnotes" in related:
        notes.update(_notes(note_reader, related[_RT + "footnotes"], "f"))
    if _RT + "endnotes" in related:
        notes.update(_notes(note_reader, related[_RT + "endnotes"], "e"))
    reader = _Reader(styles, numbering, notes)
    root = _part_element(main)
    body = root.find(qn("w:body"))
    doc = TaiLieu()
    doc.co_macro = macro_type or any(p.content_type == VBA_TYPE for p in package.iter_parts())
    if body is not None:
        doc.khoi = reader.blocks(body, THAN)
    seen: set[str] = set()
    for rel in main.rels.values():
        if rel.is_external or rel.reltype not in (_RT + "header", _RT + "footer"):
            continue
        part = rel.target_part
        if str(part.partname) in seen:
            continue
        seen.add(str(part.partname))
        where = DAU_TRANG if rel.reltype.endswith("header") else CHAN_TRANG
        blocks = [b for b in reader.blocks(_part_element(part), where) if not (isinstance(b, Doan) and b.trong)]
        (doc.dau_trang if where == DAU_TRANG else doc.chan_trang).extend(blocks)
        external += sum(1 for r in part.rels.values() if r.is_external and not r.reltype.endswith("/hyperlink"))
    doc.lien_ket_ngoai = external
    doc.phan_bo_qua = reader.skipped
    return doc


__all__ = ["WORD_MAIN_TYPES", "DocLoi", "read_word"]
