"""CSV: one row per term, one column per field, so a spreadsheet round trip loses nothing.

Columns are the glossary fields (`term`, `status`, `definition`, `abbreviation`,
`variants`, `replace_with`, `meanings`, `see`, `tags`, `message`, `case_sensitive`).
List fields are joined with `|`; a `|` or `\\` inside an item is written `\\|` or `\\\\`.
`case_sensitive` is always written (`true`/`false`) so the spreadsheet shows it; on
import an empty cell means the default. Import needs a header row naming the columns
(any order, any letter case, spaces for underscores; only `term` is required).
"""

from __future__ import annotations

import csv
import io
import re

from termlint.errors import UsageError
from termlint.glossary import Entry, Glossary, Status
from termlint.glossary_io.assembly import Imported, note
from termlint.glossary_io.exported import Exported, terms_only_notes
from termlint.glossary_io.fields import ENTRY_FIELDS, LIST_FIELDS, default_case_sensitive

_SEPARATOR = re.compile(r"(?<!\\)((?:\\\\)*)\|")
_ESCAPE = re.compile(r"\\(.)")
_TRUE = frozenset({"true", "yes", "1", "y"})
_FALSE = frozenset({"false", "no", "0", "n"})


def export_csv(glossary: Glossary) -> Exported:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ENTRY_FIELDS)
    for entry in glossary.entries:
        writer.writerow(_row(entry))
    return Exported(buffer.getvalue(), terms_only_notes(glossary, "CSV"))


def _row(entry: Entry) -> list[str]:
    return [
        entry.term,
        entry.status.value,
        entry.definition or "",
        entry.abbreviation or "",
        join_items(entry.variants),
        join_items(entry.replace_with),
        join_items(entry.meanings),
        entry.see or "",
        join_items(entry.tags),
        entry.message or "",
        "true" if entry.is_case_sensitive else "false",
    ]


def join_items(items: tuple[str, ...]) -> str:
    return "|".join(item.replace("\\", "\\\\").replace("|", "\\|") for item in items)


def split_items(cell: str) -> tuple[str, ...]:
    if not cell.strip():
        return ()
    parts = _SEPARATOR.sub(lambda m: m.group(1) + "\x00", cell).split("\x00")
    items = (_ESCAPE.sub(r"\1", part).strip() for part in parts)
    return tuple(item for item in items if item)


# --- import -----------------------------------------------------------------------------------


def read_csv(text: str, shown: str) -> Imported:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise UsageError(f"{shown}: the CSV file is empty") from None
    except csv.Error as error:
        raise UsageError(f"{shown}:1: not valid CSV: {error}") from None
    columns = [cell.strip().lower().replace(" ", "_").replace("-", "_") for cell in header]
    if "term" not in columns:
        raise UsageError(f"{shown}:1: the header row has no 'term' column")
    notes = [
        note(f"{shown}:1", f"column {name!r} is not a glossary field: left out")
        for name in columns
        if name not in ENTRY_FIELDS
    ]
    entries: list[Entry] = []
    try:
        for row in reader:
            origin = f"{shown}:{reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            cells = {name: value for name, value in zip(columns, row, strict=False)}
            entry = _entry(cells, origin, notes)
            if entry is not None:
                entries.append(entry)
    except csv.Error as error:
        raise UsageError(f"{shown}:{reader.line_num}: not valid CSV: {error}") from None
    return Imported(entries=tuple(entries), notes=tuple(notes))


def _entry(cells: dict[str, str], origin: str, notes: list[str]) -> Entry | None:
    term = " ".join(cells.get("term", "").split())
    if not term:
        notes.append(note(origin, "left out a row without a term"))
        return None
    status_text = cells.get("status", "").strip().lower() or Status.PREFERRED.value
    try:
        status = Status(status_text)
    except ValueError:
        notes.append(note(origin, f"left out {term!r}: unknown status {status_text!r}"))
        return None
    flag = cells.get("case_sensitive", "").strip().lower()
    if flag and flag not in _TRUE | _FALSE:
        notes.append(
            note(origin, f"left out {term!r}: case_sensitive {flag!r} is not true or false")
        )
        return None
    is_case_sensitive = flag in _TRUE if flag else default_case_sensitive(term)

    def text(name: str) -> str | None:
        return " ".join(cells.get(name, "").split()) or None

    def items(name: str) -> tuple[str, ...]:
        assert name in LIST_FIELDS
        return split_items(cells.get(name, ""))

    return Entry(
        term=term,
        status=status,
        definition=text("definition"),
        abbreviation=text("abbreviation"),
        variants=items("variants"),
        replace_with=items("replace_with"),
        meanings=items("meanings"),
        see=text("see"),
        tags=items("tags"),
        message=text("message"),
        is_case_sensitive=is_case_sensitive,
        origin=origin,
    )
