"""Text -> plain data and its source map, by the loader's rules.

* only libyaml/PyYAML's *base* composer is used: no object construction at
  all, so `!!python/object` and friends cannot run, and every explicit tag is
  refused;
* every scalar stays the text the user wrote (YAML 1.1 would turn `1.10`
  into 1.1, `no` into False, `03` into 3, `10:30` into 630); the pydantic
  schema decides each value's type, so identifiers stay text;
* duplicate keys are refused at any depth, naming both lines;
* anchors and aliases are refused where they are written (no "billion
  laughs", and `&nbsp;` pasted into a value is not silently eaten), merge
  keys too; nesting deeper than MAX_DEPTH is refused, and files of more
  than MAX_NODES values are refused before they are composed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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

from ntm.diagnostics import Diagnostic, YamlPath
from ntm.diagnostics.params import GiaTri, So
from ntm.load.source_map import Positions, SourceMap

# libyaml when present; the pure-Python composer otherwise (same semantics).
_BaseLoader: type[Any] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
HAS_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False)) and hasattr(yaml, "CBaseLoader")

MAX_DEPTH = 64  # a plan is about 6 levels deep; anything far deeper is an accident or an attack
MAX_NODES = 50_000  # keys, values and list items; the real plan has ~250, so 200 times that
_SCAN_ABOVE = 64 * 1024  # characters; smaller files cannot hold enough nodes to matter

_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Characters a double-quoted YAML escape can produce that no text may hold: control
# characters (but tab and line breaks), non-characters, lone surrogates. Word, XML and
# terminals refuse or misread them; caught here, once, for plans and criteria sets alike.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class _Refused(Exception):
    """A construction rule was broken; carries the finished diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


# --------------------------------------------------------------------------- before composing


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


def _at_event(code: str, file: str, event: NodeEvent, path: YamlPath, **params: Any) -> Diagnostic:
    mark = event.start_mark
    return Diagnostic(
        code, file, path, params, line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None
    )


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
                    return _at_event("YAML006", file, event, (), toi_da=So(MAX_NODES))
                if not anchors:
                    continue
                path = frames[-1].child(event) if frames else ()
                if isinstance(event, AliasEvent):
                    return _at_event("YAML013", file, event, path, the=GiaTri(f"*{event.anchor}"), bien_the="bi_danh")
                if event.anchor:
                    return _at_event("YAML013", file, event, path, the=GiaTri(f"&{event.anchor}"), bien_the="neo")
                if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                    frames.append(_Frame(isinstance(event, MappingStartEvent), path))
            elif anchors and isinstance(event, CollectionEndEvent):
                frames.pop()
    except yaml.YAMLError:
        return None  # composing the document reports the syntax error
    finally:
        parser.dispose()
    return None


# --------------------------------------------------------------------------- construction


def _pos(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _refuse(file: str, node: Node, path: YamlPath, code: str, **params: Any) -> _Refused:
    line, col = _pos(node)
    return _Refused(Diagnostic(code, file, path, params, line=line, column=col))


def _tag(file: str, node: Node, path: YamlPath) -> _Refused:
    return _refuse(file, node, path, "YAML012", the=GiaTri(node.tag.replace("tag:yaml.org,2002:", "!!")))


class _Builder:
    """Builds the data and records every value's position as it goes."""

    def plain_text(self, node: Node, value: str, path: YamlPath) -> None:
        found = _FORBIDDEN.search(value) if self.forbidden_anywhere else None
        if found is not None:
            raise _refuse(self.file, node, path, "YAML016", ma_ky_tu=f"{ord(found[0]):04X}")

    def __init__(self, file: str, forbidden_anywhere: bool = True) -> None:
        self.file = file
        # One search of the whole text first: most plans have no such character, nor a
        # backslash, and then no scalar needs searching (a search a scalar: ~5% of loading a plan).
        self.forbidden_anywhere = forbidden_anywhere
        self.positions: dict[YamlPath, Positions] = {}
        self.seen: set[int] = set()

    def build(self, node: Node, path: YamlPath, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _refuse(self.file, node, path, "YAML011", toi_da=MAX_DEPTH)
        tag = node.tag
        if type(node) is ScalarNode:
            if tag != _STR_TAG:  # `!!map "x"` too: a tag that contradicts the node
                raise _tag(self.file, node, path)
            value: str = node.value
            self.plain_text(node, value, path)
            return None if not node.style and value in _NULLS else value
        if id(node) in self.seen:  # a backstop: _prescan() normally refuses aliases first
            raise _refuse(self.file, node, path, "YAML013")
        self.seen.add(id(node))
        positions = self.positions
        if type(node) is SequenceNode:
            if tag != _SEQ_TAG:
                raise _tag(self.file, node, path)
            items = []
            for i, item in enumerate(node.value):
                item_path = (*path, i)
                line, col = item.start_mark.line + 1, item.start_mark.column + 1
                positions[item_path] = (line, col, line, col)
                items.append(self.build(item, item_path, depth + 1))
            return items
        if type(node) is not MappingNode or tag != _MAP_TAG:
            raise _tag(self.file, node, path)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode or key_node.tag != _STR_TAG:
                raise _refuse(self.file, key_node, path, "YAML014")
            key = key_node.value
            entry_path = (*path, key)
            self.plain_text(key_node, key, path)
            if key == "<<" and not key_node.style:
                raise _refuse(self.file, key_node, entry_path, "YAML015")
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in result:
                first_line, first_col = positions[entry_path][:2]
                params: dict[str, Any] = {"khoa": GiaTri(key, khoa=True), "dong": first_line}
                if first_line == line:
                    params.update(cot=first_col, bien_the="cung_dong")
                raise _Refused(Diagnostic("YAML020", self.file, entry_path, params, line=line, column=col))
            if type(value_node) is ScalarNode and value_node.value != "":
                positions[entry_path] = (line, col, value_node.start_mark.line + 1, value_node.start_mark.column + 1)
            else:
                positions[entry_path] = (line, col, line, col)
            result[key] = self.build(value_node, entry_path, depth + 1)
        return result


# --------------------------------------------------------------------------- entry point


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


def compose(text: str, file: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    """(data, source map, diagnostics); data is None when the text is refused."""
    source_map = SourceMap(file)
    refused = _prescan(text, file)
    if refused is not None:
        return None, source_map, [refused]
    loader = _composer()(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        # Wording a syntax slip takes its own module, loaded only when a file has one (~1 ms).
        from ntm.load.syntax import syntax_error

        return None, source_map, [syntax_error(exc, text, file, MAX_DEPTH, _BaseLoader is not yaml.BaseLoader)]
    except RecursionError:  # the pure-Python composer recurses per level; libyaml stops at 1000
        return None, source_map, [Diagnostic("YAML011", file, params={"toi_da": MAX_DEPTH}, co_vi_tri=False)]
    finally:
        loader.dispose()
    if root is None:
        return None, source_map, [Diagnostic("YAML030", file, co_vi_tri=False)]
    # A double-quoted scalar can write one as an escape ("\x01"): then every scalar is searched.
    builder = _Builder(file, "\\" in text or _FORBIDDEN.search(text) is not None)
    line, col = _pos(root)
    builder.positions[()] = (line, col, line, col)
    try:
        data = builder.build(root, (), 0)
    except _Refused as problem:
        return None, source_map, [problem.diagnostic]
    if not isinstance(data, dict):
        return None, source_map, [Diagnostic("YAML031", file, params={"tim_thay": GiaTri(data)}, line=line, column=col)]
    source_map.positions = builder.positions
    return data, source_map, []
