"""Recognising the parts of a plan in the blocks a reader sees: the header (issuer on one to
three levels, the national motto or ĐẢNG CỘNG SẢN VIỆT NAM, number and symbol, place and
date), the document type and trích yếu, the căn cứ, the preamble, the numbered sections with
their nested headings, the closing sentence, Nơi nhận, the signer, the annexes.

Layout of both kinds of document: Nghị định 30/2020/NĐ-CP (State bodies) and Hướng dẫn
36-HD/VPTW (Party bodies). The header may be a table, lines laid out with tabs, text boxes,
or the page header; the signature a table beside Nơi nhận or plain lines after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ntm.nhap.chu import NGAY, khoa, la_ma, mot_dong, ngay
from ntm.nhap.khoi import KHUNG, O_BANG, Bang, Doan, Khoi, TaiLieu

QUOC_HIEU = "cộng hòa xã hội chủ nghĩa việt nam"
TIEU_NGU = "độc lập - tự do - hạnh phúc"
TEN_DANG = "đảng cộng sản việt nam"

# Document types (tên loại) a plan's title may carry; a commune's plan is a KẾ HOẠCH.
TEN_LOAI = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN", "BÁO CÁO", "QUYẾT ĐỊNH", "NGHỊ QUYẾT",
            "HƯỚNG DẪN", "THÔNG BÁO", "CHỈ THỊ", "KẾ HOẠCH LIÊN TỊCH")
_OPENERS = ("căn cứ", "thực hiện", "theo đề nghị", "xét đề nghị", "trên cơ sở", "thi hành", "theo chỉ đạo",
            "theo quyết định", "theo kế hoạch", "theo nghị quyết", "xét tờ trình", "theo tờ trình")
_SO = re.compile(r"^số\s*:?\s*(?P<so>.*)$", re.IGNORECASE)
_NGAY_THANG = re.compile(r"^(?P<noi>[^,]{1,60}),\s*(?P<ngay>ngày\b.*)$", re.IGNORECASE)
_RULE = re.compile(r"^[\s_\-–—=.*~·•]*$")
_ROMAN_HEAD = re.compile(r"^(?P<so>[IVXLC]{1,6})\s*[.)]\s*(?P<ten>\S.*)$", re.DOTALL)
_PHAN_HEAD = re.compile(r"^PHẦN\s+(?P<so>[IVXLC]{1,6}|\d{1,2})\s*[.:)]?\s*(?P<ten>\S.*)$", re.DOTALL)
_DECIMAL_HEAD = re.compile(r"^(?P<so>\d{1,2})\s*[.)]\s*(?P<ten>\S.*)$", re.DOTALL)
_DECIMAL2_HEAD = re.compile(r"^(?P<so>\d{1,2}\.\d{1,2})\.?\s+(?P<ten>\S.*)$", re.DOTALL)
_DECIMAL3_HEAD = re.compile(r"^(?P<so>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?P<ten>\S.*)$", re.DOTALL)
_LETTER_HEAD = re.compile(r"^(?P<so>[a-zđ])\s*\)\s*(?P<ten>\S.*)$", re.DOTALL)
_KY_THAY = ("KT.", "K/T", "KT ")
_THAM_QUYEN = ("TM.", "T/M", "TL.", "T/L", "TUQ.", "Q.", "TM ", "UQ.")
_PHU_LUC = re.compile(r"^PHỤ\s+LỤC\b\s*(?P<so>[IVXLC\d]*)\s*[.:]?\s*(?P<ten>.*)$", re.IGNORECASE | re.DOTALL)
_KEM_THEO = re.compile(r"^\(\s*kèm theo\b.*\)\s*$", re.IGNORECASE | re.DOTALL)
_CAU_KET = ("trên đây là", "trên đây là kế hoạch")
_NOI_NHAN = re.compile(r"^nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)


@dataclass
class Dong:
    """A line of the header area: its text, whether bold, its column (0 left, 1 right; -1 unknown)."""

    chu: str
    dam: bool
    cot: int


@dataclass
class PhanDau:
    """What the header says; `nguon` keeps the document's own words for each field."""

    he_thong: str = "nha_nuoc"
    co_quan_chu_quan: list[str] = field(default_factory=list)
    co_quan_ban_hanh: list[str] = field(default_factory=list)
    cap_doan: bool = False  # the split between parent and issuer was not told by bold type
    so_hieu: str | None = None
    dia_danh: str | None = None
    ngay: date | None = None
    dong_ngay: str | None = None  # the place-and-date line as written
    khac: list[str] = field(default_factory=list)  # header lines none of the above
    du_thao: str | None = None  # a draft's mark ("DỰ THẢO"): `ntm render --du-thao` prints it, no plan key


@dataclass
class Muc:
    """A heading with what follows it up to the next heading of its level or above."""

    cap: int  # 0: section (I.), 1: khoản (1.), 2: điểm (1.1.), 3: tiết (a))
    so: str  # as numbered in the document ("I", "1", "1.1", "a"), "" when not numbered
    tieu_de: str
    con: list[Muc | Khoi] = field(default_factory=list)
    nguon: Doan | None = None  # the heading paragraph


@dataclass
class PhuLuc:
    so: str
    tieu_de: str
    kem_theo: str | None
    khoi: list[Khoi] = field(default_factory=list)
    dau: list[Doan] = field(default_factory=list)  # the annex's heading paragraphs


@dataclass
class NguoiKy:
    tham_quyen: str | None = None
    ky_thay: str | None = None
    chuc_vu: str | None = None
    ho_ten: str | None = None
    khac: list[str] = field(default_factory=list)  # lines of the signature area none of the above


@dataclass
class VanBanNhap:
    """A plan document, recognised part by part."""

    phan_dau: PhanDau
    ten_loai: str | None
    trich_yeu: str | None
    can_cu: list[str]
    can_cu_tach: list[str]  # paragraphs that held several căn cứ (split)
    mo_dau: list[Doan]
    phan: list[Muc]
    truoc_phan: list[Khoi]  # blocks before the first section that are not căn cứ or preamble
    cau_ket: str | None
    noi_nhan: list[str]
    nguoi_ky: NguoiKy
    phu_luc: list[PhuLuc]
    sau_cung: list[Khoi]  # blocks after the signature that belong to no annex
    tieu_de_dam: list[str] = field(default_factory=list)  # bold-only headings taken as headings


# ----------------------------------------------------------------------------- helpers


def _lines(block: Khoi, cot: int = -1) -> list[Dong]:
    """A header block as lines with columns: table cells by their column, tab-separated parts
    of a paragraph by their order, soft line breaks as lines."""
    out: list[Dong] = []
    if isinstance(block, Bang):
        width = max(block.so_cot, 1)
        for row in block.hang:
            for cell in row:
                column = 0 if cell.cot < width / 2 else 1
                for inner in cell.khoi:
                    out.extend(_lines(inner, column))
        return out
    parts = [p for p in re.split(r"\t+", block.chu)]
    multi = len([p for p in parts if p.strip()]) > 1
    for n, part in enumerate(parts):
        column = cot
        if multi or block.chu.startswith("\t"):
            column = 0 if n == 0 and not block.chu.startswith("\t") else 1
        elif cot == -1 and block.giua and block.noi != KHUNG:
            column = -1
        for line in part.split("\n"):
            if line.strip():
                bold = block.dam or any(line.strip() in s or s in line for s in block.doan_dam if s)
                out.append(Dong(line.strip(), bold, column))
    return out


def _is_rule(text: str) -> bool:
    return bool(_RULE.match(text))


def _title_index(blocks: list[Khoi]) -> int | None:
    for i, block in enumerate(blocks[:60]):
        if isinstance(block, Doan) and block.noi != O_BANG:
            first = block.chu.strip().split("\n")[0].strip()
            if first.upper() == first and khoa(first) in {khoa(t) for t in TEN_LOAI}:
                return i
    return None


_DU_THAO = re.compile(r"dự thảo(?: lần (?:\d+|thứ \w+))?")


def _header(lines: list[Dong]) -> PhanDau:
    head = PhanDau()
    issuer: list[Dong] = []
    for line in lines:
        text = line.chu
        key = khoa(text)
        if not key or _is_rule(text):
            continue
        if key.replace("hoà", "hòa") == QUOC_HIEU:
            continue
        if key == TIEU_NGU:
            continue
        if key == TEN_DANG:
            head.he_thong = "dang"
            continue
        if _DU_THAO.fullmatch(key) and head.du_thao is None and not issuer:
            head.du_thao = text
            continue
        m = _SO.match(text)
        if m and (not head.so_hieu) and ("/" in text or "-" in m["so"]):
            head.so_hieu = m["so"].strip()
            continue
        m = _NGAY_THANG.match(text)
        if m and head.ngay is None:
            found = NGAY.search(text)
            if found:
                head.ngay = ngay(found)
            head.dia_danh = m["noi"].strip()
            head.dong_ngay = text
            continue
        if text.upper() == text and line.cot != 1:
            issuer.append(line)
            continue
        head.khac.append(text)
    bold = [line for line in issuer if line.dam]
    plain = [line for line in issuer if not line.dam]
    if bold and plain and all(issuer.index(p) < issuer.index(b) for p in plain for b in bold):
        head.co_quan_chu_quan = [p.chu for p in plain]
        head.co_quan_ban_hanh = [b.chu for b in bold]
    else:
        head.co_quan_ban_hanh = [line.chu for line in issuer]
        head.cap_doan = len(issuer) > 2
    return head


def _is_can_cu(text: str) -> bool:
    key = khoa(text)
    return key.startswith(_OPENERS) and not text.rstrip().endswith(":")


_SPLIT_CAN_CU = re.compile(r";\s+(?=(?:Căn cứ|Thực hiện|Theo đề nghị|Xét đề nghị|Trên cơ sở)\b)")


def _split_can_cu(text: str) -> list[str]:
    return [p.strip() for p in _SPLIT_CAN_CU.split(text) if p.strip()]


def heading_of(block: Doan) -> tuple[int, str, str] | None:
    """(kind, number, title) when the paragraph is a heading: kind 0 a section (I.), 1 a
    khoản (1.), 2 an điểm (1.1.), 3 a tiết (a)); None for content."""
    if block.noi == O_BANG or block.trong:
        return None
    text = block.chu.strip()
    first_line = text.split("\n")[0]
    styled = block.cap_tieu_de
    emphasised = block.dam or bool(styled) or (block.kieu.startswith("NTM ") and block.kieu[4:] in
                                                ("Muc", "Khoan", "Diem", "Tiet"))
    m = _ROMAN_HEAD.match(text) or _PHAN_HEAD.match(text)
    if m and la_ma(m["so"]) is not None and (emphasised or m["ten"].upper() == m["ten"]):
        return 0, m["so"], m["ten"].strip()
    m = _DECIMAL3_HEAD.match(text)
    if m and emphasised:
        return 3, m["so"], m["ten"].strip()
    m = _DECIMAL2_HEAD.match(text)
    if m and (emphasised or block.nghieng):
        return 2, m["so"], m["ten"].strip()
    m = _DECIMAL_HEAD.match(text)
    if m and emphasised and len(first_line) < 200:
        return 1, m["so"], m["ten"].strip()
    m = _LETTER_HEAD.match(text)
    if m and (block.kieu == "NTM Tiet" or block.dam or (styled and styled >= 3)):
        return 3, m["so"], m["ten"].strip()
    if styled and 1 <= styled <= 4:
        return styled - 1, "", text
    return None


def _bold_only_heading(block: Doan, following: Khoi | None) -> bool:
    """A short bold paragraph with no number, followed by content: a heading a reader sees."""
    if block.noi == O_BANG or not block.dam or block.so or block.giua:
        return False
    text = block.chu.strip()
    if "\n" in text or len(text) > 120 or text.endswith((".", ";", ",")):
        return False
    return following is not None and not (isinstance(following, Doan) and following.dam and not following.so)


def _tree(blocks: list[Khoi], bold_headings: list[str]) -> list[Muc | Khoi]:
    """The body as nested headings. Kinds found are ranked: the highest present is the section."""
    found = []
    for i, block in enumerate(blocks):
        if isinstance(block, Doan):
            head = heading_of(block)
            if head is None and _bold_only_heading(block, blocks[i + 1] if i + 1 < len(blocks) else None):
                head = (-1, "", block.chu.strip())
            found.append(head)
        else:
            found.append(None)
    kinds = sorted({h[0] for h in found if h is not None and h[0] >= 0})
    rank = {kind: n for n, kind in enumerate(kinds)}
    root = Muc(-1, "", "")
    stack = [root]
    bold_level: int | None = None  # the level of the last unnumbered bold heading: its siblings share it
    for block, head in zip(blocks, found, strict=True):
        if head is None:
            stack[-1].con.append(block)
            continue
        kind, number, title = head
        if kind == -1:  # unnumbered bold heading: one level below the numbered heading it follows
            if bold_level is None:
                bold_level = min(stack[-1].cap + 1, 3) if len(stack) > 1 else 0
            level = bold_level
            bold_headings.append(title)
        else:
            level = rank[kind]
            bold_level = None
        while len(stack) > 1 and stack[-1].cap >= level:
            stack.pop()
        node = Muc(level, number, title, nguon=block if isinstance(block, Doan) else None)
        stack[-1].con.append(node)
        stack.append(node)
    return root.con


def _signature(lines: list[str]) -> NguoiKy:
    signer = NguoiKy()
    upper: list[str] = []
    lower: list[str] = []
    for line in lines:
        text = line.strip()
        if not text or _is_rule(text):
            continue
        if text.upper() == text and not lower:
            upper.append(text)
        else:
            lower.append(text)
    rest = []
    for text in upper:
        if text.startswith(_KY_THAY) and signer.ky_thay is None:
            signer.ky_thay = text
        elif text.startswith(_THAM_QUYEN) and signer.tham_quyen is None and signer.ky_thay is None:
            signer.tham_quyen = text
        else:
            rest.append(text)
    if rest:
        signer.chuc_vu = " ".join(rest)
    names = [t for t in lower if not (t.startswith("(") and t.endswith(")"))]
    signer.khac = [t for t in lower if t.startswith("(") and t.endswith(")")]
    if names:
        signer.ho_ten = names[-1]
        signer.khac = names[:-1] + signer.khac
    return signer


def _recipients(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if text[0] in "-–•+":
            text = text[1:].strip()
        out.append(text)
    return out


# ----------------------------------------------------------------------------- the closing block


@dataclass
class _Closing:
    start: int  # index of the first block of the closing (Nơi nhận or signature)
    end: int  # index after it
    noi_nhan: list[str]
    nguoi_ky: NguoiKy


def _closing(blocks: list[Khoi], start: int) -> _Closing | None:
    """Nơi nhận and the signature: a table holding both, or paragraphs from 'Nơi nhận:' on."""
    for i in range(start, len(blocks)):
        block = blocks[i]
        if isinstance(block, Bang):
            cells = [cell for row in block.hang for cell in row]
            texts = [c.chu for c in cells]
            if any(_NOI_NHAN.match(t.strip()) for t in texts):
                recipients: list[str] = []
                signer_lines: list[str] = []
                for cell in cells:
                    lines = cell.chu.strip().split("\n")
                    m = _NOI_NHAN.match(lines[0])
                    if m:
                        recipients = [*([m["rest"]] if m["rest"].strip() else []), *lines[1:]]
                    else:
                        signer_lines.extend(cell.chu.split("\n"))
                return _Closing(i, i + 1, _recipients(recipients), _signature(signer_lines))
        elif isinstance(block, Doan):
            m = _NOI_NHAN.match(block.chu.strip())
            if not m:
                continue
            recipients = [line for line in m["rest"].split("\n") if line.strip()]
            j = i + 1
            while j < len(blocks) and isinstance(blocks[j], Doan):
                text = blocks[j].chu.strip()  # type: ignore[union-attr]
                if not text:
                    j += 1
                    continue
                if text[0] in "-–•+" or (text.endswith((";", ".")) and text.upper() != text):
                    recipients.extend(text.split("\n"))
                    j += 1
                    continue
                break
            signer_lines = []
            while j < len(blocks) and isinstance(blocks[j], Doan):
                block_j = blocks[j]
                assert isinstance(block_j, Doan)
                if block_j.sang_trang or _PHU_LUC.match(block_j.chu.strip()):
                    break
                signer_lines.extend(block_j.chu.split("\n"))
                j += 1
                if _signature(signer_lines).ho_ten:
                    break
            return _Closing(i, j, _recipients(recipients), _signature(signer_lines))
    return None


# ----------------------------------------------------------------------------- annexes


def _annexes(blocks: list[Khoi]) -> tuple[list[PhuLuc], list[Khoi]]:
    annexes: list[PhuLuc] = []
    before: list[Khoi] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        m = _PHU_LUC.match(block.chu.strip()) if isinstance(block, Doan) else None
        if m is None or not (block.dam or block.giua or block.sang_trang):  # type: ignore[union-attr]
            (annexes[-1].khoi if annexes else before).append(block)
            i += 1
            continue
        assert isinstance(block, Doan)
        heads = [block]
        title_parts = [m["ten"].strip()] if m["ten"].strip() else []
        i += 1
        kem_theo = None
        while i < len(blocks) and isinstance(blocks[i], Doan):
            nxt = blocks[i]
            assert isinstance(nxt, Doan)
            text = nxt.chu.strip()
            if not text:
                i += 1
                continue
            if _KEM_THEO.match(text):
                kem_theo = text
                heads.append(nxt)
                i += 1
                break
            if kem_theo is None and (nxt.dam or nxt.giua) and text.upper() == text:
                title_parts.append(mot_dong(text))
                heads.append(nxt)
                i += 1
                continue
            break
        annexes.append(PhuLuc(m["so"] or "", " ".join(title_parts), kem_theo, [], heads))
    return annexes, before


# ----------------------------------------------------------------------------- the document


def recognise(doc: TaiLieu) -> VanBanNhap:
    blocks = [b for b in doc.khoi if not (isinstance(b, Doan) and b.trong and not b.sang_trang)]
    title_at = _title_index(blocks)
    header_blocks = blocks[:title_at] if title_at is not None else []
    header_lines = [line for b in header_blocks for line in _lines(b)]
    head = _header(header_lines)
    if not head.co_quan_ban_hanh and doc.dau_trang:  # the letterhead in the page header
        page_head = _header([line for b in doc.dau_trang for line in _lines(b)])
        head.co_quan_chu_quan = head.co_quan_chu_quan or page_head.co_quan_chu_quan
        head.co_quan_ban_hanh = page_head.co_quan_ban_hanh
        head.so_hieu = head.so_hieu or page_head.so_hieu
        head.dia_danh = head.dia_danh or page_head.dia_danh
        head.ngay = head.ngay or page_head.ngay
        head.he_thong = page_head.he_thong if page_head.he_thong == "dang" else head.he_thong
        head.khac.extend(page_head.khac)
    i = title_at if title_at is not None else 0
    ten_loai = trich_yeu = None
    if title_at is not None:
        title = blocks[title_at]
        assert isinstance(title, Doan)
        lines = [line.strip() for line in title.chu.strip().split("\n") if line.strip()]
        ten_loai = lines[0]
        rest = lines[1:]
        i = title_at + 1
        while i < len(blocks):
            block = blocks[i]
            if not isinstance(block, Doan):
                break
            text = block.chu.strip()
            if _is_rule(text):
                i += 1
                if rest:
                    break
                continue
            if not (block.giua or block.dam) or (_is_can_cu(text) and not block.giua) or heading_of(block) is not None:
                break
            rest.append(text)
            i += 1
        trich_yeu = mot_dong(" ".join(rest)) if rest else None
        while i < len(blocks) and isinstance(blocks[i], Doan) and _is_rule(blocks[i].chu.strip()):  # type: ignore[union-attr]
            i += 1

    can_cu: list[str] = []
    split: list[str] = []
    mo_dau: list[Doan] = []
    while i < len(blocks):
        block = blocks[i]
        if not isinstance(block, Doan) or heading_of(block) is not None:
            break
        text = block.chu.strip()
        if _is_can_cu(text) and not mo_dau:
            parts = _split_can_cu(mot_dong(text))
            if len(parts) > 1:
                split.append(text)
            can_cu.extend(parts)
            i += 1
            continue
        if _NOI_NHAN.match(text):
            break
        mo_dau.append(block)
        i += 1

    closing = _closing(blocks, i)
    end = closing.start if closing is not None else len(blocks)
    body = blocks[i:end]
    cau_ket = None
    # The closing sentence: the last paragraph of the body, "Trên đây là …" or ending "./.".
    for k in range(len(body) - 1, -1, -1):
        block = body[k]
        if isinstance(block, Doan) and not block.trong:
            text = block.chu.strip()
            if (khoa(text).startswith(_CAU_KET) or text.endswith("./.")) and heading_of(block) is None:
                cau_ket = mot_dong(text)
                body = body[:k] + body[k + 1:]
            break
    bold_headings: list[str] = []
    tree = _tree(body, bold_headings)
    before = []
    while tree and not isinstance(tree[0], Muc):
        first = tree.pop(0)
        assert not isinstance(first, Muc)
        before.append(first)
    sections = [node for node in tree if isinstance(node, Muc)]
    # Content between sections cannot exist at the top level: whatever follows a section is its content.
    after = blocks[closing.end:] if closing is not None else []
    annexes, leftover = _annexes(after)
    return VanBanNhap(
        phan_dau=head,
        ten_loai=ten_loai,
        trich_yeu=trich_yeu,
        can_cu=can_cu,
        can_cu_tach=split,
        mo_dau=mo_dau,
        phan=sections,
        truoc_phan=before,
        cau_ket=cau_ket,
        noi_nhan=closing.noi_nhan if closing else [],
        nguoi_ky=closing.nguoi_ky if closing else NguoiKy(),
        phu_luc=annexes,
        sau_cung=leftover,
        tieu_de_dam=bold_headings,
    )
