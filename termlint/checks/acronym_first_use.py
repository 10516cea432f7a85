"""acronym-first-use: an abbreviation used before its full term appears in the file.

What it does:
    For a glossary entry with an `abbreviation`, flags the first use of the
    abbreviation when the full term has not appeared earlier in the file. Writing
    "ITOps (IT Operations)" at that first use counts as spelling it out.

Why it matters:
    Readers land on any page from search; an abbreviation they cannot expand is a
    wall. Spelling it out once per page is the common style-guide rule.

Example:
    "Ask ITOps for access. IT Operations owns the servers." is reported at "ITOps";
    "IT Operations (ITOps) owns the servers. Ask ITOps." is not.

Fix:
    The first use becomes "IT Operations (ITOps)".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from termlint import rule_ids
from termlint.checks.base import Check, CheckContext, with_glossary_context
from termlint.glossary import Entry, Status
from termlint.matching import FormKind, Match, fold_whitespace
from termlint.model import Finding, Fix, Severity

ID = rule_ids.ACRONYM_FIRST_USE
_PARENTHESISED = re.compile(r"\s*\(\s*([^()]*?)\s*\)")


def _spelled_out_after(match: Match, entry: Entry) -> bool:
    following = _PARENTHESISED.match(match.segment.text, match.seg_end)
    if following is None:
        return False
    return fold_whitespace(following.group(1)).casefold() == fold_whitespace(entry.term).casefold()


def run(ctx: CheckContext) -> Iterator[Finding]:
    settled: set[str] = set()  # entries whose term or first abbreviation was seen
    for match in ctx.matches:
        entry = match.form.entry
        if not entry.abbreviation or entry.status not in (Status.PREFERRED, Status.ADMITTED):
            continue
        key = entry.term.casefold()
        if key in settled:
            continue
        if match.form.kind is FormKind.TERM:
            settled.add(key)
            continue
        if match.form.kind is not FormKind.ABBREVIATION:
            continue
        settled.add(key)
        if _spelled_out_after(match, entry):
            continue
        abbreviation = fold_whitespace(entry.abbreviation)
        if match.is_plural:
            expansion = f"{entry.term} ({match.seg_text})"
        else:
            expansion = f"{entry.term} ({abbreviation}){match.ending}"
        fix = (
            Fix(expansion) if match.segment.is_contiguous(match.seg_start, match.seg_end) else None
        )
        message = (
            f'"{abbreviation}" is used before "{entry.term}" is spelled out: '
            f'write "{entry.term} ({abbreviation})" at first use'
        )
        yield ctx.finding(
            rule=ID,
            severity=Severity.WARNING,
            span=match.span,
            message=with_glossary_context(message, entry),
            term=entry.term,
            suggestions=[expansion],
            fix=fix,
        )


CHECK = Check(
    id=ID,
    summary="An abbreviation used before its full term appears in the file.",
    default_severity=Severity.WARNING,
    fixable=True,
    run=run,
    doc=__doc__ or "",
)
