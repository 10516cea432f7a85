"""Glossary entries and patterns: YAML nodes -> validated frozen records, merged in order."""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from termlint import packs
from termlint.errors import GlossaryError
from termlint.model import Severity


class Status(enum.Enum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    status: Status = Status.PREFERRED
    definition: str | None = None
    variants: tuple[str, ...] = ()
    abbreviation: str | None = None
    replace_with: tuple[str, ...] = ()
    meanings: tuple[str, ...] = ()
    see: str | None = None
    tags: tuple[str, ...] = ()
    message: str | None = None
    is_case_sensitive: bool = False
    origin: str = ""  # "path:line" of the entry, for messages


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    regex: str
    message: str
    severity: Severity = Severity.WARNING
    ignorecase: bool = False
    replace_with: tuple[str, ...] = ()
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Glossary:
    entries: tuple[Entry, ...] = ()
    allow: tuple[str, ...] = ()
    patterns: tuple[Pattern, ...] = ()
    warnings: tuple[str, ...] = ()  # merge notes, e.g. a form claimed by two files


BUILTIN_PREFIX = "builtin:"


def normalize_form(form: str) -> str:
    """The key two forms clash on: casefolded, whitespace runs folded to one space."""
    return " ".join(form.casefold().split())


def surface_forms(entry: Entry) -> tuple[str, ...]:
    """Every written form that points at the entry: term, variants, abbreviation."""
    forms = (entry.term, *entry.variants, *((entry.abbreviation,) if entry.abbreviation else ()))
    return tuple(dict.fromkeys(forms))


def fold_whitespace(text: str) -> str:
    """Trimmed, with every whitespace run folded to one space."""
    return " ".join(text.split())


# --- loading -----------------------------------------------------------------------------


def load_glossaries(sources: Sequence[str]) -> Glossary:
    """Load each file path or `builtin:NAME` and merge them in the order given."""
    return parse_glossaries([(source, read_glossary_source(source)) for source in sources])


def read_glossary_source(source: str) -> bytes:
    """The bytes of a file path or `builtin:NAME`; GlossaryError when there are none."""
    if source.startswith(BUILTIN_PREFIX):
        return packs.resolve(source.removeprefix(BUILTIN_PREFIX)).read_bytes()
    return _read_bytes(Path(source), source)


def parse_glossaries(read: Sequence[tuple[str, bytes]]) -> Glossary:
    """Validate each (source, bytes) and merge them in order."""
    loaded: list[tuple[str, Glossary]] = []
    for source, data in read:
        if source.startswith(BUILTIN_PREFIX):
            glossary = load_glossary_text(data.decode("utf-8"), source)
        else:
            glossary = load_glossary_text(decode_glossary(data, source), source)
        loaded.append((source, glossary))
    return merge_glossaries(loaded)


def load_glossary_file(path: Path, display: str | None = None) -> Glossary:
    """Read and validate one file; `display` is the name shown in errors (default: the path)."""
    name = str(path) if display is None else display
    return load_glossary_text(decode_glossary(_read_bytes(path, name), name), name)


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise GlossaryError(f"cannot read glossary: {reason}", path=name) from None


def decode_glossary(data: bytes, name: str) -> str:
    """A glossary file's text: UTF-8, a BOM dropped; else an error at the first bad byte."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        message = f"not valid UTF-8 (byte 0x{data[exc.start]:02x})"
        raise GlossaryError(message, path=name, line=line, column=column) from None
    return text


def load_glossary_text(text: str, name: str) -> Glossary:
    """Validate one glossary; `name` is the path shown in errors and in each origin."""
    # Imported here: glossary_yaml builds this module's records, so it imports this module.
    from termlint.glossary_yaml import read_glossary

    return read_glossary(text, name)


# --- merging -----------------------------------------------------------------------------


def merge_glossaries(glossaries: Sequence[tuple[str, Glossary]]) -> Glossary:
    """SPEC §1: merge (name, glossary) pairs in order; later files win.

    An entry whose term equals an earlier one's (case-insensitively) replaces it and takes
    its place at the end, with the rest of its own file: so the merged order is always file
    order, and "the last entry that claims a form" is always the one from the later file.
    A pattern with an earlier pattern's id moves to the end the same way.
    """
    entries: dict[str, tuple[str, Entry]] = {}
    allow: dict[str, None] = {}
    patterns: dict[str, Pattern] = {}
    warnings: dict[str, None] = {}
    for name, glossary in glossaries:
        for entry in glossary.entries:
            key = normalize_form(entry.term)
            entries.pop(key, None)
            entries[key] = (name, entry)
        allow.update(dict.fromkeys(glossary.allow))
        for pattern in glossary.patterns:
            patterns.pop(pattern.id, None)
            patterns[pattern.id] = pattern
        warnings.update(dict.fromkeys(glossary.warnings))
    warnings.update(dict.fromkeys(_claim_warnings(list(entries.values()))))
    return Glossary(
        entries=tuple(entry for _, entry in entries.values()),
        allow=tuple(allow),
        patterns=tuple(patterns.values()),
        warnings=tuple(warnings),
    )


def _claim_warnings(entries: list[tuple[str, Entry]]) -> Iterator[str]:
    """A form claimed by entries of different terms in different files goes to the last."""
    claims: dict[str, list[tuple[str, Entry, str]]] = {}
    for name, entry in entries:
        forms: dict[str, str] = {}
        for form in surface_forms(entry):
            forms.setdefault(normalize_form(form), form)
        for key, form in forms.items():
            claims.setdefault(key, []).append((name, entry, form))
    for group in claims.values():
        files = {name for name, _, _ in group}
        if len(group) < 2 or len(files) < 2:
            continue
        parties = [f"{entry.term!r} ({name})" for name, entry, _ in group]
        listed = ", ".join(parties[:-1]) + " and " + parties[-1]
        winner_name, _, winner_form = group[-1]
        yield f"form {winner_form!r} is claimed by {listed}; {winner_name} wins"
