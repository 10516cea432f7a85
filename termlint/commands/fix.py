"""`termlint fix` and `check --fix / --diff / --stdin`: fix documents, report what remains.

Per document: lint, apply the fixes of the findings that are reported (so a rule
switched off, not selected or suppressed is never fixed), lint the new text again and
repeat while something changed (`fixing.fix_text`); then write the file atomically,
print a diff (`--diff`), or print the fixed text (`--stdin --fix`). The report lists
what remains, at its position in the fixed text, with the number of fixes applied.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from termlint.baseline import Baseline
from termlint.commands.check import CheckOptions, is_fixing_run, reported_findings, write_report
from termlint.commands.session import Session
from termlint.discover import display_path, is_excluded, iter_files
from termlint.errors import UsageError
from termlint.fixing import FixResult, fix_text
from termlint.leftovers import sweep
from termlint.lint import lint_text, read_error
from termlint.model import Finding, Report
from termlint.patch import unified_diff
from termlint.selection import RuleSelection, exit_code
from termlint.source import BOM, SourceError, decode, encode, read_source, write_atomic

Lint = Callable[[str], Sequence[Finding]]


@dataclass(slots=True)
class _Tally:
    """What the documents of one run add up to."""

    files: int = 0
    fixed: int = 0
    changed_files: int = 0
    paths: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)


def check_usage(options: CheckOptions) -> None:
    """Reject combinations of --fix, --diff, --stdin and --stdin-filename that mean nothing."""
    if options.stdin and options.stdin_filename is None:
        raise UsageError("--stdin needs --stdin-filename NAME (it decides how the text is read)")
    if options.stdin_filename is not None and not options.stdin:
        raise UsageError("--stdin-filename needs --stdin")
    if options.stdin and options.paths:
        raise UsageError("--stdin reads one document from standard input: name no PATH with it")
    if options.write_baseline is not None and is_fixing_run(options):
        raise UsageError("--write-baseline cannot be combined with --fix, --diff or --stdin")


def run(
    options: CheckOptions,
    session: Session,
    selection: RuleSelection,
    baseline: Baseline | None,
    stdout: TextIO,
    stderr: TextIO,
    stdin: BinaryIO | None = None,
) -> int:
    if options.stdin_filename is not None:
        data = stdin.read() if stdin is not None else b""
        return _run_stdin(
            options, session, selection, baseline, options.stdin_filename, data, stdout, stderr
        )
    tally = _Tally()
    targets = [Path(path) for path in (options.paths or (".",))]
    paths = iter_files(targets, session.config, options.cwd)
    if options.fix and not options.diff:  # a killed run's temporary files go (leftovers.py)
        paths = sweep(paths)
    for path in paths:
        _fix_file(options, session, selection, baseline, path, tally, stderr)
    return _finish(options, tally, stdout, stderr)


def _linter(
    session: Session,
    selection: RuleSelection,
    baseline: Baseline | None,
    path: Path,
    display: str,
) -> Lint:
    """The findings reported for a text of this file: the only findings ever fixed."""

    def lint(text: str) -> Sequence[Finding]:
        return reported_findings(
            lint_text(display, text, session.settings), path, selection, baseline
        )

    return lint


def _fix_file(
    options: CheckOptions,
    session: Session,
    selection: RuleSelection,
    baseline: Baseline | None,
    path: Path,
    tally: _Tally,
    stderr: TextIO,
) -> None:
    display = display_path(path, options.cwd)
    tally.files += 1
    tally.paths.append(display)
    try:
        source = read_source(path)
    except SourceError as error:
        tally.findings.extend(
            reported_findings([read_error(display, str(error))], path, selection, baseline)
        )
        return
    lint = _linter(session, selection, baseline, path, display)
    first = lint(source.text)
    result = fix_text(source.text, lint, first=first)
    if result.text == source.text:
        tally.findings.extend(result.findings)
        return
    if options.diff:
        prefix = BOM if source.has_bom else ""
        tally.diffs.append(unified_diff(display, prefix + source.text, prefix + result.text))
        _count(tally, result)
        return
    try:
        written = write_atomic(path, result.text, has_bom=source.has_bom, original=source.data)
        reason = "changed on disk while fixing"
    except SourceError as error:
        written, reason = False, str(error)
    if not written:
        stderr.write(f"termlint: warning: {display}: {reason}; left alone\n")
        tally.findings.extend(first)
        return
    _count(tally, result)


def _count(tally: _Tally, result: FixResult) -> None:
    tally.fixed += result.fixed
    tally.changed_files += 1
    tally.findings.extend(result.findings)


def _run_stdin(
    options: CheckOptions,
    session: Session,
    selection: RuleSelection,
    baseline: Baseline | None,
    name: str,
    data: bytes,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """One document read from standard input and reported as `name` (SPEC §3, §8)."""
    tally = _Tally()
    path = options.cwd / name
    output = data  # what `--fix` prints: the input itself unless a fix applies
    if not is_excluded(Path(name), session.config, options.cwd):
        display = display_path(path, options.cwd)
        tally.files = 1
        tally.paths.append(display)
        try:
            text, has_bom = decode(data)
        except SourceError as error:
            tally.findings.extend(
                reported_findings([read_error(display, str(error))], path, selection, baseline)
            )
        else:
            lint = _linter(session, selection, baseline, path, display)
            if options.fix or options.diff:
                result = fix_text(text, lint)
                if result.text != text:
                    prefix = BOM if has_bom else ""
                    tally.diffs.append(unified_diff(display, prefix + text, prefix + result.text))
                    output = encode(result.text, has_bom=has_bom)
                    _count(tally, result)
                else:
                    tally.findings.extend(result.findings)
            else:
                tally.findings.extend(lint(text))
    if options.fix and not options.diff:
        write_bytes(stdout, output)
        return _finish(options, tally, stderr, stderr)
    return _finish(options, tally, stdout, stderr)


def _finish(options: CheckOptions, tally: _Tally, stdout: TextIO, stderr: TextIO) -> int:
    if options.diff:
        write_bytes(stdout, "".join(tally.diffs).encode("utf-8"))
        if not options.quiet:
            stderr.write(diff_summary(tally.fixed, tally.changed_files) + "\n")
        return 1 if tally.diffs else 0  # SPEC §7: whatever --fail-on
    tally.findings.sort(key=lambda finding: finding.sort_key)
    report = Report(
        findings=tuple(tally.findings),
        files=tally.files,
        fixed=tally.fixed if options.fix else None,
        paths=tuple(tally.paths),
    )
    write_report(report, options, stdout, stderr)
    return exit_code(report, options.fail_on)


def diff_summary(fixable: int, files: int) -> str:
    if not files:
        return "Nothing to fix."
    findings = f"{fixable} finding{'' if fixable == 1 else 's'}"
    return f"Would fix {findings} in {files} file{'' if files == 1 else 's'}."


def write_bytes(stream: TextIO, data: bytes) -> None:
    """Exact bytes to a text stream: a text layer could translate line endings or encode."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
        return
    stream.flush()
    buffer.write(data)
    buffer.flush()
