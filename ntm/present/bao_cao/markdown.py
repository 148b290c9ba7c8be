"""The report as Markdown: the same sections and tables, for a wiki or a merge request."""

from __future__ import annotations

from collections.abc import Iterator

from ntm.present.bao_cao.dinh_dang import chu, pham_vi_chu
from ntm.present.bao_cao.model import Bang, BaoCao
from ntm.present.bao_cao.nhan import TIEU_DE_DINH_NGHIA


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def bang_md(b: Bang) -> list[str]:
    lines = [f"### {b.tieu_de}", ""]
    lines.append("| " + " | ".join(_cell(c.nhan) for c in b.cot) + " |")
    lines.append("|" + "|".join("---:" if c.kieu.value not in ("chu", "trang_thai") else "---" for c in b.cot) + "|")
    for row in b.dong:
        lines.append("| " + " | ".join(_cell(chu(c.kieu, v)) for c, v in zip(b.cot, row, strict=True)) + " |")
    if not b.dong:
        lines.append("| " + " | ".join("" for _ in b.cot) + " |")
    lines.append("")
    lines.extend(f"- {_cell(n)}" for n in b.ghi_chu)
    if b.ghi_chu:
        lines.append("")
    return lines


def render_markdown(r: BaoCao) -> Iterator[bytes]:
    """The report in pieces, a table at a time."""
    lines = [f"# {r.tieu_de}", ""]
    lines.extend(f"- **{k}:** {_cell(pham_vi_chu(v))}" for k, v in r.pham_vi)
    lines += ["", f"## {TIEU_DE_DINH_NGHIA}", ""]
    lines.extend(f"- **{k}.** {_cell(v)}" for k, v in r.dinh_nghia)
    lines.append("")
    for p in r.phan:
        lines += [f"## {p.tieu_de}", ""]
        lines.extend(p.mo_ta)
        lines.append("")
        for b in p.bang:
            lines.extend(bang_md(b))
            yield ("\n".join(lines) + "\n").encode("utf-8")
            lines = []
    yield ("\n".join(lines).rstrip() + "\n").encode("utf-8")
