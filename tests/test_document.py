"""SegmentBuilder: the pieces a segment is built from, exactly."""

from __future__ import annotations

import dataclasses
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termlint import document
from termlint.document import (
    BARRIER,
    Document,
    LineIndex,
    Piece,
    PieceKind,
    Segment,
    SegmentBuilder,
    _pieces,
    blank_urls,
)
from termlint.model import Position

T, S, B = PieceKind.TEXT, PieceKind.SPACE, PieceKind.BARRIER


def pieces(segment: Segment | None) -> list[tuple[PieceKind, int, int, int]]:
    assert segment is not None
    return [(p.kind, p.seg_start, p.src_start, p.src_end) for p in segment.pieces]


def test_single_spaces_stay_in_one_text_piece() -> None:
    builder = SegmentBuilder("one two three")
    builder.add_text(0, 13)
    segment = builder.build()
    assert segment is not None and segment.text == "one two three"
    assert pieces(segment) == [(T, 0, 0, 13)]


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        ("a  b", "a b", [(T, 0, 0, 1), (S, 1, 1, 3), (T, 2, 3, 4)]),
        ("a\nb", "a b", [(T, 0, 0, 1), (S, 1, 1, 2), (T, 2, 2, 3)]),
        ("a\u00a0b", "a b", [(T, 0, 0, 1), (S, 1, 1, 2), (T, 2, 2, 3)]),
        ("a \u2003 b", "a b", [(T, 0, 0, 1), (S, 1, 1, 4), (T, 2, 4, 5)]),
        ("a\u200bb c", "a\u200bb c", [(T, 0, 0, 5)]),  # unprintable, but not whitespace
    ],
)
def test_other_whitespace_runs_read_as_one_space(
    source: str, text: str, expected: list[tuple[PieceKind, int, int, int]]
) -> None:
    builder = SegmentBuilder(source)
    builder.add_text(0, len(source))
    segment = builder.build()
    assert segment is not None and segment.text == text
    assert pieces(segment) == expected


def test_contiguous_text_grows_one_piece() -> None:
    builder = SegmentBuilder("abcdef")
    builder.add_text(0, 2)
    builder.add_text(2, 4)
    builder.add_text(4, 6)
    assert pieces(builder.build()) == [(T, 0, 0, 6)]


def test_space_after_dropped_markup_and_a_space_widens_into_one_run() -> None:
    source = "[foo ](url) bar"
    builder = SegmentBuilder(source)
    builder.add_text(1, 5)  # "foo "
    builder.add_text(11, 15)  # " bar"
    segment = builder.build()
    assert segment is not None and segment.text == "foo bar"
    assert pieces(segment) == [(T, 0, 1, 4), (S, 3, 4, 12), (T, 4, 12, 15)]


def test_breaks_spaces_and_barriers() -> None:
    source = "one\n  two `x` &nbsp;three"
    builder = SegmentBuilder(source)
    builder.add_text(0, 3)
    builder.add_break()
    builder.add_text(6, 10)
    builder.add_barrier(10, 13)
    builder.add_text(13, 14)  # a single space, then an entity that reads as one
    builder.add_space(14, 20)
    builder.add_text(20, 25)
    segment = builder.build()
    assert segment is not None and segment.text == f"one two {BARRIER} three"
    assert pieces(segment) == [
        (T, 0, 0, 3),
        (S, 3, 3, 6),
        (T, 4, 6, 10),
        (B, 8, 10, 13),
        (S, 9, 13, 20),
        (T, 10, 20, 25),
    ]


def test_no_prose_builds_nothing() -> None:
    builder = SegmentBuilder("` `")
    builder.add_barrier(0, 3)
    assert builder.build() is None
    assert SegmentBuilder("x").build() is None


def test_fast_pieces_are_the_dataclass_pieces() -> None:
    rows = [[T, 0, 3, 9], [S, 6, 9, 12], [B, 7, 12, 20]]
    made = _pieces(rows)
    assert made == tuple(Piece(*row) for row in rows)
    assert [hash(piece) for piece in made] == [hash(Piece(*row)) for row in rows]
    assert made[0].seg_end == 6
    with pytest.raises(dataclasses.FrozenInstanceError):
        made[0].src_end = 1  # type: ignore[misc]


def positions_by_walking(text: str) -> list[Position]:
    """The line and column of every offset (and one past the end), one character at a time."""
    found = []
    line, column = 1, 1
    for index, char in enumerate(text):
        found.append(Position(line, column))
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            line, column = line + 1, 1
        else:
            column += 1
    found.append(Position(line, column))
    return found


@given(st.text(alphabet="ab\n\r", max_size=60), st.randoms(use_true_random=False))
def test_positions_are_those_found_by_walking_the_text(text: str, chooser: Random) -> None:
    expected = positions_by_walking(text)
    offsets = list(range(len(text) + 1))
    for order in (offsets, offsets[::-1], chooser.sample(offsets, len(offsets))):
        index = LineIndex(text)
        assert {offset: index.position(offset) for offset in order} == dict(enumerate(expected))


@given(st.text(alphabet="ab\n\r", max_size=40))
def test_the_line_at_an_offset_is_the_line_of_its_number(text: str) -> None:
    document = Document("t.md", text, (), (), "markdown", LineIndex(text))
    for offset in range(len(text) + 1):
        position = document.line_index.position(offset)
        assert document.line_text_at(position, offset) == document.line_text(position.line)


def test_line_starts_and_count() -> None:
    index = LineIndex("one\ntwo\r\nthree\rfour")
    assert [index.line_start(line) for line in (1, 2, 3, 4)] == [0, 4, 9, 15]
    assert index.line_count == 4
    plain = LineIndex("one\ntwo\n")
    assert plain.position(5) == Position(2, 2)
    assert (plain.line_start(2), plain.line_count) == (4, 3)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "B", "1", "+", ".", "-", ":", "/", "://", "www.", " ", "\x00", "é"]),
        max_size=16,
    ).map("".join)
)
def test_blank_urls_is_the_url_pattern_substituted(text: str) -> None:
    expected = document._URL.sub(lambda url: BARRIER * len(url.group()), text)
    assert blank_urls(text) == expected


def test_blank_urls_examples() -> None:
    assert blank_urls("see 1http://a.b/c, then www.x") == (
        "see 1" + BARRIER * 13 + " then " + BARRIER * 5
    )
    assert blank_urls("no url: http:// here") == "no url: http:// here"
