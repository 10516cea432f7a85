"""ambiguous-term: a term with several meanings, used without saying which one.

What it does:
    Flags every occurrence of a term whose glossary status is `ambiguous`, unless its
    first use in the file is followed by one of its meanings in parentheses, as in
    "InfraOps (Infrastructure Operations)".

Why it matters:
    "InfraOps" can mean Infrastructure Operations or Infrastructure Optimisation;
    a reader cannot tell which, and two teams may read the same page differently.

Example:
    "The InfraOps team owns this." is reported with both meanings as suggestions;
    "The InfraOps (Infrastructure Operations) team owns this." is not.

Fix:
    None: only the writer knows the meaning. Say it at first use, or use the
    meaning itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from termlint import rule_ids
from termlint.checks.base import Check, CheckContext, plain_list, with_glossary_context
from termlint.glossary import Entry, Status
from termlint.matching import Match, fold_whitespace
from termlint.model import Finding, Severity

ID = rule_ids.AMBIGUOUS_TERM
_PARENTHESISED = re.compile(r"\s*\(\s*([^()]*?)\s*\)")
_OPENING = re.compile(r"\(\s*$")
_CLOSING = re.compile(r"\s*\)")


def is_disambiguated(match: Match, entry: Entry) -> bool:
    """True for "InfraOps (Infrastructure Operations)" or "Infrastructure Operations (InfraOps)"."""
    text = match.segment.text
    meanings = [fold_whitespace(meaning).casefold() for meaning in entry.meanings]
    following = _PARENTHESISED.match(text, match.seg_end)
    if following is not None and fold_whitespace(following.group(1)).casefold() in meanings:
        return True
    opening = _OPENING.search(text, 0, match.seg_start)
    if opening is None or _CLOSING.match(text, match.seg_end) is None:
        return False
    before = fold_whitespace(text[: opening.start()]).casefold()
    return any(before.endswith(meaning) for meaning in meanings)


def run(ctx: CheckContext) -> Iterator[Finding]:
    first_use_checked: dict[str, bool] = {}
    for match in ctx.matches:
        entry = match.form.entry
        if entry.status is not Status.AMBIGUOUS:
            continue
        key = entry.term.casefold()
        if key not in first_use_checked:
            first_use_checked[key] = is_disambiguated(match, entry)
        if first_use_checked[key]:
            continue
        message = f'"{match.seg_text}" is ambiguous: it can mean {plain_list(entry.meanings)}'
        yield ctx.finding(
            rule=ID,
            severity=Severity.WARNING,
            span=match.span,
            message=with_glossary_context(message, entry),
            term=entry.term,
            suggestions=entry.meanings,
        )


CHECK = Check(
    id=ID,
    summary="An ambiguous term whose meaning the file never states.",
    default_severity=Severity.WARNING,
    fixable=False,
    run=run,
    doc=__doc__ or "",
)
