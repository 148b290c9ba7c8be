"""The text reporter: parsable lines when piped, a rich table on a terminal."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any, cast

from ntm.diagnostics import MucDo
from ntm.present.output import Ra
from ntm.present.report import Rendered, Totals, rendered, summary_line
from ntm.present.view import ChanDoan, KiemTra

if TYPE_CHECKING:
    from ntm.present.view_danh_gia import DanhGiaView, TieuChi

_COLOURS = {"dat": "green", "chua_dat": "red", "chua_co_du_lieu": "yellow"}


def header(v: DanhGiaView, file: str) -> str:
    place = f"vùng {v.ten_vung or v.vung}" if v.vung else (f"nhóm xã {v.nhom_xa}" if v.nhom_xa else "")
    text = f"{file}: {v.ten_ngan} ({v.can_cu}), năm {v.nam}" + (f", {place}" if place else "")
    if v.quy_tac_vung:
        text += f" [áp dụng: {v.quy_tac_vung}]"
    return text


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
        return [tc for tc in v.tieu_chi if self.show_all or tc.la_chua_dat]

    def render(self, v: KiemTra) -> Rendered:
        lines = [d.one_line() for d in v.chan_doan]
        if v.danh_gia is not None:
            lines.append(header(v.danh_gia, v.tep))
            for tc in self._rows(v.danh_gia):
                lines.append(f"  {tc.nhan:<16} {tc.so:>3}. {tc.ten}")
                for ct in tc.chi_tieu:
                    if self.show_all or ct.la_chua_dat:
                        lines.append(f"        {ct.so} {ct.ten}: {ct.mo_ta} [nguồn: {ct.nguon}]")
            lines.append(v.danh_gia.tong_hop.cau_tom_tat)
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
        table = Table(title=Text(header(v, file)), title_justify="left", show_lines=True)
        table.add_column("TC", justify="right")
        table.add_column("Tiêu chí")
        table.add_column("Trạng thái")
        table.add_column("Chỉ tiêu: hiện trạng / yêu cầu")
        table.add_column("Nguồn mức yêu cầu")
        for tc in self._rows(v):
            shown = [c for c in tc.chi_tieu if self.show_all or c.la_chua_dat]
            table.add_row(
                Text(tc.so), Text(tc.ten), Text(tc.nhan, style=_COLOURS[tc.trang_thai.value]),
                Text("\n".join(f"{c.so} {c.ten}: {c.mo_ta}" for c in shown)), Text("\n".join(c.nguon for c in shown)),
            )
        self.console.print(table)
        self.console.print(Text(v.tong_hop.cau_tom_tat, style="bold"))

    def finish(self, totals: Totals) -> None:
        if self.console is not None:
            from rich.text import Text

            self.console.print(Text(summary_line(totals, self.command)))
        else:
            self.out.write(summary_line(totals, self.command) + "\n")
