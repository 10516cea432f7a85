"""Helpers for the `termlint glossary` tests: run the command line, compare glossaries."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path

import click
from click.testing import CliRunner, Result

from termlint.cli import main
from termlint.glossary import Entry, Glossary, Pattern

SHARED = Path(__file__).resolve().parents[2] / "shared"
REALWORLD = SHARED / "realworld"


def run_termlint(args: Sequence[str], cwd: Path) -> Result:
    """`termlint ARGS` run in `cwd` through main(), so exit code 2 paths are the real ones."""

    @click.command()
    def entry() -> None:
        raise SystemExit(main(list(args)))

    previous = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(entry, [], catch_exceptions=False)
    finally:
        os.chdir(previous)


def without_origins(glossary: Glossary) -> Glossary:
    """The glossary with `origin` (file:line, which differs between files) blanked."""
    return Glossary(
        entries=tuple(dataclasses.replace(entry, origin="") for entry in glossary.entries),
        allow=glossary.allow,
        patterns=tuple(dataclasses.replace(pattern, origin="") for pattern in glossary.patterns),
    )


def entries_of(glossary: Glossary) -> tuple[Entry, ...]:
    return without_origins(glossary).entries


def patterns_of(glossary: Glossary) -> tuple[Pattern, ...]:
    return without_origins(glossary).patterns
