"""`termlint rules`: the rule ids, their default severity, whether they fix, and what they flag."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from termlint.checks import CHECKS, PIPELINE_RULES, UNKNOWN_DIRECTIVE
from termlint.commands.session import open_session

_UNKNOWN_DIRECTIVE_SUMMARY = "A suppression comment names no known rule, term or word."


def rows(cwd: Path, config: Path | None, glossaries: tuple[Path, ...]) -> list[tuple[str, ...]]:
    table: list[tuple[str, ...]] = []
    for check in CHECKS:
        if check.id == "pattern":
            continue
        fixable = "yes" if check.fixable else "no"
        table.append((check.id, check.default_severity.value, fixable, check.summary))
    for rule, summary in PIPELINE_RULES.items():
        table.append((rule, "error", "no", summary))
    table.append((UNKNOWN_DIRECTIVE, "warning", "no", _UNKNOWN_DIRECTIVE_SUMMARY))
    session = open_session(cwd, config, glossaries)
    for pattern in session.glossary.patterns:
        fixable = "yes" if len(pattern.replace_with) == 1 else "no"
        table.append((pattern.id, pattern.severity.value, fixable, f"pattern: {pattern.message}"))
    return table


def run(cwd: Path, config: Path | None, glossaries: tuple[Path, ...], stdout: TextIO) -> int:
    table = rows(cwd, config, glossaries)
    width = max(len(row[0]) for row in table)
    stdout.write(f"{'rule':<{width}}  severity  fix  summary\n")
    for rule, severity, fixable, summary in table:
        stdout.write(f"{rule:<{width}}  {severity:<8}  {fixable:<3}  {summary}\n")
    return 0
