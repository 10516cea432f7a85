"""`pip install .` into a fresh virtual environment, then README's first command's check."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_fresh_install_checks_the_shipped_example(tmp_path: Path) -> None:
    venv.create(tmp_path / "env", with_pip=True)
    python = tmp_path / "env" / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(ROOT)],
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        [tmp_path / "env" / "bin" / "termlint", "check", "--no-color", "docs"],
        cwd=ROOT / "examples",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr == "Found 10 problems (1 error, 9 warnings) in 3 files.\n"
    assert done.stdout.splitlines()[0].startswith("docs/guides/onboarding.md:8:8: warning:")
    where = subprocess.run(
        [python, "-c", "import termlint.packs as p; print(p.rules_dir())"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.strip()
    assert where.startswith(str(tmp_path / "env")), (
        "built-in packs must come from the installed wheel"
    )
    assert sys.version_info >= (3, 11)
