"""The pipeline from decoded text to findings: read, match, run the checks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termlint import packs
from termlint.checks import CHECKS, GLOSSARY_RULES, READ_ERROR
from termlint.checks.base import Check, CheckContext, LintSettings
from termlint.config import Config
from termlint.document import Document
from termlint.glossary import Glossary
from termlint.matching import TermIndex
from termlint.model import Finding, Position, Severity, Span
from termlint.patterns import CompiledPattern
from termlint.prefilter import prepare_relevance, read_for_lint
from termlint.source import SourceError, SourceFile, read_source
from termlint.suppression import apply_suppressions


def build_settings(glossary: Glossary, config: Config) -> LintSettings:
    allowed = {word.casefold() for word in (*glossary.allow, *config.jargon.allow)}
    settings = LintSettings(
        index=TermIndex(glossary.entries),
        jargon=config.jargon,
        allowed=frozenset(allowed),
        common_acronyms=packs.common_acronyms(),
        patterns=tuple(CompiledPattern.compile(pattern) for pattern in glossary.patterns),
    )
    # built here, before any worker is forked, rather than once in every worker
    prepare_relevance(settings)
    return settings


def lint_document(
    document: Document, settings: LintSettings, checks: Sequence[Check] = CHECKS
) -> list[Finding]:
    """Every finding of the given checks, one glossary finding per span (SPEC §2)."""
    matches = tuple(settings.index.find(document))
    context = CheckContext(document=document, matches=matches, settings=settings)
    findings: list[Finding] = []
    claimed: set[tuple[int, int]] = set()
    for check in checks:
        for finding in check.run(context):
            if finding.rule in GLOSSARY_RULES:
                key = (finding.span.start, finding.span.end)
                if key in claimed:
                    continue
                claimed.add(key)
            findings.append(finding)
    findings = apply_suppressions(document, findings, settings)  # SPEC §5
    findings.sort(key=lambda finding: finding.sort_key)
    return findings


def lint_text(
    display_path: str, text: str, settings: LintSettings, checks: Sequence[Check] = CHECKS
) -> list[Finding]:
    # only the blocks that can hold a finding are read in full (prefilter.py)
    return lint_document(read_for_lint(display_path, text, settings, checks), settings, checks)


def read_error(display_path: str, message: str) -> Finding:
    origin = Position(1, 1)
    return Finding(
        path=display_path,
        span=Span(0, 0),
        start=origin,
        end=origin,
        rule=READ_ERROR,
        severity=Severity.ERROR,
        text="",
        message=message,
    )


def lint_file(
    path: Path, display_path: str, settings: LintSettings, checks: Sequence[Check] = CHECKS
) -> tuple[SourceFile | None, list[Finding]]:
    """The file as read (None when unreadable) and its findings; never raises for bad files."""
    try:
        source = read_source(path)
    except SourceError as error:
        return None, [read_error(display_path, str(error))]
    return source, lint_text(display_path, source.text, settings, checks)
