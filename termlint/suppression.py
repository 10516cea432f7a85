"""Inline suppression (SPEC §5): directives in comments -> where findings are silenced.

The readers collect every comment of a document (Markdown HTML comments, `.mdx`
`{/* */}` comments, plain-text lines from a `termlint-` keyword on). A comment whose
text starts with a keyword is a directive:

- `termlint-disable [NAME...]` opens a region from the end of the directive; an
  unclosed region runs to the end of the file;
- `termlint-enable` ends every open region; `termlint-enable NAME...` ends them for
  those names only (inside a bare region it re-enables just those names);
- `termlint-disable-line [NAME...]` covers the line(s) the directive stands on;
- `termlint-disable-next-line [NAME...]` covers the physical line after it.

Names are separated by spaces or commas; `"two words"` names a multi-word term, and
a `--` ends the names (what follows is a reason for the reader). A finding is
suppressed when a name equals its rule id, its glossary term or its matched text,
all compared case-insensitively with whitespace folded; no names means every rule.
A line directive covers a finding that touches the line; a region covers a finding
that starts inside it.

A name that is neither a known rule id, a glossary form nor a word of the file's
prose is reported as `unknown-directive`, so a typo cannot silently switch a check
off; the directive's other names still apply.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from termlint.checks import CHECKS, PIPELINE_RULES, UNKNOWN_DIRECTIVE
from termlint.checks.base import LintSettings, quote_list
from termlint.checks.pattern import ID as PATTERN_CHECK
from termlint.document import Comment, Document
from termlint.matching import edit_distance
from termlint.model import Finding, Severity, Span

_DIRECTIVE = re.compile(
    r"termlint-(disable-next-line|disable-line|disable|enable)(?=[\s,]|\Z)(.*)\Z", re.DOTALL
)
_NAME = re.compile(r'"([^"]*)"?|([^\s,"]+)')
_REASON = "--"


class Kind(enum.Enum):
    DISABLE = "disable"
    ENABLE = "enable"
    DISABLE_LINE = "disable-line"
    DISABLE_NEXT_LINE = "disable-next-line"


@dataclass(frozen=True, slots=True)
class Directive:
    kind: Kind
    names: tuple[str, ...]  # as written, whitespace folded
    span: Span  # the whole comment

    @property
    def keyword(self) -> str:
        return f"termlint-{self.kind.value}"


@dataclass(frozen=True, slots=True)
class Region:
    """Source offsets [start, end) where findings of `names` (None: every rule) are off."""

    start: int
    end: int
    names: frozenset[str] | None  # folded names; None for a bare `termlint-disable`
    enabled: frozenset[str] = frozenset()  # names a `termlint-enable NAME` switched back on

    def covers(self, finding: Finding, keys: frozenset[str]) -> bool:
        if not self.start <= finding.span.start < self.end:
            return False
        if self.names is None:
            return not keys & self.enabled
        return bool(keys & self.names)


@dataclass(frozen=True, slots=True)
class LineRule:
    """One physical line (1-based) where findings of `names` (None: every rule) are off."""

    line: int
    names: frozenset[str] | None

    def covers(self, finding: Finding, keys: frozenset[str]) -> bool:
        if not finding.start.line <= self.line <= finding.end.line:
            return False
        return self.names is None or bool(keys & self.names)


@dataclass(frozen=True, slots=True)
class Suppressions:
    directives: tuple[Directive, ...] = ()
    regions: tuple[Region, ...] = ()
    lines: tuple[LineRule, ...] = ()

    def is_suppressed(self, finding: Finding) -> bool:
        keys = finding_keys(finding)
        return any(rule.covers(finding, keys) for rule in self.lines) or any(
            region.covers(finding, keys) for region in self.regions
        )

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings no directive suppresses, in their order."""
        if not self.regions and not self.lines:
            return list(findings)
        return [finding for finding in findings if not self.is_suppressed(finding)]


def fold(name: str) -> str:
    """The form names are compared in: casefolded, whitespace runs folded to one space."""
    return " ".join(name.casefold().split())


def finding_keys(finding: Finding) -> frozenset[str]:
    """What a directive name may equal to silence the finding: rule id, term, text."""
    keys = {fold(finding.rule), fold(finding.text)}
    if finding.term is not None:
        keys.add(fold(finding.term))
    return frozenset(keys)


def parse_directive(comment: Comment) -> Directive | None:
    """The directive a comment holds, or None when it holds none."""
    found = _DIRECTIVE.match(comment.body.strip())
    if found is None:
        return None
    names: list[str] = []
    for token in _NAME.finditer(found.group(2)):
        quoted, bare = token.group(1), token.group(2)
        if bare == _REASON:
            break
        name = " ".join((quoted if bare is None else bare).split())
        if name:
            names.append(name)
    return Directive(Kind(found.group(1)), tuple(dict.fromkeys(names)), comment.span)


def scan(document: Document) -> Suppressions:
    """The directives of a document, turned into regions and lines."""
    directives = tuple(
        directive for directive in map(parse_directive, document.comments) if directive is not None
    )
    lines: list[LineRule] = []
    regions: list[Region] = []
    open_regions: list[Region] = []  # `end` is unset (0) until the region closes
    for directive in sorted(directives, key=lambda directive: directive.span.start):
        names = frozenset(map(fold, directive.names)) or None
        if directive.kind is Kind.DISABLE_LINE:
            first = document.line_index.position(directive.span.start).line
            last = document.line_index.position(directive.span.end).line
            lines.extend(LineRule(line, names) for line in range(first, last + 1))
        elif directive.kind is Kind.DISABLE_NEXT_LINE:
            line = document.line_index.position(directive.span.end).line + 1
            lines.append(LineRule(line, names))
        elif directive.kind is Kind.DISABLE:
            open_regions.append(Region(directive.span.end, 0, names))
        else:
            still_open: list[Region] = []
            for region in open_regions:
                regions.append(replace(region, end=directive.span.start))
                reopened = _after_enable(region, names, directive.span.end)
                if reopened is not None:
                    still_open.append(reopened)
            open_regions = still_open
    regions.extend(replace(region, end=len(document.text)) for region in open_regions)
    return Suppressions(directives, tuple(regions), tuple(lines))


def _after_enable(region: Region, enabled: frozenset[str] | None, at: int) -> Region | None:
    """What remains open of `region` after a `termlint-enable` naming `enabled`."""
    if enabled is None:
        return None  # a bare enable ends every region
    if region.names is None:
        return Region(at, 0, None, region.enabled | enabled)
    remaining = region.names - enabled
    if not remaining:
        return None
    return Region(at, 0, remaining, region.enabled)


def apply_suppressions(
    document: Document, findings: Iterable[Finding], settings: LintSettings
) -> list[Finding]:
    """The findings the document's directives leave, plus its `unknown-directive` warnings
    (which directives may suppress too)."""
    suppressions = scan(document)
    if not suppressions.directives:
        return list(findings)
    unknown = unknown_directives(
        document,
        suppressions.directives,
        rule_ids=rule_ids(settings),
        is_term=settings.index.covers,
        similar_terms=settings.index.similar_terms,
    )
    return suppressions.filter([*findings, *unknown])


def rule_ids(settings: LintSettings) -> frozenset[str]:
    """Every rule id a directive may name: the checks', the pipeline's and the patterns'."""
    ids = {check.id for check in CHECKS if check.id != PATTERN_CHECK}
    ids.update(PIPELINE_RULES)
    ids.add(UNKNOWN_DIRECTIVE)
    ids.update(compiled.pattern.id for compiled in settings.patterns)
    return frozenset(ids)


# --- unknown-directive -----------------------------------------------------------------


def unknown_directives(
    document: Document,
    directives: Sequence[Directive],
    *,
    rule_ids: Iterable[str],
    is_term: Callable[[str], bool],
    similar_terms: Callable[[str], list[str]] = lambda name: [],
) -> list[Finding]:
    """An `unknown-directive` warning for each name that no rule, term or word explains."""
    rules = {fold(rule): rule for rule in rule_ids}
    findings: list[Finding] = []
    for directive in directives:
        for name in directive.names:
            if fold(name) in rules or is_term(name) or _in_prose(document, name):
                continue
            suggestions = _nearest_rule(name, rules) or similar_terms(name)
            message = (
                f'"{name}" in {directive.keyword} is not a rule id, a glossary term '
                "or a word of this file"
            )
            if suggestions:
                message += f"; did you mean {quote_list(suggestions)}?"
            findings.append(_finding(document, directive.span, message, suggestions))
    return findings


def _in_prose(document: Document, name: str) -> bool:
    """Whether `name` occurs as whole words in the prose (comments are never prose)."""
    words = r"\s+".join(re.escape(word) for word in name.split())
    pattern = re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)
    return any(pattern.search(segment.text) for segment in document.segments)


def _nearest_rule(name: str, rules: dict[str, str]) -> list[str]:
    target = fold(name)
    bound = 1 if len(target) <= 5 else 2
    scored = sorted(
        (distance, rule)
        for key, rule in rules.items()
        if (distance := edit_distance(target, key, bound)) <= bound
    )
    return [scored[0][1]] if scored else []


def _finding(document: Document, span: Span, message: str, suggestions: list[str]) -> Finding:
    start = document.line_index.position(span.start)
    return Finding(
        path=document.path,
        span=span,
        start=start,
        end=document.line_index.position(span.end),
        rule=UNKNOWN_DIRECTIVE,
        severity=Severity.WARNING,
        text=document.text[span.start : span.end],
        message=message,
        suggestions=tuple(dict.fromkeys(suggestions)),
        line_text=document.line_text(start.line),
    )
