"""The text format: `path:line:col: severity: message [rule]`, coloured only when asked."""

from __future__ import annotations

from termlint.formatters import text
from termlint.model import Finding, Position, Report, Severity, Span


def finding(severity: Severity, line: int = 3) -> Finding:
    return Finding(
        path="docs/a.md",
        span=Span(10, 19),
        start=Position(line, 7),
        end=Position(line, 16),
        rule="deprecated-term",
        severity=severity,
        text="whitelist",
        message='"whitelist" is deprecated',
    )


def test_one_line_per_finding() -> None:
    report = Report(findings=(finding(Severity.WARNING), finding(Severity.INFO, 4)), files=1)
    assert text.render(report) == (
        'docs/a.md:3:7: warning: "whitelist" is deprecated [deprecated-term]\n'
        'docs/a.md:4:7: info: "whitelist" is deprecated [deprecated-term]\n'
    )
    assert text.render(Report(findings=(), files=0)) == ""


def test_colour_marks_the_place_the_severity_and_the_rule() -> None:
    assert text.format_finding(finding(Severity.ERROR), color=True) == (
        "\x1b[1mdocs/a.md:3:7:\x1b[0m \x1b[31merror\x1b[0m: "
        '"whitelist" is deprecated \x1b[2m[deprecated-term]\x1b[0m'
    )
    assert text.format_finding(finding(Severity.WARNING), color=True).count("\x1b[33m") == 1
    assert text.format_finding(finding(Severity.INFO), color=True).count("\x1b[36m") == 1


def test_summary_line_counts_by_severity() -> None:
    report = Report(findings=(finding(Severity.WARNING), finding(Severity.ERROR)), files=1)
    assert text.summary_line(report.summary) == "Found 2 problems (1 error, 1 warning) in 1 file."
    assert text.summary_line(Report((), files=2).summary) == "No problems found in 2 files."
