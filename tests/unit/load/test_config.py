"""A repository's ntm.toml (ntm.load.config): patterns, where it is found, what is wrong with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ntm.load.config import find_config, glob_regex, load_config, outside


@pytest.mark.parametrize(("pattern", "path", "matches"), [
    ("plans/*.yaml", "plans/a.yaml", True),
    ("plans/*.yaml", "plans/2022/a.yaml", False),
    ("plans/**/*.yaml", "plans/a.yaml", True),
    ("plans/**/*.yaml", "plans/2022/q1/a.yaml", True),
    ("**", "plans/a.yaml", True),
    ("plans/xa-?.yaml", "plans/xa-b.yaml", True),
    ("plans/[ab]*.yaml", "plans/c.yaml", False),
    ("plans/[!ab]*.yaml", "plans/c.yaml", True),
    ("plans/a.yaml", "plans/a-yaml", False),  # a dot is a dot
])
def test_patterns_match_paths_folder_by_folder(pattern: str, path: str, matches: bool) -> None:
    assert (glob_regex(pattern).fullmatch(path) is not None) is matches


@pytest.mark.parametrize("pattern", ["../*.yaml", "plans/../../x.yaml", "/etc/*.yaml", "C:/x/*.yaml"])
def test_patterns_reaching_outside_are_refused(pattern: str) -> None:
    assert outside(pattern)


def test_found_walking_up_to_the_repository_root_not_beyond(tmp_path: Path) -> None:
    (tmp_path / "ntm.toml").write_text("", encoding="utf-8")  # above the repository: never read
    repo = tmp_path / "kho"
    folder = repo / "plans" / "2022"
    folder.mkdir(parents=True)
    assert find_config(folder, repo.resolve()) is None
    (repo / "ntm.toml").write_text("", encoding="utf-8")
    fresh = repo / "plans" / "2023"
    fresh.mkdir()
    assert find_config(fresh, repo.resolve()) == (repo / "ntm.toml").resolve()


def test_errors_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "ntm.toml"
    path.write_text('[bo-qua]\n"a/*.yaml" = ["KH010"]\n"../b.yaml" = ["KH010"]\n[muc-do]\nKH012 = "loii"\n'
                    'KH002 = "tat"\nSCH002 = "tat"\n[mucdo]\n', encoding="utf-8")
    config = load_config(path)
    assert [(d.code, d.line) for d in config.diagnostics] == [
        ("BQ012", 5), ("BQ003", 7), ("BQ013", 3), ("BQ011", 8)]
    assert [b.mau for b in config.bo_qua] == ["a/*.yaml"]
    assert dict(config.muc_do) == {"KH002": ("tat", 6)}


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "ntm.toml"
    path.write_text('[muc-do]\nKH002 = "tat"\n', encoding="utf-8")
    assert set(load_config(path).muc_do) == {"KH002"}
    path.write_text('[muc-do]\nKH012 = "loi"\nKH010 = "tat"\n', encoding="utf-8")
    assert set(load_config(path).muc_do) == {"KH012", "KH010"}
