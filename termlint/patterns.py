"""User regex rules, compiled once and run with a time budget per pattern and file (SPEC §4)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from termlint.document import BARRIER, Segment
from termlint.glossary import Pattern

TIME_BUDGET_SECONDS = 1.0
_GROUP_REFERENCE = re.compile(r"\$(\d+)|\$\{(\d+)\}")


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    pattern: Pattern
    compiled: Any  # regex.Pattern[str]; the regex package ships no type hints

    @classmethod
    def compile(cls, pattern: Pattern) -> CompiledPattern:
        import regex  # only glossaries with patterns need it (startup time)

        flags = regex.IGNORECASE if pattern.ignorecase else 0
        return cls(pattern, regex.compile(pattern.regex, flags | regex.VERSION0))


@dataclass(frozen=True, slots=True)
class PatternHit:
    segment: Segment
    start: int
    end: int
    replacements: tuple[str, ...]  # with $1-style groups filled in


class PatternTimeout(Exception):
    """The pattern ran past its budget on this file."""


def expand(template: str, match: Any) -> str:
    """Fill `$1` / `${1}` in a replacement with the match's groups (empty when unset)."""

    def group(reference: re.Match[str]) -> str:
        number = int(reference.group(1) or reference.group(2))
        if number > (match.re.groups or 0):
            return reference.group(0)
        return match.group(number) or ""

    return _GROUP_REFERENCE.sub(group, template)


def run_pattern(
    compiled: CompiledPattern,
    segments: Sequence[Segment],
    budget: float = TIME_BUDGET_SECONDS,
) -> Iterator[PatternHit]:
    """Every non-empty match in the prose; raises PatternTimeout past the budget."""
    deadline = time.monotonic() + budget
    for segment in segments:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise PatternTimeout(compiled.pattern.id)
        try:
            matches = list(compiled.compiled.finditer(segment.text, timeout=remaining))
        except TimeoutError as error:
            raise PatternTimeout(compiled.pattern.id) from error
        for match in matches:
            start, end = match.span()
            if start == end or BARRIER in segment.text[start:end]:
                continue
            replacements = tuple(expand(item, match) for item in compiled.pattern.replace_with)
            yield PatternHit(segment, start, end, replacements)
