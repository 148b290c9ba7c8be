"""From the recognised document to plan data: each part into its structured key when printing
that key gives back the document's own words, otherwise verbatim as free content (a custom
section, `phan_bo_sung`, placed by `bo_cuc`). What the document never prints (the year, the
criteria set, the commune, figures) is guessed where the text allows, and every guess is
recorded (ntm.nhap.du_doan) to be marked in the YAML."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ntm.catalog import BoTieuChi, TieuChi
from ntm.nhap.chu import NGAY, bo_dau, khoa, ngay, ngay_van_ban, so_tien, so_viet
from ntm.nhap.dia_ly import VUNG_THEO_TINH
from ntm.nhap.du_doan import DuDoan, YamlPath
from ntm.nhap.khoi import Bang, Doan, TaiLieu
from ntm.nhap.nhan_dang import Muc, VanBanNhap
from ntm.nhap.noi_dung import NoiDung, bang_chu, convert, plain_text, table_spec
from ntm.nhap.tieu_chi import NAMED_FLAG, criterion_named, figures, named_flags, set_score, stated, yes_no
from ntm.plan.model import ten_noi
from ntm.plan.noi_dung import TIEU_DE_PHAN_CO_SAN
from ntm.plan.the_thuc import ket_cau

CHO_DIEN = "[ĐIỀN: {}]"  # what ntm init writes where an office must fill in; `ntm check` warns (KH012)

# Section titles offices write for each built-in part (compared by khoa()).
_TITLES = {
    "muc_dich_yeu_cau": ("mục đích, yêu cầu", "mục đích và yêu cầu", "mục đích - yêu cầu", "mục đích yêu cầu"),
    "muc_tieu": ("mục tiêu và chỉ tiêu", "mục tiêu, chỉ tiêu", "mục tiêu", "chỉ tiêu", "mục tiêu - chỉ tiêu",
                 "chỉ tiêu thi đua", "mục tiêu, nhiệm vụ"),
    "nhiem_vu_giai_phap": ("các nhiệm vụ và giải pháp thực hiện", "nhiệm vụ và giải pháp", "nhiệm vụ, giải pháp",
                           "các nhiệm vụ, giải pháp", "nhiệm vụ và giải pháp thực hiện", "nhiệm vụ, giải pháp thực hiện",
                           "các nhiệm vụ, giải pháp thực hiện", "nội dung", "nội dung thực hiện",
                           "nhiệm vụ, giải pháp chủ yếu", "các nhiệm vụ, giải pháp chủ yếu"),
    "thoi_gian_thuc_hien": ("thời gian thực hiện", "thời gian"),
    "kinh_phi": ("kinh phí thực hiện", "kinh phí"),
    "to_chuc_thuc_hien": ("tổ chức thực hiện",),
}
_YEAR = re.compile(r"\bnăm\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_PERIOD = re.compile(r"(?:giai đoạn\s+)?(?P<tu>(?:19|20)\d\d)\s*[-–—]\s*(?P<den>(?:19|20)\d\d)")
# The unmet-criteria sentence as the document writer opens it ("Phấn đấu hoàn thành các tiêu chí
# chưa đạt, gồm: …"), or as ntm opened it before (issue 18): both give their figures.
_UNMET = re.compile(r"^[-–]\s*(?:Phấn đấu hoàn thành|Thực hiện nâng tỷ lệ) các tiêu chí chưa đạt,?\s*gồm\s*:\s*"
                    r"(?P<rest>.+)$", re.DOTALL)
_UNMET_ITEM = re.compile(r"(?:^|;\s*)[Tt]iêu chí\s+(?P<ten>[^(;]+?)\s*\((?P<chi_tiet>[^()]*(?:\([^()]*\)[^()]*)*)\)")
_DAT_CHUAN = re.compile(r"^[-–]\s*Thực hiện đạt chuẩn (?P<so>\d+/\d+) tiêu chí(?P<cuoi>[;.]?)$")
_NHIEM_VU = re.compile(r"^[-–]\s*Nhiệm vụ\s*:\s*(?P<chu>.+)$", re.DOTALL)
_GIAI_PHAP = re.compile(r"^[-–]\s*(?P<nhan>Giải pháp[^:]{0,40})\s*:\s*(?P<chu>.+)$", re.DOTALL)
_TINH = re.compile(r"\btỉnh\s+(?P<ten>(?:[A-ZĐÂĂÊÔƠƯ][\wđ]*\s?){1,4})")
_HUYEN = re.compile(r"\b(?:huyện|HUYỆN)\s+(?P<ten>(?:[A-ZĐÂĂÊÔƠƯ][\wđĐÂĂÊÔƠƯ]*\s?){1,3})")
_XA = re.compile(r"\bXÃ\s+(?P<ten>.+)$")


@dataclass
class TuyChon:
    """What the user states that a document never says: the criteria set, the region or group."""

    bo_tieu_chi: str | None = None
    bo: BoTieuChi | None = None  # the set `bo_tieu_chi` names, loaded by the caller
    vung: str | None = None
    nhom_xa: int | None = None
    nam: int | None = None


@dataclass
class KetQuaAnhXa:
    data: dict[str, Any]
    du_doan: list[DuDoan] = field(default_factory=list)
    thong_bao: list[tuple[str, str, str]] = field(default_factory=list)  # (code, variant, excerpt): NH008, NH009
    bo: BoTieuChi | None = None
    # The unmet-criteria sentence kept verbatim: where its block is, and the line as printed. The
    # caller may hand it back to the document writer (`generated`) when the writer, from the
    # figures read out of it, prints this very line.
    cau_chua_dat: list[tuple[YamlPath, str]] = field(default_factory=list)


class _Map:
    def __init__(self, v: VanBanNhap, doc: TaiLieu, options: TuyChon, sets: dict[str, BoTieuChi]) -> None:
        self.v = v
        self.doc = doc
        self.options = options
        self.sets = sets
        self.guesses: list[DuDoan] = []
        self.notices: list[tuple[str, str, str]] = []
        self.bo: BoTieuChi | None = options.bo
        self.set_title: str | None = None  # chi_tieu.bo_tieu_chi.tieu_de, shared by two sections
        self.criteria: dict[str, dict[str, Any]] = {}
        self.nd = NoiDung()
        self.unmet: list[tuple[YamlPath, str]] = []

    def guess(self, path: YamlPath, source: str, why: str = "") -> None:
        self.guesses.append(DuDoan(path, source, why))


# ----------------------------------------------------------------------------- year, set, commune


def period(text: str) -> tuple[int, int] | None:
    """A plan's period from its title: "giai đoạn 2021 - 2025". For multi-year plans the plan
    model will have `giai_doan: {tu, den}` (issue 18); until then `nam` takes the first year."""
    m = _PERIOD.search(text)
    if m and int(m["tu"]) < int(m["den"]) <= int(m["tu"]) + 10:
        return int(m["tu"]), int(m["den"])
    return None


def _year(m: _Map, title: str) -> int | None:
    """The plan's year: said in the title ("năm 2023"), else the first of its period, else the
    year of its date, else one said in the preamble; with a set given, the first of these in
    the set's period."""
    if m.options.nam is not None:
        return m.options.nam
    candidates: list[tuple[int, str, str]] = []
    found = _YEAR.search(title)
    if found:
        candidates.append((int(found["y"]), found.group(0), "năm ghi trong trích yếu"))
    span = period(title)
    if span is not None:
        candidates.append((span[0], title, f"kế hoạch giai đoạn {span[0]}-{span[1]}: lấy năm đầu"))
    when = m.v.phan_dau.ngay
    if when is not None:
        candidates.append((when.year, m.v.phan_dau.dong_ngay or "", "năm của ngày ban hành"))
    for block in m.v.mo_dau:
        said = _YEAR.search(block.chu)
        if said:
            candidates.append((int(said["y"]), said.group(0), "năm ghi trong đoạn mở đầu"))
    limits = m.bo.file.giai_doan if m.bo is not None else None
    if limits is not None:
        inside = [c for c in candidates if limits[0] <= c[0] <= limits[1]]
        candidates = inside + [c for c in candidates if c not in inside]
    if not candidates:
        return None
    year, source, why = candidates[0]
    m.guess(("nam",), source, why)
    return year


def _criterion_headings(sections: list[Muc]) -> list[str]:
    out = []

    def walk(nodes: list[Any]) -> None:
        for node in nodes:
            if isinstance(node, Muc):
                if khoa(node.tieu_de).startswith(("tiêu chí", "tc ")):
                    out.append(node.tieu_de)
                walk(node.con)

    walk(sections)
    return out


def _choose_set(m: _Map, year: int | None, title: str) -> None:
    if m.bo is not None:
        return
    headings = _criterion_headings(m.v.phan)
    text = khoa(" ".join([title, *(s.tieu_de for s in m.v.phan)]))
    scored = []
    for ref, bo in m.sets.items():
        span = bo.file.giai_doan
        if year is not None and span is not None and not span[0] <= year <= span[1]:
            continue
        score = set_score(headings, bo) * 10
        if "nâng cao" in text and "nang-cao" in ref:
            score += 15
        if "kiểu mẫu" in khoa(title) and "kieu-mau" in ref:
            score += 15
        if "nang-cao" not in ref and "kieu-mau" not in ref:
            score += 1  # the base set when nothing tells
        scored.append((score, ref))
    if not scored:
        return
    scored.sort(key=lambda x: (-x[0], x[1]))
    ref = scored[0][1]
    m.options.bo_tieu_chi = ref
    m.bo = m.sets[ref]
    reasons = []
    if year is not None:
        reasons.append(f"năm {year}")
    if headings:
        reasons.append(f"{set_score(headings, m.bo) // 2}/{len(headings)} tiêu đề tiêu chí khớp tên trong bộ")
    m.guess(("bo_tieu_chi",), title, ", ".join(reasons))


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _dia_ban(m: _Map) -> dict[str, Any]:
    head = m.v.phan_dau
    issuer = " ".join(head.co_quan_ban_hanh)
    xa = None
    found = _XA.search(issuer.replace("\n", " "))
    if found:
        name = found["ten"].strip()
        xa = head.dia_danh if head.dia_danh and khoa(head.dia_danh) == khoa(name) else _title_case(name)
        m.guess(("dia_ban", "xa"), f"{issuer}", "tên xã trong tên cơ quan ban hành")
    elif head.dia_danh:
        xa = head.dia_danh
        m.guess(("dia_ban", "xa"), head.dong_ngay or head.dia_danh, "địa danh nơi ban hành")
    else:
        xa = CHO_DIEN.format("tên xã")
        m.guess(("dia_ban", "xa"), "")
    out: dict[str, Any] = {"xa": xa}
    texts = [*head.co_quan_chu_quan, issuer, *m.v.can_cu, m.v.trich_yeu or ""]
    for text in texts:
        hm = _HUYEN.search(text)
        if hm:
            out["huyen"] = _title_case(hm["ten"].strip())
            m.guess(("dia_ban", "huyen"), text)
            break
    province = None
    for text in [*texts, *(plain_text(b) for b in m.v.mo_dau)]:
        tm = _TINH.search(text) or re.search(r"\bTỈNH\s+(?P<ten>[A-ZĐÂĂÊÔƠƯ\s]+)$", text)
        if tm:
            province = _title_case(tm["ten"].strip())
            m.guess(("dia_ban", "tinh"), text)
            break
    out["tinh"] = province or CHO_DIEN.format("tỉnh")
    if province is None:
        m.guess(("dia_ban", "tinh"), "")
    bo = m.bo
    if bo is not None and bo.file.truc == "vung":
        if m.options.vung is not None:
            out["vung"] = m.options.vung
        elif province is not None and bo_dau(khoa(province)) in VUNG_THEO_TINH and \
                VUNG_THEO_TINH[bo_dau(khoa(province))] in bo.file.cac_vung:
            out["vung"] = VUNG_THEO_TINH[bo_dau(khoa(province))]
            m.guess(("dia_ban", "vung"), f"tỉnh {province}", "vùng của tỉnh theo cách chia 7 vùng của QĐ 318")
        elif len(bo.file.cac_vung) == 1:
            out["vung"] = next(iter(bo.file.cac_vung))
            m.guess(("dia_ban", "vung"), "", "vùng duy nhất của bộ tiêu chí")
        else:
            pass  # rule DM001 says so when the plan is validated
    elif bo is not None and bo.file.truc == "nhom_xa":
        if m.options.nhom_xa is not None:
            out["nhom_xa"] = m.options.nhom_xa
        else:
            pass  # rule DM003 says so when the plan is validated
    return out


# ----------------------------------------------------------------------------- van_ban


def _can_cu_fields(text: str) -> dict[str, Any] | str:
    """A căn cứ as fields when printing the fields gives back this very sentence, else the sentence."""
    body = text.strip()
    m = re.match(
        r"^(?P<mo_dau>Thực hiện|Căn cứ)\s+(?P<loai>[^\s].*?)\s+số\s+(?P<so>\S+)\s+(?P<ngay>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
        r"\s+của\s+(?P<rest>.+?)[;.]?$", body, re.DOTALL)
    if not m:
        return body
    found = NGAY.search(m["ngay"])
    when = ngay(found) if found else None
    if when is None or ngay_van_ban(when) != m["ngay"]:
        return body
    rest = m["rest"]
    # The issuer ends where the subject starts: "về …", "ban hành …", "phê duyệt …", "quy định …".
    cuts = [i for i in (rest.find(f" {w} ") for w in ("về", "ban hành", "phê duyệt", "quy định", "hướng dẫn"))
            if i > 0]
    cut = min(cuts) if cuts else -1
    co_quan, sep, trich_yeu = (rest[:cut], " ", rest[cut + 1:]) if cut > 0 else (rest, "", "")
    fields: dict[str, Any] = {}
    if m["mo_dau"] != "Thực hiện":
        fields["mo_dau"] = m["mo_dau"]
    fields.update({"loai": m["loai"], "so_hieu": m["so"], "ngay": when.isoformat(), "co_quan": co_quan.strip()})
    if sep:
        fields["trich_yeu"] = trich_yeu.strip()
    if len(m["loai"].split()) > 4 or not co_quan.strip():
        return body
    return fields


# Words that start the name of an administrative unit: NĐ 30 breaks an agency name before them
# ("ỦY BAN NHÂN DÂN" / "XÃ HƯƠNG SƠN"), and so does ntm's document writer by itself.
_UNIT_WORDS = ("XÃ ", "PHƯỜNG ", "THỊ TRẤN ", "HUYỆN ", "QUẬN ", "THỊ XÃ ", "TỈNH ", "THÀNH PHỐ ", "ĐẶC KHU ")


def agency_name(lines: list[str]) -> str:
    """An agency's name from its lines: one name broken before its unit ("ỦY BAN NHÂN DÂN" /
    "XÃ HƯƠNG SƠN") is one line in the plan (the writer breaks it there again); any other break
    is the office's choice and is kept."""
    if len(lines) == 2 and lines[1].startswith(_UNIT_WORDS) and not lines[0].startswith(_UNIT_WORDS):
        return f"{lines[0]} {lines[1]}"
    return "\n".join(lines)


def _van_ban(m: _Map, year: int | None) -> dict[str, Any]:
    v, head = m.v, m.v.phan_dau
    out: dict[str, Any] = {}
    if head.he_thong == "dang":
        out["he_thong"] = "dang"
    if head.co_quan_chu_quan:
        out["co_quan_chu_quan"] = agency_name(head.co_quan_chu_quan)
    if head.co_quan_ban_hanh:
        out["co_quan_ban_hanh"] = agency_name(head.co_quan_ban_hanh)
        if head.cap_doan:
            m.guess(("van_ban", "co_quan_ban_hanh"), " / ".join(head.co_quan_ban_hanh),
                    "chữ không cho biết dòng nào là cơ quan chủ quản: tất cả ghi là cơ quan ban hành")
    else:
        out["co_quan_ban_hanh"] = CHO_DIEN.format("tên cơ quan ban hành")
        m.guess(("van_ban", "co_quan_ban_hanh"), "")
    out["so_hieu"] = head.so_hieu if head.so_hieu else CHO_DIEN.format("số") + "/KH"
    if not head.so_hieu:
        m.guess(("van_ban", "so_hieu"), "")
    out["dia_danh"] = head.dia_danh or CHO_DIEN.format("địa danh")
    if not head.dia_danh:
        m.guess(("van_ban", "dia_danh"), "")
    if head.ngay is not None:
        out["ngay_ban_hanh"] = head.ngay.isoformat()
    else:
        placeholder = date(year or date.today().year, 1, 1)
        out["ngay_ban_hanh"] = placeholder.isoformat()
        m.guess(("van_ban", "ngay_ban_hanh"), head.dong_ngay or "", "văn bản chưa ghi ngày: ngày này chỉ giữ chỗ")
    if v.ten_loai and v.ten_loai != "KẾ HOẠCH":
        out["ten_loai"] = v.ten_loai
    if v.trich_yeu:
        out["trich_yeu"] = v.trich_yeu
    else:
        out["trich_yeu"] = CHO_DIEN.format("trích yếu")
        m.guess(("van_ban", "trich_yeu"), "")
    if v.can_cu:
        out["can_cu"] = [_can_cu_fields(c) for c in v.can_cu]
        for text in v.can_cu_tach:
            m.guess(("van_ban", "can_cu"), text, "một đoạn có nhiều căn cứ: tách thành từng căn cứ")
    mo_dau = [plain_text(b) for b in v.mo_dau]
    for b in v.mo_dau:
        if b.chu_thich:
            m.notices.append(("NH008", "chu_thich_mo_dau", b.chu))
    tables_before = [b for b in v.truoc_phan if isinstance(b, Bang)]
    mo_dau.extend(plain_text(b) for b in v.truoc_phan if isinstance(b, Doan) and not b.trong)
    for t in tables_before:
        mo_dau.extend(" | ".join(o.chu for o in row) for row in t.hang)
        m.notices.append(("NH009", "bang_truoc_muc_I", ""))
    if mo_dau:
        out["mo_dau"] = mo_dau if len(mo_dau) > 1 else mo_dau[0]
    if v.cau_ket:
        out["cau_ket"] = v.cau_ket
    if v.noi_nhan:
        out["noi_nhan"] = v.noi_nhan
    else:
        out["noi_nhan"] = [CHO_DIEN.format("nơi nhận")]
        m.guess(("van_ban", "noi_nhan"), "")
    signer = v.nguoi_ky
    ky: dict[str, Any] = {}
    if signer.tham_quyen:
        ky["tham_quyen"] = signer.tham_quyen
    if signer.ky_thay:
        ky["ky_thay"] = signer.ky_thay
    ky["chuc_vu"] = signer.chuc_vu or CHO_DIEN.format("chức vụ người ký")
    ky["ho_ten"] = signer.ho_ten or CHO_DIEN.format("họ tên người ký")
    if not signer.chuc_vu:
        m.guess(("van_ban", "nguoi_ky", "chuc_vu"), "")
    if not signer.ho_ten:
        m.guess(("van_ban", "nguoi_ky", "ho_ten"), "")
    for line in signer.khac:
        m.notices.append(("NH008", "chu_ky", line))
    out["nguoi_ky"] = ky
    return out


# ----------------------------------------------------------------------------- built-in sections


def _kind(section: Muc) -> str | None:
    key = khoa(section.tieu_de)
    for name, titles in _TITLES.items():
        if key in titles:
            return name
    return None


def _paragraphs(nodes: list[Any]) -> list[str] | None:
    """The texts of plain paragraphs (no notes, tables or headings), or None."""
    out = []
    for node in nodes:
        if not isinstance(node, Doan) or node.chu_thich:
            return None
        if node.trong:
            continue
        out.append(plain_text(node))
    return out


def _muc_dich_yeu_cau(section: Muc) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    expected = ["mục đích", "yêu cầu"]
    for n, node in enumerate(section.con):
        if not isinstance(node, Muc) or node.cap != section.cap + 1:
            return None
        key = khoa(node.tieu_de)
        if key not in expected or node.tieu_de.rstrip(":") not in ("Mục đích", "Yêu cầu") or node.so not in (str(n + 1), ""):
            return None
        expected = expected[expected.index(key) + 1:]
        texts = _paragraphs(node.con)
        if not texts:
            return None
        out["muc_dich" if key == "mục đích" else "yeu_cau"] = texts
    return out or None


def _lines(node: Muc) -> list[str] | None:
    texts = _paragraphs(node.con)
    if texts is None or any(not t.startswith(("- ", "– ")) for t in texts):
        return None
    return texts


_TARGETS = {
    "thôn nông thôn mới kiểu mẫu": ("thon_ntm_kieu_mau", "thôn"),
    "thôn thông minh": ("thon_thong_minh", "thôn"),
    "khu dân cư nông thôn mới kiểu mẫu": ("khu_dan_cu_ntm_kieu_mau", "khu dân cư"),
}
def _place_target(title: str, lines: list[str]) -> dict[str, Any] | None:
    """A group "Xây dựng thôn thông minh": its places, when printing them gives back the lines."""
    bodies = [line[2:] for line in lines]
    stripped = [b.rstrip(" ;.,") for b in bodies]
    if ket_cau(stripped) != bodies:
        return None
    if all(s.startswith("Xây dựng vườn mẫu tại ") for s in stripped):
        places = [s.removeprefix("Xây dựng vườn mẫu tại ") for s in stripped]
        target: dict[str, Any] = {"loai": "vuon_mau"}
        default_title = "Xây dựng vườn mẫu"
    else:
        names = set()
        places = []
        for s in stripped:
            mt = re.match(r"^Xây dựng (?P<noi>.+?) đạt chuẩn (?P<ten>.+)$", s)
            if not mt:
                return None
            names.add(mt["ten"])
            places.append(mt["noi"])
        if len(names) != 1:
            return None
        name = names.pop()
        loai, unit = _TARGETS.get(name, ("khac", None))
        target = {"loai": loai}
        if loai == "khac":
            target["ten"] = name
        default_title = f"Xây dựng {name}"
        if unit:
            places = [p[len(unit) + 1:] if p.startswith(unit + " ") else p for p in places]
            if any(ten_noi(p, unit) != orig for p, orig in zip(places, [mt for mt in _orig(stripped)], strict=True)):
                return None
    if title != default_title:
        target["tieu_de"] = title
    target["noi"] = places
    return target


def _target_key(target: dict[str, Any]) -> tuple[str, object]:
    """What the document writer groups place targets by (ntm.present's muc_tieu_dia_ban)."""
    return ("tieu_de", target["tieu_de"]) if target.get("tieu_de") else ("noi", tuple(target["noi"]))


def _orig(stripped: list[str]) -> list[str]:
    out = []
    for s in stripped:
        mt = re.match(r"^Xây dựng (?P<noi>.+?) đạt chuẩn", s)
        out.append(mt["noi"] if mt else "")
    return out


def _chi_tieu_groups(m: _Map, groups: list[Muc], path: YamlPath) -> dict[str, Any] | None:
    out: dict[str, Any] = {}
    stage = 0  # 0: the set's group may come; 1: thôn kiểu mẫu; 2: place targets; 3: others
    for _n, group in enumerate(groups):
        lines = _lines(group)
        if lines is None:
            return None
        title = group.tieu_de
        if stage == 0 and (khoa(title).startswith("bộ tiêu chí") or any(_DAT_CHUAN.match(x) for x in lines)):
            entry: dict[str, Any] = {}
            rest = list(lines)
            # The writer's own items end with ";", the list's last with "." (ntm.present's generated_list).
            if rest and (dm := _DAT_CHUAN.match(rest[0])) and dm["cuoi"] == _final(0, lines):
                entry["dat_chuan"] = dm["so"]
                rest.pop(0)
            entry = {"tieu_de": title, **entry}
            if rest:
                entry["noi_dung_khac"] = [line[2:] for line in rest]
            for k, line in enumerate(rest):
                if _unmet_figures(m, line) and k == 0:
                    end = _final(len(lines) - len(rest), lines)
                    if line.endswith(end):  # else the writer would end it otherwise: kept verbatim
                        m.unmet.append((("chi_tieu", "bo_tieu_chi", "noi_dung_khac", 0), line[: -1] + "."))
            if m.set_title is not None and m.set_title != title:
                return None
            m.set_title = title
            out["bo_tieu_chi"] = entry
            stage = 1
            continue
        if stage <= 1:
            places = [re.match(r"^- Xây dựng (?P<noi>.+) đạt thôn NTM kiểu mẫu$", x.rstrip(";.")) for x in lines]
            if places and all(places) and ket_cau([x[2:] for x in lines]) == [x[2:] for x in lines]:
                names = [p["noi"] for p in places if p]
                thon = [x[5:] if x.startswith("thôn ") else x for x in names]
                if all(_thon(t) == orig for t, orig in zip(thon, names, strict=True)):
                    out["thon_kieu_mau"] = {"tieu_de": title, "thon": thon}
                    stage = 2
                    continue
        if stage <= 2:
            target = _place_target(title, lines)
            # The writer prints targets with one title, or with none and the same places, under one
            # heading: two such headings in the document are not two targets.
            if target is not None and _target_key(target) not in map(_target_key, out.get("dia_ban", [])):
                out.setdefault("dia_ban", []).append(target)
                stage = 2
                continue
        out.setdefault("khac", []).append({"tieu_de": title, "noi_dung": [line[2:] for line in lines]})
        stage = 3
    return out


def _final(k: int, lines: list[str]) -> str:
    """The mark the document writer ends the k-th generated item of `lines` with."""
    return "." if k == len(lines) - 1 else ";"


def _thon(name: str) -> str:
    first = name.split(" ", 1)[0].lower()
    if first == "tdp":
        return name
    return ten_noi(name, "thôn")


def _unmet_figures(m: _Map, line: str) -> bool:
    """The unmet-criteria sentence, kept verbatim: its figures go to the indicators' state.
    True when `line` is that sentence."""
    um = _UNMET.match(line)
    if um is None or m.bo is None:
        return False
    for item in _UNMET_ITEM.finditer(um["rest"]):
        tc = _criterion_by_name(m.bo, item["ten"].strip())
        if tc is None:
            continue
        detail = item["chi_tiet"]
        flags = named_flags(detail, tc)
        if flags is not None:
            detail = flags[0]
        parts = [p.strip() for p in detail.split(";") if p.strip()]
        found = []
        for part in parts:
            found.extend(figures(part, tc))
        if not found and parts:
            found = yes_no(parts, tc)
        if flags is not None:
            found.extend(flags[1])
        for figure in found:
            entry = m.criteria.setdefault(tc.ma, {})
            state = entry.setdefault("hien_trang", {})
            if figure.chi_tieu.ma in state:
                continue
            value: Any = int(figure.gia_tri) if figure.gia_tri.isdigit() else figure.gia_tri
            if figure.gia_tri == "không" and figure.ly_do != NAMED_FLAG:  # the note prints as the document's
                value = {"gia_tri": "không", "ghi_chu": figure.nguon}
            elif figure.yeu_cau is not None:
                required = int(figure.yeu_cau) if figure.yeu_cau.isdigit() else figure.yeu_cau
                value = {"gia_tri": value, "yeu_cau": required}
            state[figure.chi_tieu.ma] = value
            m.guess(("tieu_chi", tc.ma, "hien_trang", figure.chi_tieu.ma), figure.nguon, figure.ly_do)
    return True


def _find_unmet(m: _Map, content: list[Any], path: YamlPath) -> None:
    """The unmet-criteria sentence anywhere in free content: a paragraph, or a list of that one line."""
    for k, block in enumerate(content):
        line = block if isinstance(block, str) else None
        if isinstance(block, dict) and len(block.get("danh_sach") or []) == 1 and "kieu" not in block \
                and isinstance(block["danh_sach"][0], str):
            line = f"- {block['danh_sach'][0]}"
        if isinstance(block, dict) and block.get("muc") is not None:
            _find_unmet(m, block.get("noi_dung") or [], (*path, k, "noi_dung"))
        elif line is not None and _unmet_figures(m, line):
            m.unmet.append(((*path, k), line))


def _stated_figures(m: _Map) -> None:
    """Figures the body states in passing ("tỷ lệ lao động qua đào tạo đạt 68,5%"), for
    indicators the unmet-criteria sentence did not give."""
    if m.bo is None:
        return
    bo = m.bo

    def walk(nodes: list[Any]) -> None:
        for node in nodes:
            if isinstance(node, Muc):
                walk(node.con)
            elif isinstance(node, Doan) and not _UNMET.match(plain_text(node)):
                for clause in re.split(r"[;\n]", plain_text(node)):
                    for tc, figure in stated(clause, bo):
                        state = m.criteria.setdefault(tc.ma, {}).setdefault("hien_trang", {})
                        if figure.chi_tieu.ma not in state:
                            state[figure.chi_tieu.ma] = figure.gia_tri
                            m.guess(("tieu_chi", tc.ma, "hien_trang", figure.chi_tieu.ma), figure.nguon, figure.ly_do)

    walk(list(m.v.phan))


def _criterion_by_name(bo: BoTieuChi, name: str) -> TieuChi | None:
    found = criterion_named(f"Tiêu chí {name}", bo)
    return found.tieu_chi if found else None


def _muc_tieu(m: _Map, section: Muc) -> tuple[dict[str, Any], str] | None:
    """MỤC TIÊU VÀ CHỈ TIÊU: "1. Mục tiêu" paragraphs, "2. Chỉ tiêu" with its groups (or the
    groups alone as the section's clauses)."""
    out: dict[str, Any] = {}
    nodes = [n for n in section.con if not (isinstance(n, Doan) and n.trong)]
    if not nodes or not all(isinstance(n, Muc) for n in nodes):
        return None
    heads: list[Muc] = nodes  # type: ignore[assignment]
    muc_tieu = None
    if heads and heads[0].tieu_de == "Mục tiêu" and heads[0].so in ("1", ""):
        texts = _paragraphs(heads[0].con)
        if not texts:
            return None
        muc_tieu = texts
        heads = heads[1:]
    if muc_tieu is not None:
        if not heads:
            return {"muc_tieu": muc_tieu}, "MỤC TIÊU"
        if len(heads) != 1 or heads[0].tieu_de != "Chỉ tiêu" or heads[0].so != "2":
            return None
        inner = [g for g in heads[0].con if not (isinstance(g, Doan) and g.trong)]
        if not inner or not all(isinstance(g, Muc) for g in inner):
            return None
        groups = [g for g in inner if isinstance(g, Muc)]
    else:
        groups = heads
    for n, g in enumerate(groups, start=1):
        assert isinstance(g, Muc)
        expected = f"2.{n}" if muc_tieu is not None else str(n)
        if g.so != expected:
            return None
    saved = m.set_title
    chi_tieu = _chi_tieu_groups(m, groups, ("chi_tieu",))
    if chi_tieu is None:
        m.set_title = saved
        return None
    if muc_tieu is not None:
        out["muc_tieu"] = muc_tieu
    out["chi_tieu"] = chi_tieu
    names = [name for name, present in (("MỤC TIÊU", muc_tieu), ("CHỈ TIÊU", groups)) if present]
    return out, " VÀ ".join(names)


def _criterion_lines(nodes: list[Any]) -> dict[str, Any] | None:
    texts = _paragraphs(nodes)
    if not texts:
        return None
    entry: dict[str, Any] = {}
    current: str | None = None
    for text in texts:
        nv = _NHIEM_VU.match(text)
        gp = _GIAI_PHAP.match(text)
        if nv and not entry:
            entry["nhiem_vu"] = [nv["chu"].strip()]
            current = "nhiem_vu"
        elif gp and "giai_phap" not in entry and "ghi_chu" not in entry:
            label = gp["nhan"].strip()
            if label != "Giải pháp":
                entry["nhan_giai_phap"] = label
            entry["giai_phap"] = [gp["chu"].strip()]
            current = "giai_phap"
        elif text.startswith(("- ", "– ")):
            entry.setdefault("ghi_chu", []).append(text[2:].strip())
            current = "ghi_chu"
        elif current in ("nhiem_vu", "giai_phap"):
            entry[current].append(text)
        else:
            return None
    return {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in entry.items()}


def _nhiem_vu_giai_phap(m: _Map, section: Muc) -> bool:
    if m.bo is None:
        return False
    nodes = [n for n in section.con if not (isinstance(n, Doan) and n.trong)]
    if len(nodes) != 1 or not isinstance(nodes[0], Muc) or nodes[0].so != "1":
        return False
    set_node = nodes[0]
    if m.set_title is not None and m.set_title != set_node.tieu_de:
        return False
    found: dict[str, tuple[Muc, Any, dict[str, Any]]] = {}
    for n, node in enumerate(set_node.con, start=1):
        if not isinstance(node, Muc) or node.so != f"1.{n}":
            return False
        named = criterion_named(node.tieu_de, m.bo)
        if named is None or named.tieu_chi.ma in found:
            return False
        lines = _criterion_lines(node.con)
        if lines is None:
            return False
        found[named.tieu_chi.ma] = (node, named, lines)
    if not found:
        return False
    m.set_title = set_node.tieu_de
    for ma, (node, named, lines) in found.items():
        entry = m.criteria.setdefault(ma, {})
        entry.update(lines)
        if not named.chinh_xac:
            m.guess(("tieu_chi", ma), node.tieu_de, f"tiêu chí {named.tieu_chi.so} {named.tieu_chi.ten}: {named.cach}")
    order = [tc.ma for tc in m.bo.tieu_chi]
    if list(found) != [ma for ma in order if ma in found]:
        m.notices.append(("NH009", "thu_tu_tieu_chi", ""))
    return True


def _kinh_phi(m: _Map, section: Muc) -> dict[str, Any] | None:
    texts = _paragraphs(section.con)
    if not texts:
        return None
    out: dict[str, Any] = {}
    rest = list(texts)
    tm = re.match(r"^Tổng kinh phí: (?P<so>[\d.]+) đồng\.$", rest[0]) if rest else None
    if tm:
        amount = so_viet(tm["so"])
        if amount is not None and len(rest) > 1 and rest[1] == f"Bằng chữ: {bang_chu(int(amount))}.":
            out["tong"] = int(amount)
            rest = rest[2:]
    sources = []
    # The sources are the writer's list: each item ends with ";", the last with "." (ket_cau); the
    # longest run of "- " lines so ended, for a "- " paragraph of the plan's own may follow them.
    run = 0
    while run < len(rest) and rest[run].startswith("- "):
        run += 1
    while run and ket_cau([line[2:].rstrip(" ;.,") for line in rest[:run]]) != [line[2:] for line in rest[:run]]:
        run -= 1
    for line in rest[:run]:
        body = line[2:-1] if line.endswith((";", ".")) else line[2:]
        sm = re.match(r"^(?P<ten>.+?): (?P<so>[\d.]+) đồng$", body)
        amount = so_viet(sm["so"]) if sm else None
        if sm and amount is not None:
            sources.append({"ten": sm["ten"], "so_tien": int(amount)})
        else:
            sources.append({"ten": body})
    rest = rest[run:]
    if sources:
        out["nguon"] = sources
    if rest:
        out["noi_dung"] = rest if len(rest) > 1 else rest[0]
    if "tong" not in out:
        _amount_guess(m, texts, ("kinh_phi",))
    return out


def _amount_guess(m: _Map, texts: list[str], path: YamlPath) -> None:
    """An amount the funding section states in words: said in a comment, not put in kinh_phi.tong
    (the document would then print "Tổng kinh phí: …" besides the office's own sentence)."""
    amounts = [a for text in texts for a in so_tien(text)]
    if amounts:
        shown = f"{amounts[0][0]:,}".replace(",", ".")
        m.guess(path, amounts[0][1], f"tổng kinh phí {shown} đồng? chưa ghi vào kinh_phi.tong để văn bản giữ "
                                     "nguyên câu chữ")


def _to_chuc(section: Muc) -> list[dict[str, Any]] | None:
    out = []
    for n, node in enumerate(section.con, start=1):
        if isinstance(node, Doan) and node.trong:
            continue
        if not isinstance(node, Muc) or node.so != str(n):
            return None
        texts = _paragraphs(node.con)
        if texts is None:
            return None
        title = node.tieu_de
        base = title.rstrip(":").strip()
        entry: dict[str, Any] = {}
        if base.startswith("Đối với "):
            entry["co_quan"] = base.removeprefix("Đối với ")
        else:
            entry["co_quan"] = base
            entry["tieu_de"] = title
        entry["noi_dung"] = texts if len(texts) != 1 else texts[0]
        out.append(entry)
    return out or None


# ----------------------------------------------------------------------------- sections


def _slug(title: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", bo_dau(khoa(title)).lower()).strip("_")[:40].strip("_") or "phan"
    if base[0].isdigit():
        base = f"phan_{base}"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}_{n}"
        n += 1
    taken.add(slug)
    return slug


def _sections(m: _Map, data: dict[str, Any]) -> None:
    layout: list[Any] = []
    extra: list[dict[str, Any]] = []
    used: set[str] = set()
    taken: set[str] = set(TIEU_DE_PHAN_CO_SAN) | {"muc_tieu"}
    for section in m.v.phan:
        kind = _kind(section)
        placed: str | None = None
        default_title: str | None = None
        if kind and kind not in used:
            if kind == "muc_dich_yeu_cau":
                value = _muc_dich_yeu_cau(section)
                if value is not None:
                    data["muc_dich_yeu_cau"] = value
                    placed = kind
            elif kind == "muc_tieu":
                result = _muc_tieu(m, section)
                if result is not None:
                    values, default_title = result
                    data.update(values)
                    placed = kind
            elif kind == "nhiem_vu_giai_phap":
                if _nhiem_vu_giai_phap(m, section):
                    placed = kind
            elif kind == "thoi_gian_thuc_hien":
                texts = _paragraphs(section.con)
                if texts:
                    data["thoi_gian_thuc_hien"] = texts if len(texts) > 1 else texts[0]
                    placed = kind
            elif kind == "kinh_phi":
                value = _kinh_phi(m, section)
                if value is not None:
                    data["kinh_phi"] = value
                    placed = kind
            elif kind == "to_chuc_thuc_hien":
                items = _to_chuc(section)
                if items is not None:
                    data["to_chuc_thuc_hien"] = items
                    placed = kind
        if placed is not None:
            used.add(placed)
            title = default_title if placed == "muc_tieu" else TIEU_DE_PHAN_CO_SAN[placed]
            layout.append(placed if section.tieu_de == title else {"phan": placed, "tieu_de": section.tieu_de})
            continue
        slug = _slug(section.tieu_de, taken)
        index = len(extra)
        content = convert(section.con, ("phan_bo_sung", index, "noi_dung"), m.nd)
        if kind == "kinh_phi":
            _amount_guess(m, [plain_text(b) for b in section.con if isinstance(b, Doan)], ("phan_bo_sung", index))
        _find_unmet(m, content, ("phan_bo_sung", index, "noi_dung"))
        entry: dict[str, Any] = {"ma": slug, "tieu_de": section.tieu_de}
        if content:
            entry["noi_dung"] = content
        else:
            m.notices.append(("NH009", "muc_trong", section.tieu_de))
        extra.append(entry)
        layout.append(slug)
    if "chi_tieu" in data:
        data["chi_tieu"] = data["chi_tieu"]
    if layout:
        data["bo_cuc"] = layout
    if extra:
        data["phan_bo_sung"] = extra


def _annexes(m: _Map, data: dict[str, Any]) -> None:
    out = []
    head = m.v.phan_dau
    for n, annex in enumerate(m.v.phu_luc):
        entry: dict[str, Any] = {"tieu_de": annex.tieu_de or CHO_DIEN.format("tên phụ lục")}
        texts: list[str] = []
        table: dict[str, Any] | None = None
        generated = None
        if head.so_hieu and head.ngay:
            number = head.so_hieu.strip().removeprefix("Số").strip(" :")
            kind = (m.v.ten_loai or "KẾ HOẠCH").capitalize()
            generated = f"(Kèm theo {kind} số {number} {ngay_van_ban(head.ngay)})"
        if annex.kem_theo and annex.kem_theo != generated:
            texts.append(annex.kem_theo)
        blocks = list(annex.khoi)
        pending: dict[str, Any] = {}
        k = 0
        while k < len(blocks):
            block = blocks[k]
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if isinstance(block, Bang) and table is None:
                spec, after = table_spec(block, nxt, ("phu_luc", n, "bang"), m.nd)
                table = {**pending, **spec}
                k += 2 if after else 1
                continue
            if isinstance(block, Bang):
                texts.extend(" | ".join(o.chu for o in row) for row in block.hang)
                m.notices.append(("NH009", "phu_luc_nhieu_bang", annex.tieu_de))
            elif isinstance(block, Doan) and not block.trong:
                text = plain_text(block)
                unit = re.match(r"^Đơn vị tính\s*:\s*(?P<dv>.+)$", text)
                if unit and isinstance(nxt, Bang) and table is None:
                    pending["don_vi"] = unit["dv"].strip()
                else:
                    texts.append(text)
            k += 1
        if texts:
            entry["doan"] = texts if len(texts) > 1 else texts[0]
        if table is not None:
            entry["bang"] = table
        out.append(entry)
    for block in m.v.sau_cung:
        if isinstance(block, Doan) and not block.trong:
            m.notices.append(("NH008", "sau_chu_ky", block.chu))
        elif isinstance(block, Bang):
            m.notices.append(("NH008", "bang_sau_chu_ky", ""))
    if out:
        data["phu_luc"] = out


def build_plan(v: VanBanNhap, doc: TaiLieu, options: TuyChon, sets: dict[str, BoTieuChi]) -> KetQuaAnhXa:
    """Plan data (plain dicts, lists, strings, numbers in the key order of docs/plan-format.md)."""
    m = _Map(v, doc, options, sets)
    title = " ".join(x for x in (v.ten_loai, v.trich_yeu) if x)
    year = _year(m, title)
    _choose_set(m, year, title)
    data: dict[str, Any] = {"phien_ban": 1}
    data["van_ban"] = _van_ban(m, year)
    data["dia_ban"] = _dia_ban(m)
    data["nam"] = year if year is not None else CHO_DIEN.format("năm")
    data["bo_tieu_chi"] = m.options.bo_tieu_chi or CHO_DIEN.format("mã bộ tiêu chí")
    body: dict[str, Any] = {}
    _sections(m, body)
    _stated_figures(m)
    _annexes(m, body)
    m.guesses.extend(m.nd.du_doan)
    if m.criteria and m.bo is not None:
        order = [tc.ma for tc in m.bo.tieu_chi]
        body["tieu_chi"] = {ma: m.criteria[ma] for ma in order if ma in m.criteria}
    if m.set_title is not None and "chi_tieu" not in body:
        body["chi_tieu"] = {"bo_tieu_chi": {"tieu_de": m.set_title}}
    for key in ("bo_cuc", "muc_dich_yeu_cau", "muc_tieu", "chi_tieu", "tieu_chi", "thoi_gian_thuc_hien", "kinh_phi",
                "to_chuc_thuc_hien", "phan_bo_sung", "phu_luc"):
        if key in body:
            data[key] = body[key]
    for block in doc.dau_trang:
        if isinstance(block, Doan) and not v.phan_dau.co_quan_ban_hanh:
            continue
        text = block.chu if isinstance(block, Doan) else " | ".join(o.chu for row in block.hang for o in row)
        if text.strip():
            m.notices.append(("NH008", "dau_trang", text))
    for block in doc.chan_trang:
        text = block.chu if isinstance(block, Doan) else " | ".join(o.chu for row in block.hang for o in row)
        if text.strip():
            m.notices.append(("NH008", "chan_trang", text))
    for line in v.phan_dau.khac:
        m.notices.append(("NH008", "phan_dau", line))
    if v.phan_dau.du_thao:
        m.notices.append(("NH008", "du_thao", v.phan_dau.du_thao))
    for title_text in v.tieu_de_dam:
        m.notices.append(("NH009", "tieu_de_dam", title_text))
    return KetQuaAnhXa(data, m.guesses, m.notices, m.bo, m.unmet)


def generated(data: dict[str, Any], at: YamlPath) -> dict[str, Any]:
    """A copy of `data` where the verbatim unmet-criteria sentence at `at` is the writer's own
    again: the block becomes `{tieu_chi_chua_dat: true}`, or the first `noi_dung_khac` line
    gives way to `chi_tieu.bo_tieu_chi.tieu_chi_chua_dat: true`."""
    import copy

    out = copy.deepcopy(data)
    if at[0] == "chi_tieu":
        entry = out["chi_tieu"]["bo_tieu_chi"]
        rest = entry.pop("noi_dung_khac")[1:]
        rebuilt = {"tieu_de": entry.pop("tieu_de")} if "tieu_de" in entry else {}
        rebuilt["tieu_chi_chua_dat"] = True
        rebuilt.update(entry)
        if rest:
            rebuilt["noi_dung_khac"] = rest
        out["chi_tieu"]["bo_tieu_chi"] = rebuilt
    else:
        holder: Any = out
        for part in at[:-1]:
            holder = holder[part]
        holder[at[-1]] = {"tieu_chi_chua_dat": True}
    return out


__all__ = ["CHO_DIEN", "KetQuaAnhXa", "TuyChon", "build_plan", "period"]

