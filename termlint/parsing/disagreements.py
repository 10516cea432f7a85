"""Where pulldown-cmark (the fast reader) and markdown-it-py (the reference) may build
different blocks or inline markup from the same text.

The fast reader trusts pulldown-cmark's events only where the reference would read the
same; these tests find the places where the two parsers part (each family was found by
differential fuzzing), so that the fast reader declines the file there:

- Tables (`table_disagreements`).
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

import re
import unicodedata

from termlint.parsing.landmarks import BLOCK_START, WHITESPACE, Landmarks, Table
from termlint.parsing.table_disagreements import tables_differ

__all__ = [
    "Landmarks",
    "Table",
    "comment_differs",
    "continuation_line_differs",
    "indented_code_differs",
    "strikethrough_differs",
    "structure_differs",
]


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
        return position - indent_start >= 4 and BLOCK_START.match(source, position) is not None
    position = line_start
    while True:
        indent_start = position
        while source.startswith(" ", position):
            position += 1
        if position - indent_start >= 4:
            return BLOCK_START.match(source, position) is not None
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
    last_space, next_space = last in WHITESPACE, following in WHITESPACE
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
# (scanned from the last `[` only, and possessively: from every `[` to the line's end,
# a line of `[a` took time quadratic in its length)
_WIDE_SPACE_IN_BRACKETS = re.compile(r"\[(?:[^\s\[\]]| )*+[^\S \n]")
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
