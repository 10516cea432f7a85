"""Plain-text reader: each run of non-blank lines is one segment (SPEC §3)."""

from __future__ import annotations

import re

from termlint.document import Comment, Document, LineIndex, Segment, SegmentBuilder
from termlint.model import Span

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|\Z)")
# SPEC §5: in plain text the keywords work anywhere on a line, without comment marks
_DIRECTIVE = re.compile(
    r"(?<![\w-])termlint-(?:disable-next-line|disable-line|disable|enable)(?![\w-])"
)


def read_text(path: str, text: str) -> Document:
    """Read a plain-text file; a directive runs to the end of its line and is no prose."""
    segments: list[Segment] = []
    comments: list[Comment] = []
    builder: SegmentBuilder | None = None
    for line in _LINE.finditer(text):
        start = line.start()
        end = start + len(line.group().rstrip("\r\n"))
        prose = text[start:end]
        if not prose.strip():
            _close(builder, segments)
            builder = None
            continue
        directive = _DIRECTIVE.search(text, start, end)
        if directive is not None:
            prose = text[start : directive.start()]
        if builder is None:
            builder = SegmentBuilder(text)
        builder.add_break()
        builder.add_text(start + len(prose) - len(prose.lstrip()), start + len(prose.rstrip()))
        if directive is not None:
            body = text[directive.start() : end].strip()
            comments.append(Comment(Span(directive.start(), end), body))
            # the directive's words are not prose, and no match may cross them
            builder.add_barrier(directive.start(), end)
    _close(builder, segments)
    return Document(
        path=path,
        text=text,
        segments=tuple(segments),
        comments=tuple(comments),
        kind="text",
        line_index=LineIndex(text),
    )


def _close(builder: SegmentBuilder | None, segments: list[Segment]) -> None:
    if builder is not None:
        segment = builder.build()
        if segment is not None:
            segments.append(segment)
