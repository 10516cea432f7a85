"""patch.unified_diff: git-style patches of what a fix changes."""

from __future__ import annotations

import pytest

from termlint.patch import split_lines, unified_diff


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", []),
        ("a", ["a"]),
        ("a\n", ["a\n"]),
        ("a\r\nb\rc\n\nd", ["a\r\n", "b\rc\n", "\n", "d"]),
        ("a\u2028b\x0c\n", ["a\u2028b\x0c\n"]),  # only LF ends a line for git
    ],
)
def test_split_lines_like_git(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines


def test_no_change_is_an_empty_patch() -> None:
    assert unified_diff("a.md", "same\n", "same\n") == ""


def test_patch_with_headers_and_context() -> None:
    before = "".join(f"line {n}\n" for n in range(1, 10))
    after = before.replace("line 5", "LINE 5")
    assert unified_diff("docs/a.md", before, after) == (
        "diff --git a/docs/a.md b/docs/a.md\n"
        "--- a/docs/a.md\n"
        "+++ b/docs/a.md\n"
        "@@ -2,7 +2,7 @@\n"
        " line 2\n line 3\n line 4\n-line 5\n+LINE 5\n line 6\n line 7\n line 8\n"
    )


def test_missing_final_newline_is_marked() -> None:
    assert unified_diff("a.txt", "one\ntwo", "one\nTWO") == (
        "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n"
        "@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n"
        "+TWO\n\\ No newline at end of file\n"
    )


def test_crlf_and_bom_stay_in_the_lines() -> None:
    assert unified_diff("a.md", "\ufeffx\r\ny\r\n", "\ufeffx\r\nY\r\n") == (
        "diff --git a/a.md b/a.md\n--- a/a.md\n+++ b/a.md\n"
        "@@ -1,2 +1,2 @@\n \ufeffx\r\n-y\r\n+Y\r\n"
    )
