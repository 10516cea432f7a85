"""What the CI formats say about each rule: summary, description, help, default severity.

Built-in rules come from the check registry (their module docstrings follow the
*What it does / Why it matters / Example / Fix* template) and the pipeline's own
rules; a glossary pattern is known only through its findings, so its message stands
in for its documentation.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass

from termlint.checks import CHECKS, PIPELINE_RULES, UNKNOWN_DIRECTIVE
from termlint.checks.pattern import ID as PATTERN_CHECK
from termlint.model import Finding, Severity

_UNKNOWN_DIRECTIVE_SUMMARY = "A suppression comment names no known rule, term or word."
_PATTERN_HELP = (
    "A pattern rule from the glossary's `patterns` list: a regular expression that "
    "the glossary's authors chose to report under this id."
)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    summary: str  # one line
    description: str  # what the rule does, one paragraph
    help: str  # the full documentation, plain text
    default_severity: Severity


def builtin_rules() -> tuple[RuleInfo, ...]:
    """Every rule termlint itself defines, in registry order (patterns excluded)."""
    rules = [
        RuleInfo(
            id=check.id,
            summary=check.summary,
            description=_section(check.doc, "What it does") or check.summary,
            help=inspect.cleandoc(check.doc) if check.doc else check.summary,
            default_severity=check.default_severity,
        )
        for check in CHECKS
        if check.id != PATTERN_CHECK
    ]
    rules.extend(
        RuleInfo(rule, summary, summary, summary, Severity.ERROR)
        for rule, summary in PIPELINE_RULES.items()
    )
    summary = _UNKNOWN_DIRECTIVE_SUMMARY
    rules.append(RuleInfo(UNKNOWN_DIRECTIVE, summary, summary, summary, Severity.WARNING))
    return tuple(rules)


def rules_for(findings: Iterable[Finding]) -> tuple[RuleInfo, ...]:
    """The built-in rules, then each other rule id the findings use, in order of first use."""
    rules = {rule.id: rule for rule in builtin_rules()}
    for finding in findings:
        if finding.rule not in rules:
            rules[finding.rule] = RuleInfo(
                id=finding.rule,
                summary=finding.message,
                description=finding.message,
                help=f"{finding.message}\n\n{_PATTERN_HELP}",
                default_severity=finding.severity,
            )
    return tuple(rules.values())


def _section(doc: str, title: str) -> str:
    """The text under `Title:` in a check docstring, as one line."""
    lines = inspect.cleandoc(doc).splitlines()
    heading = f"{title}:"
    if heading not in lines:
        return ""
    body: list[str] = []
    for line in lines[lines.index(heading) + 1 :]:
        if line and not line[0].isspace():
            break
        body.append(line)
    return " ".join(" ".join(body).split())
