"""Acceptance comments read from a plan's text (ntm.load.bo_qua)."""

from __future__ import annotations

from ntm.load.bo_qua import BoQua, PhamVi, read_bo_qua


def _read(text: str) -> tuple[list[BoQua], list[tuple[str, int | None, int | None]]]:
    found, problems = read_bo_qua(text, "kh.yaml")
    return found, [(d.code, d.line, d.column) for d in problems]


def test_a_comment_at_the_end_of_a_line_covers_that_line() -> None:
    found, problems = _read("nam: 2023\nmuc_tieu: 85%   # ntm: bo-qua KH002, kh005  # lý do: mục tiêu năm\n")
    assert problems == []
    assert found == [BoQua(("KH002", "KH005"), PhamVi.DONG, "kh.yaml", 2, 17, 2)]


def test_a_comment_alone_covers_the_next_line_with_content() -> None:
    text = "tieu_chi:\n  # ntm: bo-qua KH001\n\n  # một ghi chú khác\n  tiep_can_phap_luat:\n"
    (found,), _ = _read(text)
    assert (found.dong, found.cot, found.dong_ap_dung) == (2, 3, 5)


def test_a_comment_alone_at_the_end_covers_nothing() -> None:
    (found,), _ = _read("nam: 2023\n# ntm: bo-qua KH002\n")
    assert found.dong_ap_dung is None


def test_a_file_acceptance_anywhere() -> None:
    (found,), _ = _read("van_ban:\n  so_hieu: x\n# ntm: bo-qua-tep KH010,KH012\n")
    assert (found.pham_vi, found.ma, found.dong) == (PhamVi.TEP, ("KH010", "KH012"), 3)


def test_what_cannot_be_read_is_a_warning_at_its_line() -> None:
    text = "# ntm: bo-qua\na: 1 # ntm: bo-qua KH002 KH010\n# ntm: bo-qa KH002\n# ntm: bo-qua KH12\n"
    found, problems = _read(text)
    assert found == []
    assert problems == [("BQ004", 1, 1), ("BQ004", 2, 6), ("BQ004", 3, 1), ("BQ002", 4, 1)]


def test_a_hash_inside_a_word_or_other_comments_are_not_acceptances() -> None:
    found, problems = _read("so_hieu: 03#ntm: bo-qua KH002\n# ntm là chương trình\nx: 1 # ghi chú\n")
    assert found == [] and problems == []
