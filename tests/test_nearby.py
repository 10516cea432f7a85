"""The index behind `similar_terms` leaves out only forms too far to be suggested."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termlint.glossary import Entry
from termlint.matching import TermIndex, similar_terms
from termlint.nearby import NearbyIndex

LETTERS = "abcdeOPS"
words = st.text(alphabet=LETTERS, min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=40, unique_by=str.casefold), words)
def test_the_same_suggestions_as_comparing_with_every_form(terms: list[str], word: str) -> None:
    index = TermIndex(tuple(Entry(term, is_case_sensitive=term != term.lower()) for term in terms))
    for limit in (1, 3, 5):
        assert index.similar_terms(word, limit) == similar_terms(word, index.forms.values(), limit)
    assert index.similar_terms(word) == index.similar_terms(word)  # served from the memo


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=40), words)
def test_candidates_hold_every_form_within_the_allowed_distance(
    forms: list[str], word: str
) -> None:
    from termlint.matching import edit_distance
    from termlint.nearby import allowed_distance

    index = NearbyIndex(range(len(forms)), [form.casefold() for form in forms])
    found = index.candidates(word)
    target = word.casefold()
    bound = allowed_distance(target)
    within = [
        number
        for number, form in enumerate(forms)
        if edit_distance(target, form.casefold(), bound) <= bound
    ]
    assert set(within) <= set(found)
    assert found == sorted(found)


def test_a_one_letter_slip_in_a_large_glossary() -> None:
    entries = [Entry(f"term{number:05}x") for number in range(5000)]
    index = TermIndex((*entries, Entry("InfraOps", is_case_sensitive=True)))
    assert index.similar_terms("InfreOps") == ["InfraOps"]
    assert index.similar_terms("term00042y") == ["term00042x", "term00002x", "term00012x"]
    assert index.similar_terms("term00042y") == similar_terms("term00042y", index.forms.values())
    assert index.similar_terms("zzzzzz") == []
