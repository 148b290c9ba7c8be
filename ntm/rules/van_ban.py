"""VB: the document's own structure, checked before anything is rendered: the sections `bo_cuc`
names, tables that add up, nesting the outline can number, the generated sentence placed where
the plan can see it, and the signing formula of the document's system."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ntm.diagnostics import Diagnostic, YamlPath
from ntm.diagnostics.params import GiaTri
from ntm.diagnostics.suggest import de_xuat
from ntm.plan.model import KeHoach
from ntm.plan.noi_dung import PHAN_CO_SAN, Bang, CotBang, KhoiNoiDung
from ntm.plan.values import parse_number
from ntm.plan.van_ban import HeThong
from ntm.rules.rule import DauVao, Rule

MAX_LEVELS = 3  # 1., 1.1., a) under a Roman-numbered section


def bo_cuc(given: DauVao) -> Iterator[Diagnostic]:
    plan, file = given.plan, given.file
    custom = [p.ma for p in plan.phan_bo_sung if p.ma]
    seen_ma: set[str] = set()
    for i, part in enumerate(plan.phan_bo_sung):
        if part.ma is None:
            continue
        if part.ma in seen_ma or part.ma in PHAN_CO_SAN:
            yield Diagnostic("VB002", file, ("phan_bo_sung", i, "ma"), {"phan": GiaTri(part.ma, 60),
                                                                        "bien_the": "ma"})
        seen_ma.add(part.ma)
    if plan.bo_cuc is None:
        return
    known = (*PHAN_CO_SAN, *custom)
    placed: set[str] = set()
    for i, entry in enumerate(plan.bo_cuc):
        if entry.phan not in known:
            yield Diagnostic("VB001", file, ("bo_cuc", i), {
                "phan": GiaTri(entry.phan, 60), "de_xuat": de_xuat(entry.phan, known), "co_san": ", ".join(PHAN_CO_SAN)})
        elif entry.phan in placed:
            yield Diagnostic("VB002", file, ("bo_cuc", i), {"phan": GiaTri(entry.phan, 60)})
        placed.add(entry.phan)
    for i, part in enumerate(plan.phan_bo_sung):
        if part.ma is None or part.ma not in placed:
            yield Diagnostic("VB003", file, ("phan_bo_sung", i), {"tieu_de": GiaTri(part.tieu_de, 60)})


def _leaves(columns: Sequence[CotBang]) -> list[CotBang]:
    return [leaf for c in columns for leaf in (_leaves(c.cot) if c.cot else [c])]


def _table(table: Bang, path: YamlPath, file: str) -> Iterator[Diagnostic]:
    leaves = _leaves(table.cot)
    for r, row in enumerate(table.dong):
        if len(row) != len(leaves):
            yield Diagnostic("VB004", file, (*path, "dong", r), {"so_o": len(row), "so_cot": len(leaves)})
            continue
        for c, (cell, col) in enumerate(zip(row, leaves, strict=True)):
            if col.tong and cell.strip():
                try:
                    parse_number(cell)
                except ValueError:
                    yield Diagnostic("VB005", file, (*path, "dong", r, c), {"o": GiaTri(cell, 40), "cot": col.ten})


def _content(blocks: Sequence[KhoiNoiDung], path: YamlPath, file: str, level: int) -> Iterator[Diagnostic]:
    for i, block in enumerate(blocks):
        here = (*path, i)
        if block.muc is not None:
            if level >= MAX_LEVELS:
                yield Diagnostic("VB006", file, (*here, "muc"), {"toi_da": MAX_LEVELS}, at_key=True)
            yield from _content(block.noi_dung, (*here, "noi_dung"), file, level + 1)
        if block.bang is not None:
            yield from _table(block.bang, (*here, "bang"), file)


def noi_dung(given: DauVao) -> Iterator[Diagnostic]:
    plan, file = given.plan, given.file
    for i, part in enumerate(plan.phan_bo_sung):
        yield from _content(part.noi_dung, ("phan_bo_sung", i, "noi_dung"), file, 0)
    for i, annex in enumerate(plan.phu_luc):
        if isinstance(annex.bang, Bang):
            yield from _table(annex.bang, ("phu_luc", i, "bang"), file)


def _placements(blocks: Sequence[KhoiNoiDung], path: YamlPath) -> Iterator[YamlPath]:
    for i, block in enumerate(blocks):
        if block.tieu_chi_chua_dat:
            yield (*path, i, "tieu_chi_chua_dat")
        yield from _placements(block.noi_dung, (*path, i, "noi_dung"))


def cau_chua_dat(given: DauVao) -> Iterator[Diagnostic]:
    """The sentence on unmet criteria must land where the plan can see it, or be plainly off."""
    plan, file = given.plan, given.file
    wanted = plan.chi_tieu.bo_tieu_chi.tieu_chi_chua_dat
    placed = [p for i, part in enumerate(plan.phan_bo_sung)
              for p in _placements(part.noi_dung, ("phan_bo_sung", i, "noi_dung"))]
    if wanted is False:
        for path in placed:
            yield Diagnostic("VB007", file, path, {"bien_the": "tat"})
    elif wanted and not placed and plan.bo_cuc is not None and not any(e.phan == "muc_tieu" for e in plan.bo_cuc):
        yield Diagnostic("VB007", file, ("chi_tieu", "bo_tieu_chi", "tieu_chi_chua_dat"), {})


def _ky(plan: KeHoach) -> Iterator[tuple[YamlPath, str]]:
    signer = plan.van_ban.nguoi_ky
    for key in ("tham_quyen", "ky_thay"):
        value = getattr(signer, key)
        if value:
            yield ("van_ban", "nguoi_ky", key), value.strip()


def the_thuc_ky(given: DauVao) -> Iterator[Diagnostic]:
    """Signing formulas: Party "T/M", "K/T" (HD 36-HD/VPTW Mục II 1.7), State "TM.", "KT." (NĐ 30);
    and a Ban Chỉ đạo's head signs directly, not "T/M BAN CHỈ ĐẠO" (HD 36 Mục II 1.7)."""
    plan, file = given.plan, given.file
    party = plan.van_ban.he_thong is HeThong.dang
    issuer = plan.van_ban.co_quan_ban_hanh.upper()
    for path, text in _ky(plan):
        head = text.upper()
        if party and head.startswith(("TM.", "KT.", "TL.")):
            yield Diagnostic("VB008", file, path, {"viet": GiaTri(text, 40), "dung": head[:2][0] + "/" + head[1],
                                                   "bien_the": "dang"})
        elif not party and head.startswith(("T/M", "K/T", "T/L")):
            yield Diagnostic("VB008", file, path, {"viet": GiaTri(text, 40), "dung": head[0] + head[2] + ".",
                                                   "bien_the": "nha_nuoc"})
        elif party and head.startswith("T/M") and issuer.startswith("BAN CHỈ ĐẠO"):
            yield Diagnostic("VB008", file, path, {"viet": GiaTri(text, 40), "bien_the": "ban_chi_dao"})


RULES = (
    Rule(bo_cuc, ma=("VB001", "VB002", "VB003"), giai_doan="van_ban"),
    Rule(noi_dung, ma=("VB004", "VB005", "VB006"), giai_doan="van_ban"),
    Rule(cau_chua_dat, ma=("VB007",), giai_doan="van_ban"),
    Rule(the_thuc_ky, ma=("VB008",), giai_doan="van_ban"),
)
