"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit as a user's repo would.

The hook repository is a committed copy of this working tree (pre-commit clones a
repository at a revision, so uncommitted work would be invisible to it otherwise);
the user's repository names it in `.pre-commit-config.yaml`. pre-commit then builds
its own virtualenv and pip-installs termlint there, which needs the package index
for termlint's dependencies: the first run takes a while, so this module is slow.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_tree

ROOT = Path(__file__).resolve().parents[1]
HOOK_REPO_FILES = ("termlint", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")

pytestmark = pytest.mark.slow

GLOSSARY = """\
version: 1
terms:
  - term: DevOps
    variants: [Dev Ops]
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
"""
CONFIG = 'glossary: [glossary.yaml]\nexclude: ["legacy/**"]\n'


def _git(*args: str, cwd: Path) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding this checkout's package and hooks, and its commit."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in HOOK_REPO_FILES:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(source, repo / name, ignore=ignore)
        else:
            shutil.copy2(source, repo / name)
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "hooks under test", cwd=repo)
    return repo, _git("rev-parse", "HEAD", cwd=repo)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by the module's tests, so the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def user_repo(root: Path, hook_repo: tuple[Path, str], files: dict[str, str]) -> Path:
    repo, rev = hook_repo
    config = (
        "repos:\n"
        f"  - repo: {repo.as_posix()}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: termlint\n"
        "      - id: termlint-fix\n"
    )
    write_tree(
        root,
        {
            ".pre-commit-config.yaml": config,
            ".termlint.yaml": CONFIG,
            "glossary.yaml": GLOSSARY,
            **files,
        },
    )
    _git("init", "-q", cwd=root)
    _git("add", "-A", cwd=root)
    return root


def pre_commit(root: Path, home: Path, hook: str) -> tuple[int, str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("TERMLINT_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--all-files", "--color", "never"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    # drop pre-commit's own progress lines ("[INFO] Installing environment ...")
    kept = [line for line in output.splitlines() if not line.startswith("[INFO] ")]
    return done.returncode, "\n".join(kept)


def test_check_hook_fails_with_the_findings(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    root = user_repo(
        tmp_path,
        hook_repo,
        {
            "docs/bad.md": "# Guide\n\nThe Dev Ops team owns it.\n",
            "notes.text": "Keep the whitelist short.\n",
            "notes.rst": "Dev Ops is not checked here.\n",
        },
    )
    code, output = pre_commit(root, pre_commit_home, "termlint")
    assert code == 1, output
    lines = output.splitlines()
    assert lines[0].startswith("termlint....") and lines[0].endswith("Failed")
    assert 'docs/bad.md:3:5: warning: "Dev Ops" should be written "DevOps" [term-variant]' in lines
    assert (
        'notes.text:1:10: warning: "whitelist" is deprecated: use "allowlist" instead [deprecated-term]'
        in lines
    )
    assert "Found 2 problems (2 warnings) in 2 files." in lines
    assert "notes.rst" not in output


def test_check_hook_passes_on_clean_files_and_honours_exclude(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    root = user_repo(
        tmp_path,
        hook_repo,
        {
            "docs/clean.md": "# Guide\n\nThe DevOps team owns the `Dev Ops` code.\n",
            "legacy/old.md": "The Dev Ops team keeps the whitelist.\n",
        },
    )
    code, output = pre_commit(root, pre_commit_home, "termlint")
    assert code == 0, output
    lines = output.splitlines()
    assert lines[0].startswith("termlint....") and lines[0].endswith("Passed")
    assert len(lines) == 1


def test_fix_hook_fixes_the_file_and_says_so(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path
) -> None:
    root = user_repo(
        tmp_path,
        hook_repo,
        {
            "docs/fixable.md": "# Guide\r\n\r\nThe Dev Ops team keeps the whitelists.\r\n",
            "docs/clean.md": "# Clean\n",
        },
    )
    code, output = pre_commit(root, pre_commit_home, "termlint-fix")
    assert code == 1, output
    lines = output.splitlines()
    assert lines[0].startswith("termlint (fix)....") and lines[0].endswith("Failed")
    assert "- files were modified by this hook" in lines
    assert "No problems found in 2 files, fixed 2." in lines
    fixed = (root / "docs" / "fixable.md").read_bytes()
    assert fixed == b"# Guide\r\n\r\nThe DevOps team keeps the allowlists.\r\n"
    assert (root / "docs" / "clean.md").read_bytes() == b"# Clean\n"
    # a second run has nothing left to do, so the hook passes
    code, output = pre_commit(root, pre_commit_home, "termlint-fix")
    assert code == 0, output
