"""Block builders of the document view model: paragraphs, headings, bullets and lists,
footnotes, the nested content of custom sections, the generated sentence on unmet criteria.

`plain`, `bullet` and `heading` make one paragraph; `nested` the blocks of a plan's free
content; a `BuildContext` collects what one document gathers on the way (footnotes, where
the unmet-criteria sentence goes). ntm.present.document.build puts them in sections."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ntm.plan.noi_dung import KhoiNoiDung, KieuDanhSach
from ntm.plan.the_thuc import GIU_DAU_CUOI, chu_cai, ket_cau
from ntm.present import wording
from ntm.present.document.bang import bang
from ntm.present.document.chu import lien
from ntm.present.document.model import DIEM, DOAN, GACH, HEADINGS, KHOAN, Bang, Chu, Khoi, TieuChiChuaDat


def plain(loai: str, text: str) -> Khoi:
    """A paragraph of one run; year ranges held together."""
    return Khoi(loai, (Chu(lien(text)),))


def bullet(text: str, label: str = "") -> Khoi:
    """'- text', or '- label: text'."""
    # A dash already typed in the plan is not doubled.
    body = text[2:] if text.startswith(("- ", "– ")) else text
    return plain(GACH, f"- {label}: {body}" if label else f"- {body}")


def heading(loai: str, number: str, text: str) -> Khoi:
    """'1.2. text' on the level `loai`."""
    return plain(loai, f"{number} {text}")


def _merge_runs(runs: list[Chu]) -> tuple[Chu, ...]:
    merged: list[Chu] = []
    for run in runs:
        if merged and merged[-1].dam == run.dam:
            merged[-1] = Chu(merged[-1].noi_dung + run.noi_dung, run.dam)
        else:
            merged.append(run)
    return tuple(merged)


@dataclass
class BuildContext:
    """What building one document collects on the way: footnotes in reading order, and where
    the plan placed the generated sentence on unmet criteria."""

    unmet: tuple[TieuChiChuaDat, ...]
    chu_thich: list[str] = field(default_factory=list)

    def notes(self, texts: Sequence[str]) -> list[Chu]:
        refs = []
        for text in texts:
            self.chu_thich.append(lien(text))
            n = len(self.chu_thich)
            refs.append(Chu(str(n), chu_thich=n))
        return refs


_FINAL_MARKS = re.compile(r"[.;:,]+$")


def _with_notes(loai: str, text: str, notes: Sequence[str], ctx: BuildContext, kieu: str | None = None) -> Khoi:
    body = lien(text)
    if not notes:
        return Khoi(loai, (Chu(body),), kieu)
    # The reference follows the words it explains, before the final mark (as Word places it).
    m = _FINAL_MARKS.search(body)
    tail = m.group(0) if m else ""
    runs = [Chu(body[: len(body) - len(tail)]), *ctx.notes(notes)]
    if tail:
        runs.append(Chu(tail))
    return Khoi(loai, tuple(runs), kieu)


def _marker(kieu: KieuDanhSach, n: int) -> str:
    """A list item's marker; lettered items follow the Vietnamese alphabet, as legal texts number them."""
    if kieu is KieuDanhSach.cong:
        return "+ "
    if kieu is KieuDanhSach.chu:
        return f"{chu_cai(n)}) "
    if kieu is KieuDanhSach.so:
        return f"{n}) "
    return "- "


def _list(items: Sequence[tuple[str, Sequence[str]]], kieu: KieuDanhSach, ctx: BuildContext) -> list[Khoi]:
    """A list in the chosen style: the marker is added here, ";" ends each item and "." the last."""
    texts = ket_cau([_strip_marker(text) for text, _ in items])
    return [
        _with_notes(GACH, _marker(kieu, n) + text, notes, ctx, kieu.value)
        for n, (text, (_, notes)) in enumerate(zip(texts, items, strict=True), start=1)
    ]


def as_list(texts: Sequence[str], kieu: KieuDanhSach) -> list[Khoi]:
    """Paragraphs of the plan as the items of one list in the style `kieu` (no footnotes)."""
    return _list([(t, ()) for t in texts], kieu, BuildContext(()))


def _strip_marker(text: str) -> str:
    # A dash typed by habit is not doubled.
    return text[2:] if text.startswith(("- ", "– ", "+ ")) else text


def nested(blocks: Sequence[KhoiNoiDung], ctx: BuildContext, depth: int = 0, prefix: str = "") -> list[Khoi | Bang]:
    """Nested content of a custom section: sub-headings on the levels 1., 1.1., a), each with its
    own paragraphs, lists, tables and footnotes."""
    out: list[Khoi | Bang] = []
    n = 0
    for block in blocks:
        if block.muc is not None:
            n += 1
            level = HEADINGS[min(depth, len(HEADINGS) - 1)]  # deeper levels are refused by rule VB006
            if level == KHOAN:
                number, inner = f"{n}.", str(n)
            elif level == DIEM:
                number, inner = f"{prefix}.{n}.", f"{prefix}.{n}"
            else:
                number, inner = f"{chu_cai(n)})", prefix
            out.append(plain(level, f"{number} {block.muc}"))
            out.extend(nested(block.noi_dung, ctx, depth + 1, inner))
        elif block.doan is not None:
            out.append(_with_notes(DOAN, block.doan, block.chu_thich, ctx))
        elif block.danh_sach is not None:
            out.extend(_list([(i.doan, i.chu_thich) for i in block.danh_sach], block.kieu, ctx))
        elif block.bang is not None:
            out.append(bang(block.bang))
        elif block.tieu_chi_chua_dat:
            sentence = unmet_sentence(ctx.unmet)
            if sentence is not None:
                out.append(sentence)
    return out


def placed_unmet(blocks: Sequence[KhoiNoiDung]) -> bool:
    """Whether the plan placed the unmet-criteria sentence somewhere in this content."""
    return any(b.tieu_chi_chua_dat or placed_unmet(b.noi_dung) for b in blocks)


def unmet_sentence(items: Iterable[TieuChiChuaDat], final: str = ".") -> Khoi | None:
    """'- Phấn đấu hoàn thành các tiêu chí chưa đạt, gồm: tiêu chí **X** (…); tiêu chí **Y** (…).'"""
    items = list(items)
    if not items:
        return None
    runs: list[Chu] = [Chu(f"- {wording.MO_DAU_CHUA_DAT}")]
    for n, item in enumerate(items):
        runs.append(Chu("tiêu chí " if n == 0 else "; tiêu chí "))
        runs.append(Chu(item.ten, dam=True))
        if item.chi_tiet:
            runs.append(Chu(f" ({'; '.join(item.chi_tiet)})"))
    runs.append(Chu(final))
    return Khoi(GACH, _merge_runs(runs))


def with_final(khoi: Khoi, mark: str) -> Khoi:
    """A generated list item ending with `mark` (";" or "."), whatever it ended with."""
    if not khoi.chu:
        return khoi
    last = khoi.chu[-1]
    body = last.noi_dung.rstrip()
    if body.endswith(GIU_DAU_CUOI):
        return khoi
    fixed = Chu(body.rstrip(" ;.,") + mark, last.dam, last.chu_thich)
    return Khoi(khoi.loai, (*khoi.chu[:-1], fixed), khoi.kieu)


def generated_list(items: Sequence[tuple[Khoi, bool]]) -> list[Khoi]:
    """Items of one list, each flagged generated or the plan's own: generated items end with ";",
    the last item of the list with "." when it is generated; the plan's own text stays as written."""
    last = len(items) - 1
    return [with_final(k, "." if n == last else ";") if made else k for n, (k, made) in enumerate(items)]
