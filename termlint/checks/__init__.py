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

CHECKS: tuple[Check, ...] = (
    acronym_first_use.CHECK,
    deprecated_term.CHECK,
    ambiguous_term.CHECK,
    term_variant.CHECK,
    undefined_term.CHECK,
    pattern.CHECK,
)
BY_ID: dict[str, Check] = {check.id: check for check in CHECKS}

# Rules that are not checks over prose: produced by the pipeline itself.
READ_ERROR = "read-error"
PATTERN_ERROR = "pattern-error"
UNKNOWN_DIRECTIVE = "unknown-directive"
PIPELINE_RULES: dict[str, str] = {
    READ_ERROR: "A file could not be read or decoded as UTF-8.",
    PATTERN_ERROR: "A pattern ran past its time budget on a file.",
}
GLOSSARY_RULES = frozenset(
    {acronym_first_use.ID, deprecated_term.ID, ambiguous_term.ID, term_variant.ID}
)
