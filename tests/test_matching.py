"""The matcher: boundaries, whitespace, endings, case, longest match (SPEC §2)."""

from __future__ import annotations

import pytest

from termlint.document import Document, LineIndex, SegmentBuilder
from termlint.glossary import Entry, Status
from termlint.matching import FormKind, TermIndex, edit_distance, lower_same_length


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
