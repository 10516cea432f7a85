"""`termlint check`: lint files and report the findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from termlint.commands.session import open_session
from termlint.discover import display_path, iter_files
from termlint.formatters import FORMATTERS
from termlint.formatters.text import summary_line
from termlint.lint import lint_file
from termlint.model import Finding, Report
from termlint.selection import RuleSelection, exit_code


@dataclass(frozen=True, slots=True)
class CheckOptions:
    cwd: Path
    paths: tuple[str, ...] = ()
    config: Path | None = None
    glossaries: tuple[Path, ...] = ()
    format: str = "text"
    output: Path | None = None
    fail_on: str = "warning"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    quiet: bool = False
    color: bool = False


def run(options: CheckOptions, stdout: TextIO, stderr: TextIO) -> int:
    session = open_session(options.cwd, options.config, options.glossaries)
    selection = RuleSelection(
        session.config,
        known_rules=session.known_rules,
        select=options.select,
        ignore=options.ignore,
    )
    targets = [options.cwd / path for path in (options.paths or (".",))]
    findings: list[Finding] = []
    files = 0
    for path in iter_files(targets, session.config, options.cwd):
        files += 1
        _, found = lint_file(path, display_path(path, options.cwd), session.settings)
        findings.extend(selection.apply(found, path))
    findings.sort(key=lambda finding: finding.sort_key)
    report = Report(findings=tuple(findings), files=files)
    write_report(report, options, stdout, stderr)
    return exit_code(report, options.fail_on)


def write_report(report: Report, options: CheckOptions, stdout: TextIO, stderr: TextIO) -> None:
    """The rendered report to stdout or --output; the summary line to stderr."""
    rendered = FORMATTERS[options.format](report, options.color and options.output is None)
    if options.output is not None:
        options.output.write_text(rendered, encoding="utf-8")
    else:
        stdout.write(rendered)
    if not options.quiet:
        stderr.write(summary_line(report.summary) + "\n")
