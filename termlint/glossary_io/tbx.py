"""TBX export: ISO 30042 TermBase eXchange, version 3, TBX-Basic dialect, DCA style.

One `conceptEntry` per glossary entry, one `langSec` (language `en`, or `--lang`):

- the term: the first `termSec`, with `termNote type="administrativeStatus"`:
  preferred -> preferredTerm-admn-sts, admitted -> admittedTerm-admn-sts, deprecated ->
  deprecatedTerm-admn-sts. TBX has no "forbidden" or "ambiguous": a forbidden term is
  written deprecatedTerm-admn-sts (the strongest "do not use" TBX-Basic offers;
  supersededTerm means merely outdated) and an ambiguous one admittedTerm-admn-sts
  (fine once its meaning is stated), each with a `<note>termlint-status: ...</note>`
  that termlint reads back; other tools show it as a plain note.
- the abbreviation: a `termSec` with `termType` abbreviation (admitted);
- each variant: a `termSec` with `termType` variant and deprecatedTerm-admn-sts;
- each replacement: a `termSec` with preferredTerm-admn-sts in the deprecated term's
  concept — in TBX, terms of one concept are synonyms, and the preferred ones are what
  to write instead;
- definition: `descrip type="definition"` in the `langSec`; tags: `descrip
  type="subjectField"` per tag; `see`: `xref type="externalCrossReference"`;
- the custom message: a plain `<note>` on the term; meanings and a non-default
  case sensitivity: `termlint-meaning: ...` / `termlint-case-sensitive: ...` notes.

TBX holds terms only, so `allow` words and `patterns` are left out (and noted).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from termlint.glossary import Entry, Glossary, Status
from termlint.glossary_io.exported import Exported, terms_only_notes
from termlint.glossary_io.fields import default_case_sensitive

NAMESPACE = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NOTE_PREFIX = "termlint-"
STATUS_NOTE = "termlint-status: "
MEANING_NOTE = "termlint-meaning: "
CASE_NOTE = "termlint-case-sensitive: "

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
SUPERSEDED = "supersededTerm-admn-sts"
ADMINISTRATIVE_STATUS = {
    Status.PREFERRED: PREFERRED,
    Status.ADMITTED: ADMITTED,
    Status.DEPRECATED: DEPRECATED,
    Status.FORBIDDEN: DEPRECATED,
    Status.AMBIGUOUS: ADMITTED,
}
NEEDS_STATUS_NOTE = (Status.FORBIDDEN, Status.AMBIGUOUS)


def export_tbx(glossary: Glossary, language: str = "en") -> Exported:
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(_tag("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: language})
    header = ET.SubElement(root, _tag("tbxHeader"))
    file_desc = ET.SubElement(header, _tag("fileDesc"))
    source = ET.SubElement(ET.SubElement(file_desc, _tag("sourceDesc")), _tag("p"))
    source.text = "Exported from a termlint glossary."
    body = ET.SubElement(ET.SubElement(root, _tag("text")), _tag("body"))
    for number, entry in enumerate(glossary.entries, 1):
        body.append(_concept(entry, f"c{number}", language))
    ET.indent(root, space="  ")
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    return Exported(declaration + text + "\n", terms_only_notes(glossary, "TBX"))


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _add(parent: ET.Element, name: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(name), attributes)
    element.text = text
    return element


def _concept(entry: Entry, concept_id: str, language: str) -> ET.Element:
    concept = ET.Element(_tag("conceptEntry"), {"id": concept_id})
    for tag in entry.tags:
        _add(concept, "descrip", tag, type="subjectField")
    if entry.see:
        _add(concept, "xref", entry.see, type="externalCrossReference", target=entry.see)
    section = ET.SubElement(concept, _tag("langSec"), {XML_LANG: language})
    if entry.definition:
        _add(section, "descrip", entry.definition, type="definition")
    main = _term_section(section, entry.term, ADMINISTRATIVE_STATUS[entry.status])
    if entry.status in NEEDS_STATUS_NOTE:
        _add(main, "note", STATUS_NOTE + entry.status.value)
    for meaning in entry.meanings:
        _add(main, "note", MEANING_NOTE + meaning)
    if entry.is_case_sensitive != default_case_sensitive(entry.term):
        _add(main, "note", CASE_NOTE + ("true" if entry.is_case_sensitive else "false"))
    if entry.message:
        _add(main, "note", entry.message)
    if entry.abbreviation:
        _term_section(section, entry.abbreviation, ADMITTED, term_type="abbreviation")
    for variant in entry.variants:
        _term_section(section, variant, DEPRECATED, term_type="variant")
    for replacement in entry.replace_with:
        _term_section(section, replacement, PREFERRED)
    return concept


def _term_section(
    section: ET.Element, term: str, status: str, term_type: str | None = None
) -> ET.Element:
    element = ET.SubElement(section, _tag("termSec"))
    _add(element, "term", term)
    if term_type is not None:
        _add(element, "termNote", term_type, type="termType")
    _add(element, "termNote", status, type="administrativeStatus")
    return element
