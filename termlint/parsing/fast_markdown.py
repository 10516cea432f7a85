"""The fast Markdown reader: pulldown-cmark (through pyromark) behind the same Document.

`parsing.markdown` (markdown-it-py) is the reference reader. This one reads the same
source, prepared the same way (line endings, front matter), with pulldown-cmark, which
reports a source range for every event and parses about twenty times faster, and
builds the very same segments and comments, piece for piece. It follows the
reference's rules (`parsing.inline_segments`), taking positions from the event ranges
instead of rebuilding them from block content:

- text reads as the source slice of its range (an escape's range starts after the
  backslash, where the reference's escape token puts it); an entity that is
  whitespace reads as a space, any other entity is a barrier;
- a line break reads as one space from the end of the line's text (trailing spaces
  included) to the first character of the next line's content;
- inline code, HTML, autolinks and images are barriers, an image's alt text is its
  own segment; emphasis, strikethrough and link markup are dropped.

Where the two parsers can disagree, or a position would have to be guessed, the reader
gives up on the file (None) and the caller reads it with the reference: footnotes,
tabs, whitespace other than spaces and line breaks, `.mdx`, single-tilde
strikethrough (pulldown-cmark's, not markdown-it-py's), a `\\\\|` that the two split
differently in tables, a multi-line HTML comment inside a container, and any piece
that would go backwards (where the reference cuts a segment).

Reading happens in two steps, so that a caller can build only the blocks it needs
(`termlint.prefilter`): `parse_markdown_fast` walks the events once and splits them into
blocks, each with a cheap *sketch* of its text (the characters its segment reads, but
for URLs, which are not blanked yet, and for the segment's rare leading or trailing
space); `FastMarkdown.document(blocks)` then builds the exact segments of the chosen
blocks. `tests/test_fast_markdown.py` holds the
two readers to identical documents over the shared corpus and tricky fixtures.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from termlint.document import BARRIER, Comment, Document, LineIndex, Segment, SegmentBuilder
from termlint.model import Span

try:
    import pyromark
except ImportError:  # pragma: no cover - the fast reader is optional
    pyromark = None  # type: ignore[assignment]

# The same preparation as parsing.markdown (a test keeps the patterns equal).
FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n.*?^(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?^\+\+\+)[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
HTML_COMMENT = re.compile(r"<!--(?:>|->|(.*?)-->)", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")
# Files the fast reader leaves to the reference (see the module docstring): footnotes,
# tabs, `\\|`, ASCII whitespace other than spaces and line breaks, and a Unicode space
# (a no-break space) where a block or cell starts or ends: there the reference trims
# every Unicode space and pulldown-cmark only ASCII ones. Inside a line both read it
# alike.
_UNSUPPORTED_MARKS = ("[^", "\t", "\\\\|")
_ODD_ASCII_SPACE = re.compile(r"[\t\x0b\x0c\r\x1c-\x1f]")
_EDGE_SPACE = re.compile(
    r"(?m)^[ >#*+\-.)0-9]*[^\S \n]|[^\S \n][ #]*$|\|[ ]*[^\S \n]|[^\S \n][ ]*\|"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_CONTAINERS = {"BlockQuote": "blockquote", "Item": "list"}
_BREAKS = frozenset({"SoftBreak", "HardBreak"})
# Inline markup: its start or end does not end a tight list item's text.
_INLINE_MARKUP = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image"})
_IGNORED_STARTS = frozenset({"Emphasis", "Strong", "List", "Table", "TableHead", "TableRow"})
_CLOSES_BLOCK = frozenset({"Paragraph", "Heading", "TableCell", "Image"})

_Event = tuple[Any, Any]  # (event, range): pyromark's dicts, the range in UTF-8 bytes
_Offsets = Callable[[int], int]  # UTF-8 byte offset -> code-point offset


class Unmappable(Exception):
    """The fast reader met something it cannot map exactly as the reference does."""


# What makes the fast reader hand a file to the reference: its own refusals, and (never
# seen, but a reader must not crash a run) an event it did not expect or text that
# pulldown-cmark cannot take, such as a lone surrogate.
_DECLINED = (Unmappable, LookupError, TypeError, ValueError)


def is_available() -> bool:
    return pyromark is not None


def read_markdown_fast(path: str, text: str) -> Document | None:
    """The document `parsing.markdown.read_markdown` gives, or None to read it there."""
    parsed = parse_markdown_fast(path, text)
    return None if parsed is None else parsed.document()


def prepare(text: str) -> str:
    """The text as parsed: same offsets, line endings normalised, front matter blanked."""
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    source = text.replace("\0", "\ufffd") if "\0" in text else text
    return FRONT_MATTER.sub(lambda match: _NOT_NEWLINE.sub(" ", match.group()), source, count=1)


class Block(NamedTuple):
    """One prose block (or image alt text): where its events are, and what it reads.

    A named tuple rather than a frozen dataclass: a file has hundreds of blocks, and a
    tuple is made several times faster."""

    scope: str
    first: int  # index of its first inline event
    stop: int  # index past its last one
    sketch: str  # what its segment reads, but for URLs (see the module docstring)


class FastMarkdown:
    """A parsed file: its blocks, comments and events, ready to build segments from."""

    def __init__(
        self,
        path: str,
        text: str,
        source: str,
        events: list[_Event],
        offsets: _Offsets | None,
        blocks: list[Block],
        comments: list[Comment],
    ) -> None:
        self.path = path
        self.text = text
        self.source = source
        self.blocks = blocks
        self.comments = comments
        self._events = events
        self._offsets = offsets
        self._built: dict[int, Segment | None] = {}

    def document(self, blocks: Iterable[int] | None = None) -> Document | None:
        """The document with the segments of the given blocks (every block when None);
        None when a block cannot be mapped exactly (read the file with the reference)."""
        chosen = range(len(self.blocks)) if blocks is None else blocks
        segments: list[Segment] = []
        try:
            for index in chosen:
                if index not in self._built:
                    self._built[index] = self._build(self.blocks[index])
                segment = self._built[index]
                if segment is not None:
                    segments.append(segment)
        except _DECLINED:
            return None
        segments.sort(key=lambda segment: segment.pieces[0].src_start)
        return Document(
            path=self.path,
            text=self.text,
            segments=tuple(segments),
            comments=tuple(sorted(self.comments, key=lambda comment: comment.span)),
            kind="markdown",
            line_index=LineIndex(self.text),
        )

    def in_document_order(self, blocks: Iterable[int]) -> list[int]:
        """The blocks in the order of their segments in a document (by where they start:
        an image's alt text comes after the start of the block that holds the image)."""
        if all(block.scope != "alt" for block in self.blocks):
            return sorted(blocks)  # without images, blocks close in document order
        starts: dict[int, int] = {}
        for index in blocks:
            block = self.blocks[index]
            position = block.first if block.first < block.stop else block.first - 1
            starts[index] = _span(self._events[position][1], self._offsets)[0]
        return sorted(starts, key=starts.__getitem__)

    def _build(self, block: Block) -> Segment | None:
        emitter = _Emitter(self.text, self.source, block.scope)
        events = self._events
        convert = self._offsets
        index = block.first
        while index < block.stop:
            event, span = events[index]
            start, end = span["start"], span["end"]
            if convert is not None:
                start, end = convert(start), convert(end)
            index += 1
            if type(event) is dict:
                ((kind, value),) = event.items()
            else:
                kind, value = event, None
            if kind == "Text":
                emitter.text(start, end, value)
            elif kind in _BREAKS:
                next_start = events[index][1]["start"] if index < block.stop else -1
                if convert is not None and next_start >= 0:
                    next_start = convert(next_start)
                emitter.line_break(end, next_start)
            elif kind == "Start":
                name = _name(value)
                if name == "Image" or (name == "Link" and _is_autolink(value)):
                    emitter.barrier(start, end)
                    index = _skip(events, index, name)
            elif kind == "Code" or kind == "InlineHtml":
                emitter.barrier(start, end)
        return emitter.finish()


def _is_autolink(value: Any) -> bool:
    return str(value["Link"]["link_type"]) in ("Autolink", "Email")


def _skip(events: Sequence[_Event], index: int, name: str) -> int:
    """The index past the End event that closes the Start of `name` before `index`."""
    depth = 1
    while True:
        event = events[index][0]
        index += 1
        if type(event) is dict:
            kind = next(iter(event))
            if kind == "Start" and _name(event[kind]) == name:
                depth += 1
            elif kind == "End" and _name(event[kind]) == name:
                depth -= 1
                if depth == 0:
                    return index


def _name(value: Any) -> str:
    if type(value) is str:
        return value
    return str(next(iter(value)))


def parse_markdown_fast(path: str, text: str) -> FastMarkdown | None:
    """Parse `text` with pulldown-cmark; None when the reference must read it."""
    if pyromark is None or path.lower().endswith(".mdx"):
        return None
    source = prepare(text)
    if is_unsupported(source):
        return None
    options = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
    try:
        events: list[_Event] = list(pyromark.events_with_range(source, options=options))
        offsets = _char_offsets(source)
        blocks, comments = _split(events, text, source, offsets)
    except _DECLINED:
        return None
    return FastMarkdown(path, text, source, events, offsets, blocks, comments)


def is_unsupported(source: str) -> bool:
    """Whether the (prepared) text holds something the fast reader leaves to the reference."""
    if any(mark in source for mark in _UNSUPPORTED_MARKS) or _ODD_ASCII_SPACE.search(source):
        return True
    return not source.isascii() and _EDGE_SPACE.search(source) is not None


def _char_offsets(source: str) -> _Offsets | None:
    """UTF-8 byte offset -> code-point offset (None when they are the same: ASCII)."""
    if source.isascii():
        return None
    byte_after: list[int] = []  # byte offset just past each non-ASCII character
    extra_after: list[int] = []  # bytes beyond one per character, up to there
    extra = 0
    for match in re.finditer(r"[^\x00-\x7f]", source):
        extra += len(match.group().encode("utf-8")) - 1
        byte_after.append(match.start() + extra + 1)
        extra_after.append(extra)

    def convert(offset: int) -> int:
        index = bisect.bisect_right(byte_after, offset) - 1
        return offset - (extra_after[index] if index >= 0 else 0)

    return convert


def _span(span: Any, convert: _Offsets | None) -> tuple[int, int]:
    start: int = span["start"]
    end: int = span["end"]
    if convert is None:
        return start, end
    return convert(start), convert(end)


class _OpenBlock:
    __slots__ = ("first", "is_implicit", "parts", "scope")

    def __init__(self, scope: str, first: int, *, is_implicit: bool = False) -> None:
        self.scope = scope
        self.first = first
        self.is_implicit = is_implicit
        self.parts: list[str] = []


def _split(
    events: Sequence[_Event], text: str, source: str, convert: _Offsets | None
) -> tuple[list[Block], list[Comment]]:
    """The prose blocks (in the reference's order) and the comments of a file."""
    has_entities = "&" in source
    blocks: list[Block] = []
    comments: list[Comment] = []
    scopes: list[str] = []
    open_blocks: list[_OpenBlock] = []  # the block, then one per image being read
    skip_until: str | None = None  # inside code or an autolink: the end to wait for
    html: list[str] = []
    html_start = 0

    def close(stop: int) -> None:
        block = open_blocks.pop()
        sketch = " ".join("".join(block.parts).split())  # whitespace folded, as in segments
        blocks.append(Block(block.scope, block.first, stop, sketch))

    def inline(index: int) -> _OpenBlock:
        if open_blocks:
            return open_blocks[-1]
        if not scopes:
            raise Unmappable("inline content outside a block")
        block = _OpenBlock(scopes[-1], index, is_implicit=True)  # a tight list item
        open_blocks.append(block)
        return block

    for index, (event, span) in enumerate(events):
        if type(event) is not dict:  # "SoftBreak", "HardBreak" or "Rule"
            if skip_until is None and open_blocks:
                if event != "Rule":
                    open_blocks[-1].parts.append(" ")
                elif open_blocks[-1].is_implicit:
                    close(index)
            continue
        value: Any = event.get("Text")  # the commonest event first
        if value is not None:
            if skip_until is None:
                block = open_blocks[-1] if open_blocks else inline(index)
                if not has_entities or _is_plain(span, value, source, convert):
                    block.parts.append(value)
                elif _ENTITY.fullmatch(source, *_span(span, convert)):
                    block.parts.append(" " if value.isspace() else BARRIER)
                else:
                    raise Unmappable("text that is not its source")
            continue
        ((kind, value),) = event.items()
        if kind == "Start" or kind == "End":
            name = value if type(value) is str else next(iter(value))
            if skip_until is not None:
                if kind == "End" and name == skip_until:
                    skip_until = None
                continue
        elif skip_until is not None:
            continue
        elif kind == "Code":
            inline(index).parts.append(BARRIER)
            continue
        elif kind == "InlineHtml":
            inline(index).parts.append(BARRIER)
            comment = HTML_COMMENT.fullmatch(value)
            if comment is not None:
                if scopes and "\n" in value:
                    raise Unmappable("a multi-line comment inside a container")
                body = (comment.group(1) or "").strip()
                comments.append(Comment(Span(*_span(span, convert)), body))
            continue
        elif kind == "Html":
            html.append(value)
            continue
        else:
            raise Unmappable(f"unexpected event {kind}")
        if open_blocks and open_blocks[-1].is_implicit and name not in _INLINE_MARKUP:
            close(index)
        if kind == "Start":
            if name == "Paragraph":
                open_blocks.append(_OpenBlock(scopes[-1] if scopes else "paragraph", index + 1))
            elif name in _IGNORED_STARTS:
                pass
            elif name == "Heading":
                open_blocks.append(_OpenBlock("heading", index + 1))
            elif name == "TableCell":
                open_blocks.append(_OpenBlock("table.cell", index + 1))
            elif name in _CONTAINERS:
                scopes.append(_CONTAINERS[name])
            elif name == "Image":
                inline(index).parts.append(BARRIER)
                open_blocks.append(_OpenBlock("alt", index + 1))
            elif name == "Link":
                if _is_autolink(value):
                    inline(index).parts.append(BARRIER)
                    skip_until = "Link"
            elif name == "CodeBlock":
                skip_until = "CodeBlock"
            elif name == "HtmlBlock":
                html, html_start = [], _span(span, convert)[0]
            elif name == "Strikethrough":
                if not source.startswith("~~", _span(span, convert)[0]):
                    raise Unmappable("single-tilde strikethrough")
            else:
                raise Unmappable(f"unexpected block {name}")
        elif name in _CLOSES_BLOCK:
            if open_blocks:
                close(index)
        elif name in _CONTAINERS:
            scopes.pop()
        elif name == "HtmlBlock":
            end = _span(span, convert)[1]
            comments.extend(_html_block_comments(text, source, html_start, end, "".join(html)))
    if open_blocks and open_blocks[-1].is_implicit:
        close(len(events))
    if open_blocks:
        raise Unmappable("unbalanced events")
    return blocks, comments


def _is_plain(span: Any, value: str, source: str, convert: _Offsets | None) -> bool:
    """Whether a text event reads its source as is (else it is an entity).

    Without "&" in the file every text event is plain. An ASCII text is plain when its
    range is as long as it is: an entity's reference is longer than what it stands for."""
    start, end = span["start"], span["end"]
    if value.isascii():
        return bool(end - start == len(value))
    start, end = _span(span, convert)
    return end - start == len(value) and source.startswith(value, start)


def _html_block_comments(
    text: str, source: str, start: int, end: int, content: str
) -> list[Comment]:
    """Comments of an HTML block, searched over its whole lines (as the reference)."""
    first = source.rfind("\n", 0, start) + 1
    last = end - 1 if end > 0 and source[end - 1] == "\n" else end
    found = list(HTML_COMMENT.finditer(text, first, last))
    unprefixed = list(HTML_COMMENT.finditer(content))
    bodies = unprefixed if len(unprefixed) == len(found) else found
    return [
        Comment(Span(match.start(), match.end()), (body.group(1) or "").strip())
        for match, body in zip(found, bodies, strict=True)
    ]


class _Emitter:
    """The segment of one block (or image alt text), by the reference's piece rules."""

    def __init__(self, text: str, source: str, scope: str) -> None:
        self._source = source
        self._builder = SegmentBuilder(text, scope)
        self._last_end = -1
        self._has_content = False
        self._reads_space = False
        self._text_start = self._text_end = -1

    def text(self, start: int, end: int, content: str) -> None:
        if not content:
            return
        if self._source.startswith(content, start) and end - start == len(content):
            if "\n" in content:
                raise Unmappable("a line break inside text")
            self._add_text(start, end)
        elif not _ENTITY.fullmatch(self._source, start, end):
            raise Unmappable("text that is not its source")
        elif content.isspace():
            self._add_space(start, end)
        else:
            self._add_barrier(start, end)

    def line_break(self, end: int, next_start: int) -> None:
        newline = end - 1
        if self._source[newline : newline + 1] != "\n" or next_start < end:
            raise Unmappable("a line break without a next line")
        next_line = next_start
        if self._source[next_start - 1] == "\\":  # the next line starts with an escape
            next_line -= 1
        if not self._has_content:
            return
        space_start = newline
        while space_start > self._last_end and self._source[space_start - 1] in " \t":
            space_start -= 1
        self._add_space(space_start, next_line)

    def barrier(self, start: int, end: int) -> None:
        self._add_barrier(start, end)

    def finish(self) -> Segment | None:
        self._flush()
        return self._builder.build()

    # --- pieces, in source order (InlineEmitter's rules) ----------------------------

    def _add_text(self, start: int, end: int) -> None:
        if start == self._text_end:
            self._text_end = end
        else:
            self._before(start)
            if self._reads_space and start > self._last_end:
                while start < end and self._source[start].isspace():
                    start += 1
                if start == end:
                    return
            self._text_start, self._text_end = start, end
        self._last_end = end
        self._has_content = True
        self._reads_space = self._source[end - 1].isspace()

    def _add_space(self, start: int, end: int) -> None:
        self._before(start)
        if self._reads_space and start > self._last_end:
            return
        self._builder.add_space(start, end)
        self._reads_space = True
        self._last_end = end

    def _add_barrier(self, start: int, end: int) -> None:
        self._before(start)
        self._builder.add_barrier(start, end)
        self._last_end = end
        self._has_content = True
        self._reads_space = False

    def _before(self, start: int) -> None:
        self._flush()
        if start < self._last_end:
            raise Unmappable("a piece that goes back (the reference cuts the segment)")

    def _flush(self) -> None:
        if self._text_end >= 0:
            self._builder.add_text(self._text_start, self._text_end)
            self._text_start = self._text_end = -1
