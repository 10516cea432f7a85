"""A document as the checks see it: prose segments that map back to the source by arithmetic.

A reader (Markdown or plain text) turns a file's decoded text into `Segment`s. Each
segment's `text` is the prose of one block (a paragraph, a heading, a table cell, an
image's alt text, ...) in which:

- every run of whitespace, including a line break and the container prefix (`> `,
  list indentation) that follows it, reads as one space;
- content that is never checked but sits inside the block (inline code, raw HTML
  tags, an image inside a paragraph, a bare URL) reads as `BARRIER` characters, so
  that no match can cross it;
- inline markup that only formats (`**`, `_`, `[`, `](url)`) is dropped, so the
  segment reads as the rendered text does.

`Segment.to_source` maps a span of `text` back to the source by addition over the
segment's pieces; nothing is ever found again by searching the file.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from termlint.model import Position, Span

BARRIER = "\x00"
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.\-]*://|www\.)[^\s\x00]+")
_URL_ANCHOR = re.compile(r"://|www\.")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SCHEME_CHARS = _LETTERS | frozenset("0123456789+.-")
# The whitespace runs a segment folds: all but a single space, which reads as itself.
_FOLDED_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")


def blank_urls(text: str) -> str:
    """`text` with each bare URL (a scheme and `://`, or `www.`, up to the next space or
    barrier) made barriers of the same length: `_URL.sub` over the text, in linear time.

    `_URL` is tried only where a match can start: at a `www.`, and at the first letter of
    the run of scheme characters before a `://` (a run's later letters reach the same
    `://`, so the first one is the leftmost match). Searched from every letter, a long
    word without `://` was scanned to its end from each of its letters."""
    starts: list[int] = []
    for anchor in _URL_ANCHOR.finditer(text):
        at = anchor.start()
        if anchor.group() == "www.":
            starts.append(at)
            continue
        run = at
        while run > 0 and text[run - 1] in _SCHEME_CHARS:
            run -= 1
        while run < at and text[run] not in _LETTERS:
            run += 1
        if run < at:
            starts.append(run)
    pieces: list[str] = []
    done = 0
    for start in sorted(starts):
        if start < done:
            continue
        url = _URL.match(text, start)
        if url is not None:
            pieces += (text[done:start], BARRIER * (url.end() - start))
            done = url.end()
    return "".join(pieces) + text[done:] if pieces else text


class PieceKind(enum.Enum):
    TEXT = "text"  # a verbatim source slice: one segment character per source character
    SPACE = "space"  # whitespace (possibly a line break and container prefix) read as " "
    BARRIER = "barrier"  # unchecked inline content read as one BARRIER character


@dataclass(frozen=True, slots=True)
class Piece:
    kind: PieceKind
    seg_start: int
    src_start: int
    src_end: int

    @property
    def seg_end(self) -> int:
        if self.kind is PieceKind.TEXT:
            return self.seg_start + (self.src_end - self.src_start)
        return self.seg_start + 1


_SEG_START = operator.attrgetter("seg_start")
# The slots' own setters: a frozen dataclass's __init__ sets each field through
# object.__setattr__, several times slower, and segments are built piece by piece.
_NEW_OBJECT = object.__new__
_SET_KIND = vars(Piece)["kind"].__set__
_SET_SEG_START = vars(Piece)["seg_start"].__set__
_SET_SRC_START = vars(Piece)["src_start"].__set__
_SET_SRC_END = vars(Piece)["src_end"].__set__


def _pieces(rows: list[list[Any]]) -> tuple[Piece, ...]:
    """`Piece(*row)` for each `[kind, seg_start, src_start, src_end]`, made faster."""
    pieces = []
    for kind, seg_start, src_start, src_end in rows:
        piece = _NEW_OBJECT(Piece)
        _SET_KIND(piece, kind)
        _SET_SEG_START(piece, seg_start)
        _SET_SRC_START(piece, src_start)
        _SET_SRC_END(piece, src_end)
        pieces.append(piece)
    return tuple(pieces)


@dataclass(frozen=True, slots=True)
class Segment:
    """One block of prose and the map from its characters back to the source."""

    text: str
    pieces: tuple[Piece, ...]
    scope: str = "paragraph"
    # Each piece's seg_start, computed once: a long plain-text paragraph has a piece per
    # line, and every match looks pieces up.
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(map(_SEG_START, self.pieces)))

    def _piece_at(self, seg_offset: int) -> Piece:
        return self.pieces[bisect.bisect_right(self._starts, seg_offset) - 1]

    def source_offset(self, seg_offset: int) -> int:
        """Source offset of the character at `seg_offset`."""
        piece = self._piece_at(seg_offset)
        if piece.kind is PieceKind.TEXT:
            return piece.src_start + (seg_offset - piece.seg_start)
        return piece.src_start

    def to_source(self, start: int, end: int) -> Span:
        """Map the segment span [start, end) to a source span (end > start)."""
        first = self._piece_at(start)
        last = self._piece_at(end - 1)
        if first.kind is PieceKind.TEXT:
            src_start = first.src_start + (start - first.seg_start)
        else:
            src_start = first.src_start
        if last.kind is PieceKind.TEXT:
            src_end = last.src_start + (end - last.seg_start)
        else:
            src_end = last.src_end
        return Span(src_start, src_end)

    def pieces_between(self, start: int, end: int) -> Iterator[Piece]:
        """The pieces that hold any character of the segment span [start, end)."""
        index = bisect.bisect_right(self._starts, start) - 1
        while index < len(self.pieces) and self.pieces[index].seg_start < end:
            yield self.pieces[index]
            index += 1

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when the span's source has nothing the segment dropped (such as `**`)."""
        previous: Piece | None = None
        for piece in self.pieces_between(start, end):
            if previous is not None and previous.src_end != piece.src_start:
                return False
            previous = piece
        return True

    def separators(self, source: str, start: int, end: int) -> list[str]:
        """The source text of each whitespace run inside the segment span, in order."""
        result: list[str] = []
        for piece in self.pieces_between(start, end):
            if piece.kind is PieceKind.SPACE:
                result.append(source[piece.src_start : piece.src_end])
            elif piece.kind is PieceKind.TEXT:
                lo = max(start, piece.seg_start)
                hi = min(end, piece.seg_end)
                chunk = self.text[lo:hi]
                result.extend(" " for char in chunk if char == " ")
        return result


class SegmentBuilder:
    """Collects source slices for one segment; readers call it in source order.

    While a piece may still grow it is a list `[kind, seg_start, src_start, src_end]`
    (growing one replaces nothing); `build` makes the `Piece`s."""

    __slots__ = (
        "_last_src_end",
        "_length",
        "_parts",
        "_pending_break",
        "_pieces",
        "_scope",
        "_source",
    )

    def __init__(self, source: str, scope: str = "paragraph") -> None:
        self._source = source
        self._scope = scope
        self._parts: list[str] = []
        self._pieces: list[list[Any]] = []
        self._length = 0
        self._last_src_end: int | None = None
        self._pending_break = False

    def add_text(self, src_start: int, src_end: int) -> None:
        """Add the verbatim source slice [src_start, src_end) as prose."""
        if src_end <= src_start:
            return
        if self._pending_break and self._last_src_end is not None:
            self._add_space(self._last_src_end, src_start)
        self._pending_break = False
        chunk = self._source[src_start:src_end]
        if "  " not in chunk and chunk.isprintable():
            # the common case, found without a regex: every whitespace character but
            # the space is unprintable, so the chunk's only whitespace is single spaces
            self._add_verbatim(src_start, src_end, chunk)
            self._last_src_end = src_end
            return
        position = src_start
        run = _FOLDED_WHITESPACE.search(self._source, src_start, src_end)
        while run is not None:
            self._add_verbatim(position, run.start())
            self._add_space(run.start(), run.end())
            position = run.end()
            run = _FOLDED_WHITESPACE.search(self._source, position, src_end)
        self._add_verbatim(position, src_end)
        self._last_src_end = src_end

    def add_break(self) -> None:
        """A line break: the source between the previous and next text reads as one space."""
        if self._last_src_end is not None:
            self._pending_break = True

    def add_space(self, src_start: int, src_end: int) -> None:
        """Source that reads as whitespace although it is not (an `&nbsp;` entity)."""
        self._pending_break = False
        self._add_space(src_start, src_end)
        self._last_src_end = src_end

    def add_barrier(self, src_start: int, src_end: int) -> None:
        """Unchecked content (inline code, an HTML tag, an image): no match crosses it."""
        if self._pending_break and self._last_src_end is not None:
            self._add_space(self._last_src_end, src_start)
        self._pending_break = False
        self._pieces.append([PieceKind.BARRIER, self._length, src_start, src_end])
        self._parts.append(BARRIER)
        self._length += 1
        self._last_src_end = src_end

    def build(self) -> Segment | None:
        """The segment, or None when it holds no prose; bare URLs become barriers."""
        if not self._pieces:
            return None
        text = "".join(self._parts)
        if not text.strip(" " + BARRIER):
            return None
        if "://" in text or "www." in text:  # what every URL holds; most segments have none
            text = blank_urls(text)
        return Segment(text=text, pieces=_pieces(self._pieces), scope=self._scope)

    def _add_verbatim(self, src_start: int, src_end: int, chunk: str | None = None) -> None:
        """Add [src_start, src_end) as it reads (`chunk`: that slice, when already cut)."""
        if src_end <= src_start:
            return
        parts = self._parts
        if chunk is None:
            chunk = self._source[src_start:src_end]
        if chunk[0] == " " and parts and parts[-1].endswith(" "):
            # "[foo ](url) bar": dropped markup between two spaces still reads as one space
            self._add_space(src_start, src_start + 1)
            src_start += 1
            chunk = chunk[1:]
            if src_end <= src_start:
                return
        pieces = self._pieces
        if pieces and pieces[-1][3] == src_start and pieces[-1][0] is PieceKind.TEXT:
            pieces[-1][3] = src_end
        else:
            pieces.append([PieceKind.TEXT, self._length, src_start, src_end])
        parts.append(chunk)
        self._length += src_end - src_start

    def _add_space(self, src_start: int, src_end: int) -> None:
        pieces = self._pieces
        if pieces:
            last = pieces[-1]
            if last[0] is PieceKind.SPACE:
                last[3] = src_end
                return
            if last[0] is PieceKind.TEXT and self._parts[-1].endswith(" "):
                # a single space kept verbatim, then more whitespace: widen it into one run
                space_start = last[3] - 1
                last[3] = space_start
                self._parts[-1] = self._parts[-1][:-1]
                self._length -= 1
                if space_start == last[2]:
                    pieces.pop()
                    self._parts.pop()
                src_start = space_start
        pieces.append([PieceKind.SPACE, self._length, src_start, src_end])
        self._parts.append(" ")
        self._length += 1


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment that may hold a suppression directive: its source span and inner text."""

    span: Span
    body: str


class LineIndex:
    """Converts code-point offsets to 1-based line and column (LF, CRLF or lone CR).

    With LF endings, a position is counted in the text itself, from the last position
    asked for when it lies before (the checks ask in text order): most documents ask
    for a handful, and a table of every line start would cost more."""

    __slots__ = ("_counted", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._counted = (0, 1)  # an offset and its line: counting resumes from there
        self._starts: list[int] | None = None if "\r" not in text else _line_starts(text)

    def position(self, offset: int) -> Position:
        starts = self._starts
        if starts is None:
            text = self._text
            known, line = self._counted
            if offset < known:
                known, line = 0, 1
            line += text.count("\n", known, offset)
            self._counted = (offset, line)
            return Position(line, offset - text.rfind("\n", 0, offset))
        line = bisect.bisect_right(starts, offset) - 1
        return Position(line + 1, offset - starts[line] + 1)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self._line_starts()[line - 1]

    def line_end(self, offset: int) -> int | None:
        """Where the line that holds `offset` ends (before its line break), when that
        takes no table of line starts; None otherwise (ask by line number instead)."""
        if self._starts is not None:
            return None
        end = self._text.find("\n", offset)
        return len(self._text) if end < 0 else end

    @property
    def line_count(self) -> int:
        return len(self._line_starts())

    def _line_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = _line_starts(self._text)
        return self._starts


def _line_starts(text: str) -> list[int]:
    if "\r" not in text:  # the common case, three times faster than the loop below
        lengths = map(len, text.split("\n")[:-1])
        return list(itertools.accumulate(map((1).__add__, lengths), initial=0))
    return [0, *(match.end() for match in re.finditer(r"\r\n|\r|\n", text))]


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded file ready for matching."""

    path: str
    text: str
    segments: tuple[Segment, ...]
    comments: tuple[Comment, ...]
    kind: str  # "markdown" or "text"
    line_index: LineIndex

    def line_text_at(self, position: Position, offset: int) -> str:
        """The text of the line that holds `offset` (at `position`), without its ending."""
        end = self.line_index.line_end(offset)
        if end is None:
            return self.line_text(position.line)
        return self.text[offset - position.column + 1 : end]

    def line_text(self, line: int) -> str:
        """The text of 1-based `line`, without its line ending."""
        start = self.line_index.line_start(line)
        end = (
            self.line_index.line_start(line + 1)
            if line < self.line_index.line_count
            else len(self.text)
        )
        return self.text[start:end].rstrip("\r\n")
