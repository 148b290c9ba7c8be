"""The .docx thể thức, with NĐ 30 / HD 36 measurements: the header block (issuer, Quốc hiệu or
ĐẢNG CỘNG SẢN VIỆT NAM, number, place and date), the title (tên loại, trích yếu) and the closing
block (Nơi nhận, signature). Each takes the document's builder (ntm.present.document.docx_builder)."""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from ntm.present.document.docx_builder import DocxBuilder
from ntm.present.document.docx_trang import BODY_PT, STYLE_FORM, STYLE_RECIPIENTS
from ntm.present.document.docx_xml import box, keep_row_together
from ntm.present.document.font import text_width
from ntm.present.document.model import VanBanKeHoach

# Words that start the name of an administrative unit: offices break an agency
# name before them ("ỦY BAN NHÂN DÂN" / "XÃ HƯƠNG SƠN"), never inside the agency type.
_UNIT_WORDS = {"XÃ", "PHƯỜNG", "THỊ", "HUYỆN", "QUẬN", "TỈNH", "THÀNH", "ĐẶC"}


def _wrap_name(text: str, room: int, size: float, bold: bool) -> list[str]:
    """Lines of an agency name: as written if it fits (or has line breaks), else two or three lines.

    A line break written in the plan is the office's choice and is kept (each line then wrapped
    on its own only if it does not fit). Otherwise the break goes before the unit
    ("ỦY BAN NHÂN DÂN" / "XÃ HƯƠNG SƠN") when the lines then fit; otherwise where the longest
    line is shortest. No line is left with one orphan word while another split fits.
    """
    if "\n" in text:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return [part for line in lines for part in _wrap_name(line, room, size, bold)]
    if text_width(text, size, bold) <= room:
        return [text]
    words = text.split()
    n = len(words)
    cuts: list[list[str]] = [[" ".join(words[:a]), " ".join(words[a:])] for a in range(1, n)]
    cuts += [[" ".join(words[:a]), " ".join(words[a:b]), " ".join(words[b:])]
             for a in range(1, n) for b in range(a + 1, n)]
    if not cuts:
        return [text]

    def widest(lines: list[str]) -> int:
        return max(text_width(line, size, bold) for line in lines)

    fitting = [c for c in cuts if widest(c) <= room] or cuts
    whole = [c for c in fitting if all(" " in line for line in c)] or fitting  # no orphan word
    fewest = min(len(c) for c in whole)
    best = [c for c in whole if len(c) == fewest]
    at_unit = [c for c in best if all(line.split()[0] in _UNIT_WORDS for line in c[1:])]
    return min(at_unit or best, key=widest)


_CELL_PADDING = Cm(0.19) * 2  # Word's default left + right cell margins


def _header_columns(width: int, quoc_hieu: str, party: bool, date_line: str = "") -> tuple[int, int, float]:
    """Column widths and the Quốc hiệu size: the right column is as wide as one line of it needs.

    NĐ 30 sets the Quốc hiệu at 12-13 pt on one line (the Party title at 15 pt);
    the largest size that fits while leaving the agency at least 38% wins.
    """
    sizes = (15.0,) if party else (13.0, 12.0)
    for pt in sizes:
        # The place and date (14 pt italic, about as wide as upright) share the column.
        need = int(max(text_width(quoc_hieu, pt, True), text_width(date_line, 14)) + _CELL_PADDING + Cm(0.1))
        if need <= width * 0.62:
            # A Party header's right column holds one title line: the issuer's levels (14 pt)
            # get all the rest.
            right = need if party else max(need, int(width * 0.55))
            return width - right, right, pt
    right = int(width * 0.62)  # a page too narrow for one line: let it wrap
    return width - right, right, sizes[-1]


def header(b: DocxBuilder, doc: VanBanKeHoach) -> None:
    head = doc.phan_dau
    party = head.la_van_ban_dang
    left_w, right_w, title_pt = _header_columns(int(b.width), head.quoc_hieu, party, head.dia_danh_ngay)
    table = b.table([left_w, right_w])
    table.add_row()
    left, right = (b.fresh(c) for c in table.rows[0].cells)
    left_room, right_room = left_w - _CELL_PADDING, right_w - _CELL_PADDING

    # Left: parent agency (upright), issuing agency (bold, upper case), a short rule (or "*").
    # HD 36 Phụ lục 3 (rows "Tên cơ quan cấp trên trực tiếp" / "Tên cơ quan ban hành"): 14 pt, the
    # superior body upright, the issuer bold; NĐ 30 ô 2: 12-13 pt. A line break in co_quan_chu_quan
    # is one more level (ĐẢNG BỘ HUYỆN … / ĐẢNG ỦY XÃ …), each upright.
    name_pt = 14 if party else 13
    if head.co_quan_chu_quan:
        for line in _wrap_name(head.co_quan_chu_quan, left_room, name_pt, False):
            b.para(left, STYLE_FORM, line, size=name_pt, bold=False)
    names = _wrap_name(head.co_quan_ban_hanh, left_room, name_pt, True)
    for line in names:
        b.para(left, STYLE_FORM, line, size=name_pt, bold=True)
    if party:
        # HD 36 Mục II 1.2 examples and its own header: an asterisk under the issuer, no rule.
        b.para(left, STYLE_FORM, "*", size=name_pt)
    else:
        # NĐ 30: a rule 1/3 to 1/2 as long as the agency name; 2/5 is safely inside both bounds.
        widest = max(text_width(line, name_pt, True) for line in names)
        b.rule(left, int(widest * 0.4), left_room)

    # Right: Quốc hiệu, and Tiêu ngữ with a rule as long as itself; Party: ĐẢNG CỘNG SẢN VIỆT NAM
    # (HD 36 Phụ lục 3: upper case, 15 pt, bold), over a solid rule as long as itself (HD 36 Mục II 1.1).
    b.para(right, STYLE_FORM, head.quoc_hieu, size=title_pt, bold=True)
    if party:
        b.rule(right, text_width(head.quoc_hieu, title_pt, True), right_room)
    else:
        motto = head.tieu_ngu or ""
        b.para(right, STYLE_FORM, motto, size=14, bold=True)
        b.rule(right, text_width(motto, 14, True), right_room)

    # Second row, so that Số and the date share a line whatever the names' heights.
    # HD 36 Phụ lục 3: "Số 14-KH/BCĐ" 14 pt upright, no colon; place and date 14 pt italic.
    left2, right2 = (b.fresh(c) for c in table.rows[1].cells)
    b.para(left2, STYLE_FORM, head.so_ky_hieu, size=14 if party else 13, before=6)
    b.para(right2, STYLE_FORM, head.dia_danh_ngay, size=14, italic=True, before=6)
    keep_row_together(table)


def title(b: DocxBuilder, doc: VanBanKeHoach) -> None:
    """Tên loại and trích yếu, centred and bold, with the mark under them that the system uses."""
    if doc.phan_dau.la_van_ban_dang:
        # HD 36 Phụ lục 3: tên loại upper case 15-16 pt bold (15 here); trích yếu 14-15 pt bold;
        # under it five hyphens (HD 36 Mục II 1.5.2, as quoted), not NĐ 30's rule.
        b.para(b.document, STYLE_FORM, doc.ten_loai, size=15, bold=True, before=18)
        b.para(b.document, STYLE_FORM, doc.trich_yeu, size=BODY_PT, bold=True)
        b.para(b.document, STYLE_FORM, doc.phan_cach_trich_yeu or "", size=BODY_PT, after=12)
    else:
        # NĐ 30 ô 5a: document type and trích yếu, bold and centred, a short rule under the trích yếu.
        b.para(b.document, STYLE_FORM, doc.ten_loai, size=BODY_PT, bold=True, before=18)
        b.para(b.document, STYLE_FORM, doc.trich_yeu, size=BODY_PT, bold=True)
        widest = min(text_width(doc.trich_yeu, BODY_PT, True), int(b.width))
        b.rule(b.document, int(widest * 0.4), int(b.width), after=12)


def footer(b: DocxBuilder, doc: VanBanKeHoach) -> None:
    left_w = int(b.width * 0.45)
    table = b.table([left_w, int(b.width) - left_w])
    left, right = (b.fresh(c) for c in table.rows[0].cells)
    if doc.phan_dau.la_van_ban_dang:
        # Party form (HD 36 box 9a-9b; the values as two secondary tables give them, HD 36's own rows
        # for Nơi nhận were not seen, docs/render.md): "Nơi nhận:" 14 pt upright underlined; the list 12 pt.
        heading = b.para(left, STYLE_RECIPIENTS, "Nơi nhận:", size=14, bold=False, italic=False, before=6)
        heading.runs[0].font.underline = True
        for line in doc.noi_nhan:
            b.para(left, STYLE_RECIPIENTS, line, size=12)
    else:
        # NĐ 30 ô 9b: "Nơi nhận:" 12 pt bold italic, on the line of the signing authority; the list 11 pt.
        b.para(left, STYLE_RECIPIENTS, "Nơi nhận:", size=12, bold=True, italic=True, before=6)
        for line in doc.noi_nhan:
            b.para(left, STYLE_RECIPIENTS, line)
    # NĐ 30 ô 7: authority and title 13-14 pt bold upper case; a space to sign; the name bold.
    sig = doc.chu_ky
    for n, line in enumerate(sig.dong):
        b.para(right, STYLE_FORM, line, size=BODY_PT, bold=True, before=6 if n == 0 else None)
    for _ in range(4):
        b.para(right, STYLE_FORM, "", size=BODY_PT)
    b.para(right, STYLE_FORM, sig.ho_ten, size=BODY_PT, bold=True)
    keep_row_together(table)  # one row that cannot split: Nơi nhận and the signature move as one block


def draft_mark(b: DocxBuilder, text: str) -> None:
    """'DỰ THẢO' in a frame at the top left, above the header block, as offices mark a draft."""
    paragraph = b.para(b.document, STYLE_FORM, text, size=BODY_PT, bold=True, after=6)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    width = text_width(text, BODY_PT, True) + int(Cm(0.6))
    paragraph.paragraph_format.right_indent = max(int(b.width) - width, 0)
    box(paragraph)
