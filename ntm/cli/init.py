"""`ntm init`: write a new plan's skeleton for a set, a region or group, a year and a commune.

The options are checked as `ntm criteria` checks them (ntm.cli.bo_tieu_chi);
what is missing is asked for on a terminal (standard input and output both
terminals), and is a usage error (exit 2) anywhere else. The file is new or
nothing: an existing name is refused, and the file is written atomically
without replacing anything (ntm.present.output.write_atomic, ghi_de=False).
The text itself is ntm.present.khung's.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import typer

from ntm.catalog import CATALOG_DIR, BoTieuChi, NgoaiKho, builtin_ids, resolve_ref
from ntm.catalog.load import within
from ntm.cli import EXIT_OK
from ntm.cli.bo_tieu_chi import check_place, load_set, one_axis
from ntm.cli.frame import LoiCachDung, chon, so_nguyen
from ntm.diagnostics.params import Cau, GiaTri
from ntm.plan.model import MA_XA_SO_CHU_SO, TEN_CAP, CapDiaBan
from ntm.present.khung import DauVaoKhung, khung_ke_hoach
from ntm.present.messages import phrase
from ntm.present.output import Luong, OutputError, check_target, write_atomic
from ntm.run.one import repository_root

LENH = "ntm init"
STDOUT = "-"
MAX_NAME = 100  # a commune's or a province's name; longer is a slip (a pasted paragraph)
_XA_PREFIX = re.compile(r"^xã\s+", re.IGNORECASE)

T = TypeVar("T")


def _say(text: str) -> None:
    sys.stderr.write(f"ntm: {text}\n")


def interactive() -> bool:
    """Questions only where someone can answer them: standard input and output both terminals."""
    return (sys.stdin is not None and sys.stdout is not None
            and sys.stdin.isatty() and sys.stdout.isatty())


def ten(value: str, option: str, commune: bool = False) -> str:
    """A name as typed (NFC, trimmed); a commune's without a leading "xã" (the document adds it)."""
    text = unicodedata.normalize("NFC", value).strip()
    if commune:
        text = _XA_PREFIX.sub("", text)
    if not text or len(text) > MAX_NAME or any(unicodedata.category(ch).startswith("C") for ch in text):
        raise LoiCachDung(Cau("khung.can_ten", {"tuy_chon": option, "toi_da": MAX_NAME, "gia_tri": GiaTri(value)}),
                          LENH)
    return text


def ma_xa_hop_le(value: str) -> str:
    """--ma-xa: the official code of 5 digits, as the plan model takes it."""
    text = value.strip()
    if not (len(text) == MA_XA_SO_CHU_SO and text.isascii() and text.isdigit()):
        raise LoiCachDung(Cau("khung.ma_xa", {"gia_tri": GiaTri(value)}), LENH)
    return text


def new_file(value: str) -> Path | None:
    """The plan to create (None: standard output); refused if the name is taken or its folder missing."""
    if value == STDOUT:
        return None
    path = Path(value)
    if os.path.lexists(path):
        raise LoiCachDung(Cau("ghi.da_co", {"tep": str(path)}), None, nhan=False)
    try:
        check_target(path)
    except OutputError as exc:
        raise LoiCachDung(exc.cau, None, nhan=False) from None
    folder = path.absolute().parent
    if not folder.is_dir():
        key = "ghi.thu_muc_la_tep" if folder.exists() else "ghi.khong_co_thu_muc"
        raise LoiCachDung(Cau(key, {"thu_muc": str(folder)}), None, nhan=False)
    return path


def check_flags(bo: BoTieuChi, dac_biet_kho_khan: bool, an_toan_khu: bool) -> None:
    for flag, option, given in (("xa_dac_biet_kho_khan", "--xa-dac-biet-kho-khan", dac_biet_kho_khan),
                                ("xa_an_toan_khu", "--xa-an-toan-khu", an_toan_khu)):
        if given and not any(flag in rule.khi for rule in bo.quy_tac_vung):
            raise LoiCachDung(Cau("khung.khong_co_quy_tac", {"bo_tieu_chi": bo.file.ten_ngan, "tuy_chon": option}),
                              LENH)


@dataclass(frozen=True)
class KyKhung:
    """The plan's year or period and level, as the options gave them (text, checked here)."""

    nam: str | None
    giai_doan: str | None
    cap: str = "xa"


def giai_doan(value: str) -> tuple[int, int]:
    """'2026-2030' -> (2026, 2030): a usage error unless two years, the last after the first."""
    first, dash, last = value.replace("–", "-").partition("-")
    if not dash:
        raise LoiCachDung(Cau("lenh.giai_doan_sai", {"gia_tri": GiaTri(value)}), LENH)
    period = (so_nguyen(first, "--giai-doan", LENH, 2000, 2100), so_nguyen(last, "--giai-doan", LENH, 2000, 2100))
    if period[1] <= period[0]:
        raise LoiCachDung(Cau("lenh.giai_doan_sai", {"gia_tri": GiaTri(value)}), LENH)
    return period


def check_period(bo: BoTieuChi, period: tuple[int, int]) -> None:
    """A period starts within its set's (a period running past it is held to the set in force on
    the plan's date: `ntm check` says so)."""
    sets = bo.giai_doan
    if sets and not sets[0] <= period[0] <= sets[1]:
        raise LoiCachDung(Cau("lenh.giai_doan_ngoai", {
            "tu_kh": period[0], "den_kh": period[1], "tu": sets[0], "den": sets[1],
            "bo_tieu_chi": bo.file.ten_ngan}), LENH)


@dataclass
class TraLoi:
    """The answers so far: from the command line, then from the questions."""

    ref: str | None
    bo: BoTieuChi | None
    vung: str | None
    nhom_xa: int | None
    nam: int | None
    xa: str | None
    tinh: str | None
    plan: str | None
    target: Path | None
    cap: CapDiaBan = CapDiaBan.xa
    giai_doan: tuple[int, int] | None = None

    def missing(self) -> list[str]:
        out = []
        commune = self.cap is CapDiaBan.xa
        if self.plan is None:
            out.append(phrase(Cau("khung.doi_so")))
        if self.bo is None:
            out.append("--bo-tieu-chi")
            if commune and self.vung is None and self.nhom_xa is None:
                out.append(phrase(Cau("khung.truc")))
        elif commune and self.bo.truc == "vung" and self.vung is None:
            out.append("--vung")
        elif commune and self.bo.truc == "nhom_xa" and self.nhom_xa is None:
            out.append("--nhom-xa")
        if self.nam is None and self.giai_doan is None:
            out.append(phrase(Cau("khung.nam_hoac_giai_doan")))
        for option, value in (("--xa", self.xa if commune else ""), ("--tinh", self.tinh)):
            if value is None:
                out.append(option)
        return out


# ---------------------------------------------------------------------------- questions


def _ask(key: str, default: str | None = None, **params: object) -> str:
    answer = typer.prompt(phrase(Cau(key, params)), default=default, show_default=default is not None, err=True)
    return str(answer).strip()


def _until_valid(read: Callable[[], T]) -> T:
    """Ask again after an answer that is refused, saying why in the words a usage error would."""
    while True:
        try:
            return read()
        except LoiCachDung as error:
            _say(phrase(error.cau))


def _pick(answer: str, choices: list[str]) -> str:
    """A numbered list's answer: its number, or the value itself."""
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1]
    return answer


def _list(title: str, rows: list[tuple[str, str]]) -> None:
    sys.stderr.write(title + "\n")
    for i, (value, name) in enumerate(rows, 1):
        sys.stderr.write(f"  {i}. {value}" + (f" — {name}" if name else "") + "\n")


def ask_missing(a: TraLoi, anywhere: bool, dac_biet_kho_khan: bool, an_toan_khu: bool) -> None:
    sys.stderr.write(phrase(Cau("hoi.mo_dau")) + "\n")
    if a.bo is None:
        ids = builtin_ids()
        _list(phrase(Cau("hoi.cac_bo")), [(i, load_set(i, True, LENH).file.ten) for i in ids])

        def read_set() -> tuple[str, BoTieuChi]:
            ref = _pick(_ask("hoi.bo_tieu_chi"), ids)
            bo = load_set(ref, anywhere, LENH)
            check_place(bo, a.vung, a.nhom_xa, a.nam, LENH)
            check_flags(bo, dac_biet_kho_khan, an_toan_khu)
            return ref, bo

        a.ref, a.bo = _until_valid(read_set)
    bo = a.bo
    commune = a.cap is CapDiaBan.xa
    if commune and bo.truc == "vung" and a.vung is None:
        regions = list(bo.cac_vung)
        _list(phrase(Cau("hoi.cac_vung", {"bo_tieu_chi": bo.file.ten_ngan})), list(bo.cac_vung.items()))

        def read_region() -> str:
            region = _pick(_ask("hoi.vung"), regions)
            check_place(bo, region, None, a.nam, LENH)
            return region

        a.vung = _until_valid(read_region)
    if commune and bo.truc == "nhom_xa" and a.nhom_xa is None:
        groups = bo.cac_nhom_xa or {1: "", 2: "", 3: ""}
        _list(phrase(Cau("hoi.cac_nhom", {"bo_tieu_chi": bo.file.ten_ngan})),
              [(str(k), v) for k, v in groups.items()])
        a.nhom_xa = _until_valid(lambda: so_nguyen(_ask("hoi.nhom_xa"), "--nhom-xa", LENH, 1, 3))
    if a.nam is None and a.giai_doan is None:
        period = bo.giai_doan or (2010, 2100)

        def read_year() -> int:
            year = so_nguyen(_ask("hoi.nam", tu=period[0], den=period[1]), "--nam", LENH, 2000, 2100)
            check_place(bo, None, None, year, LENH)
            return year

        a.nam = _until_valid(read_year)
    if commune and a.xa is None:
        a.xa = _until_valid(lambda: ten(_ask("hoi.xa"), "--xa", commune=True))
    if a.tinh is None:
        a.tinh = _until_valid(lambda: ten(_ask("hoi.tinh"), "--tinh"))
    if a.plan is None:
        when = f"{a.giai_doan[0]}-{a.giai_doan[1]}" if a.giai_doan else str(a.nam)
        suggested = f"ke-hoach-{slug(a.xa or a.tinh)}-{when}.yaml"

        def read_target() -> tuple[str, Path | None]:
            name = _ask("hoi.tep", suggested)
            return name, new_file(name)

        a.plan, a.target = _until_valid(read_target)


def slug(name: str) -> str:
    """'Hương Sơn' -> 'huong-son': a file name any system and any shell accepts."""
    plain = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "xa"


# ---------------------------------------------------------------------------- where the plan points


def set_as_named(ref: str, target: Path | None, anywhere: bool, lenh: str = LENH) -> str:
    """How the plan names its set: a built-in id as it is; a province's file by its path relative
    to the plan (as `ntm check` resolves it), which must lie in the plan's repository."""
    if resolve_ref(ref, None) == CATALOG_DIR / f"{ref}.yaml":
        return ref
    path = resolve_ref(ref, Path.cwd()).resolve()
    folder = target.absolute().parent.resolve() if target is not None else Path.cwd().resolve()
    if not anywhere:
        try:
            within(path, repository_root(folder))
        except NgoaiKho as exc:
            raise LoiCachDung(Cau("lenh.ngoai_kho", {"ten": GiaTri(str(exc.path), 120), "goc": str(exc.root)}),
                              lenh) from None
    return Path(os.path.relpath(path, folder)).as_posix()


def schema_for(target: Path | None) -> str | None:
    """The editor's schema line, where the plan's repository keeps the schema where docs/editor.md
    says (schema/ke-hoach.schema.json): its path relative to the plan; else none."""
    if target is None:
        return None
    folder = target.absolute().parent.resolve()
    schema = repository_root(folder) / "schema" / "ke-hoach.schema.json"
    return Path(os.path.relpath(schema, folder)).as_posix() if schema.is_file() else None


# ---------------------------------------------------------------------------- the command


def _level(ky: KyKhung, xa: str | None, vung: str | None, nhom_xa: str | None, huyen: str | None,
           flags: tuple[bool, bool]) -> CapDiaBan:
    """--cap, and the options only a commune's plan takes refused for the others."""
    level = CapDiaBan(chon(ky.cap, tuple(c.value for c in CapDiaBan), "--cap", LENH))
    if level is CapDiaBan.xa:
        return level
    given = {"--xa": xa, "--vung": vung, "--nhom-xa": nhom_xa, "--xa-dac-biet-kho-khan": flags[0] or None,
             "--xa-an-toan-khu": flags[1] or None}
    if level is CapDiaBan.tinh:
        given["--huyen"] = huyen
    for option, value in given.items():
        if value is not None:
            raise LoiCachDung(Cau("lenh.chi_cap_xa", {"tuy_chon": option, "cap": TEN_CAP[level]}), LENH)
    if level is CapDiaBan.huyen and huyen is None:
        raise LoiCachDung(Cau("khung.thieu", {"cac_muc": "--huyen"}), LENH)
    return level


def init_command(plan: str | None, ref: str | None, vung: str | None, nhom_xa: str | None, ky: KyKhung,
                 xa: str | None, tinh: str | None, huyen: str | None, dac_biet_kho_khan: bool, an_toan_khu: bool,
                 anywhere: bool, ma_xa: str | None = None) -> int:
    level = _level(ky, xa, vung, nhom_xa, huyen, (dac_biet_kho_khan, an_toan_khu))
    if ky.nam is not None and ky.giai_doan is not None:
        raise LoiCachDung(Cau("lenh.mot_trong_hai", {"a": "--nam", "b": "--giai-doan"}), LENH)
    group = so_nguyen(nhom_xa, "--nhom-xa", LENH, 1, 3) if nhom_xa is not None else None
    year = so_nguyen(ky.nam, "--nam", LENH, 2000, 2100) if ky.nam is not None else None
    period = giai_doan(ky.giai_doan) if ky.giai_doan is not None else None
    one_axis(vung, group, LENH)
    answers = TraLoi(
        ref=ref, bo=None, vung=vung, nhom_xa=group, nam=year,
        xa=ten(xa, "--xa", commune=True) if xa is not None else None,
        tinh=ten(tinh, "--tinh") if tinh is not None else None,
        plan=plan, target=new_file(plan) if plan is not None else None, cap=level, giai_doan=period,
    )
    district = ten(huyen, "--huyen") if huyen is not None else None
    code = ma_xa_hop_le(ma_xa) if ma_xa is not None else None
    if ref is not None:
        answers.bo = load_set(ref, anywhere, LENH)
        check_place(answers.bo, vung, group, year, LENH)
        check_flags(answers.bo, dac_biet_kho_khan, an_toan_khu)
        if period is not None:
            check_period(answers.bo, period)
    missing = answers.missing()
    if missing:
        if not interactive():
            raise LoiCachDung(Cau("khung.thieu", {"cac_muc": ", ".join(missing)}), LENH)
        ask_missing(answers, anywhere, dac_biet_kho_khan, an_toan_khu)
        if answers.giai_doan is not None and answers.bo is not None:
            check_period(answers.bo, answers.giai_doan)
    a = answers
    assert a.ref is not None and a.bo is not None and a.tinh is not None
    assert a.nam is not None or a.giai_doan is not None

    text = khung_ke_hoach(DauVaoKhung(
        bo=a.bo, bo_tieu_chi=set_as_named(a.ref, a.target, anywhere), nam=a.nam, xa=a.xa, tinh=a.tinh,
        huyen=district, vung=a.vung, nhom_xa=a.nhom_xa, ma_xa=code, xa_dac_biet_kho_khan=dac_biet_kho_khan,
        xa_an_toan_khu=an_toan_khu, luoc_do=schema_for(a.target), cap=a.cap, giai_doan=a.giai_doan,
    ))
    if a.target is None:
        out = Luong(sys.stdout)
        out.write(text)
        out.flush()
        return EXIT_OK
    try:
        write_atomic(a.target, text.encode("utf-8"), ghi_de=False)
    except OutputError as exc:
        raise LoiCachDung(exc.cau, None, nhan=False) from None
    _say(phrase(Cau("ghi.da_ghi", {"tep": str(a.target)})))
    _say(phrase(Cau("khung.tiep_theo", {"tep": str(a.target)})))
    return EXIT_OK
