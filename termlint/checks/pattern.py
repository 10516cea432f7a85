"""Pattern rules: a glossary's `patterns`, each reported under its own id.

What it does:
    Runs each regular expression listed under `patterns` over the prose of every
    block (a line break and the container prefix after it read as one space, so a
    match may cross a wrapped line) and reports each match under the pattern's id,
    with the pattern's message and severity.

Why it matters:
    Some style rules are about phrasing rather than single terms ("click here",
    "please note that"); Vale users know them as existence rules.

Example:
    `{id: click-here, regex: '\\bclick here\\b', message: Link text should say where
    the link goes.}` reports "Click here" in "Click here to download".

Fix:
    When the pattern lists exactly one `replace_with`, the match is replaced by it
    (with `$1`-style groups filled in). A pattern that runs longer than one second on
    a file is stopped and reported as `pattern-error`.
"""

from __future__ import annotations

from collections.abc import Iterator

from termlint import rule_ids
from termlint.checks.base import Check, CheckContext
from termlint.model import Finding, Fix, Severity, Span
from termlint.patterns import PatternTimeout, run_pattern

ID = rule_ids.PATTERN
ERROR_ID = "pattern-error"


def run(ctx: CheckContext) -> Iterator[Finding]:
    for compiled in ctx.settings.patterns:
        pattern = compiled.pattern
        try:
            hits = list(run_pattern(compiled, ctx.document.segments))
        except PatternTimeout:
            yield ctx.finding(
                rule=ERROR_ID,
                severity=Severity.ERROR,
                span=Span(0, 0),
                message=(
                    f'pattern "{pattern.id}" ran past its time budget on this file and was stopped'
                ),
            )
            continue
        for hit in hits:
            fix = None
            if len(hit.replacements) == 1 and hit.segment.is_contiguous(hit.start, hit.end):
                fix = Fix(hit.replacements[0])
            yield ctx.finding(
                rule=pattern.id,
                severity=pattern.severity,
                span=hit.segment.to_source(hit.start, hit.end),
                message=pattern.message,
                suggestions=hit.replacements,
                fix=fix,
            )


CHECK = Check(
    id=ID,
    summary="A glossary pattern (regular expression) matched; reported under the pattern's id.",
    default_severity=Severity.WARNING,
    fixable=True,
    run=run,
    doc=__doc__ or "",
)
