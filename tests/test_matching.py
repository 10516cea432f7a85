"""The matcher: boundaries, whitespace, endings, case, longest match (SPEC §2)."""

from __future__ import annotations

import pytest

from termlint.document import Document, LineIndex, SegmentBuilder
from termlint.glossary import Entry, Status
from termlint.matching import (
    FormKind,
    TermIndex,
    edit_distance,
    is_word_char,
    lower_same_length,
    word_mask,
)


def prose(text: str) -> Document:
    builder = SegmentBuilder(text)
    builder.add_text(0, len(text))
    segment = builder.build()
    segments = (segment,) if segment else ()
    return Document("t.txt", text, segments, (), "text", LineIndex(text))


ENTRIES = (
    Entry("DevOps", variants=("Dev Ops", "dev-ops"), is_case_sensitive=True),
    Entry("whitelist", status=Status.DEPRECATED, replace_with=("allowlist",)),
    Entry("master", status=Status.DEPRECATED, replace_with=("primary",)),
    Entry("master server", status=Status.FORBIDDEN, replace_with=("primary server",)),
    Entry("IT Operations", abbreviation="ITOps", is_case_sensitive=True),
    Entry("proxy", status=Status.DEPRECATED, replace_with=("gateway",)),
    Entry("box", status=Status.DEPRECATED, replace_with=("host",)),
    Entry(".NET", is_case_sensitive=True, variants=("dotnet",)),
)


def found(text: str) -> list[tuple[str, str, str]]:
    index = TermIndex(ENTRIES)
    document = prose(text)
    return [
        (document.text[m.span.start : m.span.end], m.form.entry.term, m.ending)
        for m in index.find(document)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We do DevOps.", [("DevOps", "DevOps", "")]),
        ("We do devops.", [("devops", "DevOps", "")]),
        ("non-DevOps work", [("DevOps", "DevOps", "")]),
        ("DevOpsy and masterful", []),
        ("Dev Ops teams", [("Dev Ops", "DevOps", "")]),
        ("Dev   Ops teams", [("Dev   Ops", "DevOps", "")]),
        ("Dev\n  Ops teams", [("Dev\n  Ops", "DevOps", "")]),
        ("the dev-ops rota", [("dev-ops", "DevOps", "")]),
        ("two whitelists", [("whitelists", "whitelist", "s")]),
        ("the whitelist's owner", [("whitelist's", "whitelist", "'s")]),
        ("the whitelist’s owner", [("whitelist’s", "whitelist", "’s")]),
        ("many proxies", [("proxies", "proxy", "ies")]),
        ("three boxes", [("boxes", "box", "es")]),
        ("the master server", [("master server", "master server", "")]),
        ("the master servers", [("master servers", "master server", "s")]),
        ("a master and a server", [("master", "master", "")]),
        (
            "ITOps and IT Operations",
            [("ITOps", "IT Operations", ""), ("IT Operations", "IT Operations", "")],
        ),
        ("built on .NET today", [(".NET", ".NET", "")]),
        ("whitelisting", []),
        ("WHITELISTS", [("WHITELISTS", "whitelist", "s")]),
    ],
)
def test_matches(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_abbreviation_form_kind_and_source_span() -> None:
    document = prose("Ask ITOps now")
    (match,) = TermIndex(ENTRIES).find(document)
    assert match.form.kind is FormKind.ABBREVIATION
    assert (match.span.start, match.span.end) == (4, 9)
    assert match.base_text == "ITOps"


def test_later_entry_claims_a_shared_form() -> None:
    first = Entry("allowlist", variants=("safelist",))
    second = Entry("safe list", variants=("safelist",))
    (match,) = TermIndex((first, second)).find(prose("the safelist"))
    assert match.form.entry is second


def test_empty_glossary_finds_nothing() -> None:
    assert TermIndex(()).find(prose("anything")) == []


def test_lower_same_length_keeps_offsets() -> None:
    text = "İstanbul DevOps"
    assert len(lower_same_length(text)) == len(text)
    assert lower_same_length(text).endswith("devops")


@pytest.mark.parametrize(
    ("left", "right", "distance"),
    [
        ("infreops", "infraops", 1),
        ("infraops", "infraops", 0),
        ("devpos", "devops", 1),
        ("abc", "xyz", 3),
        ("finops", "infraops", 4),
    ],
)
def test_edit_distance(left: str, right: str, distance: int) -> None:
    assert edit_distance(left, right, 3) == min(distance, 4)


def test_similar_terms_suggests_the_term_for_a_one_letter_slip() -> None:
    index = TermIndex((*ENTRIES, Entry("InfraOps", status=Status.AMBIGUOUS, meanings=("a", "b"))))
    assert index.similar_terms("InfreOps") == ["InfraOps"]


def test_word_mask_reads_every_non_word_character_as_a_space() -> None:
    # `\W` (the mask of a non-ASCII text) and the ASCII table both agree with is_word_char
    characters = "".join(chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF)
    expected = "".join(char if is_word_char(char) else " " for char in characters)
    assert word_mask(characters) == expected
    ascii_text = characters[:128]
    assert word_mask(ascii_text) == expected[:128]


def test_a_bare_form_gives_way_to_an_ending_that_fits() -> None:
    index = TermIndex((Entry("C++", status=Status.DEPRECATED, replace_with=("C plus",)),))
    document = prose("C++s and C++'s and C++ and C++-x")
    assert [(document.text[m.span.start : m.span.end], m.ending) for m in index.find(document)] == [
        ("C++s", "s"),
        ("C++'s", "'s"),
        ("C++", ""),
        ("C++", ""),
    ]


def test_a_written_out_form_wins_over_a_shorter_form_with_an_ending() -> None:
    # "bots" spans what "bot" + "s" spans: the form the glossary wrote out wins, in
    # either order of the entries
    bot = Entry("bot", status=Status.DEPRECATED, replace_with=("agent",))
    bots = Entry("bots", status=Status.DEPRECATED, replace_with=("crawlers",))
    for entries in ((bot, bots), (bots, bot)):
        document = prose("Two bots and a bot.")
        assert [(m.form.entry.term, m.ending) for m in TermIndex(entries).find(document)] == [
            ("bots", ""),
            ("bot", ""),
        ]


def test_a_pattern_three_forms_enter_is_told_apart_by_the_text() -> None:
    # " bot s " is entered by "bot" with either possessive and by "bot's" itself: the
    # automaton holds it once, and a hit is settled by what the text has
    entries = (
        Entry("bot"),
        Entry("bots", status=Status.DEPRECATED),
        Entry("bot's", status=Status.DEPRECATED),
    )
    index = TermIndex(entries)
    document = prose("The bot's log, a bot’s log, two bots, the bots' logs and BOT'S.")
    assert [
        (document.text[m.span.start : m.span.end], m.form.entry.term, m.ending)
        for m in index.find(document)
    ] == [
        ("bot's", "bot's", ""),
        ("bot’s", "bot", "’s"),
        ("bots", "bots", ""),
        ("bots", "bots", ""),
        ("BOT'S", "bot's", ""),
    ]
    deprecated = index.scanner(lambda form: form.entry.status is Status.DEPRECATED)
    assert sorted(set(deprecated.starts(lower_same_length(document.text)))) == [4, 32, 42, 57]


def test_forms_that_read_alike_in_the_mask_are_told_apart() -> None:
    index = TermIndex((Entry("ci cd"), Entry("ci/cd", status=Status.DEPRECATED)))
    document = prose("ci/cd, ci cd, ci-cd and ci cds")
    assert [
        (document.text[m.span.start : m.span.end], m.form.entry.term, m.ending)
        for m in index.find(document)
    ] == [("ci/cd", "ci/cd", ""), ("ci cd", "ci cd", ""), ("ci cds", "ci cd", "s")]


@pytest.mark.parametrize(
    "text",
    [
        "We do DevOps and devops's dev-ops Dev Ops.",
        "whitelists, the whitelist’s, WHITELIST'S whitelisting",
        "proxies proxys boxes boxs .NET .NETs x.NET dotnet",
        "master servers: master-server masterserver master\x00server",
    ],
)
def test_scanner_starts_where_a_form_is_accepted(text: str) -> None:
    index = TermIndex(ENTRIES)
    lowered = lower_same_length(text)
    expected = set()
    for key_text, key in index._keys:
        start = lowered.find(key_text)
        while start != -1:
            if TermIndex._accept(lowered, start, start + len(key_text), key) is not None:
                expected.add(start)
            start = lowered.find(key_text, start + 1)
    assert set(index.scanner(lambda form: True).starts(lowered)) == expected
    assert expected  # the texts hold forms
