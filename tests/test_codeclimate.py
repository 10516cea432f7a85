"""`--format codeclimate`: the GitLab Code Quality array, with unique fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

from ci_project import finding, make_project, report_of
from conftest import run_cli

from termlint.formatters import codeclimate
from termlint.model import Severity

REQUIRED = {"description", "check_name", "fingerprint", "severity", "location"}


def test_every_issue_has_the_fields_gitlab_requires(tmp_path: Path) -> None:
    result = run_cli(["check", "--format", "codeclimate", "docs"], make_project(tmp_path))
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert [
        (
            issue["location"]["path"],
            issue["location"]["lines"]["begin"],
            issue["check_name"],
            issue["severity"],
        )
        for issue in issues
    ] == [
        ("docs/bad.txt", 1, "read-error", "major"),
        ("docs/über.md", 1, "term-variant", "minor"),
        ("docs/über.md", 3, "acronym-first-use", "minor"),
        ("docs/über.md", 3, "ambiguous-term", "minor"),
        ("docs/über.md", 3, "deprecated-term", "minor"),
        ("docs/über.md", 3, "deprecated-term", "major"),
        ("docs/über.md", 4, "undefined-term", "minor"),
        ("docs/über.md", 4, "click-here", "minor"),
        ("docs/über.md", 5, "unknown-directive", "minor"),
        ("docs/über.md", 6, "term-variant", "minor"),
    ]
    for issue in issues:
        assert set(issue) >= REQUIRED
        assert isinstance(issue["description"], str) and issue["description"]
        assert len(issue["fingerprint"]) == 32
    assert issues[1]["description"] == '"Dev Ops" should be written "DevOps"'
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


def test_identical_findings_in_one_file_get_distinct_fingerprints() -> None:
    same_line = "Dev Ops and Dev Ops"
    report = report_of(
        finding("term-variant", line=1, column=1, line_text=same_line),
        finding("term-variant", line=1, column=13, line_text=same_line),
        finding("term-variant", line=2, column=1, line_text=same_line),
    )
    issues = json.loads(codeclimate.render(report, False))
    assert len({issue["fingerprint"] for issue in issues}) == 3
    # and the same report always gives the same fingerprints
    again = json.loads(codeclimate.render(report, False))
    assert [issue["fingerprint"] for issue in again] == [issue["fingerprint"] for issue in issues]


def test_severity_mapping_and_lines() -> None:
    report = report_of(
        finding("a", severity=Severity.ERROR),
        finding("b", severity=Severity.WARNING, line=4),
        finding("c", severity=Severity.INFO, line=9),
    )
    issues = json.loads(codeclimate.render(report, False))
    assert [(issue["severity"], issue["location"]["lines"]) for issue in issues] == [
        ("major", {"begin": 1, "end": 1}),
        ("minor", {"begin": 4, "end": 4}),
        ("info", {"begin": 9, "end": 9}),
    ]
    assert codeclimate.render(report_of(), False) == "[]\n"
