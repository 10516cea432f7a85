"""Which glossary forms can be within a small edit distance of a word, without trying all.

`matching.similar_terms` compares a word with every form: fine for a few hundred forms,
slow for ten thousand and for a run that asks about hundreds of words. This index
narrows the forms to a superset of those within the distance `similar_terms` allows,
in their original order, so that `similar_terms` over the narrowed list returns exactly
what it returns over all forms.

Two strings within optimal-string-alignment distance 1 share a string made by deleting
at most one character from each (a substitution deletes the changed character on both
sides, a swap of neighbours one of the two on each side). So each short form is filed
under itself and its one-character deletions, and a short word looks up the same keys
for itself. Longer words (which allow distance 2) are rare: they get the forms of
nearby lengths, which is still a fraction of the glossary.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

SHORT_WORD = 8  # words this long or shorter allow one edit; longer ones allow two


def allowed_distance(folded_word: str) -> int:
    """The edit distance `similar_terms` accepts for a casefolded word."""
    return 1 if len(folded_word) <= SHORT_WORD else 2


def _deletions(text: str) -> set[str]:
    """`text` and every string made by deleting one of its characters."""
    keys = {text}
    keys.update(text[:index] + text[index + 1 :] for index in range(len(text)))
    return keys


class NearbyIndex(Generic[T]):
    """The forms that may lie within the allowed edit distance of a word."""

    def __init__(self, items: Iterable[T], folded: Sequence[str]) -> None:
        self._items: tuple[T, ...] = tuple(items)
        self._folded = tuple(folded)
        self._by_key: dict[str, list[int]] | None = None
        self._by_length: dict[int, list[int]] | None = None

    def candidates(self, word: str) -> list[T]:
        """A superset of the items within the allowed distance of `word`, in item order."""
        folded = word.casefold()
        if allowed_distance(folded) == 1:
            found: set[int] = set()
            by_key = self._keys()
            for key in _deletions(folded):
                found.update(by_key.get(key, ()))
        else:
            by_length = self._lengths()
            found = set()
            for length in range(len(folded) - 2, len(folded) + 3):
                found.update(by_length.get(length, ()))
        return [self._items[index] for index in sorted(found)]

    def _keys(self) -> dict[str, list[int]]:
        if self._by_key is None:
            by_key: dict[str, list[int]] = {}
            for index, folded in enumerate(self._folded):
                if len(folded) <= SHORT_WORD + 1:  # a short word is at most one longer
                    for key in _deletions(folded):
                        by_key.setdefault(key, []).append(index)
            self._by_key = by_key
        return self._by_key

    def _lengths(self) -> dict[int, list[int]]:
        if self._by_length is None:
            by_length: dict[int, list[int]] = {}
            for index, folded in enumerate(self._folded):
                by_length.setdefault(len(folded), []).append(index)
            self._by_length = by_length
        return self._by_length
