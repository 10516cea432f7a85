"""Where markdown-it-py and pulldown-cmark may read tables differently (`disagreements`).

markdown-it-py tries a table before any other block, at every line (so `- a|b` over `-|-`
is a table, not a list item, and a table may interrupt a paragraph), takes a one-column
delimiter row without a pipe, rejects a delimiter row that starts `- ` or has a cell with
inner spaces, ends the body at an indented row or at any list marker, but not at a row
that is a lone pipe. pulldown-cmark does each of these the other way.
"""

from __future__ import annotations

import bisect
import re

from termlint.parsing.landmarks import BLOCK_START, WHITESPACE, Landmarks, Table

# a line holding a pipe (matched from its last one) over a line that may be a delimiter
# row (for some container depth); the lookahead lets that line be the next header
_TABLE_CANDIDATE = re.compile(r"\|[^|\n]*\n(?=[ >]*[|:-][ |:-]*$)", re.MULTILINE)
_MARKER = re.compile(r"[ ]*(?:(>)[ ]?|(?:[*+-]|[0-9]{1,9}[.)])(?=[ \n]|\Z))")
_QUOTE_MARKER = re.compile(r"[ ]*>[ ]?")
_ALIGNMENT = re.compile(r":?-+:?")
_CELL_PIPE = re.compile(r"(?<!\\)\|")
_SPACES = re.compile(r"[ ]*")
# the body of a table at the top level whose every row markdown-it-py goes on with
_ROW = rf"[ ]{{0,3}}(?![ \n]|{BLOCK_START.pattern})[^\n]*+"
# (whole lines, each at most once: an optional line break inside the repeat let a failing
# match try every way of cutting every line, exponential in the line's length)
_PLAIN_ROWS = re.compile(rf"(?:{_ROW}(?:\n|\Z))*+")
# markdown-it-py's trim (common/utils.py MD_TRIM_CHARS)
_TRIM = "".join(sorted(WHITESPACE | {"\u2028", "\u2029"}))


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
        if indent > widest or BLOCK_START.match(source, base + indent):
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
    if base + indent == line_end or BLOCK_START.match(source, base + indent):
        return True
    return indent < header_indent - 3
