"""Clause-by-clause tests of SPEC §2 and §4 through lint_text."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlint.config import Config, JargonSettings
from termlint.glossary import load_glossary_text
from termlint.lint import build_settings, lint_text


def lint(glossary: str, text: str, *, path: str = "doc.md", jargon: JargonSettings | None = None):  # type: ignore[no-untyped-def]
    config = Config(root=Path("."), jargon=jargon or JargonSettings())
    settings = build_settings(load_glossary_text(glossary, "g.yaml"), config)
    return lint_text(path, text, settings)


def brief(findings) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    return [
        (f.start.column, f.rule, f.text, list(f.suggestions), f.fix.replacement if f.fix else None)
        for f in findings
    ]


EMPTY = "terms: []\n"


def test_acronym_candidate_plural_span_includes_the_s() -> None:
    (finding,) = lint(EMPTY, "Two KTLOs remain.\n")
    assert (finding.start.column, finding.end.column, finding.text) == (5, 10, "KTLOs")
    assert finding.message == '"KTLO" is not in the glossary and not defined in this file'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ops team.", []),
        ("A DevSecOps and an MLOps view.", ["DevSecOps", "MLOps"]),
        ("A single X and the IT desk.", []),
        ("Use H2 and 2FA.", ["H2"]),
        ("ABCDEFG is too long; ABCDEF is not.", ["ABCDEF"]),
        ("The ServiceMesh stays quiet by default.", []),
    ],
)
def test_jargon_candidates(text: str, expected: list[str]) -> None:
    assert [f.text for f in lint(EMPTY, text)] == expected


def test_jargon_settings_allow_and_camel_case_and_switches() -> None:
    text = "The ServiceMesh and FinOps and KTLO.\n"
    both = lint(EMPTY, text, jargon=JargonSettings(allow=("KTLO",), camel_case=True))
    assert [f.text for f in both] == ["ServiceMesh", "FinOps"]
    none = lint(EMPTY, text, jargon=JargonSettings(ops_suffix=False, acronyms=False))
    assert none == []


def test_glossary_allow_list_covers_jargon_case_insensitively() -> None:
    assert lint("terms: []\nallow: [ktlo, FinOps]\n", "The KTLO and finops and FinOps.\n") == []


def test_glossary_finding_wins_over_undefined_on_the_same_span() -> None:
    glossary = "terms:\n  - term: FinOps\n    variants: [FINOPS]\n"
    assert brief(lint(glossary, "Our FINOPS and FinOps.\n")) == [
        (5, "term-variant", "FINOPS", ["FinOps"], "FinOps")
    ]


def test_definition_in_file_covers_every_use() -> None:
    text = "KTLO comes first. Later: Keep The Lights On (KTLO).\n"
    assert lint(EMPTY, text) == []


def test_admitted_term_itself_is_never_reported_but_its_variants_are() -> None:
    glossary = "terms:\n  - term: e-mail\n    status: admitted\n    case_sensitive: true\n    variants: [E-Mail]\n"
    assert brief(lint(glossary, "Send an e-mail, an E-Mail.\n")) == [
        (20, "term-variant", "E-Mail", ["e-mail"], "e-mail")
    ]


def test_explicitly_case_insensitive_term_accepts_any_casing() -> None:
    glossary = "terms:\n  - term: DevOps\n    case_sensitive: false\n"
    assert lint(glossary, "devops and DEVOPS\n") == []


def test_variant_of_a_deprecated_term_is_a_deprecated_term() -> None:
    glossary = "terms:\n  - term: whitelist\n    status: deprecated\n    variants: [white-list]\n    replace_with: [allowlist]\n"
    assert brief(lint(glossary, "The White-list.\n")) == [
        (5, "deprecated-term", "White-list", ["Allowlist"], "Allowlist")
    ]


def test_form_never_matches_inside_a_longer_word() -> None:
    glossary = "terms:\n  - term: master\n    status: deprecated\n    replace_with: [primary]\n"
    assert lint(glossary, "A masterful remaster, a master_key and masters.\n")[0].text == "masters"
    assert len(lint(glossary, "A masterful remaster, a master_key.\n")) == 0


def test_ambiguous_with_three_meanings_and_definition() -> None:
    glossary = (
        "terms:\n  - term: CD\n    status: ambiguous\n    meanings: [continuous delivery, "
        "continuous deployment, compact disc]\n    definition: Three things at once.\n"
    )
    (finding,) = lint(glossary, "Ship with CD.\n")
    assert finding.message == (
        '"CD" is ambiguous: it can mean continuous delivery, continuous deployment or compact '
        "disc. CD: Three things at once."
    )
    assert finding.fix is None


def test_acronym_first_use_possessive_keeps_its_ending() -> None:
    glossary = "terms:\n  - term: IT Operations\n    abbreviation: ITOps\n"
    assert brief(lint(glossary, "ITOps’s rota. ITOps again.\n")) == [
        (1, "acronym-first-use", "ITOps’s", ["IT Operations (ITOps)’s"], "IT Operations (ITOps)’s")
    ]


def test_miscased_abbreviation_first_use_is_one_finding_fixing_both() -> None:
    glossary = "terms:\n  - term: IT Operations\n    abbreviation: ITOps\n"
    assert brief(lint(glossary, "Ask itops. Ask ITOPS. IT Operations.\n")) == [
        (5, "acronym-first-use", "itops", ["IT Operations (ITOps)"], "IT Operations (ITOps)"),
        (16, "term-variant", "ITOPS", ["ITOps"], "ITOps"),
    ]


PATTERNS = """\
terms: []
patterns:
  - id: utilize
    regex: '\\b(u)tiliz(e|es|ed)\\b'
    message: Prefer "use".
    ignorecase: true
    replace_with: '$1se'
  - id: e-g
    regex: '(?<=\\s)e\\.g\\.(?=\\s)'
    message: Write "for example".
    severity: error
  - id: two-words
    regex: 'please\\s+note'
    message: Filler.
    severity: info
"""


def test_patterns_groups_lookarounds_severity_and_ignorecase() -> None:
    findings = lint(PATTERNS, "Utilize tools, e.g. hammers. Please\n  note it.\n")
    assert [
        (
            f.start.line,
            f.start.column,
            f.rule,
            f.severity.value,
            f.text,
            f.fix.replacement if f.fix else None,
        )
        for f in findings
    ] == [
        (1, 1, "utilize", "warning", "Utilize", "Use"),
        (1, 16, "e-g", "error", "e.g.", None),
    ]


def test_pattern_is_case_sensitive_unless_asked() -> None:
    findings = lint(PATTERNS, "please note this; Please note that.\n")
    assert [(f.start.column, f.rule) for f in findings] == [(1, "two-words")]


def test_slow_pattern_becomes_pattern_error_and_the_run_goes_on() -> None:
    glossary = (
        "terms: []\npatterns:\n  - id: runaway\n    regex: '(x+x+)+y'\n    message: slow\n"
        "  - id: fine\n    regex: 'xxxx'\n    message: found\n"
    )
    findings = lint(glossary, "x" * 3000 + "\n", path="doc.txt")
    (error,) = [f for f in findings if f.rule == "pattern-error"]
    assert (error.severity.value, error.start.line, error.start.column, error.text) == (
        "error",
        1,
        1,
        "",
    )
    assert (
        error.message == 'pattern "runaway" ran past its time budget on this file and was stopped'
    )
    assert len([f for f in findings if f.rule == "fine"]) == 750


def test_text_is_exactly_the_source_at_the_span() -> None:
    glossary = "terms:\n  - term: master server\n    status: forbidden\n    replace_with: [primary server]\n"
    text = "> Restart the master\n> server and the\n> MASTER   SERVERS.\n"
    findings = lint(glossary, text)
    assert [(f.text, f.fix.replacement if f.fix else None) for f in findings] == [
        ("master\n> server", "primary\n> server"),
        ("MASTER   SERVERS", "PRIMARY   SERVERS"),
    ]
    for finding in findings:
        assert text[finding.span.start : finding.span.end] == finding.text


def test_message_with_only_a_link_ends_its_sentence_first() -> None:
    glossary = (
        "terms:\n  - term: whitelist\n    status: deprecated\n    replace_with: [allowlist]\n"
        "    see: https://glossary.example.org/allowlist\n"
    )
    (finding,) = lint(glossary, "A whitelist.\n")
    assert finding.message == (
        '"whitelist" is deprecated: use "allowlist" instead. See https://glossary.example.org/allowlist'
    )


def test_the_light_list_of_rule_ids_is_the_registry() -> None:
    from termlint import checks, rule_ids

    assert tuple(check.id for check in checks.CHECKS) == rule_ids.CHECK_IDS
    assert rule_ids.CHECK_IDS == (
        "acronym-first-use",
        "deprecated-term",
        "ambiguous-term",
        "term-variant",
        "undefined-term",
        "pattern",
    )
