"""The records that cross stages: findings built fast from plain values, severities, reports."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from conftest import FULL_FINDING

from termlint.model import Finding, Position, Report, Severity, Span, build_finding

FINDING = FULL_FINDING
PLAIN = dataclasses.replace(
    FINDING, severity=Severity.INFO, term=None, suggestions=(), fix=None, line_text=""
)


def fields_of(finding: Finding) -> list[object]:
    """Every field, line_text (which takes no part in equality) included."""
    return [getattr(finding, field.name) for field in dataclasses.fields(Finding)]


@pytest.mark.parametrize("finding", [FINDING, PLAIN], ids=["every-field", "defaults"])
def test_build_finding_makes_what_the_constructor_makes(finding: Finding) -> None:
    built = build_finding(
        finding.path,
        *finding.place,
        (
            finding.rule,
            finding.severity,
            finding.text,
            finding.message,
            finding.term,
            finding.suggestions,
            finding.fix,
            finding.line_text,
        ),
    )
    assert type(built) is Finding
    assert fields_of(built) == fields_of(finding)
    assert (built, hash(built), repr(built)) == (finding, hash(finding), repr(finding))
    assert (type(built.span), type(built.start), type(built.end)) == (Span, Position, Position)
    assert built.start < built.end
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.rule = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.span.start = 0  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(built)) == finding


@pytest.mark.parametrize("finding", [FINDING, PLAIN], ids=["every-field", "defaults"])
def test_a_row_comes_back_as_the_same_finding(finding: Finding) -> None:
    assert fields_of(Finding.from_row(finding.to_row())) == fields_of(finding)


def test_severities_hash_by_identity_and_still_parse_and_rank() -> None:
    assert {Severity.ERROR: 1}[Severity.parse("ERROR")] == 1
    assert hash(Severity.WARNING) == object.__hash__(Severity.WARNING)
    assert pickle.loads(pickle.dumps(Severity.INFO)) is Severity.INFO
    assert [severity.rank for severity in Severity] == [1, 2, 3]


def test_a_report_counts_its_findings_by_severity() -> None:
    warning = dataclasses.replace(FINDING, severity=Severity.WARNING)
    report = Report(findings=(FINDING, PLAIN, warning, warning), files=3, fixed=1)
    summary = report.summary
    assert (summary.files, summary.findings, summary.fixed) == (3, 4, 1)
    assert (summary.error, summary.warning, summary.info) == (1, 2, 1)
    empty = Report(findings=(), files=0).summary
    assert (empty.findings, empty.error, empty.warning, empty.info) == (0, 0, 0, 0)
