"""`ntm init`: a new plan's skeleton as YAML text.

Every criterion and indicator of the set, in the set's order, with what an
officer needs beside each key as comments: the official number, the wording,
the unit, the level that applies to that region or group in that year and
where it comes from, or "chưa rõ mức" when the set has none. The figures are
left empty (`gia_tri:`, `muc_tieu:`) and the document's fields hold
placeholders that say what to write ("[ĐIỀN: …]"); nothing is invented: no
figure, no name, no date but a stand-in derived from the plan year.

The same arguments give the same bytes (no date of today, the set's order),
NFC, 2-space indents; the text validates as it is and `ntm check` assesses it
(tests/acceptance/test_init.py).
"""

from __future__ import annotations

import json
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date

import yaml

from ntm.catalog import BoTieuChi, ChiTieuDayDu, LoaiChiTieu
from ntm.catalog.thresholds import BoiCanh, assessment_date, yeu_cau
from ntm.plan.model import TEN_CAP, CapDiaBan, DiaBan
from ntm.present import wording
from ntm.present.ky_ke_hoach import ky, ten_dia_ban, uy_ban
from ntm.present.numbers import ngay_ngan, so

WIDTH = 100  # as the `ntm criteria` listing: what any editor shows whole
COMMENT_COLUMN_MAX = 40  # an end-of-line comment starts here at the latest


def dien(what: str) -> str:
    """A placeholder: valid where text is expected, and plainly not the real thing."""
    return f"[ĐIỀN: {what}]"


@dataclass(frozen=True)
class DauVaoKhung:
    """What the skeleton is made from: the set, and the answers the officer gave."""

    bo: BoTieuChi
    bo_tieu_chi: str  # as the plan names the set: a built-in id, or a path relative to the plan
    nam: int | None  # None: a multi-year plan (giai_doan)
    xa: str | None  # None: a district's or a province's plan (cap)
    tinh: str
    huyen: str | None = None
    vung: str | None = None
    nhom_xa: int | None = None
    ma_xa: str | None = None  # the official code, the commune's identity in `ntm report`
    xa_dac_biet_kho_khan: bool = False
    xa_an_toan_khu: bool = False
    luoc_do: str | None = None  # the JSON Schema, relative to the plan, for the editor's first line
    cap: CapDiaBan = CapDiaBan.xa
    giai_doan: tuple[int, int] | None = None  # a multi-year plan's first and last year

    @property
    def nam_muc(self) -> int:
        """The year the levels in the comments are for: the plan's, or its period's last within the set."""
        if self.giai_doan is None:
            assert self.nam is not None
            return self.nam
        last = self.giai_doan[1]
        return min(last, self.bo.giai_doan[1]) if self.bo.giai_doan else last

    @property
    def ky(self) -> str:
        return ky(self.nam, self.giai_doan)

    @property
    def dia_ban(self) -> DiaBan:
        names = {"xa": self.xa, "huyen": self.huyen, "tinh": self.tinh}
        return DiaBan(cap=self.cap, **{k: v for k, v in names.items() if v is not None})


# ---------------------------------------------------------------------------- YAML pieces


def scalar(text: str) -> str:
    """`text` as a YAML scalar: plain where every YAML reader reads it back as this very
    string, else double-quoted (JSON's escapes are YAML's)."""
    if text and text == text.strip() and "#" not in text and "\n" not in text:
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: int, hanging: int = 0) -> list[str]:
    """`text` as comment lines wrapped at WIDTH; continuation lines indented by `hanging`.
    Addresses and codes are never broken."""
    first = " " * indent + "# "
    rest = first + " " * hanging
    lines = textwrap.wrap(text, width=WIDTH, initial_indent=first, subsequent_indent=rest,
                          break_long_words=False, break_on_hyphens=False)
    return lines or [first.rstrip()]


def _aligned(rows: list[tuple[str, str | None]]) -> list[str]:
    """Lines of YAML with their end-of-line comments in one column (a long line's comment
    simply follows it)."""
    commented = [len(line) for line, note in rows if note and len(line) + 2 <= COMMENT_COLUMN_MAX]
    column = max(commented, default=0) + 2
    out = []
    for line, note in rows:
        if not note:
            out.append(line)
        elif len(line) + 2 <= column:
            out.append(f"{line:<{column}}# {note}")
        else:
            out.append(f"{line}  # {note}")
    return out


# ---------------------------------------------------------------------------- what is said


def vung_ap_dung(d: DauVaoKhung) -> tuple[str | None, str | None]:
    """The region thresholds are read for and, when a special-commune rule brought it in, the
    flag that did (as the assessment decides: ntm.assess.judge.effective_region)."""
    for rule in d.bo.quy_tac_vung:
        for flag, given in (("xa_dac_biet_kho_khan", d.xa_dac_biet_kho_khan), ("xa_an_toan_khu", d.xa_an_toan_khu)):
            if given and flag in rule.khi:
                return rule.dung_vung, flag
    return d.vung, None


def _unit_hint(ct: ChiTieuDayDu) -> str:
    spec = ct.chi_tieu
    if spec.loai is LoaiChiTieu.dat:
        return "có hoặc không"
    unit = spec.don_vi
    if unit is None:
        return "một số"
    if unit.value == "%":
        return "tỷ lệ %"
    if unit.la_so_dem:
        return f"số {unit.value} (số nguyên)"
    return unit.value


def _level_lines(d: DauVaoKhung, ct: ChiTieuDayDu, ctx: BoiCanh) -> list[str]:
    """The level at this place and year, and its source; or "chưa rõ mức", with what is known
    beside it."""
    spec = ct.chi_tieu
    unit = spec.don_vi.value if spec.don_vi else None
    req, why = yeu_cau(d.bo, ct, ctx)
    if req is not None:
        if spec.loai is LoaiChiTieu.dat:
            said = "có"
        else:
            said = wording.yeu_cau(req, unit)
            if req.suy_ra is not None:
                said += f" (= {so(req.suy_ra.he_so)} × mức {req.suy_ra.chi_tieu} của {req.suy_ra.bo_tieu_chi})"
        lines = [f"yêu cầu: {said} — {wording.nguon_yeu_cau(req)}"]
        if req.url:
            lines.append(f"nguồn của mức: {req.url}")
        return lines
    # Why it is unknown is the set's note, shown by `ntm criteria`; here only what an officer
    # can use: a level written in words, and the national level beside an unknown regional one.
    text = "yêu cầu: chưa rõ mức"
    if why is not None:
        text += f" — {why.trich_dan}" if why.trich_dan else ""
        derived = next((e.suy_ra for e in ct.nguong if e.suy_ra is not None), None)
        if derived is not None:
            text += (f"; mức = {so(derived.he_so)} × mức {derived.chi_tieu} của {derived.bo_tieu_chi}, "
                     "mức ấy chưa rõ")
        if why.mo_ta:
            text += f"; văn bản ghi: {why.mo_ta} (ntm không tự so sánh, hãy tự đối chiếu)"
        if why.chung is not None:
            axis = "nhóm xã" if d.bo.truc == "nhom_xa" else "vùng"
            text += (f"; chỉ tiêu chung cả nước {wording.muc(spec.loai, why.chung, unit)}"
                     f" (không thay cho mức của {axis})")
    lines = [text]
    if spec.nguon:
        lines.append(f"nguồn của nội dung: {spec.nguon}")
    return lines


def _indicator(d: DauVaoKhung, ct: ChiTieuDayDu, ctx: BoiCanh) -> list[str]:
    spec = ct.chi_tieu
    number = spec.so or "?"
    unit = f" ({spec.don_vi.value})" if spec.don_vi else ""
    head = f"{number} {spec.noi_dung}{unit}"
    marks = [label for label, fact in (("số thứ tự tạm", spec.xac_nhan_so), ("tiêu chí chứa nó là suy luận",
                                                                            spec.xac_nhan_vi_tri))
             if wording.tam(fact)]
    if marks:
        head += f" ({'; '.join(marks)})"
    hang = min(len(number) + 1, 8)
    lines = _comment(head, 6, hang)
    for sentence in _level_lines(d, ct, ctx):
        lines += _comment(" " * hang + sentence, 6, hang + 2)
    lines.append(f"      {spec.ma}:")
    target = (f"mức phấn đấu năm {d.nam}" if d.giai_doan is None else
              f"mức phấn đấu đến năm {d.giai_doan[1]}, hoặc theo năm: {{{d.giai_doan[0]}: …, {d.giai_doan[1]}: …}}")
    lines += _aligned([("        gia_tri:", _unit_hint(ct)), ("        muc_tieu:", target)])
    return lines


def _criteria(d: DauVaoKhung) -> list[str]:
    region, _ = vung_ap_dung(d)
    if d.cap is not CapDiaBan.xa:
        return _comment(
            f"Kế hoạch cấp {TEN_CAP[d.cap]} không ghi số liệu tiêu chí của từng xã (ntm check không đánh giá tiêu "
            "chí xã cho kế hoạch này). Nhiệm vụ, giải pháp theo từng tiêu chí (nếu có) ghi ở tieu_chi: <mã tiêu "
            f"chí>: nhiem_vu: …; mã tiêu chí: ntm criteria -b {d.bo.ma}.", 0, 2)
    ctx = BoiCanh(ngay=assessment_date(d.nam_muc), vung=region, nhom_xa=d.nhom_xa)
    lines = ["tieu_chi:"]
    group = None
    for tc in d.bo.tieu_chi:
        if tc.nhom and tc.nhom != group:
            group = tc.nhom
            lines += ["", f"  # ---- Nhóm {group} ----"]
        lines.append("")
        indicators = list(d.bo.chi_tieu[tc.ma].values())
        title = f"{tc.so}. {tc.ten}"
        if not indicators:
            title += (" — bộ tiêu chí chưa có nội dung chỉ tiêu nào của tiêu chí này: tự đánh giá theo văn bản "
                      "gốc, ghi ở tu_danh_gia.")
        elif not tc.chi_tieu_day_du:
            title += (" — bộ tiêu chí chưa liệt kê đủ chỉ tiêu của tiêu chí này: ghi số liệu có được, rồi tự "
                      "đánh giá ở tu_danh_gia.")
        lines += _comment(title, 2, len(tc.so) + 2)
        lines.append(f"  {tc.ma}:")
        if indicators:
            lines.append("    hien_trang:")
            for ct in indicators:
                lines += _indicator(d, ct, ctx)
        if not indicators or not tc.chi_tieu_day_du:
            lines += _aligned([("    tu_danh_gia:", "đạt hoặc chưa đạt (tự đánh giá khi số liệu không đủ để kết luận)")])
    return lines


# ---------------------------------------------------------------------------- the file


def _placeholder_date(d: DauVaoKhung) -> date:
    """A stand-in for the date of issue: 1 January of the plan year, or the day the set took
    effect if later (a plan is never dated before its set)."""
    basis = d.bo.can_cu
    effective = basis.ngay_hieu_luc or basis.ngay_ban_hanh
    first = d.giai_doan[0] if d.giai_doan is not None else d.nam_muc
    return max(date(first, 1, 1), effective)


def _header(d: DauVaoKhung) -> list[str]:
    bo = d.bo
    c = bo.can_cu
    lines = [f"# yaml-language-server: $schema={d.luoc_do}", "#"] if d.luoc_do else []
    where = f"vùng {bo.cac_vung.get(d.vung, d.vung)}" if d.vung else (f"nhóm xã {d.nhom_xa}" if d.nhom_xa else "")
    place = ten_dia_ban(d.dia_ban) + (f" ({d.tinh})" if d.cap is not CapDiaBan.tinh else "")
    lines += _comment(f"Kế hoạch xây dựng nông thôn mới {d.ky} của {place}: khung do ntm init tạo, chờ điền.", 0, 2)
    basis = (f"Bộ tiêu chí: {bo.file.ten} ({bo.ma}), căn cứ {c.so_hieu} ngày {ngay_ngan(c.ngay_ban_hanh)}"
             + (f", Phụ lục {c.phu_luc}" if c.phu_luc else ""))
    if d.cap is CapDiaBan.xa:
        basis += (f"; mức trong chú thích: {where}, năm {d.nam_muc}." if where
                  else f"; mức trong chú thích: năm {d.nam_muc}.")
    else:
        basis += "."
    lines += _comment(basis, 0, 2)
    lines.append("#")
    lines.append("# Cách điền:")
    steps = [
        "Thay mọi chỗ [ĐIỀN: …] và ngày ban hành trong van_ban bằng thông tin thật của văn bản.",
        "Số liệu hiện trạng ghi sau gia_tri:, mức phấn đấu trong năm sau muc_tieu: (để trống khi chưa có). "
        "Tỷ lệ viết dạng 52,77%; có/không viết có hoặc không.",
        "Chú thích trên mỗi chỉ tiêu: số thứ tự, nội dung, đơn vị, mức yêu cầu áp dụng cho xã trong năm và "
        "nguồn của mức. \"chưa rõ mức\": bộ tiêu chí chưa có mức chính thức, ntm không tự đoán.",
        "Mỗi tiêu chí có thể thêm nhiem_vu: và giai_phap: (một đoạn, hoặc danh sách mỗi ý một dòng '- '); "
        "các phần khác của văn bản (muc_tieu, chi_tieu, kinh_phi, to_chuc_thuc_hien, …): xem tài liệu định "
        "dạng kế hoạch của ntm (docs/plan-format.md).",
        "Số liệu mà bộ tiêu chí chưa có chỉ tiêu (thu nhập bình quân, chỉ tiêu của tỉnh, …): định nghĩa "
        "dưới tiêu chí chứa nó ở chi_tieu_rieng: (mã, tên, đơn vị, loại, mức yêu cầu, nguồn), rồi ghi số "
        "liệu vào hien_trang như mọi chỉ tiêu.",
        f"Kiểm tra: ntm validate <tệp>; đánh giá: ntm check <tệp> --all; mức và nguồn đầy đủ: ntm criteria "
        f"-b {bo.ma}" + (f" --vung {d.vung}" if d.vung else "") + (f" --nhom-xa {d.nhom_xa}" if d.nhom_xa else "")
        + f" --nam {d.nam_muc}" + (" --xa-dac-biet-kho-khan" if vung_ap_dung(d)[1] else "") + ".",
    ]
    if d.cap is not CapDiaBan.xa:  # no commune's figures, levels or own indicators to fill
        steps = [steps[0], steps[3], steps[5]]
    if not d.luoc_do:
        # Never the modeline itself, even inside a sentence: a wrapped line starting with it
        # would be read by yaml-language-server as this file's schema.
        steps.append("Trình soạn thảo (VS Code): ghi lược đồ bằng ntm schema -o ke-hoach.schema.json, rồi thêm "
                     "vào đầu tệp dòng chú thích $schema của yaml-language-server trỏ tới tệp ấy (xem "
                     "docs/editor.md của ntm).")
    for step in steps:
        lines += _comment(f"- {step}", 0, 2)
    return lines


def _van_ban(d: DauVaoKhung) -> list[str]:
    rows: list[tuple[str, str | None]] = [
        ("van_ban:", None),
        ("  he_thong: nha_nuoc", "nha_nuoc: thể thức NĐ 30/2020; dang: văn bản của Đảng (HD 36)"),
        (f"  co_quan_ban_hanh: {scalar(uy_ban(d.dia_ban))}", "cơ quan ban hành"),
        (f"  so_hieu: {json.dumps(dien('số') + '/KH-UBND', ensure_ascii=False)}", "số, ký hiệu, ví dụ \"03/KH-UBND\""),
        (f"  dia_danh: {scalar(d.xa or d.huyen or d.tinh)}", "địa danh nơi ban hành"),
        (f"  ngay_ban_hanh: {_placeholder_date(d).isoformat()}", "ĐIỀN: ngày ký ban hành (ngày này chỉ để giữ chỗ)"),
        (f"  trich_yeu: {scalar(dien('trích yếu nội dung'))}", None),
        ("  # can_cu: các văn bản làm căn cứ (câu viết sẵn, hoặc loai, so_hieu, ngay, co_quan, trich_yeu)", None),
        ("  noi_nhan:", "nơi nhận, mỗi dòng một nơi"),
        (f"    - {scalar(dien('nơi nhận'))}", None),
        (f"    - {scalar('Lưu: VT.')}", None),
        ("  nguoi_ky:", None),
        (f"    tham_quyen: {scalar('TM. ỦY BAN NHÂN DÂN')}", "thẩm quyền ký"),
        (f"    chuc_vu: {scalar('CHỦ TỊCH')}", "chức vụ người ký (ký thay: ky_thay: KT. CHỦ TỊCH)"),
        (f"    ho_ten: {scalar(dien('họ và tên người ký'))}", None),
    ]
    return _aligned(rows)


def _dia_ban(d: DauVaoKhung) -> list[str]:
    bo = d.bo
    rows: list[tuple[str, str | None]] = [("dia_ban:", None)]
    if d.cap is not CapDiaBan.xa:
        rows.append((f"  cap: {d.cap.value}", f"kế hoạch cấp {TEN_CAP[d.cap]}: không có xã"))
    if d.xa is not None:
        rows.append((f"  xa: {scalar(d.xa)}", None))
    if d.ma_xa:
        rows.append((f'  ma_xa: "{d.ma_xa}"', "mã đơn vị hành chính cấp xã"))
    if d.huyen:
        rows.append((f"  huyen: {scalar(d.huyen)}", None))
    rows.append((f"  tinh: {scalar(d.tinh)}", None))
    if d.vung is not None:
        rows.append((f"  vung: {d.vung}", bo.cac_vung.get(d.vung)))
    lines = _aligned(rows)
    if d.nhom_xa is not None:
        described = bo.cac_nhom_xa.get(d.nhom_xa)
        if described:
            lines += _comment(f"Nhóm xã {d.nhom_xa}: {described}", 2, 2)
        lines.append(f"  nhom_xa: {d.nhom_xa}")
    region, flag = vung_ap_dung(d)
    for key, given in (("xa_dac_biet_kho_khan", d.xa_dac_biet_kho_khan), ("xa_an_toan_khu", d.xa_an_toan_khu)):
        if given:
            note = (f"mức áp dụng: vùng {bo.cac_vung.get(region or '', region)} (quy tắc của bộ tiêu chí)"
                    if flag == key else None)
            lines += _aligned([(f"  {key}: có", note)])
    if bo.quy_tac_vung and flag is None and d.cap is CapDiaBan.xa:
        rule = bo.quy_tac_vung[0]
        lines += _comment(
            "Xã đặc biệt khó khăn, xã an toàn khu: thêm xa_dac_biet_kho_khan: có (hoặc xa_an_toan_khu: có); "
            f"khi đó mức áp dụng là của vùng {bo.cac_vung.get(rule.dung_vung, rule.dung_vung)}, và "
            "ntm init --xa-dac-biet-kho-khan ghi sẵn các mức ấy trong chú thích.", 2, 2)
    return lines


def khung_ke_hoach(d: DauVaoKhung) -> str:
    """The skeleton's text (NFC, ending with a newline)."""
    lines = _header(d)
    lines += ["phien_ban: 1", ""]
    lines += _van_ban(d)
    lines.append("")
    lines += _dia_ban(d)
    when = f"nam: {d.nam}" if d.giai_doan is None else f"giai_doan: {{tu: {d.giai_doan[0]}, den: {d.giai_doan[1]}}}"
    lines += ["", when, f"bo_tieu_chi: {scalar(d.bo_tieu_chi)}", ""]
    lines += _criteria(d)
    text = "\n".join(line.rstrip() for line in lines) + "\n"
    return unicodedata.normalize("NFC", text)
