"""Where pulldown-cmark (the fast reader) and markdown-it-py (the reference) may build
different blocks or inline markup from the same text.

The fast reader trusts pulldown-cmark's events only where the reference would read the
same; these tests find the places where the two parsers part (each family was found by
differential fuzzing), so that the fast reader declines the file there:

- Tables. markdown-it-py tries a table before any other block, at every line (so `- a|b`
  over `-|-` is a table, not a list item, and a table may interrupt a paragraph), takes a
  one-column delimiter row without a pipe, rejects a delimiter row that starts `- ` or has
  a cell with inner spaces, ends the body at an indented row or at any list marker, but
  not at a row that is a lone pipe. pulldown-cmark does each of these the other way.
- Strikethrough. markdown-it-py opens `~~` only where it is left-flanking and closes it
  only where it is right-flanking; pulldown-cmark opens and closes it inside words and
  next to punctuation. markdown-it-py reads a run of three or more tildes as `~` and `~~`
  delimiters, and a single `~` as text; pulldown-cmark pairs neither with a `~~`, and a
  single `~` between two `~~` keeps them apart.
- Reference definitions. markdown-it-py reads a definition as a block of its own: any
  block start ends it (an empty list item, `2.`, an indented line) and it ends a lazy
  container line; pulldown-cmark takes it off the start of a paragraph, whose next line
  goes on. They also differ on a destination that ends in a backslash or starts on the
  next line, on whitespace beyond ASCII in labels, and on when a link falls back to a
  reference (`[a]\\[b]`, `[a](` at the end of a paragraph). In any link destination, a
  backslash before a space or a line break ends it for one and not the other.
- Indented continuation lines. A paragraph's line indented four spaces never starts a
  block for pulldown-cmark. markdown-it-py measures a lazy line of a nested container
  against the container's indentation, or not at all, so there an indented `<div`, list
  marker or fence ends the paragraph; and a `>` after four spaces still continues its
  block quote.
- HTML comments. `<!--a--->` is a comment for pulldown-cmark (CommonMark 0.31), text for
  markdown-it-py.

Each test is cheap: one pass of a regular expression over the file for `]` marks (a
`|` or a `~` first, by `in`, for the others), then a few lines around what it finds; the
rest looks at the events the fast reader walks anyway.
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

# A block start for markdown-it-py that may end a paragraph or a table body: a fence, a
# block quote, a heading, a list item (empty or not, any number), an HTML block (any tag:
# more than markdown-it-py's, on purpose), a thematic break.
_BLOCK_START = re.compile(
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


def structure_differs(source: str, landmarks: Landmarks) -> bool:
    """Whether markdown-it-py may read the file's tables, reference definitions (and the
    links that use them) or runs of tildes otherwise than pulldown-cmark did."""
    return (
        ("|" in source and tables_differ(source, landmarks))
        or references_differ(source, landmarks)
        or ("~" in source and tilde_runs_differ(source, landmarks))
    )


# --- indented continuation lines and block quotes ------------------------------------


def continuation_line_differs(
    source: str, line_start: int, content_start: int | None = None
) -> bool:
    """Whether a line of a paragraph inside a container has four spaces or more after
    its container markers, then a block start: a lazy line that markdown-it-py may end
    the paragraph at, measured against its container's indentation or not at all.

    `content_start` is where pulldown-cmark reads the line's content from (after a line
    break), which tells its markers from text; without it (a line inside inline code,
    HTML or a link) any four spaces before a `>` or a block start count, `>` included:
    pulldown-cmark reads an indented `>` as text, markdown-it-py as a marker."""
    if content_start is not None:
        position = source.rfind(">", line_start, content_start) + 1 or line_start
        indent_start = position
        while source.startswith(" ", position):
            position += 1
        return position - indent_start >= 4 and _BLOCK_START.match(source, position) is not None
    position = line_start
    while True:
        indent_start = position
        while source.startswith(" ", position):
            position += 1
        if position - indent_start >= 4:
            return _BLOCK_START.match(source, position) is not None
        if not source.startswith(">", position):
            return False
        position += 1


def indented_code_differs(source: str, content_start: int) -> bool:
    """Whether an indented code block starting `>`, right under a line, may be the rest
    of a block quote for markdown-it-py (which does not look at a `>`'s indentation)."""
    position = content_start
    while source.startswith(" ", position):
        position += 1
    if not source.startswith(">", position):
        return False
    line_start = source.rfind("\n", 0, content_start) + 1
    if line_start == 0:
        return False
    previous_start = source.rfind("\n", 0, line_start - 1) + 1
    return bool(source[previous_start : line_start - 1].strip(" "))


# --- HTML comments -----------------------------------------------------------------------

# markdown-it-py's inline comment (common/html_re.py); pulldown-cmark ends one at any `-->`
_REFERENCE_COMMENT = re.compile(r"<!---?>|<!--(?:[^-]|-[^-]|--[^>])*-->")


def comment_differs(html: str) -> bool:
    """Whether inline HTML that pulldown-cmark reads as a comment is text for the reference."""
    return _REFERENCE_COMMENT.fullmatch(html) is None


# --- strikethrough -------------------------------------------------------------------------

# markdown-it-py's whitespace for flanking (common/utils.py isWhiteSpace)
_WHITESPACE = frozenset(
    "\t\n\x0b\x0c\r \xa0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)
_TILDES = re.compile(r"~~+")  # not `~{2,}`: a literal start is found many times faster


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flanking(source: str, start: int, stop: int) -> tuple[bool, bool]:
    """markdown-it-py's (left, right) flanking of the delimiter run `source[start:stop]`.

    At a block's edge markdown-it-py sees a space where the source has a container marker,
    a pipe or a line break: all either whitespace or punctuation, which flanking reads alike
    on the side that matters (before an opener, after a closer)."""
    last = source[start - 1] if start > 0 else " "
    following = source[stop] if stop < len(source) else " "
    last_space, next_space = last in _WHITESPACE, following in _WHITESPACE
    last_punctuation = not last_space and _is_punctuation(last)
    next_punctuation = not next_space and _is_punctuation(following)
    left = not next_space and (not next_punctuation or last_space or last_punctuation)
    right = not last_space and (not last_punctuation or next_space or next_punctuation)
    return left, right


def strikethrough_differs(source: str, start: int, end: int) -> bool:
    """Whether pulldown-cmark's strikethrough over `source[start:end]` may not be the
    reference's: each delimiter a run of exactly two tildes, the first left-flanking,
    the last right-flanking (markdown-it-py's rule; pulldown-cmark's is looser)."""
    closer = end - 2
    if not source.startswith("~~", start) or closer < start + 2:
        return True
    if not source.startswith("~~", closer):
        return True
    if (start > 0 and source[start - 1] == "~") or source.startswith("~", start + 2):
        return True
    if source[closer - 1] == "~" or source.startswith("~", end):
        return True
    return not (_flanking(source, start, start + 2)[0] and _flanking(source, closer, end)[1])


def tilde_runs_differ(source: str, landmarks: Landmarks) -> bool:
    """Whether a run of tildes outside code blocks, other than pulldown-cmark's
    strikethrough delimiters, may be a delimiter for the reference: a run of three or
    more (which the reference splits into `~` and `~~`), or a `~~` that pulldown-cmark
    did not pair (a single `~` between two `~~` is a delimiter for it)."""
    run = _TILDES.search(source)
    while run is not None:
        start, end = run.span()
        block_end = landmarks.end_around(start)
        if block_end >= 0:
            end = block_end  # the error marks under code, mostly
        elif end - start == 2 and start in landmarks.delimiters:
            pass
        elif any(_flanking(source, start, end)):
            return True
        run = _TILDES.search(source, end)
    return False


# --- reference definitions ----------------------------------------------------------------

# A label of visible characters and spaces (no escapes, no brackets, no whitespace beyond
# ASCII), a destination without `<`, backslashes or parentheses but balanced pairs.
_LABEL = r"\[[^\s\[\]\\]++(?:[ ]++[^\s\[\]\\]++)*+\]"
_URL_CHAR = r"[^\s<>\\()\x00-\x1f\x7f]"
_DESTINATION = rf"(?:{_URL_CHAR}++|\({_URL_CHAR}*+\))++"
# a whole line that both parsers read as a definition
_DEFINITION = (
    rf"[ ]{{0,3}}{_LABEL}:[ ]*{_DESTINATION}"
    r"(?:[ ]+(?:\"[^\"\\\n]*\"|'[^'\\\n]*'))?[ ]*(?:\n|\Z)"
)
# lines of such definitions, one after the other (read at once: files have dozens)
_DEFINITIONS = re.compile(f"(?:{_DEFINITION})+")
# a line that neither reads as one: a destination, then text that cannot start a title
_NOT_A_DEFINITION = re.compile(rf"[ ]{{0,3}}{_LABEL}:[ ]*{_DESTINATION}[ ]+[^\s\"'(\\]")
_CONTAINER_PREFIX = re.compile(r"[ >*+\-0-9.)]*")
# what may follow definitions: a blank line, a comment, or a line starting `[` (text for
# both, or a definition that is checked in its turn)
_AFTER_DEFINITION = re.compile(r"[ ]*(?:\n|\Z)|[ ]{0,3}(?:<!--|\[)")
# whitespace beyond ASCII inside brackets: labels the two parsers fold differently
_WIDE_SPACE_IN_BRACKETS = re.compile(r"\[[^\]\n]*[^\S \n]")
# Links that may resolve by reference for one parser only, where the file defines some:
# `[a]\[b]` (a full reference for pulldown-cmark), `[a][ ]` or `[a][[b]]` (a shortcut
# followed by text for pulldown-cmark, no link for markdown-it-py), and `[a](` not
# followed by a plain inline link (markdown-it-py falls back to a reference from one
# character past where the inline link failed; `[a](` at a paragraph's end is no link).
_URL_PART = r"[^\s()<>\\]*+"
_INLINE_LINK_TAIL = (  # written out as runs of one class: many times faster than per character
    rf"""{_URL_PART}(?:\({_URL_PART}\){_URL_PART})*+(?:[ ]+(?:"[^"\\\n]*+"|'[^'\\\n]*+'))?\)"""
)
# `]:` (where a definition may be), or a link that may differ as above
_BRACKET_MARK = re.compile(
    rf"\](?::|\\\[|\[(?:[ \n]+\]|[^\]\[\\\n]*+(?:\\.[^\]\[\\\n]*+)*+\[)"
    rf"|\((?!{_INLINE_LINK_TAIL}))"
)


def references_differ(source: str, landmarks: Landmarks) -> bool:
    """Whether a reference definition outside code, or a link that may fall back to
    one, may be read differently.

    Every `]:` whose `[` may start a definition (first on its line, after container
    markers) is a candidate. A candidate must be a plain one-line definition followed by
    a blank line, a comment or another definition, or a line that is no definition for
    either parser; anything else is left to the reference. Then, where the file defines
    any, no link may be one that resolves by reference for one parser only; and none
    whose destination holds a backslash may fail to be a plain inline link."""
    has_definitions = links_may_differ = False
    mark = _BRACKET_MARK.search(source)  # one pass for both: most of the cost is the pass
    while mark is not None:
        position = mark.start()
        block_end = landmarks.end_around(position)
        if block_end >= 0:
            mark = _BRACKET_MARK.search(source, block_end)
            continue
        resume = position + 2
        if not source.startswith("]:", position):
            links_may_differ = True
            if source.startswith("](", position) and _has_backslash_before_close(source, position):
                return True
        else:
            opening = source.rfind("[", 0, position)
            # (a `[` inside a code block: a `]:` under its last line, never a definition)
            if _may_open_definition(source, opening, position) and not landmarks.holds(opening):
                line_start = source.rfind("\n", 0, opening) + 1
                definitions = _DEFINITIONS.match(source, line_start)
                if definitions is not None:
                    if _AFTER_DEFINITION.match(source, definitions.end()) is None:
                        return True
                    has_definitions = True
                    resume = definitions.end()
                elif _NOT_A_DEFINITION.match(source, line_start) is None:
                    return True
        mark = _BRACKET_MARK.search(source, resume)
    # markdown-it-py falls back to a reference only where there are some
    if not has_definitions:
        return False
    return links_may_differ or (not source.isascii() and _has_wide_label_space(source))


def _has_backslash_before_close(source: str, position: int) -> bool:
    """Whether a backslash comes before the `)` closing a link at `position` (`](`):
    markdown-it-py ends a destination before a backslash and a space, or reads a
    backslash and a line break as an escape; pulldown-cmark the other way round."""
    close = source.find(")", position)
    return source.find("\\", position, len(source) if close < 0 else close) >= 0


def _may_open_definition(source: str, opening: int, colon: int) -> bool:
    if opening < 0:
        return False
    label = source[opening + 1 : colon]
    escaped = "\\" in label or source[opening - 1 : opening] == "\\"
    if "]" in label and not escaped:
        return False  # `[a][b]:`: no label
    line_start = source.rfind("\n", 0, opening) + 1
    prefix = _CONTAINER_PREFIX.match(source, line_start, opening)
    return escaped or (prefix is not None and prefix.end() == opening)


def _has_wide_label_space(source: str) -> bool:
    return _WIDE_SPACE_IN_BRACKETS.search(source) is not None


# --- tables ---------------------------------------------------------------------------------

# a line holding a pipe (matched from its last one) over a line that may be a delimiter
# row (for some container depth); the lookahead lets that line be the next header
_TABLE_CANDIDATE = re.compile(r"\|[^|\n]*\n(?=[ >]*[|:-][ |:-]*$)", re.MULTILINE)
_MARKER = re.compile(r"[ ]*(?:(>)[ ]?|(?:[*+-]|[0-9]{1,9}[.)])(?=[ \n]|\Z))")
_QUOTE_MARKER = re.compile(r"[ ]*>[ ]?")
_ALIGNMENT = re.compile(r":?-+:?")
_CELL_PIPE = re.compile(r"(?<!\\)\|")
_SPACES = re.compile(r"[ ]*")
# the body of a table at the top level whose every row markdown-it-py goes on with
_PLAIN_ROWS = re.compile(rf"(?:[ ]{{0,3}}(?![ \n]|{_BLOCK_START.pattern})[^\n]*\n?)*")
# markdown-it-py's trim (common/utils.py MD_TRIM_CHARS)
_TRIM = "".join(sorted(_WHITESPACE | {"\u2028", "\u2029"}))


def tables_differ(source: str, landmarks: Landmarks) -> bool:
    """Whether markdown-it-py may read a table that pulldown-cmark does not, or the other
    way round, or the same table with other rows."""
    tables = landmarks.tables
    for table in tables:
        if not _reads_table_alike(source, table):
            return True
    if not _has_pipe_outside(source, landmarks):
        return False
    by_header_line = {_line_start(source, table.start) for table in tables}
    starts = [table.start for table in tables]
    for candidate in _TABLE_CANDIDATE.finditer(source):
        header_start = _line_start(source, candidate.start())
        if header_start in by_header_line or landmarks.holds_below_first_line(header_start):
            continue
        index = bisect.bisect_right(starts, header_start) - 1
        if index >= 0 and header_start < tables[index].end:
            continue  # a row of a table checked above
        header_end = candidate.end() - 1
        delimiter = (candidate.end(), _line_end(source, candidate.end()))
        if _may_read_table(source, (header_start, header_end), delimiter):
            return True
    return False


def _has_pipe_outside(source: str, landmarks: Landmarks) -> bool:
    """Whether a pipe lies outside pulldown-cmark's tables and below the first lines of
    code and HTML blocks: only such a line may be a header for markdown-it-py alone.
    (Jumping from pipe to pipe over blocks is many times faster than the candidates.)"""
    tables = landmarks.tables
    table_starts = [table.start for table in tables]
    pipe = source.find("|")
    while pipe >= 0:
        block = landmarks.block_around(pipe)
        if block is not None:
            if source.find("\n", block[0], pipe) < 0:
                return True  # on the block's first line
            pipe = source.find("|", block[1])
            continue
        index = bisect.bisect_right(table_starts, pipe) - 1
        if index < 0 or pipe >= tables[index].end:
            return True
        pipe = source.find("|", tables[index].end)
    return False


def _line_start(source: str, offset: int) -> int:
    return source.rfind("\n", 0, offset) + 1


def _line_end(source: str, offset: int) -> int:
    end = source.find("\n", offset)
    return len(source) if end < 0 else end


def _depths(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a line's content starts at each container depth markdown-it-py may try a
    table at (every marker stripped in turn), with the number of `>` stripped so far."""
    depths: list[tuple[int, int]] = []
    position, quotes = start, 0
    while True:
        content = position
        while content < end and source[content] == " ":
            content += 1
        depths.append((content, quotes))
        marker = _MARKER.match(source, position, end)
        if marker is None:
            return depths
        quotes += marker.group(1) is not None
        position = marker.end()


def _after_quotes(source: str, start: int, end: int, quotes: int) -> int | None:
    """Where a line goes on after `quotes` block quote markers (None: it has fewer)."""
    position = start
    for _ in range(quotes):
        marker = _QUOTE_MARKER.match(source, position, end)
        if marker is None:
            return None
        position = marker.end()
    return position


def _indent(source: str, start: int, end: int) -> int:
    spaces = _SPACES.match(source, start, end)
    assert spaces is not None  # the pattern matches the empty string
    return spaces.end() - start


def _reference_columns(header: str, delimiter: str) -> int:
    """The columns markdown-it-py's table rule reads from a header and a delimiter row
    (each without its container markers and indentation); 0 when it reads no table."""
    if len(delimiter) < 2 or delimiter[0] not in "|-:" or delimiter[1] not in "|-: ":
        return 0
    if (delimiter[0] == "-" and delimiter[1] == " ") or delimiter.strip("|-: "):
        return 0
    cells = delimiter.split("|")
    alignments = 0
    for index, cell in enumerate(cells):
        cell = cell.strip(" ")
        if not cell:
            if 0 < index < len(cells) - 1:
                return 0
            continue
        if not _ALIGNMENT.fullmatch(cell):
            return 0
        alignments += 1
    header = header.strip(_TRIM)
    if "|" not in header:
        return 0
    columns = _escaped_split(header)
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return alignments if len(columns) == alignments else 0


def _escaped_split(row: str) -> list[str]:
    """markdown-it-py's cells, as many and as empty: split at every pipe not right after
    a backslash (markdown-it-py also drops that backslash)."""
    return _CELL_PIPE.split(row)


def _columns_at(
    source: str, header: tuple[int, int], delimiter: tuple[int, int], depth: tuple[int, int]
) -> int:
    content, quotes = depth
    delimiter_start = _after_quotes(source, *delimiter, quotes)
    if delimiter_start is None:
        return 0
    delimiter_start += _indent(source, delimiter_start, delimiter[1])
    return _reference_columns(source[content : header[1]], source[delimiter_start : delimiter[1]])


def _may_read_table(source: str, header: tuple[int, int], delimiter: tuple[int, int]) -> bool:
    """Whether a parser may read a table there: markdown-it-py at some container depth
    (without its tests of indentation: that it may is enough to decline), or
    pulldown-cmark, which ends a paragraph at a lazy line over what would be a delimiter
    row inside a block quote."""
    quotes = 0
    while _after_quotes(source, *delimiter, quotes + 1) is not None:
        quotes += 1
    return any(
        _columns_at(source, header, delimiter, (content, delimiter_quotes))
        for content, _ in _depths(source, *header)
        for delimiter_quotes in range(quotes + 1)
    )


def _reads_table_alike(source: str, table: Table) -> bool:
    """Whether markdown-it-py reads pulldown-cmark's table: at the same depth (no table
    at an outer one), with as many columns, every row, and nothing after."""
    header_start = _line_start(source, table.start)
    header = (header_start, _line_end(source, table.start))
    if header[1] >= len(source):
        return False
    delimiter = (header[1] + 1, _line_end(source, header[1] + 1))
    depths = _depths(source, *header)
    found = [index for index, (content, _) in enumerate(depths) if content == table.start]
    if not found:
        return False
    depth = found[0]
    for index in range(depth):
        if _columns_at(source, header, delimiter, depths[index]):
            return False  # markdown-it-py reads a table around the container
    if _columns_at(source, header, delimiter, depths[depth]) != table.columns:
        return False
    quotes = depths[depth][1]
    header_base = _after_quotes(source, *header, quotes)
    delimiter_base = _after_quotes(source, *delimiter, quotes)
    if header_base is None or delimiter_base is None:
        return False
    # markdown-it-py ends a table at a line indented four columns past its container's
    # content, which lies at most three before the header's: this much is always a row
    widest = max(3, table.start - header_base)
    if _indent(source, delimiter_base, delimiter[1]) > widest:
        return False
    body_start = min(delimiter[1] + 1, table.end)
    if quotes == 0 and widest == 3:
        rows = _PLAIN_ROWS.fullmatch(source, body_start, table.end)
        if rows is None:
            return False
    elif not _rows_go_on(source, body_start, table.end, quotes, widest):
        return False
    return _ends_after(source, table.end, quotes, table.start - header_base)


def _rows_go_on(source: str, start: int, end: int, quotes: int, widest: int) -> bool:
    position = start
    while position < end:
        line_end = _line_end(source, position)
        base = _after_quotes(source, position, line_end, quotes)
        if base is None:
            return False
        indent = _indent(source, base, line_end)
        if indent > widest or _BLOCK_START.match(source, base + indent):
            return False
        position = line_end + 1
    return True


def _ends_after(source: str, end: int, quotes: int, header_indent: int) -> bool:
    """Whether markdown-it-py ends the table where pulldown-cmark did, before the line at
    `end`: a blank line, a lazy line, a block start, or a line left of the container."""
    if end >= len(source):
        return True
    line_end = _line_end(source, end)
    base = _after_quotes(source, end, line_end, quotes)
    if base is None:
        return True  # lazy: markdown-it-py's table needs the line inside its container
    indent = _indent(source, base, line_end)
    if base + indent == line_end or _BLOCK_START.match(source, base + indent):
        return True
    return indent < header_indent - 3
