"""The registry of checks, in the order their findings take precedence on a shared span."""

from __future__ import annotations

from termlint.checks import (
    acronym_first_use,
    ambiguous_term,
    deprecated_term,
    pattern,
    term_variant,
    undefined_term,
)
from termlint.checks.base import Check
from termlint.rule_ids import (
    PATTERN_ERROR,
    PIPELINE_RULES,
    READ_ERROR,
    UNKNOWN_DIRECTIVE,
)

CHECKS: tuple[Check, ...] = (
    acronym_first_use.CHECK,
    deprecated_term.CHECK,
    ambiguous_term.CHECK,
    term_variant.CHECK,
    undefined_term.CHECK,
    pattern.CHECK,
)
__all__ = [
    "BY_ID",
    "CHECKS",
    "GLOSSARY_RULES",
    "PATTERN_ERROR",
    "PIPELINE_RULES",
    "READ_ERROR",
    "UNKNOWN_DIRECTIVE",
]
BY_ID: dict[str, Check] = {check.id: check for check in CHECKS}

# Rules that are not checks over prose: produced by the pipeline itself (their ids and
# descriptions live in rule_ids, which a run served from the cache imports alone).
GLOSSARY_RULES = frozenset(
    {acronym_first_use.ID, deprecated_term.ID, ambiguous_term.ID, term_variant.ID}
)
