"""Markdown reader: the prose of a Markdown file as segments, plus its comments.

Checked (SPEC §3): paragraphs, headings, list items, table cells, block quotes,
link text, image alt text (its own segment), footnote text and text between
inline HTML tags. Never: code, HTML blocks and tags, comments, link destinations
and titles, reference definitions, autolinks, bare URLs and front matter.

Segment scopes: "paragraph", "heading", "list", "blockquote", "footnote" (the
innermost container of a paragraph), "table.cell" and "alt".

The text is parsed by markdown-it-py after length-preserving rewrites (CRLF to
" \\n", a lone CR to "\\n", front matter and MDX comments to spaces), so every
offset in the parsed text is an offset in the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import MutableMapping, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from termlint.document import Comment, Document, LineIndex
from termlint.model import Span
from termlint.parsing import positions
from termlint.parsing.html_comments import html_comments
from termlint.parsing.inline_segments import Collected, InlineEmitter
from termlint.parsing.source_map import (
    EMPTY,
    ContentMap,
    Run,
    cell_map,
    cell_maps,
    heading_map,
    line_bounds,
    lines_map,
)

_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n.*?^(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?^\+\+\+)[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
_MDX_COMMENT = re.compile(r"\{/\*(.*?)\*/\}", re.DOTALL)
_NOT_NEWLINE = re.compile(r"[^\n]")
_CONTAINERS = {
    "blockquote_open": "blockquote",
    "list_item_open": "list",
    "footnote_reference_open": "footnote",
}
_CONTAINER_ENDS = frozenset({"blockquote_close", "list_item_close", "footnote_reference_close"})


def read_markdown(path: str, text: str, *, mdx: bool = False) -> Document:
    """Read Markdown (MDX when `mdx`): prose segments and comments, mapped to `text`."""
    source = _normalise(text)
    source = _FRONT_MATTER.sub(_blank, source, count=1)
    mdx_comments: list[Comment] = []
    if mdx:
        mdx_comments = [
            Comment(Span(match.start(), match.end()), text[match.start(1) : match.end(1)].strip())
            for match in _MDX_COMMENT.finditer(source)
        ]
        source = _MDX_COMMENT.sub(_blank, source)
    env: dict[str, Any] = {}
    try:
        tokens = _parser().parse(source, env)
    except IndexError:
        # markdown-it-py (4.3) indexes past the end of a file whose last line, without a line
        # break, is the `>` of an HTML block's quote (`> - <!--\n>`); the line break it
        # expects changes no offset before it
        if source.endswith("\n"):
            raise
        source += "\n"
        env = {}
        tokens = _parser().parse(source, env)
    collected = Collected(text=text, source=source, env=env)
    collected.hidden = [(comment.span.start, comment.span.end) for comment in mdx_comments]
    code_blocks = _read_blocks(tokens, collected)
    code = sorted(code_blocks + collected.code)
    comments = collected.comments + [
        comment for comment in mdx_comments if not _inside(code, comment.span.start)
    ]
    return Document(
        path=path,
        text=text,
        segments=tuple(sorted(collected.segments, key=lambda segment: segment.pieces[0].src_start)),
        comments=tuple(sorted(comments, key=lambda comment: comment.span)),
        kind="markdown",
        line_index=LineIndex(text),
    )


@functools.cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(footnote_plugin, move_to_end=False)
    # keep escapes and entities as their own tokens, and every text token separate
    md.disable(["text_join", "fragments_join"])
    positions.install(md)
    return md


def _normalise(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text.replace("\0", "\ufffd")  # as markdown-it-py does, keeping offsets


def _blank(match: re.Match[str]) -> str:
    return _NOT_NEWLINE.sub(" ", match.group())


def _read_blocks(tokens: Sequence[Token], collected: Collected) -> list[tuple[int, int]]:
    """Emit the segments of every inline token; return the source spans of code blocks."""
    source = collected.source
    starts = line_bounds(source)
    code: list[tuple[int, int]] = []
    scopes: list[str] = []
    cells: list[list[Run]] = []
    cell_index = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind in _CONTAINERS:
            scopes.append(_CONTAINERS[kind])
        elif kind in _CONTAINER_ENDS:
            scopes.pop()
        elif kind == "tr_open":
            cells, cell_index = [], 0
        elif kind in ("fence", "code_block") and token.map:
            code.append((starts[token.map[0]], starts[token.map[1]] - 1))
        elif kind == "html_block" and token.map:
            _scan_html_block(collected, token, starts[token.map[0]], starts[token.map[1]] - 1)
        elif kind == "inline" and token.map and index > 0:
            opener = tokens[index - 1]
            if opener.type in ("th_open", "td_open"):
                if cell_index == 0:
                    cells = _row_cells(collected.env, token, source)
                runs = cells[cell_index] if cell_index < len(cells) else []
                cell_index += 1
                _emit(collected, token, cell_map(source, runs, token.content), "table.cell")
            elif opener.type == "heading_open":
                _emit(collected, token, _heading_map(collected, starts, opener, token), "heading")
            else:
                first, stop = token.map
                content_map = lines_map(source, starts, first, stop - first, token.content)
                _emit(collected, token, content_map, scopes[-1] if scopes else "paragraph")
    return code


def _heading_map(
    collected: Collected, starts: Sequence[int], opener: Token, token: Token
) -> ContentMap:
    if not opener.markup.startswith("#") and token.map:  # setext: lines as in a paragraph
        first, stop = token.map
        return lines_map(collected.source, starts, first, stop - first, token.content)
    line = positions.block_line(collected.env, token)
    if line is None:
        return EMPTY
    return heading_map(collected.source, *line, len(opener.markup), token.content)


def _row_cells(env: MutableMapping[str, Any], token: Token, source: str) -> list[list[Run]]:
    row = positions.block_line(env, token)
    if row is None:
        return []
    return cell_maps(source, row[0], row[1])


def _emit(collected: Collected, token: Token, content_map: ContentMap, scope: str) -> None:
    if content_map is EMPTY or not token.children:
        return
    emitter = InlineEmitter(collected, token.content, content_map, scope)
    emitter.emit(token.children, 0)
    emitter.finish()


def _scan_html_block(collected: Collected, token: Token, start: int, end: int) -> None:
    found = html_comments(collected.text, start, end)
    # bodies from the block's content, which has container prefixes (`> `) removed
    unprefixed = html_comments(token.content)
    bodies = unprefixed if len(unprefixed) == len(found) else found
    for match, body in zip(found, bodies, strict=True):
        span = Span(match.start(), match.end())
        collected.comments.append(Comment(span, (body.group(1) or "").strip()))


def _inside(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)
