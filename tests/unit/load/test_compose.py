"""load.compose and load_bytes: text -> plain data + source map, by the loader's rules
(docs/plan-format.md, "Quy tắc đọc tệp"; design §2)."""

from __future__ import annotations

import pytest

from ntm.load import MAX_BYTES, load_bytes
from ntm.load.compose import MAX_DEPTH, MAX_NODES, compose


def refused(text: str) -> tuple[str, tuple, int | None, int | None, dict]:
    """(code, path, line, column, params) of the one diagnostic a refused text gives."""
    data, _, problems = compose(text, "k.yaml")
    assert data is None and len(problems) == 1, problems
    d = problems[0]
    return d.code, d.path, d.line, d.column, dict(d.params)


# ----------------------------------------------------------------------------- scalars stay text


@pytest.mark.parametrize(
    "written",
    ["1.10", "no", "yes", "on", "off", "03", "0o17", "0x1F", "10:30", "2023-01-05", "1e3", ".inf", "true", "52,77%"],
)
def test_every_scalar_stays_the_text_written(written: str) -> None:
    """YAML 1.1 would make these 1.1, False, True, 3, 15, 31, 630, a date, 1000.0, inf, True."""
    data, _, problems = compose(f"so_hieu: {written}\n", "k.yaml")
    assert problems == [] and data == {"so_hieu": written}


@pytest.mark.parametrize("written", ["", "~", "null", "Null", "NULL"])
def test_plain_nulls_are_none(written: str) -> None:
    data, _, _ = compose(f"a: {written}\n", "k.yaml")
    assert data == {"a": None}


@pytest.mark.parametrize("written", ['"null"', "'~'", '""'])
def test_quoted_nulls_stay_text(written: str) -> None:
    data, _, _ = compose(f"a: {written}\n", "k.yaml")
    assert data == {"a": written[1:-1]}


def test_nested_data_keeps_lists_and_mappings() -> None:
    data, _, _ = compose("a:\n  - x\n  - {b: 1, c: [2, 3]}\n", "k.yaml")
    assert data == {"a": ["x", {"b": "1", "c": ["2", "3"]}]}


# ----------------------------------------------------------------------------- duplicate keys


def test_a_duplicate_top_level_key_names_both_lines() -> None:
    code, path, line, col, params = refused("nam: 2023\nxa: A\nnam: 2024\n")
    assert (code, path, line, col) == ("YAML020", ("nam",), 3, 1)
    assert params["dong"] == 1 and params["khoa"].value == "nam"


def test_a_duplicate_key_deep_in_a_criterion_is_refused_at_its_path() -> None:
    text = "tieu_chi:\n  lao_dong:\n    hien_trang:\n      ty_le: 1\n      ty_le: 2\n"
    code, path, line, col, params = refused(text)
    assert (code, path, line, col) == ("YAML020", ("tieu_chi", "lao_dong", "hien_trang", "ty_le"), 5, 7)
    assert params["dong"] == 4


def test_a_duplicate_key_inside_a_list_item_has_the_item_index_in_its_path() -> None:
    code, path, line, _, _ = refused("a:\n  - b: 1\n  - c: 1\n    c: 2\n")
    assert (code, path, line) == ("YAML020", ("a", 1, "c"), 4)


def test_a_duplicate_on_the_same_line_names_the_first_column() -> None:
    code, _, line, col, params = refused("a: {b: 1, b: 2}\n")
    assert (code, line, col) == ("YAML020", 1, 11)
    assert (params["bien_the"], params["cot"], params["dong"]) == ("cung_dong", 5, 1)


def test_the_same_key_in_two_different_mappings_is_fine() -> None:
    data, _, problems = compose("a: {x: 1}\nb: {x: 2}\n", "k.yaml")
    assert problems == [] and data == {"a": {"x": "1"}, "b": {"x": "2"}}


# ----------------------------------------------------------------------------- anchors, tags, merge keys


def test_an_anchor_is_refused_where_it_is_written() -> None:
    code, path, line, col, params = refused("a: 1\nb: &x [1, 2]\nc: *x\n")
    assert (code, path, line, col) == ("YAML013", ("b",), 2, 4)
    assert params["bien_the"] == "neo" and params["the"].value == "&x"


def test_an_ampersand_inside_text_is_text() -> None:
    data, _, problems = compose("co_quan: Phòng NN&PTNT\nghi_chu: a & b, 3*4\n", "k.yaml")
    assert problems == [] and data == {"co_quan": "Phòng NN&PTNT", "ghi_chu": "a & b, 3*4"}


def test_an_alias_is_refused_where_it_is_written_even_without_its_anchor() -> None:
    code, path, line, col, params = refused("a: 1\nb: *x\n")
    assert (code, path, line, col) == ("YAML013", ("b",), 2, 4)
    assert params["bien_the"] == "bi_danh" and params["the"].value == "*x"


def test_a_merge_key_is_refused() -> None:
    code, path, line, _, _ = refused("a:\n  <<: {b: 1}\n  c: 2\n")
    assert (code, path, line) == ("YAML015", ("a", "<<"), 2)


def test_a_quoted_merge_key_is_an_ordinary_key() -> None:
    data, _, problems = compose('a:\n  "<<": 1\n', "k.yaml")
    assert problems == [] and data == {"a": {"<<": "1"}}


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!python/object:os.system {}", "!!python/object:os.system"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!set {a, b}", "!!set"),
        ("!!int 5", "!!int"),
        ("!thu_nghiem 5", "!thu_nghiem"),
        ('!!map "x"', "!!map"),
    ],
)
def test_every_tag_but_plain_text_is_refused(value: str, tag: str) -> None:
    code, path, line, col, params = refused(f"nam: 2023\nx: {value}\n")
    assert (code, path, line, col) == ("YAML012", ("x",), 2, 4)
    assert params["the"].value == tag


def test_an_explicit_str_tag_is_plain_text() -> None:
    data, _, problems = compose("a: !!str 5\n", "k.yaml")
    assert problems == [] and data == {"a": "5"}


def test_a_list_as_a_key_is_refused() -> None:
    code, path, _, _, _ = refused("a:\n  ? [x, y]\n  : 1\n")
    assert (code, path) == ("YAML014", ("a",))


@pytest.mark.parametrize(("escape", "code_point"), [("\\x01", "0001"), ("\\x7f", "007F"), ("\\uFFFF", "FFFF"),
                                                    ("\\x85", "0085")])
def test_a_control_character_written_as_an_escape_is_refused(escape: str, code_point: str) -> None:
    code, path, _, _, params = refused(f'nam: 2023\nho_ten: "A{escape}B"\n')
    assert (code, path, params["ma_ky_tu"]) == ("YAML016", ("ho_ten",), code_point)


def test_tab_and_line_breaks_written_as_escapes_are_text() -> None:
    data, _, problems = compose('a: "x\\ty\\nz"\n', "k.yaml")
    assert problems == [] and data == {"a": "x\ty\nz"}


# ----------------------------------------------------------------------------- size and shape


def test_nesting_up_to_the_limit_is_read_and_one_deeper_is_refused() -> None:
    def nested(levels: int) -> str:
        return "a: " + "[" * levels + "1" + "]" * levels + "\n"

    data, _, problems = compose(nested(MAX_DEPTH - 1), "k.yaml")
    assert problems == [] and data is not None
    code, _, _, _, params = refused(nested(MAX_DEPTH))
    assert code == "YAML011" and params["toi_da"] == MAX_DEPTH


def test_more_values_than_the_limit_are_refused_before_composing() -> None:
    code, _, line, _, params = refused("a:\n" + "- 1\n" * MAX_NODES)  # the mapping and its key count too
    assert code == "YAML006" and params["toi_da"].value == MAX_NODES
    assert line is not None and line > MAX_NODES - 10  # where the count ran over


@pytest.mark.parametrize("text", ["", "# chỉ có chú thích\n", "\n\n"])
def test_an_empty_document_is_refused(text: str) -> None:
    assert refused(text)[0] == "YAML030"


@pytest.mark.parametrize(("text", "found"), [("- a\n- b\n", ["a", "b"]), ("chỉ một dòng chữ\n", "chỉ một dòng chữ")])
def test_the_top_level_must_be_a_mapping(text: str, found: object) -> None:
    code, _, line, col, params = refused(text)
    assert (code, line, col) == ("YAML031", 1, 1)
    assert params["tim_thay"].value == found


@pytest.mark.parametrize(
    ("text", "variant", "line"),
    [
        ("a:\n\tb: 1\n", "tab", 2),
        ("a: 1\n---\nb: 2\n", "nhieu_tai_lieu", 2),
        ('a: "mở\nb: 1\nc: 2\n', "nhay_het_tep", 1),
        ("a: [1, 2\nb: 3\n", "ngoac_vuong", 2),
    ],
)
def test_syntax_errors_say_which_slip_and_where_it_began(text: str, variant: str, line: int) -> None:
    code, _, found_line, _, params = refused(text)
    assert (code, params["bien_the"], found_line) == ("YAML010", variant, line)


def test_an_unclosed_quote_is_reported_where_it_opened() -> None:
    text = 'van_ban:\n  so_hieu: "03/KH-UBND\n  dia_danh: Hương Sơn\n  nam: "2023"\n'
    code, _, line, col, params = refused(text)
    assert (code, params["bien_the"], line, col) == ("YAML010", "nhay_keo_dai", 2, 12)
    assert params["dong"] == 4  # the quote that closed it, by accident


# ----------------------------------------------------------------------------- source map


SOURCE = "van_ban:\n  so_hieu: 03/KH\n  noi_nhan:\n    - Lưu\n    -   VT\ndia_ban:\n  xa:\n"


def test_the_source_map_has_the_key_and_the_value_position_of_each_path() -> None:
    _, source_map, _ = compose(SOURCE, "k.yaml")
    assert source_map.position(("van_ban", "so_hieu")) == (2, 12)
    assert source_map.position(("van_ban", "so_hieu"), at_key=True) == (2, 3)
    assert source_map.position(("van_ban", "noi_nhan", 1)) == (5, 9)


def test_a_mapping_or_an_empty_value_is_placed_at_its_key() -> None:
    _, source_map, _ = compose(SOURCE, "k.yaml")
    assert source_map.position(("van_ban",)) == (1, 1)
    assert source_map.position(("dia_ban", "xa")) == (7, 3)


def test_a_path_not_in_the_file_is_placed_at_its_closest_ancestor() -> None:
    """A missing required key is reported at the mapping that should hold it."""
    _, source_map, _ = compose(SOURCE, "k.yaml")
    assert source_map.position(("dia_ban", "tinh")) == source_map.position(("dia_ban",)) == (6, 1)
    assert source_map.position(("khong_co", "gi")) == (1, 1)  # the root


def test_place_fills_in_only_what_has_no_position_and_is_about_this_file() -> None:
    from ntm.plan import validate_plan

    data, source_map, _ = compose(SOURCE, "k.yaml")
    _, problems = validate_plan(data, "k.yaml")
    missing = next(d for d in problems if d.code == "SCH001" and d.path == ("dia_ban",))  # tinh is missing
    placed = source_map.place(missing)
    assert (placed.line, placed.column) == (6, 1)
    assert source_map.place(placed.at(9, 9)).line == 9  # already placed: kept
    other = compose("a: 1\n", "khac.yaml")[1]
    assert other.place(missing).line is None  # about another file: left alone


# ----------------------------------------------------------------------------- load_bytes


def test_load_bytes_decodes_then_composes_and_keeps_the_nfd_warning() -> None:
    import unicodedata

    loaded = load_bytes(unicodedata.normalize("NFD", "xa: Hương Sơn\n").encode(), "k.yaml")
    assert loaded.data == {"xa": "Hương Sơn"}
    assert [d.code for d in loaded.diagnostics] == ["YAML005"]
    assert loaded.source_map.position(("xa",)) == (1, 5)


def test_load_bytes_refuses_more_than_max_bytes_without_decoding() -> None:
    loaded = load_bytes(b"\xff" * (MAX_BYTES + 1), "k.yaml")
    assert loaded.data is None and [d.code for d in loaded.diagnostics] == ["YAML004"]


def test_load_bytes_of_undecodable_bytes_has_no_data() -> None:
    loaded = load_bytes(b"a: \xff\n", "k.yaml")
    assert loaded.data is None and [d.code for d in loaded.diagnostics] == ["YAML001"]
