"""`ntm criteria`: a set's criteria with the thresholds that apply there and then."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from ntm.catalog import BoTieuChi, ChiTieuDayDu, LoaiChiTieu
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
    counts = dict.fromkeys(("co_khong", "co_muc_so", "tuong_doi", "chua_ro", "ap_dung_duoc", "chua_ap_dung_duoc"), 0)
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
                "ghi_chu": spec.ghi_chu,
                "cac_muc": [_entry_text(ct, i) for i in range(len(ct.nguong))],
            }
            kind = _kind_of(ct)
            counts[kind] += 1
            if resolve:
                unit = spec.don_vi.value if spec.don_vi else None
                req, why = yeu_cau(bo, ct, ctx)
                if req is not None:
                    item["yeu_cau"] = wording.yeu_cau(req, unit)
                    item["nguon"] = wording.nguon_yeu_cau(req)
                    counts["ap_dung_duoc"] += 1
                else:
                    item["yeu_cau"] = None
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
                "do_tin_cay": tc.do_tin_cay.value,
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
            # for the region/group/year asked (only when one was given)
            "ap_dung_duoc": counts["ap_dung_duoc"] if resolve else None,
            "chua_ap_dung_duoc": counts["chua_ap_dung_duoc"] if resolve else None,
        },
    }


def _vn_date(iso: str) -> str:
    return ngay_ngan(date.fromisoformat(iso))


def print_criteria(view: dict[str, Any], fmt: str, out: Ra, color: bool) -> None:
    if fmt == "json":
        out.write(json.dumps(view, ensure_ascii=False, indent=2) + "\n")
        return
    c = view["can_cu"]
    lines = [
        f"{view['ten']} ({view['ma']})",
        f"Căn cứ: {c['so_hieu']} ngày {_vn_date(c['ngay_ban_hanh'])}"
        + (f", Phụ lục {c['phu_luc']}" if c["phu_luc"] else "")
        + (f"; hiệu lực từ {_vn_date(c['ngay_hieu_luc'])}" if c["ngay_hieu_luc"] else ""),
    ]
    if view["ke_thua"]:
        lines.append("Kế thừa: " + " → ".join(view["ke_thua"]))
    where = []
    if view["vung"]:
        where.append(f"vùng {view['ten_vung'] or view['vung']} ({view['vung']})")
    if view["nhom_xa"]:
        where.append(f"nhóm xã {view['nhom_xa']}")
    if view["nam"]:
        where.append(f"năm {view['nam']}")
    lines.append("Áp dụng cho: " + (", ".join(where) if where else "mọi vùng/nhóm (chưa chọn --vung/--nhom-xa)"))
    if view["quy_tac_vung"]:
        lines.append(f"Quy tắc: {view['quy_tac_vung']}")
    for tc in view["tieu_chi"]:
        lines.append("")
        lines.append(f"{tc['so']}. {tc['ten']}" + ("" if tc["chi_tieu_day_du"] else "  [danh sách chỉ tiêu chưa đầy đủ]"))
        if not tc["chi_tieu"]:
            lines.append("    (chưa có nội dung chỉ tiêu: văn bản gốc chưa được đối chiếu)")
        for ct in tc["chi_tieu"]:
            unit = f" ({ct['don_vi']})" if ct["don_vi"] else ""
            lines.append(f"    {ct['so']} {ct['noi_dung']}{unit}")
            if "yeu_cau" in ct:
                lines.append(f"        yêu cầu: {ct['yeu_cau'] or 'CHƯA RÕ'} — {ct['nguon']}")
            elif ct["loai"] == "dat":
                lines.append("        yêu cầu: đạt")
            else:
                entries = ct["cac_muc"]
                if not entries:
                    lines.append("        yêu cầu: CHƯA RÕ")
                for e in entries:
                    lines.append(f"        {e['ap_dung']}: {e['muc'] if e['muc'] != 'chưa rõ' else 'CHƯA RÕ'} [{e['do_tin_cay']}]")
    t = view["tong_hop"]
    lines.append("")
    lines.append(
        f"{t['so_tieu_chi']} tiêu chí, {t['so_chi_tieu']} chỉ tiêu đã mã hóa"
        + (f" (văn bản có {t['so_chi_tieu_theo_van_ban']})" if t["so_chi_tieu_theo_van_ban"] else "")
        + f": {t['co_khong']} chỉ tiêu có/không, {t['co_muc_so']} có mức số có nguồn (ít nhất một vùng/nhóm), "
        + (f"{t['tuong_doi']} mức tính theo bộ khác, " if t["tuong_doi"] else "")
        + f"{t['chua_ro']} chưa rõ mức."
    )
    if t["ap_dung_duoc"] is not None:
        lines.append(f"Tại nơi và năm đã chọn: {t['ap_dung_duoc']} chỉ tiêu có mức áp dụng, {t['chua_ap_dung_duoc']} CHƯA RÕ.")
    for note in view["ghi_chu"]:
        lines.append(f"Ghi chú: {note}")
    out.write("\n".join(lines) + "\n")
