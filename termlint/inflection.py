"""Building replacement text that keeps the ending, capitalisation and whitespace (SPEC §2)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_POSSESSIVES = ("'s", "’s")


def pluralize(word: str) -> str:
    """English plural of a replacement: +es after s, x, z, ch, sh; consonant+y -> ies; else +s."""
    lower = word.lower()
    if lower.endswith(_SIBILANT_ENDINGS):
        return word + "es"
    if len(word) >= 2 and lower.endswith("y") and lower[-2] not in "aeiou" and lower[-2].isalpha():
        return word[:-1] + "ies"
    return word + "s"


def add_ending(replacement: str, ending: str) -> str:
    """Carry a matched ending over to the replacement: plural or the same possessive."""
    if ending in _POSSESSIVES:
        return replacement + ending
    if ending in ("s", "es", "ies"):
        return pluralize(replacement)
    return replacement


def _first_letter(text: str) -> str | None:
    return next((char for char in text if char.isalpha()), None)


def _capitalize_first(word: str) -> str:
    for index, char in enumerate(word):
        if char.isalpha():
            return word[:index] + char.upper() + word[index + 1 :]
    return word


def _starts_upper(word: str) -> bool:
    letter = _first_letter(word)
    return letter is not None and letter.isupper()


def carry_case(matched: str, replacement: str) -> str:
    """Give a case-insensitive term's replacement the capitalisation of the matched text."""
    letters = [char for char in matched if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return replacement.upper()
    words = matched.split()
    if len(words) >= 2 and all(_starts_upper(word) for word in words):
        return " ".join(_capitalize_first(word) for word in replacement.split(" "))
    if _starts_upper(matched):
        return _capitalize_first(replacement)
    return replacement


def reuse_separators(replacement: str, separators: Sequence[str]) -> str:
    """Put the original span's separators, in order, between the replacement's words."""
    words = replacement.split()
    if not words:
        return replacement
    pieces = [words[0]]
    for index, word in enumerate(words[1:]):
        pieces.append(separators[index] if index < len(separators) else " ")
        pieces.append(word)
    return "".join(pieces)


def build_replacement(
    matched: str,
    replacement: str,
    *,
    ending: str,
    is_case_sensitive: bool,
    separators: Sequence[str] = (),
) -> str:
    """The text that replaces `matched` (whitespace folded) when fixing, SPEC §2."""
    return _build_replacement(matched, replacement, ending, is_case_sensitive, tuple(separators))


# A run meets the same few retired words again and again, in the same spellings.
@functools.lru_cache(maxsize=4096)
def _build_replacement(
    matched: str,
    replacement: str,
    ending: str,
    is_case_sensitive: bool,
    separators: tuple[str, ...],
) -> str:
    text = add_ending(replacement, ending)
    if not is_case_sensitive:
        text = carry_case(matched, text)
    return reuse_separators(text, separators)
