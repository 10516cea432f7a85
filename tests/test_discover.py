"""File selection (SPEC §3): walking, hidden names, .gitignore, include/exclude, named paths."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from termlint.config import Config
from termlint.discover import display_path, is_excluded, iter_file_names, iter_files
from termlint.errors import UsageError


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def listed(tmp_path: Path, *paths: str, cwd: Path | None = None, **settings) -> list[str]:
    """The display paths iter_files yields; the config's folder is tmp_path unless given."""
    cwd = cwd or tmp_path
    config = Config(root=settings.pop("root", tmp_path), **settings)
    named = [Path(p) for p in paths] or [Path(".")]
    return [display_path(p, cwd) for p in iter_files(named, config, cwd)]


def make_worktree(root: Path) -> None:
    """Just enough of a repository for discovery: a `.git` folder with info/."""
    (root / ".git" / "info").mkdir(parents=True)


# --- walking ------------------------------------------------------------------------


def test_default_include_picks_markdown_and_text_in_sorted_order(tmp_path):
    write_tree(
        tmp_path,
        {
            "z.text": "",
            "b.txt": "",
            "a.md": "",
            "code.py": "",
            "README": "",
            "docs/guide.markdown": "",
            "docs/page.mdx": "",
            "docs/sub/deep.md": "",
            "docs/image.png": "",
        },
    )
    assert listed(tmp_path) == [
        "a.md",
        "b.txt",
        "docs/guide.markdown",
        "docs/page.mdx",
        "docs/sub/deep.md",
        "z.text",
    ]


def test_yields_absolute_paths(tmp_path):
    write_tree(tmp_path, {"docs/a.md": ""})
    files = list(iter_files([Path("docs")], Config(root=tmp_path), tmp_path))
    assert files == [tmp_path / "docs" / "a.md"]
    assert files[0].is_absolute()


def test_file_names_are_the_same_files_as_normalised_strings(tmp_path):
    write_tree(tmp_path, {"docs/b.md": "", "docs/a.md": "", "c.md": ""})
    named = [Path("docs"), Path("./docs/../c.md"), Path("docs/a.md")]
    names = list(iter_file_names(named, Config(root=tmp_path), tmp_path))
    assert names == [str(tmp_path / name) for name in ("c.md", "docs/a.md", "docs/b.md")]
    assert names == [str(path) for path in iter_files(named, Config(root=tmp_path), tmp_path)]


def test_each_file_once_whatever_the_overlap(tmp_path):
    write_tree(tmp_path, {"docs/a.md": "", "docs/b.md": "", "c.md": ""})
    assert listed(tmp_path, "docs", "docs/a.md", ".", "./docs/../c.md") == [
        "c.md",
        "docs/a.md",
        "docs/b.md",
    ]


def test_hidden_files_and_folders_are_skipped(tmp_path):
    write_tree(
        tmp_path,
        {
            "a.md": "",
            ".hidden.md": "",
            ".github/issue.md": "",
            "docs/.draft.md": "",
            "docs/.cache/x.md": "",
        },
    )
    assert listed(tmp_path) == ["a.md"]


def test_hidden_folder_named_on_the_command_line_is_walked(tmp_path):
    write_tree(tmp_path, {".github/issue.md": "", ".github/.secret.md": "", "a.md": ""})
    assert listed(tmp_path, ".github") == [".github/issue.md"]


def test_include_narrows_the_walk(tmp_path):
    write_tree(tmp_path, {"a.md": "", "docs/b.md": "", "docs/c.txt": "", "docs/x/d.md": ""})
    assert listed(tmp_path, include=("docs/**/*.md",)) == ["docs/b.md", "docs/x/d.md"]


def test_include_with_a_folder_pattern_takes_everything_below_it(tmp_path):
    write_tree(tmp_path, {"a.md": "", "docs/b.rst": "", "docs/x/c.md": ""})
    assert listed(tmp_path, include=("docs/",)) == ["docs/b.rst", "docs/x/c.md"]


def test_exclude_pattern_without_slash_matches_in_any_folder(tmp_path):
    write_tree(tmp_path, {"CHANGELOG.md": "", "docs/CHANGELOG.md": "", "docs/a.md": ""})
    assert listed(tmp_path, exclude=("CHANGELOG.md",)) == ["docs/a.md"]


@pytest.mark.parametrize("pattern", ["vendor/", "vendor", "vendor/**", "/vendor"])
def test_excluded_folders(tmp_path, pattern):
    write_tree(tmp_path, {"a.md": "", "vendor/b.md": "", "vendor/x/c.md": "", "docs/vendor.md": ""})
    assert listed(tmp_path, exclude=(pattern,)) == ["a.md", "docs/vendor.md"]


def test_exclude_negation_reincludes_a_file_in_a_folder_that_is_not_excluded(tmp_path):
    write_tree(tmp_path, {"vendor/keep.md": "", "vendor/drop.md": "", "vendor/x/c.md": ""})
    assert listed(tmp_path, exclude=("vendor/**", "!vendor/keep.md")) == ["vendor/keep.md"]


def test_exclude_cannot_reinclude_inside_an_excluded_folder(tmp_path):
    write_tree(tmp_path, {"build/keep.md": "", "build/drop.md": "", "a.md": ""})
    exclude = ("build/", "!build/keep.md")
    assert listed(tmp_path, exclude=exclude) == ["a.md"]
    # a file named on the command line agrees with the walk
    assert listed(tmp_path, "build/keep.md", exclude=exclude) == []


def test_exclude_is_relative_to_the_config_folder(tmp_path):
    write_tree(tmp_path, {"docs/vendor/a.md": "", "vendor/b.md": ""})
    # the config lives in tmp_path; the run starts in docs/
    assert listed(tmp_path, ".", cwd=tmp_path / "docs", exclude=("/vendor/",)) == ["vendor/a.md"]
    assert listed(tmp_path, "..", cwd=tmp_path / "docs", exclude=("/vendor/",)) == ["vendor/a.md"]


def test_file_outside_the_config_folder_is_matched_relative_to_the_current_folder(tmp_path):
    write_tree(tmp_path, {"work/skip/a.md": "", "work/keep/b.md": "", "cfg/.termlint.yaml": ""})
    cwd = tmp_path / "work"
    found = listed(tmp_path, ".", cwd=cwd, root=tmp_path / "cfg", exclude=("skip/",))
    assert found == ["keep/b.md"]


# --- files named on the command line ---------------------------------------------------


def test_named_file_skips_include_gitignore_and_hidden_rule(tmp_path):
    make_worktree(tmp_path)
    write_tree(tmp_path, {".gitignore": "ignored.md\n", "ignored.md": "", "notes.rst": ""})
    write_tree(tmp_path, {".hidden/x.md": ""})
    assert listed(tmp_path) == []
    assert listed(tmp_path, "ignored.md", "notes.rst", ".hidden/x.md") == [
        ".hidden/x.md",
        "ignored.md",
        "notes.rst",
    ]


def test_named_file_still_obeys_exclude(tmp_path):
    write_tree(tmp_path, {"CHANGELOG.md": "", "vendor/lib/a.md": "", "a.md": ""})
    exclude = ("CHANGELOG.md", "vendor/")
    assert listed(tmp_path, "CHANGELOG.md", "vendor/lib/a.md", "a.md", exclude=exclude) == ["a.md"]


def test_named_folder_that_is_excluded_yields_nothing(tmp_path):
    write_tree(tmp_path, {"vendor/a.md": "", "vendor/sub/b.md": ""})
    assert listed(tmp_path, "vendor/sub", exclude=("vendor/",)) == []


def test_named_folder_that_is_git_ignored_is_walked_by_its_own_rules(tmp_path):
    make_worktree(tmp_path)
    write_tree(
        tmp_path,
        {".gitignore": "site/\n*.tmp.md\n", "site/a.md": "", "site/b.tmp.md": "", "c.md": ""},
    )
    assert listed(tmp_path) == ["c.md"]
    assert listed(tmp_path, "site") == ["site/a.md"]


def test_missing_path_is_a_usage_error(tmp_path):
    write_tree(tmp_path, {"a.md": ""})
    with pytest.raises(UsageError) as caught:
        listed(tmp_path, "a.md", "nope/b.md")
    assert str(caught.value) == "path not found: nope/b.md"


def test_display_path_uses_slashes_and_dot_dot(tmp_path):
    assert display_path(tmp_path / "docs" / "a.md", tmp_path) == "docs/a.md"
    assert display_path(tmp_path / "a.md", tmp_path / "docs") == "../a.md"


# --- is_excluded (for --stdin-filename) ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CHANGELOG.md", True),
        ("docs/CHANGELOG.md", True),
        ("vendor/x/y.md", True),
        ("docs/a.md", False),
        ("new-file-not-on-disk.md", False),
    ],
)
def test_is_excluded(tmp_path, name, expected):
    config = Config(root=tmp_path, exclude=("CHANGELOG.md", "vendor/"))
    assert is_excluded(Path(name), config, tmp_path) is expected
    assert is_excluded(tmp_path / name, config, tmp_path) is expected


# --- .gitignore ---------------------------------------------------------------------


def test_nested_gitignore_applies_relative_to_its_own_folder(tmp_path):
    make_worktree(tmp_path)
    write_tree(
        tmp_path,
        {
            ".gitignore": "*.txt\n",
            "docs/.gitignore": "draft.md\n/local.md\ngen/\n",
            "draft.md": "",
            "local.md": "",
            "notes.txt": "",
            "docs/draft.md": "",
            "docs/local.md": "",
            "docs/sub/local.md": "",
            "docs/sub/draft.md": "",
            "docs/sub/notes.txt": "",
            "docs/gen/a.md": "",
            "gen/b.md": "",
        },
    )
    assert listed(tmp_path) == ["docs/sub/local.md", "draft.md", "gen/b.md", "local.md"]


def test_negated_patterns(tmp_path):
    make_worktree(tmp_path)
    write_tree(
        tmp_path,
        {
            ".gitignore": "*.md\n!keep.md\n",
            "docs/.gitignore": "!important.md\n",
            "a.md": "",
            "keep.md": "",
            "docs/b.md": "",
            "docs/keep.md": "",
            "docs/important.md": "",
        },
    )
    assert listed(tmp_path) == ["docs/important.md", "docs/keep.md", "keep.md"]


def test_no_reinclusion_inside_an_ignored_folder(tmp_path):
    make_worktree(tmp_path)
    write_tree(
        tmp_path, {".gitignore": "build/\n!build/keep.md\n", "build/keep.md": "", "a.md": ""}
    )
    assert listed(tmp_path) == ["a.md"]


def test_gitignore_in_a_parent_folder_inside_a_work_tree_is_honoured(tmp_path):
    make_worktree(tmp_path)
    write_tree(
        tmp_path,
        {
            ".gitignore": "secret.md\n/docs/generated/\n",
            "docs/a.md": "",
            "docs/secret.md": "",
            "docs/generated/x.md": "",
        },
    )
    assert listed(tmp_path, "docs") == ["docs/a.md"]
    assert listed(tmp_path / "docs", ".") == ["a.md"]


def test_gitignore_in_a_parent_folder_outside_a_work_tree_is_not_honoured(tmp_path):
    write_tree(
        tmp_path,
        {".gitignore": "secret.md\n", "docs/a.md": "", "docs/secret.md": "", "secret.md": ""},
    )
    assert listed(tmp_path, "docs") == ["docs/a.md", "docs/secret.md"]
    # the walked folder's own .gitignore counts even outside a work tree
    assert listed(tmp_path) == ["docs/a.md"]


def test_git_info_exclude_is_honoured_and_ranks_below_gitignore(tmp_path):
    make_worktree(tmp_path)
    (tmp_path / ".git" / "info" / "exclude").write_text("*.txt\nprivate/\n", encoding="utf-8")
    write_tree(
        tmp_path,
        {
            "docs/.gitignore": "!wanted.txt\n",
            "a.md": "",
            "b.txt": "",
            "docs/wanted.txt": "",
            "docs/other.txt": "",
            "private/p.md": "",
        },
    )
    assert listed(tmp_path, "docs", "a.md", "b.txt", ".") == ["a.md", "b.txt", "docs/wanted.txt"]


def test_info_exclude_found_through_a_git_file(tmp_path):
    repo, gitdir = tmp_path / "repo", tmp_path / "store" / "worktrees" / "repo"
    (gitdir).mkdir(parents=True)
    (gitdir / "commondir").write_text("../..\n", encoding="utf-8")
    (tmp_path / "store" / "info").mkdir()
    (tmp_path / "store" / "info" / "exclude").write_text("skip.md\n", encoding="utf-8")
    write_tree(repo, {".git": f"gitdir: {gitdir}\n", "a.md": "", "skip.md": ""})
    assert listed(repo) == ["a.md"]


def test_nested_repository_does_not_inherit_the_outer_rules(tmp_path):
    make_worktree(tmp_path)
    make_worktree(tmp_path / "inner")
    write_tree(tmp_path, {".gitignore": "notes.md\n", "notes.md": "", "inner/notes.md": ""})
    assert listed(tmp_path) == ["inner/notes.md"]


def test_gitignore_with_crlf_bom_comments_and_blank_lines(tmp_path):
    write_tree(tmp_path, {"a.md": "", "b.md": "", "#c.md": "", "d.md": ""})
    (tmp_path / ".gitignore").write_bytes(b"\xef\xbb\xbfa.md\r\n\r\n# b.md\r\n\\#c.md\r\n[\r\n")
    assert listed(tmp_path) == ["b.md", "d.md"]


# Compare with git itself: untracked, not ignored files (hidden ones left aside).
PARITY_CASES = {
    "allowlist": {".gitignore": "*\n!*/\n!*.md\n", "a.md": "", "b.txt": "", "d/c.md": ""},
    "dir-only": {".gitignore": "out/\n", "out/a.md": "", "x/out/b.md": "", "out.md": ""},
    "dir-contents": {".gitignore": "/lib/*\n!/lib/keep/\n", "lib/a.md": "", "lib/keep/b.md": ""},
    "double-star": {".gitignore": "a/**/z.md\n", "a/z.md": "", "a/b/c/z.md": "", "z.md": ""},
    "negate-dir": {".gitignore": "docs/*\n!docs/api/\ndocs/api/*.tmp.md\n", "docs/x.md": "",
                   "docs/api/y.md": "", "docs/api/y.tmp.md": ""},
    "nested-override": {".gitignore": "*.md\n", "d/.gitignore": "!*.md\n", "a.md": "",
                        "d/b.md": "", "d/e/c.md": ""},
    "star-slash": {".gitignore": "*/\n", "a.md": "", "d/b.md": ""},
    "contents-of": {".gitignore": "gen/**\n!gen/keep.md\n", "gen/keep.md": "",
                    "gen/x.md": "", "gen/sub/y.md": ""},
}  # fmt: skip


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("files", PARITY_CASES.values(), ids=PARITY_CASES.keys())
def test_same_choices_as_git(tmp_path, files):
    write_tree(tmp_path, files)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    out = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    expected = sorted(name for name in out if not Path(name).name.startswith("."))
    assert listed(tmp_path, include=("*",)) == expected


# --- awkward file-system entries ---------------------------------------------------


def test_symlinked_folder_is_not_followed_but_a_symlinked_file_is_checked(tmp_path):
    write_tree(tmp_path, {"real/a.md": "", "outside/b.md": ""})
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    (tmp_path / "docs" / "c.md").symlink_to(tmp_path / "real" / "a.md")
    assert listed(tmp_path, "docs") == ["docs/c.md"]


def test_symlink_loops_do_not_hang_or_crash(tmp_path):
    write_tree(tmp_path, {"docs/a.md": ""})
    (tmp_path / "docs" / "self.md").symlink_to(tmp_path / "docs" / "self.md")
    (tmp_path / "docs" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "docs" / "ping.md").symlink_to(tmp_path / "docs" / "pong.md")
    (tmp_path / "docs" / "pong.md").symlink_to(tmp_path / "docs" / "ping.md")
    assert listed(tmp_path) == ["docs/a.md"]


def test_dangling_symlink_is_skipped(tmp_path):
    write_tree(tmp_path, {"a.md": ""})
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    assert listed(tmp_path) == ["a.md"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_skipped_without_being_opened(tmp_path):
    write_tree(tmp_path, {"a.md": ""})
    os.mkfifo(tmp_path / "pipe.md")  # opening it for reading would block the test
    assert listed(tmp_path) == ["a.md"]
    assert listed(tmp_path, "pipe.md") == []


def test_folder_that_cannot_be_listed_is_skipped(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.md": "", "locked/b.md": "", "open/c.md": ""})
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert listed(tmp_path) == ["a.md", "open/c.md"]


# --- fast paths that must agree with the general ones ---------------------------------

INCLUDE_GLOBS = [
    ("**/*.md", "**/*.txt"),  # suffixes
    ("*.md", "**/*.tar.gz"),  # suffixes
    (),  # no suffix: nothing is included
    ("**/*.md", "**/*.[tT]xt"),  # not only suffixes
    ("docs/",),
    ("*.md",),
    ("docs/**/*.md", "/top.md"),
    ("**/*.md", "!docs/skip.md"),  # a negation: pathspec decides
    ("*", "!*.txt", "docs/*.txt"),
]
GLOB_PATHS = ["a.md", "top.md", "x/top.md", "docs/a.md", "docs/skip.md", "docs/x/b.txt",
              "docs/b.txt", "b.txt", "c.rst", "x.md/c.rst", "docs", ".md", "a.MD", "c.Txt",
              "a.tar.gz", "a.gz", "a.md.bak", "a.mdx"]  # fmt: skip


@pytest.mark.parametrize("globs", INCLUDE_GLOBS)
def test_include_is_decided_as_pathspec_decides(tmp_path, globs):
    """Include globs that are only suffixes, or only positive, take shortcuts."""
    from pathspec import GitIgnoreSpec

    from termlint.discover import _Selector

    selector = _Selector.of(Config(root=tmp_path, include=globs), tmp_path)
    spec = GitIgnoreSpec.from_lines(globs)
    for relative in GLOB_PATHS:
        full = os.path.join(str(tmp_path), *relative.split("/"))
        assert selector.is_included(full) == spec.match_file(relative), relative


@pytest.mark.parametrize(
    ("path", "cwd"),
    [
        ("/w/docs/a.md", "/w"),
        ("/w/a.md", "/w/"),
        ("/a.md", "/"),
        ("/w", "/w"),
        ("/w/../v/a.md", "/w"),  # not normalised
        ("/w/a.md", "/w/./x/.."),
        ("/v/a.md", "/w"),
        ("/wx/a.md", "/w"),
        ("docs/a.md", "/w"),
        ("/w/docs//a.md", "/w"),
    ],
)
def test_display_path_is_relpath_with_slashes(path, cwd):
    assert display_path(path, Path(cwd)) == os.path.relpath(path, cwd).replace(os.sep, "/")
    assert display_path(Path(path), Path(cwd)) == display_path(path, Path(cwd))
