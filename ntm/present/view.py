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
from ntm.run import KetQuaTep

if TYPE_CHECKING:  # the assessment's view is loaded only when there is an assessment
    from ntm.present.view_danh_gia import DanhGiaView
    from ntm.present.view_so_sanh import SoSanhView

# docs/json.md: 2 adds `da_chap_nhan`, an indicator's `trang_thai` `chua_co_nguong`, and a ≤ target
# read as its upper bound
JSON_VERSION = 2

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
    chap_nhan_tai: str = ""  # an accepted warning: where the acceptance is written ("ntm.toml:4")

    @classmethod
    def of(cls, d: Diagnostic, chap_nhan_tai: str = "") -> ChanDoan:
        # The registry and its wording are loaded by the first diagnostic worded, not by a run of
        # valid plans (~2.5 ms of `ntm validate`, benchmarks/README.md).
        from ntm.present.messages import message

        return cls(visible(d.file), d.line, d.column, d.code, d.level, d.path_text, message(d), d.location(),
                   visible(chap_nhan_tai))

    @property
    def nhan(self) -> str:
        """`lỗi`, `cảnh báo`, or `cảnh báo đã chấp nhận`."""
        return self.muc_do.nhan + (" đã chấp nhận" if self.chap_nhan_tai else "")

    def one_line(self) -> str:
        """The parsable form: `file:line:col: mức độ [CODE] path: message`."""
        where = f" {self.duong_dan}:" if self.duong_dan else ""
        return f"{self.vi_tri}: {self.nhan} [{self.ma}]{where} {self.thong_diep}{self.chap_nhan_o()}"

    def concise(self) -> str:
        """The compact form (`--format concise`, the pre-commit hook): `file:line:col: mức [CODE] message`."""
        return f"{self.vi_tri}: {self.nhan} [{self.ma}] {self.thong_diep}{self.chap_nhan_o()}"

    def chap_nhan_o(self) -> str:
        return f" (chấp nhận tại {self.chap_nhan_tai})" if self.chap_nhan_tai else ""

    def to_json(self) -> dict[str, Any]:
        out = {
            "tep": self.tep, "dong": self.dong, "cot": self.cot, "ma": self.ma, "muc_do": self.muc_do.value,
            "duong_dan": self.duong_dan, "thong_diep": self.thong_diep,
        }
        if self.chap_nhan_tai:
            out["chap_nhan_tai"] = self.chap_nhan_tai
        return out


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
    da_chap_nhan: tuple[ChanDoan, ...] = ()  # warnings accepted (`# ntm: bo-qua`, ntm.toml)
    hien_bo_qua: bool = False  # --hien-bo-qua: a reader's formats list them too (JSON always does)
    dung_kho: tuple[tuple[str, int, str], ...] = ()  # ntm.toml acceptances that matched (ntm.run.bo_qua)
    la_cau_hinh: bool = False  # the repository's ntm.toml, reported once for the run
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
        accepted = [d.to_json() for d in self.da_chap_nhan]
        if self.lenh != "check":  # only check reports an assessment
            return {**base, "hop_le": self.hop_le, "chan_doan": [d.to_json() for d in self.chan_doan],
                    "da_chap_nhan": accepted}
        base.update(
            loai_tep="cau_hinh" if self.la_cau_hinh else "bo_tieu_chi" if self.la_bo_tieu_chi else "ke_hoach",
            hop_le=self.hop_le,
            chan_doan=[d.to_json() for d in self.chan_doan],
            da_chap_nhan=accepted,
        )
        v = self.danh_gia
        if v is None:
            return {**base, "tieu_chi": [], "tong_hop": None, "bo_tieu_chi": None}
        return {
            **base,
            "bo_tieu_chi": v.bo_tieu_chi,
            "nam": v.nam,
            "giai_doan": list(v.giai_doan) if v.giai_doan else None,
            "cap": v.cap,
            "ghi_chu_ky": v.ghi_chu_ky,
            "vung": v.vung,
            "ten_vung": v.ten_vung,
            "quy_tac_vung": v.quy_tac_vung,
            "nhom_xa": v.nhom_xa,
            "nguon_chung": v.nguon_chung,
            "tieu_chi": [t.to_json() for t in v.tieu_chi],
            "tong_hop": v.tong_hop.to_json() if v.danh_gia_xa else None,
        }


def kiem_tra(result: KetQuaTep, lenh: str, hien_bo_qua: bool = False) -> KiemTra:
    """The view of one checked file (a picklable module-level function: workers call it)."""
    chan_doan = tuple(ChanDoan.of(d) for d in result.diagnostics)
    accepted = tuple(ChanDoan.of(c.diagnostic, c.bo_qua.noi_viet) for c in result.da_chap_nhan)
    danh_gia = None
    if result.assessment is not None and lenh == "check":
        from ntm.present.view_danh_gia import danh_gia_view

        danh_gia = danh_gia_view(result.assessment, result.dong_tieu_chi)
    return KiemTra(lenh, visible(result.file), result.la_bo_tieu_chi, result.valid, chan_doan, danh_gia,
                   da_chap_nhan=accepted, hien_bo_qua=hien_bo_qua, dung_kho=tuple(sorted(result.dung_kho)))


def ghi_chu_tep(d: Diagnostic, lenh: str) -> KiemTra:
    """A note about a path that is not a file to check (an empty folder)."""
    return KiemTra(lenh, visible(d.file), False, False, (ChanDoan.of(d),))


def cau_hinh_view(file: str, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic], lenh: str) -> KiemTra:
    """What is wrong with a repository's ntm.toml, or which of its acceptances matched nothing:
    said once for the run, as a file of its own. It is valid when nothing in it is an error."""
    chan_doan = tuple(ChanDoan.of(d) for d in diagnostics)
    return KiemTra(lenh, visible(file), False, not any(d.muc_do is MucDo.LOI for d in chan_doan), chan_doan,
                   la_cau_hinh=True)
