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
gives up on the file (None) and the caller reads it with the reference: footnotes
(an inline `^[...]` anywhere but in code, HTML or an autolink), tabs, whitespace other
than spaces and line breaks, `.mdx`, single-tilde strikethrough (pulldown-cmark's,
not markdown-it-py's), a `\\\\|` that the two split differently in tables, a multi-line
HTML comment or declaration inside a container, a Unicode space inside an HTML tag,
any piece that would go backwards (where the reference cuts a segment), and where the
two build different blocks or markup (`disagreements`: tables, strikethrough, reference
definitions and links, lazy indented lines, comments ending `--->`).

One difference is deliberate: markdown-it-py stops reading a container nested 20
tokens deep (its maxNesting; ten nested lists) and skips the rest of it, for a list
the rest of the file. The fast reader reads every depth, so that text is checked.

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
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from termlint.document import BARRIER, Comment, Document, LineIndex, Segment, SegmentBuilder
from termlint.model import Span
from termlint.parsing import disagreements
from termlint.parsing.html_comments import HTML_COMMENT, html_comments

try:
    import pyromark
except ImportError:  # pragma: no cover - the fast reader is optional
    pyromark = None  # type: ignore[assignment]

# The same preparation as parsing.markdown (a test keeps the patterns equal).
FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n.*?^(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?^\+\+\+)[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
# Files the fast reader leaves to the reference (see the module docstring): footnotes,
# tabs, `\\|`, ASCII whitespace other than spaces and line breaks, and a Unicode space
# (a no-break space) where a block or cell starts or ends: there the reference trims
# every Unicode space and pulldown-cmark only ASCII ones. Inside a line both read it
# alike. A `[^label]` is a footnote only when the file defines that label (`[^label]:`,
# a label without spaces), else text in both parsers, as in the regular expressions
# (`[^a-z]`) that documentation is full of. An inline footnote `^[...]` is checked
# after parsing (`_may_hold_inline_footnote`): such regular expressions are in code.
_UNSUPPORTED_MARKS = ("\\\\|", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f")
_FOOTNOTE_DEFINITION = re.compile(r"\[\^[^\]\s]+\]:")
# Every whitespace character beyond ASCII (what `\s` also matches); a test checks it.
UNICODE_SPACES = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
_EDGE_SPACE = re.compile(
    r"(?m)^[ >#*+\-.)0-9]*[^\S \n]|[^\S \n][ #]*$|\|[ ]*[^\S \n]|[^\S \n][ ]*\|"
)
# A Unicode space inside what may be an HTML tag: whitespace there for the reference
# (`<div\xa0x>` opens an HTML block), text for pulldown-cmark.
_SPACE_IN_TAG = re.compile(r"</?[A-Za-z][^<>]*?[^\S \n]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_CONTAINERS = {"BlockQuote": "blockquote", "Item": "list"}
# Inline markup: its start or end does not end a tight list item's text.
_INLINE_MARKUP = frozenset({"Emphasis", "Strong", "Strikethrough", "Link", "Image"})
_IGNORED_STARTS = frozenset({"Emphasis", "Strong", "List", "TableHead", "TableRow"})
_CLOSES_BLOCK = frozenset({"Paragraph", "Heading", "TableCell", "Image"})

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
    front_matter = FRONT_MATTER.match(source)
    if front_matter is None:
        return source
    lines = front_matter.group().split("\n")
    return "\n".join(" " * len(line) for line in lines) + source[front_matter.end() :]


class Block(NamedTuple):
    """One prose block (or image alt text): where its events are, and what it reads.

    A named tuple rather than a frozen dataclass: a file has hundreds of blocks, and a
    tuple is made several times faster."""

    scope: str
    first: int  # index of its first inline event
    stop: int  # index past its last one
    sketch: str  # what its segment reads, but for URLs (see the module docstring)


class _Events(NamedTuple):
    """pyromark's events and their ranges (dicts, the ranges in UTF-8 bytes), kept in
    two sequences rather than as pyromark's (event, range) pairs: a tuple that holds a
    dict stays tracked by the garbage collector, which would then walk every pair of a
    file at each full collection while the file is read; most of the dicts it never
    tracks."""

    events: Sequence[Any]
    spans: Sequence[Any]


class FastMarkdown:
    """A parsed file: its blocks, comments and events, ready to build segments from."""

    def __init__(
        self,
        path: str,
        text: str,
        source: str,
        events: _Events,
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
        self._has_images: bool | None = None

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
        if self._has_images is None:
            self._has_images = any(block.scope == "alt" for block in self.blocks)
        if not self._has_images:
            return sorted(blocks)  # without images, blocks close in document order
        starts: dict[int, int] = {}
        for index in blocks:
            block = self.blocks[index]
            position = block.first if block.first < block.stop else block.first - 1
            starts[index] = _span(self._events.spans[position], self._offsets)[0]
        return sorted(starts, key=starts.__getitem__)

    def _build(self, block: Block) -> Segment | None:
        events, spans = self._events
        return _segment(self.text, self.source, block.scope, events, spans, block, self._offsets)


_SPACE, _BARRIER = 0, 1


def _segment(
    text: str,
    source: str,
    scope: str,
    events: Sequence[Any],
    spans: Sequence[Any],
    block: Block,
    convert: _Offsets | None,
) -> Segment | None:
    """The segment of one block (or image alt text), by the reference's piece rules
    (`inline_segments.InlineEmitter`): contiguous text goes to the builder as one slice,
    whitespace after whitespace (across dropped markup) is left out, and a piece that
    would go back gives up (where the reference cuts the segment). One loop with its
    state in locals: it runs for every text event of every block that is built."""
    builder = SegmentBuilder(text, scope)
    last_end = -1  # source end of the last piece
    has_content = False
    reads_space = False  # the segment so far ends in whitespace
    text_start = text_end = -1  # text not yet given to the builder
    stop = block.stop
    index = block.first
    while index < stop:
        event = events[index]
        span = spans[index]
        start = span["start"]
        end = span["end"]
        if convert is not None:
            start, end = convert(start), convert(end)
        index += 1
        if type(event) is str:
            if event == "Rule":
                continue
            # a line break: one space from the end of the line's text to the next line
            next_start = spans[index]["start"] if index < stop else -1
            if convert is not None and next_start >= 0:
                next_start = convert(next_start)
            newline = end - 1
            if source[newline : newline + 1] != "\n" or next_start < end:
                raise Unmappable("a line break without a next line")
            if not has_content:
                continue
            end = next_start - 1 if source[next_start - 1] == "\\" else next_start
            start = newline
            while start > last_end and source[start - 1] in " \t":
                start -= 1
            piece = _SPACE
        else:
            value = event.get("Text")
            if value is not None:
                if not value:
                    continue
                if end - start != len(value) or not source.startswith(value, start):
                    if not _ENTITY.fullmatch(source, start, end):
                        raise Unmappable("text that is not its source")
                    piece = _SPACE if value.isspace() else _BARRIER
                elif "\n" in value:
                    raise Unmappable("a line break inside text")
                else:
                    if start == text_end:
                        text_end = end
                    else:
                        if text_end >= 0:
                            builder.add_text(text_start, text_end)
                            text_start = text_end = -1
                        if start < last_end:
                            raise Unmappable("a piece that goes back")
                        if reads_space and start > last_end:
                            while start < end and source[start].isspace():
                                start += 1
                            if start == end:
                                continue
                        text_start, text_end = start, end
                    last_end = end
                    has_content = True
                    reads_space = source[end - 1].isspace()
                    continue
            else:
                [kind] = event
                if kind == "Start":
                    value = event[kind]
                    name = _name(value)
                    if name != "Image" and (name != "Link" or not _is_autolink(value)):
                        continue
                    if name == "Image" and value["Image"]["link_type"] == "Collapsed":
                        end = _collapsed_end(source, end)
                    index = _skip(events, index, name)
                elif kind != "Code" and kind != "InlineHtml":
                    continue
                piece = _BARRIER
        if text_end >= 0:
            builder.add_text(text_start, text_end)
            text_start = text_end = -1
        if start < last_end:
            raise Unmappable("a piece that goes back (the reference cuts the segment)")
        if piece == _BARRIER:
            builder.add_barrier(start, end)
            has_content = True
            reads_space = False
        elif reads_space and start > last_end:
            continue  # whitespace after whitespace and dropped markup
        else:
            builder.add_space(start, end)
            reads_space = True
        last_end = end
    if text_end >= 0:
        builder.add_text(text_start, text_end)
    return builder.build()


def _collapsed_end(source: str, end: int) -> int:
    """The end of an image by collapsed reference (`![a][]`): pulldown-cmark's range
    stops before the `[]`, the reference's token does not."""
    if not source.startswith("[]", end):
        raise Unmappable("a collapsed reference image without its brackets")
    return end + 2


def _is_autolink(value: Any) -> bool:
    return str(value["Link"]["link_type"]) in ("Autolink", "Email")


def _skip(events: Sequence[Any], index: int, name: str) -> int:
    """The index past the End event that closes the Start of `name` before `index`."""
    depth = 1
    while True:
        event = events[index]
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
        pairs = pyromark.events_with_range(source, options=options)
        offsets = _char_offsets(source)
        blocks, comments, events, landmarks = _split(pairs, text, source, offsets)
    except _DECLINED:
        return None
    # (one character first: `in` finds one many times faster than two)
    if "^" in source and "^[" in source and _may_hold_inline_footnote(source, events, offsets):
        return None
    if disagreements.structure_differs(source, landmarks):
        return None
    return FastMarkdown(path, text, source, events, offsets, blocks, comments)


def is_unsupported(source: str) -> bool:
    """Whether the (prepared) text holds something the fast reader leaves to the reference."""
    for mark in _UNSUPPORTED_MARKS:  # `in` is many times faster than a regex search
        if mark in source:
            return True
    if "^" in source and "[^" in source and _FOOTNOTE_DEFINITION.search(source):
        return True
    if source.isascii() or not any(space in source for space in UNICODE_SPACES):
        return False
    return _EDGE_SPACE.search(source) is not None or _SPACE_IN_TAG.search(source) is not None


def _may_hold_inline_footnote(source: str, events: _Events, convert: _Offsets | None) -> bool:
    """Whether a `^[` of the source may start an inline footnote for the reference.

    The reference's footnote rule tries every `^[` its inline parser reaches; it reaches
    none inside what both parsers read verbatim: inline code, HTML (tags and blocks),
    autolinks and code blocks, each taken here as its whole source range. Anywhere else
    (prose, link text, a cell, an escaped `\\^`, a link destination, a reference
    definition) the file is left to the reference, even where no footnote would be
    read: being wrong costs findings, declining only time."""
    verbatim: list[tuple[int, int]] = []
    for event, span in zip(events.events, events.spans, strict=True):
        if type(event) is str:
            continue
        [kind] = event
        if kind == "Start":
            name = _name(event[kind])
            verbatim_block = name == "CodeBlock" or name == "HtmlBlock"
            if not verbatim_block and (name != "Link" or not _is_autolink(event[kind])):
                continue
        elif kind != "Code" and kind != "InlineHtml" and kind != "Html":
            continue
        verbatim.append(_span(span, convert))
    verbatim.sort()
    starts = [start for start, _ in verbatim]
    # reach[i]: the farthest end of the ranges up to i, all starting at or before starts[i]
    reach = list(itertools.accumulate((end for _, end in verbatim), max))
    caret = source.find("^[")
    while caret >= 0:
        index = bisect.bisect_right(starts, caret) - 1
        if index < 0 or reach[index] < caret + 2:
            return True
        caret = source.find("^[", caret + 1)
    return False


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


# An open block while the events are split: its scope, its first event, the parts of
# its sketch, and whether it is a tight list item's text (which markup closes).
_Open = tuple[str, int, list[str], bool]


def _split(
    pairs: Iterable[tuple[Any, Any]], text: str, source: str, convert: _Offsets | None
) -> tuple[list[Block], list[Comment], _Events, disagreements.Landmarks]:
    """The prose blocks (in the reference's order) and the comments of a file, and what
    `disagreements` needs to know of its structure.

    The hottest loop of reading: one pass over every event, the commonest kinds first,
    the innermost open block's parts kept in a local (`parts`: a throwaway list while
    code or an autolink is skipped, None outside any block)."""
    trusted = "&" not in source  # without "&" every text event reads its source as is
    has_entities = not trusted
    finished: list[tuple[str, int, int, list[str]]] = []
    comments: list[Comment] = []
    scopes: list[str] = []
    stack: list[_Open] = []  # the block, then one per image being read
    parts: list[str] | None = None
    implicit = False  # whether the innermost open block is a tight list item's text
    skip_until: str | None = None  # inside code or an autolink: the end to wait for
    html: list[str] = []
    html_start = 0
    landmarks = disagreements.Landmarks(convert)
    # the pairs split in two at C speed; a loop reads a range only where it needs one
    unzipped = tuple(zip(*pairs, strict=True))
    events: Sequence[Any] = unzipped[0] if unzipped else ()
    spans: Sequence[Any] = unzipped[1] if unzipped else ()

    for index, event in enumerate(events):
        if type(event) is str:  # "SoftBreak", "HardBreak" or "Rule"
            if event != "Rule":
                if parts is not None:
                    parts.append(" ")
                # a line indented four spaces or more inside a container: maybe lazy
                if scopes and spans[index + 1]["start"] - spans[index]["end"] > 3:
                    line_start = _span(spans[index], convert)[1]
                    content_start = _span(spans[index + 1], convert)[0]
                    if disagreements.continuation_line_differs(source, line_start, content_start):
                        raise Unmappable("an indented lazy line that may start a block")
            elif implicit and skip_until is None:
                parts, implicit = _close(stack, finished, index)
            continue
        # The commonest events first; `get` is the cheapest test of a one-key dict.
        value: Any = event.get("Text")
        if value is not None:
            if parts is None:
                parts, implicit = _open_implicit(stack, scopes, index)
            if trusted:
                parts.append(value)
                continue
            span = spans[index]
            if (value.isascii() and span["end"] - span["start"] == len(value)) or _is_plain(
                span, value, source, convert
            ):
                parts.append(value)
            elif _ENTITY.fullmatch(source, *_span(span, convert)):
                parts.append(" " if value.isspace() else BARRIER)
            else:
                raise Unmappable("text that is not its source")
            continue
        value = event.get("End")
        if value is not None:
            if type(value) is str:
                name = value
            else:
                [name] = value
            if skip_until is not None:
                if name == skip_until:
                    skip_until = None
                    trusted = not has_entities
                    parts = stack[-1][2] if stack else None
                continue
            if implicit and name not in _INLINE_MARKUP:
                parts, implicit = _close(stack, finished, index)
            if name in _CLOSES_BLOCK:
                if stack:
                    parts, implicit = _close(stack, finished, index)
            elif name in _CONTAINERS:
                scopes.pop()
            elif name == "HtmlBlock":
                end = _span(spans[index], convert)[1]
                found = _html_block_comments(text, source, html_start, end, "".join(html))
                comments.extend(found)
            continue
        if skip_until is not None:
            continue
        value = event.get("Start")
        if value is None:
            html_content = event.get("Html")
            if html_content is not None:
                html.append(html_content)
                continue
            if parts is None:
                parts, implicit = _open_implicit(stack, scopes, index)
            _add_inline(event, spans[index], parts, comments, source if scopes else None, convert)
            continue
        if type(value) is str:
            name = value
        else:
            [name] = value
        if implicit and name not in _INLINE_MARKUP:
            parts, implicit = _close(stack, finished, index)
        if name == "Paragraph":
            parts, implicit = [], False
            stack.append((scopes[-1] if scopes else "paragraph", index + 1, parts, False))
        elif name in _IGNORED_STARTS:
            pass
        elif name == "Heading" or name == "TableCell":
            parts, implicit = [], False
            scope = "heading" if name == "Heading" else "table.cell"
            stack.append((scope, index + 1, parts, False))
        elif name == "CodeBlock":
            skip_until, trusted, parts = "CodeBlock", True, []
            landmarks.block_ranges.append(spans[index])
            if value["CodeBlock"] == "Indented":
                start = _span(spans[index], convert)[0]
                if disagreements.indented_code_differs(source, start):
                    raise Unmappable("an indented `>` that may go on with a block quote")
        elif name == "Link":
            if _is_autolink(value):
                if parts is None:
                    parts, implicit = _open_implicit(stack, scopes, index)
                parts.append(BARRIER)
                skip_until, trusted, parts = "Link", True, []
            elif scopes and source.find("\n", *_span(spans[index], convert)) >= 0:
                _check_lines_inside(source, spans[index], convert)
        elif name in _CONTAINERS:
            scopes.append(_CONTAINERS[name])
        elif name == "Image":
            if scopes and source.find("\n", *_span(spans[index], convert)) >= 0:
                _check_lines_inside(source, spans[index], convert)
            if parts is None:
                parts, implicit = _open_implicit(stack, scopes, index)
            parts.append(BARRIER)
            parts, implicit = [], False
            stack.append(("alt", index + 1, parts, False))
        elif name == "HtmlBlock":
            html, html_start = [], _span(spans[index], convert)[0]
            landmarks.block_ranges.append(spans[index])
        elif name == "Strikethrough":
            start, end = _span(spans[index], convert)
            if not source.startswith("~~", start):
                raise Unmappable("single-tilde strikethrough")
            if disagreements.strikethrough_differs(source, start, end):
                raise Unmappable("a strikethrough the reference does not read")
            landmarks.delimiters.update((start, end - 2))
        elif name == "Table":
            start, end = _span(spans[index], convert)
            landmarks.tables.append(disagreements.Table(start, end, len(value["Table"])))
        else:
            raise Unmappable(f"unexpected block {name}")
    if implicit:
        _close(stack, finished, len(events))
    if stack:
        raise Unmappable("unbalanced events")
    if not finished:
        return [], comments, _Events(events, spans), landmarks
    block_scopes, firsts, stops, block_parts = zip(*finished, strict=True)
    sketches = _sketches(block_parts, source)
    # `tuple.__new__` makes each Block in C: a file has hundreds, a run a quarter million
    rows = zip(block_scopes, firsts, stops, sketches, strict=True)
    blocks: list[Block] = list(map(tuple.__new__, itertools.repeat(Block), rows))
    return blocks, comments, _Events(events, spans), landmarks


def _add_inline(
    event: Any,
    span: Any,
    parts: list[str],
    comments: list[Comment],
    container_source: str | None,
    convert: _Offsets | None,
) -> None:
    """Inline code or HTML: a barrier (an HTML comment is also a comment).
    `container_source`: the source, when the event lies inside a container."""
    [kind] = event
    if kind != "Code" and kind != "InlineHtml":
        raise Unmappable(f"unexpected event {kind}")
    parts.append(BARRIER)
    value = event[kind]
    in_container = container_source is not None
    # a line break inside: HTML keeps it; code turns it into a space, but keeps a lazy
    # line's indentation (which is what may differ)
    if container_source is not None and ("    " in value or "\n" in value):
        _check_lines_inside(container_source, span, convert)
    if kind == "InlineHtml":
        comment = HTML_COMMENT.fullmatch(value)
        if comment is not None:
            if disagreements.comment_differs(value):
                raise Unmappable("a comment that is text for the reference")
            if in_container and "\n" in value:
                raise Unmappable("a multi-line comment inside a container")
            body = (comment.group(1) or "").strip()
            comments.append(Comment(Span(*_span(span, convert)), body))
        elif in_container and "\n" in value and value.startswith(("<!", "<?")):
            # pulldown-cmark may end it at the `>` that marks a block quote's next line
            raise Unmappable("a multi-line declaration inside a container")


def _check_lines_inside(source: str, span: Any, convert: _Offsets | None) -> None:
    """Decline where inline code, HTML, a link or an image inside a container runs over
    a line that markdown-it-py may read as a block (a lazy line, indented)."""
    start, end = _span(span, convert)
    newline = source.find("\n", start, end)
    while newline >= 0:
        if disagreements.continuation_line_differs(source, newline + 1):
            raise Unmappable("an indented lazy line that may start a block")
        newline = source.find("\n", newline + 1, end)


def _open_implicit(stack: list[_Open], scopes: list[str], index: int) -> tuple[list[str], bool]:
    """Open the block of a tight list item's text (inline content outside a block)."""
    if not scopes:
        raise Unmappable("inline content outside a block")
    parts: list[str] = []
    stack.append((scopes[-1], index, parts, True))
    return parts, True


def _close(
    stack: list[_Open], finished: list[tuple[str, int, int, list[str]]], stop: int
) -> tuple[list[str] | None, bool]:
    """Close the innermost open block; the parts and implicitness of the one around it."""
    scope, first, parts, _ = stack.pop()
    finished.append((scope, first, stop, parts))
    if stack:
        _, _, outer_parts, is_implicit = stack[-1]
        return outer_parts, is_implicit
    return None, False


_MARK = "\x01"  # joins the sketches to fold them at once: not whitespace, not in the parts
_SPACE_RUN = re.compile(" {2,}")


def _sketches(parts: Sequence[list[str]], source: str) -> list[str]:
    """Each block's parts joined, whitespace folded as in segments (in one pass when the
    source has no `_MARK`: a folded run next to a mark leaves one space to strip)."""
    texts = list(map("".join, parts))
    if not texts:
        return []
    if _MARK in source:
        return [" ".join(block_text.split()) for block_text in texts]
    joined = _MARK.join(texts)
    if joined.isascii() and "\n" not in joined:
        # the only whitespace is " " (the file has no other ASCII whitespace but line
        # breaks): folding is collapsing runs of spaces, without a list of every word
        folded = _SPACE_RUN.sub(" ", joined) if "  " in joined else joined
    else:
        folded = " ".join(joined.split())
    return [sketch.strip(" ") for sketch in folded.split(_MARK)]


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
    found = html_comments(text, first, last)
    unprefixed = html_comments(content)
    bodies = unprefixed if len(unprefixed) == len(found) else found
    return [
        Comment(Span(match.start(), match.end()), (body.group(1) or "").strip())
        for match, body in zip(found, bodies, strict=True)
    ]
