"""`termlint explain NAME`: a glossary entry, or a rule's documentation."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from termlint.checks import BY_ID, PIPELINE_RULES, UNKNOWN_DIRECTIVE
from termlint.commands.session import open_session
from termlint.glossary import Entry, surface_forms
from termlint.matching import fold_whitespace, similar_terms


def describe(entry: Entry) -> str:
    lines = [entry.term, f"  status: {entry.status.value}"]
    if entry.definition:
        lines.append(f"  definition: {entry.definition}")
    if entry.abbreviation:
        lines.append(f"  abbreviation: {entry.abbreviation}")
    if entry.variants:
        lines.append(f"  variants: {', '.join(entry.variants)}")
    if entry.replace_with:
        lines.append(f"  use instead: {', '.join(entry.replace_with)}")
    if entry.meanings:
        lines.append(f"  meanings: {', '.join(entry.meanings)}")
    if entry.message:
        lines.append(f"  note: {entry.message}")
    if entry.tags:
        lines.append(f"  tags: {', '.join(entry.tags)}")
    if entry.see:
        lines.append(f"  see: {entry.see}")
    lines.append(f"  case-sensitive: {'yes' if entry.is_case_sensitive else 'no'}")
    if entry.origin:
        lines.append(f"  defined in: {entry.origin}")
    return "\n".join(lines) + "\n"


def run(
    name: str,
    cwd: Path,
    config: Path | None,
    glossaries: tuple[Path, ...],
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    session = open_session(cwd, config, glossaries)
    wanted = fold_whitespace(name).casefold()
    for entry in reversed(session.glossary.entries):
        if any(fold_whitespace(form).casefold() == wanted for form in surface_forms(entry)):
            stdout.write(describe(entry))
            return 0
    if name in BY_ID:
        stdout.write(BY_ID[name].doc.strip() + "\n")
        return 0
    if name in PIPELINE_RULES:
        stdout.write(f"{name}: {PIPELINE_RULES[name]}\n")
        return 0
    if name == UNKNOWN_DIRECTIVE:
        from termlint import suppression

        stdout.write((suppression.__doc__ or "").strip() + "\n")
        return 0
    nearest = similar_terms(name, session.settings.index.forms.values(), limit=5)
    message = f"termlint: '{name}' is not in the glossary"
    if nearest:
        message += f"; nearest: {', '.join(nearest)}"
    stderr.write(message + "\n")
    return 1
