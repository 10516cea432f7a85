"""term-variant: a listed variant, or a wrong casing, of a glossary term.

What it does:
    Flags every occurrence of a spelling the glossary lists under `variants`, and of
    a case-sensitive term (one whose `term` has a capital letter) written in another
    casing, such as "Devops" for "DevOps".

Why it matters:
    One concept written several ways reads as several concepts, and search misses
    the variants.

Example:
    With `term: DevOps` and `variants: [Dev Ops]`, both "Dev Ops" and "devops" are
    reported, each suggesting "DevOps".

Fix:
    Replaces the variant with the term, keeping a plural or possessive ending and,
    for case-insensitive terms, the capitalisation of the original.
"""

from __future__ import annotations

from collections.abc import Iterator

from termlint import rule_ids
from termlint.checks.base import Check, CheckContext, with_glossary_context
from termlint.checks.replacing import replacement_fix
from termlint.glossary import Status
from termlint.matching import FormKind, Match, fold_whitespace
from termlint.model import Finding, Severity

ID = rule_ids.TERM_VARIANT


def is_wrong_casing(match: Match) -> bool:
    """A case-sensitive form written in another casing (a listed variant is never one)."""
    entry = match.form.entry
    if not entry.is_case_sensitive or match.form.kind is FormKind.VARIANT:
        return False
    return fold_whitespace(match.base_text) != match.form.text


def target_of(match: Match) -> str:
    """What the variant should read: the abbreviation for a miscased abbreviation, else the term."""
    if match.form.kind is FormKind.ABBREVIATION:
        return match.form.text
    return match.form.entry.term


def run(ctx: CheckContext) -> Iterator[Finding]:
    for match in ctx.matches:
        entry = match.form.entry
        if entry.status not in (Status.PREFERRED, Status.ADMITTED):
            continue
        if match.form.kind is not FormKind.VARIANT and not is_wrong_casing(match):
            continue
        target = target_of(match)
        fix = replacement_fix(ctx, match, target)
        shown = match.form.text if match.form.kind is FormKind.ABBREVIATION else entry.term
        message = f'"{match.seg_text}" should be written "{shown}"'
        yield ctx.finding(
            rule=ID,
            severity=Severity.WARNING,
            span=match.span,
            message=with_glossary_context(message, entry),
            term=entry.term,
            suggestions=[fix.replacement, target] if fix else [target],
            fix=fix,
        )


CHECK = Check(
    id=ID,
    summary="A listed variant or wrong casing of a glossary term.",
    default_severity=Severity.WARNING,
    fixable=True,
    run=run,
    doc=__doc__ or "",
)
