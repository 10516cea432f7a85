"""`--format junit`: JUnit XML that a JUnit reader takes, one test case per checked file."""

from __future__ import annotations

from pathlib import Path

from ci_project import finding, make_project, report_of
from conftest import run_cli
from junitparser import Error, Failure, JUnitXml

from termlint.formatters import junit


def test_a_junit_reader_reads_back_the_right_counts(tmp_path: Path) -> None:
    result = run_cli(["check", "--format", "junit", "docs"], make_project(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == "Found 10 problems (2 errors, 8 warnings) in 3 files.\n"
    xml = JUnitXml.fromstring(result.stdout)
    assert (xml.name, xml.tests, xml.failures, xml.errors) == ("termlint", 3, 9, 1)
    (suite,) = list(xml)
    assert (suite.name, suite.tests, suite.failures, suite.errors, suite.skipped) == (
        "termlint",
        3,
        9,
        1,
        0,
    )
    cases = {case.name: case for case in suite}
    assert list(cases) == ["docs/bad.txt", "docs/clean.md", "docs/über.md"]
    assert cases["docs/clean.md"].is_passed
    assert cases["docs/clean.md"].result == []
    (error,) = cases["docs/bad.txt"].result
    assert isinstance(error, Error)
    assert (error.type, error.message) == (
        "read-error",
        "file is not valid UTF-8 (byte 0xff at offset 0)",
    )
    failures = cases["docs/über.md"].result
    assert all(isinstance(failure, Failure) for failure in failures)
    assert [failure.type for failure in failures] == [
        "term-variant",
        "acronym-first-use",
        "ambiguous-term",
        "deprecated-term",
        "deprecated-term",
        "undefined-term",
        "click-here",
        "unknown-directive",
        "term-variant",
    ]
    first = failures[0]
    assert first.message == '"Dev Ops" should be written "DevOps"'
    assert first.text == (
        'docs/über.md:1:10: warning: "Dev Ops" should be written "DevOps" [term-variant]'
    )
    # the stored counts are what the reader computes from the elements
    suite.update_statistics()
    assert (suite.tests, suite.failures, suite.errors) == (3, 9, 1)


def test_files_without_findings_are_passing_test_cases() -> None:
    report = report_of(paths=("a.md", "b.txt"))
    xml = JUnitXml.fromstring(junit.render(report, False))
    assert (xml.tests, xml.failures, xml.errors) == (2, 0, 0)
    assert [(case.name, case.classname, case.is_passed) for case in next(iter(xml))] == [
        ("a.md", "termlint", True),
        ("b.txt", "termlint", True),
    ]


def test_characters_xml_cannot_hold_are_replaced() -> None:
    report = report_of(finding("house-style", message="form\x0cfeed & <tag>"), paths=("docs/a.md",))
    rendered = junit.render(report, False)
    assert rendered.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    failure = next(iter(next(iter(JUnitXml.fromstring(rendered))))).result[0]
    assert failure.message == "form\ufffdfeed & <tag>"
