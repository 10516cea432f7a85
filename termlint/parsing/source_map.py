"""Maps from a Markdown block's inline `content` back to offsets in the source.

markdown-it-py strips container prefixes (`> `, list indentation), line indentation
and surrounding whitespace from a block's content, and the backslash of each `\\|`
from a table cell. A `ContentMap` undoes that by arithmetic: it is a sorted list
of runs, each a slice of the content equal to a slice of the source. Every run is
checked against the source when it is made; content that no run covers (spaces
added by tab expansion, a line that does not line up) maps to nothing, and the
reader leaves it out rather than guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.common import utils as _md_utils

# CommonMark's trim set as markdown-it-py uses it (mdTrim); plain str.strip() before that
_TRIM: str | None = getattr(_md_utils, "MD_TRIM_CHARS", None)
_CELL_PIPE = re.compile(r"(?<!\\)\|")
_ESCAPED_PIPE = re.compile(r"\\\|")


@dataclass(frozen=True, slots=True)
class Run:
    """content[content_start : content_start + length] == source[source_start : ... + length]"""

    content_start: int
    source_start: int
    length: int

    @property
    def content_end(self) -> int:
        return self.content_start + self.length

    @property
    def source_end(self) -> int:
        return self.source_start + self.length


class ContentMap:
    """Content offsets -> source offsets for one inline token's content."""

    __slots__ = ("_runs", "_starts")

    def __init__(self, runs: Sequence[Run]) -> None:
        self._runs = tuple(runs)
        self._starts = [run.content_start for run in self._runs]

    def _run_index(self, offset: int) -> int | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self._runs[index].content_end:
            return None
        return index

    def point(self, offset: int) -> int | None:
        """Source offset of the content character at `offset`."""
        index = self._run_index(offset)
        if index is None:
            return None
        run = self._runs[index]
        return run.source_start + offset - run.content_start

    def ranges(self, start: int, end: int) -> list[tuple[int, int]] | None:
        """Source ranges of content [start, end), or None when any character is unmapped."""
        index = self._run_index(start)
        if index is None:
            return None
        result: list[tuple[int, int]] = []
        position = start
        while True:
            run = self._runs[index]
            stop = min(end, run.content_end)
            offset = run.source_start - run.content_start
            result.append((position + offset, stop + offset))
            if stop == end:
                return result
            index += 1
            if index == len(self._runs) or self._runs[index].content_start != stop:
                return None
            position = stop

    def line_break(self, offset: int, content: str) -> tuple[int, int] | None:
        """For a line break token at content `offset` (`\\n`, or `\\` then `\\n`): the
        source offset of the line ending and the source start of the next line's text."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0 or index + 1 >= len(self._runs):
            return None
        run = self._runs[index]
        ends_line = run.content_end == offset and content.startswith("\n", offset)
        ends_escaped = run.content_end == offset + 1 and content.startswith("\\\n", offset)
        if not (ends_line or ends_escaped):
            return None
        newline = run.source_end
        following = self._runs[index + 1]
        if following.content_start <= offset:
            return None
        return newline, following.source_start


EMPTY = ContentMap(())


def line_bounds(source: str) -> list[int]:
    """Start offset of each line of `source` (LF only), plus a sentinel past the end."""
    starts = [0]
    position = source.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = source.find("\n", position + 1)
    starts.append(len(source) + 1)
    return starts


def lines_map(
    source: str, starts: Sequence[int], first_line: int, line_count: int, content: str
) -> ContentMap:
    """Map the content of a paragraph or setext heading on `line_count` lines.

    Each content line, less the indentation markdown-it-py leaves or adds (tab
    expansion), is a suffix of its source line; the last one of the source line
    with trailing whitespace removed.
    """
    lines = content.split("\n")
    if len(lines) == line_count:
        return _lines_map(source, starts, first_line, lines)[0]
    # a first or last line holding only Unicode spaces was trimmed away with the rest
    for shift in range(line_count - len(lines) + 1):
        content_map, complete = _lines_map(source, starts, first_line + shift, lines)
        if complete:
            return content_map
    return EMPTY


def _lines_map(
    source: str, starts: Sequence[int], first_line: int, lines: list[str]
) -> tuple[ContentMap, bool]:
    if first_line + len(lines) >= len(starts):
        return EMPTY, False
    runs: list[Run] = []
    complete = True
    content_start = 0
    last = len(lines) - 1
    for number, line in enumerate(lines):
        core = line.lstrip(" \t")
        if core:
            line_start = starts[first_line + number]
            line_end = starts[first_line + number + 1] - 1
            if number < last:
                found = source.endswith(core, line_start, line_end)
                source_start = line_end - len(core)
            else:
                # trailing whitespace was trimmed, and core ends in a non-space character
                source_start = source.rfind(core, line_start, line_end)
                found = source_start >= 0 and not source[source_start + len(core) : line_end].strip(
                    _TRIM
                )
            if found:
                runs.append(Run(content_start + len(line) - len(core), source_start, len(core)))
            else:
                complete = False
        content_start += len(line) + 1
    return ContentMap(runs), complete


def heading_map(
    source: str, line_start: int, line_end: int, level: int, content: str
) -> ContentMap:
    """Map an ATX heading's content; its line text starts with the opening `#` run."""
    if not content or not source.startswith("#" * level, line_start):
        return EMPTY
    after = line_start + level
    # content starts with a non-space character, so find() cannot stop early
    found = source.find(content, after, line_end)
    if found < 0 or source[after:found].strip(_TRIM):
        return EMPTY
    return ContentMap((Run(0, found, len(content)),))


def cell_maps(source: str, row_start: int, row_end: int) -> list[list[Run]]:
    """Runs of each cell's untrimmed text in a table row (extra cells included).

    Mirrors markdown-it-py's `escapedSplit`: cells are split at pipes not preceded by
    a backslash, the backslash of each escaped pipe is dropped, and an empty first
    or last cell (a leading or trailing pipe) is removed.
    """
    bounds: list[tuple[int, int]] = []
    start = row_start
    for pipe in _CELL_PIPE.finditer(source, row_start, row_end):
        bounds.append((start, pipe.start()))
        start = pipe.end()
    bounds.append((start, row_end))
    if bounds and not source[bounds[0][0] : bounds[0][1]].strip(_TRIM):
        bounds.pop(0)
    if bounds and not source[bounds[-1][0] : bounds[-1][1]].strip(_TRIM):
        bounds.pop()
    cells: list[list[Run]] = []
    for cell_start, cell_end in bounds:
        runs: list[Run] = []
        content_start = 0
        position = cell_start
        for escaped in _ESCAPED_PIPE.finditer(source, cell_start, cell_end):
            runs.append(Run(content_start, position, escaped.start() - position))
            content_start += escaped.start() - position
            position = escaped.start() + 1  # keep the pipe, drop the backslash
        runs.append(Run(content_start, position, cell_end - position))
        cells.append([run for run in runs if run.length])
    return cells


def cell_map(source: str, runs: Sequence[Run], content: str) -> ContentMap:
    """Map a cell's trimmed content through the runs of its untrimmed text."""
    if not content:
        return EMPTY
    text = "".join(source[run.source_start : run.source_end] for run in runs)
    # content starts with a non-space character, so find() returns the trimmed start
    lead = text.find(content)
    if lead < 0 or text[:lead].strip(_TRIM) or text[lead + len(content) :].strip(_TRIM):
        return EMPTY
    end = lead + len(content)
    trimmed: list[Run] = []
    for run in runs:
        low, high = max(lead, run.content_start), min(end, run.content_end)
        if low < high:
            shift = low - run.content_start
            trimmed.append(Run(low - lead, run.source_start + shift, high - low))
    return ContentMap(trimmed)
