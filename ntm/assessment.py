"""Assessment: a plan against a criteria catalog -> đạt / chưa đạt / chưa có dữ liệu.

Rules (design §4):
* a chỉ tiêu is đạt, chưa đạt or chưa có dữ liệu (no figure, or no known
  threshold); every chưa đạt carries the value, the threshold and the gap;
* the catalog's threshold wins; a requirement the plan states itself is
  used only where the catalog has none (and is a warning when laxer);
* a tiêu chí is đạt only when every chỉ tiêu is đạt; a self-declared
  status is used only where figures cannot decide, and is reported as such;
* the plan itself is checked: unmet criteria without nhiệm vụ/giải pháp,
  targets below the threshold, a declared total that disagrees with the set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from ntm.catalog import (
    BoTieuChi,
    ChiTieuDayDu,
    DoTinCay,
    LoaiChiTieu,
    NguongCoNguon,
    load_catalog,
)
from ntm.diagnostics import Diagnostic, MucDo, YamlPath
from ntm.formatting import so, so_voi_don_vi
from ntm.loader import LoadedYaml
from ntm.model import ChiTieuHienTrang, KeHoach, MucTieu, TieuChiKeHoach, TrangThai
from ntm.values import SoLieu


class KetQua(str, Enum):
    dat = "dat"
    chua_dat = "chua_dat"
    chua_co_du_lieu = "chua_co_du_lieu"

    @property
    def nhan(self) -> str:
        return {"dat": "Đạt", "chua_dat": "Chưa đạt", "chua_co_du_lieu": "Chưa có dữ liệu"}[self.value]


class NguonYeuCau(str, Enum):
    bo_tieu_chi = "bo_tieu_chi"  # the catalog (national or province set)
    ke_hoach = "ke_hoach"  # stated by the plan, the catalog having none


@dataclass(frozen=True)
class YeuCau:
    """The requirement an indicator is held to, and where it comes from."""

    loai: LoaiChiTieu
    gia_tri: float | None  # None for yes/no indicators
    nguon: NguonYeuCau
    trich_dan: str  # "QĐ 318/QĐ-TTg, Phụ lục II" or "kế hoạch tự nêu"
    do_tin_cay: DoTinCay
    url: str | None = None
    ghi_chu: str | None = None
    bo_tieu_chi: str | None = None
    canh_bao: str | None = None  # e.g. a province level laxer than the national one

    @property
    def nguon_text(self) -> str:
        if self.nguon is NguonYeuCau.ke_hoach:
            return "kế hoạch tự nêu (bộ tiêu chí chưa có mức)"
        return f"{self.trich_dan} ({self.do_tin_cay.nhan})"


@dataclass(frozen=True)
class MucChuaRo:
    """Why a threshold is unknown, said to the user instead of a guess."""

    trich_dan: str
    ghi_chu: str | None
    chung: float | None = None  # the national "chỉ tiêu chung", shown but not applied


@dataclass
class KetQuaChiTieu:
    chi_tieu: ChiTieuDayDu
    trang_thai: KetQua
    gia_tri: SoLieu | None
    yeu_cau: YeuCau | None
    chua_ro: MucChuaRo | None
    chenh_lech: float | None
    muc_tieu: MucTieu | None
    path: YamlPath

    @property
    def ma(self) -> str:
        return self.chi_tieu.ma

    @property
    def ly_do(self) -> str | None:
        if self.trang_thai is not KetQua.chua_co_du_lieu:
            return None
        if self.gia_tri is None:
            return "khong_co_so_lieu"
        return "chua_co_nguong"


@dataclass
class KetQuaTieuChi:
    ma: str
    so: str
    ten: str
    trang_thai: KetQua
    theo_tu_danh_gia: bool
    chi_tieu: list[KetQuaChiTieu]
    ke_hoach: TieuChiKeHoach | None
    chi_tieu_day_du: bool


@dataclass
class TongHop:
    tong_so: int
    dat: int
    chua_dat: int
    chua_co_du_lieu: int
    dat_theo_tu_danh_gia: int


@dataclass
class DanhGia:
    bo_tieu_chi: BoTieuChi
    nam: int
    vung: str | None
    vung_theo_quy_tac: str | None  # the rule that replaced the plan's region, if any
    nhom_xa: int | None
    tieu_chi: list[KetQuaTieuChi]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def tong_hop(self) -> TongHop:
        items = self.tieu_chi
        return TongHop(
            tong_so=len(items),
            dat=sum(1 for t in items if t.trang_thai is KetQua.dat),
            chua_dat=sum(1 for t in items if t.trang_thai is KetQua.chua_dat),
            chua_co_du_lieu=sum(1 for t in items if t.trang_thai is KetQua.chua_co_du_lieu),
            dat_theo_tu_danh_gia=sum(
                1 for t in items if t.trang_thai is KetQua.dat and t.theo_tu_danh_gia
            ),
        )

    @property
    def chua_dat(self) -> list[KetQuaTieuChi]:
        return [t for t in self.tieu_chi if t.trang_thai is KetQua.chua_dat]


# ----------------------------------------------------------------------------- thresholds


@dataclass(frozen=True)
class BoiCanh:
    """Where and when: the axis values thresholds are looked up by."""

    nam: int
    vung: str | None
    nhom_xa: int | None


def _matches(entry: NguongCoNguon, ctx: BoiCanh) -> bool:
    n = entry.nguong
    if n.chung:
        return False
    if n.vung is not None and ctx.vung not in n.vung:
        return False
    if n.nhom_xa is not None and ctx.nhom_xa not in n.nhom_xa:
        return False
    return not (n.nam is not None and ctx.nam not in n.nam)


def _specificity(entry: NguongCoNguon) -> int:
    n = entry.nguong
    return (n.vung is not None) + (n.nhom_xa is not None) + (n.nam is not None)


def _numeric(entry: NguongCoNguon) -> float | None:
    value = entry.nguong.gia_tri
    if isinstance(value, SoLieu):
        return value.so
    return None


# resolve_threshold() depends only on the catalog entry and the context, and a batch asks
# the same few hundred questions for every plan. Keyed by id(ct); the entry is kept in the
# value, so its id cannot be reused by another object while the answer is cached.
_THRESHOLDS: dict[tuple[int, BoiCanh], tuple[ChiTieuDayDu, tuple[YeuCau | None, MucChuaRo | None]]] = {}


def resolve_threshold(
    ct: ChiTieuDayDu, ctx: BoiCanh, _depth: int = 0
) -> tuple[YeuCau | None, MucChuaRo | None]:
    """The catalog's requirement for `ct` in `ctx`, or why there is none."""
    if _depth:
        return _resolve_threshold(ct, ctx, _depth)
    key = (id(ct), ctx)
    hit = _THRESHOLDS.get(key)
    if hit is not None and hit[0] is ct:
        return hit[1]
    if len(_THRESHOLDS) > 100_000:  # user catalogs in a long-lived process: stay bounded
        _THRESHOLDS.clear()
    answer = _resolve_threshold(ct, ctx, 0)
    _THRESHOLDS[key] = (ct, answer)
    return answer


def _resolve_threshold(
    ct: ChiTieuDayDu, ctx: BoiCanh, _depth: int
) -> tuple[YeuCau | None, MucChuaRo | None]:
    spec = ct.chi_tieu
    if spec.loai is LoaiChiTieu.dat:
        entry = ct.nguong[0] if ct.nguong else None
        return (
            YeuCau(
                loai=spec.loai,
                gia_tri=None,
                nguon=NguonYeuCau.bo_tieu_chi,
                trich_dan=(entry.can_cu if entry else ct.can_cu).trich_dan,
                do_tin_cay=(entry.nguong.do_tin_cay if entry else spec.do_tin_cay),
                url=(entry.nguong.nguon if entry else spec.nguon),
                ghi_chu=spec.ghi_chu,
                bo_tieu_chi=(entry.bo_tieu_chi if entry else ct.bo_tieu_chi),
            ),
            None,
        )
    # Priority: overlay files first (they come first in ct.nguong), then the most specific entry.
    levels: dict[str, int] = {}
    for entry in ct.nguong:
        levels.setdefault(entry.bo_tieu_chi, len(levels))
    candidates = sorted(
        (e for e in ct.nguong if _matches(e, ctx)),
        key=lambda e: (levels[e.bo_tieu_chi], -_specificity(e)),
    )
    # The first known value of each catalog in the chain (the province's, then the nation's).
    known: list[tuple[NguongCoNguon, float]] = []
    levels_done: set[int] = set()
    for entry in candidates:
        if levels[entry.bo_tieu_chi] in levels_done:
            continue
        n = entry.nguong
        value = _numeric(entry)
        if value is None and n.ti_le_so_voi is not None and _depth < 3:
            ref = n.ti_le_so_voi
            referenced = load_catalog(ref.bo_tieu_chi, Path(entry.tep).parent)
            target = next((c for c in referenced.iter_chi_tieu() if c.ma == ref.chi_tieu), None)
            if target is not None:
                base, _ = resolve_threshold(target, ctx, _depth + 1)
                if base is not None and base.gia_tri is not None:
                    value = round(base.gia_tri * ref.he_so, 6)
                elif not known:
                    return None, MucChuaRo(
                        entry.can_cu.trich_dan,
                        f"bằng {so(ref.he_so)} × mức của {ref.bo_tieu_chi} ({ref.chi_tieu}), mức đó chưa rõ",
                    )
        if value is not None:
            known.append((entry, value))
            levels_done.add(levels[entry.bo_tieu_chi])
    if known:
        chosen, value = known[0]
        warning = None
        for other, other_value in known[1:]:
            # A province may raise a national level, never lower it: the stricter one holds.
            if _stricter(spec.loai, other_value, value):
                warning = (
                    f"{chosen.can_cu.trich_dan} đặt mức {spec.loai.ky_hieu} {so_voi_don_vi(value, spec.don_vi)}, "
                    f"lỏng hơn mức {spec.loai.ky_hieu} {so_voi_don_vi(other_value, spec.don_vi)} của "
                    f"{other.can_cu.trich_dan}; dùng mức chặt hơn."
                )
                chosen, value = other, other_value
        n = chosen.nguong
        return (
            YeuCau(
                loai=spec.loai,
                gia_tri=value,
                nguon=NguonYeuCau.bo_tieu_chi,
                trich_dan=chosen.can_cu.trich_dan,
                do_tin_cay=n.do_tin_cay,
                url=n.nguon or spec.nguon,
                ghi_chu=n.ghi_chu,
                bo_tieu_chi=chosen.bo_tieu_chi,
                canh_bao=warning,
            ),
            None,
        )
    general = next((e for e in ct.nguong if e.nguong.chung and _numeric(e) is not None), None)
    explicit = candidates[0] if candidates else None
    return None, MucChuaRo(
        trich_dan=(explicit.can_cu if explicit else ct.can_cu).trich_dan,
        ghi_chu=(explicit.nguong.ghi_chu if explicit else None) or spec.ghi_chu,
        chung=_numeric(general) if general else None,
    )


def effective_region(plan: KeHoach, bo: BoTieuChi) -> tuple[str | None, str | None]:
    """The region thresholds are read for, after the catalog's special-commune rules."""
    region = plan.dia_ban.vung
    for rule in bo.quy_tac_vung:
        if ("xa_dac_biet_kho_khan" in rule.khi and plan.dia_ban.xa_dac_biet_kho_khan) or (
            "xa_an_toan_khu" in rule.khi and plan.dia_ban.xa_an_toan_khu
        ):
            return rule.dung_vung, rule.noi_dung
    return region, None


# ----------------------------------------------------------------------------- comparison


def _compare(loai: LoaiChiTieu, value: SoLieu, threshold: float | None) -> tuple[KetQua, float | None]:
    if loai is LoaiChiTieu.dat:
        if value.co is None:
            return KetQua.chua_co_du_lieu, None
        return (KetQua.dat if value.co else KetQua.chua_dat), None
    if value.so is None or threshold is None:
        return KetQua.chua_co_du_lieu, None
    gap = threshold - value.so if loai is LoaiChiTieu.toi_thieu else value.so - threshold
    gap = round(gap, 6)
    return (KetQua.dat, None) if gap <= 0 else (KetQua.chua_dat, gap)


def _stricter(loai: LoaiChiTieu, a: float, b: float) -> bool:
    """Is `a` a stricter requirement than `b`?"""
    return a > b if loai is LoaiChiTieu.toi_thieu else a < b


def _diag(loaded: LoadedYaml | None, file: str, path: YamlPath, code: str, message: str) -> Diagnostic:
    if loaded is not None:
        return loaded.diagnostic(path, code, message, level=MucDo.CANH_BAO)
    return Diagnostic(file, None, None, code, message, path=path, level=MucDo.CANH_BAO)


def _assess_indicator(
    ct: ChiTieuDayDu,
    figure: ChiTieuHienTrang | None,
    ctx: BoiCanh,
    path: YamlPath,
    warn: list[tuple[YamlPath, str, str]],
) -> KetQuaChiTieu:
    spec = ct.chi_tieu
    catalog_req, unknown = resolve_threshold(ct, ctx)
    requirement = catalog_req
    stated = figure.yeu_cau if figure else None
    if stated is not None and stated.so is not None and spec.loai is not LoaiChiTieu.dat:
        if catalog_req is None:
            requirement = YeuCau(
                loai=spec.loai,
                gia_tri=stated.so,
                nguon=NguonYeuCau.ke_hoach,
                trich_dan="kế hoạch tự nêu",
                do_tin_cay=DoTinCay.U,
            )
            unknown = None
        elif catalog_req.gia_tri is not None and _stricter(spec.loai, catalog_req.gia_tri, stated.so):
            warn.append(
                (
                    (*path, "yeu_cau"),
                    "KH005",
                    f"mức yêu cầu kế hoạch nêu ({stated.van_ban}) thấp hơn mức của bộ tiêu chí "
                    f"({spec.loai.ky_hieu} {so_voi_don_vi(catalog_req.gia_tri, spec.don_vi)}, {catalog_req.trich_dan}); "
                    "dùng mức của bộ tiêu chí.",
                )
            )
    if requirement is not None and requirement.canh_bao:
        warn.append((path, "KH006", requirement.canh_bao))
    value = figure.gia_tri if figure else None
    if value is None:
        status, gap = KetQua.chua_co_du_lieu, None
    else:
        status, gap = _compare(spec.loai, value, requirement.gia_tri if requirement else None)
        if requirement is None and spec.loai is not LoaiChiTieu.dat:
            status = KetQua.chua_co_du_lieu
    target = figure.muc_tieu if figure else None
    if (
        target is not None
        and requirement is not None
        and requirement.gia_tri is not None
        and target.tu.so is not None
    ):
        # A range must meet the requirement at its weaker end: the low end for a minimum,
        # the high end for a maximum.
        upper = target.den if target.den is not None and target.den.so is not None else target.tu
        weak = target.tu if spec.loai is LoaiChiTieu.toi_thieu else upper
        assert weak.so is not None
        if _stricter(spec.loai, requirement.gia_tri, weak.so):
            warn.append(
                (
                    (*path, "muc_tieu"),
                    "KH002",
                    f"mục tiêu ({weak.van_ban}) chưa tới mức yêu cầu "
                    f"{spec.loai.ky_hieu} {so_voi_don_vi(requirement.gia_tri, spec.don_vi)} ({requirement.nguon_text}).",
                )
            )
    return KetQuaChiTieu(ct, status, value, requirement, unknown, gap, target, path)


def assess(
    plan: KeHoach, bo: BoTieuChi, loaded: LoadedYaml | None = None, file: str = ""
) -> DanhGia:
    region, rule = effective_region(plan, bo)
    ctx = BoiCanh(nam=plan.nam, vung=region, nhom_xa=plan.dia_ban.nhom_xa)
    warnings: list[tuple[YamlPath, str, str]] = []
    results: list[KetQuaTieuChi] = []
    for tc in bo.tieu_chi:
        entry = plan.tieu_chi.get(tc.ma)
        indicators = []
        for ct in bo.chi_tieu[tc.ma].values():
            figure = entry.hien_trang.get(ct.ma) if entry else None
            indicators.append(
                _assess_indicator(ct, figure, ctx, ("tieu_chi", tc.ma, "hien_trang", ct.ma), warnings)
            )
        statuses = [i.trang_thai for i in indicators]
        by_figures: KetQua
        if KetQua.chua_dat in statuses:
            by_figures = KetQua.chua_dat
        elif statuses and all(s is KetQua.dat for s in statuses) and tc.chi_tieu_day_du:
            by_figures = KetQua.dat
        else:
            by_figures = KetQua.chua_co_du_lieu
        declared = entry.tu_danh_gia if entry else None
        status, self_declared = by_figures, False
        if by_figures is KetQua.chua_co_du_lieu and declared is not None:
            status = KetQua.dat if declared is TrangThai.dat else KetQua.chua_dat
            self_declared = True
        elif declared is not None and by_figures is not KetQua.chua_co_du_lieu:
            declared_status = KetQua.dat if declared is TrangThai.dat else KetQua.chua_dat
            if declared_status is not by_figures:
                warnings.append(
                    (
                        ("tieu_chi", tc.ma, "tu_danh_gia"),
                        "KH004",
                        f"tự đánh giá '{declared_status.nhan.lower()}' trái với số liệu: theo số liệu tiêu chí "
                        f"{tc.ten} {by_figures.nhan.lower()}; dùng kết quả theo số liệu.",
                    )
                )
        results.append(
            KetQuaTieuChi(tc.ma, tc.so, tc.ten, status, self_declared, indicators, entry, tc.chi_tieu_day_du)
        )
    result = DanhGia(bo, plan.nam, region, rule, plan.dia_ban.nhom_xa, results)
    file = file or (loaded.file if loaded else "")
    for path, code, message in warnings:
        result.diagnostics.append(_diag(loaded, file, path, code, message))
    result.diagnostics.extend(_plan_checks(plan, result, loaded, file))
    return result


def _plan_checks(
    plan: KeHoach, result: DanhGia, loaded: LoadedYaml | None, file: str
) -> Iterable[Diagnostic]:
    for tc in result.chua_dat:
        entry = tc.ke_hoach
        if entry is None or not (entry.nhiem_vu and entry.giai_phap):
            missing = (
                "nhiệm vụ và giải pháp"
                if entry is None or not (entry.nhiem_vu or entry.giai_phap)
                else ("nhiệm vụ" if not entry.nhiem_vu else "giải pháp")
            )
            path: YamlPath = ("tieu_chi", tc.ma) if entry is not None else ("tieu_chi",)
            yield _diag(
                loaded, file, path, "KH001",
                f"tiêu chí {tc.so} {tc.ten} chưa đạt nhưng kế hoạch chưa có {missing} cho tiêu chí này.",
            )
    declared = plan.chi_tieu.bo_tieu_chi.dat_chuan
    if declared:
        total = len(result.tieu_chi)
        parts = declared.replace(" ", "").split("/")
        path = ("chi_tieu", "bo_tieu_chi", "dat_chuan")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            target, stated_total = int(parts[0]), int(parts[1])
            if stated_total != total:
                yield _diag(
                    loaded, file, path, "KH003",
                    f"kế hoạch ghi '{declared}' nhưng {result.bo_tieu_chi.file.ten_ngan} có {total} tiêu chí.",
                )
            elif target > total:
                yield _diag(loaded, file, path, "KH003", f"số tiêu chí phấn đấu ({target}) lớn hơn tổng số ({total}).")
        else:
            yield _diag(
                loaded, file, path, "KH003",
                f"cần dạng 'số đạt/tổng số' như '{total}/{total}'; tìm thấy '{declared}'.",
            )
