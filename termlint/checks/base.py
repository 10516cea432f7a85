"""What every check receives and returns."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from termlint.config import JargonSettings
from termlint.document import Document
from termlint.glossary import Entry
from termlint.matching import Match, TermIndex
from termlint.model import Finding, Fix, Severity, Span
from termlint.patterns import CompiledPattern


@dataclass(frozen=True, slots=True)
class LintSettings:
    """What the checks need beyond the document: built once per run."""

    index: TermIndex
    jargon: JargonSettings = field(default_factory=JargonSettings)
    allowed: frozenset[str] = frozenset()  # casefolded: glossary `allow` + jargon.allow
    common_acronyms: frozenset[str] = frozenset()
    patterns: tuple[CompiledPattern, ...] = ()

    def knows(self, name: str) -> bool:
        """Whether jargon `name` needs no definition in the file: a common acronym, an
        allowed word or a glossary form (undefined-term never reports it)."""
        return (
            name in self.common_acronyms
            or name.casefold() in self.allowed
            or self.index.covers(name)
        )


@dataclass(frozen=True, slots=True)
class CheckContext:
    document: Document
    matches: tuple[Match, ...]
    settings: LintSettings

    def finding(
        self,
        *,
        rule: str,
        severity: Severity,
        span: Span,
        message: str,
        term: str | None = None,
        suggestions: Sequence[str] = (),
        fix: Fix | None = None,
    ) -> Finding:
        lines = self.document.line_index
        start = lines.position(span.start)
        return Finding(
            path=self.document.path,
            span=span,
            start=start,
            end=lines.position(span.end),
            rule=rule,
            severity=severity,
            text=self.document.text[span.start : span.end],
            message=message,
            term=term,
            suggestions=tuple(dict.fromkeys(suggestions)),
            fix=fix,
            line_text=self.document.line_text_at(start, span.start),
        )


@dataclass(frozen=True, slots=True)
class Check:
    id: str  # kebab-case rule id, e.g. "term-variant"
    summary: str  # one line for `termlint rules`
    default_severity: Severity
    fixable: bool
    run: Callable[[CheckContext], Iterator[Finding]]
    doc: str = ""  # the module docstring, printed by `termlint explain RULE`


def with_glossary_context(message: str, entry: Entry) -> str:
    """Append the entry's custom message, definition and link to a finding's message."""
    parts = [message]
    if entry.message:
        parts.append(entry.message)
    if entry.definition:
        parts.append(f"{entry.term}: {entry.definition}")
    text = ". ".join(part.rstrip(".") for part in parts if part)
    if entry.see:
        text += f". See {entry.see}"
    elif len(parts) > 1:
        text += "."
    return text


def quote_list(items: Sequence[str], conjunction: str = "or") -> str:
    """'"a"', '"a" or "b"', '"a", "b" or "c"'."""
    quoted = [f'"{item}"' for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} {conjunction} {quoted[-1]}"


def plain_list(items: Sequence[str], conjunction: str = "or") -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
