"""undefined-term: jargon that no glossary, allow list or in-file definition covers.

What it does:
    Looks for words shaped like jargon — words ending in "Ops" (InfraOps, FinOps) and
    all-capital acronyms of 2 to 6 letters or digits (KTLO, SRE2) that are not common
    ones such as API or URL — and flags the first use in each file of any that the
    glossary, an `allow` list and the file itself leave unexplained. A file explains
    a word with "Keep The Lights On (KTLO)" or "KTLO (Keep The Lights On)" anywhere.

Why it matters:
    Team shorthand leaks into documents that outsiders read. A word nobody defined
    is a word half the readers guess at.

Example:
    "Our FinOps review is monthly." is reported unless the glossary or the file
    defines FinOps. "InfreOps" is reported with the suggestion "InfraOps". Three or
    more all-capital words in a row ("DO NOT USE") read as emphasis and are skipped.

Fix:
    None: add the word to the glossary (`termlint discover` drafts entries), to an
    `allow` list, or define it in the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from termlint.checks.base import Check, CheckContext, quote_list
from termlint.jargon import Candidate, find_candidates, find_definition
from termlint.model import Finding, Severity

ID = "undefined-term"


def _is_covered(ctx: CheckContext, candidate: Candidate, whole_text: str) -> bool:
    name = candidate.name
    settings = ctx.settings
    if name in settings.common_acronyms or name.casefold() in settings.allowed:
        return True
    if settings.index.covers(name):
        return True
    return find_definition(whole_text, name) is not None


def run(ctx: CheckContext) -> Iterator[Finding]:
    glossary_spans: dict[int, list[tuple[int, int]]] = {}
    for match in ctx.matches:
        glossary_spans.setdefault(id(match.segment), []).append((match.seg_start, match.seg_end))
    whole_text = "\n".join(segment.text for segment in ctx.document.segments)
    seen: set[str] = set()
    for segment in ctx.document.segments:
        for candidate in find_candidates(segment, ctx.settings.jargon):
            if candidate.name in seen:
                continue
            spans = glossary_spans.get(id(segment), ())
            if any(candidate.start < end and start < candidate.end for start, end in spans):
                continue
            seen.add(candidate.name)
            if _is_covered(ctx, candidate, whole_text):
                continue
            suggestions = ctx.settings.index.similar_terms(candidate.name)
            message = f'"{candidate.name}" is not in the glossary and not defined in this file'
            if suggestions:
                message += f"; did you mean {quote_list(suggestions)}?"
            yield ctx.finding(
                rule=ID,
                severity=Severity.WARNING,
                span=segment.to_source(candidate.start, candidate.end),
                message=message,
                suggestions=suggestions,
            )


CHECK = Check(
    id=ID,
    summary="Jargon that no glossary, allow list or in-file definition covers.",
    default_severity=Severity.WARNING,
    fixable=False,
    run=run,
    doc=__doc__ or "",
)
