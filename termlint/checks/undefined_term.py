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

import bisect
from collections.abc import Iterator

from termlint import rule_ids
from termlint.checks.base import Check, CheckContext, quote_list
from termlint.jargon import Definitions, candidate_spans
from termlint.model import Finding, Severity

ID = rule_ids.UNDEFINED_TERM


def _is_covered(ctx: CheckContext, name: str, definitions: Definitions) -> bool:
    return ctx.settings.knows(name) or definitions.find(name) is not None


def run(ctx: CheckContext) -> Iterator[Finding]:
    segments = ctx.document.segments
    # Every offset below is in the segments' texts joined by line breaks: the candidates
    # are found in that text once (what `find_candidates` finds in each segment).
    whole_text = "\n".join(segment.text for segment in segments)
    bases: dict[int, int] = {}
    base = 0
    for segment in segments:
        bases[id(segment)] = base
        base += len(segment.text) + 1
    glossary_starts: list[int] = []  # the matches' spans: disjoint, sorted by start
    glossary_ends: list[int] = []
    for start, end in sorted(
        (bases[id(match.segment)] + match.seg_start, bases[id(match.segment)] + match.seg_end)
        for match in ctx.matches
    ):
        glossary_starts.append(start)
        glossary_ends.append(end)
    seen: set[str] = set()
    definitions = Definitions(whole_text)
    position = 0
    for start, end, name in candidate_spans(whole_text, ctx.settings.jargon):
        if name in seen:
            continue
        index = bisect.bisect_left(glossary_ends, start + 1)  # the first span ending after start
        if index < len(glossary_starts) and glossary_starts[index] < end:
            continue
        seen.add(name)
        if _is_covered(ctx, name, definitions):
            continue
        while position + 1 < len(segments) and bases[id(segments[position + 1])] <= start:
            position += 1
        segment = segments[position]
        base = bases[id(segment)]
        suggestions = ctx.settings.index.similar_terms(name)
        message = f'"{name}" is not in the glossary and not defined in this file'
        if suggestions:
            message += f"; did you mean {quote_list(suggestions)}?"
        yield ctx.finding(
            rule=ID,
            severity=Severity.WARNING,
            span=segment.to_source(start - base, end - base),
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
