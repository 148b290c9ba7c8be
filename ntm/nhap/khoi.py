"""The blocks a reader sees in a Word document: paragraphs (with the number Word draws before
them, soft line breaks, tabs, footnotes) and tables (cell by cell, merged cells once)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Where a block was found: the body, a table cell, a text box, a page header or footer.
THAN = "than"
O_BANG = "o_bang"
KHUNG = "khung"
DAU_TRANG = "dau_trang"
CHAN_TRANG = "chan_trang"


@dataclass(frozen=True)
class Doan:
    """A paragraph as a reader sees it.

    `chu` is the whole visible text: the automatic number first (then a space), soft line
    breaks as "\\n", tabs as "\\t", footnote references left out (they are in `chu_thich`,
    each with the offset in `chu` it follows).
    """

    chu: str
    so: str = ""  # the automatic number's label ("I.", "1.", "a)", "-"); "" when typed or none
    kieu_so: str = ""  # its Word format: upperRoman, decimal, lowerLetter, bullet, …
    cap_so: int = 0  # its list level, 0-based
    dam: bool = False  # every visible letter bold
    nghieng: bool = False  # every visible letter italic
    co_dam: bool = False  # some visible letters bold
    kieu: str = ""  # the paragraph style's name
    cap_tieu_de: int = 0  # heading level from the style or outline level (1 = top), 0 if none
    giua: bool = False  # centred (or right-aligned)
    phai: bool = False  # right-aligned (numbers in a table)
    chu_thich: tuple[tuple[int, str], ...] = ()  # (offset in chu, note text)
    sang_trang: bool = False  # starts a new page (a page break before it)
    noi: str = THAN
    gach_chan: bool = False  # every visible letter underlined
    doan_dam: tuple[str, ...] = ()  # the bold stretches of the text, in order

    @property
    def than(self) -> str:
        """The text without the automatic number."""
        if self.so and self.chu.startswith(self.so):
            return self.chu[len(self.so):].lstrip(" \t")
        return self.chu

    @property
    def trong(self) -> bool:
        return not self.chu.strip()


@dataclass(frozen=True)
class Cell:
    """A table cell: where it starts in the grid, how many columns and rows it spans, its blocks."""

    hang: int
    cot: int
    khoi: tuple[Doan | Bang, ...]
    so_cot: int = 1
    so_hang: int = 1

    @property
    def chu(self) -> str:
        """The cell's text: its paragraphs one a line (nested tables' cells too)."""
        lines: list[str] = []
        for block in self.khoi:
            if isinstance(block, Doan):
                lines.append(block.chu)
            else:
                lines.extend(o.chu for row in block.hang for o in row)
        return "\n".join(lines).strip()

    @property
    def dam(self) -> bool:
        texts = [b for b in self.khoi if isinstance(b, Doan) and not b.trong]
        return bool(texts) and all(b.dam for b in texts)

    @property
    def phai(self) -> bool:
        texts = [b for b in self.khoi if isinstance(b, Doan) and not b.trong]
        return bool(texts) and all(b.phai for b in texts)


@dataclass(frozen=True)
class Bang:
    """A table: its rows, each holding the cells that start in it (a merged cell appears once)."""

    hang: tuple[tuple[Cell, ...], ...]
    so_cot: int
    hang_tieu_de: int = 0  # rows marked to repeat on each page (tblHeader), from the top
    noi: str = THAN
    sang_trang: bool = False

    def o(self, hang: int, cot: int) -> Cell | None:
        """The cell covering grid position (hang, cot)."""
        for row in self.hang[: hang + 1]:
            for cell in row:
                if cell.hang <= hang < cell.hang + cell.so_hang and cell.cot <= cot < cell.cot + cell.so_cot:
                    return cell
        return None


Khoi = Doan | Bang


@dataclass
class TaiLieu:
    """The whole document as blocks, in reading order, with what was seen on the way."""

    khoi: list[Khoi] = field(default_factory=list)
    dau_trang: list[Khoi] = field(default_factory=list)  # page headers' blocks (page numbers left out)
    chan_trang: list[Khoi] = field(default_factory=list)  # page footers' blocks
    co_macro: bool = False
    lien_ket_ngoai: int = 0  # relationships to outside targets: recorded, never followed
    phan_bo_qua: list[str] = field(default_factory=list)  # parts whose content could not be read (altChunk)
