"""Free content kept verbatim: paragraphs (soft line breaks kept), footnotes, lists with their
style, nested headings and tables (merged header cells as column groups, the totals row and
the amount in words recognised when they are exactly what ntm would print), as the plan's
`noi_dung` blocks (docs/plan-format.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ntm.nhap.chu import khoa, so_viet
from ntm.nhap.du_doan import DuDoan, YamlPath
from ntm.nhap.khoi import Bang, Doan
from ntm.nhap.nhan_dang import Muc
from ntm.plan.the_thuc import chu_cai, ket_cau

# The writer's rules that a list must already follow to be a list again (ntm/plan/the_thuc.py
# `ket_cau`, `chu_cai`): applied here so that a list is kept as a list only when printing it gives
# back the document's very text; otherwise its paragraphs are kept as they are.
_MARKERS = (("- ", "gach"), ("– ", "gach"), ("• ", "gach"), ("+ ", "cong"))
_LETTER = re.compile(r"^(?P<so>[a-zđ])\)\s+(?P<chu>\S.*)$", re.DOTALL)
_NUMBER = re.compile(r"^(?P<so>\d{1,2})\)\s+(?P<chu>\S.*)$", re.DOTALL)
_UNIT = re.compile(r"^đơn vị tính\s*:\s*(?P<don_vi>.+)$", re.IGNORECASE)
_LABEL_UNIT = re.compile(r"^(?P<ten>.+?)\s*\((?P<don_vi>[^()]+)\)$", re.DOTALL)
_TOTALS = {"tổng cộng", "tổng", "cộng", "tổng số"}
MAX_MUC_DEPTH = 3  # 1., 1.1., a) (rule VB006 refuses deeper)


def plain_text(block: Doan) -> str:
    """A paragraph's text for the plan: its lines kept, tabs as spaces, ends trimmed."""
    lines = [" ".join(line.replace("\t", " ").split()) for line in block.chu.strip().split("\n")]
    return "\n".join(line for line in lines if line)


def marker(block: Doan) -> tuple[str, str, str] | None:
    """(list style, marker, item text) when the paragraph is a list item: '- ', '+ ', 'a) ', '1) ',
    typed or drawn by Word's numbering."""
    text = plain_text(block)
    if block.so and block.kieu_so == "bullet":
        kind = "cong" if block.so.strip() == "+" else "gach"
        return kind, block.so, block.than.strip()
    for mark, kind in _MARKERS:
        if text.startswith(mark):
            return kind, mark.strip(), text[len(mark):].strip()
    m = _LETTER.match(text)
    if m:
        return "chu", m["so"], m["chu"].strip()
    m = _NUMBER.match(text)
    if m:
        return "so", m["so"], m["chu"].strip()
    return None


@dataclass
class NoiDung:
    """What converting free content collects: guesses (a totals row recognised) and notices."""

    du_doan: list[DuDoan] = field(default_factory=list)
    thong_bao: list[str] = field(default_factory=list)


def paragraph_block(block: Doan) -> Any:
    text = plain_text(block)
    if block.chu_thich:
        return {"doan": text, "chu_thich": [note for _, note in block.chu_thich]}
    return text


def _list_block(items: list[Doan], kind: str) -> list[Any] | None:
    """One list block when printing it gives back the items as written, else None."""
    parsed = [marker(b) for b in items]
    texts = [p[2] for p in parsed if p is not None]
    if len(texts) != len(items) or any(not t for t in texts):
        return None
    if kind in ("chu", "so"):
        expected = [chu_cai(n) if kind == "chu" else str(n) for n in range(1, len(items) + 1)]
        if [p[1] for p in parsed if p is not None] != expected:
            return None
    if ket_cau(texts) != texts:
        return None
    entries: list[Any] = []
    for block, text in zip(items, texts, strict=True):
        if block.chu_thich:
            entries.append({"doan": text, "chu_thich": [note for _, note in block.chu_thich]})
        else:
            entries.append(text)
    out: dict[str, Any] = {"danh_sach": entries}
    if kind != "gach":
        out["kieu"] = kind
    return [out]


def convert(items: list[Muc | Doan | Bang], path: YamlPath, nd: NoiDung, depth: int = 0) -> list[Any]:
    """Nested content as plan blocks. `path` is where the blocks go (for guesses on tables)."""
    out: list[Any] = []
    pending: dict[str, Any] = {}  # a table's title and unit, read just above it
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, Muc):
            if depth >= MAX_MUC_DEPTH:  # deeper than the format's three levels: the heading as a paragraph
                heading = f"{item.so}. {item.tieu_de}" if item.so and not item.so.isalpha() else item.tieu_de
                if item.so and item.so.isalpha():
                    heading = f"{item.so}) {item.tieu_de}"
                out.append(heading)
                out.extend(convert(item.con, (*path,), nd, depth))
            else:
                inner = convert(item.con, (*path, len(out), "noi_dung"), nd, depth + 1)
                out.append({"muc": item.tieu_de, "noi_dung": inner} if inner else {"muc": item.tieu_de})
            i += 1
            continue
        if isinstance(item, Bang):
            spec, after = table_spec(item, items[i + 1] if i + 1 < len(items) else None, (*path, len(out), "bang"), nd)
            out.append({"bang": {**pending, **spec}})
            pending = {}
            i += 2 if after else 1
            continue
        if item.trong:
            i += 1
            continue
        ahead = items[i + 1] if i + 1 < len(items) else None
        unit = _UNIT.match(plain_text(item))
        if unit and isinstance(ahead, Bang):
            pending["don_vi"] = unit["don_vi"].strip()
            i += 1
            continue
        if item.dam and item.giua and not item.so and "\n" not in item.chu.strip():
            further = items[i + 2] if i + 2 < len(items) else None
            unit_next = isinstance(ahead, Doan) and _UNIT.match(plain_text(ahead)) and isinstance(further, Bang)
            if isinstance(ahead, Bang) or unit_next:
                pending = {"tieu_de": plain_text(item)}
                i += 1
                continue
        mark = marker(item)
        if mark is not None:
            run = [item]
            j = i + 1
            while j < len(items):
                nxt = items[j]
                if not isinstance(nxt, Doan) or nxt.trong:
                    break
                other = marker(nxt)
                if other is None or other[0] != mark[0]:
                    break
                run.append(nxt)
                j += 1
            listed = _list_block(run, mark[0])
            if listed is not None:
                out.extend(listed)
            else:
                out.extend(paragraph_block(b) for b in run)
            i = j
            continue
        out.append(paragraph_block(item))
        i += 1
    return out


def _header_depth(t: Bang) -> int:
    if not t.hang:
        return 0
    depth = t.hang_tieu_de
    if depth == 0:
        first = t.hang[0]
        bold = all(cell.dam or not cell.chu for cell in first) and any(cell.chu for cell in first)
        numeric = any(so_viet(cell.chu) is not None for cell in first if cell.chu)
        depth = 1 if (bold or (len(t.hang) > 1 and not numeric)) else 0
    if depth:
        depth = max([depth] + [cell.so_hang for cell in t.hang[0]])
    return min(depth, len(t.hang))


def _columns(t: Bang, depth: int, row: int, start: int, end: int) -> list[Any]:
    out: list[Any] = []
    col = start
    cells = sorted((c for r in t.hang[row:depth] for c in r if c.hang == row and start <= c.cot < end),
                   key=lambda c: c.cot) if row < depth else []
    for cell in cells:
        while col < cell.cot:
            out.append("")
            col += 1
        label = " ".join(cell.chu.split())
        bottom = cell.hang + cell.so_hang >= depth
        if bottom:
            if cell.so_cot == 1:
                out.append(label)
            else:
                out.append({"ten": label, "cot": [""] * cell.so_cot})
        else:
            inner = _columns(t, depth, cell.hang + cell.so_hang, cell.cot, cell.cot + cell.so_cot)
            out.append({"ten": label, "cot": inner} if inner else label)
        col = cell.cot + cell.so_cot
    while col < end:
        out.append("")
        col += 1
    return out


def _leaves(columns: list[Any]) -> list[tuple[list[Any], int]]:
    """(the list holding the leaf, its index) for each leaf column, left to right."""
    return [(holder, n) for holder, n, _ in _leaf_paths(columns)]


def _leaf_paths(columns: list[Any], groups: tuple[dict[str, Any], ...] = ()) -> list[
        tuple[list[Any], int, tuple[dict[str, Any], ...]]]:
    """As `_leaves`, with the column groups above each leaf (outermost first)."""
    out: list[tuple[list[Any], int, tuple[dict[str, Any], ...]]] = []
    for n, col in enumerate(columns):
        if isinstance(col, dict) and col.get("cot"):
            out.extend(_leaf_paths(col["cot"], (*groups, col)))
        else:
            out.append((columns, n, groups))
    return out


def _cell_text(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.strip().split("\n") if line.strip())


def table_spec(t: Bang, after: Any, path: YamlPath, nd: NoiDung) -> tuple[dict[str, Any], bool]:
    """A table as `bang` data, and whether the paragraph after it (the amount in words) was its own."""
    depth = _header_depth(t)
    width = max(t.so_cot, 1)
    columns = _columns(t, depth, 0, 0, width) if depth else [""] * width
    rows: list[list[str]] = []
    right = [True] * width  # every filled body cell of the column aligned right
    for r in range(depth, len(t.hang)):
        values = [""] * width
        for cell in t.hang[r]:
            if cell.cot < width:
                values[cell.cot] = _cell_text(cell.chu)
                if values[cell.cot] and not cell.phai:
                    right[cell.cot] = False
        rows.append(values)
    spec: dict[str, Any] = {"cot": columns, "dong": rows}
    used_after = _totals(spec, rows, columns, after, path, nd)
    _quantities(columns, rows, right)
    _number_columns(columns, rows, right)
    if not rows:
        spec.pop("dong")
    return spec, used_after


def _totals(spec: dict[str, Any], rows: list[list[str]], columns: list[Any], after: Any, path: YamlPath,
            nd: NoiDung) -> bool:
    """A last row "Tổng cộng" whose numbers are the sums of their columns is the totals row ntm
    prints from `tong: true`: it is recognised (a guess) and left out of the rows."""
    if len(rows) < 2:
        return False
    last = rows[-1]
    labels = [(n, v) for n, v in enumerate(last) if v and so_viet(v) is None]
    if len(labels) != 1 or khoa(labels[0][1]) not in _TOTALS:
        return False
    summed = []
    for n, value in enumerate(last):
        if not value or n == labels[0][0]:
            continue
        total = so_viet(value)
        cells = [so_viet(row[n]) if row[n] else None for row in rows[:-1]]
        if total is None or any(row[n] and c is None for row, c in zip(rows[:-1], cells, strict=True)):
            return False
        if sum(c for c in cells if c is not None) != total:
            return False
        summed.append(n)
    if not summed:
        return False
    label_at = labels[0][0]
    if any(n < label_at for n in summed) or any(last[n] for n in range(len(last)) if n != label_at and n not in summed):
        return False
    leaves = _leaf_paths(columns)
    words_unit = None
    for n in summed:
        holder, index, groups = leaves[n]
        for group in reversed(groups):  # "Kinh phí (đồng)" above the summed columns: the unit is the group's
            gm = _LABEL_UNIT.match(group["ten"]) if "don_vi" not in group else None
            if gm:
                inner = group.pop("cot")
                group.update({"ten": gm["ten"].strip(), "don_vi": gm["don_vi"].strip(), "cot": inner})
            if khoa(group.get("don_vi", "")) == "đồng" and words_unit is None:
                words_unit = n
            if "don_vi" in group:
                break
        name = holder[index]
        label = name if isinstance(name, str) else name["ten"]
        entry: dict[str, Any] = {"ten": label, "tong": True}
        m = _LABEL_UNIT.match(label)
        if m:
            entry = {"ten": m["ten"].strip(), "don_vi": m["don_vi"].strip(), "tong": True}
            if words_unit is None and khoa(m["don_vi"]) == "đồng":
                words_unit = n
        holder[index] = entry
        for row in rows[:-1]:
            number = so_viet(row[n]) if row[n] else None
            if number is not None:
                row[n] = _plain_number(number)
    if khoa(last[label_at]) != "tổng cộng" or last[label_at] != "Tổng cộng":
        spec["nhan_tong"] = last[label_at]
    rows.pop()
    nd.du_doan.append(DuDoan(path, " | ".join(v for v in last if v), "dòng tổng: các cột có tong: true, ntm tự cộng"))
    if words_unit is not None and isinstance(after, Doan):
        total = so_viet(last[words_unit])
        if total is not None and after.chu.strip() == f"Bằng chữ: {bang_chu(int(total))}.":
            return True
    return False


def _quantities(columns: list[Any], rows: list[list[str]], right: list[bool]) -> None:
    """A column "Mức thưởng (đồng)" whose numbers stand right-aligned is a quantity with its unit,
    as ntm prints one (the cells' text is the same either way)."""
    for n, (holder, index) in enumerate(_leaves(columns)):
        label = holder[index]
        if not isinstance(label, str) or not right[n] or n >= len(right):
            continue
        m = _LABEL_UNIT.match(label)
        cells = [row[n] for row in rows if row[n]]
        if m and cells and all(so_viet(c) is not None for c in cells):
            holder[index] = {"ten": m["ten"].strip(), "don_vi": m["don_vi"].strip()}


def _whole_from_1000(cells: list[str]) -> bool:
    """The writer's own test for a column without unit or total (ntm/present/document/bang.py
    `_numeric`): every cell a whole number as a plan types one, one of them from 1.000 up."""
    from ntm.plan.values import parse_number

    values = []
    for cell in cells:
        try:
            values.append(Decimal(parse_number(cell)))
        except ValueError:
            return False
    return all(v == v.to_integral_value() for v in values) and any(abs(v) >= 1000 for v in values)


def _vn(plain: str) -> str:
    """'1306' -> '1.306', '1234,5' -> '1.234,5': a plain number as the document writer prints it."""
    whole, comma, fraction = plain.partition(",")
    return f"{int(whole):,}".replace(",", ".") + comma + fraction


def _number_columns(columns: list[Any], rows: list[list[str]], right: list[bool]) -> None:
    """Numbers as the document writer prints them. A column of numbers it aligns right prints the
    Vietnamese way (1.306): the plan holds the number ('1306'), with `kieu: so` when the column
    alone would not say so (no unit, no total, no whole number from 1.000 up). A column of such
    whole numbers left as written (codes, not quantities) says `kieu: chu`. Either way printing
    the plan gives back the cells and their alignment."""
    for n, (holder, index, groups) in enumerate(_leaf_paths(columns)):
        col = holder[index]
        cells = [row[n] for row in rows if n < len(row) and row[n]]
        if not cells or n >= len(right):
            continue
        label = col if isinstance(col, str) else col["ten"]
        quantity = (isinstance(col, dict) and bool(col.get("tong") or col.get("don_vi"))) \
            or any(g.get("don_vi") for g in groups)
        years = "năm" in " ".join([*(g["ten"] for g in groups), label]).lower().split()
        kieu = None
        if right[n]:
            numbers = [so_viet(c) for c in cells]
            plain = [_plain_number(v) for v in numbers if v is not None]
            if len(plain) != len(cells) or any(_vn(p) != c for p, c in zip(plain, cells, strict=True)):
                continue  # not printed from numbers: kept as written
            for row in rows:
                if n < len(row) and row[n]:
                    row[n] = _plain_number(so_viet(row[n]))
            if not quantity and (years or not _whole_from_1000(plain)):
                kieu = "so"
        elif not quantity and not years and _whole_from_1000(cells):
            kieu = "chu"
        if kieu is not None:
            entry = {"ten": col} if isinstance(col, str) else dict(col)
            entry["kieu"] = kieu
            holder[index] = entry


def _plain_number(value: Any) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def bang_chu(amount: int) -> str:
    """The amount in words as the document writer prints it under a total in đồng (num2words,
    Vietnamese): compared with the document's line to know that line was printed by ntm."""
    from num2words import num2words

    words = str(num2words(amount, lang="vi"))
    return f"{words[:1].upper()}{words[1:]} đồng"
