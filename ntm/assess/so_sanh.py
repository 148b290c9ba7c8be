"""Two assessments of one plan compared (`ntm check --so-voi REV`): statuses, figures and targets
that changed, as data; ntm.present.view_so_sanh says them.

Criteria and indicators are matched by slug, so a plan moved to another criteria set is still
compared where the slugs agree (the set's change itself is recorded). A figure "moved" when its
number or yes/no differs, not when only its spelling does (82% and 82,0%).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ntm.assess.result import DanhGia, KetQua, KetQuaChiTieu, LyDo, TongHop
from ntm.plan import KeHoach
from ntm.plan.model import MucTieu
from ntm.plan.values import SoLieu


class TrangThaiSoSanh(str, Enum):
    so_sanh = "so_sanh"  # both versions assessed: the changes are listed
    moi = "moi"  # the plan did not exist at the revision
    da_xoa = "da_xoa"  # the plan existed at the revision and no longer does
    cu_khong_danh_gia = "cu_khong_danh_gia"  # the old version is invalid: nothing to compare with
    khong_danh_gia = "khong_danh_gia"  # the current version is invalid (its errors are reported)


@dataclass(frozen=True)
class DoiTieuChi:
    """A criterion whose status changed; None: absent from that version's set."""

    ma: str
    so: str
    ten: str
    cu: KetQua | None
    moi: KetQua | None
    ly_do_cu: LyDo | None = None
    ly_do_moi: LyDo | None = None
    tu_danh_gia_cu: bool = False
    tu_danh_gia_moi: bool = False


@dataclass(frozen=True)
class DoiSoLieu:
    """An indicator's figure (or its target) that moved; None: not given in that version."""

    tieu_chi: str
    ma: str
    so: str
    chi_tieu: KetQuaChiTieu  # the current version's (its name, unit), or the old one's if gone
    cu: SoLieu | MucTieu | None
    moi: SoLieu | MucTieu | None


@dataclass(frozen=True)
class DoiChiTieuKeHoach:
    """A target of the plan year (chi_tieu: criteria to reach, model villages, …) that changed:
    its YAML path and the old and new values as the plan holds them."""

    duong_dan: str
    cu: Any
    moi: Any


@dataclass(frozen=True)
class SoSanh:
    trang_thai: TrangThaiSoSanh
    tieu_chi: tuple[DoiTieuChi, ...] = ()
    so_lieu: tuple[DoiSoLieu, ...] = ()
    muc_tieu: tuple[DoiSoLieu, ...] = ()
    chi_tieu_ke_hoach: tuple[DoiChiTieuKeHoach, ...] = ()
    bo_tieu_chi_cu: str | None = None  # set only when the set changed
    bo_tieu_chi_moi: str | None = None
    nam_cu: int | None = None  # set only when the year changed
    nam_moi: int | None = None
    tong_hop_cu: TongHop | None = None
    tong_hop_moi: TongHop | None = None

    @property
    def co_thay_doi(self) -> bool:
        return bool(self.tieu_chi or self.so_lieu or self.muc_tieu or self.chi_tieu_ke_hoach
                    or self.bo_tieu_chi_moi or self.nam_moi)


def _same_figure(a: SoLieu | None, b: SoLieu | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.so, a.co) == (b.so, b.co)


def _same_target(a: MucTieu | None, b: MucTieu | None) -> bool:
    if a is None or b is None:
        return a is b
    return _same_figure(a.tu, b.tu) and _same_figure(a.den, b.den)


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)) and value and all(isinstance(v, Mapping) for v in value):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    else:
        yield path, value


def _plan_targets(cu: KeHoach, moi: KeHoach) -> tuple[DoiChiTieuKeHoach, ...]:
    old = dict(_leaves(cu.chi_tieu.model_dump(exclude_none=True, exclude_defaults=True), "chi_tieu"))
    new = dict(_leaves(moi.chi_tieu.model_dump(exclude_none=True, exclude_defaults=True), "chi_tieu"))
    keys = list(old) + [k for k in new if k not in old]
    return tuple(DoiChiTieuKeHoach(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k))


def so_sanh(cu: DanhGia, moi: DanhGia, plan_cu: KeHoach, plan_moi: KeHoach) -> SoSanh:
    """What changed from the old version's assessment to the current one's, in the current
    set's order (criteria the old set alone had come last)."""
    old = {t.ma: t for t in cu.tieu_chi}
    new = {t.ma: t for t in moi.tieu_chi}
    statuses: list[DoiTieuChi] = []
    figures: list[DoiSoLieu] = []
    targets: list[DoiSoLieu] = []
    for ma in [*new, *(m for m in old if m not in new)]:
        a, b = old.get(ma), new.get(ma)
        named = b or a
        assert named is not None
        if a is None or b is None or a.trang_thai is not b.trang_thai:
            statuses.append(DoiTieuChi(
                ma, named.so, named.ten, a.trang_thai if a else None, b.trang_thai if b else None,
                a.ly_do if a else None, b.ly_do if b else None,
                a.theo_tu_danh_gia if a else False, b.theo_tu_danh_gia if b else False,
            ))
        old_ind = {i.ma: i for i in a.chi_tieu} if a else {}
        new_ind = {i.ma: i for i in b.chi_tieu} if b else {}
        for code in [*new_ind, *(c for c in old_ind if c not in new_ind)]:
            x, y = old_ind.get(code), new_ind.get(code)
            shown = y or x
            assert shown is not None
            xv, yv = (x.gia_tri if x else None), (y.gia_tri if y else None)
            if not _same_figure(xv, yv):
                figures.append(DoiSoLieu(ma, code, shown.chi_tieu.chi_tieu.so, shown, xv, yv))
            xt, yt = (x.muc_tieu if x else None), (y.muc_tieu if y else None)
            if not _same_target(xt, yt):
                targets.append(DoiSoLieu(ma, code, shown.chi_tieu.chi_tieu.so, shown, xt, yt))
    set_changed = cu.bo_tieu_chi.ma != moi.bo_tieu_chi.ma
    year_changed = cu.nam != moi.nam
    return SoSanh(
        TrangThaiSoSanh.so_sanh, tuple(statuses), tuple(figures), tuple(targets), _plan_targets(plan_cu, plan_moi),
        cu.bo_tieu_chi.ma if set_changed else None, moi.bo_tieu_chi.ma if set_changed else None,
        cu.nam if year_changed else None, moi.nam if year_changed else None,
        cu.tong_hop, moi.tong_hop,
    )
