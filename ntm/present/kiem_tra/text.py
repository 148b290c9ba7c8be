"""The text reporter: parsable lines when piped, a rich table on a terminal."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, cast

from ntm.diagnostics import MucDo
from ntm.present.kiem_tra import Rendered, Totals, rendered, summary_line
from ntm.present.output import Ra
from ntm.present.view import ChanDoan, KiemTra

if TYPE_CHECKING:
    from ntm.present.view_danh_gia import ChiTieu, DanhGiaView, TieuChi

_COLOURS = {"dat": "green", "chua_dat": "red", "chua_co_du_lieu": "yellow"}


def _colour(tc: TieuChi) -> str:
    # an unknown official level is nobody's fault: not the warning colour of missing figures
    return "blue" if tc.la_chua_co_du_lieu and not tc.la_thieu_so_lieu else _COLOURS[tc.trang_thai.value]


def header(v: DanhGiaView, file: str) -> str:
    place = f"vùng {v.ten_vung or v.vung}" if v.vung else (f"nhóm xã {v.nhom_xa}" if v.nhom_xa else "")
    if v.quy_tac_vung:  # the rule names the region it brings in, and why
        place = f"áp dụng {v.quy_tac_vung}"
    return f"{file}: {v.ten_ngan} ({v.can_cu}), năm {v.nam}" + (f", {place}" if place else "")


def legend(v: DanhGiaView, shown: list[ChiTieu] | None = None) -> str | None:
    """Where the levels come from, said once; a line whose source differs says its own. And
    what the * on a number means, when one is shown."""
    notes = [f"Mức yêu cầu theo {v.nguon_chung}, trừ dòng có ghi nguồn riêng."] if v.nguon_chung else []
    if shown and any(c.so_tam for c in shown):
        notes.append("Số có dấu * là số tạm của ntm: số thứ tự chính thức chưa rõ (xem ntm criteria).")
    return "\n  ".join(notes) or None  # one note a line, under the header


def indicator_line(c: ChiTieu) -> str:
    number = f"{c.so}*" if c.so and c.so_tam else c.so
    text = f"{number} {c.ten}: {c.mo_ta}" if number else f"{c.ten}: {c.mo_ta}"
    return text + f" [nguồn: {c.nguon}]" if c.nguon_rieng else text


def so_sanh_lines(v: KiemTra) -> list[str]:
    """With --so-voi: the verdict against the revision, then one line a change; under the plan's
    assessment, or on the file's own line when there is none (a new or removed plan, an invalid one)."""
    if v.so_sanh is None:
        return []
    if v.danh_gia is None:
        return [f"{v.tep}: {v.so_sanh.cau}"]
    return [f"  {v.so_sanh.cau}", *(f"    {t.thong_diep}" for t in v.so_sanh.thay_doi)]


class TextReporter:
    def __init__(self, out: Ra, command: str, show_all: bool, color: bool) -> None:
        self.out = out
        self.command = command
        self.show_all = show_all
        self.console: Any = None
        if color:
            from rich.console import Console  # only on a terminal

            self.console = Console(file=cast(IO[str], out), highlight=False, soft_wrap=True)
        self.prerenders = self.console is None

    def _rows(self, v: DanhGiaView) -> list[TieuChi]:
        """Unmet criteria, and those the plan can settle by adding figures (named); all with --all."""
        return [tc for tc in v.tieu_chi if self.show_all or tc.la_chua_dat or tc.la_can_bo_sung]

    def _indicators(self, tc: TieuChi) -> list[ChiTieu]:
        if self.show_all:
            return list(tc.chi_tieu)
        return [c for c in tc.chi_tieu if c.la_chua_dat or (tc.la_thieu_so_lieu and c.thieu_so_lieu)]

    def _details(self, tc: TieuChi) -> list[str]:
        # Only `check` gets here: `validate` loads neither the assessment nor its wording.
        from ntm.assess.result import LyDo
        from ntm.present import wording

        lines = [indicator_line(c) for c in self._indicators(tc)]
        if tc.la_chua_co_du_lieu and tc.ly_do is LyDo.danh_muc_chua_du:
            lines.append(wording.goi_y_tu_danh_gia(tc.ma))
        return lines

    def render(self, v: KiemTra) -> Rendered:
        lines = [d.one_line() for d in v.chan_doan]
        if v.danh_gia is not None:
            lines.append(header(v.danh_gia, v.tep))
            rows = self._rows(v.danh_gia)
            note = legend(v.danh_gia, [c for tc in rows for c in self._indicators(tc)])
            if note and rows:
                lines.append(f"  {note}")
            # One width for the status column, whatever its longest label: the names line up.
            width = max((len(tc.nhan) for tc in rows), default=0)
            for tc in rows:
                lines.append(f"  {tc.nhan:<{width}} {tc.so:>3}. {tc.ten}")
                lines.extend(f"        {line}" for line in self._details(tc))
            lines.append(v.danh_gia.tong_hop.cau_tom_tat)
        lines += so_sanh_lines(v)
        return rendered(v, "".join(line + "\n" for line in lines))

    def emit(self, r: Rendered) -> None:
        self.out.write(r.text)

    def outcome(self, v: KiemTra) -> None:
        if self.console is None:
            self.emit(self.render(v))
            return
        for d in v.chan_doan:
            self._rich_diagnostic(d)
        if v.danh_gia is not None:
            self._rich_table(v.danh_gia, v.tep)
        if v.so_sanh is not None:
            from rich.text import Text

            for line in so_sanh_lines(v):
                self.console.print(Text(line))

    def _rich_diagnostic(self, d: ChanDoan) -> None:
        from rich.text import Text

        style = "bold red" if d.muc_do is MucDo.LOI else "yellow"
        line = Text()
        line.append(d.vi_tri, style="bold")
        line.append(": ")
        line.append(f"{d.muc_do.nhan} [{d.ma}]", style=style)
        if d.duong_dan:
            line.append(f" {d.duong_dan}:", style="cyan")
        line.append(f" {d.thong_diep}")
        self.console.print(line)

    def _rich_table(self, v: DanhGiaView, file: str) -> None:
        from rich.table import Table
        from rich.text import Text

        # Text, never markup strings: plan text such as "[dự thảo]" is data, not rich markup.
        note = legend(v, [c for tc in self._rows(v) for c in self._indicators(tc)])
        table = Table(title=Text(header(v, file)), title_justify="left", show_lines=True,
                      caption=Text(note) if note else None, caption_justify="left")
        table.add_column("TC", justify="right")
        table.add_column("Tiêu chí")
        table.add_column("Trạng thái")
        table.add_column("Chỉ tiêu: hiện trạng, yêu cầu")
        for tc in self._rows(v):
            table.add_row(
                Text(tc.so), Text(tc.ten), Text(tc.nhan, style=_colour(tc)),
                Text("\n".join(self._details(tc))),
            )
        self.console.print(table)
        self.console.print(Text(v.tong_hop.cau_tom_tat, style="bold"))

    def finish(self, totals: Totals) -> None:
        summary = summary_line(totals, self.command)
        if summary is None:
            return
        if self.console is not None:
            from rich.text import Text

            self.console.print(Text(summary))
        else:
            self.out.write(summary + "\n")
