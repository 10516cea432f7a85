"""Records that cross stages: positions, findings and the report (all immutable)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


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
        start, end, line, column, end_line, end_column = place
        rule, severity, text, message, term = words
        return cls(
            path,
            Span(start, end),
            Position(line, column),
            Position(end_line, end_column),
            rule,
            _BY_VALUE[severity],
            text,
            message,
            term,
            suggestions,
            None if fix is None else Fix(fix),
            line_text,
        )


Row = tuple[
    str,
    tuple[int, int, int, int, int, int],
    tuple[str, str, str, str, str | None],
    tuple[tuple[str, ...], str | None, str],
]
_BY_VALUE = {severity.value: severity for severity in Severity}


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
        counts = {severity: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        summary = Summary(
            files=self.files,
            findings=len(self.findings),
            error=counts[Severity.ERROR],
            warning=counts[Severity.WARNING],
            info=counts[Severity.INFO],
            fixed=self.fixed,
        )
        object.__setattr__(self, "summary", summary)
