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
* anchors and aliases are refused where they are written (no "billion
  laughs", and `&nbsp;` pasted into a value is not silently eaten), merge
  keys too; nesting deeper than MAX_DEPTH is refused;
* bytes must be UTF-8 (BOM allowed) or UTF-16 with a BOM; binary files,
  UTF-16 without a BOM and UTF-32 are refused; legacy TCVN3/VNI text is
  recognised and refused with a hint; all text is normalised to NFC (with a
  warning when it was not);
* `read_file` reads regular files only, never more than MAX_BYTES (a FIFO
  or /dev/zero would hang the run).

Positions are not tabulated up front: the composed node tree is kept and a
YAML path is looked up in it only when a diagnostic needs a line.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ntm.diagnostics import Diagnostic, MucDo, YamlPath, describe_value

# libyaml when present; the pure-Python composer otherwise (same semantics).
_BaseLoader: type[Any] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
HAS_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False)) and hasattr(yaml, "CBaseLoader")

MAX_DEPTH = 64  # a plan is about 6 levels deep; anything far deeper is an accident or an attack
MAX_BYTES = 5 * 1024 * 1024  # the real plan is ~20 KB; 5 MB leaves room for the largest annexes
MAX_NODES = 50_000  # keys, values and list items; the real plan has ~250, so 200 times that
_SCAN_ABOVE = 64 * 1024  # characters; smaller files cannot hold enough nodes to matter

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

# TCVN3 (ABC) puts ă â ê ô ơ ư đ and the tones of a at bytes 0xA1-0xBF, which
# VNI never uses: read as cp1252 they show as "¨©ª«¬­®µ¶·¸¹" ("B¶o Th¾ng").
_TCVN3_MARKS = frozenset(bytes(range(0xA1, 0xC0)).decode("cp1252"))
# VNI keeps the ASCII vowel and adds a mark byte (>= 0xC0) after it: "chaøo",
# "Höông" (ươ = öô).
_VNI_PAIR = re.compile("[aeiouyAEIOUY][âêùøûõïáàåãäéèúüëÂÊÙØÛÕÏÁÀÅÃÄÉÈÚÜË]|[öÖ][ôÔ]")
# Letters no legacy text read as cp1252 can produce: real Unicode Vietnamese.
_VIETNAMESE_LETTER = re.compile("[\u1ea0-\u1ef9ăđơưĂĐƠƯ]")


@dataclass
class LoadedYaml:
    """The result of loading one file: data (or None) and what went wrong."""

    file: str
    data: Any = None
    root: Node | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # id(mapping node) -> key -> index of its entry, built on demand for large mappings,
    # so that thousands of diagnostics do not each scan a mapping of thousands of keys.
    _entries: dict[int, dict[str, int]] = field(default_factory=dict, repr=False)

    def position(self, path: YamlPath, at_key: bool = False) -> tuple[int | None, int | None]:
        """1-based line and column of the value at `path` (or of its closest ancestor).

        `at_key` gives the key's own position (for unknown or duplicate keys).
        """
        if self.root is None:
            return (None, None)
        return locate(self.root, path, at_key, self._entries)

    def diagnostic(self, path: YamlPath, code: str, message: str, **kw: Any) -> Diagnostic:
        line, column = self.position(path)
        return Diagnostic(self.file, line, column, code, message, path=path, **kw)


class _Refused(Exception):
    """A construction rule was broken; carries the finished diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


# --------------------------------------------------------------------------- reading


# errno -> what an officer can act on; os.strerror() would be English.
_OS_REASONS = {
    errno.EACCES: "không có quyền đọc tệp này",
    errno.EPERM: "không có quyền đọc tệp này",
    errno.ELOOP: "liên kết tượng trưng (symlink) lặp vòng",
    errno.ENAMETOOLONG: "đường dẫn quá dài",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EIO: "lỗi đọc ổ đĩa",
}


def read_file(path: Path, display: str, what: str = "kế hoạch") -> tuple[bytes | None, Diagnostic | None]:
    """The bytes of a plan (or, with `what`, a catalog) file, or why it cannot be one.

    Only regular files are read, and never more than MAX_BYTES + 1 bytes:
    a FIFO would block forever and /dev/zero would never end.
    """

    def problem(code: str, message: str) -> tuple[None, Diagnostic]:
        return None, Diagnostic(display, None, None, code, message)

    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return problem("IO001", f"liên kết tượng trưng trỏ tới '{os.readlink(path)}', tệp này không tồn tại.")
        return problem("IO001", "không tìm thấy tệp.")
    except OSError as exc:
        return problem("IO004", f"không đọc được tệp ({os_reason(exc)}).")
    if stat.S_ISDIR(info.st_mode):
        return problem("IO002", f"đây là một thư mục, không phải tệp {what}.")
    if not stat.S_ISREG(info.st_mode):
        return problem(
            "IO006", f"đây không phải tệp thường (mà là FIFO, thiết bị hoặc socket): cần một tệp {what} .yaml."
        )
    if info.st_size > MAX_BYTES:
        return problem("YAML004", _too_big(info.st_size))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        return problem("IO003", "không có quyền đọc tệp này.")
    except OSError as exc:
        return problem("IO004", f"không đọc được tệp ({os_reason(exc)}).")
    if len(data) > MAX_BYTES:  # the file grew after stat()
        return problem("YAML004", _too_big(len(data)))
    return data, None


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Vietnamese where we know the errno."""
    if exc.errno in _OS_REASONS:
        return _OS_REASONS[exc.errno]
    return os.strerror(exc.errno) if exc.errno else str(exc)


def _too_big(size: int) -> str:
    return f"tệp quá lớn ({size / 1048576:.1f} MB; tối đa {MAX_BYTES // 1048576} MB cho một kế hoạch)."


# --------------------------------------------------------------------------- decoding


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    return line, index - start + 1


# Bytes that never occur in text: a share of them this high means a binary file.
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0D, 0x0C}  # NUL included
_BINARY_SHARE = 0.05


# bytes.translate() deletes these, leaving the control bytes to count in C (a Python loop cost 0.2 ms a plan).
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls > 0 and controls >= _BINARY_SHARE * len(head)


def _legacy_hint(sample: str) -> str:
    """A hint when text looks like TCVN3 or VNI read with the wrong code page.

    The two use different bytes (see _TCVN3_MARKS, _VNI_PAIR), so whichever
    leaves more traces names the likely encoding.
    """
    vni = len(_VNI_PAIR.findall(sample))
    tcvn3 = sum(1 for ch in sample if ch in _TCVN3_MARKS)
    if max(tcvn3, vni) < 3:
        return ""
    kind = "TCVN3 (ABC, phông .VnTime)" if tcvn3 > vni else "VNI (phông VNI-Times)"
    return (
        f" Tệp có vẻ dùng bảng mã cũ {kind}: hãy chuyển sang Unicode "
        "(Unikey → Công cụ chuyển mã, đích Unicode) rồi lưu lại dạng UTF-8."
    )


def _undecodable_sample(raw: bytes) -> str:
    """Only the bytes that are not UTF-8, read as cp1252 (ASCII kept for context).

    A UTF-8 file with one stray byte must not be taken for a TCVN3 file just
    because its correct Vietnamese letters look odd in cp1252.
    """
    text = raw[:65536].decode("utf-8", errors="surrogateescape")
    kept = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x80:
            kept.append(code)
        elif 0xDC80 <= code <= 0xDCFF:  # an undecodable byte
            kept.append(code - 0xDC00)
    return kept.decode("cp1252", errors="replace")


def _binary(file: str, data: bytes) -> Diagnostic:
    if b"\x00" in data and not _looks_binary(data):  # one stray NUL in a text file: say where
        pos = data.index(b"\x00")
        line = data.count(b"\n", 0, pos) + 1
        column = len(data[data.rfind(b"\n", 0, pos) + 1 : pos].decode("utf-8", errors="replace")) + 1
        return Diagnostic(
            file, line, column, "YAML002", "tệp chứa byte NUL (tệp nhị phân?): cần một tệp văn bản YAML."
        )
    return Diagnostic(
        file, None, None, "YAML002", "tệp nhị phân (nhiều byte NUL và ký tự điều khiển), không phải văn bản YAML."
    )


def decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> NFC text, or a diagnostic saying why the bytes are not text we accept.

    The diagnostics may also hold a warning alongside the text (NFD input).
    """
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE is a prefix of both
        return None, [
            Diagnostic(file, None, None, "YAML001", "tệp dùng bảng mã UTF-32, không được hỗ trợ: hãy lưu lại dạng UTF-8.")
        ]
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
            if max(zeros_odd, zeros_even) > len(head) // 4 and min(zeros_odd, zeros_even) < len(head) // 16:
                return None, [
                    Diagnostic(
                        file, None, None, "YAML001",
                        "tệp có vẻ là UTF-16 nhưng thiếu dấu BOM ở đầu tệp nên không đọc chắc "
                        "chắn được; hãy lưu lại tệp dạng UTF-8.",
                    )
                ]
            return None, [_binary(file, data)]
        if _looks_binary(data):
            return None, [_binary(file, data)]
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode(encoding, errors="replace")
        line, col = _line_col(before, len(before))
        hint = _legacy_hint(_undecodable_sample(raw)) if encoding == "utf-8" else ""
        return None, [
            Diagnostic(
                file, line, col, "YAML001",
                f"tệp không phải văn bản UTF-8 (byte 0x{raw[exc.start]:02X} không hợp lệ)."
                + (hint or " Hãy lưu lại tệp với bảng mã UTF-8."),
            )
        ]
    # One real Vietnamese letter rules out legacy fonts; only then is the (slow) hint worth computing.
    hint = "" if _VIETNAMESE_LETTER.search(text) else _legacy_hint(text)
    if hint:
        return None, [Diagnostic(file, None, None, "YAML003", "văn bản trong tệp bị lỗi phông." + hint)]
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, []
    return unicodedata.normalize("NFC", text), [_nfd_warning(text, file)]


def _nfd_warning(text: str, file: str) -> Diagnostic:
    """Where the first decomposed letter is, in the normalised text the positions refer to."""
    line_no, column = 1, 1
    for line_no, line in enumerate(text.split("\n"), start=1):  # noqa: B007 - line_no is used after the loop
        if not unicodedata.is_normalized("NFC", line):
            first = next(i for i, ch in enumerate(line) if unicodedata.combining(ch))
            column = len(unicodedata.normalize("NFC", line[: max(first - 1, 0)])) + 1
            break
    return Diagnostic(
        file, line_no, column, "YAML005",
        "chữ Việt ở dạng tổ hợp (NFD, thường do chép từ PDF hoặc máy Mac); đã tự chuyển sang dạng dựng sẵn (NFC). "
        "Nên lưu lại tệp ở dạng dựng sẵn để tìm kiếm, so sánh không bị sai.",
        level=MucDo.CANH_BAO,
    )


# --------------------------------------------------------------------------- YAML errors

_TAB_MESSAGE = "ký tự Tab ở đây: YAML chỉ cho thụt lề bằng dấu cách, không dùng Tab"
_TOO_DEEP = f"cấu trúc lồng nhau quá sâu (tối đa {MAX_DEPTH} cấp)"

# libyaml's and PyYAML's wording -> what an officer can act on.
_YAML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", _TAB_MESSAGE),
    ("found a tab character", _TAB_MESSAGE),
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
    ("exceeded maximum nesting depth", _TOO_DEEP),
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
    (
        "expected alphabetic or numeric character",
        "giá trị bắt đầu bằng '&' hoặc '*' bị YAML hiểu là neo hoặc bí danh: nếu đây là chữ trong nội dung, "
        "hãy đặt cả giá trị trong dấu nháy kép",
    ),
)


# YAML counts these as line breaks; splitting the same way keeps line numbers aligned with marks.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# A value that opens with a quote: `key: "…`, `- "…`, `- key: '…`.
_QUOTE_START = re.compile(r"""^ *(?:- +)*(?:[^\s#'"][^#]*?: +)?(["'])""")


def _closing_quote(lines: list[str], line: int, col: int, quote: str, last: int) -> int | None:
    """0-based line of the quote that closes the one at (line, col); None if none up to `last`."""
    for i in range(line, min(last, len(lines) - 1) + 1):
        text = lines[i]
        j = col + 1 if i == line else 0
        while j < len(text):
            ch = text[j]
            if quote == '"' and ch == "\\":
                j += 2
                continue
            if ch == quote:
                if quote == "'" and text[j + 1 : j + 2] == "'":  # '' is an escaped quote
                    j += 2
                    continue
                return i
            j += 1
    return None


def _unclosed_quote(lines: list[str], error_line: int) -> tuple[int, int, int] | None:
    """(line, column, closing line), 1-based, of a quoted value that ran on to the error's line.

    A value such as `so_hieu: "03/KH-UBND` swallows the following lines until
    the next quote, and YAML only complains there; the slip is where the
    quote opened.
    """
    error = error_line - 1
    for i in range(error - 1, max(-1, error - 200), -1):
        match = _QUOTE_START.match(lines[i]) if i < len(lines) else None
        if match is None:
            continue
        col = match.start(1)
        end = _closing_quote(lines, i, col, match.group(1), error)
        if end == error:
            return i + 1, col + 1, end + 1
    return None


def _yaml_error(exc: yaml.YAMLError, text: str, file: str) -> Diagnostic:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    line = col = None
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(exc, yaml.reader.ReaderError):
        position = exc.position
        if _BaseLoader is not yaml.BaseLoader:  # libyaml counts UTF-8 bytes, not characters
            position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
        line, col = _line_col(text, position)
    lines = _LINE_BREAKS.split(text)
    source = lines[line - 1] if line is not None and line <= len(lines) else ""
    before = source[: col - 1] if col is not None else ""
    at_error = source[len(before) : len(before) + 1]
    message = next(
        (text_vi for needle, text_vi in _YAML_MESSAGES if needle in problem or needle in context),
        f"YAML không hợp lệ ({problem})",
    )
    if at_error == "\t":  # libyaml's wording does not name the tab
        message = _TAB_MESSAGE
    elif at_error and unicodedata.category(at_error) in ("Cc", "Cs", "Co", "Cn"):
        message = f"tệp chứa ký tự không in được (U+{ord(at_error):04X}) ở đây: hãy xoá ký tự này"
    elif ("expected key" in problem or "expected <block end>" in problem) and before.rstrip().endswith(('"', "'")):
        message = (
            "có chữ thừa sau dấu nháy đóng: nếu dấu nháy là một phần nội dung, "
            "hãy đặt cả giá trị trong dấu nháy khác loại hoặc bỏ dấu nháy"
        )
    context_mark = getattr(exc, "context_mark", None)
    if "unexpected end of stream" in problem and context_mark is not None:
        message = "thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy ở đây chưa được đóng đến hết tệp"
        line, col = context_mark.line + 1, context_mark.column + 1
    elif "expected alphabetic or numeric character" in problem and context_mark is not None:
        line, col = context_mark.line + 1, context_mark.column + 1  # where the & or * is, not the odd character
    elif line is not None:
        quote = _unclosed_quote(lines, line)
        if quote is not None:
            line, col, end = quote
            message = (
                "thiếu dấu nháy đóng: chuỗi mở bằng dấu nháy ở đây kéo dài sang các dòng sau, "
                f"tới dấu nháy ở dòng {end}"
            )
    return Diagnostic(file, line, col, "YAML010", message + ".")


@dataclass
class _Frame:
    """An open mapping or sequence while walking parser events."""

    mapping: bool
    path: YamlPath
    expect_key: bool = True
    key: str = ""
    index: int = -1

    def child(self, event: NodeEvent) -> YamlPath:
        if not self.mapping:
            self.index += 1
            return (*self.path, self.index)
        if self.expect_key:  # a key: report the mapping that holds it
            self.expect_key = False
            self.key = event.value if isinstance(event, ScalarEvent) else "?"
            return self.path
        self.expect_key = True
        return (*self.path, self.key)


# An anchor or alias must follow a space, a flow indicator or the line start;
# text without one is not scanned at all (plans use "&" in "NN&PTNT").
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\]{},:])[&*][^\s\[\]{},]", re.MULTILINE)


def _may_have_anchor(text: str) -> bool:
    """`_MAYBE_ANCHOR.search(text)`, only tried where a plan has '&' or '*' (a handful,
    "NN&PTNT") instead of at every position: 0.003 ms a plan instead of 0.4 ms."""
    for mark in "&*":
        i = text.find(mark)
        while i != -1:
            # A match ends its prefix at i (`^` at a line start) or at i - 1 (a space, a bracket).
            if _MAYBE_ANCHOR.match(text, i) or (i and _MAYBE_ANCHOR.match(text, i - 1)):
                return True
            i = text.find(mark, i + 1)
    return False


def _prescan(text: str, file: str) -> Diagnostic | None:
    """Rules the node tree cannot check cheaply, found from the parser's events.

    * The first anchor (&a) or alias (*a), at its own position: aliases share
      the anchored node, so the tree only knows where the anchor is.
    * More than MAX_NODES values: composing costs ~8 µs and ~350 bytes per
      node, so a 5 MB file of one-letter list items would take 10 s and
      450 MB; events are counted (~2 µs each) and the file refused early.
    Plans without '&'/'*' and under _SCAN_ABOVE characters skip this.
    """
    anchors = _may_have_anchor(text)
    if not anchors and len(text) <= _SCAN_ABOVE:
        return None
    frames: list[_Frame] = []
    nodes = 0
    parser = _BaseLoader(text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, NodeEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    mark = event.start_mark
                    return Diagnostic(
                        file, mark.line + 1 if mark else None, mark.column + 1 if mark else None, "YAML006",
                        f"tệp có quá nhiều giá trị (hơn {MAX_NODES:_} khóa và mục; một kế hoạch chỉ có vài trăm): "
                        "tệp có thể bị sinh tự động hoặc chép lặp nội dung.".replace("_", "."),
                    )
                if not anchors:
                    continue
                path = frames[-1].child(event) if frames else ()
                if isinstance(event, AliasEvent):
                    return _anchor_diagnostic(file, event, path, f"*{event.anchor}", "bí danh")
                if event.anchor:
                    return _anchor_diagnostic(file, event, path, f"&{event.anchor}", "neo")
                if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                    frames.append(_Frame(isinstance(event, MappingStartEvent), path))
            elif anchors and isinstance(event, CollectionEndEvent):
                frames.pop()
    except yaml.YAMLError:
        return None  # composing the document reports the syntax error
    finally:
        parser.dispose()
    return None


def _anchor_diagnostic(file: str, event: NodeEvent, path: YamlPath, token: str, kind: str) -> Diagnostic:
    shown = describe_value(token)
    mark = event.start_mark
    return Diagnostic(
        file, mark.line + 1 if mark else None, mark.column + 1 if mark else None, "YAML013",
        f"{kind} YAML {shown} không được phép trong kế hoạch (không dùng neo &… và bí danh *…): "
        f"hãy chép đầy đủ nội dung. Nếu {shown} là chữ trong nội dung, hãy đặt cả giá trị trong dấu nháy kép.",
        path=path,
    )


# --------------------------------------------------------------------------- construction


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(file: str, node: Node, path: YamlPath, code: str, message: str) -> _Refused:
    line, col = _pos(node)
    return _Refused(Diagnostic(file, line, col, code, message, path=path))


def _construct(node: Node, path: YamlPath, file: str, seen: set[int], depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _refuse(file, node, path, "YAML011", _TOO_DEEP + ".")
    if node.tag not in (_STR_TAG, _SEQ_TAG, _MAP_TAG):
        raise _refuse(file, node, path, "YAML012", _tag_message(node.tag))
    if isinstance(node, ScalarNode):
        if node.tag != _STR_TAG:  # `!!map "x"`: a tag that contradicts the node
            raise _refuse(file, node, path, "YAML012", _tag_message(node.tag))
        value: str = node.value
        if not node.style and value in _NULLS:
            return None
        return value
    if id(node) in seen:  # a backstop: _prescan() normally refuses aliases first
        raise _refuse(
            file, node, path, "YAML013",
            "bí danh YAML (*…) không được phép trong kế hoạch: hãy chép đầy đủ nội dung thay vì tham chiếu.",
        )
    seen.add(id(node))
    if isinstance(node, SequenceNode):
        if node.tag != _SEQ_TAG:
            raise _refuse(file, node, path, "YAML012", _tag_message(node.tag))
        return [
            _construct(item, (*path, i), file, seen, depth + 1) for i, item in enumerate(node.value)
        ]
    assert isinstance(node, MappingNode)
    if node.tag != _MAP_TAG:
        raise _refuse(file, node, path, "YAML012", _tag_message(node.tag))
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
            first_line, first_col = _pos(first_seen[key])
            line, col = _pos(key_node)
            where = f"dòng {first_line}" + (f", cột {first_col}" if first_line == line else "")
            raise _Refused(
                Diagnostic(
                    file, line, col, "YAML020",
                    f"khóa {describe_value(key)} bị lặp: đã có ở {where}. Mỗi khóa chỉ được viết một lần "
                    "(bản sau sẽ ghi đè bản trước).",
                    path=(*path, key),
                    related=(f"{file}:{first_line}",),
                )
            )
        first_seen[key] = key_node
        result[key] = _construct(value_node, (*path, key), file, seen, depth + 1)
    return result


class _NotPlain(Exception):
    """The fast construction met something _construct() must judge."""


def _construct_plain(node: Node, seen: set[int], depth: int = 0) -> Any:
    """_construct() for the common case, without carrying the YAML path (half its time).

    Accepts only what _construct() accepts and builds the same data; on
    anything else (a tag, a duplicate or merge key, an alias, too deep) it
    gives up, and _construct() words the diagnostic with its path.
    """
    kind = type(node)
    if type(node) is ScalarNode:
        if node.tag != _STR_TAG or depth > MAX_DEPTH:
            raise _NotPlain
        value: str = node.value
        return None if not node.style and value in _NULLS else value
    if depth > MAX_DEPTH or id(node) in seen:
        raise _NotPlain
    seen.add(id(node))
    if kind is MappingNode and node.tag == _MAP_TAG:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode or key_node.tag != _STR_TAG:
                raise _NotPlain
            key = key_node.value
            if key in result or key == "<<":
                raise _NotPlain
            result[key] = _construct_plain(value_node, seen, depth + 1)
        return result
    if kind is SequenceNode and node.tag == _SEQ_TAG:
        return [_construct_plain(item, seen, depth + 1) for item in node.value]
    raise _NotPlain


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _tag_message(tag: str) -> str:
    return (
        f"thẻ YAML {describe_value(_short_tag(tag))} không được phép: kế hoạch chỉ chứa văn bản, số, "
        "danh sách và bảng. Nếu đây là chữ trong nội dung, hãy đặt cả giá trị trong dấu nháy kép."
    )


_INDEX_ABOVE = 32  # entries; a linear scan is cheaper below this


def locate(
    root: Node, path: YamlPath, at_key: bool = False, entries: dict[int, dict[str, int]] | None = None
) -> tuple[int, int]:
    """Walk the node tree along `path`; segments that are not real keys are skipped.

    pydantic inserts segments that are not in the data (union members,
    `[key]`); skipping them lands on the closest real ancestor. `entries`
    caches an index of large mappings between calls (LoadedYaml keeps one).
    """
    node = root
    mark = _pos(root)
    for segment in path:
        if isinstance(node, MappingNode):
            if entries is not None and len(node.value) > _INDEX_ABOVE:
                index = entries.get(id(node))
                if index is None:
                    index = entries[id(node)] = {}
                    for i, (key_node, _) in enumerate(node.value):
                        index.setdefault(key_node.value, i)
                found = [node.value[index[segment]]] if isinstance(segment, str) and segment in index else []
            else:
                found = [(k, v) for k, v in node.value if k.value == segment][:1]
            for key_node, value_node in found:
                mark = _pos(key_node)
                node = value_node
                if isinstance(node, ScalarNode) and node.value != "" and not at_key:
                    mark = _pos(node)
        elif isinstance(node, SequenceNode) and isinstance(segment, int) and 0 <= segment < len(node.value):
            node = node.value[segment]
            mark = _pos(node)
    return mark


def iter_keys(node: Node) -> Iterator[tuple[str, Node]]:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            yield key_node.value, value_node


# --------------------------------------------------------------------------- entry points


_DEFAULT_TAGS = {ScalarNode: _STR_TAG, SequenceNode: _SEQ_TAG, MappingNode: _MAP_TAG}


class _PlainComposer(_BaseLoader):  # type: ignore[misc]
    """The base loader with its resolver reduced to what it does for BaseLoader.

    With no resolvers registered, BaseResolver gives every untagged node the
    default tag of its kind; libyaml still calls it (and descend/ascend) per
    node, three Python calls that were a fifth of composing a plan.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: Any) -> str:
        return _DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


def _composer() -> type[Any]:
    # Someone may register resolvers on PyYAML's BaseLoader; then keep its resolver.
    plain = not (_BaseLoader.yaml_implicit_resolvers or _BaseLoader.yaml_path_resolvers)
    return _PlainComposer if plain else _BaseLoader


def load_text(text: str, file: str) -> LoadedYaml:
    result = LoadedYaml(file)
    refused = _prescan(text, file)
    if refused is not None:
        result.diagnostics.append(refused)
        return result
    loader = _composer()(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        result.diagnostics.append(_yaml_error(exc, text, file))
        return result
    except RecursionError:  # the pure-Python composer recurses per level; libyaml stops at 1000
        result.diagnostics.append(Diagnostic(file, None, None, "YAML011", _TOO_DEEP + "."))
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
        try:
            result.data = _construct_plain(root, set())
        except _NotPlain:
            result.data = _construct(root, (), file, set(), 0)
    except _Refused as problem:
        result.diagnostics.append(problem.diagnostic)
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
        return LoadedYaml(file, diagnostics=[Diagnostic(file, None, None, "YAML004", _too_big(len(data)))])
    text, problems = decode(data, file)
    if text is None:
        return LoadedYaml(file, diagnostics=problems)
    result = load_text(text, file)
    result.diagnostics[:0] = problems  # warnings about the text itself (NFD) come first
    return result
