"""What the fast reader notes of a file's structure for `disagreements`, and the pieces of
markdown-it-py's grammar that its tests share."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

# A block start for markdown-it-py that may end a paragraph or a table body: a fence, a
# block quote, a heading, a list item (empty or not, any number), an HTML block (any tag:
# more than markdown-it-py's, on purpose), a thematic break.
BLOCK_START = re.compile(
    r"(?:`{3}|~{3}|>|#{1,6}(?:[ \n]|\Z)|[*+-](?:[ \n]|\Z)|[0-9]{1,9}[.)](?:[ \n]|\Z)"
    r"|<[A-Za-z/!?]|(?P<rule>[*_-])(?:[ ]*(?P=rule)){2,}[ ]*(?:\n|\Z))"
)


class Table(NamedTuple):
    """A table as pulldown-cmark reads it: its source range and its number of columns."""

    start: int
    end: int
    columns: int


@dataclass(slots=True)
class Landmarks:
    """What the fast reader notes of a file's structure while it walks the events: its
    code and HTML blocks (what both parsers read verbatim), its tables and where its
    strikethrough delimiters start. A block is kept as pulldown-cmark's range (UTF-8
    offsets, in document order) and looked up by bisection: most files need no lookup,
    and a file has dozens of blocks."""

    convert: Callable[[int], int] | None  # UTF-8 offset -> code-point offset (None: ASCII)
    block_ranges: list[Any] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    delimiters: set[int] = field(default_factory=set)

    def block_around(self, offset: int) -> tuple[int, int] | None:
        """The block `offset` lies in (code points), None when it lies in none."""
        ranges, convert = self.block_ranges, self.convert
        if convert is None:
            index = bisect.bisect_right(ranges, offset, key=_START) - 1
            if index >= 0 and offset < ranges[index]["end"]:
                return ranges[index]["start"], ranges[index]["end"]
            return None
        index = bisect.bisect_right(ranges, offset, key=lambda block: convert(block["start"])) - 1
        if index < 0:
            return None
        start, end = convert(ranges[index]["start"]), convert(ranges[index]["end"])
        return (start, end) if offset < end else None

    def end_around(self, offset: int) -> int:
        """The end of the block `offset` lies in, -1 when it lies in none."""
        block = self.block_around(offset)
        return -1 if block is None else block[1]

    def holds(self, offset: int) -> bool:
        """Whether `offset` lies in a block."""
        return self.block_around(offset) is not None

    def holds_below_first_line(self, line_start: int) -> bool:
        """Whether the line at `line_start` lies in a block, below the block's first line
        (markdown-it-py tries a table on a fence's or an HTML block's first line)."""
        block = self.block_around(line_start)
        return block is not None and block[0] < line_start


_START = operator.itemgetter("start")

# markdown-it-py's whitespace for flanking (common/utils.py isWhiteSpace)
WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)
