"""Shared test helpers: build file trees, run the command line."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from termlint.cli import main
from termlint.model import Finding, Fix, Position, Severity, Span

SHARED = Path(__file__).resolve().parents[2] / "shared"

# A finding with every field set, for the tests of the records and of the results cache.
FULL_FINDING = Finding(
    path="old/a.md",
    span=Span(4, 13),
    start=Position(1, 5),
    end=Position(1, 14),
    rule="deprecated-term",
    severity=Severity.ERROR,
    text="whitelist",
    message="m",
    term="whitelist",
    suggestions=("allowlist", "safelist"),
    fix=Fix("allowlist"),
    line_text="The whitelist is long.",
)


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Create files under root; str content is dedented and written as UTF-8."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8", newline="")
    return root


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], cwd: Path, stdin: str | None = None) -> CliResult:
    """Run `termlint ARGS` in cwd through main() (so exit codes 0/1/2 are main's own)."""
    codes: list[int] = []

    @click.command()
    def call() -> None:
        codes.append(main(args))

    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(call, [], input=stdin, catch_exceptions=False)
    finally:
        os.chdir(previous)
    return CliResult(codes[0], result.stdout, result.stderr)


def check_quietly(root: Path, *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `termlint check --jobs 1 --no-color --quiet ARGS`
    in `root`, the cache left on (the cache tests' run)."""
    result = run_cli(["check", "--jobs", "1", "--no-color", "--quiet", *args], root)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared (test corpus and schemas) is not next to this checkout"
)
