"""The matcher agrees with a slow reference that applies SPEC §2 character by character.

The reference uses no regex and no automaton: at every offset of the file it tries every
glossary form, reading a space in the form as any run of whitespace that does not cross
a blank line, and comparing other characters case-insensitively. It then applies the
word boundaries, the English endings (the longest that fits first), the y->ies plural
and "the longest match wins, ties to the leftmost". Both run over plain-text files,
where every character of a line is prose.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from termlint.glossary import Entry
from termlint.matching import TermIndex
from termlint.parsing import read_text

Found = tuple[int, int, str]  # source start, end, the entry's term


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def fold(char: str) -> str:
    """One character, case-folded without changing the length."""
    lower = char.lower()
    return "σ" if lower == "ς" else (lower if len(lower) == 1 else char)


def fold_text(text: str) -> str:
    return "".join(fold(char) for char in text)


def is_break(text: str, index: int) -> bool:
    """A line break starts here (a CR LF pair counts once, at its CR)."""
    char = text[index]
    return char == "\r" or (char == "\n" and (index == 0 or text[index - 1] != "\r"))


def match_at(key: str, text: str, start: int) -> int | None:
    """Where `key` (folded, single spaces) matched at `start` ends, or None."""
    index = start
    for char in key:
        if char == " ":
            breaks = 0
            run_start = index
            while index < len(text) and text[index].isspace():
                breaks += is_break(text, index)
                index += 1
            if index == run_start or breaks >= 2:  # no whitespace, or a blank line inside
                return None
        elif index < len(text) and fold(text[index]) == char:
            index += 1
        else:
            return None
    return index


def endings_for(key: str) -> list[str]:
    endings = ["'s", "’s"]
    if key.endswith(("s", "x", "z", "ch", "sh")):
        endings.append("es")
    return [*endings, "s", ""]


def folded_length(text: str) -> int:
    """The length of a match as the matcher measures it: a whitespace run counts once."""
    length = 0
    previous_space = False
    for char in text:
        if char.isspace():
            length += not previous_space
            previous_space = True
        else:
            length += 1
            previous_space = False
    return length


def reference_find(entries: list[Entry], text: str) -> set[Found]:
    owner: dict[str, Entry] = {}
    for entry in entries:  # a later entry's claim on a form wins
        forms = [entry.term, *entry.variants, *([entry.abbreviation] if entry.abbreviation else [])]
        for form in forms:
            owner[fold_text(" ".join(form.split()))] = entry
    keys: list[tuple[str, list[str], Entry]] = []
    for key, entry in owner.items():
        keys.append((key, endings_for(key), entry))
        consonant_y = len(key) >= 2 and key[-1] == "y" and key[-2].isalpha()
        if consonant_y and key[-2] not in "aeiouy" and key[:-1] + "ies" not in owner:
            keys.append((key[:-1] + "ies", [""], entry))
    candidates: list[tuple[int, int, Entry, int]] = []
    for start in range(len(text)):
        if is_word(text[start]) and start > 0 and is_word(text[start - 1]):
            continue
        for key, endings, entry in keys:
            end = match_at(key, text, start)
            if end is None:
                continue
            for ending in endings:
                stop = end + len(ending)
                if ending and fold_text(text[end:stop]) != ending:
                    continue
                if is_word(text[stop - 1]) and stop < len(text) and is_word(text[stop]):
                    continue
                candidates.append((start, stop, entry, len(key)))
                break
    # the longest, then the leftmost, then the longer form (written out, not inflected)
    candidates.sort(key=lambda c: (-folded_length(text[c[0] : c[1]]), c[0], -c[3]))
    kept: list[tuple[int, int, Entry]] = []
    for start, end, entry, _ in candidates:
        if all(end <= other_start or other_end <= start for other_start, other_end, _ in kept):
            kept.append((start, end, entry))
    return {(start, end, entry.term) for start, end, entry in kept}


def matcher_find(entries: list[Entry], text: str) -> set[Found]:
    document = read_text("doc.txt", text)
    found = TermIndex(entries).find(document)
    return {(m.span.start, m.span.end, m.form.entry.term) for m in found}


# --- generators ---------------------------------------------------------------------------

LETTERS = "abcsxyhABSYΣσςß"
word = st.text(st.sampled_from(LETTERS), min_size=1, max_size=4)
form = st.lists(word, min_size=1, max_size=3).flatmap(
    lambda words: st.sampled_from([" ", "-"]).map(lambda sep: sep.join(words))
)


@st.composite
def glossaries(draw: st.DrawFn) -> list[Entry]:
    entries: list[Entry] = []
    for number in range(draw(st.integers(1, 4))):
        term = draw(form)
        variants = tuple(draw(st.lists(form, max_size=2)))
        abbreviation = draw(st.one_of(st.none(), word))
        # the term only labels the entry; a number keeps labels apart when forms repeat
        entries.append(
            Entry(term=term, variants=variants, abbreviation=abbreviation, origin=str(number))
        )
    return entries


SEPARATORS = [" ", "  ", "\n", "\n\n", "\n \n", "\t", "\r\n", "\r", "\u00a0", "-", "_", "1"]
ENDINGS = ["s", "es", "ies", "'s", "’s", "'S", "'", "y"]


@st.composite
def texts(draw: st.DrawFn, entries: list[Entry]) -> str:
    forms = [f for entry in entries for f in (entry.term, *entry.variants)]
    pieces = st.one_of(
        word,
        st.sampled_from(forms),
        st.sampled_from(forms).map(str.upper),
        st.sampled_from(forms).map(lambda f: f.replace(" ", "\n  ")),
        st.sampled_from(SEPARATORS),
        st.sampled_from(ENDINGS),
    )
    return "".join(draw(st.lists(pieces, max_size=25)))


@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_matcher_agrees_with_the_reference(data):
    entries = data.draw(glossaries())
    text = data.draw(texts(entries))
    expected = reference_find(entries, text)
    assert sorted(matcher_find(entries, text)) == sorted(expected)


# A few cases spelled out, so a failure of the reference itself is easy to see.
CASES = [
    (["whitelist"], "whitelists and whitelist's", {(0, 10), (15, 26)}),
    (["Dev Ops"], "dev\n   ops, dev\n\nops", {(0, 10)}),
    (["policy"], "policies, policys", {(0, 8), (10, 17)}),
    (["box"], "boxes boxs", {(0, 5), (6, 10)}),
    (["ops"], "DevOps non-ops ops_x", {(11, 14)}),
    (["a b", "a b c"], "a b c", {(0, 5)}),
    (["a b", "b c"], "a b c", {(0, 3)}),
]


def test_reference_on_spelled_out_cases():
    for terms, text, spans in CASES:
        entries = [Entry(term=term) for term in terms]
        assert {(s, e) for s, e, _ in reference_find(entries, text)} == spans, (terms, text)
        assert {(s, e) for s, e, _ in matcher_find(entries, text)} == spans, (terms, text)
