"""File selection end to end (SPEC §3): the exact files `termlint check` reads in a repository."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import run_cli, write_tree

GLOSSARY = "version: 1\nterms:\n  - term: whitelist\n    status: deprecated\n    replace_with: [allowlist]\n"
LINE = "A whitelist.\n"  # every file holds one finding, so the report names each file read

REPOSITORY = {
    ".termlint.yaml": "glossary: [glossary.yaml]\nexclude: [vendor/, CHANGELOG.md]\n",
    "glossary.yaml": GLOSSARY,
    ".gitignore": "*.log.md\nbuild/\n!keep.log.md\n",
    "a.md": LINE,
    "CHANGELOG.md": LINE,  # excluded by the config
    "run.log.md": LINE,  # git-ignored
    "keep.log.md": LINE,  # re-included by a negated pattern
    "build/out.md": LINE,  # in a git-ignored folder
    "private/p.md": LINE,  # ignored by .git/info/exclude only
    "vendor/lib/v.md": LINE,  # in an excluded folder
    "notes.rst": LINE,  # not matched by `include`
    ".hidden.md": LINE,
    ".drafts/x.md": LINE,
    "docs/guide.md": LINE,
    "docs/.gitignore": "draft.md\n",  # nested: relative to docs/
    "docs/draft.md": LINE,
    "docs/.secret.md": LINE,
    "docs/sub/deep.txt": LINE,
    "docs/sub/draft.md": LINE,  # the nested pattern has no slash: it matches here too
    "docs/sub/CHANGELOG.md": LINE,  # a slash-free exclude matches in any folder
}


def make_repository(root: Path, *, git: bool = True) -> Path:
    write_tree(root, REPOSITORY)
    if git:
        (root / ".git" / "info").mkdir(parents=True)
        (root / ".git" / "info" / "exclude").write_text("private/\n", encoding="utf-8")
    (root / "docs" / "loop").symlink_to(root, target_is_directory=True)  # a symlink loop
    (root / "docs" / "self.md").symlink_to(root / "docs" / "self.md")  # a link to itself
    return root


def checked(root: Path, *args: str) -> list[str]:
    """The paths the report names, checked against summary.files (each file has one finding)."""
    result = run_cli(["check", "--format", "json", *args], root)
    report = json.loads(result.stdout)
    paths = [finding["path"] for finding in report["findings"]]
    assert report["summary"]["files"] == len(paths), result.stdout
    return paths


WALKED = ["a.md", "docs/guide.md", "docs/sub/deep.txt", "keep.log.md"]


def test_walking_a_repository(tmp_path):
    make_repository(tmp_path)
    assert checked(tmp_path) == WALKED


def test_walking_without_git(tmp_path):
    # no work tree: .git/info/exclude does not exist, the walked folders' .gitignore files count
    make_repository(tmp_path, git=False)
    assert checked(tmp_path) == [*WALKED[:3], "keep.log.md", "private/p.md"]


def test_no_git_program_is_needed(tmp_path, monkeypatch):
    make_repository(tmp_path)
    monkeypatch.setenv("PATH", os.fspath(tmp_path / "empty-bin"))
    assert checked(tmp_path) == WALKED


def test_named_files_skip_gitignore_include_and_hidden_but_obey_exclude(tmp_path):
    make_repository(tmp_path)
    named = [
        "docs/draft.md",  # git-ignored by the nested .gitignore
        "build/out.md",  # inside a git-ignored folder
        "notes.rst",  # not included
        ".hidden.md",  # hidden
        "CHANGELOG.md",  # excluded by the config: never checked
        "vendor/lib/v.md",  # inside an excluded folder: never checked
    ]
    assert checked(tmp_path, *named) == [
        ".hidden.md",
        "build/out.md",
        "docs/draft.md",
        "notes.rst",
    ]


def test_named_folders_are_walked_by_the_same_rules(tmp_path):
    make_repository(tmp_path)
    assert checked(tmp_path, "docs") == ["docs/guide.md", "docs/sub/deep.txt"]
    assert checked(tmp_path, ".drafts") == [".drafts/x.md"]  # a hidden folder named is walked
    assert checked(tmp_path, "vendor") == []  # an excluded folder is not


def test_paths_are_relative_to_the_current_folder(tmp_path):
    make_repository(tmp_path)
    assert checked(tmp_path / "docs") == ["guide.md", "sub/deep.txt"]
    assert checked(tmp_path / "docs", "..", "draft.md") == [
        "../a.md",
        "../keep.log.md",
        "draft.md",
        "guide.md",
        "sub/deep.txt",
    ]
