"""`ntm import`, entering the pipeline from the other side: a Word document -> the blocks a
reader sees (ntm.nhap.word) -> the parts of a plan (ntm.nhap.nhan_dang) -> plan data, each
guess recorded (ntm.nhap.anh_xa) -> YAML text with every guess marked (ntm.nhap.writer),
read back by the shipped loader and validated by the plan model before it is handed out.

Stage rules: this package reads no file (the caller hands it the bytes, read by
ntm.load.archive) and prints nothing; it may use plan, catalog, load and diagnostics, never
present or cli (import-linter's layers contract).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ntm.diagnostics import Diagnostic
from ntm.diagnostics.params import GiaTri
from ntm.nhap.anh_xa import TuyChon, build_plan, period
from ntm.nhap.du_doan import DuDoan, YamlPath, path_text

__all__ = ["DuDoan", "KetQuaNhap", "TuyChon", "import_word", "path_text", "period", "with_generated_sentence",
           "write"]


@dataclass
class KetQuaNhap:
    """An imported plan: its YAML text and data, the guesses marked in it, and diagnostics (the
    document refused; what was not brought in, NH008; what ntm will print differently, NH009)."""

    text: str | None = None
    data: dict[str, Any] | None = None
    du_doan: list[DuDoan] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    so_doan: int = 0  # paragraphs and table cells read from the document
    cau_chua_dat: list[tuple[YamlPath, str]] = field(default_factory=list)  # ntm.nhap.anh_xa.KetQuaAnhXa
    header: list[str] = field(default_factory=list)
    nguon: list[str] = field(default_factory=list)  # the text of each, in reading order


def _refused(file: str, code: str, **params: object) -> KetQuaNhap:
    return KetQuaNhap(diagnostics=[Diagnostic(code, file, params=params, co_vi_tri=False)])


def import_word(data: bytes, file: str, options: TuyChon, sets: dict[str, Any],
                header: list[str] | None = None) -> KetQuaNhap:
    """A .docx's bytes -> the plan. `sets`: the criteria sets to guess among (id -> BoTieuChi).

    Refusals (not a zip, not Word, encrypted, too large) are diagnostics NH001-NH004 with nothing
    else; otherwise `text` is the YAML, already read back by the shipped loader.
    """
    from ntm.load.archive import measure_zip
    from ntm.nhap.nhan_dang import recognise
    from ntm.nhap.word import DocLoi, read_word

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # an OLE compound file, not a zip
        if "EncryptedPackage".encode("utf-16-le") in data:
            return _refused(file, "NH002")
        return _refused(file, "NH001", bien_the="doc_cu")  # a legacy .doc (the command converts one when it can)
    problem = measure_zip(data, required="")
    if problem is not None:
        if problem.kind == "not_zip":
            return _refused(file, "NH001")
        return _refused(file, "NH003", phan=problem.part, mb=problem.limit_mb)
    try:
        doc = read_word(data)
    except DocLoi as exc:
        if exc.kind == "khong_phai_word":
            return _refused(file, "NH001", bien_the="khong_phai_word")
        return _refused(file, "NH004", loai=exc.detail or exc.kind)
    recognised = recognise(doc)
    mapped = build_plan(recognised, doc, options, sets)
    text = write(mapped.data, mapped.du_doan, header or [], file)
    result = KetQuaNhap(text, mapped.data, mapped.du_doan, cau_chua_dat=mapped.cau_chua_dat, header=header or [])
    for code, variant, excerpt in mapped.thong_bao:
        params: dict[str, object] = {"bien_the": variant, "trich": GiaTri(" ".join(excerpt.split()), 80)}
        result.diagnostics.append(Diagnostic(code, file, params=params, co_vi_tri=False))
    if doc.co_macro:
        result.diagnostics.append(Diagnostic("NH005", file, co_vi_tri=False))
    if doc.lien_ket_ngoai:
        result.diagnostics.append(Diagnostic("NH006", file, params={"so": doc.lien_ket_ngoai}, co_vi_tri=False))
    for part in doc.phan_bo_qua:
        result.diagnostics.append(Diagnostic("NH007", file, params={"phan": part}, co_vi_tri=False))
    result.nguon = source_texts(doc)
    result.so_doan = len(result.nguon)
    return result


def write(data: dict[str, Any], guesses: list[DuDoan], header: list[str], file: str) -> str:
    """The YAML text of `data` with a comment on each guess, checked to read back (by the shipped
    loader) as exactly `data`."""
    from ntm.load import load_bytes
    from ntm.nhap.writer import as_loaded, yaml_text

    comments: dict[YamlPath, list[str]] = {}
    for guess in guesses:
        comments.setdefault(guess.path, []).append(guess.comment())
    text = yaml_text(data, comments, header)
    loaded = load_bytes(text.encode("utf-8"), file)
    if loaded.diagnostics or loaded.data != as_loaded(data):
        raise AssertionError("ntm import wrote YAML that does not read back as written")  # a bug: exit 4
    return text


def with_generated_sentence(result: KetQuaNhap, file: str) -> KetQuaNhap:
    """`result` with its verbatim unmet-criteria sentence handed back to the document writer
    (the caller has checked the writer prints that very line from the figures read out of it)."""
    from ntm.nhap.anh_xa import generated

    assert result.data is not None and result.cau_chua_dat
    data = generated(result.data, result.cau_chua_dat[0][0])
    return KetQuaNhap(write(data, result.du_doan, result.header, file), data, result.du_doan, result.diagnostics,
                      so_doan=result.so_doan, nguon=result.nguon, header=result.header)


def source_texts(doc: Any) -> list[str]:
    """Every paragraph and table cell of the body, as read: what "nothing dropped" is checked against."""
    from ntm.nhap.khoi import Bang, Doan

    out: list[str] = []

    def walk(blocks: list[Any]) -> None:
        for block in blocks:
            if isinstance(block, Doan):
                if not block.trong:
                    out.append(block.chu)
                    out.extend(note for _, note in block.chu_thich)
            elif isinstance(block, Bang):
                for row in block.hang:
                    for cell in row:
                        walk(list(cell.khoi))

    walk(doc.khoi)
    return out
