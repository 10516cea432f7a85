from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from termlint.document import BARRIER, Comment, Document, PieceKind
from termlint.model import Span
from termlint.parsing import positions, read_document
from termlint.parsing.inline_segments import Collected, InlineEmitter
from termlint.parsing.markdown import read_markdown
from termlint.parsing.source_map import ContentMap, Run

B = BARRIER


def texts(doc: Document) -> list[str]:
    return [segment.text for segment in doc.segments]


def find(doc: Document, *words: str) -> list[tuple[str, int, int]]:
    """(source slice, line, column) of each whole-word occurrence, in source order."""
    found = []
    for segment in doc.segments:
        for word in words:
            for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", segment.text):
                span = segment.to_source(match.start(), match.end())
                position = doc.line_index.position(span.start)
                found.append((span.start, doc.text[span.start : span.end], position))
    return [(text, pos.line, pos.column) for _, text, pos in sorted(found)]


def read(text: str) -> Document:
    return read_markdown("doc.md", text)


# --- blocks ---------------------------------------------------------------------------


def test_paragraphs():
    doc = read("Our InfraOps team.\n\nSecond InfraOps paragraph.\n")
    assert texts(doc) == ["Our InfraOps team.", "Second InfraOps paragraph."]
    assert [segment.scope for segment in doc.segments] == ["paragraph", "paragraph"]
    assert find(doc, "InfraOps") == [("InfraOps", 1, 5), ("InfraOps", 3, 8)]
    assert doc.kind == "markdown"
    assert doc.path == "doc.md"
    assert doc.comments == ()


def test_atx_heading_with_closing_sequence():
    doc = read("## The InfraOps guide ##  \n\n> ### Quoted InfraOps #\n")
    assert texts(doc) == ["The InfraOps guide", "Quoted InfraOps"]
    assert [segment.scope for segment in doc.segments] == ["heading", "heading"]
    assert find(doc, "InfraOps") == [("InfraOps", 1, 8), ("InfraOps", 3, 14)]


def test_atx_heading_in_footnote_whose_label_holds_a_hash():
    doc = read("x[^a#b]\n\n[^a#b]: # Heading InfraOps\n")
    assert texts(doc) == [f"x{B}", "Heading InfraOps"]
    assert find(doc, "InfraOps") == [("InfraOps", 3, 19)]


def test_setext_heading_over_two_lines():
    doc = read("The InfraOps\nguide\n===\n\nSub *heading*\n---\n")
    assert texts(doc) == ["The InfraOps guide", "Sub heading"]
    assert [segment.scope for segment in doc.segments] == ["heading", "heading"]
    assert find(doc, "InfraOps guide", "heading") == [
        ("InfraOps\nguide", 1, 5),
        ("heading", 5, 6),
    ]


def test_nested_lists_and_lazy_continuation():
    doc = read("- outer DevOps\n  - inner InfraOps\nlazy master\n- last\n")
    assert texts(doc) == ["outer DevOps", "inner InfraOps lazy master", "last"]
    assert [segment.scope for segment in doc.segments] == ["list", "list", "list"]
    assert find(doc, "InfraOps lazy", "DevOps") == [
        ("DevOps", 1, 9),
        ("InfraOps\nlazy", 2, 11),
    ]


def test_block_quote_term_wrapped_across_lines():
    text = "> the master\n> server\n"
    doc = read(text)
    assert texts(doc) == ["the master server"]
    assert doc.segments[0].scope == "blockquote"
    assert find(doc, "master server") == [("master\n> server", 1, 7)]
    segment = doc.segments[0]
    span = segment.to_source(4, 17)
    assert (span.start, span.end) == (6, 21)
    assert segment.separators(text, 4, 17) == ["\n> "]
    assert segment.is_contiguous(4, 17)


def test_list_item_wrapped_with_indentation():
    doc = read("1. the master\n   server here\n\n   - deep master\n     server\n")
    assert texts(doc) == ["the master server here", "deep master server"]
    assert find(doc, "master server") == [
        ("master\n   server", 1, 8),
        ("master\n     server", 4, 11),
    ]


def test_tab_indentation_and_tab_after_quote_marker():
    doc = read("- the master\n\tserver\n\n>\tthe master\n>\tserver\n")
    assert find(doc, "master server") == [("master\n\tserver", 1, 7), ("master\n>\tserver", 4, 7)]


def test_hard_breaks_read_as_one_space():
    doc = read("the master  \nserver and master\\\nserver\n")
    assert texts(doc) == ["the master server and master server"]
    assert find(doc, "master server") == [
        ("master  \nserver", 1, 5),
        ("master\\\nserver", 2, 12),  # the backslash is dropped markup
    ]
    segment = doc.segments[0]
    second = segment.to_source(22, 35)
    assert doc.text[second.start : second.end] == "master\\\nserver"
    assert not segment.is_contiguous(22, 35)


def test_paragraph_whose_first_line_is_only_unicode_space():
    doc = read("\u2003\nThe InfraOps\nteam\n")
    assert texts(doc) == ["The InfraOps team"]
    assert find(doc, "InfraOps team") == [("InfraOps\nteam", 2, 5)]


# --- tables ---------------------------------------------------------------------------


def test_table_cells_with_escaped_pipe_and_inline_code():
    text = "| Term | Note |\n|---|---|\n| InfraOps | a \\| b `x \\| y` c |\n"
    doc = read(text)
    assert texts(doc) == ["Term", "Note", "InfraOps", f"a | b {B} c"]
    assert {segment.scope for segment in doc.segments} == {"table.cell"}
    assert find(doc, "InfraOps", "a | b", "c") == [
        ("InfraOps", 3, 3),
        ("a \\| b", 3, 14),
        ("c", 3, 30),
    ]
    cell = doc.segments[3]
    barrier = next(piece for piece in cell.pieces if piece.kind is PieceKind.BARRIER)
    assert text[barrier.src_start : barrier.src_end] == "`x \\| y`"


def test_table_inside_block_quote_with_missing_and_extra_cells():
    doc = read("> a | b\n> --|--\n> InfraOps | x | extra\n> DevOps\n")
    assert texts(doc) == ["a", "b", "InfraOps", "x", "DevOps"]
    assert find(doc, "InfraOps", "DevOps", "extra") == [("InfraOps", 3, 3), ("DevOps", 4, 3)]


# --- inline content -------------------------------------------------------------------


def test_link_text_checked_but_not_destination_or_title():
    doc = read('[the InfraOps page](https://InfraOps.example.com "InfraOps title") ok\n')
    assert texts(doc) == ["the InfraOps page ok"]
    assert find(doc, "InfraOps") == [("InfraOps", 1, 6)]


def test_link_text_wrapped_inside_quote():
    doc = read("> see [the master\n> server](url) now\n")
    assert texts(doc) == ["see the master server now"]
    assert find(doc, "master server") == [("master\n> server", 1, 12)]


def test_reference_link_and_definition():
    doc = read('See [InfraOps][ops] and [ops].\n\n[ops]: https://x.example/InfraOps "InfraOps"\n')
    assert texts(doc) == ["See InfraOps and ops."]
    assert find(doc, "InfraOps") == [("InfraOps", 1, 6)]


def test_image_alt_is_its_own_segment():
    doc = read('An ![InfraOps *diagram*](ops.png "InfraOps") here.\n')
    assert texts(doc) == [f"An {B} here.", "InfraOps diagram"]
    assert [segment.scope for segment in doc.segments] == ["paragraph", "alt"]
    assert find(doc, "InfraOps", "diagram") == [("InfraOps", 1, 6), ("diagram", 1, 16)]
    image = doc.segments[0].pieces[1]
    assert image.kind is PieceKind.BARRIER
    assert doc.text[image.src_start : image.src_end] == '![InfraOps *diagram*](ops.png "InfraOps")'


def test_image_inside_link_text():
    doc = read("[![InfraOps logo](logo.png) home](/)\n")
    assert texts(doc) == [f"{B} home", "InfraOps logo"]
    assert find(doc, "InfraOps") == [("InfraOps", 1, 4)]


def test_inline_code_is_a_barrier():
    doc = read("Use `InfraOps` and master `x` server.\n")
    assert texts(doc) == [f"Use {B} and master {B} server."]
    assert find(doc, "InfraOps", "master server") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[the master ](url)\nserver\n", [("the master ", "text"), ("server", "text")]),
        ("[the master ](url) server\n", [("the master ", "text"), ("server", "text")]),
        ("a\u2003\\\n\u2003b\n", [("a", "text"), ("\u2003", "space"), ("b", "text")]),
    ],
)
def test_no_space_piece_reaches_over_dropped_markup(text, expected):
    # the segment already reads a space before the markup; the whitespace after it is
    # left out, so that no SPACE piece holds `](url)` or a backslash
    (segment,) = read(text).segments
    pieces = [(text[piece.src_start : piece.src_end], piece.kind.value) for piece in segment.pieces]
    assert pieces == expected
    assert not segment.is_contiguous(0, len(segment.text))


def test_emphasis_markers_are_dropped():
    doc = read("The **Infra**Ops and *master* server ~~gone~~ here.\n")
    assert texts(doc) == ["The InfraOps and master server gone here."]
    assert find(doc, "InfraOps", "master server") == [
        ("Infra**Ops", 1, 7),
        ("master* server", 1, 23),
    ]
    assert not doc.segments[0].is_contiguous(4, 12)


def test_html_between_inline_tags_is_prose():
    doc = read(
        'The <b>InfraOps</b> team.\n\nA <img alt="InfraOps"> b <span\ntitle="x">DevOps</span>\n'
    )
    assert texts(doc) == [f"The {B}InfraOps{B} team.", f"A {B} b {B}DevOps{B}"]
    assert find(doc, "InfraOps", "DevOps") == [("InfraOps", 1, 8), ("DevOps", 4, 11)]


def test_autolinks_and_bare_urls_are_not_prose():
    doc = read(
        "See <https://InfraOps.example.com> or https://InfraOps.example.org/x"
        " and www.InfraOps.example.net or <ops@InfraOps.example> today.\n"
    )
    assert find(doc, "InfraOps") == []
    assert find(doc, "See", "today") == [("See", 1, 1), ("today", 1, 125)]


def test_backslash_escapes():
    doc = read("\\*InfraOps\\* and Infra\\_Ops \\a\n")
    assert texts(doc) == ["*InfraOps* and Infra_Ops \\a"]
    assert find(doc, "InfraOps", "Infra_Ops", "a") == [
        ("InfraOps", 1, 3),
        ("Infra\\_Ops", 1, 18),
        ("a", 1, 30),
    ]
    assert not doc.segments[0].is_contiguous(15, 24)


def test_entities():
    doc = read("master&nbsp;server and Dev&amp;Ops\n")
    assert texts(doc) == [f"master server and Dev{B}Ops"]
    assert find(doc, "master server", "Dev", "Dev&Ops") == [
        ("master&nbsp;server", 1, 1),
        ("Dev", 1, 24),
    ]
    assert doc.segments[0].separators(doc.text, 0, 13) == ["&nbsp;"]


def test_footnote_definition_and_inline_footnote():
    doc = read("Text[^1] and^[an InfraOps note].\n\n[^1]: The InfraOps\n    footnote.\n")
    assert texts(doc) == [f"Text{B} and{B}.", "an InfraOps note", "The InfraOps footnote."]
    assert [segment.scope for segment in doc.segments] == ["paragraph", "footnote", "footnote"]
    assert find(doc, "InfraOps", "InfraOps footnote") == [
        ("InfraOps", 1, 18),
        ("InfraOps", 3, 11),
        ("InfraOps\n    footnote", 3, 11),
    ]


# --- never prose ----------------------------------------------------------------------


def test_fenced_and_indented_code_never_appear():
    doc = read(
        "```python\nInfraOps = 1\n```\n\n~~~\nInfraOps\n~~~\n\n    InfraOps indented\n\n"
        "- item\n\n      InfraOps in list code\n\nafter\n"
    )
    assert texts(doc) == ["item", "after"]
    assert find(doc, "InfraOps") == []


def test_html_blocks_never_prose_and_comments_collected():
    text = (
        "<div>\nInfraOps\n<!-- inner -->\n</div>\n\n"
        "Text <!-- InfraOps note --> here.\n\n"
        "<!--\ntermlint-disable\n-->\n\n"
        "> <!-- termlint-disable-next-line\n> undefined-term -->\n"
    )
    doc = read(text)
    assert texts(doc) == [f"Text {B} here."]
    assert doc.comments == (
        Comment(Span(15, 29), "inner"),
        Comment(Span(43, 65), "InfraOps note"),
        Comment(Span(73, 98), "termlint-disable"),
        Comment(Span(102, 154), "termlint-disable-next-line\nundefined-term"),
    )
    assert text[15:29] == "<!-- inner -->"
    assert text[43:65] == "<!-- InfraOps note -->"
    assert text[73:98] == "<!--\ntermlint-disable\n-->"
    assert text[102:154] == "<!-- termlint-disable-next-line\n> undefined-term -->"


def test_comment_inside_code_is_not_collected():
    doc = read("```\n<!-- termlint-disable -->\n```\n\n`<!-- termlint-disable -->`\n")
    assert doc.comments == ()


def test_multiline_inline_comment_in_quote():
    text = "> a <!-- termlint-disable\n> InfraOps --> b\n"
    doc = read(text)
    assert doc.comments == (Comment(Span(4, 40), "termlint-disable\nInfraOps"),)
    assert texts(doc) == [f"a {B} b"]


def test_yaml_and_toml_front_matter_are_not_prose():
    yaml = read("---\ntitle: InfraOps\nlist:\n  - x\n...\nBody InfraOps.\n")
    assert texts(yaml) == ["Body InfraOps."]
    assert find(yaml, "InfraOps") == [("InfraOps", 6, 6)]
    toml = read('+++\ntitle = "InfraOps"\n+++\r\n\r\nBody InfraOps.\r\n')
    assert texts(toml) == ["Body InfraOps."]
    assert find(toml, "InfraOps") == [("InfraOps", 5, 6)]


def test_front_matter_only_at_the_start():
    doc = read("Intro\n\n---\ntitle: InfraOps\n---\n")
    assert texts(doc) == ["Intro", "title: InfraOps"]
    unclosed = read("---\ntitle: InfraOps\n")
    assert texts(unclosed) == ["title: InfraOps"]


# --- source text ----------------------------------------------------------------------


def test_crlf_columns_and_no_carriage_return_in_segments():
    doc = read(
        "# Title\r\n\r\nLine one\r\nthe master\r\nserver InfraOps\r\n\r\n> quoted\r\n> InfraOps\r\n"
    )
    assert texts(doc) == ["Title", "Line one the master server InfraOps", "quoted InfraOps"]
    assert find(doc, "master server", "InfraOps") == [
        ("master\r\nserver", 4, 5),
        ("InfraOps", 5, 8),
        ("InfraOps", 8, 3),
    ]


def test_lone_carriage_returns_and_mixed_endings():
    doc = read("the master\rserver\n\nnext InfraOps\r\nline\n")
    assert texts(doc) == ["the master server", "next InfraOps line"]
    assert find(doc, "master server", "InfraOps") == [("master\rserver", 1, 5), ("InfraOps", 4, 6)]


def test_columns_count_code_points():
    doc = read("😀 café InfraOps\n\n| ñ | 👍🏽 InfraOps |\n|---|---|\n")
    assert find(doc, "InfraOps", "café") == [
        ("café", 1, 3),
        ("InfraOps", 1, 8),
        ("InfraOps", 3, 10),  # 👍🏽 is two code points
    ]


# --- MDX ------------------------------------------------------------------------------


def test_mdx_comments_are_comments_and_not_prose():
    text = "{/* termlint-disable InfraOps */}\nThe InfraOps team {/* note */}.\n"
    doc = read_markdown("doc.mdx", text, mdx=True)
    assert doc.comments == (
        Comment(Span(0, 33), "termlint-disable InfraOps"),
        Comment(Span(52, 64), "note"),
    )
    assert texts(doc) == [f"The InfraOps team {B}."]
    assert find(doc, "InfraOps", "note") == [("InfraOps", 2, 5)]


def test_mdx_comment_syntax_is_plain_text_in_md():
    doc = read("{/* termlint-disable */} InfraOps\n")
    assert doc.comments == ()
    assert texts(doc) == ["{/* termlint-disable */} InfraOps"]


def test_mdx_comment_in_code_is_not_a_comment():
    text = "`{/* termlint-disable */}`\n\n```\n{/* termlint-enable */}\n```\n"
    doc = read_markdown("doc.mdx", text, mdx=True)
    assert doc.comments == ()


# --- dispatch -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind", "comments"),
    [
        ("docs/a.md", "markdown", 1),
        ("a.markdown", "markdown", 1),
        ("A.MD", "markdown", 1),
        ("a.mdx", "markdown", 2),
        ("a.txt", "text", 2),
        ("README", "text", 2),
        ("notes.rst", "text", 2),
    ],
)
def test_read_document_dispatches_by_extension(path, kind, comments):
    doc = read_document(path, "<!-- termlint-disable -->\n{/* termlint-enable */}\n")
    assert (doc.path, doc.kind, len(doc.comments)) == (path, kind, comments)


# --- fallback -------------------------------------------------------------------------


def test_unmapped_content_cuts_the_segment():
    # when part of a block cannot be mapped (here "x" has no run), it is left out
    # and the segment is cut there, so no match can join the words around it
    source = "master *x* server"
    md = MarkdownIt("commonmark")
    positions.install(md)
    env: dict = {}
    inline = next(token for token in md.parse(source, env) if token.type == "inline")
    collected = Collected(text=source, source=source, env=env)
    content_map = ContentMap([Run(0, 0, 7), Run(10, 10, 7)])
    emitter = InlineEmitter(collected, source, content_map, "paragraph")
    emitter.emit(inline.children or [], 0)
    emitter.finish()
    assert [segment.text for segment in collected.segments] == ["master ", " server"]
    assert [segment.pieces[0].src_start for segment in collected.segments] == [0, 10]


def test_text_that_does_not_match_its_recorded_span_is_left_out():
    source = "master server"
    md = MarkdownIt("commonmark")
    positions.install(md)
    env: dict = {}
    inline = next(token for token in md.parse(source, env) if token.type == "inline")
    collected = Collected(text=source, source=source, env=env)
    emitter = InlineEmitter(collected, "master gerver", ContentMap([Run(0, 0, 13)]), "x")
    emitter.emit(inline.children or [], 0)
    emitter.finish()
    assert collected.segments == []


# --- properties -----------------------------------------------------------------------

# single characters, plus a few runs of them that make constructs likelier
_ALPHABET = st.sampled_from(
    [*"ab cd\n*_[]()<>#>-|\\`!", "```", "\n\n", "> ", "- ", "[a ", "](b)", "\\\n", "**"]
)


def _fences(text: str) -> list[tuple[int, int]]:
    if text.startswith(("---", "+++")):
        return []  # front matter may hide a fence
    starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
    starts.append(len(text) + 1)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [
        (starts[token.map[0]], starts[token.map[1]] - 1)
        for token in tokens
        if token.type == "fence" and token.map
    ]


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=50).map("".join))
def test_pieces_are_exact_for_any_input(text):
    doc = read(text)
    fences = _fences(text)
    for segment in doc.segments:
        previous_end = 0
        for piece in segment.pieces:
            source = text[piece.src_start : piece.src_end]
            assert piece.src_start >= previous_end
            previous_end = piece.src_end
            if piece.kind is PieceKind.TEXT:
                chars = segment.text[piece.seg_start : piece.seg_end]
                # bare URLs are masked by the builder, character for character
                assert len(chars) == len(source)
                assert all(c in (s, B) for c, s in zip(chars, source, strict=True))
                assert not any(start <= piece.src_start < end for start, end in fences)
            elif piece.kind is PieceKind.SPACE:
                assert source.strip(" \t\n>") == ""


@pytest.mark.parametrize("mdx", [False, True], ids=["md", "mdx"])
def test_a_last_quote_line_after_an_open_html_comment_is_read(mdx):
    # markdown-it-py 4.3 raises IndexError on this text without a final line break
    text = "> whitelist\n> - <!--\n>"
    doc = read_markdown("a.mdx" if mdx else "a.md", text, mdx=mdx)
    assert find(doc, "whitelist") == [("whitelist", 1, 3)]
    assert read_markdown("a.md", "> - <!--\n>").segments == ()
