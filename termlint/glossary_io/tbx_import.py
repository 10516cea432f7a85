"""TBX import: TBX v3 (`tbx`, conceptEntry/langSec/termSec) and TBX v2 (`martif`,
termEntry/langSet/tig or ntig) -> glossary entries. The mapping is `tbx.py`'s, read back.

One language is read: `--lang`, else the file's own `xml:lang`, else `en` (a section in
`en-US` counts for `en`). In a concept, the first term is the entry's term. Other terms:
an abbreviation, acronym or short form becomes its abbreviation, a `termType` variant
one of its variants; when the first term is deprecated, forbidden or ambiguous, the
preferred and admitted terms are its replacements; otherwise a deprecated (or
superseded) term becomes a deprecated entry pointing at the first term, and an admitted
or preferred one an entry of its own. Everything else with content (other languages,
part of speech, contexts, sources, ...) is counted in the report.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from termlint.errors import UsageError
from termlint.glossary import Entry, Status
from termlint.glossary_io.assembly import Imported, note
from termlint.glossary_io.fields import default_case_sensitive
from termlint.glossary_io.tbx import (
    ADMITTED,
    CASE_NOTE,
    DEPRECATED,
    MEANING_NOTE,
    PREFERRED,
    STATUS_NOTE,
    SUPERSEDED,
    XML_LANG,
)

_STATUSES = {
    PREFERRED: Status.PREFERRED,
    ADMITTED: Status.ADMITTED,
    DEPRECATED: Status.DEPRECATED,
    SUPERSEDED: Status.DEPRECATED,
    # Values some tools write instead of TBX-Basic's picklist.
    "preferred": Status.PREFERRED,
    "preferredterm": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "admittedterm": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "deprecatedterm": Status.DEPRECATED,
    "superseded": Status.DEPRECATED,
    "supersededterm": Status.DEPRECATED,
    "obsolete": Status.DEPRECATED,
    "forbidden": Status.FORBIDDEN,
    "forbiddenterm": Status.FORBIDDEN,
}
_STATUS_TYPES = ("administrativeStatus", "normativeAuthorization")
_SHORT_TYPES = ("abbreviation", "acronym", "shortForm", "initialism")
_TERM_SECTIONS = ("termSec", "tig", "ntig")
_REPORTED = (Status.DEPRECATED, Status.FORBIDDEN, Status.AMBIGUOUS)


@dataclass
class _Tally:
    """What the file holds that a glossary cannot: counted, for one line each in the report."""

    elements: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _TermSection:
    term: str
    status: Status | None
    term_type: str | None
    notes: tuple[str, ...]


def read_tbx(data: bytes, shown: str, language: str | None = None) -> Imported:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        line, column = error.position
        reason = re.sub(r": line \d+, column \d+$", "", error.msg)
        raise UsageError(f"{shown}:{line}:{column + 1}: not valid XML: {reason}") from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise UsageError(f"{shown}: not a TBX file (the root element is <{_local(root.tag)}>)")
    wanted = language or root.get(XML_LANG) or "en"
    tally = _Tally()
    entries: list[Entry] = []
    for concept in root.iter():
        if _local(concept.tag) in ("conceptEntry", "termEntry"):
            origin = f"{shown} entry {concept.get('id') or len(entries) + 1}"
            entries.extend(_concept(concept, wanted, origin, tally))
    notes = list(tally.notes)
    for language_name, count in sorted(tally.languages.items()):
        notes.append(
            note(shown, f"left out {_count(count, 'language section')} in {language_name}")
        )
    for description, count in sorted(tally.elements.items()):
        notes.append(note(shown, f"left out {_count(count, description)}"))
    if not entries:
        notes.append(note(shown, f"no terms found in language {wanted!r}"))
    return Imported(entries=tuple(entries), notes=tuple(notes))


def _count(count: int, what: str) -> str:
    return f"{count} {what}" + ("s" if count != 1 and not what.endswith(">") else "")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _details(element: ET.Element) -> Iterator[ET.Element]:
    """Children, with the members of a `*Grp` group in its place."""
    for child in element:
        if _local(child.tag).endswith("Grp") and _local(child.tag) != "termGrp":
            yield from _details(child)
        else:
            yield child


def _describe(element: ET.Element) -> str:
    kind = element.get("type")
    return f'<{_local(element.tag)} type="{kind}">' if kind else f"<{_local(element.tag)}>"


@dataclass
class _Facts:
    definition: str | None = None
    see: str | None = None
    tags: list[str] = field(default_factory=list)


def _read_detail(element: ET.Element, facts: _Facts, tally: _Tally) -> None:
    """A concept- or language-level element: definition, subject field, link, or other."""
    name, kind, text = _local(element.tag), element.get("type"), _text(element)
    if name == "descrip" and kind == "definition":
        if text:
            facts.definition = facts.definition or text
    elif name == "descrip" and kind == "subjectField":
        if text:
            facts.tags.append(text)
    elif name == "xref" and kind == "externalCrossReference":
        facts.see = facts.see or element.get("target") or text or None
    elif text or len(element):
        tally.elements[_describe(element)] += 1


def _concept(concept: ET.Element, wanted: str, origin: str, tally: _Tally) -> list[Entry]:
    facts = _Facts()
    sections: list[ET.Element] = []
    for child in _details(concept):
        if _local(child.tag) in ("langSec", "langSet"):
            sections.append(child)
        else:
            _read_detail(child, facts, tally)
    section = _pick(sections, wanted)
    for other in sections:
        if other is not section:
            tally.languages[other.get(XML_LANG) or "an unnamed language"] += 1
    if section is None:
        return []  # counted above: the entry has no section in the language read
    terms: list[_TermSection] = []
    for child in _details(section):
        if _local(child.tag) in _TERM_SECTIONS:
            read = _term_section(child, tally)
            if read is not None:
                terms.append(read)
        else:
            _read_detail(child, facts, tally)
    if not terms:
        return []
    return _entries(terms, facts, origin, tally)


def _pick(sections: list[ET.Element], wanted: str) -> ET.Element | None:
    """The section in the language read: the exact code first, else the same primary
    language ("en-US" for "en")."""
    languages = [(section.get(XML_LANG) or "").lower() for section in sections]
    for language, section in zip(languages, sections, strict=True):
        if language == wanted.lower():
            return section
    primary = wanted.split("-")[0].lower()
    for language, section in zip(languages, sections, strict=True):
        if language.split("-")[0] == primary:
            return section
    return None


def _term_section(element: ET.Element, tally: _Tally) -> _TermSection | None:
    term = ""
    status: Status | None = None
    term_type: str | None = None
    notes: list[str] = []
    for child in _details(element):
        name, kind, text = _local(child.tag), child.get("type"), _text(child)
        if name == "termGrp":  # TBX v2 ntig: the term sits one level down
            inner = _term_section(child, tally)
            if inner is not None:
                term, status = inner.term, inner.status or status
                term_type, notes = inner.term_type or term_type, [*notes, *inner.notes]
        elif name == "term":
            term = text
        elif name == "termNote" and kind in _STATUS_TYPES:
            status = _STATUSES.get(text) or _STATUSES.get(text.removesuffix("-admn-sts").lower())
            if status is None and text:
                tally.elements[f'{_describe(child)} value "{text}"'] += 1
        elif name == "termNote" and kind == "termType":
            term_type = text or None
        elif name == "note":
            if text:
                notes.append(text)
        elif text or len(child):
            tally.elements[_describe(child)] += 1
    if not term:
        return None
    return _TermSection(term, status, term_type, tuple(notes))


def _entries(terms: list[_TermSection], facts: _Facts, origin: str, tally: _Tally) -> list[Entry]:
    main, others = terms[0], terms[1:]
    status = main.status or Status.PREFERRED
    meanings: list[str] = []
    messages: list[str] = []
    is_case_sensitive = default_case_sensitive(main.term)
    for text in main.notes:
        if text.startswith(STATUS_NOTE):
            value = text.removeprefix(STATUS_NOTE).strip()
            if value in {item.value for item in Status}:
                status = Status(value)
                continue
        if text.startswith(MEANING_NOTE):
            meanings.append(text.removeprefix(MEANING_NOTE).strip())
        elif text.startswith(CASE_NOTE) and text.removeprefix(CASE_NOTE).strip() in (
            "true",
            "false",
        ):
            is_case_sensitive = text.removeprefix(CASE_NOTE).strip() == "true"
        else:
            messages.append(text)
    abbreviation: str | None = None
    variants: list[str] = []
    replace_with: list[str] = []
    extra: list[Entry] = []
    for other in others:
        other_status = other.status or Status.PREFERRED
        if other.term_type in _SHORT_TYPES and abbreviation is None:
            abbreviation = other.term
        elif other.term_type == "variant":
            variants.append(other.term)
        elif status in _REPORTED and other_status in (Status.PREFERRED, Status.ADMITTED):
            replace_with.append(other.term)
        elif other_status in _REPORTED:
            extra.append(
                Entry(
                    term=other.term,
                    status=other_status,
                    replace_with=(main.term,) if status not in _REPORTED else (),
                    is_case_sensitive=False,
                    origin=origin,
                )
            )
        else:
            extra.append(
                Entry(
                    term=other.term,
                    status=other_status,
                    is_case_sensitive=default_case_sensitive(other.term),
                    origin=origin,
                )
            )
        if other.notes:
            tally.elements["<note> on a term other than the first"] += len(other.notes)
    entry = Entry(
        term=main.term,
        status=status,
        definition=facts.definition,
        variants=tuple(variants),
        abbreviation=abbreviation,
        replace_with=tuple(replace_with),
        meanings=tuple(meanings),
        see=facts.see,
        tags=tuple(facts.tags),
        message=" ".join(messages) or None,
        is_case_sensitive=is_case_sensitive,
        origin=origin,
    )
    return [entry, *extra]
