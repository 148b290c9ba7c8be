"""load.read: regular files only, never more than MAX_BYTES; what is not a plan file says why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ntm.load import MAX_BYTES, read_file


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_bytes(b"nam: 2023\n")
    assert read_file(path, "k.yaml") == (b"nam: 2023\n", None)


@pytest.mark.parametrize(
    ("make", "code", "variant"),
    [
        (lambda p: None, "IO001", None),
        (lambda p: p.symlink_to("da-xoa.yaml"), "IO001", "lien_ket_hong"),
        (lambda p: p.mkdir(), "IO002", None),
        (lambda p: os.mkfifo(p), "IO006", None),
        (lambda p: p.symlink_to("/dev/zero"), "IO006", None),
    ],
    ids=["missing", "dangling-link", "folder", "fifo", "device"],
)
def test_what_is_not_a_regular_file_is_refused_before_reading(tmp_path: Path, make, code: str, variant: str | None) -> None:
    path = tmp_path / "k.yaml"
    make(path)
    data, problem = read_file(path, "k.yaml")
    assert data is None and problem is not None
    assert (problem.code, problem.file, problem.params.get("bien_the")) == (code, "k.yaml", variant)


def test_a_criteria_file_is_named_as_one(tmp_path: Path) -> None:
    _, problem = read_file(tmp_path, "bo.yaml", what="bo_tieu_chi")
    assert problem is not None and problem.params["loai_tep"].key == "loai_tep.bo_tieu_chi"


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written, nothing is read
    data, problem = read_file(path, "k.yaml")
    assert data is None and problem is not None and problem.code == "YAML004"
    assert problem.params["toi_da"] == MAX_BYTES // (1024 * 1024)


def test_a_file_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES)
    data, problem = read_file(path, "k.yaml")
    assert problem is None and data is not None and len(data) == MAX_BYTES
