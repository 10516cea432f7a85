"""A small project whose check reports every rule kind, for the CI output formats' tests."""

from __future__ import annotations

from pathlib import Path

from conftest import write_tree
from sample_glossary import STATUS_TERMS

from termlint.model import Finding, Fix, Position, Report, Severity, Span

GLOSSARY = (
    """\
version: 1
terms:
  - term: DevOps
    variants: [Dev Ops]
  - term: IT Operations
    abbreviation: ITOps
"""
    + STATUS_TERMS
    + """\
patterns:
  - id: click-here
    regex: '(?i)\\bclick here\\b'
    message: Say where the link goes.
"""
)

# Non-ASCII in the path and before the findings: columns count code points.
DOC = (
    "# Über 🚀 Dev Ops\n"
    "\n"
    "Ask ITOps. The InfraOps team keeps the whitelist on the master server.\n"
    "FinOps: click here.\n"
    "<!-- termlint-disable-next-line no-such-rule -->\n"
    "Dev Ops\n"
)


def make_project(root: Path) -> Path:
    """docs/über.md (every prose rule), docs/bad.txt (read-error), docs/clean.md (passes)."""
    write_tree(
        root,
        {
            ".termlint.yaml": "glossary: [glossary.yaml]\n",
            "glossary.yaml": GLOSSARY,
            "docs/über.md": DOC,
            "docs/bad.txt": b"\xff\xfe not UTF-8\n",
            "docs/clean.md": "# Clean\n\nThe DevOps team.\n",
        },
    )
    return root


def finding(
    rule: str,
    *,
    path: str = "docs/a.md",
    line: int = 1,
    column: int = 1,
    text: str = "Dev Ops",
    message: str = "message",
    severity: Severity = Severity.WARNING,
    fix: str | None = None,
    line_text: str | None = None,
) -> Finding:
    """A finding on one line at `column`; its span offsets are only nominal."""
    end = column + len(text)
    return Finding(
        path=path,
        span=Span(column - 1, end - 1),
        start=Position(line, column),
        end=Position(line, end),
        rule=rule,
        severity=severity,
        text=text,
        message=message,
        fix=Fix(fix) if fix is not None else None,
        line_text=text if line_text is None else line_text,
    )


def report_of(*findings: Finding, paths: tuple[str, ...] = ()) -> Report:
    return Report(findings=tuple(findings), files=len(paths), paths=paths)
