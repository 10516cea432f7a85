from __future__ import annotations

import re

import pytest

from termlint.document import BARRIER, Comment, Document, PieceKind
from termlint.model import Span
from termlint.parsing.text import read_text

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


def test_runs_of_lines_are_segments_and_wrapped_terms_are_found():
    doc = read_text(
        "notes.txt", "Our master\n  server runs InfraOps.\n\n\t \nSecond InfraOps block.\n"
    )
    assert texts(doc) == ["Our master server runs InfraOps.", "Second InfraOps block."]
    assert find(doc, "master server", "InfraOps") == [
        ("master\n  server", 1, 5),
        ("InfraOps", 2, 15),
        ("InfraOps", 5, 8),
    ]
    assert (doc.kind, doc.path, doc.comments) == ("text", "notes.txt", ())


def test_markdown_syntax_is_plain_text():
    doc = read_text("a.txt", "# `InfraOps` <!-- x -->\n")
    assert texts(doc) == ["# `InfraOps` <!-- x -->"]
    assert doc.comments == ()


def test_urls_are_masked():
    doc = read_text(
        "a.txt", "See https://InfraOps.example.com/x and www.InfraOps.example.org now.\n"
    )
    assert find(doc, "InfraOps") == []
    assert find(doc, "now") == [("now", 1, 65)]


def test_crlf_and_lone_cr():
    doc = read_text("a.txt", "the master\r\nserver\rInfraOps\r\n\r\nnext\n")
    assert texts(doc) == ["the master server InfraOps", "next"]
    assert find(doc, "master server", "InfraOps", "next") == [
        ("master\r\nserver", 1, 5),
        ("InfraOps", 3, 1),
        ("next", 5, 1),
    ]


def test_directive_line_is_a_comment_and_not_prose():
    text = "Uses InfraOps.  # termlint-disable-line ambiguous-term\r\nmaster\ntermlint-disable-next-line\nserver\n"
    doc = read_text("a.txt", text)
    assert doc.comments == (
        Comment(Span(18, 54), "termlint-disable-line ambiguous-term"),
        Comment(Span(63, 89), "termlint-disable-next-line"),
    )
    assert text[18:54] == "termlint-disable-line ambiguous-term"
    assert text[63:89] == "termlint-disable-next-line"
    assert texts(doc) == [f"Uses InfraOps. #{B} master {B} server"]
    assert find(doc, "ambiguous-term", "master server", "termlint") == []
    barriers = [piece for piece in doc.segments[0].pieces if piece.kind is PieceKind.BARRIER]
    assert [(piece.src_start, piece.src_end) for piece in barriers] == [(18, 54), (63, 89)]


@pytest.mark.parametrize(
    ("line", "body"),
    [
        ("termlint-disable", "termlint-disable"),
        ("termlint-enable InfraOps", "termlint-enable InfraOps"),
        ("// termlint-disable-next-line  ", "termlint-disable-next-line"),
        (
            "x termlint-disable-line undefined-term, DevOps",
            "termlint-disable-line undefined-term, DevOps",
        ),
        ("termlint-disabled", None),
        ("my-termlint-disable", None),
        ("termlint-enable-line", None),
    ],
)
def test_directive_keywords(line, body):
    doc = read_text("a.txt", line + "\n")
    assert [comment.body for comment in doc.comments] == ([] if body is None else [body])


def test_directive_alone_on_first_line():
    doc = read_text("a.txt", "termlint-disable\nInfraOps here")
    assert doc.comments == (Comment(Span(0, 16), "termlint-disable"),)
    assert texts(doc) == [f"{B} InfraOps here"]
    assert find(doc, "InfraOps") == [("InfraOps", 2, 1)]


def test_empty_and_blank_files():
    assert read_text("a.txt", "").segments == ()
    assert read_text("a.txt", " \n\t\r\n").segments == ()
