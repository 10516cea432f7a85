"""Jargon candidates: the acronym search and one search over joined segment texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termlint.config import JargonSettings
from termlint.jargon import _ACRONYM, acronym_spans, candidate_spans

TEXTS = [
    "KTLO, KTLOs and xKTLO or KTLO_x; SRE2 A1 2FA H2 ABCDEF ABCDEFG I A.",
    "NEVER USE A WHITELIST but KTLO and SRE ok",
    "(KTLO) [SREs] KTLOs's KTLOss _KTLO KTLO-x",
]


@pytest.mark.parametrize("text", TEXTS)
def test_acronym_spans_find_what_the_pattern_finds(text: str) -> None:
    expected = [(m.start(), m.end(), m.end(1)) for m in _ACRONYM.finditer(text)]
    assert acronym_spans(text) == expected
    assert acronym_spans(text + " é") == expected  # the search over a non-ASCII text
    assert expected


def test_acronym_spans_read_non_ascii_word_characters_as_words() -> None:
    assert acronym_spans("éKTLO KTLOé KTLO") == [(12, 16, 16)]


def test_shouted_runs_are_no_candidates() -> None:
    found = candidate_spans("NEVER USE A WHITELIST but KTLO and SRE ok", JargonSettings())
    assert [name for _, _, name in found] == ["KTLO", "SRE"]


words = st.sampled_from(["KTLO", "KTLOs", "FinOps", "ServiceMesh", "DO", "NOT", "a", "x1"])
texts = st.lists(st.lists(words, max_size=6).map(" ".join), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(texts=texts, camel_case=st.booleans(), ops_suffix=st.booleans())
def test_joined_texts_give_each_text_s_candidates(
    texts: list[str], camel_case: bool, ops_suffix: bool
) -> None:
    jargon = JargonSettings(ops_suffix=ops_suffix, camel_case=camel_case)
    expected = []
    base = 0
    for text in texts:
        expected.extend(
            (start + base, end + base, name) for start, end, name in candidate_spans(text, jargon)
        )
        base += len(text) + 1
    assert candidate_spans("\n".join(texts), jargon) == expected


def test_candidates_keep_the_first_of_overlapping_matches() -> None:
    jargon = JargonSettings(camel_case=True)
    found = candidate_spans("our InfraOps and ServiceMesh KTLO", jargon)
    assert found == [(4, 12, "InfraOps"), (17, 28, "ServiceMesh"), (29, 33, "KTLO")]
