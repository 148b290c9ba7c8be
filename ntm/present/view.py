"""The one typed view of a checked file that every reporter renders, so formats cannot disagree.

`KiemTra.to_json()` is exactly the object docs/json.md documents (a test
reads the document's tables and compares). The view holds only text and
numbers, so a worker process can build it and send it back small.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ntm.diagnostics import Diagnostic, MucDo
from ntm.diagnostics.text import visible
from ntm.present.messages import message
from ntm.run import KetQuaTep

if TYPE_CHECKING:  # the assessment's view is loaded only when there is an assessment
    from ntm.present.view_danh_gia import DanhGiaView
    from ntm.present.view_so_sanh import SoSanhView

JSON_VERSION = 1

@dataclass(frozen=True)
class ChanDoan:
    tep: str
    dong: int | None
    cot: int | None
    ma: str
    muc_do: MucDo
    duong_dan: str
    thong_diep: str
    vi_tri: str  # "file:line:col" as printed

    @classmethod
    def of(cls, d: Diagnostic) -> ChanDoan:
        return cls(visible(d.file), d.line, d.column, d.code, d.level, d.path_text, message(d), d.location())

    def one_line(self) -> str:
        """The parsable form: `file:line:col: mức độ [CODE] path: message`."""
        where = f" {self.duong_dan}:" if self.duong_dan else ""
        return f"{self.vi_tri}: {self.muc_do.nhan} [{self.ma}]{where} {self.thong_diep}"

    def to_json(self) -> dict[str, Any]:
        return {
            "tep": self.tep, "dong": self.dong, "cot": self.cot, "ma": self.ma, "muc_do": self.muc_do.value,
            "duong_dan": self.duong_dan, "thong_diep": self.thong_diep,
        }


@dataclass(frozen=True)
class KiemTra:
    """One file as `validate` or `check` reports it, or `render` its diagnostics."""

    lenh: str  # "validate" | "check" | "render" (its diagnostics: the assessment is in the document)
    tep: str
    la_bo_tieu_chi: bool
    hop_le: bool
    chan_doan: tuple[ChanDoan, ...]
    danh_gia: DanhGiaView | None = None
    so_sanh: SoSanhView | None = None  # check --so-voi: what changed since the revision
    loi: int = field(init=False)
    canh_bao: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "loi", sum(1 for d in self.chan_doan if d.muc_do is MucDo.LOI))
        object.__setattr__(self, "canh_bao", sum(1 for d in self.chan_doan if d.muc_do is MucDo.CANH_BAO))

    @property
    def noi_bo(self) -> int:
        """Failures inside ntm (NTM001) among the diagnostics: the run's exit code is then 4."""
        return sum(1 for d in self.chan_doan if d.ma == "NTM001")

    @property
    def chua_dat(self) -> int:
        return self.danh_gia.tong_hop.chua_dat if self.danh_gia else 0

    @property
    def da_xoa(self) -> bool:
        """A plan that existed at the --so-voi revision and is gone: nothing was checked."""
        return self.so_sanh is not None and self.so_sanh.trang_thai.value == "da_xoa"

    def to_json(self) -> dict[str, Any]:
        base: dict[str, Any] = {"phien_ban": JSON_VERSION, "tep": self.tep}
        if self.so_sanh is not None:
            if self.da_xoa:
                return {**base, "so_voi": self.so_sanh.to_json()}
            return {**self._to_json(base), "so_voi": self.so_sanh.to_json()}
        return self._to_json(base)

    def _to_json(self, base: dict[str, Any]) -> dict[str, Any]:
        if self.lenh != "check":  # only check reports an assessment
            return {**base, "hop_le": self.hop_le, "chan_doan": [d.to_json() for d in self.chan_doan]}
        base.update(
            loai_tep="bo_tieu_chi" if self.la_bo_tieu_chi else "ke_hoach",
            hop_le=self.hop_le,
            chan_doan=[d.to_json() for d in self.chan_doan],
        )
        v = self.danh_gia
        if v is None:
            return {**base, "tieu_chi": [], "tong_hop": None, "bo_tieu_chi": None}
        return {
            **base,
            "bo_tieu_chi": v.bo_tieu_chi,
            "nam": v.nam,
            "vung": v.vung,
            "ten_vung": v.ten_vung,
            "quy_tac_vung": v.quy_tac_vung,
            "nhom_xa": v.nhom_xa,
            "nguon_chung": v.nguon_chung,
            "tieu_chi": [t.to_json() for t in v.tieu_chi],
            "tong_hop": v.tong_hop.to_json(),
        }


def kiem_tra(result: KetQuaTep, lenh: str) -> KiemTra:
    """The view of one checked file (a picklable module-level function: workers call it)."""
    chan_doan = tuple(ChanDoan.of(d) for d in result.diagnostics)
    danh_gia = None
    if result.assessment is not None and lenh == "check":
        from ntm.present.view_danh_gia import danh_gia_view

        danh_gia = danh_gia_view(result.assessment, result.dong_tieu_chi)
    return KiemTra(lenh, visible(result.file), result.la_bo_tieu_chi, result.valid, chan_doan, danh_gia)


def ghi_chu_tep(d: Diagnostic, lenh: str) -> KiemTra:
    """A note about a path that is not a file to check (an empty folder)."""
    return KiemTra(lenh, visible(d.file), False, False, (ChanDoan.of(d),))
