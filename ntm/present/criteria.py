"""`ntm criteria`: a set's criteria with the thresholds that apply there and then."""

from __future__ import annotations

import json
import textwrap
from datetime import date
from typing import Any

from ntm.catalog import BoTieuChi, ChiTieuDayDu, DoTinCay, LoaiChiTieu, XacNhan
from ntm.catalog.thresholds import BoiCanh, assessment_date, yeu_cau
from ntm.present import wording
from ntm.present.numbers import ngay_ngan, so
from ntm.present.output import Ra


def _entry_text(ct: ChiTieuDayDu, index: int) -> dict[str, Any]:
    entry = ct.nguong[index]
    n = entry.nguong
    unit = ct.chi_tieu.don_vi.value if ct.chi_tieu.don_vi else None
    scope = []
    if n.chung:
        scope.append("chỉ tiêu chung")
    if n.vung:
        scope.append(", ".join(n.vung))
    if n.nhom_xa:
        scope.append("nhóm " + ", ".join(str(g) for g in n.nhom_xa))
    if n.nam is not None:
        scope.append(f"năm {n.nam}")
    else:
        if n.tu_ngay is not None:
            scope.append(f"từ {ngay_ngan(n.tu_ngay)}")
        if n.den_ngay is not None:
            scope.append(f"đến {ngay_ngan(n.den_ngay)}")
    value: str
    rule = entry.suy_ra
    if n.so is not None:
        value = wording.muc(ct.chi_tieu.loai, n.so, unit)
        if rule is not None:
            value += f" (= {so(rule.he_so)} × mức {rule.chi_tieu} của {rule.bo_tieu_chi})"
    elif rule is not None:
        value = f"≥ {so(rule.he_so)} × mức {rule.chi_tieu} của {rule.bo_tieu_chi}"
    elif n.gia_tri is not None and n.gia_tri.co is not None:  # a yes/no level: "Đạt" / "Không"
        value = "đạt" if n.gia_tri.co else "không"
    elif n.mo_ta:
        value = n.mo_ta
    else:
        value = "chưa rõ"
    return {
        "ap_dung": "; ".join(scope) or "mọi nơi",
        "muc": value,
        "do_tin_cay": n.do_tin_cay.value,
        "nguon": n.nguon,
        "can_cu": entry.can_cu.trich_dan,
        "ghi_chu": n.ghi_chu,
    }


def _fact(fact: XacNhan | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    return {"do_tin_cay": fact.do_tin_cay.value, "ghi_chu": fact.ghi_chu, "nguon": fact.nguon}


def _kind_of(ct: ChiTieuDayDu) -> str:
    if ct.chi_tieu.loai is LoaiChiTieu.dat:
        return "co_khong"
    entries = [e for e in ct.nguong if not e.nguong.chung]
    if any(e.suy_ra is not None for e in entries):
        return "tuong_doi"
    if any(e.nguong.so is not None or e.nguong.mo_ta for e in entries):
        return "co_muc_so"
    return "chua_ro"


def criteria_view(
    bo: BoTieuChi, *, vung: str | None, nhom_xa: int | None, nam: int | None, dac_biet_kho_khan: bool
) -> dict[str, Any]:
    rule_text = None
    if dac_biet_kho_khan and bo.quy_tac_vung:
        rule = bo.quy_tac_vung[0]
        vung, rule_text = rule.dung_vung, rule.noi_dung
    resolve = vung is not None or nhom_xa is not None or bo.truc == "khong"
    ctx = BoiCanh(ngay=assessment_date(nam) if nam is not None else None, vung=vung, nhom_xa=nhom_xa)
    criteria = []
    counts = dict.fromkeys(("co_khong", "co_muc_so", "tuong_doi", "chua_ro", "ap_dung_duoc", "chua_ap_dung_duoc",
                            "so_tam", "vi_tri_suy_luan"), 0)
    for tc in bo.tieu_chi:
        indicators = []
        for ct in bo.chi_tieu[tc.ma].values():
            spec = ct.chi_tieu
            item: dict[str, Any] = {
                "so": spec.so,
                "ma": spec.ma,
                "noi_dung": spec.noi_dung,
                "don_vi": spec.don_vi.value if spec.don_vi else None,
                "loai": spec.loai.value,
                "do_tin_cay_noi_dung": spec.do_tin_cay.value,
                "nguon_noi_dung": spec.nguon,
                "xac_nhan_so": _fact(spec.xac_nhan_so),
                "xac_nhan_vi_tri": _fact(spec.xac_nhan_vi_tri),
                "ghi_chu": spec.ghi_chu,
                "cac_muc": [_entry_text(ct, i) for i in range(len(ct.nguong))],
            }
            kind = _kind_of(ct)
            counts[kind] += 1
            counts["so_tam"] += _tentative(item["xac_nhan_so"])
            counts["vi_tri_suy_luan"] += _tentative(item["xac_nhan_vi_tri"])
            if resolve:
                unit = spec.don_vi.value if spec.don_vi else None
                req, why = yeu_cau(bo, ct, ctx)
                if req is not None:
                    item["yeu_cau"] = wording.yeu_cau(req, unit)
                    item["nguon"] = wording.nguon_yeu_cau(req)
                    item["url_yeu_cau"] = req.url
                    counts["ap_dung_duoc"] += 1
                else:
                    item["yeu_cau"] = None
                    item["url_yeu_cau"] = None
                    item["nguon"] = (why.trich_dan + ": " if why and why.trich_dan else "") + "mức chưa rõ"
                    if why and why.ghi_chu:
                        item["nguon"] += f" ({why.ghi_chu})"
                    if why and why.chung is not None:
                        item["nguon"] += (
                            f"; chỉ tiêu chung cả nước {wording.muc(spec.loai, why.chung, unit)}"
                            " (không thay cho mức của vùng)"
                        )
                    counts["chua_ap_dung_duoc"] += 1
            indicators.append(item)
        criteria.append(
            {
                "so": tc.so,
                "ma": tc.ma,
                "ten": tc.ten,
                "nhom": tc.nhom,
                "do_tin_cay": tc.do_tin_cay.value,
                "nguon": tc.nguon,
                "chi_tieu_day_du": tc.chi_tieu_day_du,
                "ghi_chu": tc.ghi_chu,
                "chi_tieu": indicators,
            }
        )
    return {
        "ma": bo.ma,
        "ten": bo.file.ten,
        "can_cu": {
            "so_hieu": bo.can_cu.so_hieu,
            "ten": bo.can_cu.ten,
            "co_quan": bo.can_cu.co_quan,
            "ngay_ban_hanh": bo.can_cu.ngay_ban_hanh.isoformat(),
            "ngay_hieu_luc": bo.can_cu.ngay_hieu_luc.isoformat() if bo.can_cu.ngay_hieu_luc else None,
            "phu_luc": bo.can_cu.phu_luc,
            "nguon": bo.can_cu.nguon,
        },
        "ke_thua": [f.ma for f in bo.chain[1:]],
        "truc": bo.truc,
        "vung": vung,
        "ten_vung": bo.cac_vung.get(vung) if vung else None,
        "nhom_xa": nhom_xa,
        "nam": nam,
        "quy_tac_vung": rule_text,
        "ghi_chu": [n for f in bo.chain for n in f.ghi_chu],
        "tieu_chi": criteria,
        "tong_hop": {
            "so_tieu_chi": len(criteria),
            "so_chi_tieu": counts["co_khong"] + counts["co_muc_so"] + counts["tuong_doi"] + counts["chua_ro"],
            "so_chi_tieu_theo_van_ban": bo.file.so_chi_tieu,
            # over the whole set: yes/no, numeric with a sourced value for at least one
            # region/group, relative to another set, and unknown everywhere
            "co_khong": counts["co_khong"],
            "co_muc_so": counts["co_muc_so"],
            "tuong_doi": counts["tuong_doi"],
            "chua_ro": counts["chua_ro"],
            # indicators whose official number, or whose criterion, is not settled by a source
            "so_tam": counts["so_tam"],
            "vi_tri_suy_luan": counts["vi_tri_suy_luan"],
            # for the region/group/year asked (only when one was given)
            "ap_dung_duoc": counts["ap_dung_duoc"] if resolve else None,
            "chua_ap_dung_duoc": counts["chua_ap_dung_duoc"] if resolve else None,
        },
    }


def _vn_date(iso: str) -> str:
    return ngay_ngan(date.fromisoformat(iso))


# The listing's layout: a criterion's number right-aligned in its column, each indicator's
# number in a column as wide as the set's longest, then its code; every other line of the
# indicator starts at the code's column. Text wraps at `width` with that hanging indent;
# codes, numbers and addresses are never broken.
_INDENT = 4
_GAP = 2
_MAX_NUMBER_WIDTH = 6  # a longer number ("17.1 (trong đó)") stands on its own line
DEFAULT_WIDTH = 100  # piped output: a width any pager, editor or e-mail shows whole
MIN_WIDTH, MAX_WIDTH = 40, 200

LEGEND_CODES = "Mã tiêu chí, mã chỉ tiêu: khóa trong tệp kế hoạch (tieu_chi → mã tiêu chí → hien_trang → mã chỉ tiêu)."
LEGEND_CONFIDENCE = "Độ tin cậy: V văn bản gốc; S nguồn thứ cấp; I suy luận; R nhớ lại, chưa đối chiếu; U chưa rõ."
TENTATIVE_NUMBER = wording.TENTATIVE_NUMBER
INFERRED_PLACEMENT = wording.INFERRED_PLACEMENT


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    lines = textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                          break_long_words=False, break_on_hyphens=False)
    return lines or [first.rstrip()]


def _confirmation(kind: str, fact: dict[str, Any] | None) -> str | None:
    if fact is None:
        return None
    text = f"{kind}: {wording.DO_TIN_CAY[DoTinCay(fact['do_tin_cay'])]} [{fact['do_tin_cay']}]"
    if fact["ghi_chu"]:
        text += f" — {fact['ghi_chu']}"
    if fact["nguon"]:
        text += f" (nguồn: {fact['nguon']})"
    return text


def _tentative(fact: dict[str, Any] | None) -> bool:
    """A number or a placement the catalog chose itself (inferred or unknown), marked on the code's line."""
    return fact is not None and DoTinCay(fact["do_tin_cay"]) in wording.TAM


def _indicator_lines(tc: dict[str, Any], ct: dict[str, Any], number_width: int, width: int) -> list[str]:
    body = " " * (_INDENT + number_width + _GAP)
    marks = []
    if _tentative(ct["xac_nhan_so"]):
        marks.append(TENTATIVE_NUMBER)
    if _tentative(ct["xac_nhan_vi_tri"]):
        marks.append(INFERRED_PLACEMENT)
    mark = f"({'; '.join(marks)})" if marks else ""
    if len(ct["so"]) > number_width:
        lines = [" " * _INDENT + ct["so"], body + ct["ma"]]
    else:
        lines = [" " * _INDENT + f"{ct['so']:<{number_width}}" + " " * _GAP + ct["ma"]]
    if mark and len(lines[-1]) + 2 + len(mark) <= width:
        lines[-1] += "  " + mark
    elif mark:  # a long code: the mark goes under it
        lines.append(body + mark)
    unit = f" ({ct['don_vi']})" if ct["don_vi"] else ""
    lines += _wrap(ct["noi_dung"] + unit, width, body, body)
    number = _confirmation(f"số thứ tự {ct['so']}", ct["xac_nhan_so"])
    if number:
        lines += _wrap(number, width, body, body + "  ")
    placement = _confirmation(f"thuộc tiêu chí {tc['so']}", ct["xac_nhan_vi_tri"])
    if placement:
        lines += _wrap(placement, width, body, body + "  ")
    if "yeu_cau" in ct:
        lines += _wrap(f"yêu cầu: {ct['yeu_cau'] or 'CHƯA RÕ'} — {ct['nguon']}", width, body, body + "  ")
        level_sources = [ct["url_yeu_cau"]] if ct["yeu_cau"] else []
    elif ct["loai"] == "dat":
        lines.append(body + "yêu cầu: đạt")
        level_sources = [e["nguon"] for e in ct["cac_muc"]]
    else:
        entries = ct["cac_muc"]
        if not entries:
            lines.append(body + "yêu cầu: CHƯA RÕ")
        for e in entries:
            shown = e["muc"] if e["muc"] != "chưa rõ" else "CHƯA RÕ"
            lines += _wrap(f"{e['ap_dung']}: {shown} [{e['do_tin_cay']}]", width, body, body + "  ")
        level_sources = [e["nguon"] for e in entries if e["muc"] != "chưa rõ"]
    # Where the level and the wording come from, each address once.
    levels = list(dict.fromkeys(url for url in level_sources if url))
    if levels:
        lines += _wrap("nguồn của mức: " + "; ".join(levels), width, body, body + "  ")
    if ct["nguon_noi_dung"] and ct["nguon_noi_dung"] not in levels:
        lines += _wrap(f"nguồn của nội dung: {ct['nguon_noi_dung']}", width, body, body + "  ")
    return lines


def print_json(view: dict[str, Any], out: Ra, width: int = DEFAULT_WIDTH) -> None:
    """The listing as JSON (docs/json.md); `width` is the text listing's, unused here."""
    out.write(json.dumps(view, ensure_ascii=False, indent=2) + "\n")


def print_text(view: dict[str, Any], out: Ra, width: int = DEFAULT_WIDTH) -> None:
    """The listing for a reader, wrapped at `width` (kept between MIN_WIDTH and MAX_WIDTH)."""
    width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    c = view["can_cu"]
    lines = _wrap(f"{view['ten']} ({view['ma']})", width, "", "  ")
    lines += _wrap(
        f"Căn cứ: {c['so_hieu']} ngày {_vn_date(c['ngay_ban_hanh'])}"
        + (f", Phụ lục {c['phu_luc']}" if c["phu_luc"] else "")
        + (f"; hiệu lực từ {_vn_date(c['ngay_hieu_luc'])}" if c["ngay_hieu_luc"] else ""),
        width, "", "  ",
    )
    if view["ke_thua"]:
        lines += _wrap("Kế thừa: " + " → ".join(view["ke_thua"]), width, "", "  ")
    where = []
    if view["vung"]:
        where.append(f"vùng {view['ten_vung'] or view['vung']} ({view['vung']})")
    if view["nhom_xa"]:
        where.append(f"nhóm xã {view['nhom_xa']}")
    if view["nam"]:
        where.append(f"năm {view['nam']}")
    lines += _wrap("Áp dụng cho: " + (", ".join(where) if where else "mọi vùng/nhóm (chưa chọn --vung/--nhom-xa)"),
                   width, "", "  ")
    if view["quy_tac_vung"]:
        lines += _wrap(f"Quy tắc: {view['quy_tac_vung']}", width, "", "  ")
    lines += _wrap(LEGEND_CODES, width, "", "  ")
    lines += _wrap(LEGEND_CONFIDENCE, width, "", "  ")
    criterion_width = max((len(tc["so"]) for tc in view["tieu_chi"]), default=1)
    number_width = max((len(ct["so"]) for tc in view["tieu_chi"] for ct in tc["chi_tieu"]
                        if len(ct["so"]) <= _MAX_NUMBER_WIDTH), default=1)
    group = None
    for tc in view["tieu_chi"]:
        if tc["nhom"] and tc["nhom"] != group:
            group = tc["nhom"]
            lines.append("")
            lines += _wrap(f"Nhóm {group}", width, "", "  ")
        lines.append("")
        head = f"{tc['so']:>{criterion_width}}. "
        title = f"{tc['ten']} — mã: {tc['ma']}" + ("" if tc["chi_tieu_day_du"] else " (danh sách chỉ tiêu chưa đầy đủ)")
        lines += _wrap(title, width, head, " " * len(head))
        if not tc["chi_tieu"]:
            lines += _wrap("(chưa có nội dung chỉ tiêu: văn bản gốc chưa được đối chiếu)", width,
                           " " * _INDENT, " " * _INDENT)
        for ct in tc["chi_tieu"]:
            lines += _indicator_lines(tc, ct, number_width, width)
    t = view["tong_hop"]
    lines.append("")
    lines += _wrap(
        f"{t['so_tieu_chi']} tiêu chí, {t['so_chi_tieu']} chỉ tiêu đã mã hóa"
        + (f" (văn bản có {t['so_chi_tieu_theo_van_ban']})" if t["so_chi_tieu_theo_van_ban"] else "")
        + f": {t['co_khong']} chỉ tiêu có/không, {t['co_muc_so']} có mức số có nguồn (ít nhất một vùng/nhóm), "
        + (f"{t['tuong_doi']} mức tính theo bộ khác, " if t["tuong_doi"] else "")
        + f"{t['chua_ro']} chưa rõ mức.",
        width, "", "  ",
    )
    if t["so_tam"] or t["vi_tri_suy_luan"]:
        lines += _wrap(
            f"{t['so_tam']} chỉ tiêu mang số tạm (số thứ tự chính thức chưa rõ), "
            f"{t['vi_tri_suy_luan']} chỉ tiêu được xếp vào tiêu chí theo suy luận.",
            width, "", "  ",
        )
    if t["ap_dung_duoc"] is not None:
        lines += _wrap(f"Tại nơi và năm đã chọn: {t['ap_dung_duoc']} chỉ tiêu có mức áp dụng, "
                       f"{t['chua_ap_dung_duoc']} CHƯA RÕ.", width, "", "  ")
    for note in view["ghi_chu"]:
        lines += _wrap(f"Ghi chú: {note}", width, "", " " * len("Ghi chú: "))
    out.write("\n".join(lines) + "\n")
