"""The glossary as a reading page: alphabetical sections, one anchor per term, status labels.

Shared by the Markdown and HTML exports, which differ only in markup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from termlint.glossary import Entry, Glossary, Status, normalize_form

STATUS_LABELS = {
    Status.PREFERRED: "preferred",
    Status.ADMITTED: "admitted",
    Status.DEPRECATED: "deprecated",
    Status.FORBIDDEN: "forbidden",
    Status.AMBIGUOUS: "ambiguous",
}
STATUS_ICONS = {
    Status.PREFERRED: "✅",
    Status.ADMITTED: "☑️",
    Status.DEPRECATED: "⚠️",
    Status.FORBIDDEN: "⛔",
    Status.AMBIGUOUS: "❓",
}
OTHER_LETTER = "#"


@dataclass(frozen=True, slots=True)
class Item:
    entry: Entry
    anchor: str


@dataclass(frozen=True, slots=True)
class Section:
    letter: str
    anchor: str
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Page:
    sections: tuple[Section, ...]
    anchors: dict[str, str]  # normalized term or abbreviation -> the anchor of its entry

    def link_for(self, text: str) -> str | None:
        """The anchor of the entry `text` names, if the glossary has one."""
        return self.anchors.get(normalize_form(text))


def build_page(glossary: Glossary) -> Page:
    entries = sorted(glossary.entries, key=lambda entry: (sort_key(entry.term), entry.term))
    taken: set[str] = set()
    items = [Item(entry, _unique(slug(entry.term), taken)) for entry in entries]
    anchors: dict[str, str] = {}
    for item in items:
        anchors.setdefault(normalize_form(item.entry.term), item.anchor)
    for item in items:
        if item.entry.abbreviation:
            anchors.setdefault(normalize_form(item.entry.abbreviation), item.anchor)
    grouped: dict[str, list[Item]] = {}
    for item in items:
        grouped.setdefault(letter_of(item.entry.term), []).append(item)
    sections = tuple(
        Section(letter, _unique(f"letter-{slug(letter) or 'other'}", taken), tuple(group))
        for letter, group in grouped.items()
    )
    return Page(sections, anchors)


def sort_key(text: str) -> str:
    """Alphabetical order that ignores case and accents ("Éclair" files under E)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def letter_of(term: str) -> str:
    first = sort_key(term)[:1].upper()
    return first if first.isalpha() else OTHER_LETTER


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", sort_key(text)).strip("-")


def _unique(anchor: str, taken: set[str]) -> str:
    base = anchor or "term"
    candidate = base
    number = 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
