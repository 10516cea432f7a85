"""Records that cross stages: positions, findings and the report (all immutable)."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, fields


class Severity(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls(value.lower())

    # Members are singletons, so identity is the right hash, and object's runs in C where
    # Enum's is Python code: reports look a severity up per finding (100,000 at times).
    __hash__ = object.__hash__


_RANKS = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Code-point offsets into a decoded document: 0-based, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """1-based line and column, columns counted in code points."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Fix:
    replacement: str


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    span: Span
    start: Position
    end: Position
    rule: str
    severity: Severity
    text: str
    message: str
    term: str | None = None
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    # The source line the finding starts on, for fingerprints that survive moved lines
    # (SARIF, Code Quality); context, not identity, so it takes no part in equality.
    line_text: str = field(default="", compare=False, repr=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.start.line, self.start.column, self.rule, self.text)

    @property
    def place(self) -> tuple[int, int, int, int, int, int]:
        """Span start and end, start line and column, end line and column."""
        span, start, end = self.span, self.start, self.end
        return (span.start, span.end, start.line, start.column, end.line, end.column)

    def to_row(self) -> Row:
        """The finding as plain values (cheap to pickle), `from_row` reads it back."""
        fix = None if self.fix is None else self.fix.replacement
        return (
            self.path,
            self.place,
            (self.rule, self.severity.value, self.text, self.message, self.term),
            (self.suggestions, fix, self.line_text),
        )

    @classmethod
    def from_row(cls, row: Row) -> Finding:
        path, place, words, (suggestions, fix, line_text) = row
        rule, severity, text, message, term = words
        made = None if fix is None else Fix(fix)
        details = (rule, _BY_VALUE[severity], text, message, term, suggestions, made, line_text)
        return build_finding(path, *place, details)


Row = tuple[
    str,
    tuple[int, int, int, int, int, int],
    tuple[str, str, str, str, str | None],
    tuple[tuple[str, ...], str | None, str],
]
_BY_VALUE = {severity.value: severity for severity in Severity}

# What a finding holds after its path and positions, in the order Finding takes it:
# rule, severity, text, message, term, suggestions, fix, line text.
Details = tuple[str, Severity, str, str, str | None, tuple[str, ...], Fix | None, str]


def _slot_setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    return tuple(getattr(cls, each.name).__set__ for each in fields(cls))


_new = object.__new__
_set_span_start, _set_span_end = _slot_setters(Span)
_set_line, _set_column = _slot_setters(Position)
(
    _set_path,
    _set_span,
    _set_start,
    _set_end,
    _set_rule,
    _set_severity,
    _set_text,
    _set_message,
    _set_term,
    _set_suggestions,
    _set_fix,
    _set_line_text,
) = _slot_setters(Finding)  # fails at import if Finding gains or loses a field


def build_finding(
    path: str,
    start: int,
    end: int,
    line: int,
    column: int,
    end_line: int,
    end_column: int,
    details: Details,
) -> Finding:
    """`Finding(path, Span(start, end), Position(line, column), Position(end_line,
    end_column), *details)`, for values already checked (the results cache, the worker
    hand-off), made at half the cost: a frozen dataclass's __init__ sets each field
    through object.__setattr__, and a run served from the cache does little else."""
    span = _new(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    first = _new(Position)
    _set_line(first, line)
    _set_column(first, column)
    last = _new(Position)
    _set_line(last, end_line)
    _set_column(last, end_column)
    rule, severity, text, message, term, suggestions, fix, line_text = details
    finding = _new(Finding)
    _set_path(finding, path)
    _set_span(finding, span)
    _set_start(finding, first)
    _set_end(finding, last)
    _set_rule(finding, rule)
    _set_severity(finding, severity)
    _set_text(finding, text)
    _set_message(finding, message)
    _set_term(finding, term)
    _set_suggestions(finding, suggestions)
    _set_fix(finding, fix)
    _set_line_text(finding, line_text)
    return finding


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    findings: int
    error: int
    warning: int
    info: int
    fixed: int | None = None


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]
    files: int
    fixed: int | None = None
    paths: tuple[str, ...] = ()  # display paths of the files checked, for per-file formats
    summary: Summary = field(init=False)

    def __post_init__(self) -> None:
        severities = [finding.severity for finding in self.findings]
        summary = Summary(
            files=self.files,
            findings=len(severities),
            error=severities.count(Severity.ERROR),
            warning=severities.count(Severity.WARNING),
            info=severities.count(Severity.INFO),
            fixed=self.fixed,
        )
        object.__setattr__(self, "summary", summary)
