"""`--output FILE`: the report goes to the file, the summary still to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ci_project import make_project
from conftest import run_cli

from termlint.errors import UsageError
from termlint.output_file import write_output


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "codeclimate"])
def test_report_to_file_summary_to_stderr(tmp_path: Path, fmt: str) -> None:
    make_project(tmp_path)
    result = run_cli(["check", "--format", fmt, "--output", "reports/out", "docs"], tmp_path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "Found 10 problems (2 errors, 8 warnings) in 3 files.\n"
    on_stdout = run_cli(["check", "--format", fmt, "docs"], tmp_path).stdout
    assert (tmp_path / "reports" / "out").read_bytes() == on_stdout.encode("utf-8")


def test_quiet_with_output_prints_nothing(tmp_path: Path) -> None:
    make_project(tmp_path)
    result = run_cli(
        ["check", "--format", "json", "--output", "r.json", "--quiet", "docs"], tmp_path
    )
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["summary"]["files"] == 3


def test_unwritable_output_is_a_usage_error(tmp_path: Path) -> None:
    make_project(tmp_path)
    result = run_cli(["check", "--output", "glossary.yaml/report.txt", "docs"], tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "termlint: error: --output: cannot create folder glossary.yaml: a file has that name\n"
    )
    (tmp_path / "reports" / "out.txt").mkdir(parents=True)
    result = run_cli(["check", "--output", "reports/out.txt/", "docs"], tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    # click itself refuses a folder, as a usage error
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--output': File 'reports/out.txt/' is a directory."
    )


def test_output_is_written_as_utf8_with_lf(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "report.txt"
    write_output(target, "Über\nline\n")
    assert target.read_bytes() == "Über\nline\n".encode()
    with pytest.raises(UsageError, match=r"^--output: cannot write .*: Is a directory$"):
        write_output(tmp_path / "deep", "x")
