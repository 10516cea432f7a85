"""Jargon candidates for undefined-term and discover, and in-file definitions (SPEC §4)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from termlint.config import JargonSettings
from termlint.document import Segment

_OPS_WORD = re.compile(r"(?<![\w])([^\W\d_]+Ops)(?![\w])")
# The lookbehinds of the two patterns below come after their first character: the same
# matches as `(?<![\w])[A-Z]...`, but the search skips ahead to a capital letter.
_ACRONYM = re.compile(r"([A-Z](?<![\w][A-Z])[A-Z0-9]{1,5})s?(?![\w])")
_CAMEL_CASE = re.compile(r"(?<![\w])((?:[A-Z][a-z0-9]+|[a-z]+)(?:[A-Z][a-z0-9]+)+)(?![\w])")
_WORD = r"[^\W\d_][\w'’\-]*"
# Three or more all-capital words in a row are shouting ("NEVER USE A WHITELIST"), not acronyms.
_SHOUTED_RUN = re.compile(r"[A-Z0-9](?<![\w][A-Z0-9])[A-Z0-9]*(?:[ \t]+[A-Z0-9]+(?![\w])){2,}")


def _acronym_class(char: str) -> str:
    if "A" <= char <= "Z":
        return "A"
    if "0" <= char <= "9":
        return "0"
    if char == "s":
        return "s"
    return "a" if char.isalnum() or char == "_" else " "


# An ASCII text read as the classes `_ACRONYM` tells apart: a capital letter "A", a digit
# "0", "s", any other word character "a", anything else " ". In that text the pattern
# starts with a literal, which the search finds several times faster than a capital.
_ACRONYM_CLASSES = "".join(_acronym_class(chr(code)) for code in range(128)).encode() + b" " * 128
_ACRONYM_IN_CLASSES = re.compile(r"(A(?<![\w]A)[A0][A0]{0,4})s?(?![\w])")


def acronym_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, end of the name) of each match of the acronym pattern, in text order:
    "KTLOs" is a match whose name is "KTLO"."""
    if text.isascii():
        classes = text.encode("ascii").translate(_ACRONYM_CLASSES).decode("ascii")
        found = _ACRONYM_IN_CLASSES.finditer(classes)
    else:
        found = _ACRONYM.finditer(text)
    return [(match.start(), match.end(), match.end(1)) for match in found]


@dataclass(frozen=True, slots=True)
class Candidate:
    segment: Segment
    start: int
    end: int  # the plural "s" of an acronym included
    name: str  # the candidate itself: "KTLO" for "KTLOs"


def find_candidates(segment: Segment, settings: JargonSettings) -> Iterator[Candidate]:
    """Jargon-like words in one segment, in text order."""
    for start, end, name in candidate_spans(segment.text, settings):
        yield Candidate(segment, start, end, name)


def candidate_spans(text: str, settings: JargonSettings) -> list[tuple[int, int, str]]:
    """(start, end, name) of the jargon-like words in `text`, in text order.

    No candidate holds a non-word character, nor does any shouted run hold a line break,
    so over texts joined by a line break this finds what it finds in each of them."""
    found: list[tuple[int, int, str]] = []
    kinds = 0  # how many patterns found something: each one's matches are in order
    if settings.ops_suffix and "Ops" in text:
        found.extend(
            (match.start(), match.end(), match.group(1)) for match in _OPS_WORD.finditer(text)
        )
        kinds += bool(found)
    if settings.acronyms:
        acronyms = acronym_spans(text)
        if acronyms:
            found.extend(_not_shouted(text, acronyms))
            kinds += 1
    if settings.camel_case:
        camel = [
            (match.start(), match.end(), match.group(1))
            for match in _CAMEL_CASE.finditer(text)
            if not (match.group(1).endswith("Ops") and settings.ops_suffix)
        ]
        found.extend(camel)
        kinds += bool(camel)
    if kinds < 2:
        return found  # one pattern's matches: in order, none overlapping
    found.sort(key=lambda candidate: (candidate[0], -candidate[1]))
    kept: list[tuple[int, int, str]] = []
    last_end = -1
    for candidate in found:
        if candidate[0] >= last_end:
            kept.append(candidate)
            last_end = candidate[1]
    return kept


def _not_shouted(text: str, acronyms: list[tuple[int, int, int]]) -> Iterator[tuple[int, int, str]]:
    """The acronyms that start outside every shouted run (both in text order)."""
    runs = [run.span() for run in _SHOUTED_RUN.finditer(text)]
    if not runs:
        for start, end, name_end in acronyms:
            yield start, end, text[start:name_end]
        return
    index = 0
    for start, end, name_end in acronyms:
        while index < len(runs) and runs[index][1] <= start:
            index += 1
        if index < len(runs) and runs[index][0] <= start:
            continue
        yield start, end, text[start:name_end]


class Definitions:
    """`find_definition` over one text, for many names: a name is searched for only when
    the text has a word that could be its definition's anchor.

    Both definition shapes put the name (or its plural) as a whole word right before a
    parenthesis ("KTLO (Keep The Lights On)") or alone inside parentheses ("(KTLO)"), so
    one pass that lists those words rules out most names without a search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._anchors: frozenset[str] | None = None

    def find(self, name: str) -> str | None:
        if self._anchors is None:
            self._anchors = _anchor_words(self.text)
        if name not in self._anchors and name + "s" not in self._anchors:
            return None
        return find_definition(self.text, name)


# Searched in the reversed text, where both start with a parenthesis, a literal the
# search skips ahead to (forwards, a word-first pattern is tried at every character):
# a word right before "(", and a word alone inside "( )", each read backwards.
_WORD_BEFORE_PARENTHESIS = re.compile(r"\(\s*(\w+)")
_WORD_IN_PARENTHESES = re.compile(r"\)\s*(\w+)\s*\(")


def _anchor_words(text: str) -> frozenset[str]:
    if "(" not in text:
        return frozenset()
    backwards = text[::-1]
    words = _WORD_BEFORE_PARENTHESIS.findall(backwards)
    words += _WORD_IN_PARENTHESES.findall(backwards)
    return frozenset(word[::-1] for word in words)


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
_CHAIN_RUN = re.compile(r"[\w'’\-\s]*")  # what a run of words and spaces is made of


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
    backwards = ""  # the text reversed, made at the first `(NAME)`
    for tail in _closing(escaped).finditer(text):
        if not backwards:
            backwards = text[::-1]
        # the run of chain characters that ends at the `(`, read backwards in one match
        run = _CHAIN_RUN.match(backwards, len(text) - tail.start())
        assert run is not None  # the pattern matches the empty string
        start = tail.start() - (run.end() - run.start())
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
