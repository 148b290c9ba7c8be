"""Criteria catalogs (bộ tiêu chí) as data, modelled on OpenFisca's parameters.

A catalog file holds one official set: its legal basis, its tiêu chí in
official order, each with chỉ tiêu (slug, number, text, unit, kind) and
thresholds (ngưỡng) along the set's axis (vùng or nhóm xã) and, where the
law says so, the year. Every threshold carries its source and confidence.
An unknown value is written as `gia_tri: null` (or simply left out): the
tool then says it has none; it never guesses.

A province's set `ke_thua` (extends) another catalog: its thresholds are
tried first, its new indicators are added.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ntm.diagnostics import Diagnostic, has_errors
from ntm.loader import load_bytes, read_file
from ntm.values import Ngay, SoLieuType, SoNguyen

CATALOG_DIR = Path(__file__).parent / "catalogs"


def _new_list() -> list[Any]:
    """`default_factory=list`, faster to build: pydantic inspects every factory's signature,
    0.01 ms for a Python function, 0.15 ms for the builtin `list` (start-up time)."""
    return []


class DoTinCay(str, Enum):
    """Confidence codes of ../shared/reference/criteria-sources.md."""

    V = "V"  # seen verbatim in the official text
    S = "S"  # seen in a secondary source
    I = "I"  # noqa: E741 - inferred, with the reasoning in ghi_chu
    R = "R"  # wording recalled, not confirmed by a source (never used for numbers)
    U = "U"  # unknown

    @property
    def nhan(self) -> str:
        return {
            "V": "nguyên văn văn bản gốc",
            "S": "nguồn thứ cấp",
            "I": "suy luận",
            "R": "chưa đối chiếu văn bản gốc",
            "U": "chưa rõ",
        }[self.value]


class LoaiChiTieu(str, Enum):
    """The comparison operators code knows; nothing about any particular criterion."""

    toi_thieu = "toi_thieu"  # value >= threshold
    toi_da = "toi_da"  # value <= threshold
    dat = "dat"  # yes/no: the indicator must be met (có / đạt)

    @property
    def ky_hieu(self) -> str:
        return {"toi_thieu": "≥", "toi_da": "≤", "dat": ""}[self.value]


class _Model(BaseModel):
    # defer_build: the schemas are built when a catalog file is first validated; a built-in
    # catalog usually comes from the cache (below) and then never needs them.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class CanCuPhapLy(_Model):
    so_hieu: str
    ten: str
    co_quan: str
    ngay_ban_hanh: Ngay
    ngay_hieu_luc: Ngay | None = None
    phu_luc: str | None = None
    nguon: str | None = None
    do_tin_cay: DoTinCay = DoTinCay.S

    @property
    def trich_dan(self) -> str:
        text = f"QĐ {self.so_hieu}" if not self.so_hieu.startswith(("QĐ", "Quyết")) else self.so_hieu
        return f"{text}, Phụ lục {self.phu_luc}" if self.phu_luc else text


class TiLeSoVoi(_Model):
    """A threshold defined relative to another set's (xã kiểu mẫu income: ≥ 1,1 × nâng cao)."""

    bo_tieu_chi: str
    chi_tieu: str
    he_so: float


class Nguong(_Model):
    """One threshold value and where it applies."""

    vung: list[str] | None = Field(None, description="Các vùng áp dụng; bỏ trống = mọi vùng")
    nhom_xa: list[SoNguyen] | None = Field(None, description="Các nhóm xã áp dụng; bỏ trống = mọi nhóm")
    nam: list[SoNguyen] | None = Field(None, description="Các năm áp dụng; bỏ trống = mọi năm")
    chung: bool = Field(False, description="Chỉ tiêu chung (cả nước); không thay cho mức của vùng")
    gia_tri: SoLieuType | str | None = Field(None, description="Mức; null = chưa rõ")
    ti_le_so_voi: TiLeSoVoi | None = None
    nguon: str | None = None
    do_tin_cay: DoTinCay
    ghi_chu: str | None = None


class ChiTieu(_Model):
    # so/noi_dung/loai may be left out only in a province file that adds
    # thresholds to an indicator its parent set already defines.
    ma: str
    so: str = ""
    noi_dung: str = ""
    ten_ngan: str | None = None
    don_vi: str | None = None
    loai: LoaiChiTieu = LoaiChiTieu.dat
    nguong: list[Nguong] = Field(default_factory=_new_list)
    do_tin_cay: DoTinCay = Field(DoTinCay.U, description="Độ tin cậy của nội dung chỉ tiêu")
    nguon: str | None = None
    ghi_chu: str | None = None

    @property
    def ten_hien_thi(self) -> str:
        return self.ten_ngan or self.noi_dung


class TieuChi(_Model):
    ma: str
    so: str = ""
    ten: str = ""
    nhom: str | None = None
    do_tin_cay: DoTinCay = DoTinCay.S
    nguon: str | None = None
    ghi_chu: str | None = None
    chi_tieu: list[ChiTieu] = Field(default_factory=_new_list)
    chi_tieu_day_du: bool = Field(
        True, description="false khi bộ tiêu chí gốc có những chỉ tiêu chưa được đưa vào đây"
    )


class QuyTacVung(_Model):
    """E.g. 318/QĐ-TTg: xã ĐBKK and xã ATK of poor districts use the TDMNPB level."""

    khi: list[Literal["xa_dac_biet_kho_khan", "xa_an_toan_khu"]]
    dung_vung: str
    noi_dung: str
    nguon: str | None = None
    do_tin_cay: DoTinCay
    ghi_chu: str | None = None


class BoTieuChiFile(_Model):
    """The catalog file as written."""

    ma: str
    ten: str
    ten_ngan: str
    giai_doan: tuple[SoNguyen, SoNguyen] | None = None
    can_cu_phap_ly: CanCuPhapLy
    ke_thua: str | None = None
    truc: Literal["vung", "nhom_xa", "khong"] = "vung"
    cac_vung: dict[str, str] = Field(default_factory=dict)
    cac_nhom_xa: dict[int, str] = Field(default_factory=dict)
    quy_tac_vung: list[QuyTacVung] = Field(default_factory=_new_list)
    so_tieu_chi: SoNguyen | None = None
    so_chi_tieu: SoNguyen | None = None
    ghi_chu: list[str] = Field(default_factory=_new_list)
    tieu_chi: list[TieuChi] = Field(default_factory=_new_list)


@dataclass(frozen=True)
class NguongCoNguon:
    """A threshold together with the legal basis of the catalog that holds it."""

    nguong: Nguong
    can_cu: CanCuPhapLy
    bo_tieu_chi: str
    tep: str  # the catalog file, so relative references resolve beside it


@dataclass(frozen=True)
class ChiTieuDayDu:
    """An indicator after overlays are merged: thresholds in priority order."""

    chi_tieu: ChiTieu
    tieu_chi: TieuChi
    nguong: tuple[NguongCoNguon, ...]
    can_cu: CanCuPhapLy  # the legal basis of the file that defines the indicator
    bo_tieu_chi: str

    @property
    def ma(self) -> str:
        return self.chi_tieu.ma


@dataclass(frozen=True)
class BoTieuChi:
    """A catalog ready for use: the file plus what it extends, merged."""

    file: BoTieuChiFile
    nguon_tep: str
    tieu_chi: tuple[TieuChi, ...]
    chi_tieu: dict[str, dict[str, ChiTieuDayDu]]  # tiêu chí slug -> chỉ tiêu slug -> merged
    chain: tuple[BoTieuChiFile, ...]  # this file first, then what it extends

    @property
    def ma(self) -> str:
        return self.file.ma

    @property
    def can_cu(self) -> CanCuPhapLy:
        return self.file.can_cu_phap_ly

    @property
    def truc(self) -> str:
        return self.file.truc

    @property
    def cac_vung(self) -> dict[str, str]:
        for f in self.chain:
            if f.cac_vung:
                return f.cac_vung
        return {}

    @property
    def cac_nhom_xa(self) -> dict[int, str]:
        for f in self.chain:
            if f.cac_nhom_xa:
                return f.cac_nhom_xa
        return {}

    @property
    def quy_tac_vung(self) -> list[QuyTacVung]:
        return [q for f in self.chain for q in f.quy_tac_vung]

    def tim_tieu_chi(self, ma: str) -> TieuChi | None:
        for tc in self.tieu_chi:
            if tc.ma == ma:
                return tc
        return None

    def iter_chi_tieu(self) -> Iterator[ChiTieuDayDu]:
        for tc in self.tieu_chi:
            yield from self.chi_tieu[tc.ma].values()


class CatalogError(Exception):
    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.one_line() for d in diagnostics))
        self.diagnostics = diagnostics


def builtin_ids() -> list[str]:
    return sorted(p.stem for p in CATALOG_DIR.glob("*.yaml"))


def _read_file(path: Path) -> BoTieuChiFile:
    from ntm.validation import pydantic_diagnostics  # the same error mapping as for plans

    display = str(path)
    # The plan names this file: read it as a plan is read (regular files only, size-capped),
    # so `bo_tieu_chi: /dev/zero` or a FIFO cannot hang the run or exhaust memory.
    raw, problem = read_file(path, display, "bộ tiêu chí")
    if raw is None:
        assert problem is not None
        raise CatalogError([dataclasses.replace(problem, code="BTC001")])
    loaded = load_bytes(raw, display)
    if loaded.data is None or has_errors(loaded.diagnostics):
        raise CatalogError(loaded.diagnostics)
    try:
        return BoTieuChiFile.model_validate(loaded.data)
    except ValidationError as exc:
        raise CatalogError(pydantic_diagnostics(exc, loaded)) from None


def _resolve_ref(ref: str, base_dir: Path | None) -> Path:
    if ref.endswith((".yaml", ".yml")) or "/" in ref or "\\" in ref:
        path = Path(ref)
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        return path
    return CATALOG_DIR / f"{ref}.yaml"


@cache
def _load_path(path: Path) -> BoTieuChi:
    if path.parent != _BUILTIN_DIR:
        return _build(path)
    found = _cached(path)
    if found is None:
        found = _build(path)
        _store(path, found)
    return found


def _build(path: Path) -> BoTieuChi:
    file = _read_file(path)
    chain: list[BoTieuChiFile] = [file]
    parent: BoTieuChi | None = None
    if file.ke_thua:
        parent_path = _resolve_ref(file.ke_thua, path.parent).resolve()
        if parent_path == path.resolve():
            raise CatalogError(
                [Diagnostic(str(path), None, None, "BTC002", "bộ tiêu chí kế thừa chính nó.")]
            )
        parent = _load_path(parent_path)
        chain.extend(parent.chain)
    return _merge(file, parent, str(path), tuple(chain))


# ----------------------------------------------------------------------------- cache
# Building the catalog models' schemas and validating a built-in catalog cost ~10 ms of
# every cold start (benchmarks/README.md). A built-in catalog, validated and merged, is
# kept beside it the way Python keeps bytecode, in catalogs/__pycache__/, and with the
# same trust: whoever can write there can write .pyc files. An entry is used only if the
# bytes of every file of its chain, of the modules that read and model catalogs, and the
# Python and pydantic versions are those it was made from; otherwise the catalog is
# built as before (and the entry rewritten, where the folder is writable).

_BUILTIN_DIR = CATALOG_DIR.resolve()
_CACHE_FORMAT = 1


def _fingerprint(chain: Sequence[Path]) -> str:
    import hashlib
    import sys

    import pydantic

    code = Path(__file__).parent
    digest = hashlib.sha256(f"{_CACHE_FORMAT} {sys.version} {pydantic.VERSION}".encode())
    for file in (code / "catalog.py", code / "values.py", code / "loader.py", *chain):
        digest.update(str(file).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def _chain_paths(path: Path, found: BoTieuChi) -> list[Path]:
    """The files `found` was merged from: `path`, then each file's ke_thua in turn."""
    paths = [path]
    for file in found.chain:
        if file.ke_thua:
            paths.append(_resolve_ref(file.ke_thua, paths[-1].parent).resolve())
    return paths


def _cache_file(path: Path) -> Path:
    return _BUILTIN_DIR / "__pycache__" / f"{path.stem}.pickle"


def _cached(path: Path) -> BoTieuChi | None:
    import pickle

    try:
        with open(_cache_file(path), "rb") as handle:
            key, chain, found = pickle.load(handle)
        if isinstance(found, BoTieuChi) and key == _fingerprint([Path(p) for p in chain]):
            return found
    except Exception:  # missing, unreadable, or written by another version: build it
        return None
    return None


def _store(path: Path, found: BoTieuChi) -> None:
    import contextlib
    import pickle
    import sys
    import tempfile

    if sys.dont_write_bytecode:  # PYTHONDONTWRITEBYTECODE: no bytecode, no cache either
        return
    target = _cache_file(path)
    temporary = None
    try:
        chain = _chain_paths(path, found)
        target.parent.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, suffix=".tmp", delete=False) as handle:
            temporary = handle.name
            pickle.dump((_fingerprint(chain), [str(p) for p in chain], found), handle, protocol=4)
        os.replace(temporary, target)  # readers see the old entry or the new one, never half
    except Exception:  # a read-only installation (or any surprise): no cache, as without bytecode
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _merge(file: BoTieuChiFile, parent: BoTieuChi | None, source: str, chain: tuple[BoTieuChiFile, ...]) -> BoTieuChi:
    own_basis = file.can_cu_phap_ly
    criteria: list[TieuChi] = list(parent.tieu_chi) if parent else []
    indicators: dict[str, dict[str, ChiTieuDayDu]] = (
        {k: dict(v) for k, v in parent.chi_tieu.items()} if parent else {}
    )
    for tc in file.tieu_chi:
        existing = next((i for i, c in enumerate(criteria) if c.ma == tc.ma), None)
        if existing is None:
            if not (tc.so and tc.ten):
                raise CatalogError(
                    [Diagnostic(source, None, None, "BTC003", f"tiêu chí mới '{tc.ma}' cần có 'so' và 'ten'.")]
                )
            criteria.append(tc)
            indicators[tc.ma] = {}
            target_tc = tc
        else:
            # A province may restate what it knows better: the name, completeness, a note.
            updates: dict[str, Any] = {
                k: getattr(tc, k)
                for k in ("ten", "nhom", "ghi_chu", "chi_tieu_day_du", "nguon", "do_tin_cay")
                if k in tc.model_fields_set
            }
            target_tc = criteria[existing].model_copy(update=updates) if updates else criteria[existing]
            criteria[existing] = target_tc
        slot = indicators[tc.ma]
        for ct in tc.chi_tieu:
            own = tuple(NguongCoNguon(n, own_basis, file.ma, source) for n in ct.nguong)
            if ct.ma in slot:
                old = slot[ct.ma]
                slot[ct.ma] = ChiTieuDayDu(old.chi_tieu, old.tieu_chi, own + old.nguong, old.can_cu, old.bo_tieu_chi)
            else:
                if not (ct.so and ct.noi_dung and "loai" in ct.model_fields_set):
                    raise CatalogError(
                        [
                            Diagnostic(
                                source, None, None, "BTC004",
                                f"chỉ tiêu mới '{tc.ma}.{ct.ma}' cần có 'so', 'noi_dung' và 'loai'.",
                            )
                        ]
                    )
                slot[ct.ma] = ChiTieuDayDu(ct, target_tc, own, own_basis, file.ma)
    return BoTieuChi(file, source, tuple(criteria), indicators, chain)


# (reference, folder it is relative to, working directory) -> catalog. Every plan of a
# batch names one of a few catalogs; finding one again (exists(), resolve(): several
# system calls) then costs a dict lookup. Only successes are kept: a missing file is
# looked for again.
_FOUND: dict[tuple[str, Path | None, str], BoTieuChi] = {}


def load_catalog(ref: str, base_dir: Path | None = None) -> BoTieuChi:
    """A catalog by built-in id (`xa-ntm-2026-2030`) or by path (relative to `base_dir`)."""
    key = (ref, base_dir, os.getcwd())  # a relative base_dir means another folder after chdir
    found = _FOUND.get(key)
    if found is not None:
        return found
    path = _resolve_ref(ref, base_dir)
    if not path.exists():
        raise FileNotFoundError(str(path))
    found = _FOUND[key] = _load_path(path.resolve())
    return found


def check_catalog_file(path: Path) -> BoTieuChi:
    """Read and validate a catalog file as it is on disk now, bypassing the caches."""
    return _build(path.resolve())


def ngay_hieu_luc(bo: BoTieuChi) -> date:
    return bo.can_cu.ngay_hieu_luc or bo.can_cu.ngay_ban_hanh
