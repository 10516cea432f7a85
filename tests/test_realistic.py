"""Whole pages of varied Markdown and text, written for these tests, with every finding pinned."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import GLOSSARY

from termlint.config import Config
from termlint.glossary import load_glossary_text
from termlint.lint import build_settings, lint_file

PAGES = Path(__file__).parent / "fixtures" / "realistic"
EXTRA_TERMS = """\
  - term: Site Reliability Engineering
    abbreviation: SRE
  - term: runbook
    variants: [run book]
  - term: proxy
    status: deprecated
    replace_with: [gateway]
  - term: blacklist
    status: deprecated
    replace_with: [denylist, blocklist]
"""
INFRA_OPS = ["Infrastructure Operations", "Infrastructure Optimisation"]

EXPECTED = {
    "platform-guide.md": [
        (
            9,
            30,
            "acronym-first-use",
            "SRE",
            ["Site Reliability Engineering (SRE)"],
            "Site Reliability Engineering (SRE)",
        ),
        (9, 47, "ambiguous-term", "InfraOps", INFRA_OPS, None),
        (16, 21, "undefined-term", "FinOps", [], None),
        (17, 42, "deprecated-term", "whitelist", ["allowlist"], "allowlist"),
        (20, 23, "term-variant", "Dev Ops", ["DevOps"], "DevOps"),
        (21, 15, "term-variant", "run book", ["runbook"], "runbook"),
        (22, 7, "term-variant", "run book", ["runbook"], "runbook"),
        (
            25,
            30,
            "deprecated-term",
            "master\n   > server",
            ["primary\n   > server"],
            "primary\n   > server",
        ),
        (40, 8, "term-variant", "Devops", ["DevOps"], "DevOps"),
        (41, 20, "ambiguous-term", "InfraOps", INFRA_OPS, None),
        (50, 80, "term-variant", "Dev&nbsp;Ops", ["DevOps"], "DevOps"),
    ],
    "incident-review.md": [
        (6, 56, "acronym-first-use", "ITOps", ["IT Operations (ITOps)"], "IT Operations (ITOps)"),
        (13, 35, "deprecated-term", "blacklist", ["denylist", "blocklist"], None),
        (15, 3, "deprecated-term", "proxy", ["gateway"], "gateway"),
        (16, 19, "deprecated-term", "proxies", ["gateways"], "gateways"),
        (28, 16, "deprecated-term", "Whitelists", ["Allowlists"], "Allowlists"),
        (30, 7, "undefined-term", "KTLO", [], None),
    ],
    "release-notes.txt": [
        (4, 5, "term-variant", "Devops", ["DevOps"], "DevOps"),
        (6, 18, "deprecated-term", "MASTER SERVER", ["PRIMARY SERVER"], "PRIMARY SERVER"),
        (6, 56, "click-here", "Click here", [], None),
        (7, 20, "acronym-first-use", "ITOps", ["IT Operations (ITOps)"], "IT Operations (ITOps)"),
    ],
}


@pytest.fixture(scope="module")
def settings():  # type: ignore[no-untyped-def]
    text = GLOSSARY.replace("  - term: InfraOps", EXTRA_TERMS + "  - term: InfraOps")
    return build_settings(load_glossary_text(text, "glossary.yaml"), Config(root=PAGES))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_realistic_page(name: str, settings) -> None:  # type: ignore[no-untyped-def]
    source, findings = lint_file(PAGES / name, name, settings)
    assert source is not None
    got = [
        (
            f.start.line,
            f.start.column,
            f.rule,
            f.text,
            list(f.suggestions),
            f.fix.replacement if f.fix else None,
        )
        for f in findings
    ]
    assert got == EXPECTED[name]
    for finding in findings:  # the span invariant: text is exactly the file's characters there
        assert source.text[finding.span.start : finding.span.end] == finding.text
