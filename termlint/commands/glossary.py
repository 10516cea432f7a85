"""`termlint glossary validate|export|import|schema` (SPEC §7)."""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from termlint import packs
from termlint.commands.session import glossary_sources, open_session
from termlint.config import resolve_config
from termlint.errors import GlossaryError, UsageError
from termlint.glossary import BUILTIN_PREFIX, decode_glossary
from termlint.glossary_io.validation import Problem, validate_texts
from termlint.model import Severity


@dataclass(frozen=True, slots=True)
class ValidateOptions:
    cwd: Path
    files: tuple[str, ...] = ()
    config: Path | None = None


@dataclass(frozen=True, slots=True)
class ExportOptions:
    cwd: Path
    format: str
    output: Path | None = None
    config: Path | None = None
    glossaries: tuple[Path, ...] = ()
    language: str = "en"


@dataclass(frozen=True, slots=True)
class ImportOptions:
    cwd: Path
    source: Path
    format: str
    output: Path | None = None
    language: str | None = None


# --- validate ---------------------------------------------------------------------------------


def run_validate(options: ValidateOptions, stdout: TextIO, stderr: TextIO) -> int:
    """0: valid (warnings alone included); 1: problems found; 2 (raised): cannot run."""
    if options.files:
        sources = [(name, _source(name, options.cwd)) for name in options.files]
    else:
        config = resolve_config(options.cwd, options.config)
        sources = [
            (_shown(source, options.cwd), _source(source, options.cwd))
            for source in glossary_sources(config, [])
        ]
    texts: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for name, source in sources:
        try:
            texts.append((name, _read_glossary(name, source)))
        except GlossaryError as error:
            if error.line is None:
                raise  # unreadable: validation cannot run
            problems.append(Problem.from_error(error, name))  # not UTF-8: a problem of the file
    problems = [*problems, *validate_texts(texts)]
    for problem in problems:
        stdout.write(problem.render() + "\n")
    errors = sum(problem.severity is Severity.ERROR for problem in problems)
    warnings = len(problems) - errors
    stderr.write(_validate_summary(errors, warnings, len(sources)) + "\n")
    return 1 if errors else 0


def _source(name: str, cwd: Path) -> Path | str:
    """A file to read, or a `builtin:NAME` pack (kept as a string)."""
    return name if name.startswith(BUILTIN_PREFIX) else cwd / name


def _read_glossary(name: str, source: Path | str) -> str:
    if isinstance(source, str):  # builtin:NAME
        return packs.resolve(source.removeprefix(BUILTIN_PREFIX)).read_text(encoding="utf-8")
    try:
        data = source.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise GlossaryError(f"cannot read glossary: {reason}", path=name) from None
    return decode_glossary(data, name)


def _shown(source: str, cwd: Path) -> str:
    if source.startswith(BUILTIN_PREFIX):
        return source
    path = Path(source)
    try:
        return path.relative_to(cwd.absolute()).as_posix()
    except ValueError:
        return str(path)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _validate_summary(errors: int, warnings: int, files: int) -> str:
    checked = _plural(files, "glossary file")
    if not errors and not warnings:
        return f"No problems in {checked}."
    return f"Found {_plural(errors, 'error')} and {_plural(warnings, 'warning')} in {checked}."


# --- export -----------------------------------------------------------------------------------


def run_export(options: ExportOptions, stdout: TextIO, stderr: TextIO) -> int:
    from termlint.glossary_io.registry import EXPORTERS

    session = open_session(options.cwd, options.config, options.glossaries)
    exported = EXPORTERS[options.format](session.glossary, options.language)
    _write(exported.text, options.output, options.cwd, stdout)
    for line in exported.notes:
        stderr.write(f"termlint: note: {line}\n")
    return 0


# --- import -----------------------------------------------------------------------------------


def run_import(options: ImportOptions, stdout: TextIO, stderr: TextIO) -> int:
    from termlint.glossary_io.assembly import assemble
    from termlint.glossary_io.registry import IMPORTERS

    shown = options.source.as_posix()
    imported = IMPORTERS[options.format](options.cwd / options.source, shown, options.language)
    header = (
        f"Imported by termlint from {shown} ({options.format}).\n"
        "Review it, then list it under 'glossary:' in your termlint config."
    )
    result = assemble(imported, header)
    _write(result.text, options.output, options.cwd, stdout)
    for line in result.notes:
        stderr.write(f"termlint: note: {line}\n")
    glossary = result.glossary
    stderr.write(
        f"Imported {_plural(len(glossary.entries), 'term')},"
        f" {_plural(len(glossary.patterns), 'pattern')} and"
        f" {_plural(len(glossary.allow), 'allowed word')};"
        f" {_plural(len(result.notes), 'note')} on what was not converted.\n"
    )
    return 0


# --- schema -----------------------------------------------------------------------------------


def run_schema(kind: str, stdout: TextIO) -> int:
    from termlint.glossary_io.schema import schema_text

    stdout.write(schema_text(kind))
    return 0


# --- output -----------------------------------------------------------------------------------


def _write(text: str, output: Path | None, cwd: Path, stdout: TextIO) -> None:
    """To stdout, or to `output` atomically (a temporary file renamed over it)."""
    if output is None:
        stdout.write(text)
        return
    target = cwd / output
    temporary = target.with_name(f".{target.name}.termlint-tmp-{secrets.token_hex(4)}")
    try:
        with open(temporary, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UsageError(f"{output}: cannot write: {error.strerror or error}") from None
