"""GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding.

GitHub turns each line into an annotation on the file and line. Escaping follows
`escapeData` and `escapeProperty` in GitHub's actions toolkit (`command.ts`): in the
message `%`, CR and LF become `%25`, `%0D` and `%0A`; property values also escape
`:` and `,` as `%3A` and `%2C`.
"""

from __future__ import annotations

from termlint.model import Finding, Report, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_finding(finding: Finding) -> str:
    properties = [("file", finding.path), ("line", str(finding.start.line))]
    if finding.span.start != finding.span.end:
        properties += [
            ("col", str(finding.start.column)),
            ("endLine", str(finding.end.line)),
            ("endColumn", str(finding.end.column)),
        ]
    properties.append(("title", f"termlint: {finding.rule}"))
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{_COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(report: Report, color: bool = False) -> str:
    return "".join(format_finding(finding) + "\n" for finding in report.findings)
