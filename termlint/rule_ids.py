"""Every rule id, in one module that imports nothing.

A run served entirely from the results cache still needs the ids (to check `rules:`,
`--select` and `--ignore`), but none of the checks' code: the checks take their ids from
here, and `checks/__init__.py` keeps the registry that a test holds to this list."""

from __future__ import annotations

ACRONYM_FIRST_USE = "acronym-first-use"
DEPRECATED_TERM = "deprecated-term"
AMBIGUOUS_TERM = "ambiguous-term"
TERM_VARIANT = "term-variant"
UNDEFINED_TERM = "undefined-term"
PATTERN = "pattern"

# The checks' ids, in the order of the registry (`termlint.checks.CHECKS`).
CHECK_IDS = (
    ACRONYM_FIRST_USE,
    DEPRECATED_TERM,
    AMBIGUOUS_TERM,
    TERM_VARIANT,
    UNDEFINED_TERM,
    PATTERN,
)

# Rules that are not checks over prose: produced by the pipeline itself.
READ_ERROR = "read-error"
PATTERN_ERROR = "pattern-error"
UNKNOWN_DIRECTIVE = "unknown-directive"
PIPELINE_RULES: dict[str, str] = {
    READ_ERROR: "A file could not be read or decoded as UTF-8.",
    PATTERN_ERROR: "A pattern ran past its time budget on a file.",
}
