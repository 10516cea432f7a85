"""Finding glossary forms in prose: one automaton over every surface form of every term.

The automaton runs over the lower-cased segment text; word boundaries, English endings
and the longest-match rule are then applied to the few hits (SPEC §2).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

import ahocorasick

from termlint.document import BARRIER, Document, Segment
from termlint.glossary import Entry
from termlint.model import Span
from termlint.nearby import NearbyIndex


class FormKind(enum.Enum):
    TERM = "term"
    VARIANT = "variant"
    ABBREVIATION = "abbreviation"


@dataclass(frozen=True, slots=True)
class Form:
    text: str  # as written in the glossary, whitespace runs folded to one space
    kind: FormKind
    entry: Entry


@dataclass(frozen=True, slots=True)
class Match:
    segment: Segment
    seg_start: int
    seg_end: int  # the ending included
    span: Span  # in the source
    form: Form
    ending: str  # "", "s", "es", "ies", "'s" or "’s" (as written in the text, lower-cased)

    @property
    def seg_text(self) -> str:
        """The matched prose with whitespace folded, ending included."""
        return self.segment.text[self.seg_start : self.seg_end]

    @property
    def base_text(self) -> str:
        """The matched prose without its ending ("Whitelist" for "Whitelists")."""
        if self.ending == "ies":
            stem = self.seg_text[:-3]
            return stem + ("Y" if self.seg_text[-3:].isupper() else "y")
        return self.seg_text[: len(self.seg_text) - len(self.ending)]

    @property
    def is_plural(self) -> bool:
        return self.ending in ("s", "es", "ies")


def lower_same_length(text: str) -> str:
    """Lower-case `text` without changing its length (so offsets stay valid).

    Final sigma is folded to σ: str.lower() picks ς or σ for a capital Σ by its
    neighbours, so a form and the same word in the text could lower differently.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char if len(low := char.lower()) != 1 else low for char in text)
    return lowered.replace("ς", "σ")


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_POSSESSIVES = ("'s", "’s")


def _endings_for(key: str) -> tuple[str, ...]:
    """Endings a form may take in the text, longest first (y->ies is its own key)."""
    endings: list[str] = list(_POSSESSIVES)
    if key.endswith(_SIBILANT_ENDINGS):
        endings.append("es")
    endings.extend(["s", ""])
    return tuple(endings)


@dataclass(frozen=True, slots=True)
class _Key:
    forms: tuple[Form, ...]  # one entry's forms that share this key, the term first
    length: int
    endings: tuple[str, ...]
    ies: bool  # the key is the y->ies plural of the form


def _consonant_y(key: str) -> bool:
    return len(key) >= 2 and key.endswith("y") and key[-2] not in "aeiouy" and key[-2].isalpha()


class TermIndex:
    """Every surface form of a glossary, compiled once per run."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        grouped: dict[str, list[Form]] = {}
        for entry in entries:
            for form in _entry_forms(entry):
                key = lower_same_length(form.text)
                claimed = grouped.get(key)
                if claimed is None or claimed[0].entry is not entry:
                    grouped[key] = [form]  # SPEC §1: a later entry's claim wins
                else:
                    claimed.append(form)  # a casing variant of the same entry
        self.forms: dict[str, Form] = {key: forms[0] for key, forms in grouped.items()}
        self._nearby: NearbyIndex[Form] | None = None  # built on the first similar_terms call
        self._similar: dict[tuple[str, int], tuple[str, ...]] = {}
        self._automaton: ahocorasick.Automaton | None = None
        if grouped:
            automaton = ahocorasick.Automaton()
            for key, forms in grouped.items():
                automaton.add_word(key, _Key(tuple(forms), len(key), _endings_for(key), False))
                if _consonant_y(key):
                    plural = key[:-1] + "ies"
                    if plural not in grouped:
                        automaton.add_word(plural, _Key(tuple(forms), len(plural), ("",), True))
            automaton.make_automaton()
            self._automaton = automaton

    def covers(self, word: str) -> bool:
        """True when `word` is a surface form of some glossary entry (any casing)."""
        return lower_same_length(fold_whitespace(word)) in self.forms

    def similar_terms(self, word: str, limit: int = 3) -> list[str]:
        """Glossary terms within a small edit distance of `word` ("InfreOps" -> "InfraOps")."""
        found = self._similar.get((word, limit))
        if found is None:
            if self._nearby is None:
                forms = list(self.forms.values())
                self._nearby = NearbyIndex(forms, [form.text.casefold() for form in forms])
            # the same answer as over every form: the index only leaves out far ones
            found = tuple(similar_terms(word, self._nearby.candidates(word), limit))
            self._similar[(word, limit)] = found
        return list(found)

    def find(self, document: Document) -> list[Match]:
        """Every glossary match in the document, overlaps resolved (longest wins)."""
        if self._automaton is None or not document.segments:
            return []
        texts = [segment.text for segment in document.segments]
        joined = lower_same_length(BARRIER.join(texts))
        starts: list[int] = []
        offset = 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + 1
        candidates: list[tuple[int, int, Segment, _Key, str]] = []
        for end_index, key in self._automaton.iter(joined):
            found = self._accept(joined, end_index + 1 - key.length, end_index + 1, key)
            if found is None:
                continue
            start, end, ending = found
            position = bisect.bisect_right(starts, start) - 1
            base = starts[position]
            candidates.append((start - base, end - base, document.segments[position], key, ending))
        return list(_longest_first(candidates))

    def scanner(self, keep: Callable[[Form], bool]) -> FormScanner:
        """A scan for the forms `keep` accepts only, with `find`'s boundary rules."""
        automaton = ahocorasick.Automaton()
        kept = 0
        if self._automaton is not None:
            for key, value in self._automaton.items():
                if any(keep(form) for form in value.forms):
                    automaton.add_word(key, value)
                    kept += 1
        if kept:
            automaton.make_automaton()
        return FormScanner(automaton if kept else None)

    @staticmethod
    def _accept(text: str, start: int, end: int, key: _Key) -> tuple[int, int, str] | None:
        first = text[start]
        if is_word_char(first) and start > 0 and is_word_char(text[start - 1]):
            return None
        for ending in key.endings:
            stop = end + len(ending)
            if ending and text[end:stop] != ending:
                continue
            last = text[stop - 1]
            if is_word_char(last) and stop < len(text) and is_word_char(text[stop]):
                continue
            return start, stop, "ies" if key.ies else ending
        return None


class FormScanner:
    """Where some glossary forms start in a text (before overlaps are resolved)."""

    def __init__(self, automaton: ahocorasick.Automaton | None) -> None:
        self._automaton = automaton

    def starts(self, lowered: str) -> Iterator[int]:
        """Start offsets of the candidates in `lowered` (a `lower_same_length` text)."""
        if self._automaton is None:
            return
        for end_index, key in self._automaton.iter(lowered):
            start = end_index + 1 - key.length
            if TermIndex._accept(lowered, start, end_index + 1, key) is not None:
                yield start


def similar_terms(word: str, forms: Iterable[Form], limit: int = 3) -> list[str]:
    target = word.casefold()
    allowed = 1 if len(target) <= 8 else 2
    scored: dict[str, int] = {}
    for form in forms:
        candidate = form.text.casefold()
        if abs(len(candidate) - len(target)) > allowed or candidate == target:
            continue
        distance = edit_distance(target, candidate, allowed)
        if distance <= allowed:
            term = form.text if form.kind is FormKind.ABBREVIATION else form.entry.term
            scored[term] = min(distance, scored.get(term, distance))
    ranked = sorted(scored.items(), key=lambda item: (item[1], item[0].casefold()))
    return [term for term, _ in ranked[:limit]]


def edit_distance(left: str, right: str, bound: int) -> int:
    """Optimal string alignment distance (adjacent swaps count once), cut off past `bound`."""
    previous2: list[int] = []
    previous = list(range(len(right) + 1))
    for i, left_char in enumerate(left, 1):
        current = [i] + [0] * len(right)
        for j, right_char in enumerate(right, 1):
            cost = 0 if left_char == right_char else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and left_char == right[j - 2] and left[i - 2] == right_char:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > bound:
            return bound + 1
        previous2, previous = previous, current
    return previous[-1]


def _entry_forms(entry: Entry) -> Iterator[Form]:
    yield Form(fold_whitespace(entry.term), FormKind.TERM, entry)
    for variant in entry.variants:
        yield Form(fold_whitespace(variant), FormKind.VARIANT, entry)
    if entry.abbreviation:
        yield Form(fold_whitespace(entry.abbreviation), FormKind.ABBREVIATION, entry)


def _longest_first(
    candidates: Iterable[tuple[int, int, Segment, _Key, str]],
) -> Iterator[Match]:
    """SPEC §2: overlapping candidates resolve to the longest; ties go to the leftmost."""
    # Per segment, the kept spans sorted by start (disjoint, so their ends are sorted too):
    # an overlap test is a bisection, not a scan, so a long paragraph stays linear-ish.
    taken: dict[int, tuple[list[int], list[int]]] = {}
    chosen: list[Match] = []
    ordered = sorted(candidates, key=lambda c: (-(c[1] - c[0]), id(c[2]), c[0]))
    for start, end, segment, key, ending in ordered:
        starts, ends = taken.setdefault(id(segment), ([], []))
        index = bisect.bisect_right(starts, start)
        if (index > 0 and ends[index - 1] > start) or (index < len(starts) and starts[index] < end):
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        match = Match(
            segment=segment,
            seg_start=start,
            seg_end=end,
            span=segment.to_source(start, end),
            form=key.forms[0],
            ending=ending,
        )
        if len(key.forms) > 1:
            written = fold_whitespace(match.base_text)
            exact = next((form for form in key.forms if form.text == written), key.forms[0])
            match = replace(match, form=exact)
        chosen.append(match)
    chosen.sort(key=lambda match: match.span.start)
    yield from chosen
