"""Applying fixes to decoded text: pure functions, no files (SPEC §8).

A fix replaces one finding's span. Spans lie inside prose, which the readers
guarantee never covers code, URLs or front matter, and a span never holds a line
break that a fix could lose: the separators of a wrapped multi-word match are
carried into its replacement. So the BOM, the line endings and the final newline
are kept without this module knowing about them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from termlint.model import Finding

MAX_PASSES = 5


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class FixResult:
    text: str
    fixed: int  # findings whose fix was applied, over every pass
    findings: tuple[Finding, ...]  # what the last lint of `text` reported


def planned_edits(text: str, findings: Iterable[Finding]) -> list[Edit]:
    """The edits to apply, in order: sorted by span, none overlapping an earlier kept one.

    At the same start the longer edit goes first (it holds the shorter one). An edit
    that would leave the text as it is counts as nothing and is dropped.
    """
    candidates = sorted(
        (
            Edit(finding.span.start, finding.span.end, finding.fix.replacement)
            for finding in findings
            if finding.fix is not None
        ),
        key=lambda edit: (edit.start, -edit.end, edit.replacement),
    )
    kept: list[Edit] = []
    for edit in candidates:
        if text[edit.start : edit.end] == edit.replacement:
            continue
        if kept and edit.start < kept[-1].end:
            continue
        if kept and edit.start == edit.end == kept[-1].start == kept[-1].end:
            continue  # two insertions at one point: their order would be a guess
        kept.append(edit)
    return kept


def splice(text: str, edits: Sequence[Edit]) -> str:
    """`text` with each edit's span replaced; `edits` sorted and not overlapping."""
    pieces: list[str] = []
    position = 0
    for edit in edits:
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """The text with every non-overlapping fix applied, and how many were applied."""
    edits = planned_edits(text, findings)
    return splice(text, edits), len(edits)


def fix_text(
    text: str,
    lint: Callable[[str], Sequence[Finding]],
    *,
    first: Sequence[Finding] | None = None,
    max_passes: int = MAX_PASSES,
) -> FixResult:
    """Fix, lint the result again, and repeat while something changed.

    `lint` returns the findings that are finally reported for a text (so switched-off,
    unselected and suppressed findings are never fixed); `first` saves linting the
    original text again when its findings are at hand. Another pass is needed when a
    fix dropped an overlapping one, or when fixing made a new finding fixable.
    """
    findings = tuple(lint(text) if first is None else first)
    fixed = 0
    for _ in range(max_passes):
        new_text, applied = apply_fixes(text, findings)
        if new_text == text:
            break
        text = new_text
        fixed += applied
        findings = tuple(lint(text))
    return FixResult(text=text, fixed=fixed, findings=findings)
