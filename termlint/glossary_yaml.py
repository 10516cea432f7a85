"""One glossary file's YAML nodes -> validated Entry/Pattern records (SPEC §1).

Every error names the file, line and column of the offending key or value. Strings are
trimmed and their whitespace runs folded to one space (messages print on one line), except
a pattern's `regex` and `replace_with`, which are used exactly as written.

`read_glossary` stops at the first problem (what `check` needs); `check_glossary` reads
on past each one, skipping the broken node, and returns every problem with the records
that did validate and where their forms were written (what `glossary validate` needs).
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from termlint.errors import GlossaryError
from termlint.glossary import Entry, Glossary, Pattern, Status, fold_whitespace, normalize_form
from termlint.glossary_patterns import PATTERN_KEYS, RESERVED_RULE_IDS, read_patterns
from termlint.yaml_nodes import NodeReader, SkippedNode, describe, field_value, is_null

__all__ = [
    "PATTERN_KEYS",  # with RESERVED_RULE_IDS, from glossary_patterns, which reads `patterns`
    "RESERVED_RULE_IDS",
    "TERM_KEYS",
    "TOP_KEYS",
    "CheckedGlossary",
    "EntryPlaces",
    "Place",
    "check_glossary",
    "read_glossary",
]

TOP_KEYS = ("version", "terms", "allow", "patterns")
TERM_KEYS = (
    "term",
    "definition",
    "variants",
    "abbreviation",
    "status",
    "replace_with",
    "meanings",
    "see",
    "tags",
    "message",
    "case_sensitive",
)
_REPORTED = (Status.DEPRECATED, Status.FORBIDDEN, Status.AMBIGUOUS)
_START = yaml.Mark("", 0, 0, 0, "", 0)  # line 1, column 1


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value was written: 1-based line and column."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class EntryPlaces:
    """Where one entry's values were written, for `glossary validate` messages."""

    entry: Place
    term: Place
    variants: tuple[Place, ...] = ()
    abbreviation: Place | None = None
    meanings: tuple[Place, ...] = ()
    see: Place | None = None


@dataclass(frozen=True, slots=True)
class CheckedGlossary:
    """Every problem of one file, and the records that validated (places parallel entries)."""

    glossary: Glossary
    problems: tuple[GlossaryError, ...]
    places: tuple[EntryPlaces, ...]


def read_glossary(text: str, name: str) -> Glossary:
    """Validate one glossary; raises GlossaryError at the first problem."""
    glossary, _ = _read(NodeReader(name, GlossaryError), text)
    return glossary


def check_glossary(text: str, name: str) -> CheckedGlossary:
    """Validate one glossary, collecting every problem instead of stopping at the first."""
    reader = NodeReader(name, GlossaryError, collect=True)
    glossary, places = _read(reader, text)
    problems = tuple(p for p in reader.problems if isinstance(p, GlossaryError))
    return CheckedGlossary(glossary, problems, places)


def _read(reader: NodeReader, text: str) -> tuple[Glossary, tuple[EntryPlaces, ...]]:
    try:
        root = reader.compose(text)
        if root is None:
            reader.fail(_START, "the glossary is empty")
        fields = reader.mapping(root, "the glossary", TOP_KEYS)
    except SkippedNode:
        return Glossary(), ()
    version = field_value(fields, "version")
    if version is not None and (number := reader.integer(version)) != 1:
        got = describe(version) if number is None else str(number)
        reader.report(version, f"'version' must be 1, not {got}")
    read: list[tuple[Entry, EntryPlaces]] = []
    with reader.skipping():
        read = _read_terms(reader, field_value(fields, "terms"))
    allow: list[str] = []
    if (allow_node := field_value(fields, "allow")) is not None:
        with reader.skipping():
            for word, node in reader.strings(allow_node, "'allow'"):
                with reader.skipping():
                    allow.append(_word(reader, word, node, "allowed word"))
    patterns: tuple[Pattern, ...] = ()
    with reader.skipping():
        patterns = read_patterns(reader, field_value(fields, "patterns"))
    glossary = Glossary(
        entries=tuple(entry for entry, _ in read),
        allow=tuple(dict.fromkeys(allow)),
        patterns=patterns,
    )
    return glossary, tuple(places for _, places in read)


def _is_empty_list(node: yaml.Node | None) -> bool:
    """No value, or an empty list (a list whose items were all bad is reported already)."""
    return node is None or (isinstance(node, yaml.SequenceNode) and not node.value)


def _place(node: yaml.Node) -> Place:
    return Place(node.start_mark.line + 1, node.start_mark.column + 1)


def _word(reader: NodeReader, text: str, node: yaml.Node, label: str) -> str:
    """A form, replacement or meaning: folded whitespace, at least one letter or digit."""
    folded = fold_whitespace(text)
    if not folded:
        reader.fail(node, f"{label} is empty")
    if not any(char.isalnum() for char in folded):
        reader.fail(node, f"{label} {folded!r} has no letter or digit")
    return folded


@dataclass(frozen=True, slots=True)
class _Site:
    """Where a form or replacement was written, for clash reports."""

    text: str
    node: yaml.Node
    label: str  # "term", "variant", "abbreviation" or "replacement"
    entry: int  # index of its entry in the file


# --- terms -------------------------------------------------------------------------------


def _read_terms(reader: NodeReader, node: yaml.Node | None) -> list[tuple[Entry, EntryPlaces]]:
    if node is None:
        return []
    read: list[tuple[Entry, EntryPlaces]] = []
    sites: list[_Site] = []
    for item in reader.sequence(node, "'terms'"):
        with reader.skipping():
            entry_sites: list[_Site] = []
            read.append(_read_entry(reader, item, len(read), entry_sites))
            sites.extend(entry_sites)  # only an entry that validated takes part in clashes
    entries = [entry for entry, _ in read]
    _check_form_clashes(reader, entries, [s for s in sites if s.label != "replacement"])
    _check_replacements(reader, entries, [s for s in sites if s.label == "replacement"])
    return read


def _read_entry(
    reader: NodeReader, node: yaml.Node, index: int, sites: list[_Site]
) -> tuple[Entry, EntryPlaces]:
    """One term entry; its forms and replacements are appended to `sites`."""
    fields = reader.mapping(node, "term entry", TERM_KEYS)
    if "term" not in fields:
        reader.fail(node, "term entry has no 'term'")
    term_node = fields["term"][1]
    if is_null(term_node):
        reader.fail(term_node, "term is empty")
    term = _word(reader, reader.string(term_node, "'term'"), term_node, "term")
    sites.append(_Site(term, term_node, "term", index))
    places: dict[str, list[Place]] = {"variants": [], "meanings": []}

    def text(key: str) -> str | None:
        value = field_value(fields, key)
        if value is None:
            return None
        with reader.skipping():
            return fold_whitespace(reader.string(value, repr(key))) or None
        return None

    def words(key: str, label: str, *, tracked: bool = True) -> tuple[str, ...]:
        value = field_value(fields, key)
        if value is None:
            return ()
        found: list[tuple[str, yaml.Node]] = []
        with reader.skipping():
            for written, item in reader.strings(value, repr(key)):
                with reader.skipping():
                    found.append((_word(reader, written, item, label), item))
        if tracked:
            sites.extend(_Site(word, site, label, index) for word, site in found)
        if key in places:
            places[key] = [_place(item) for _, item in found]
        return tuple(word for word, _ in found)

    status = _read_status(reader, field_value(fields, "status"))
    variants = words("variants", "variant")
    abbreviation = None
    abbreviation_place = None
    if (abbreviation_node := field_value(fields, "abbreviation")) is not None:
        with reader.skipping():
            written = reader.string(abbreviation_node, "'abbreviation'")
            abbreviation = _word(reader, written, abbreviation_node, "abbreviation")
            abbreviation_place = _place(abbreviation_node)
            sites.append(_Site(abbreviation, abbreviation_node, "abbreviation", index))
    replace_with = words("replace_with", "replacement")
    if replace_with and status in (Status.PREFERRED, Status.ADMITTED):
        article = "an" if status is Status.ADMITTED else "a"
        reader.report(
            fields["replace_with"][0],
            f"'replace_with' on {article} {status.value} term, which is never reported"
            " (set 'status: deprecated' or 'forbidden')",
        )
    meanings = words("meanings", "meaning", tracked=False)  # suggestions, not forms
    if meanings and status is not Status.AMBIGUOUS:
        reader.report(
            fields["meanings"][0],
            f"'meanings' on a {status.value} term (only ambiguous terms have meanings)",
        )
    written_meanings = field_value(fields, "meanings")
    if status is Status.AMBIGUOUS and not meanings and _is_empty_list(written_meanings):
        reader.report(
            written_meanings or fields["status"][1],
            f"ambiguous term {term!r} has no 'meanings'",
        )
    is_case_sensitive = any(char.isupper() for char in term)  # SPEC §1 default
    if (flag := field_value(fields, "case_sensitive")) is not None:
        with reader.skipping():
            is_case_sensitive = reader.boolean(flag, "'case_sensitive'")
    see_node = field_value(fields, "see")
    entry = Entry(
        term=term,
        status=status,
        definition=text("definition"),
        variants=variants,
        abbreviation=abbreviation,
        replace_with=replace_with,
        meanings=meanings,
        see=text("see"),
        tags=words("tags", "tag", tracked=False),
        message=text("message"),
        is_case_sensitive=is_case_sensitive,
        origin=f"{reader.name}:{node.start_mark.line + 1}",
    )
    return entry, EntryPlaces(
        entry=_place(node),
        term=_place(term_node),
        variants=tuple(places["variants"]),
        abbreviation=abbreviation_place,
        meanings=tuple(places["meanings"]),
        see=None if see_node is None else _place(see_node),
    )


def _read_status(reader: NodeReader, node: yaml.Node | None) -> Status:
    if node is None:
        return Status.PREFERRED
    written = reader.string(node, "'status'")
    try:
        return Status(written)
    except ValueError:
        expected = ", ".join(status.value for status in Status)
        reader.fail(node, f"unknown status {written!r} (expected one of: {expected})")


def _check_form_clashes(reader: NodeReader, entries: list[Entry], sites: list[_Site]) -> None:
    """SPEC §1: within one file a surface form belongs to one entry (reported at the second)."""
    seen: dict[str, _Site] = {}
    own: dict[tuple[int, str], _Site] = {}
    for site in sites:
        entry = entries[site.entry]
        # A casing variant of a case-sensitive term is a form in its own right; otherwise
        # case is noise, and a variant differing only by case would shadow the term itself.
        own_key = site.text if entry.is_case_sensitive else normalize_form(site.text)
        if (earlier := own.get((site.entry, own_key))) is not None:
            if earlier.label == "term" and site.text != earlier.text:
                reader.report(
                    site.node,
                    f"{site.label} {site.text!r} differs from the term only by case, and the"
                    " term is not case-sensitive (set 'case_sensitive: true')",
                )
                continue
            what = "the term" if earlier.label == "term" else f"a {earlier.label} of this entry"
            reader.report(site.node, f"{site.label} {site.text!r} repeats {what}")
            continue
        own[(site.entry, own_key)] = site
        key = normalize_form(site.text)
        if (other := seen.get(key)) is not None and other.entry != site.entry:
            line = other.node.start_mark.line + 1
            owner = entries[other.entry].term
            reader.report(
                site.node,
                f"{site.label} {site.text!r} is already a form of {owner!r} (line {line})",
            )
            continue
        seen.setdefault(key, site)


def _check_replacements(reader: NodeReader, entries: list[Entry], sites: list[_Site]) -> None:
    """A replacement that is itself flagged would make `--fix` rewrite its own output."""
    exact_terms = {entry.term for entry in entries if entry.status not in _REPORTED}
    flagged: dict[str, str] = {}
    for entry in entries:
        if entry.status in _REPORTED:
            flagged[normalize_form(entry.term)] = f"the {entry.status.value} term {entry.term!r}"
        for variant in entry.variants:
            flagged.setdefault(normalize_form(variant), f"a variant of {entry.term!r}")
    for site in sites:
        reason = flagged.get(normalize_form(site.text))
        if reason is not None and site.text not in exact_terms:
            reader.report(site.node, f"replacement {site.text!r} is itself flagged: it is {reason}")
