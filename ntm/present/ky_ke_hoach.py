"""The plan's level and period in words, as offices write them: "năm 2026" or "giai đoạn
2026 - 2030", "tỉnh Nam Định", "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", and staged targets ("đến năm
2028 đạt 85%, đến năm 2030 đạt 100%")."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ntm.catalog import LoaiChiTieu
from ntm.plan.model import TEN_CAP, CapDiaBan, DiaBan, KeHoach, MucTieu
from ntm.present.numbers import ngay_ngan

if TYPE_CHECKING:  # `validate` words a period (ky) and loads neither the assessment nor its wording
    from ntm.assess.result import DanhGia


def ky(nam: int | None, giai_doan: tuple[int, int] | None) -> str:
    """'năm 2026', or 'giai đoạn 2026 - 2030' for a multi-year plan."""
    if giai_doan is not None:
        return f"giai đoạn {giai_doan[0]} - {giai_doan[1]}"
    return f"năm {nam}"


def ky_ke_hoach(plan: KeHoach) -> str:
    period = (plan.giai_doan.tu, plan.giai_doan.den) if plan.giai_doan is not None else None
    return ky(plan.nam, period)


# Names that carry their own level word: a city's ("Thành phố Hà Nội") or one typed in full.
_CO_TU_CAP = ("thành phố ", "tỉnh ", "huyện ", "quận ", "thị xã ", "xã ", "phường ", "đặc khu ")


def ten_cap(cap: CapDiaBan, name: str) -> str:
    """'tỉnh Nam Định'; a name typed with its level word keeps it, written lower case as
    inside a sentence ('thành phố Hà Nội')."""
    lowered = name.lower()
    for word in _CO_TU_CAP:
        if lowered.startswith(word):
            return word + name[len(word):]
    return f"{TEN_CAP[cap]} {name}"


def ten_dia_ban(dia_ban: DiaBan) -> str:
    """The plan's own place: 'xã Hương Sơn', 'huyện Nam Đông', 'tỉnh Nam Định'."""
    name = {CapDiaBan.xa: dia_ban.xa, CapDiaBan.huyen: dia_ban.huyen, CapDiaBan.tinh: dia_ban.tinh}[dia_ban.cap]
    assert name is not None  # the plan model requires the level's own name
    return ten_cap(dia_ban.cap, name)


def uy_ban(dia_ban: DiaBan) -> str:
    """The issuing body of an administrative plan: 'ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH'."""
    return f"ỦY BAN NHÂN DÂN {ten_dia_ban(dia_ban).upper()}"


def lo_trinh(stages: Sequence[tuple[int, str]]) -> str:
    """Staged targets, each already said ('đạt 85%'): 'đến năm 2028 đạt 85%, đến năm 2030 đạt 100%'."""
    return ", ".join(f"đến năm {year} {said}" for year, said in stages)


def muc_tieu(target: MucTieu, loai: LoaiChiTieu, unit: str | None) -> str:
    from ntm.present import wording  # see TYPE_CHECKING above

    """One target as a clause: 'đạt 85%', 'đạt 47 - 49 triệu đồng/người/năm', 'còn 1,5%' (a
    maximum, such as the poverty rate, falls to its target), 'đạt' (a yes/no indicator)."""
    if target.tu.co is not None:
        return "đạt" if target.tu.co else "chưa đạt"
    if target.den is not None and target.den.so is not None:  # a range: its unit said once, at its end
        said = f"{wording.so_lieu(target.tu, None)} - {wording.so_lieu(target.den, unit)}"
    else:
        said = wording.so_lieu(target.tu, unit)
    return f"{'còn' if loai is LoaiChiTieu.toi_da else 'đạt'} {said}"


def khong_danh_gia_xa(cap: str) -> str:
    """The one line `check` says for a district's or a province's plan instead of 19 criteria."""
    return f"Kế hoạch cấp {TEN_CAP[CapDiaBan(cap)]}: không đánh giá tiêu chí xã (tiêu chí chỉ xét cho từng xã)."


def hai_bo(danh_gia: DanhGia) -> str | None:
    """For a period that runs past its set: which set it is held to and why, in one line."""
    if not danh_gia.hai_bo or danh_gia.giai_doan is None:
        return None
    bo = danh_gia.bo_tieu_chi
    assert bo.giai_doan is not None  # hai_bo holds only for a set with a period
    on = f" ({ngay_ngan(danh_gia.ngay)})" if isinstance(danh_gia.ngay, date) else ""
    return (f"Giai đoạn {danh_gia.giai_doan[0]} - {danh_gia.giai_doan[1]} trải qua hai bộ tiêu chí: đánh giá theo "
            f"{bo.file.ten_ngan} (giai đoạn {bo.giai_doan[0]}-{bo.giai_doan[1]}), bộ áp dụng tại ngày ban hành "
            f"kế hoạch{on}.")


def dat_chuan(value: str | dict[int, str]) -> str:
    """The criteria target as a list item's text: 'Thực hiện đạt chuẩn 14/19 tiêu chí', or staged:
    'Đến năm 2028 đạt chuẩn 17/19 tiêu chí, đến năm 2030 đạt chuẩn 19/19 tiêu chí'."""
    if isinstance(value, dict):
        text = lo_trinh([(year, f"đạt chuẩn {v} tiêu chí") for year, v in sorted(value.items())])
        return text[:1].upper() + text[1:]
    return f"Thực hiện đạt chuẩn {value} tiêu chí"


def chi_tieu_giai_doan(danh_gia: DanhGia, last_year: int) -> list[str]:
    """A multi-year plan's indicator targets, in the set's order, each as an office states it:
    'Tỷ lệ người dân tham gia bảo hiểm y tế: đến năm 2028 đạt 90%, đến năm 2030 đạt 95%'. A
    single target is the period's end's."""
    from ntm.present import wording  # see TYPE_CHECKING above

    out = []
    for tc in danh_gia.tieu_chi:
        for kq in tc.chi_tieu:
            if kq.muc_tieu is None or (kq.muc_tieu.tu.so is None and kq.muc_tieu.tu.co is None):
                continue
            spec = kq.chi_tieu.chi_tieu
            unit = wording.don_vi(kq)
            stages = kq.lo_trinh or ((last_year, kq.muc_tieu),)
            said = lo_trinh([(year, muc_tieu(t, spec.loai, unit)) for year, t in stages])
            out.append(f"{spec.ten_hien_thi}: {said}")
    return out
