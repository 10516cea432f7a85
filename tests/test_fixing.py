"""fixing.py: apply_fixes and the fix loop, on strings only."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlint.config import Config
from termlint.fixing import Edit, apply_fixes, fix_text, planned_edits
from termlint.glossary import load_glossary_text
from termlint.lint import build_settings, lint_text
from termlint.model import Finding, Fix, Position, Severity, Span


def finding(start: int, end: int, replacement: str | None, rule: str = "term-variant") -> Finding:
    return Finding(
        path="doc.md",
        span=Span(start, end),
        start=Position(1, start + 1),
        end=Position(1, end + 1),
        rule=rule,
        severity=Severity.WARNING,
        text="",
        message="",
        fix=None if replacement is None else Fix(replacement),
    )


def test_applies_in_span_order_whatever_the_input_order() -> None:
    text = "aa bb cc dd"
    findings = [finding(9, 11, "DD"), finding(0, 2, "A"), finding(6, 8, "CCC")]
    assert apply_fixes(text, findings) == ("A bb CCC DD", 3)


def test_findings_without_a_fix_change_nothing() -> None:
    assert apply_fixes("aa bb", [finding(0, 2, None), finding(3, 5, None)]) == ("aa bb", 0)


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        # the same span twice: only the first (by replacement text) applies
        ([(0, 5, "X"), (0, 5, "Y")], ("X world", 1)),
        # one inside another: the longer, which starts first, wins
        ([(2, 4, "Y"), (0, 5, "X")], ("X world", 1)),
        # partial overlap: the earlier wins, the later is dropped
        ([(0, 5, "X"), (3, 8, "Y")], ("X world", 1)),
        ([(3, 8, "Y"), (0, 4, "X")], ("Xo world", 1)),
        # touching spans do not overlap
        ([(0, 5, "X"), (5, 6, "_")], ("X_world", 2)),
    ],
)
def test_overlapping_fixes_never_both_apply(
    spans: list[tuple[int, int, str]], expected: tuple[str, int]
) -> None:
    findings = [finding(start, end, replacement) for start, end, replacement in spans]
    assert apply_fixes("hello world", findings) == expected


def test_two_insertions_at_one_point_apply_once() -> None:
    assert planned_edits("ab", [finding(1, 1, "Y"), finding(1, 1, "X")]) == [Edit(1, 1, "X")]


def test_a_fix_that_changes_nothing_is_not_counted() -> None:
    text = "DevOps and dev-ops"
    assert apply_fixes(text, [finding(0, 6, "DevOps"), finding(11, 18, "DevOps")]) == (
        "DevOps and DevOps",
        1,
    )


def test_unicode_and_line_endings_outside_spans_are_kept() -> None:
    text = "\u00e9t\u00e9 dev-ops\r\n\u2014 dev-ops\rend"
    findings = [finding(4, 11, "DevOps"), finding(15, 22, "DevOps")]
    assert apply_fixes(text, findings) == ("\u00e9t\u00e9 DevOps\r\n\u2014 DevOps\rend", 2)


GLOSSARY = """\
version: 1
terms:
  - term: DevOps
    variants: [dev-ops]
  - term: IT Operations
    abbreviation: ITOps
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
patterns:
  - id: use-the-whitelist
    regex: 'use the whitelist'
    replace_with: ['use the list']
    message: Vaguer, on purpose.
"""


@pytest.fixture(scope="module")
def lint():  # type: ignore[no-untyped-def]
    settings = build_settings(load_glossary_text(GLOSSARY, "glossary.yaml"), Config(root=Path()))
    return lambda text: lint_text("doc.md", text, settings)


def test_apply_fixes_is_idempotent(lint) -> None:  # type: ignore[no-untyped-def]
    text = "Ask ITOps about dev-ops and the whitelist.\n"
    once, count = apply_fixes(text, lint(text))
    assert (once, count) == ("Ask IT Operations (ITOps) about DevOps and the allowlist.\n", 3)
    assert apply_fixes(once, lint(once)) == (once, 0)


def test_fix_text_repeats_until_nothing_changes(lint) -> None:  # type: ignore[no-untyped-def]
    # Pass 1: the pattern (it starts first) wins over the deprecated term inside it.
    # Pass 2 has nothing left: "use the list" holds no term.
    result = fix_text("Please use the whitelist, not the whitelist.\n", lint)
    assert result.text == "Please use the list, not the allowlist.\n"
    assert result.fixed == 2
    assert result.findings == ()


def test_fix_text_reports_remaining_findings_of_the_fixed_text(lint) -> None:  # type: ignore[no-untyped-def]
    settings = build_settings(
        load_glossary_text(
            GLOSSARY + "  - id: list\n    regex: 'allowlist'\n    message: Hm.\n", "g.yaml"
        ),
        Config(root=Path()),
    )
    result = fix_text("A dev-ops whitelist.\n", lambda text: lint_text("doc.md", text, settings))
    assert result.text == "A DevOps allowlist.\n"
    assert [(f.rule, f.start, f.text) for f in result.findings] == [
        ("list", Position(1, 10), "allowlist")
    ]


def test_fix_text_stops_after_max_passes() -> None:
    # A lint that always finds something to fix: the loop must end.
    def grow(text: str) -> list[Finding]:
        return [finding(0, 0, "x")]

    result = fix_text("", grow, max_passes=3)
    assert (result.text, result.fixed) == ("xxx", 3)


def test_fix_text_uses_the_given_first_findings(lint) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []

    def counting(text: str) -> list[Finding]:
        calls.append(text)
        return lint(text)

    first = lint("dev-ops\n")
    result = fix_text("dev-ops\n", counting, first=first)
    assert result.text == "DevOps\n"
    assert calls == ["DevOps\n"]
