"""Source positions that markdown-it-py does not record.

markdown-it-py gives line maps for blocks only. `install` makes a parser record:

- for every inline token, the span of the inline source (a block's `content`, or an
  image label) that produced it: a text token covers exactly its own characters,
  any other token the whole construct its rule consumed (`![alt](src)`, `` `code` ``);
- for the inline token of every table cell and ATX heading, the bounds of its line's
  text in the source (`bMarks + tShift` to `eMarks`: after any container prefix and
  indentation), from which the cell or heading text is found again.

The records live in the `env` mapping passed to `MarkdownIt.parse`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.ruler import Rule
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_INLINE_KEY = "termlint.inline_spans"
_LINE_KEY = "termlint.block_lines"
# token id -> (token, start, end); the token is kept so that its id stays unique
_Spans = dict[int, tuple[Token, int, int]]
_BlockRule = Callable[[StateBlock, int, int, bool], bool]
_HAS_APPEND_PENDING = hasattr(StateInline, "append_pending")


def install(md: MarkdownIt) -> None:
    """Make `md` record inline token spans, and line bounds for tables and headings."""
    parser = _RecordingParser.__new__(_RecordingParser)
    parser.__dict__.update(md.inline.__dict__)  # same rulers and terminator set
    md.inline = parser
    for name in ("table", "heading"):
        rule = _find_block_rule(md, name)
        # keep the rule's `alt` chains: a table may still interrupt a paragraph
        md.block.ruler.at(name, _recording_lines(rule.fn), {"alt": list(rule.alt)})


def inline_spans(env: MutableMapping[str, Any]) -> Mapping[int, tuple[Token, int, int]]:
    """`id(token)` -> (token, start, end): the span of the parsed inline source that
    produced the token. Check that the stored token is the one looked up."""
    spans: _Spans = env.get(_INLINE_KEY, {})
    return spans


def block_line(env: MutableMapping[str, Any], token: Token) -> tuple[int, int] | None:
    """Source bounds of the line text of a table cell's or ATX heading's inline token."""
    record: tuple[Token, int, int] | None = env.get(_LINE_KEY, {}).get(id(token))
    if record is None or record[0] is not token:
        return None
    return record[1], record[2]


class _RecordingState(StateInline):
    def __init__(
        self, src: str, md: MarkdownIt, env: MutableMapping[str, Any], out_tokens: list[Token]
    ) -> None:
        super().__init__(src, md, env, out_tokens)
        self.spans: _Spans = env.setdefault(_INLINE_KEY, {})
        self.pending_start = 0

    def pushPending(self) -> Token:
        token = super().pushPending()
        start = self.pending_start
        self.spans[id(token)] = (token, start, start + len(token.content))
        return token


class _RecordingParser(ParserInline):
    """`ParserInline` whose tokenizer records each token's source span."""

    def parse(
        self, src: str, md: MarkdownIt, env: MutableMapping[str, Any], tokens: list[Token]
    ) -> list[Token]:
        state = _RecordingState(src, md, env, tokens)
        self.tokenize(state)
        for rule in self.ruler2.getRules(""):
            rule(state)
        return state.tokens

    def tokenize(self, state: StateInline) -> None:
        if not isinstance(state, _RecordingState):
            super().tokenize(state)
            return
        # Same loop as ParserInline.tokenize, plus the bookkeeping.
        rules = self.ruler.getRules("")
        end = state.posMax
        max_nesting = state.md.options["maxNesting"]
        tokens = state.tokens
        while state.pos < end:
            pos = state.pos
            if not state.pending:
                state.pending_start = pos  # pending text is one contiguous slice of src
            count = len(tokens)
            matched = False
            if state.level < max_nesting:
                for rule in rules:
                    if rule(state, False):
                        matched = True
                        break
            if matched:
                if state.pos <= pos:
                    raise RuntimeError("inline rule didn't increment state.pos")
                if len(tokens) > count:
                    _record(state.spans, tokens[count:], pos, state.pos)
                if state.pos >= end:
                    break
                continue
            if _HAS_APPEND_PENDING:
                state.append_pending(state.src[pos])
            else:  # pragma: no cover - markdown-it-py without append_pending
                state.pending += state.src[pos]
            state.pos += 1
        if state.pending:
            state.pushPending()


def _record(spans: _Spans, pushed: list[Token], start: int, end: int) -> None:
    fresh = [token for token in pushed if id(token) not in spans]
    if fresh and all(token.type == "text" for token in fresh):
        # emphasis and strikethrough push one text token per delimiter, in order
        position = start
        for token in fresh:
            spans[id(token)] = (token, position, position + len(token.content))
            position += len(token.content)
        return
    for token in fresh:
        spans[id(token)] = (token, start, end)


def _find_block_rule(md: MarkdownIt, name: str) -> Rule[_BlockRule]:
    for rule in md.block.ruler.__rules__:
        if rule.name == name:
            return rule
    raise KeyError(name)


def _recording_lines(rule: _BlockRule) -> _BlockRule:
    def recording(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        count = len(state.tokens)
        matched = rule(state, start_line, end_line, silent)
        if matched and not silent:
            lines = state.env.setdefault(_LINE_KEY, {})
            for token in state.tokens[count:]:
                if token.type == "inline" and token.map:
                    line = token.map[0]
                    start = state.bMarks[line] + state.tShift[line]
                    lines[id(token)] = (token, start, state.eMarks[line])
        return matched

    return recording
