"""YAML text -> composed nodes that keep their marks, and typed readers failing at path:line:col.

`yaml.safe_load` forgets positions and silently keeps the last of two duplicate keys, so
termlint validates the composed node tree instead. Anchors and aliases are refused before
composing: no termlint file needs them, and they are how "billion laughs" inputs blow up.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import Any, NoReturn, Protocol

import yaml

from termlint.errors import GlossaryError, TermlintError

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_TAG = "tag:yaml.org,2002:"
STR_TAG = _TAG + "str"
BOOL_TAG = _TAG + "bool"
INT_TAG = _TAG + "int"
NULL_TAG = _TAG + "null"
_TAG_NAMES = {
    BOOL_TAG: "a boolean",
    INT_TAG: "a number",
    _TAG + "float": "a number",
    _TAG + "timestamp": "a date",
    NULL_TAG: "null",
}
_TRUE = frozenset({"true", "yes", "on"})  # YAML 1.1, as PyYAML resolves them
MAX_DEPTH = 64  # nesting levels; a glossary or config needs four
# what libyaml says at its own depth limit (bundled since PyYAML 6.0.4)
LIBYAML_DEPTH_LIMIT = "exceeded maximum nesting depth"

# The characters PyYAML's reader accepts; found here first so the position is ours to report
# (libyaml gives a byte offset, the pure-Python reader a character offset).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


class Mark(Protocol):
    """A position in the YAML text, 0-based (PyYAML's and libyaml's marks both fit)."""

    line: int
    column: int


Fields = dict[str, tuple[yaml.ScalarNode, yaml.Node]]  # key -> (key node, value node)


def describe(node: yaml.Node) -> str:
    """What a node holds, for "must be a string, not a list" messages."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == STR_TAG:
        return "a string"
    return _TAG_NAMES.get(node.tag, "a value tagged " + node.tag.replace(_TAG, "!!"))


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def field_value(fields: Fields, key: str) -> yaml.Node | None:
    """The value under `key`; an empty (null) value counts as no value."""
    pair = fields.get(key)
    return None if pair is None or is_null(pair[1]) else pair[1]


def _quote_hint(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _TAG_NAMES:
        return f' (write it in quotes: "{node.value}")'
    return ""


class SkippedNode(Exception):
    """A collecting reader recorded a problem and gives up on the node being read."""


class NodeReader:
    """Reads one YAML text; every failure raises `error` at the offending node's position.

    With `collect=True` the reader records each problem in `problems` instead: `report`
    returns, and `fail` raises `SkippedNode`, which the caller catches (see `skipping`)
    to go on with the next node. So one pass finds every problem a file has, while the
    default mode still stops at the first.
    """

    def __init__(
        self, name: str, error: type[TermlintError] = GlossaryError, *, collect: bool = False
    ) -> None:
        self.name = name
        self.error = error
        self.collect = collect
        self.problems: list[TermlintError] = []

    def _error(self, mark: Mark | None, message: str) -> TermlintError:
        if mark is None:
            return self.error(message, path=self.name)
        return self.error(message, path=self.name, line=mark.line + 1, column=mark.column + 1)

    def _record(self, error: TermlintError) -> None:
        if not self.collect:
            raise error
        self.problems.append(error)

    def report(self, at: yaml.Node | Mark | None, message: str) -> None:
        """A problem after which reading can go on (raised at once unless collecting)."""
        self._record(self._error(at.start_mark if isinstance(at, yaml.Node) else at, message))

    def fail(self, at: yaml.Node | Mark | None, message: str) -> NoReturn:
        """A problem that ends the reading of the current node."""
        self.report(at, message)
        raise SkippedNode

    def skipping(self) -> contextlib.suppress:
        """`with reader.skipping():` reads one node; a `fail` inside skips to the next."""
        return contextlib.suppress(SkippedNode)

    def _fail_at(self, text: str, index: int, message: str) -> NoReturn:
        line_start = 0
        line = 1
        for brk in _LINE_BREAK.finditer(text, 0, index):
            line += 1
            line_start = brk.end()
        self._record(self.error(message, path=self.name, line=line, column=index - line_start + 1))
        raise SkippedNode

    def compose(self, text: str) -> yaml.Node | None:
        """The single document's root node (None for an empty document)."""
        bad = _NOT_PRINTABLE.search(text)
        if bad is not None:
            code = ord(bad.group())
            self._fail_at(text, bad.start(), f"character U+{code:04X} is not allowed in YAML")
        try:
            self._refuse_aliases(text)
            return yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            error = exc
            if (exc.problem or "").startswith(LIBYAML_DEPTH_LIMIT):
                # libyaml (as bundled since PyYAML 6.0.4) stops at its own depth, scanning
                # ahead of the events: the Python parser, which does not, meets ours first,
                # or the syntax error that comes before it
                try:
                    self._refuse_aliases(text, yaml.SafeLoader)
                except yaml.MarkedYAMLError as python_error:
                    error = python_error
            problem = error.problem or "syntax error"
            message = f"invalid YAML: {problem}" + (f" ({error.context})" if error.context else "")
            self.fail(error.problem_mark, message)
        except yaml.YAMLError as exc:
            self._record(self.error(f"invalid YAML: {exc}".splitlines()[0], path=self.name))
        except RecursionError:
            self._record(self.error("invalid YAML: nested too deeply", path=self.name))
        raise SkippedNode

    def _refuse_aliases(self, text: str, loader: Any = _Loader) -> None:
        documents = 0
        depth = 0
        for event in yaml.parse(text, Loader=loader):
            # libyaml's composer recurses in C: tens of thousands of levels crash it
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    message = f"invalid YAML: nested more than {MAX_DEPTH} levels deep"
                    self.fail(event.start_mark, message)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fail(event.start_mark, "expected one YAML document, found a second one")
            elif isinstance(event, yaml.AliasEvent):
                self.fail(
                    event.start_mark, f"YAML aliases are not supported (found '*{event.anchor}')"
                )
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                self.fail(
                    event.start_mark, f"YAML anchors are not supported (found '&{event.anchor}')"
                )

    def mapping(self, node: yaml.Node, what: str, keys: Sequence[str]) -> Fields:
        """The node's keys, each checked against `keys` and for duplicates."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping, not {describe(node)}")
        fields: Fields = {}
        seen: set[str] = set()  # every key met, a bad one included, for duplicates
        for key, value in node.value:
            with self.skipping():
                if not isinstance(key, yaml.ScalarNode):
                    self.fail(key, f"a key in {what} must be a string, not {describe(key)}")
                name = key.value
                if name in seen:
                    first = next(k for k, _ in node.value if k.value == name).start_mark.line + 1
                    self.fail(key, f"duplicate key {name!r} in {what} (first at line {first})")
                seen.add(name)
                if name not in keys:
                    expected = ", ".join(keys)
                    self.fail(key, f"unknown key {name!r} in {what} (expected one of: {expected})")
                fields[name] = (key, value)
        return fields

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what} must be a list, not {describe(node)}")
        return list(node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            return str(node.value)
        self.fail(node, f"{what} must be a string, not {describe(node)}{_quote_hint(node)}")

    def strings(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        """A list of strings, or a single string read as a one-item list."""
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            return [(str(node.value), node)]
        if not isinstance(node, yaml.SequenceNode):
            hint = _quote_hint(node)
            self.fail(node, f"{what} must be a list of strings, not {describe(node)}{hint}")
        found: list[tuple[str, yaml.Node]] = []
        for item in node.value:
            with self.skipping():
                found.append((self.string(item, f"{what} item"), item))
        return found

    def boolean(self, node: yaml.Node, what: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG:
            return str(node.value).lower() in _TRUE
        self.fail(node, f"{what} must be true or false, not {describe(node)}")

    def integer(self, node: yaml.Node) -> int | None:
        """The node's value when YAML reads it as an integer, else None."""
        if isinstance(node, yaml.ScalarNode) and node.tag == INT_TAG:
            try:
                return int(str(node.value).replace("_", ""), 10)
            except ValueError:
                return None
        return None
