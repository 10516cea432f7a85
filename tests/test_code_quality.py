"""The codebase stays as clean as it is today: ruff (lint and format) and mypy --strict."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is a dev extra; install '.[dev]'")
def test_ruff_lint_and_format_are_clean() -> None:
    lint = run("ruff", "check", "termlint", "tests", "bench")
    assert lint.returncode == 0, lint.stdout
    formatting = run("ruff", "format", "--check", "termlint", "tests", "bench")
    assert formatting.returncode == 0, formatting.stdout


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    pytest.importorskip("mypy", reason="mypy is a dev extra; install '.[dev]'")
    typed = run(sys.executable, "-m", "mypy")
    assert typed.returncode == 0, typed.stdout
