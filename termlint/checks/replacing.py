"""Turning a match and a glossary replacement into a safe Fix."""

from __future__ import annotations

from termlint.checks.base import CheckContext
from termlint.inflection import build_replacement
from termlint.matching import Match
from termlint.model import Fix


def replacement_text(
    ctx: CheckContext, match: Match, replacement: str, *, keep_separators: bool = True
) -> str:
    """The replacement with the match's ending and casing (and separators) carried over."""
    segment = match.segment
    separators = (
        segment.separators(ctx.document.text, match.seg_start, match.seg_end)
        if keep_separators
        else ()
    )
    return build_replacement(
        match.seg_text,
        replacement,
        ending=match.ending,
        is_case_sensitive=match.form.entry.is_case_sensitive,
        separators=separators,
    )


def is_fixable(match: Match) -> bool:
    """Whether the span holds nothing but the matched words (no `**` inside it)."""
    return match.segment.is_contiguous(match.seg_start, match.seg_end)


def replacement_fix(ctx: CheckContext, match: Match, replacement: str) -> Fix | None:
    """A Fix only when the span holds nothing but the matched words (no `**` inside it)."""
    if not is_fixable(match):
        return None
    return Fix(replacement_text(ctx, match, replacement))
