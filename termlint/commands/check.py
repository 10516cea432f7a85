"""`termlint check`: lint files and report the findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from termlint.commands.batch import lint_targets
from termlint.commands.session import Session, open_session
from termlint.formatters import FORMATTERS
from termlint.formatters.text import summary_line
from termlint.model import Finding, Report
from termlint.output_file import write_output
from termlint.runner import fewer_collections
from termlint.selection import RuleSelection, exit_code

if TYPE_CHECKING:
    from termlint.baseline import Baseline


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
    baseline: Path | None = None  # --baseline FILE (else the config's `baseline:`)
    write_baseline: Path | None = None  # --write-baseline FILE
    fix: bool = False  # --fix (and `termlint fix`): see commands/fix.py
    diff: bool = False  # --diff: print the fixes as a patch, write nothing
    stdin: bool = False  # --stdin: one document from standard input ...
    stdin_filename: str | None = None  # ... reported as --stdin-filename NAME
    jobs: int | None = None  # --jobs N: worker processes (None: one per core)
    no_cache: bool = False  # --no-cache: neither read nor write .termlint_cache/


def is_fixing_run(options: CheckOptions) -> bool:
    """Whether `check` hands the run to `commands.fix`."""
    return options.fix or options.diff or options.stdin


def run(
    options: CheckOptions, stdout: TextIO, stderr: TextIO, stdin: BinaryIO | None = None
) -> int:
    if is_fixing_run(options) or options.stdin_filename is not None:
        # imported here: fix.py builds on this module, and a plain check needs none of it
        from termlint.commands.fix import check_usage

        check_usage(options)
    # see there: reading a large glossary and reporting thousands of findings make
    # hundreds of thousands of objects and no cycles
    with fewer_collections():
        return _run_checked(options, stdout, stderr, stdin)


def _run_checked(
    options: CheckOptions, stdout: TextIO, stderr: TextIO, stdin: BinaryIO | None
) -> int:
    def warn(message: str) -> None:
        stderr.write(f"termlint: warning: {message}\n")

    # --stdin (an editor's call) writes nothing, not even the glossary cache
    cache_warn = None if options.no_cache or options.stdin else warn
    session = open_session(options.cwd, options.config, options.glossaries, cache_warn=cache_warn)
    selection = RuleSelection(
        session.config,
        known_rules=session.known_rules,
        select=options.select,
        ignore=options.ignore,
    )
    baseline = None
    wanted = options.baseline or session.config.baseline
    if wanted is not None and options.write_baseline is None:  # writing one records all
        from termlint.baseline import open_baseline  # only a run with a baseline needs it

        baseline = open_baseline(options.baseline, session.config.baseline, options.cwd)
    if is_fixing_run(options):
        from termlint.commands import fix as fixing

        return fixing.run(options, session, selection, baseline, stdout, stderr, stdin)
    targets = [Path(path) for path in (options.paths or (".",))]
    return check_files(targets, session, selection, baseline, options, stdout, stderr)


def check_files(
    targets: Sequence[Path],
    session: Session,
    selection: RuleSelection,
    baseline: Baseline | None,
    options: CheckOptions,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """Lint the files selected from `targets` and report (or record) the findings."""
    findings: list[Finding] = []
    files = 0
    checked: list[str] = []
    for result in lint_targets(targets, session, options, stderr):
        files += 1
        checked.append(result.display)
        findings.extend(reported_findings(result.findings, result.path, selection, baseline))
    findings.sort(key=lambda finding: finding.sort_key)
    if options.write_baseline is not None:
        return save_baseline(findings, options.write_baseline, options, stderr)
    report = Report(findings=tuple(findings), files=files, paths=tuple(checked))
    write_report(report, options, stdout, stderr)
    return exit_code(report, options.fail_on)


def reported_findings(
    found: Iterable[Finding],
    path: Path | str,
    selection: RuleSelection,
    baseline: Baseline | None,
) -> list[Finding]:
    """The findings to report (and fix): the config's selection, then the baseline.

    Inline suppression comes first, inside lint_document (SPEC §5)."""
    kept = selection.apply(found, path)
    return kept if baseline is None else baseline.filter(kept)


def save_baseline(
    findings: Sequence[Finding], target: Path, options: CheckOptions, stderr: TextIO
) -> int:
    """--write-baseline: record the findings instead of reporting them; exit 0."""
    from termlint.baseline import empty_baseline, write_baseline

    recorded = empty_baseline(target, options.cwd).record(findings)
    write_baseline(target, recorded, options.cwd)
    if not options.quiet:
        count = len(recorded.entries)
        noun = "finding" if count == 1 else "findings"
        stderr.write(f"Wrote {count} {noun} to the baseline {target.as_posix()}.\n")
    return 0


def write_report(report: Report, options: CheckOptions, stdout: TextIO, stderr: TextIO) -> None:
    """The rendered report to stdout or --output; the summary line to stderr."""
    rendered = FORMATTERS[options.format](report, options.color and options.output is None)
    if options.output is not None:
        write_output(options.output, rendered)
    else:
        stdout.write(rendered)
    if not options.quiet:
        stderr.write(summary_line(report.summary) + "\n")
