"""Glossary records <-> the plain field mappings of the glossary file format (SPEC §1).

The YAML writer, the JSON export and the CSV format all speak in these field names, so
what one of them writes, the loader reads back as the same records.
"""

from __future__ import annotations

from typing import Any

from termlint.glossary import Entry, Glossary, Pattern, Status
from termlint.model import Severity

ENTRY_FIELDS = (
    "term",
    "status",
    "definition",
    "abbreviation",
    "variants",
    "replace_with",
    "meanings",
    "see",
    "tags",
    "message",
    "case_sensitive",
)
LIST_FIELDS = frozenset({"variants", "replace_with", "meanings", "tags"})


def default_case_sensitive(term: str) -> bool:
    """SPEC §1: a term with an uppercase letter is case-sensitive unless told otherwise."""
    return any(char.isupper() for char in term)


def entry_fields(entry: Entry, *, complete: bool = False) -> dict[str, Any]:
    """The entry as glossary-file fields, in file order.

    Short form (the default): only what differs from the defaults, as a person would write
    it. `complete`: every field, with `None`/`[]` for absent values and an explicit
    `case_sensitive` (the JSON export's uniform objects).
    """
    values: dict[str, Any] = {
        "term": entry.term,
        "status": entry.status.value,
        "definition": entry.definition,
        "abbreviation": entry.abbreviation,
        "variants": list(entry.variants),
        "replace_with": list(entry.replace_with),
        "meanings": list(entry.meanings),
        "see": entry.see,
        "tags": list(entry.tags),
        "message": entry.message,
        "case_sensitive": entry.is_case_sensitive,
    }
    if complete:
        return values
    if entry.status is Status.PREFERRED:
        del values["status"]
    if entry.is_case_sensitive == default_case_sensitive(entry.term):
        del values["case_sensitive"]
    return {key: value for key, value in values.items() if value not in (None, [])}


def pattern_fields(pattern: Pattern, *, complete: bool = False) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": pattern.id,
        "regex": pattern.regex,
        "message": pattern.message,
        "severity": pattern.severity.value,
        "ignorecase": pattern.ignorecase,
        "replace_with": list(pattern.replace_with),
    }
    if complete:
        return values
    if pattern.severity is Severity.WARNING:
        del values["severity"]
    if not pattern.ignorecase:
        del values["ignorecase"]
    if not pattern.replace_with:
        del values["replace_with"]
    return values


def glossary_fields(glossary: Glossary, *, complete: bool = False) -> dict[str, Any]:
    """The whole glossary as a glossary file's top-level mapping."""
    values: dict[str, Any] = {"version": 1}
    if complete or glossary.entries:
        values["terms"] = [entry_fields(entry, complete=complete) for entry in glossary.entries]
    if complete or glossary.allow:
        values["allow"] = list(glossary.allow)
    if complete or glossary.patterns:
        values["patterns"] = [
            pattern_fields(pattern, complete=complete) for pattern in glossary.patterns
        ]
    return values
