"""Case files in tests/cases/<rule-id>.md: title . input . expected findings . (markdown-it style)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from termlint.checks import CHECKS
from termlint.config import Config
from termlint.glossary import load_glossary_file
from termlint.lint import build_settings, lint_text
from termlint.model import Finding

CASES = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Case:
    file: str
    title: str
    source: str
    expected: str


def parse_cases(path: Path) -> list[Case]:
    blocks: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line == ".":
            blocks.append([])
        else:
            blocks[-1].append(line)
    if blocks[-1] == [] or all(not line.strip() for line in blocks[-1]):
        blocks.pop()
    if len(blocks) % 3:
        raise ValueError(f"{path.name}: blocks must come in threes (title, input, expected)")
    cases = []
    for index in range(0, len(blocks), 3):
        title = "\n".join(line for line in blocks[index] if line.strip())
        source = "\n".join(blocks[index + 1]) + "\n"
        expected = "\n".join(blocks[index + 2]).strip("\n")
        cases.append(Case(path.name, title, source, expected))
    return cases


def render(finding: Finding) -> str:
    lines = [
        f"{finding.start.line}:{finding.start.column}: {finding.severity.value}: "
        f"{finding.message} [{finding.rule}]"
    ]
    lines.append(f"  text: {finding.text!r}")
    if finding.suggestions:
        lines.append(f"  suggestions: {' | '.join(map(repr, finding.suggestions))}")
    if finding.fix is not None:
        lines.append(f"  fix: {finding.fix.replacement!r}")
    return "\n".join(lines)


ALL_CASES = [case for path in sorted(CASES.glob("*.md")) for case in parse_cases(path)]


@pytest.fixture(scope="module")
def settings():  # type: ignore[no-untyped-def]
    glossary = load_glossary_file(CASES / "glossary.yaml")
    return build_settings(glossary, Config(root=CASES))


@pytest.mark.parametrize("case", ALL_CASES, ids=[f"{c.file}: {c.title}" for c in ALL_CASES])
def test_case(case: Case, settings) -> None:  # type: ignore[no-untyped-def]
    findings = lint_text("doc.md", case.source, settings)
    assert "\n".join(render(finding) for finding in findings) == case.expected


def test_every_check_has_a_case_file() -> None:
    for check in CHECKS:
        assert (CASES / f"{check.id}.md").is_file(), f"tests/cases/{check.id}.md is missing"
