"""Candidate glossary terms for `termlint discover`: counted per document, then combined.

Two kinds of word are candidates, when no glossary form, `allow` list or the list of
common acronyms covers them:

- the jargon of the undefined-term rule (words ending in "Ops", acronyms, and
  camel-case words when switched on), found by `jargon.find_candidates`;
- a mixed-case abbreviation that a document defines in place, such as
  "Developer Experience (DevEx)", whose capitals are the initials of the phrase.

A candidate's definition is the phrase a document defines it with
(`jargon.find_definition`), taken from the first document, in the order given,
that has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from termlint.checks.base import LintSettings
from termlint.document import Document, Segment
from termlint.jargon import find_candidates, find_definition
from termlint.model import Position

_WORD = re.compile(r"(?<![\w])[^\W\d_]\w*")
_NAME_INSIDE = re.compile(r"\(\s*([^\W\d_]\w*)\s*\)")  # Phrase (NAME)
_NAME_BEFORE = re.compile(r"(?<![\w])([^\W\d_]\w*)\s*\(")  # NAME (Phrase)


@dataclass(frozen=True, slots=True)
class Seen:
    """The occurrences of one name in one document."""

    count: int
    first: Position


@dataclass(frozen=True, slots=True)
class DocumentTally:
    path: str
    jargon: tuple[tuple[str, Seen], ...]  # jargon candidates, in order of first use
    shaped: tuple[tuple[str, Seen], ...]  # other words with two or more capitals
    definitions: tuple[tuple[str, str], ...]  # name -> the phrase defining it here


@dataclass(frozen=True, slots=True)
class Example:
    path: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class CandidateTerm:
    text: str
    count: int
    files: int
    example: Example
    definition: str | None

    @property
    def is_acronym(self) -> bool:
        """All capitals and digits (KTLO, SRE2): its definition is its expansion."""
        return not any(char.islower() for char in self.text)


def is_covered(name: str, settings: LintSettings) -> bool:
    """Whether a glossary form, an `allow` list or the common acronyms cover `name`."""
    return (
        name in settings.common_acronyms
        or name.casefold() in settings.allowed
        or settings.index.covers(name)
    )


def tally_document(document: Document, settings: LintSettings) -> DocumentTally:
    """The candidates of one document, with counts, first positions and definitions."""
    taken: dict[int, list[tuple[int, int]]] = {}
    for match in settings.index.find(document):
        taken.setdefault(id(match.segment), []).append((match.seg_start, match.seg_end))
    jargon: dict[str, Seen] = {}
    shaped: dict[str, Seen] = {}
    in_place: dict[str, None] = {}
    for segment in document.segments:
        spans = taken.setdefault(id(segment), [])
        for candidate in find_candidates(segment, settings.jargon):
            if _overlaps(spans, candidate.start, candidate.end):
                continue
            spans.append((candidate.start, candidate.end))
            if not is_covered(candidate.name, settings):
                _count(jargon, candidate.name, document, segment, candidate.start)
        for start, name in _shaped_words(segment.text):
            if not _overlaps(spans, start, start + len(name)):
                _count(shaped, name, document, segment, start)
        in_place.update(dict.fromkeys(_named_in_parentheses(segment.text)))
    whole_text = "\n".join(segment.text for segment in document.segments)
    definitions: dict[str, str] = {}
    for name in jargon:
        phrase = find_definition(whole_text, name)
        if phrase is not None:
            definitions[name] = phrase
    for name in in_place:
        if name in jargon or name not in shaped or is_covered(name, settings):
            continue
        phrase = find_definition(whole_text, name)
        if phrase is not None and _spells(name, phrase):
            definitions[name] = phrase
    return DocumentTally(
        path=document.path,
        jargon=tuple(jargon.items()),
        shaped=tuple(shaped.items()),
        definitions=tuple(definitions.items()),
    )


def combine(tallies: Sequence[DocumentTally], min_count: int = 1) -> list[CandidateTerm]:
    """Candidates across documents: most frequent first, ties in alphabetical order."""
    defined: dict[str, str] = {}
    for tally in tallies:
        for name, phrase in tally.definitions:
            defined.setdefault(name, phrase)
    names = dict.fromkeys(name for tally in tallies for name, _ in tally.jargon)
    names.update(dict.fromkeys(defined))
    lookups = [(tally.path, dict(tally.shaped) | dict(tally.jargon)) for tally in tallies]
    found: list[CandidateTerm] = []
    for name in names:
        seen = [(path, hit) for path, lookup in lookups if (hit := lookup.get(name))]
        count = sum(hit.count for _, hit in seen)
        if not seen or count < min_count:
            continue
        path, first = seen[0]
        example = Example(path, first.first.line, first.first.column)
        found.append(CandidateTerm(name, count, len(seen), example, defined.get(name)))
    found.sort(key=lambda candidate: (-candidate.count, candidate.text.casefold(), candidate.text))
    return found


def find_candidate_terms(
    documents: Iterable[Document], settings: LintSettings, min_count: int = 1
) -> list[CandidateTerm]:
    """`tally_document` over every document, then `combine`."""
    return combine([tally_document(document, settings) for document in documents], min_count)


def _count(
    counts: dict[str, Seen], name: str, document: Document, segment: Segment, start: int
) -> None:
    seen = counts.get(name)
    if seen is None:
        position = document.line_index.position(segment.source_offset(start))
        counts[name] = Seen(1, position)
    else:
        counts[name] = Seen(seen.count + 1, seen.first)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _shaped_words(text: str) -> Iterator[tuple[int, str]]:
    """Words with two or more capitals, which may stand for a phrase (DevEx, FinServ)."""
    for match in _WORD.finditer(text):
        word = match.group()
        if word[1:].islower():  # at most one capital, as most words: no count needed
            continue
        word = _singular(word)
        if sum(char.isupper() for char in word) >= 2:
            yield match.start(), word


def _named_in_parentheses(text: str) -> Iterator[str]:
    """Words next to a parenthesis: "Phrase (NAME)" or "NAME (Phrase)"."""
    for regex in (_NAME_INSIDE, _NAME_BEFORE):
        for match in regex.finditer(text):
            yield _singular(match.group(1))


def _singular(word: str) -> str:
    """An acronym's plural "s" dropped (KTLOs -> KTLO), as the jargon rule does."""
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return word[:-1]
    return word


def _spells(name: str, phrase: str) -> bool:
    """Whether the capitals of `name` are the initials of the phrase's (capitalised) words."""
    capitals = [char.lower() for char in name if char.isupper() or char.isdigit()]
    words = phrase.split()
    capitalised = [word for word in words if word[:1].isupper()]
    return any([word[0].lower() for word in group] == capitals for group in (words, capitalised))
