"""Jargon candidates for undefined-term and discover, and in-file definitions (SPEC §4)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from termlint.config import JargonSettings
from termlint.document import Segment

_OPS_WORD = re.compile(r"(?<![\w])([^\W\d_]+Ops)(?![\w])")
_ACRONYM = re.compile(r"(?<![\w])([A-Z][A-Z0-9]{1,5})(s?)(?![\w])")
_CAMEL_CASE = re.compile(r"(?<![\w])((?:[A-Z][a-z0-9]+|[a-z]+)(?:[A-Z][a-z0-9]+)+)(?![\w])")
_WORD = r"[^\W\d_][\w'’\-]*"
# Three or more all-capital words in a row are shouting ("NEVER USE A WHITELIST"), not acronyms.
_SHOUTED_RUN = re.compile(r"(?<![\w])[A-Z0-9]+(?:[ \t]+[A-Z0-9]+(?![\w])){2,}")


@dataclass(frozen=True, slots=True)
class Candidate:
    segment: Segment
    start: int
    end: int  # the plural "s" of an acronym included
    name: str  # the candidate itself: "KTLO" for "KTLOs"


def find_candidates(segment: Segment, settings: JargonSettings) -> Iterator[Candidate]:
    """Jargon-like words in one segment, in text order."""
    found: list[Candidate] = []
    text = segment.text
    if settings.ops_suffix:
        for match in _OPS_WORD.finditer(text):
            found.append(Candidate(segment, match.start(), match.end(), match.group(1)))
    if settings.acronyms:
        shouted = [run.span() for run in _SHOUTED_RUN.finditer(text)]
        for match in _ACRONYM.finditer(text):
            if any(start <= match.start() < end for start, end in shouted):
                continue
            found.append(Candidate(segment, match.start(), match.end(), match.group(1)))
    if settings.camel_case:
        for match in _CAMEL_CASE.finditer(text):
            if match.group(1).endswith("Ops") and settings.ops_suffix:
                continue
            found.append(Candidate(segment, match.start(), match.end(), match.group(1)))
    found.sort(key=lambda candidate: (candidate.start, -candidate.end))
    last_end = -1
    for candidate in found:
        if candidate.start >= last_end:
            yield candidate
            last_end = candidate.end


def find_definition(text: str, name: str) -> str | None:
    """The phrase that defines `name` in `text`: "Full Phrase (NAME)" or "NAME (Full Phrase)"."""
    escaped = re.escape(name)
    after = _search_after(text, escaped)
    if after:
        return " ".join(after.group(1).split())
    before = _search_before(text, escaped)
    if before:
        return _defining_words(before.group(1).split(), name)
    return None


# The two searches below return exactly what `re.search` of the whole pattern over the
# whole text returns, but start it only where it can match: over a long file the
# "Full Phrase (NAME)" pattern retries its run of words at every position.
_CHAIN_CHAR = re.compile(r"[\w'’\-\s]")  # what a run of words and spaces is made of


# Compiled once per name: a run asks about the same names in every file, more of them
# than the `re` module's own cache holds. The costly whole patterns only when needed.
@functools.lru_cache(maxsize=4096)
def _opening(escaped: str) -> re.Pattern[str]:
    return re.compile(rf"{escaped}s?\s*\(")


@functools.lru_cache(maxsize=4096)
def _after(escaped: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){escaped}s?\s*\(\s*({_WORD}(?:\s+{_WORD})+)\s*\)")


@functools.lru_cache(maxsize=4096)
def _closing(escaped: str) -> re.Pattern[str]:
    return re.compile(rf"\(\s*{escaped}s?\s*\)")


@functools.lru_cache(maxsize=4096)
def _before(escaped: str) -> re.Pattern[str]:
    return re.compile(rf"((?:{_WORD}\s+)+{_WORD})\s*\(\s*{escaped}s?\s*\)")


def _search_after(text: str, escaped: str) -> re.Match[str] | None:
    """`NAME (Full Phrase)`, searched from the first `NAME (` (its literal part)."""
    opening = _opening(escaped).search(text)
    if opening is None:
        return None
    return _after(escaped).search(text, opening.start())


def _search_before(text: str, escaped: str) -> re.Match[str] | None:
    """`Full Phrase (NAME)`: the leftmost match ends at the first `(NAME)` with words
    before it, and starts in the run of word and space characters before its `(`."""
    for tail in _closing(escaped).finditer(text):
        start = tail.start()
        while start > 0 and _CHAIN_CHAR.match(text, start - 1):
            start -= 1
        found = _before(escaped).search(text, start, tail.end())
        if found:
            return found
    return None


def _defining_words(words: list[str], name: str) -> str:
    """The shortest trailing run of words whose initials spell the name, else its last few."""
    letters = [char.lower() for char in name if char.isupper() or char.isdigit()]
    for size in range(2, min(len(words), 10) + 1):
        tail = words[-size:]
        initials = [word[0].lower() for word in tail]
        if initials == letters:
            return " ".join(tail)
    size = max(2, min(len(letters), len(words), 6))
    return " ".join(words[-size:])
