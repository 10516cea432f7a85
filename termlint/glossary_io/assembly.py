"""Importers' raw records -> a glossary file that the loader accepts, and a report.

Every importer (CSV, TBX, Vale, textlint) yields `Imported` records. Other tools allow
what a termlint glossary does not (one form claimed by two entries, a replacement that is
itself flagged), so `assemble` settles each such clash the way a person would (merge
the same term, keep the first claim on a form, drop a flagged replacement) and notes it.
It then renders the YAML and validates it with the loader itself: anything the loader
still refuses is left out with the loader's own message, so the output always loads and
nothing disappears without a line in the report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from termlint.errors import GlossaryError
from termlint.glossary import Entry, Glossary, Pattern, Status, normalize_form
from termlint.glossary_io.yaml_writer import ENTRY_START, PATTERN_START, render_yaml
from termlint.glossary_yaml import check_glossary

_REPORTED = (Status.DEPRECATED, Status.FORBIDDEN, Status.AMBIGUOUS)
_MAX_ROUNDS = 50


@dataclass(frozen=True, slots=True)
class Imported:
    """What an importer read; each record's `origin` names where it came from."""

    entries: tuple[Entry, ...] = ()
    allow: tuple[str, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    notes: tuple[str, ...] = ()  # what could not be converted, one sentence each


@dataclass(frozen=True, slots=True)
class ImportResult:
    glossary: Glossary
    text: str  # the glossary file
    notes: tuple[str, ...]


def combine(parts: Iterable[Imported]) -> Imported:
    entries: list[Entry] = []
    allow: list[str] = []
    patterns: list[Pattern] = []
    notes: list[str] = []
    for part in parts:
        entries.extend(part.entries)
        allow.extend(part.allow)
        patterns.extend(part.patterns)
        notes.extend(part.notes)
    return Imported(tuple(entries), tuple(allow), tuple(patterns), tuple(notes))


def assemble(imported: Imported, header: str = "") -> ImportResult:
    """Reconcile, render and verify; `header` becomes the file's leading comment."""
    notes = list(imported.notes)
    entries = _merge_same_terms([_tidy(entry) for entry in imported.entries], notes)
    entries = _claim_forms(entries, notes)
    entries = _drop_flagged_replacements(entries, notes)
    allow = _allow_words(imported.allow, notes)
    patterns = _unique_ids(imported.patterns)
    glossary = Glossary(entries=tuple(entries), allow=allow, patterns=tuple(patterns))
    for _ in range(_MAX_ROUNDS):
        text = render_yaml(glossary, header)
        checked = check_glossary(text, "imported glossary")
        if not checked.problems:
            return ImportResult(checked.glossary, text, tuple(notes))
        glossary = _leave_out(glossary, text, checked.problems, notes)
    raise AssertionError("the imported glossary did not settle")  # pragma: no cover


def note(origin: str, message: str) -> str:
    return f"{origin}: {message}" if origin else message


# --- reconciling ---------------------------------------------------------------------------


def _tidy(entry: Entry) -> Entry:
    """Drop forms that repeat the term (wrong casing is reported anyway) and repeats.

    Forms are compared as the loader does: folded case for a case-insensitive term; for
    a case-sensitive one, lower case, as the matcher keys forms ("Strasse" is a variant
    of "Straße", "STRASSE" only a wrong casing).
    """
    key_of = _lowered if entry.is_case_sensitive else normalize_form
    term_key = key_of(entry.term)
    abbreviation = entry.abbreviation
    if abbreviation is not None and key_of(abbreviation) == term_key:
        abbreviation = None
    taken = {term_key} | ({key_of(abbreviation)} if abbreviation else set())
    variants: list[str] = []
    for variant in entry.variants:
        key = key_of(variant)
        if key not in taken:
            taken.add(key)
            variants.append(variant)
    replace_with = [item for item in dict.fromkeys(entry.replace_with) if item != entry.term]
    return dataclasses.replace(
        entry,
        abbreviation=abbreviation,
        variants=tuple(variants),
        replace_with=tuple(replace_with),
        meanings=tuple(dict.fromkeys(entry.meanings)),
        tags=tuple(dict.fromkeys(entry.tags)),
    )


def _lowered(form: str) -> str:
    return " ".join(form.lower().split())


def _merge_same_terms(entries: list[Entry], notes: list[str]) -> list[Entry]:
    """Entries for the same term become one, unless they disagree on what the term is."""
    merged: list[Entry] = []
    index: dict[str, int] = {}
    for entry in entries:
        key = normalize_form(entry.term)
        if key not in index:
            index[key] = len(merged)
            merged.append(entry)
            continue
        first = merged[index[key]]
        if not _agree(first, entry):
            notes.append(
                note(
                    entry.origin,
                    f"left out {entry.status.value} term {entry.term!r}: {first.origin}"
                    f" already makes {first.term!r} {_kind(first)}",
                )
            )
            continue
        merged[index[key]] = _merged(first, entry, notes)
    return merged


def _agree(first: Entry, other: Entry) -> bool:
    """Two entries for one term can merge: same status, and casing matters to neither
    or they write the term alike."""
    if first.status is not other.status:
        return False
    either_sensitive = first.is_case_sensitive or other.is_case_sensitive
    return first.term == other.term or not either_sensitive


def _kind(entry: Entry) -> str:
    sensitivity = "case-sensitive" if entry.is_case_sensitive else "case-insensitive"
    return f"a {sensitivity} {entry.status.value} term"


def _merged(first: Entry, other: Entry, notes: list[str]) -> Entry:
    def pick(name: str, mine: str | None, theirs: str | None) -> str | None:
        if mine is not None and theirs is not None and mine != theirs:
            notes.append(
                note(
                    other.origin,
                    f"left out the {name} {theirs!r} of {other.term!r}:"
                    f" {first.origin} gives {mine!r}",
                )
            )
        return mine if mine is not None else theirs

    return _tidy(
        dataclasses.replace(
            first,
            is_case_sensitive=first.is_case_sensitive or other.is_case_sensitive,
            variants=first.variants + other.variants,
            replace_with=first.replace_with + other.replace_with,
            meanings=first.meanings + other.meanings,
            tags=first.tags + other.tags,
            definition=pick("definition", first.definition, other.definition),
            see=pick("see", first.see, other.see),
            message=pick("message", first.message, other.message),
            abbreviation=pick("abbreviation", first.abbreviation, other.abbreviation),
        )
    )


def _claim_forms(entries: list[Entry], notes: list[str]) -> list[Entry]:
    """SPEC §1: a form belongs to one entry; the first to claim it keeps it."""
    owners: dict[str, Entry] = {}
    kept: list[Entry] = []
    for entry in entries:
        owner = owners.get(normalize_form(entry.term))
        if owner is not None:
            notes.append(
                note(
                    entry.origin,
                    f"left out {entry.status.value} term {entry.term!r}: it is already a form"
                    f" of {owner.term!r} ({owner.origin})",
                )
            )
            continue
        abbreviation = entry.abbreviation
        if abbreviation is not None and (owner := owners.get(normalize_form(abbreviation))):
            notes.append(
                note(
                    entry.origin,
                    f"left out abbreviation {abbreviation!r} of {entry.term!r}: it is already"
                    f" a form of {owner.term!r} ({owner.origin})",
                )
            )
            abbreviation = None
        variants: list[str] = []
        for variant in entry.variants:
            if (owner := owners.get(normalize_form(variant))) is not None:
                notes.append(
                    note(
                        entry.origin,
                        f"left out variant {variant!r} of {entry.term!r}: it is already a form"
                        f" of {owner.term!r} ({owner.origin})",
                    )
                )
                continue
            variants.append(variant)
        entry = dataclasses.replace(entry, abbreviation=abbreviation, variants=tuple(variants))
        for form in (entry.term, *variants, *([abbreviation] if abbreviation else [])):
            owners[normalize_form(form)] = entry
        kept.append(entry)
    return kept


def _drop_flagged_replacements(entries: list[Entry], notes: list[str]) -> list[Entry]:
    """A replacement that is itself reported would make `--fix` rewrite its own output."""
    exact = {entry.term for entry in entries if entry.status not in _REPORTED}
    flagged: dict[str, str] = {}
    for entry in entries:
        if entry.status in _REPORTED:
            flagged[normalize_form(entry.term)] = f"the {entry.status.value} term {entry.term!r}"
        for variant in entry.variants:
            flagged.setdefault(normalize_form(variant), f"a variant of {entry.term!r}")
    kept: list[Entry] = []
    for entry in entries:
        replacements: list[str] = []
        for item in entry.replace_with:
            reason = flagged.get(normalize_form(item))
            if reason is not None and item not in exact:
                notes.append(
                    note(
                        entry.origin,
                        f"left out replacement {item!r} of {entry.term!r}: it is {reason}",
                    )
                )
                continue
            replacements.append(item)
        kept.append(dataclasses.replace(entry, replace_with=tuple(replacements)))
    return kept


def _allow_words(words: Iterable[str], notes: list[str]) -> tuple[str, ...]:
    kept: dict[str, None] = {}
    for word in words:
        folded = " ".join(word.split())
        if any(char.isalnum() for char in folded):
            kept.setdefault(folded, None)
        else:
            notes.append(f"left out allowed word {word!r}: it has no letter or digit")
    return tuple(kept)


def _unique_ids(patterns: Iterable[Pattern]) -> list[Pattern]:
    seen: set[str] = set()
    unique: list[Pattern] = []
    for pattern in patterns:
        pattern_id = pattern.id
        number = 2
        while pattern_id in seen:
            pattern_id = f"{pattern.id}-{number}"
            number += 1
        seen.add(pattern_id)
        unique.append(dataclasses.replace(pattern, id=pattern_id))
    return unique


# --- the loader's last word ------------------------------------------------------------------


def _leave_out(
    glossary: Glossary, text: str, problems: Iterable[GlossaryError], notes: list[str]
) -> Glossary:
    """Drop each entry or pattern the loader reported a problem in, noting the problem."""
    records = _record_lines(text)
    bad: dict[tuple[str, int], str] = {}
    for problem in problems:
        line = problem.line or 0
        owner = next((key for key, (start, end) in records.items() if start <= line < end), None)
        if owner is None:
            raise AssertionError(f"imported glossary: {problem}")  # pragma: no cover
        bad.setdefault(owner, problem.message)
    for (kind, position), message in sorted(bad.items()):
        if kind == "term":
            entry = glossary.entries[position]
            notes.append(note(entry.origin, f"left out term {entry.term!r}: {message}"))
        else:
            pattern = glossary.patterns[position]
            notes.append(note(pattern.origin, f"left out pattern {pattern.id!r}: {message}"))
    return dataclasses.replace(
        glossary,
        entries=tuple(e for i, e in enumerate(glossary.entries) if ("term", i) not in bad),
        patterns=tuple(p for i, p in enumerate(glossary.patterns) if ("pattern", i) not in bad),
    )


def _record_lines(text: str) -> dict[tuple[str, int], tuple[int, int]]:
    """Each entry's and pattern's lines in the rendered file: (kind, index) -> [start, end)."""
    records: dict[tuple[str, int], tuple[int, int]] = {}
    counts = {"term": 0, "pattern": 0}
    open_record: tuple[str, int] | None = None
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        kind = (
            "term"
            if line.startswith(ENTRY_START)
            else "pattern"
            if line.startswith(PATTERN_START)
            else None
        )
        is_top_level = bool(line) and not line[0].isspace() and not line.startswith("#")
        if (kind or is_top_level) and open_record is not None:
            records[open_record] = (records[open_record][0], number)
            open_record = None
        if kind is not None:
            open_record = (kind, counts[kind])
            counts[kind] += 1
            records[open_record] = (number, number + 1)
    if open_record is not None:
        records[open_record] = (records[open_record][0], len(lines) + 1)
    return records
