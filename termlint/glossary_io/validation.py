"""`termlint glossary validate`: every problem of each glossary file and of their merge.

Per file: everything the loader checks (collected, not stopped at the first), plus
`see` links that are not http(s) URLs. Across the files, merged in order (SPEC §1):
a form claimed by entries of different terms in different files (a warning at the
later claim, which wins), a variant in a later file that is an earlier file's term
(an error: the variant would report that term), and meanings of ambiguous terms that
are not themselves terms (a warning: the reader cannot look them up).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from termlint.errors import TermlintError
from termlint.glossary import Entry, Status, normalize_form
from termlint.glossary_yaml import CheckedGlossary, EntryPlaces, Place, check_glossary
from termlint.model import Severity

_URL = re.compile(r"https?://[^\s/?#]+\S*")


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    column: int | None
    severity: Severity
    message: str

    def render(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        return f"{where}: {self.severity.value}: {self.message}"

    @classmethod
    def from_error(cls, error: TermlintError, fallback_path: str) -> Problem:
        return cls(
            error.path or fallback_path, error.line, error.column, Severity.ERROR, error.message
        )


@dataclass(frozen=True, slots=True)
class Checked:
    name: str
    result: CheckedGlossary


def validate_texts(sources: Sequence[tuple[str, str]]) -> list[Problem]:
    """Problems of the (name, text) glossaries, in file order, then line and column."""
    checked = [Checked(name, check_glossary(text, name)) for name, text in sources]
    problems: list[Problem] = []
    for item in checked:
        problems.extend(Problem.from_error(error, item.name) for error in item.result.problems)
        problems.extend(_link_problems(item))
    problems.extend(_merge_problems(checked))
    order = {name: index for index, (name, _) in enumerate(sources)}
    return sorted(
        problems,
        key=lambda p: (order.get(p.path, len(order)), p.line or 0, p.column or 0, p.message),
    )


def _at(name: str, place: Place | None, severity: Severity, message: str) -> Problem:
    line = place.line if place else None
    column = place.column if place else None
    return Problem(name, line, column, severity, message)


def _pairs(item: Checked) -> Iterator[tuple[Entry, EntryPlaces]]:
    return zip(item.result.glossary.entries, item.result.places, strict=True)


def _link_problems(item: Checked) -> Iterator[Problem]:
    for entry, places in _pairs(item):
        if entry.see is not None and not _URL.fullmatch(entry.see):
            yield _at(
                item.name,
                places.see,
                Severity.ERROR,
                f"'see' must be an http or https URL, not {entry.see!r}",
            )


@dataclass(frozen=True, slots=True)
class _Claim:
    name: str
    entry: Entry
    kind: str  # "term", "variant" or "abbreviation"
    place: Place


def _forms(entry: Entry, places: EntryPlaces) -> Iterator[tuple[str, str, Place]]:
    yield entry.term, "term", places.term
    yield from ((v, "variant", p) for v, p in zip(entry.variants, places.variants, strict=False))
    if entry.abbreviation and places.abbreviation:
        yield entry.abbreviation, "abbreviation", places.abbreviation


def _merge_problems(checked: Sequence[Checked]) -> Iterator[Problem]:
    claims: dict[str, _Claim] = {}
    survivors: dict[str, tuple[str, Entry, EntryPlaces]] = {}  # by term, after redefinition
    for item in checked:
        for entry, places in _pairs(item):
            term_key = normalize_form(entry.term)
            if (earlier := survivors.get(term_key)) is not None:
                # SPEC §1: the later entry replaces it, forms and all.
                for form, _, _ in _forms(earlier[1], earlier[2]):
                    claim = claims.get(normalize_form(form))
                    if claim is not None and claim.entry is earlier[1]:
                        del claims[normalize_form(form)]
            survivors[term_key] = (item.name, entry, places)
            for form, kind, place in _forms(entry, places):
                key = normalize_form(form)
                prior = claims.get(key)
                if prior is not None and prior.name != item.name:
                    yield _clash(item.name, form, kind, place, prior)
                claims[key] = _Claim(item.name, entry, kind, place)
    terms = set(survivors)
    for name, entry, places in survivors.values():
        if entry.status is not Status.AMBIGUOUS:
            continue
        for meaning, place in zip(entry.meanings, places.meanings, strict=False):
            if normalize_form(meaning) not in terms:
                yield _at(
                    name,
                    place,
                    Severity.WARNING,
                    f"meaning {meaning!r} of the ambiguous term {entry.term!r} is not a term"
                    " in the glossary (add an entry, so readers can look it up)",
                )


def _clash(name: str, form: str, kind: str, place: Place, prior: _Claim) -> Problem:
    where = f"{prior.name}:{prior.place.line}:{prior.place.column}"
    if kind == "variant" and prior.kind == "term":
        return _at(
            name,
            place,
            Severity.ERROR,
            f"variant {form!r} is the term {prior.entry.term!r} ({where}):"
            " it would report that term as a variant",
        )
    return _at(
        name,
        place,
        Severity.WARNING,
        f"{kind} {form!r} is already {_article(prior.kind)} {prior.kind} of"
        f" {prior.entry.term!r} ({where});"
        " this later file's entry wins",
    )


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
