"""Bytes -> plain data, safely, remembering where every value came from.

PyYAML's defaults are traps for files that officials edit by hand (see
docs/plan-format.md, "Quy tắc đọc tệp"):

* only libyaml/PyYAML's *base* composer is used: no object construction at
  all, so `!!python/object` and friends cannot run, and every explicit tag is
  refused;
* every scalar stays the text the user wrote (YAML 1.1 would turn `1.10`
  into 1.1, `no` into False, `03` into 3, `10:30` into 630); the pydantic
  schema decides each value's type, so identifiers stay text;
* duplicate keys are refused at any depth, naming both lines;
* aliases are refused (no "billion laughs"), merge keys too;
* bytes must be UTF-8 (BOM allowed) or UTF-16 with a BOM; legacy TCVN3/VNI
  text is recognised and refused with a hint; all text is normalised to NFC.

Positions are not tabulated up front: the composed node tree is kept and a
YAML path is looked up in it only when a diagnostic needs a line.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ntm.diagnostics import Diagnostic, YamlPath, describe_value

# libyaml when present; the pure-Python composer otherwise (same semantics).
_BaseLoader: type[Any] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
HAS_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False)) and hasattr(yaml, "CBaseLoader")

MAX_DEPTH = 64  # a plan is about 6 levels deep; anything far deeper is an accident or an attack
MAX_BYTES = 5 * 1024 * 1024  # the real plan is ~20 KB; 5 MB leaves room for the largest annexes

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# Characters TCVN3 (ABC) text shows when read as Latin-1/cp1252: "B¶o Th¾ng".
_TCVN3_MARKS = frozenset("¸µ¶·¹¨©ª«¬®¾¿ÆÇÊËÌÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßãåæçèéêëìíîïñòóôõö÷øùúûüýþ")
# VNI text read as cp1252: a vowel followed by one of these ("chaøo").
_VNI_PAIR = re.compile("[aeiouyAEIOUY][øùúûõïòóôöõ]")
_VIETNAMESE_LETTER = re.compile("[\u1ea0-\u1ef9ăâđêôơưĂÂĐÊÔƠƯ]")


@dataclass
class LoadedYaml:
    """The result of loading one file: data (or None) and what went wrong."""

    file: str
    data: Any = None
    root: Node | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def position(self, path: YamlPath, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based line and column of the value at `path` (or of its closest ancestor).

        `at_key` gives the key's own position (for unknown or duplicate keys).
        """
        if self.root is None:
            return (None, None)
        return locate(self.root, path, at_key)

    def diagnostic(self, path: YamlPath, code: str, message: str, **kw: Any) -> Diagnostic:
        line, column = self.position(path)
        return Diagnostic(self.file, line, column, code, message, path=path, **kw)


class _Refused(Exception):
    """A construction rule was broken; carries the finished diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


# --------------------------------------------------------------------------- decoding


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1


def _legacy_hint(sample: str) -> str:
    """A hint when text looks like TCVN3 or VNI read with the wrong code page."""
    tcvn3 = sum(1 for ch in sample if ch in _TCVN3_MARKS)
    vni = len(_VNI_PAIR.findall(sample))
    if max(tcvn3, vni) < 3:
        return ""
    kind = "TCVN3 (ABC, phông .VnTime)" if tcvn3 >= vni else "VNI (phông VNI-Times)"
    return (
        f" Tệp có vẻ dùng bảng mã cũ {kind}: hãy chuyển sang Unicode "
        "(Unikey → Công cụ chuyển mã, đích Unicode) rồi lưu lại dạng UTF-8."
    )


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> NFC text, or a diagnostic saying why the bytes are not text we accept."""
    if data.startswith(codecs.BOM_UTF8):
        raw, encoding = data[3:], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raw, encoding = data, "utf-16"
    else:
        raw, encoding = data, "utf-8"
        if b"\x00" in data:
            head = data[:400]
            zeros_odd = head[1::2].count(0)
            zeros_even = head[0::2].count(0)
            if max(zeros_odd, zeros_even) > len(head) // 4:
                return None, [
                    Diagnostic(
                        file, None, None, "YAML001",
                        "tệp có vẻ là UTF-16 nhưng thiếu dấu BOM ở đầu tệp nên không đọc chắc "
                        "chắn được; hãy lưu lại tệp dạng UTF-8.",
                    )
                ]
            pos = data.index(b"\x00")
            line = data.count(b"\n", 0, pos) + 1
            return None, [
                Diagnostic(
                    file, line, pos - (data.rfind(b"\n", 0, pos) + 1) + 1, "YAML002",
                    "tệp chứa byte NUL (tệp nhị phân?): cần một tệp văn bản YAML.",
                )
            ]
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode(encoding, errors="replace")
        line, col = _line_col(before, len(before))
        hint = _legacy_hint(raw.decode("cp1252", errors="replace"))
        return None, [
            Diagnostic(
                file, line, col, "YAML001",
                f"tệp không phải văn bản UTF-8 (byte 0x{raw[exc.start]:02X} không hợp lệ)."
                + (hint or " Hãy lưu lại tệp với bảng mã UTF-8."),
            )
        ]
    hint = _legacy_hint(text)
    if hint and not _VIETNAMESE_LETTER.search(text):
        return None, [Diagnostic(file, None, None, "YAML003", "văn bản trong tệp bị lỗi phông." + hint)]
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text, []


# --------------------------------------------------------------------------- YAML errors

# libyaml's and PyYAML's wording -> what an officer can act on.
_YAML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "ký tự Tab ở đây: YAML chỉ cho thụt lề bằng dấu cách, không dùng Tab"),
    ("found a tab character", "ký tự Tab ở đây: YAML chỉ cho thụt lề bằng dấu cách, không dùng Tab"),
    ("cannot start any token", "ký tự này không được đứng đầu một giá trị; hãy đặt giá trị trong dấu nháy kép"),
    ("found unexpected end of stream", "thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy chưa được đóng"),
    ("found unknown escape character", "chuỗi trong nháy kép có ký tự '\\' không hợp lệ; dùng nháy đơn hoặc viết '\\\\'"),
    ("mapping values are not allowed", "dấu ':' không hợp lệ ở đây: thụt lề sai, thiếu dấu cách sau ':', hoặc giá trị có ':' mà chưa đặt trong dấu nháy"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên khóa (hoặc một dòng bị thụt lề sai)"),
    ("did not find expected key", "thụt lề không khớp với các dòng phía trên"),
    ("did not find expected '-' indicator", "thụt lề không khớp: dòng này không thẳng hàng với danh sách phía trên"),
    ("did not find expected node content", "thiếu giá trị ở đây"),
    ("block sequence entries are not allowed", "dấu '-' của danh sách không được đặt ở đây (thụt lề sai?)"),
    ("expected a single document", "tệp chứa nhiều tài liệu YAML (dấu '---' hoặc '...'): mỗi tệp chỉ chứa một kế hoạch"),
    ("but found another document", "tệp chứa nhiều tài liệu YAML (dấu '---' hoặc '...'): mỗi tệp chỉ chứa một kế hoạch"),
    ("exceeded maximum nesting depth", f"cấu trúc lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)"),
    ("found undefined alias", "bí danh (*…) không được phép trong kế hoạch"),
    ("found undefined tag handle", "thẻ YAML (!…) không được phép trong kế hoạch"),
    ("control characters are not allowed", "tệp chứa ký tự điều khiển không in được"),
    ("unacceptable character", "tệp chứa ký tự không hợp lệ"),
    ("did not find expected ',' or ']'", "danh sách trong ngoặc vuông chưa được đóng bằng ']'"),
    ("did not find expected ',' or '}'", "bảng trong ngoặc nhọn chưa được đóng bằng '}'"),
    ("expected ',' or ']'", "danh sách trong ngoặc vuông chưa được đóng bằng ']'"),
    ("expected ',' or '}'", "bảng trong ngoặc nhọn chưa được đóng bằng '}'"),
    ("found duplicate anchor", "neo (&…) bị đặt trùng tên"),
    ("did not find expected comment or line break", "có ký tự thừa sau giá trị trên cùng dòng"),
    ("did not find expected whitespace or line break", "có ký tự thừa sau giá trị trên cùng dòng"),
    ("did not find expected alphabetic or numeric character", "neo hoặc bí danh (&, *) không hợp lệ"),
)


def _yaml_error(exc: yaml.YAMLError, text: str, file: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    line = col = None
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(exc, yaml.reader.ReaderError):
        line, col = _line_col(text, exc.position)
    message = next(
        (text_vi for needle, text_vi in _YAML_MESSAGES if needle in problem or needle in context),
        f"YAML không hợp lệ ({problem})",
    )
    context_mark = getattr(exc, "context_mark", None)
    if "unexpected end of stream" in problem and context_mark is not None:
        message += f" (chuỗi mở ở dòng {context_mark.line + 1}, cột {context_mark.column + 1})"
        line, col = context_mark.line + 1, context_mark.column + 1
    return Diagnostic(file, line, col, "YAML010", message + ".")


# --------------------------------------------------------------------------- construction


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(file: str, node: Node, path: YamlPath, code: str, message: str) -> _Refused:
    line, col = _pos(node)
    return _Refused(Diagnostic(file, line, col, code, message, path=path))


def _construct(node: Node, path: YamlPath, file: str, seen: set[int], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _refuse(file, node, path, "YAML011", f"cấu trúc lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp).")
    if isinstance(node, ScalarNode):
        if node.tag != _STR_TAG:
            raise _refuse(
                file, node, path, "YAML012",
                f"thẻ YAML '{_short_tag(node.tag)}' không được phép: kế hoạch chỉ chứa văn bản, số, danh sách và bảng.",
            )
        value: str = node.value
        if not node.style and value in _NULLS:
            return None
        return value
    if id(node) in seen:
        raise _refuse(
            file, node, path, "YAML013",
            "bí danh YAML (*…) không được phép trong kế hoạch: hãy chép đầy đủ nội dung thay vì tham chiếu.",
        )
    seen.add(id(node))
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ_TAG:
            raise _refuse(file, node, path, "YAML012", f"thẻ YAML '{_short_tag(node.tag)}' không được phép.")
        return [
            _construct(item, (*path, i), file, seen, depth + 1) for i, item in enumerate(node.value)
        ]
    assert isinstance(node, MappingNode)
    if node.tag != _MAP_TAG:
        raise _refuse(file, node, path, "YAML012", f"thẻ YAML '{_short_tag(node.tag)}' không được phép.")
    result: dict[str, Any] = {}
    first_seen: dict[str, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag != _STR_TAG:
            raise _refuse(file, key_node, path, "YAML014", "tên khóa phải là một chữ đơn giản, không phải danh sách hay bảng.")
        key = key_node.value
        if key == "<<" and not key_node.style:
            raise _refuse(
                file, key_node, (*path, key), "YAML015",
                "khóa gộp '<<' không được phép trong kế hoạch: hãy viết đầy đủ các khóa.",
            )
        if key in first_seen:
            first_line, _ = _pos(first_seen[key])
            line, col = _pos(key_node)
            raise _Refused(
                Diagnostic(
                    file, line, col, "YAML020",
                    f"khóa '{key}' bị lặp: đã có ở dòng {first_line}. Mỗi khóa chỉ được viết một lần "
                    "(bản sau sẽ ghi đè bản trước).",
                    path=(*path, key),
                    related=(f"{file}:{first_line}",),
                )
            )
        first_seen[key] = key_node
        result[key] = _construct(value_node, (*path, key), file, seen, depth + 1)
    return result


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def locate(root: Node, path: YamlPath, at_key: bool = False) -> tuple[int, int]:
    """Walk the node tree along `path`; segments that are not real keys are skipped.

    pydantic inserts segments that are not in the data (union members,
    `[key]`); skipping them lands on the closest real ancestor.
    """
    node = root
    mark = _pos(root)
    for segment in path:
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == segment:
                    mark = _pos(key_node)
                    node = value_node
                    if isinstance(node, ScalarNode) and node.value != "" and not at_key:
                        mark = _pos(node)
                    break
        elif isinstance(node, SequenceNode) and isinstance(segment, int) and 0 <= segment < len(node.value):
            node = node.value[segment]
            mark = _pos(node)
    return mark


def iter_keys(node: Node) -> Iterator[tuple[str, Node]]:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            yield key_node.value, value_node


# --------------------------------------------------------------------------- entry points


def load_text(text: str, file: str) -> LoadedYaml:
    result = LoadedYaml(file)
    loader = _BaseLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        result.diagnostics.append(_yaml_error(exc, text, file))
        return result
    finally:
        loader.dispose()
    if root is None:
        result.diagnostics.append(
            Diagnostic(file, None, None, "YAML030", "tệp trống (hoặc chỉ có chú thích): cần nội dung một kế hoạch.")
        )
        return result
    result.root = root
    try:
        result.data = _construct(root, (), file, set(), 0)
    except _Refused as refused:
        result.diagnostics.append(refused.diagnostic)
        result.data = None
        return result
    if not isinstance(result.data, dict):
        line, col = _pos(root)
        result.diagnostics.append(
            Diagnostic(
                file, line, col, "YAML031",
                f"cấp cao nhất của tệp phải là các khóa (van_ban:, dia_ban:, …); tìm thấy {describe_value(result.data)}.",
            )
        )
        result.data = None
    return result


def load_bytes(data: bytes, file: str) -> LoadedYaml:
    if len(data) > MAX_BYTES:
        return LoadedYaml(
            file,
            diagnostics=[
                Diagnostic(
                    file, None, None, "YAML004",
                    f"tệp quá lớn ({len(data) / 1048576:.1f} MB; tối đa {MAX_BYTES // 1048576} MB cho một kế hoạch).",
                )
            ],
        )
    text, problems = decode(data, file)
    if text is None:
        return LoadedYaml(file, diagnostics=problems)
    return load_text(text, file)
