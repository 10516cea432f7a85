"""Finding glossary forms in prose: one automaton over every surface form of every term.

The automaton runs over the lower-cased text with every non-word character read as a
space (`word_mask`), padded with a space at each end. Each form is entered once per
English ending it may take, with a space before it when it starts with a word
character and after it when it ends with one: a hit then already stands on word
boundaries, so the many forms found inside longer words ("or" in "error") never reach
Python. What the mask cannot tell apart (the non-word characters themselves) is
compared in the lower-cased text, and the longest-match rule is applied to the few
hits left (SPEC §2).
"""

from __future__ import annotations

import bisect
import collections
import enum
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

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
    form: Form
    ending: str  # "", "s", "es", "ies", "'s" or "’s" (as written in the text, lower-cased)

    @property
    def span(self) -> Span:
        """In the source; mapped when asked for, as most matches are never reported."""
        return self.segment.to_source(self.seg_start, self.seg_end)

    @property
    def seg_text(self) -> str:
        """The matched prose with whitespace folded, ending included."""
        return self.segment.text[self.seg_start : self.seg_end]

    @property
    def base_text(self) -> str:
        """The matched prose without its ending ("Whitelist" for "Whitelists")."""
        return _without_ending(self.seg_text, self.ending)

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


# `\W` is exactly `not is_word_char` for every code point (a test holds them equal).
_NON_WORD = re.compile(r"\W")
_ASCII_MASK = (
    bytes(code if is_word_char(chr(code)) else ord(" ") for code in range(128)) + b" " * 128
)


def word_mask(text: str) -> str:
    """`text` with every non-word character replaced by a space (the same length)."""
    if text.isascii():  # the common case, a hundred times faster than the regex
        return text.encode("ascii").translate(_ASCII_MASK).decode("ascii")
    return _NON_WORD.sub(" ", text)


def _without_ending(seg_text: str, ending: str) -> str:
    if ending == "ies":
        return seg_text[:-3] + ("Y" if seg_text[-3:].isupper() else "y")
    return seg_text[: len(seg_text) - len(ending)]


_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_POSSESSIVES = ("'s", "’s")


_SIBILANT_KEY_ENDINGS = (*_POSSESSIVES, "es", "s", "")
_OTHER_KEY_ENDINGS = (*_POSSESSIVES, "s", "")


def _endings_for(key: str) -> tuple[str, ...]:
    """Endings a form may take in the text, longest first (y->ies is its own key)."""
    return _SIBILANT_KEY_ENDINGS if key.endswith(_SIBILANT_ENDINGS) else _OTHER_KEY_ENDINGS


@dataclass(frozen=True, slots=True)
class _Key:
    forms: tuple[Form, ...]  # one entry's forms that share this key, the term first
    length: int
    endings: tuple[str, ...]
    ies: bool  # the key is the y->ies plural of the form


class _Entered(NamedTuple):
    """One form with one ending, as entered in the masked automaton."""

    key: _Key
    ending: str  # as reported: "ies" for the y->ies key
    back: int  # the match starts this far before the hit's last index (in the padded text)
    length: int  # of the form with its ending
    exact: str | None  # the form with its ending when the mask alone does not decide it
    may_grow: bool  # the bare form, of a key that takes endings: one may fit instead


# The first characters of the endings a bare form would give way to ("'s", "es", "s").
_ENDING_HEADS = frozenset("'’es")
_MASKED_ENDINGS = {ending: word_mask(ending) for ending in ("'s", "’s", "es", "s")}
_WORD_ENDINGS = frozenset({"es", "s"})


def _patterns(text: str, key: _Key) -> list[str]:
    """The masked pattern of each of the key's endings, in the order of `key.endings`."""
    if not text:
        return []  # never entered: an empty form matches nothing
    bare = (" " if is_word_char(text[0]) else "") + word_mask(text)
    tail = " " if is_word_char(text[-1]) else ""
    return [
        bare + _MASKED_ENDINGS[ending] + " " if ending else bare + tail for ending in key.endings
    ]


def _entered(text: str, key: _Key, place: int, pattern: str) -> _Entered:
    """What a hit of `pattern`, the pattern of the key's ending at `place`, means."""
    ending = key.endings[place]
    lead = 1 if is_word_char(text[0]) else 0
    all_word = word_mask(text) == text and " " not in text
    if ending:  # the endings end in "s", a word character
        exact = None if all_word and ending in _WORD_ENDINGS else text + ending
    else:
        exact = None if all_word else text
    return _Entered(
        key,
        "ies" if key.ies else ending,
        len(pattern) - lead,
        len(text) + len(ending),
        exact,
        len(key.endings) > 1 and not ending,
    )


# A pattern's value in the automaton is a code, not its records: a 10,000-term glossary
# enters some 60,000 patterns, and making a record for each took longer than building
# the automaton. A code is the key's number times _SLOTS plus the place of the first of
# its endings with that pattern (the two possessives share one); a pattern that several
# keys enter ("bot" + "s" and "bots") gets a code past the keys' codes, for a list of
# theirs. The records of a code are made when a hit first needs them.
_SLOTS = 8  # more than the endings a key can have


class _Coded:
    """A masked automaton over some keys' patterns, and the records its codes stand for."""

    def __init__(self, keys: Sequence[tuple[str, _Key]], patterns: Sequence[list[str]]) -> None:
        self._keys = keys
        self._patterns = patterns
        self._shared: list[list[int]] = []  # the codes of the patterns several keys enter
        self._decoded: dict[int, tuple[_Entered, ...]] = {}
        self.automaton: ahocorasick.Automaton | None = None

    def enter(self, numbers: Iterable[int]) -> _Coded:
        """Enter the patterns of the keys with these numbers, in order, and build."""
        codes: dict[str, int] = {}
        shared = self._shared
        first_shared = len(self._keys) * _SLOTS
        for number in numbers:
            base = number * _SLOTS
            for place, pattern in enumerate(self._patterns[number]):
                code = codes.setdefault(pattern, base + place)
                if base <= code < base + _SLOTS:
                    continue  # new, or the key's other possessive: decoded together
                if code < first_shared:
                    codes[pattern] = first_shared + len(shared)
                    shared.append([code, base + place])
                elif shared[code - first_shared][-1] // _SLOTS != number:
                    shared[code - first_shared].append(base + place)
        if codes:
            self.automaton = ahocorasick.Automaton()
            collections.deque(itertools.starmap(self.automaton.add_word, codes.items()), maxlen=0)
            self.automaton.make_automaton()
        return self

    def records(self, value: int) -> tuple[_Entered, ...]:
        """The records a pattern's value stands for, in the order the keys entered it."""
        found = self._decoded.get(value)
        if found is None:
            first_shared = len(self._keys) * _SLOTS
            codes = self._shared[value - first_shared] if value >= first_shared else [value]
            found = self._decoded[value] = tuple(
                record for code in codes for record in self._records_of(code)
            )
        return found

    def _records_of(self, code: int) -> Iterator[_Entered]:
        number, place = divmod(code, _SLOTS)
        text, key = self._keys[number]
        patterns = self._patterns[number]
        for each, pattern in enumerate(patterns):
            if pattern == patterns[place]:
                yield _entered(text, key, each, pattern)


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
        self._keys: list[tuple[str, _Key]] = []  # (lower-cased form or y->ies plural, key)
        for key, forms in grouped.items():
            self._keys.append((key, _Key(tuple(forms), len(key), _endings_for(key), False)))
            if _consonant_y(key):
                plural = key[:-1] + "ies"
                if plural not in grouped:
                    self._keys.append((plural, _Key(tuple(forms), len(plural), ("",), True)))
        # computed once: `scanner` builds its automaton from a subset of the same patterns
        self._patterns = [_patterns(text, key) for text, key in self._keys]
        self._coded = _Coded(self._keys, self._patterns).enter(range(len(self._keys)))

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
        if self._coded.automaton is None or not document.segments:
            return []
        segments = document.segments
        lowered = lower_same_length(BARRIER.join([segment.text for segment in segments]))
        candidates = [
            (start, stop, record.key.length, record.key, record.ending)
            for start, stop, record in _hits(self._coded, lowered, resolve_endings=True)
        ]
        return _matches(_longest_first(candidates), segments)

    def scanner(self, keep: Callable[[Form], bool]) -> FormScanner:
        """A scan for the forms `keep` accepts only, with `find`'s boundary rules."""
        kept = (number for number, (_, key) in enumerate(self._keys) if any(map(keep, key.forms)))
        return FormScanner(_Coded(self._keys, self._patterns).enter(kept))

    @staticmethod
    def _accept(text: str, start: int, end: int, key: _Key) -> tuple[int, int, str] | None:
        """The rules `_hits` applies, one form at a time: the reference for its rare cases."""
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


def _hits(
    coded: _Coded, lowered: str, *, resolve_endings: bool
) -> Iterator[tuple[int, int, _Entered]]:
    """(start, stop, entered form) of every form on word boundaries in `lowered`.

    With `resolve_endings`, a bare form gives way to the same form with an ending when
    one fits (SPEC §2: the longest ending first), as `TermIndex._accept` decides."""
    assert coded.automaton is not None
    masked = " " + word_mask(lowered) + " "
    records_of = coded.records
    for end_index, value in coded.automaton.iter(masked):
        for record in records_of(value):
            start = end_index - record.back
            stop = start + record.length
            if record.exact is not None and lowered[start:stop] != record.exact:
                continue
            if (
                resolve_endings
                and record.may_grow
                and lowered[stop : stop + 1] in _ENDING_HEADS
                and TermIndex._accept(lowered, start, stop, record.key) != (start, stop, "")
            ):
                continue
            yield start, stop, record


_Candidate = tuple[int, int, int, _Key, str]  # start, stop, the key's length, key, ending


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """SPEC §2: overlapping candidates resolve to the longest; ties go to the leftmost,
    then to the longer form: a form written out ("bots") wins over a shorter form with an
    ending that spans the same text ("bot" + "s"). In text order.

    Most candidates overlap nothing: only runs of overlapping ones are resolved."""
    candidates.sort(key=lambda candidate: (candidate[0], candidate[1], -candidate[2]))
    kept: list[_Candidate] = []
    index = 0
    while index < len(candidates):
        run_end = index + 1
        reach = candidates[index][1]
        while run_end < len(candidates) and candidates[run_end][0] < reach:
            reach = max(reach, candidates[run_end][1])
            run_end += 1
        if run_end == index + 1:
            kept.append(candidates[index])
        else:
            kept.extend(_resolve_overlaps(candidates[index:run_end]))
        index = run_end
    return kept


def _resolve_overlaps(run: list[_Candidate]) -> list[_Candidate]:
    # The kept spans sorted by start (disjoint, so their ends are sorted too): an overlap
    # test is a bisection, not a scan, so a long run of overlaps stays linear-ish.
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[_Candidate] = []
    for candidate in sorted(run, key=lambda c: (-(c[1] - c[0]), c[0], -c[2])):
        start, end = candidate[0], candidate[1]
        index = bisect.bisect_right(starts, start)
        if (index > 0 and ends[index - 1] > start) or (index < len(starts) and starts[index] < end):
            continue
        starts.insert(index, start)
        ends.insert(index, end)
        chosen.append(candidate)
    chosen.sort(key=lambda candidate: candidate[0])
    return chosen


def _matches(candidates: list[_Candidate], segments: Sequence[Segment]) -> list[Match]:
    """The kept candidates (offsets in the segments' texts joined by one character, in
    text order) as matches, in source order."""
    chosen: list[Match] = []
    position = 0
    base = 0
    next_base = len(segments[0].text) + 1
    for start, stop, _, key, ending in candidates:
        while start >= next_base:
            position += 1
            base = next_base
            next_base += len(segments[position].text) + 1
        segment = segments[position]
        seg_start = start - base
        seg_end = stop - base
        form = key.forms[0]
        if len(key.forms) > 1:
            written = fold_whitespace(_without_ending(segment.text[seg_start:seg_end], ending))
            form = next((form for form in key.forms if form.text == written), form)
        chosen.append(Match(segment, seg_start, seg_end, form, ending))
    if not _in_source_order(segments):  # an image's alt text inside its paragraph
        chosen.sort(key=lambda match: match.segment.source_offset(match.seg_start))
    return chosen


def _in_source_order(segments: Sequence[Segment]) -> bool:
    """Whether each segment's source ends before the next one's starts: then matches in
    the segments' order, each segment's in text order, are in source order (a segment's
    pieces run forwards through the source)."""
    return all(
        before.pieces[-1].src_end <= after.pieces[0].src_start
        for before, after in itertools.pairwise(segments)
    )


class FormScanner:
    """Where some glossary forms start in a text (before overlaps are resolved)."""

    def __init__(self, coded: _Coded) -> None:
        self._coded = coded

    def starts(self, lowered: str) -> Iterator[int]:
        """Start offsets of the candidates in `lowered` (a `lower_same_length` text), in
        no particular order; a start may come more than once."""
        if self._coded.automaton is None:
            return
        for start, _, _ in _hits(self._coded, lowered, resolve_endings=False):
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
