"""Which findings are reported, at which severity: config rules, --select and --ignore."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from termlint.config import Config
from termlint.model import Finding, Position, Report, Severity, Span
from termlint.selection import RuleSelection, exit_code

RULES = ("deprecated-term", "undefined-term")


def finding(rule: str) -> Finding:
    return Finding(
        path="a.md",
        span=Span(0, 4),
        start=Position(1, 1),
        end=Position(1, 5),
        rule=rule,
        severity=Severity.WARNING,
        text="KTLO",
        message="m",
    )


FOUND = [finding("deprecated-term"), finding("undefined-term")]


def test_with_nothing_configured_every_finding_is_kept_as_it_is() -> None:
    selection = RuleSelection(Config(root=Path(".")), known_rules=RULES)
    kept = selection.apply(iter(FOUND), Path("a.md"))
    assert kept == FOUND
    assert all(a is b for a, b in zip(kept, FOUND, strict=True))


def test_rules_select_and_ignore_change_what_is_kept() -> None:
    config = Config(root=Path("."), rules=(("deprecated-term", "error"),))
    assert [f.severity for f in RuleSelection(config, known_rules=RULES).apply(FOUND, None)] == [
        Severity.ERROR,
        Severity.WARNING,
    ]
    off = Config(root=Path("."), rules=(("undefined-term", "off"),))
    assert RuleSelection(off, known_rules=RULES).apply(FOUND, None) == FOUND[:1]
    chosen = RuleSelection(Config(root=Path(".")), known_rules=RULES, select=["undefined-term"])
    assert chosen.apply(FOUND, None) == FOUND[1:]
    ignored = RuleSelection(Config(root=Path(".")), known_rules=RULES, ignore=["undefined-term"])
    assert ignored.apply(FOUND, None) == FOUND[:1]


@pytest.mark.parametrize(
    ("severities", "codes"),
    [
        ((), (0, 0, 0, 0)),
        ((Severity.INFO,), (1, 0, 0, 0)),
        ((Severity.INFO, Severity.WARNING, Severity.WARNING), (1, 1, 0, 0)),
        ((Severity.ERROR,), (1, 1, 1, 0)),
    ],
)
def test_the_exit_code_is_1_when_a_finding_is_at_or_above_fail_on(
    severities: tuple[Severity, ...], codes: tuple[int, int, int, int]
) -> None:
    found = tuple(dataclasses.replace(FOUND[0], severity=severity) for severity in severities)
    report = Report(findings=found, files=1)
    fail_on = ("info", "warning", "error", "never")
    assert tuple(exit_code(report, level) for level in fail_on) == codes
