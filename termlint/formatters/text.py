"""path:line:col: severity: message [rule] — one line per finding."""

from __future__ import annotations

from termlint.model import Finding, Report, Severity, Summary

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_RESET = "\x1b[0m"


_NAMES = {severity: severity.value for severity in Severity}  # faster than `.value`


def format_finding(finding: Finding, color: bool) -> str:
    start = finding.start
    if not color:  # the usual case, one string at once (a report can have 100,000 lines)
        where = f"{finding.path}:{start.line}:{start.column}:"
        return f"{where} {_NAMES[finding.severity]}: {finding.message} [{finding.rule}]"
    where = f"{_BOLD}{finding.path}:{start.line}:{start.column}:{_RESET}"
    severity = f"{_COLORS[finding.severity]}{_NAMES[finding.severity]}{_RESET}"
    return f"{where} {severity}: {finding.message} {_DIM}[{finding.rule}]{_RESET}"


def render(report: Report, color: bool = False) -> str:
    return "".join([format_finding(finding, color) + "\n" for finding in report.findings])


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(summary: Summary) -> str:
    """The closing line for stderr: counts by severity, files checked, fixes applied."""
    files = _plural(summary.files, "file")
    fixed = f", fixed {summary.fixed}" if summary.fixed else ""
    if not summary.findings:
        return f"No problems found in {files}{fixed}."
    parts = [
        _plural(count, name)
        for count, name in (
            (summary.error, "error"),
            (summary.warning, "warning"),
            (summary.info, "info"),
        )
        if count
    ]
    problems = _plural(summary.findings, "problem")
    return f"Found {problems} ({', '.join(parts)}) in {files}{fixed}."
