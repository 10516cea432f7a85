"""What an export gives back: the file's text, and notes on what the format cannot hold."""

from __future__ import annotations

from dataclasses import dataclass

from termlint.glossary import Glossary


@dataclass(frozen=True, slots=True)
class Exported:
    text: str
    notes: tuple[str, ...] = ()


def terms_only_notes(glossary: Glossary, format_name: str) -> tuple[str, ...]:
    """Formats with one record per term cannot hold `allow` words or `patterns`: say so."""
    left: list[str] = []
    if glossary.allow:
        count = len(glossary.allow)
        left.append(f"{count} allowed word{'s' if count != 1 else ''}")
    if glossary.patterns:
        count = len(glossary.patterns)
        left.append(f"{count} pattern{'s' if count != 1 else ''}")
    if not left:
        return ()
    return (f"{format_name} holds terms only: left out {' and '.join(left)}",)
