"""`ntm import`: a commune's Word plan (.docx; .doc or .odt through LibreOffice) -> a YAML plan.

Stages: read the file (ntm.load.archive, regular files only, size-capped) -> convert a .doc or
.odt with LibreOffice (ntm.present.document.pdf, its own profile and a time limit) -> import
(ntm.nhap) -> validate the YAML text exactly as `ntm validate` would (ntm.run.check_bytes) ->
write it (standard output, or `-o`, atomically and never over an existing file or the input).

Exit codes: 0 the plan is imported and valid (warnings allowed); 1 the document cannot be read
(NH001-NH004: nothing is written), or the imported plan is not valid (it is written, the errors
say what to fill in); 2 usage (no such file, -o taken or not .yaml, LibreOffice missing).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ntm.cli import EXIT_INVALID, EXIT_OK
from ntm.cli.frame import LoiCachDung
from ntm.diagnostics.params import Cau

if TYPE_CHECKING:
    from ntm.catalog import BoTieuChi
    from ntm.nhap import KetQuaNhap

LENH = "ntm import"
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
CONVERTED_SUFFIXES = (".doc", ".odt", ".fodt", ".rtf", ".dot")
PLAN_SUFFIXES = (".yaml", ".yml")
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: a legacy .doc, or an encrypted .docx


def _usage(key: str, **params: object) -> LoiCachDung:
    return LoiCachDung(Cau(key, params), LENH)


def _say(text: str) -> None:
    sys.stderr.write(f"ntm: {text}\n")


def _read(source: Path) -> bytes:
    from ntm.load import os_reason
    from ntm.load.archive import MAX_PACKAGE_BYTES, PackageReadError, read_package

    try:
        return read_package(source)
    except PackageReadError as exc:
        if exc.kind == "missing":
            raise _usage("nhap.khong_co_tep", tep=str(source)) from None
        if exc.kind in ("folder", "not_regular"):
            raise _usage("nhap.khong_phai_tep", tep=str(source)) from None
        if exc.kind == "too_large":
            size = source.stat().st_size / 1048576
            raise LoiCachDung(Cau("nhap.qua_lon", {"tep": str(source), "co": f"{size:.1f}",
                                                    "toi_da": MAX_PACKAGE_BYTES // 1048576}), None, nhan=False) from None
        reason = os_reason(exc.reason) if exc.reason is not None else exc.kind
        raise LoiCachDung(Cau("nhap.khong_doc_duoc", {"tep": str(source), "ly_do": reason}), None, nhan=False) from None


def _convert(source: Path, data: bytes, suffix: str) -> bytes:
    """A .doc or .odt as .docx, by LibreOffice (the same runner as `ntm render -o x.pdf`)."""
    from ntm.present.document.pdf import PdfLoi, convert, find_libreoffice

    if find_libreoffice() is None:
        raise LoiCachDung(Cau("nhap.thieu_libreoffice", {"duoi": suffix}), None, nhan=False)
    try:
        converted = convert(data, suffix, "docx:MS Word 2007 XML", ".docx")
    except PdfLoi as exc:
        short = {"pdf.qua_thoi_gian": "quá {giay} giây", "pdf.khong_chay_duoc": "{ly_do}",
                 "pdf.khong_chuyen_duoc": "mã {ma}: {chi_tiet}"}.get(exc.cau.key)
        reason = short.format(**exc.cau.params) if short is not None else _phrase(exc.cau)
        raise LoiCachDung(Cau("nhap.chuyen_loi", {"tep": str(source), "ly_do": reason}), None, nhan=False) from None
    _say(_phrase(Cau("nhap.da_chuyen", {"tep": source.name})))
    return converted


def _phrase(cau: Cau) -> str:
    from ntm.present.messages import phrase

    return phrase(cau)


def _check_output(output: Path, source: Path) -> None:
    import os

    if output.suffix.lower() not in PLAN_SUFFIXES:
        raise _usage("nhap.dau_ra_yaml", tep=str(output))
    if os.path.lexists(output):
        raise _usage("nhap.da_co", tep=str(output))
    try:
        if output.resolve() == source.resolve():
            raise _usage("ghi.dau_vao", tep=str(output))
    except OSError:
        pass


def _sets(base: Path, ref: str | None, vung: str | None, nhom_xa: int | None, nam: int | None,
          anywhere: bool) -> tuple[dict[str, BoTieuChi], BoTieuChi | None]:
    from ntm.catalog import builtin_ids, load_catalog
    from ntm.cli.bo_tieu_chi import check_place, load_set, one_axis

    sets: dict[str, BoTieuChi] = {ref_id: load_catalog(ref_id) for ref_id in builtin_ids()}
    one_axis(vung, nhom_xa, LENH)
    chosen = None
    if ref is not None:
        chosen = load_set(ref, anywhere, LENH, base)
        check_place(chosen, vung, nhom_xa, nam, LENH)
    return sets, chosen


def import_command(source: Path, output: Path | None, bo_tieu_chi: str | None, vung: str | None,
                   nhom_xa: int | None, nam: int | None, anywhere: bool = False) -> int:
    from ntm.diagnostics import MucDo, has_errors
    from ntm.nhap import TuyChon, import_word, path_text
    from ntm.present.messages import one_line
    from ntm.present.output import Luong, OutputError, write_atomic
    from ntm.run import check_bytes

    suffix = source.suffix.lower()
    if suffix not in WORD_SUFFIXES + CONVERTED_SUFFIXES:
        if not source.exists():
            raise _usage("nhap.khong_co_tep", tep=str(source))
        raise _usage("nhap.duoi_tep", tep=str(source), duoi=suffix or "không đuôi")
    if output is not None:
        _check_output(output, source)
    data = _read(source)
    base = output.parent if output is not None else Path.cwd()
    sets, chosen = _sets(base, bo_tieu_chi, vung, nhom_xa, nam, anywhere)
    if suffix in CONVERTED_SUFFIXES:
        data = _convert(source, data, suffix)
    elif data[:8] == OLE and "EncryptedPackage".encode("utf-16-le") not in data and _legacy_ok():
        data = _convert(source, data, ".doc")  # a legacy .doc named .docx

    options = TuyChon(bo_tieu_chi=bo_tieu_chi, bo=chosen, vung=vung, nhom_xa=nhom_xa, nam=nam)
    header = [
        f"Nhập từ {source.name} bằng ntm import: văn bản như người đọc thấy, đưa vào định dạng kế hoạch.",
        "Mỗi chú thích '# ntm import: đoán từ …' là một chỗ ntm phải đoán: kiểm tra lại rồi xóa chú thích.",
    ]
    result = import_word(data, str(source), options, sets, header)
    refused = [d for d in result.diagnostics if d.level is MucDo.LOI]
    for d in result.diagnostics:
        sys.stderr.write(one_line(d) + "\n")
    if refused or result.text is None:
        return EXIT_INVALID

    display = str(output) if output is not None else "<stdout>"
    target = output if output is not None else base / "ke-hoach-nhap.yaml"
    if result.cau_chua_dat:
        result = _sentence_back(result, target, display, anywhere)
    assert result.text is not None
    checked = check_bytes(result.text.encode("utf-8"), target, display, anywhere=anywhere)
    for d in checked.diagnostics:
        sys.stderr.write(one_line(d) + "\n")

    if result.du_doan:
        _say(_phrase(Cau("nhap.tom_tat", {"so_doan": result.so_doan, "so_doan_doan": len(result.du_doan)})))
        for guess in result.du_doan:
            comment = guess.comment().removeprefix("ntm import: ")
            sys.stderr.write(_phrase(Cau("nhap.mot_doan", {"duong_dan": path_text(guess.path), "noi_dung": comment}))
                             + "\n")
    else:
        _say(_phrase(Cau("nhap.tom_tat_khong_doan", {"so_doan": result.so_doan})))
    valid = not has_errors(checked.diagnostics)
    if valid:
        warnings = sum(1 for d in checked.diagnostics if d.level is MucDo.CANH_BAO)
        _say(_phrase(Cau("nhap.hop_le", {"canh_bao": warnings})))
    else:
        codes = {d.code for d in checked.diagnostics}
        hint = "vung" if "DM001" in codes else "nhom_xa" if "DM003" in codes else ""
        _say(_phrase(Cau("nhap.khong_hop_le", {"goi_y": Cau(f"nhap.goi_y_{hint}")})))

    payload = result.text.encode("utf-8")
    if output is None:
        Luong(sys.stdout).write_bytes(payload)
    else:
        try:
            write_atomic(output, payload, (source,), ghi_de=False)
        except OutputError as exc:
            cau = Cau("nhap.da_co", {"tep": str(output)}) if exc.cau.key == "ghi.da_co" else exc.cau
            raise LoiCachDung(Cau("ghi.van_ban", {"ly_do": cau}), None, nhan=False) from None
        _say(_phrase(Cau("nhap.da_ghi", {"tep": str(output)})))
    return EXIT_OK if valid else EXIT_INVALID


def _sentence_back(result: KetQuaNhap, target: Path, display: str, anywhere: bool) -> KetQuaNhap:
    """The unmet-criteria sentence was kept verbatim; when the document writer, from the figures
    read out of it, prints that very line, the plan leaves the line to the writer again (so the
    sentence follows the figures from now on). Otherwise it stays as the document wrote it."""
    from ntm.nhap import with_generated_sentence
    from ntm.present.document.build import build_document
    from ntm.present.document.khoi import unmet_sentence
    from ntm.run import check_bytes

    candidate = with_generated_sentence(result, display)
    assert candidate.text is not None
    checked = check_bytes(candidate.text.encode("utf-8"), target, display, assessing=True, anywhere=anywhere)
    if checked.plan is None or checked.assessment is None:
        return result
    sentence = unmet_sentence(build_document(checked.plan, checked.assessment).tieu_chi_chua_dat)
    if sentence is None or " ".join(sentence.van_ban.split()) != " ".join(result.cau_chua_dat[0][1].split()):
        return result
    return candidate


def _legacy_ok() -> bool:
    """A legacy .doc named .docx is converted too when LibreOffice is there; else NH001 says what it is."""
    from ntm.present.document.pdf import find_libreoffice

    return find_libreoffice() is not None

