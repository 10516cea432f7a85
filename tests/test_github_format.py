"""`--format github`: workflow commands, escaped as GitHub's toolkit escapes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from ci_project import finding, make_project, report_of
from conftest import run_cli

from termlint.formatters import github
from termlint.model import Finding, Position, Severity, Span


def test_message_and_properties_are_escaped() -> None:
    report = report_of(
        finding(
            "house-style",
            path="docs/a,b: c.md",
            line=2,
            column=3,
            text="100%",
            message="100% sure: first line\nsecond line\r\nend",
            severity=Severity.ERROR,
        )
    )
    assert github.render(report, False) == (
        "::error file=docs/a%2Cb%3A c.md,line=2,col=3,endLine=2,endColumn=7,"
        "title=termlint%3A house-style"
        "::100%25 sure: first line%0Asecond line%0D%0Aend\n"
    )


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        ("a%b", "a%25b", "a%25b"),
        ("%0A", "%250A", "%250A"),
        ("x:y,z", "x:y,z", "x%3Ay%2Cz"),
        ("line\rbreak\n", "line%0Dbreak%0A", "line%0Dbreak%0A"),
    ],
)
def test_escape_functions(value: str, data: str, prop: str) -> None:
    assert github.escape_data(value) == data
    assert github.escape_property(value) == prop


@pytest.mark.parametrize(
    ("severity", "command"),
    [(Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "notice")],
)
def test_severity_picks_the_command(severity: Severity, command: str) -> None:
    line = github.format_finding(finding("term-variant", severity=severity))
    assert line.startswith(f"::{command} file=docs/a.md,")


def test_whole_file_finding_has_no_columns() -> None:
    origin = Position(1, 1)
    read_error = Finding(
        path="docs/bad.txt",
        span=Span(0, 0),
        start=origin,
        end=origin,
        rule="read-error",
        severity=Severity.ERROR,
        text="",
        message="file is not valid UTF-8 (byte 0xff at offset 0)",
    )
    assert github.format_finding(read_error) == (
        "::error file=docs/bad.txt,line=1,title=termlint%3A read-error"
        "::file is not valid UTF-8 (byte 0xff at offset 0)"
    )


def test_check_prints_one_command_per_finding(tmp_path: Path) -> None:
    result = run_cli(["check", "--format", "github", "docs/über.md"], make_project(tmp_path))
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        "::warning file=docs/über.md,line=1,col=10,endLine=1,endColumn=17,"
        'title=termlint%3A term-variant::"Dev Ops" should be written "DevOps"',
        "::warning file=docs/über.md,line=3,col=5,endLine=3,endColumn=10,"
        'title=termlint%3A acronym-first-use::"ITOps" is used before "IT Operations" is'
        ' spelled out: write "IT Operations (ITOps)" at first use',
    ]
    assert len(lines) == 9
    assert result.stderr == "Found 9 problems (1 error, 8 warnings) in 1 file.\n"
    assert result.exit_code == 1
