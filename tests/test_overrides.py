"""`overrides` in the config (SPEC §5, §6): per-glob severities, later overrides win, `off`."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlint.config import Config, Override
from termlint.errors import UsageError
from termlint.model import Finding, Position, Severity, Span
from termlint.selection import RuleSelection

KNOWN = ("term-variant", "deprecated-term", "ambiguous-term", "click-here")


def finding(rule: str, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(
        path="x",
        span=Span(0, 1),
        start=Position(1, 1),
        end=Position(1, 2),
        rule=rule,
        severity=severity,
        text="x",
        message="m",
    )


def selection(root: Path, *overrides: tuple[tuple[str, ...], dict[str, str]], **kwargs):
    config = Config(
        root=root,
        rules=tuple(kwargs.pop("rules", {}).items()),
        overrides=tuple(Override(files, tuple(rules.items())) for files, rules in overrides),
    )
    return RuleSelection(config, known_rules=KNOWN, **kwargs)


def severity(rules: RuleSelection, root: Path, path: str | None, rule: str = "deprecated-term"):
    value = rules.severity(finding(rule), None if path is None else root / path)
    return None if value is None else value.value


LEGACY = (("docs/legacy/**",), {"deprecated-term": "off", "ambiguous-term": "error"})
KEEP = (("docs/legacy/keep.md",), {"deprecated-term": "info"})


@pytest.mark.parametrize(
    ("path", "rule", "expected"),
    [
        ("docs/a.md", "deprecated-term", "warning"),  # no override matches: the default
        ("docs/legacy/old.md", "deprecated-term", None),  # off
        ("docs/legacy/sub/old.md", "ambiguous-term", "error"),
        ("docs/legacy/old.md", "term-variant", "warning"),  # a rule the override leaves alone
        ("docs/legacy/keep.md", "deprecated-term", "info"),  # the later override wins
        ("docs/legacy/keep.md", "ambiguous-term", "error"),  # ... only for the rules it names
    ],
)
def test_per_glob_severities_and_later_overrides_win(tmp_path, path, rule, expected):
    rules = selection(tmp_path, LEGACY, KEEP)
    assert severity(rules, tmp_path, path, rule) == expected


def test_order_decides_not_specificity(tmp_path):
    rules = selection(tmp_path, KEEP, LEGACY)  # the broad override now comes last
    assert severity(rules, tmp_path, "docs/legacy/keep.md") is None


def test_overrides_beat_the_config_rules_and_can_switch_an_off_rule_back_on(tmp_path):
    back_on = (("docs/**",), {"deprecated-term": "error"})
    rules = selection(tmp_path, back_on, rules={"deprecated-term": "off"})
    assert severity(rules, tmp_path, "README.md") is None
    assert severity(rules, tmp_path, "docs/a.md") == "error"


def test_a_glob_without_a_slash_matches_in_any_folder(tmp_path):
    rules = selection(tmp_path, (("CHANGELOG.md",), {"deprecated-term": "off"}))
    assert severity(rules, tmp_path, "CHANGELOG.md") is None
    assert severity(rules, tmp_path, "docs/CHANGELOG.md") is None
    assert severity(rules, tmp_path, "docs/a.md") == "warning"


def test_globs_are_relative_to_the_config_folder(tmp_path):
    rules = selection(tmp_path / "project", (("/docs/",), {"deprecated-term": "off"}))
    assert severity(rules, tmp_path / "project", "docs/a.md") is None
    assert severity(rules, tmp_path, "docs/a.md") == "warning"  # outside the config's folder
    assert severity(rules, tmp_path, None) == "warning"  # no path (standard input)


def test_ignore_wins_over_an_override(tmp_path):
    rules = selection(
        tmp_path, (("**",), {"deprecated-term": "error"}), ignore=("deprecated-term",)
    )
    assert severity(rules, tmp_path, "a.md") is None


def test_pattern_ids_in_overrides(tmp_path):
    rules = selection(tmp_path, (("drafts/",), {"click-here": "off"}))
    assert severity(rules, tmp_path, "drafts/a.md", "click-here") is None
    assert severity(rules, tmp_path, "a.md", "click-here") == "warning"


def test_apply_drops_off_findings_and_rewrites_severities(tmp_path):
    rules = selection(tmp_path, LEGACY, KEEP)
    found = [finding("deprecated-term"), finding("ambiguous-term"), finding("term-variant")]
    kept = rules.apply(found, tmp_path / "docs/legacy/keep.md")
    assert [(f.rule, f.severity) for f in kept] == [
        ("deprecated-term", Severity.INFO),
        ("ambiguous-term", Severity.ERROR),
        ("term-variant", Severity.WARNING),
    ]


def test_unknown_rule_in_an_override_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError) as caught:
        selection(tmp_path, (("a.md",), {"deprecated-terms": "off"}))
    assert str(caught.value) == (
        "config overrides: unknown rule 'deprecated-terms' (see `termlint rules`)"
    )
