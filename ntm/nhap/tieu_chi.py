"""Criteria in the document's words: which set a plan follows (title, year, the criteria its
headings name), which criterion a heading names (by name or by number), which indicator a
sentence gives a figure for ("tỷ lệ lao động qua đào tạo đạt 52,77%")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ntm.catalog import BoTieuChi, LoaiChiTieu, TieuChi
from ntm.catalog.model import ChiTieu
from ntm.nhap.chu import bo_dau, khoa

# Abbreviations offices use in criteria names ("Cơ sở HTTM nông thôn", "HTCT và TCPL").
_VIET_TAT = {
    "httm": "hạ tầng thương mại", "htct": "hệ thống chính trị", "tcpl": "tiếp cận pháp luật",
    "ntm": "nông thôn mới", "tttt": "thông tin và truyền thông", "csvc": "cơ sở vật chất",
    "pctt": "phòng, chống thiên tai", "attp": "an toàn thực phẩm", "hcc": "hành chính công",
    "qp": "quốc phòng", "qpan": "quốc phòng và an ninh",
}
_TIEU_CHI_HEAD = re.compile(r"^(?:tiêu chí|tc)\s*(?:số\s*)?(?P<so>\d{1,2})?\s*[.:-]?\s*(?P<ten>.*)$", re.IGNORECASE)


def _expand(text: str) -> str:
    words = [(_VIET_TAT.get(w, w)) for w in re.findall(r"[\wđ]+", khoa(text))]
    return " ".join(words)


def _loose(text: str) -> str:
    return bo_dau(_expand(text)).replace(",", " ").replace(" va ", " ")


@dataclass(frozen=True)
class TenTieuChi:
    """The criterion a heading names, and how sure: exact (the set's own name), by a looser
    reading (abbreviation, case, tone marks), or by its number alone."""

    tieu_chi: TieuChi
    chinh_xac: bool
    cach: str  # "" when exact; else how it was matched (a clause for the guess comment)


def criterion_named(heading: str, bo: BoTieuChi) -> TenTieuChi | None:
    """The criterion a heading like "1.7. Tiêu chí Cơ sở HTTM nông thôn:" or "Tiêu chí 12 - Lao
    động" names in the set, or None."""
    text = heading.strip().rstrip(":").strip()
    m = _TIEU_CHI_HEAD.match(text)
    if m is None:
        return None
    name = m["ten"].strip(" .:-")
    number = m["so"]
    for tc in bo.tieu_chi:
        if name == tc.ten:
            return TenTieuChi(tc, True, "")
    for tc in bo.tieu_chi:
        if khoa(name) == khoa(tc.ten):
            return TenTieuChi(tc, False, "khác chữ hoa hoặc cách bỏ dấu")
    for tc in bo.tieu_chi:
        if name and _loose(name) == _loose(tc.ten):
            return TenTieuChi(tc, False, "tên viết tắt")
    if number:
        for tc in bo.tieu_chi:
            if tc.so == number and (not name or _loose(tc.ten).startswith(_loose(name)[:8])):
                return TenTieuChi(tc, False, f"theo số {number}")
    if name:
        loose = _loose(name)
        prefixed = [tc for tc in bo.tieu_chi if _loose(tc.ten).startswith(loose) or loose.startswith(_loose(tc.ten))]
        if len(prefixed) == 1 and len(loose) >= 6:
            return TenTieuChi(prefixed[0], False, "tên gần đúng")
    return None


def set_score(headings: Sequence[str], bo: BoTieuChi) -> int:
    """How many criterion headings of the document name a criterion of the set exactly (x2) or loosely."""
    score = 0
    for heading in headings:
        found = criterion_named(heading, bo)
        if found is not None:
            score += 2 if found.chinh_xac else 1
    return score


# ----------------------------------------------------------------------------- figures


_PERCENT = re.compile(r"(?P<so>\d+(?:[.,]\d+)?)\s*(?:/\s*(?P<yeu_cau>\d+(?:[.,]\d+)?)\s*)?%")
_COUNT = re.compile(r"(?P<so>\d{1,6})\s+(?P<ten>[^\d;,()]{2,40})")


@dataclass(frozen=True)
class SoLieu:
    """A figure a sentence states for an indicator: the value as the plan writes it, the words."""

    chi_tieu: ChiTieu
    gia_tri: str  # "52,77%", "3", "không"
    nguon: str
    ly_do: str
    yeu_cau: str | None = None  # the requirement the sentence states: "yêu cầu ≥ 75%", "52,77/75%"


def _words(text: str) -> list[str]:
    return re.findall(r"[\wđ]+", bo_dau(khoa(text)))


def _names(spec: ChiTieu, text: str) -> int | None:
    """Where in `text` the indicator's name ends, when its words appear in order (up to three
    other words between two of them: "tỷ lệ người dân tham gia bảo hiểm y tế"); else None."""
    name = _words(spec.ten_hien_thi.split("(")[0])
    words = _words(text)
    if not name:
        return None
    for start in range(len(words)):
        if words[start] != name[0]:
            continue
        pos, gap_ok = start, True
        for word in name[1:]:
            found = next((k for k in range(pos + 1, min(pos + 5, len(words))) if words[k] == word), None)
            if found is None:
                gap_ok = False
                break
            pos = found
        if gap_ok:
            return pos + 1
    return None


def _format(value: str, percent: bool) -> str:
    text = value.replace(".", ",") if "." in value and "," not in value else value
    return f"{text}%" if percent else text


def figures(item: str, tc: TieuChi) -> list[SoLieu]:
    """Figures one part of the unmet-criteria sentence (or a sentence saying "đạt …") gives for
    the indicators of criterion `tc`: only where the indicator is unambiguous."""
    measured = [c for c in tc.chi_tieu if c.loai is not LoaiChiTieu.dat]
    out = []
    percents = list(_PERCENT.finditer(item))
    named = [(c, _names(c, item)) for c in measured]
    hits = [(c, end) for c, end in named if end is not None]
    counted: list[tuple[ChiTieu, str]] = []
    for c in measured:
        if c.don_vi is not None and c.don_vi.la_so_dem and (v := _value_for(c, item)) is not None:
            counted.append((c, v))
    if len(hits) == 1:
        spec, _ = hits[0]
        value = _value_for(spec, item)
        if value is not None:
            out.append(SoLieu(spec, value, item, "theo tên chỉ tiêu trong câu", requirement(spec, item)))
    elif not hits and len(counted) == 1:
        spec, value = counted[0]
        out.append(SoLieu(spec, value, item, "số đếm theo tên chỉ tiêu", requirement(spec, item)))
    elif not hits and len(measured) == 1 and len(percents) == 1 and measured[0].don_vi is not None \
            and measured[0].don_vi.value == "%":
        spec = measured[0]
        out.append(SoLieu(spec, _format(percents[0]["so"], True), item, "chỉ tiêu đo bằng số duy nhất của tiêu chí",
                          requirement(spec, item)))
    return out


_REQUIRED = re.compile(r"yêu cầu\s*(?:[≥≤]|từ|tối thiểu|tối đa|không quá)?\s*(?P<so>\d+(?:[.,]\d+)?)\s*(?P<pt>%?)", re.IGNORECASE)


def requirement(spec: ChiTieu, text: str) -> str | None:
    """The requirement a sentence states for the indicator ("yêu cầu từ 75% trở lên", "yêu cầu không
    quá 3%", "yêu cầu ≥ 75%", "yêu cầu không còn",
    the 75 of "52,77/75%"), as the plan writes a level; None when it states none."""
    percent_unit = spec.don_vi is not None and spec.don_vi.value == "%"
    m = _REQUIRED.search(text)
    if m:
        return _format(m["so"], percent_unit)
    if re.search(r"yêu cầu không còn", text, re.IGNORECASE) and spec.loai is LoaiChiTieu.toi_da:
        return "0"
    m = _PERCENT.search(text)
    if m and m["yeu_cau"] and percent_unit:
        return _format(m["yeu_cau"], True)
    return None


def _value_for(spec: ChiTieu, text: str) -> str | None:
    unit = spec.don_vi.value if spec.don_vi is not None else None
    if unit == "%":
        m = _PERCENT.search(text)
        return _format(m["so"], True) if m else None
    if spec.don_vi is not None and spec.don_vi.la_so_dem:
        noun = _words(spec.ten_hien_thi.removeprefix("Số ").split(",")[0])[:2]
        for m in _COUNT.finditer(text):
            if _words(m["ten"])[: len(noun)] == noun:
                return str(int(m["so"]))
        return None
    return None


_PRESENT = re.compile(r"\bđạt\s+(?P<so>\d+(?:[.,]\d+)?)\s*%", re.IGNORECASE)
_NOT_PRESENT = re.compile(r"phấn đấu|mục tiêu|kế hoạch|đến năm|nâng|tăng lên|giảm xuống|duy trì", re.IGNORECASE)


def stated(clause: str, bo: BoTieuChi) -> list[tuple[TieuChi, SoLieu]]:
    """A figure a clause states as the present state ("tỷ lệ lao động qua đào tạo đạt 68,5%"),
    for the one indicator of the set the clause names; nothing when it names a target."""
    m = _PRESENT.search(clause)
    if m is None or _NOT_PRESENT.search(clause):
        return []
    named = [(tc, spec) for tc in bo.tieu_chi for spec in tc.chi_tieu
             if spec.loai is not LoaiChiTieu.dat and spec.don_vi is not None and spec.don_vi.value == "%"
             and (end := _names(spec, clause)) is not None and end <= len(_words(clause[: m.start()])) + 1]
    if len({spec.ma for _, spec in named}) != 1:
        return []
    tc, spec = named[0]
    return [(tc, SoLieu(spec, _format(m["so"], True), clause.strip(), "câu nêu hiện trạng của chỉ tiêu"))]


_NEGATIVE = re.compile(r"\b(chưa|không)\b", re.IGNORECASE)


def yes_no(items: Sequence[str], tc: TieuChi) -> list[SoLieu]:
    """Notes of a yes/no criterion's unmet indicators ("xã chưa có HTX"): given in the set's
    order, as the document writer prints them; taken only when there are exactly as many
    negative notes as the criterion has yes/no indicators."""
    flags = [c for c in tc.chi_tieu if c.loai is LoaiChiTieu.dat]
    notes = [i for i in items if _NEGATIVE.search(i) and not _PERCENT.search(i)]
    if not flags or len(notes) != len(flags) or len(notes) != len(items):
        return []
    return [SoLieu(spec, "không", note, f"ghi chú thứ {n + 1} trong câu, theo thứ tự chỉ tiêu của bộ")
            for n, (spec, note) in enumerate(zip(flags, notes, strict=True))]


# Unmet yes/no indicators the writer names together, last in a criterion's brackets (ntm.present's
# wording.chua_dat_chi_tieu): "chưa đạt chỉ tiêu có hợp tác xã …", "chưa đạt 2 chỉ tiêu: a; b".
NAMED_FLAG = "chỉ tiêu có/không mà câu nêu tên là chưa đạt"  # SoLieu.ly_do of those
_CHUA_DAT_CHI_TIEU = re.compile(r"(?:^|;\s*)chưa đạt (?:chỉ tiêu (?P<mot>[^;]+)|(?P<so>\d+) chỉ tiêu: (?P<nhieu>.+))$",
                                re.DOTALL)


def named_flags(text: str, tc: TieuChi) -> tuple[str, list[SoLieu]] | None:
    """The unmet yes/no indicators of `tc` a criterion's brackets name together at their end, and
    the text before them; None when the brackets do not end so or a name is not the set's."""
    m = _CHUA_DAT_CHI_TIEU.search(text)
    if m is None:
        return None
    names = [m["mot"]] if m["mot"] is not None else m["nhieu"].split("; ")
    if m["so"] is not None and int(m["so"]) != len(names):
        return None
    flags = {spec.ten_hien_thi[:1].lower() + spec.ten_hien_thi[1:]: spec
             for spec in tc.chi_tieu if spec.loai is LoaiChiTieu.dat}
    if not all(name in flags for name in names) or len(set(names)) != len(names):
        return None
    said = m.group(0).lstrip("; ")
    return text[: m.start()], [SoLieu(flags[name], "không", said, NAMED_FLAG) for name in names]


def percent(value: str) -> Decimal | None:
    try:
        return Decimal(value.rstrip("%").replace(",", "."))
    except ArithmeticError:
        return None
