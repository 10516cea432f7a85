"""deprecated-term: a term the glossary marks `deprecated` (warning) or `forbidden` (error).

What it does:
    Flags every occurrence of a retired term, or of one of its variants, and names
    the replacements listed under `replace_with`.

Why it matters:
    Retired words (for example non-inclusive ones, or old product names) creep back
    in through copy and habit; a glossary decision is only real if it is enforced.

Example:
    With `term: whitelist`, `status: deprecated`, `replace_with: [allowlist]`, the
    sentence "Add the host to the whitelists" is reported, suggesting "allowlists".

Fix:
    When exactly one replacement is listed, the term is replaced by it, keeping the
    ending and capitalisation. With several replacements the choice is the writer's.
"""

from __future__ import annotations

from collections.abc import Iterator

from termlint import rule_ids
from termlint.checks.base import Check, CheckContext, quote_list, with_glossary_context
from termlint.checks.replacing import is_fixable, replacement_text
from termlint.glossary import Status
from termlint.model import Finding, Fix, Severity

ID = rule_ids.DEPRECATED_TERM

_SEVERITY = {Status.DEPRECATED: Severity.WARNING, Status.FORBIDDEN: Severity.ERROR}


def run(ctx: CheckContext) -> Iterator[Finding]:
    for match in ctx.matches:
        entry = match.form.entry
        if entry.status is not Status.DEPRECATED and entry.status is not Status.FORBIDDEN:
            continue  # an identity test: hashing an enum member runs Python code
        severity = _SEVERITY[entry.status]
        suggestions = [replacement_text(ctx, match, item) for item in entry.replace_with]
        fix: Fix | None = None
        if len(entry.replace_with) == 1 and is_fixable(match):
            fix = Fix(suggestions[0])  # what replacement_fix builds
        message = f'"{match.seg_text}" is {entry.status.value}'
        if suggestions:
            # a match without whitespace has no separators to keep: the same texts
            shown = suggestions
            if " " in match.seg_text:
                shown = [
                    replacement_text(ctx, match, item, keep_separators=False)
                    for item in entry.replace_with
                ]
            message += f": use {quote_list(shown)} instead"
        yield ctx.finding(
            rule=ID,
            severity=severity,
            span=match.span,
            message=with_glossary_context(message, entry),
            term=entry.term,
            suggestions=suggestions,
            fix=fix,
        )


CHECK = Check(
    id=ID,
    summary="A deprecated (warning) or forbidden (error) glossary term.",
    default_severity=Severity.WARNING,
    fixable=True,
    run=run,
    doc=__doc__ or "",
)
