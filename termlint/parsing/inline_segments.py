"""Turn one block's inline tokens into prose segments, through its `ContentMap`.

Every piece is mapped back by arithmetic and checked: a text token's characters
must equal the content at its recorded span, and the content map's runs equal
the source. When something cannot be mapped, the segment is cut there (the part
before it is kept, a new segment starts after it), so nothing is placed wrongly
and no match can join the words on either side.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from termlint.document import Comment, Segment, SegmentBuilder
from termlint.model import Span
from termlint.parsing.html_comments import HTML_COMMENT
from termlint.parsing.positions import inline_spans
from termlint.parsing.source_map import ContentMap

_FORMATTING = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_BREAKS = frozenset({"softbreak", "hardbreak"})


@dataclass(slots=True)
class Collected:
    """What reading a file's inline tokens gathers besides the block segments."""

    text: str  # the file as decoded: segments are built from its slices
    source: str  # the text as parsed (same offsets, line endings normalised)
    env: MutableMapping[str, Any]
    hidden: list[tuple[int, int]] = field(default_factory=list)  # blanked before parsing
    segments: list[Segment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)  # inline code spans


class InlineEmitter:
    """Builds the segments of one block (or of an image's alt text) in source order."""

    def __init__(self, collected: Collected, content: str, content_map: ContentMap, scope: str):
        self._collected = collected
        self._spans = inline_spans(collected.env)
        self._content = content
        self._map = content_map
        self._scope = scope
        self._builder = SegmentBuilder(collected.text, scope)
        self._last_end = -1  # source end of the current segment's last piece
        self._has_content = False
        self._reads_space = False  # the segment so far ends in whitespace
        self._text_start = self._text_end = -1  # text not yet given to the builder

    def emit(self, tokens: Sequence[Token], offset: int) -> None:
        """Add `tokens`, whose recorded spans are relative to content `offset`."""
        index = 0
        while index < len(tokens):
            token = tokens[index]
            index += 1
            record = self._spans.get(id(token))
            if record is None or record[0] is not token:
                self.cut()
                continue
            start, end = offset + record[1], offset + record[2]
            kind = token.type
            if kind == "text":
                self._text(start, token.content)
            elif kind in _FORMATTING:
                continue
            elif kind == "link_open" or kind == "link_close":
                if token.markup == "autolink":  # a barrier; its text is not prose
                    self._barrier(start, end)
                    while index < len(tokens) and tokens[index].type != "link_close":
                        index += 1
                    index += 1
            elif kind == "text_special":
                self._special(token, start)
            elif kind in _BREAKS:
                self._break(start)
            elif kind == "code_inline":
                code = self._barrier(start, end)
                if code is not None:
                    self._collected.code.append(code)
            elif kind == "html_inline":
                self._html(token, start, end)
            elif kind == "image":
                self._barrier(start, end)
                self._nested(token.children or [], start + 2, "alt")
            elif kind == "footnote_ref":
                self._barrier(start, end)
                self._inline_footnote(token, start + 2)
            else:
                self._barrier(start, end)

    def finish(self) -> None:
        """Close the current segment."""
        self.cut()

    def cut(self) -> None:
        """End the current segment here and start a new one."""
        self._flush()
        segment = self._builder.build()
        if segment is not None:
            self._collected.segments.append(segment)
        self._builder = SegmentBuilder(self._collected.text, self._scope)
        self._last_end = -1
        self._has_content = False
        self._reads_space = False

    # --- tokens -------------------------------------------------------------------

    def _text(self, start: int, expected: str) -> None:
        if not expected:
            return
        ranges = self._map.ranges(start, start + len(expected))
        if ranges is None or not self._content.startswith(expected, start):
            self.cut()
            return
        for source_start, source_end in ranges:
            self._add_text(source_start, source_end)

    def _special(self, token: Token, start: int) -> None:
        markup = token.markup
        if not self._content.startswith(markup, start):
            self.cut()
        elif token.info == "escape":
            # a real escape keeps only the escaped character; "\a" stays as written
            self._text(start if token.content == markup else start + 1, token.content)
        elif token.info == "entity" and token.content.isspace():
            ranges = self._map.ranges(start, start + len(markup))
            if ranges is None or len(ranges) != 1:
                self.cut()
            else:
                self._add_space(*ranges[0])
        else:
            self._barrier(start, start + len(markup))

    def _break(self, offset: int) -> None:
        found = self._map.line_break(offset, self._content)
        if found is None:
            self.cut()
            return
        if not self._has_content:
            return
        newline, next_line = found
        source = self._collected.source
        space_start = newline
        while space_start > self._last_end and source[space_start - 1] in " \t":
            space_start -= 1
        # from the trailing whitespace to the next line's text: never dropped markup
        self._add_space(space_start, next_line)

    def _barrier(self, start: int, end: int) -> tuple[int, int] | None:
        first = self._map.point(start)
        last = self._map.point(end - 1)
        if first is None or last is None or last < first:
            self.cut()
            return None
        self._add_barrier(first, last + 1)
        return first, last + 1

    def _html(self, token: Token, start: int, end: int) -> None:
        span = self._barrier(start, end)
        comment = HTML_COMMENT.fullmatch(token.content)
        if span is not None and comment is not None:
            body = (comment.group(1) or "").strip()
            self._collected.comments.append(Comment(Span(*span), body))

    def _nested(self, tokens: Sequence[Token], offset: int, scope: str) -> None:
        emitter = InlineEmitter(self._collected, self._content, self._map, scope)
        emitter.emit(tokens, offset)
        emitter.finish()

    def _inline_footnote(self, token: Token, offset: int) -> None:
        if "label" in token.meta or "id" not in token.meta:
            return  # a reference to a footnote defined as a block
        note = self._collected.env.get("footnotes", {}).get("list", {}).get(token.meta["id"])
        if note and note.get("tokens"):
            self._nested(note["tokens"], offset, "footnote")

    # --- pieces, in source order --------------------------------------------------

    def _add_text(self, start: int, end: int) -> None:
        if self._collected.hidden and self._hide(start, end, self._add_text):
            return
        if start == self._text_end:  # contiguous text: one builder call for the run
            self._text_end = end
        else:
            self._before(start)
            if self._reads_space and start > self._last_end:
                start = self._skip_space(start, end)
                if start == end:
                    return
            self._text_start, self._text_end = start, end
        self._last_end = end
        self._has_content = True
        self._reads_space = self._collected.source[end - 1].isspace()

    def _add_space(self, start: int, end: int) -> None:
        if self._collected.hidden and self._hide(start, end, self._add_space):
            return
        self._before(start)
        if self._reads_space and start > self._last_end:
            return  # see _skip_space; what follows is still measured from the last piece
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
        """Flush pending text; a piece that would go back starts a new segment."""
        self._flush()
        if start < self._last_end:
            self.cut()

    def _flush(self) -> None:
        if self._text_end >= 0:
            self._builder.add_text(self._text_start, self._text_end)
            self._text_start = self._text_end = -1

    def _skip_space(self, start: int, end: int) -> int:
        # After whitespace and dropped markup (`[foo ](url) bar`) the segment already
        # reads one space; more would make the builder widen its SPACE piece over the
        # markup, so the new whitespace is left out.
        source = self._collected.source
        while start < end and source[start].isspace():
            start += 1
        return start

    def _hide(self, start: int, end: int, add: Callable[[int, int], None]) -> bool:
        """Add [start, end) with each blanked span in it (an MDX comment) as a barrier."""
        inside = [(low, high) for low, high in self._collected.hidden if low < end and start < high]
        if not inside:
            return False
        position = start
        for low, high in inside:
            if position < low:
                add(position, low)
            self._add_barrier(max(low, position), min(high, end))
            position = high
        if position < end:
            add(position, end)
        return True
