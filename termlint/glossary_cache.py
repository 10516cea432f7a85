"""The compiled-glossary cache: a merged glossary kept as JSON beside the results cache.

Validating a glossary means composing its YAML with every node's position (for
file:line:col errors), which costs about 0.2 ms an entry: 2 s for a 10,000-term glossary,
and most of a one-file pre-commit run even for a few hundred terms. The merged glossary
is a pure function of the glossary sources' bytes and of termlint's own code, so it is
stored under a key made of exactly those, and read back as plain JSON when the key
matches. Only a glossary that loaded without error is stored; a glossary that fails
is read (and reported) from its YAML on every run.

The file lives in the user's folder, so it is read as untrusted data (cache_files.py):
every field is checked for its type, and anything unexpected makes it a miss (with a
warning), never a crash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from termlint.cache import run_key
from termlint.cache_files import (
    json_list,
    json_string,
    json_strings,
    keyed_file,
    read_keyed,
    write_keyed,
)
from termlint.glossary import (
    Entry,
    Glossary,
    Pattern,
    Status,
    parse_glossaries,
    read_glossary_source,
)
from termlint.model import Severity

KIND = "glossary"
GLOSSARY_FILE = "glossary.json"  # the file cache_files.py keeps KIND in
FORMAT = 1

Warn = Callable[[str], None]


def sources_key(sources: Sequence[str]) -> str:
    """The key of these glossary sources as they are now (GlossaryError if one is missing)."""
    return _key([(source, read_glossary_source(source)) for source in sources])


def _key(read: Sequence[tuple[str, bytes]]) -> str:
    digests = [(source, hashlib.sha256(data).hexdigest()) for source, data in read]
    return run_key("glossary", FORMAT, digests)


def load_glossaries_cached(
    sources: Sequence[str], folder: Path, warn: Warn, *, shown: str | None = None
) -> tuple[Glossary, str]:
    """`load_glossaries(sources)`, served from `folder` when its sources are unchanged,
    and the key that stands for it; `shown` is the cache file's name in warnings.

    Each source is read once: the glossary stored is the one parsed from the very bytes
    its key was made of, even when a file changes while termlint runs."""
    read = [(source, read_glossary_source(source)) for source in sources]
    key = _key(read)
    shown = shown or str(keyed_file(folder, KIND))
    stored = read_keyed(folder, KIND, FORMAT, key, decode, warn, shown)
    if stored is not None:
        return stored, key
    glossary = parse_glossaries(read)  # raises on a bad glossary: nothing is stored
    write_keyed(folder, KIND, FORMAT, key, encode(glossary))
    return glossary, key


# --- Glossary <-> JSON -------------------------------------------------------------------


def encode(glossary: Glossary) -> dict[str, Any]:
    return {
        "entries": [_encode_entry(entry) for entry in glossary.entries],
        "allow": list(glossary.allow),
        "patterns": [_encode_pattern(pattern) for pattern in glossary.patterns],
        "warnings": list(glossary.warnings),
    }


def decode(data: Any) -> Glossary:
    """The glossary `encode` stored; ValueError (or a lookup error) if it has another shape."""
    if not isinstance(data, dict):
        raise ValueError("the glossary is not a mapping")
    return Glossary(
        entries=tuple(_decode_entry(item) for item in json_list(data["entries"])),
        allow=json_strings(data["allow"]),
        patterns=tuple(_decode_pattern(item) for item in json_list(data["patterns"])),
        warnings=json_strings(data["warnings"]),
    )


def _encode_entry(entry: Entry) -> list[Any]:
    return [
        entry.term,
        entry.status.value,
        entry.definition,
        list(entry.variants),
        entry.abbreviation,
        list(entry.replace_with),
        list(entry.meanings),
        entry.see,
        list(entry.tags),
        entry.message,
        entry.is_case_sensitive,
        entry.origin,
    ]


_STATUSES = {status.value: status for status in Status}
_SEVERITIES = {severity.value: severity for severity in Severity}


def _decode_entry(item: Any) -> Entry:
    # the shape checks inline and Entry's fields by position: a glossary of 10,000 terms
    # decodes 20,000 entries, and the calls were most of its cost
    (term, status, definition, variants, abbreviation, replace_with) = json_list(item, 12)[:6]
    (meanings, see, tags, message, is_case_sensitive, origin) = item[6:]
    if type(is_case_sensitive) is not bool:
        raise ValueError("an entry has an unexpected shape")
    if not (
        type(term) is str
        and type(origin) is str
        and _ONLY_OPTIONAL_STR.issuperset(map(type, (definition, abbreviation, see, message)))
    ):
        raise ValueError("a text has an unexpected type")
    return Entry(
        term,
        _STATUSES[status],
        definition,
        _strings(variants),
        abbreviation,
        _strings(replace_with),
        _strings(meanings),
        see,
        _strings(tags),
        message,
        is_case_sensitive,
        origin,
    )


_ONLY_OPTIONAL_STR = frozenset({str, type(None)})


def _strings(value: Any) -> tuple[str, ...]:
    """`json_strings`, with the usual empty list answered at once."""
    return () if value == [] and type(value) is list else json_strings(value)


def _encode_pattern(pattern: Pattern) -> list[Any]:
    return [
        pattern.id,
        pattern.regex,
        pattern.message,
        pattern.severity.value,
        pattern.ignorecase,
        list(pattern.replace_with),
        pattern.origin,
    ]


def _decode_pattern(item: Any) -> Pattern:
    (pattern_id, regex, message, severity, ignorecase, replace_with, origin) = json_list(item, 7)
    if type(ignorecase) is not bool:
        raise ValueError("a pattern has an unexpected shape")
    return Pattern(
        id=json_string(pattern_id),
        regex=json_string(regex),
        message=json_string(message),
        severity=_SEVERITIES[severity],
        ignorecase=ignorecase,
        replace_with=json_strings(replace_with),
        origin=json_string(origin),
    )
