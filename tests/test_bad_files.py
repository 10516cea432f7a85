"""Hostile files in the tree: each gives at most one read-error, and the run goes on.

Binary and mis-encoded files, huge ones, deeply nested and pathological Markdown, files
that vanish or become unreadable between the walk and the read, unreadable folders,
symlink loops, FIFOs and devices. No traceback, no hang (a FIFO test would block
forever if a FIFO were ever opened for a blocking read, so those run under a deadline).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from sample_glossary import WHITELIST_GLOSSARY

from termlint import discover, source
from termlint.parsing import fast_markdown
from termlint.source import SourceError, decode, read_source

GLOSSARY = WHITELIST_GLOSSARY
CONFIG = "glossary: [glossary.yaml]\n"
WHITELIST = '"whitelist" is deprecated: use "allowlist" instead [deprecated-term]'
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, signals and /dev are POSIX")


def project(root: Path, files: dict[str, str | bytes]) -> Path:
    return write_tree(root, {".termlint.yaml": CONFIG, "glossary.yaml": GLOSSARY, **files})


def check(root: Path, *args: str) -> tuple[int, list[str], str]:
    """Exit code, stdout lines and stderr of `termlint check --no-cache ARGS` in `root`."""
    result = run_cli(["check", "--no-cache", *args], root)
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout.splitlines(), result.stderr


class Blocked(Exception):
    """Raised by `deadline`: not an OSError (as TimeoutError is), so that code which
    handles a failed read cannot take a blocked one for it and go on."""


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the body blocks for `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise Blocked(f"blocked for {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- undecodable files --------------------------------------------------------------------

UTF16_TEXT = "whitelist\n"
BAD_FILES: list[tuple[str, bytes, str]] = [
    ("binary.md", bytes(range(256)), "file holds a NUL byte (binary file?)"),
    ("latin1.md", b"caf\xe9 whitelist\n", "file is not valid UTF-8 (byte 0xe9 at offset 3)"),
    ("truncated.md", b"whitelist \xe2\x82", "file is not valid UTF-8 (byte 0xe2 at offset 10)"),
    ("nul.md", b"whitelist\x00\n", "file holds a NUL byte (binary file?)"),
    # a UTF-16 byte order mark on bytes that are not UTF-16 is only invalid UTF-8
    ("fake-bom.md", b"\xff\xfe odd\n", "file is not valid UTF-8 (byte 0xff at offset 0)"),
    (
        "utf16le.md",
        b"\xff\xfe" + UTF16_TEXT.encode("utf-16-le"),
        "file is UTF-16 (little-endian) text; termlint reads UTF-8 only",
    ),
    (
        "utf16be.md",
        b"\xfe\xff" + UTF16_TEXT.encode("utf-16-be"),
        "file is UTF-16 (big-endian) text; termlint reads UTF-8 only",
    ),
    (
        "utf32le.txt",
        b"\xff\xfe\x00\x00" + UTF16_TEXT.encode("utf-32-le"),
        "file is UTF-32 (little-endian) text; termlint reads UTF-8 only",
    ),
    (
        "utf32be.txt",
        b"\x00\x00\xfe\xff" + UTF16_TEXT.encode("utf-32-be"),
        "file is UTF-32 (big-endian) text; termlint reads UTF-8 only",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
def test_decode_names_the_problem(name, data, message):
    with pytest.raises(SourceError) as caught:
        decode(data)
    assert str(caught.value) == message


def test_each_bad_file_is_one_read_error_and_the_run_goes_on(tmp_path):
    files: dict[str, str | bytes] = {name: data for name, data, _ in BAD_FILES}
    files["good.md"] = "A whitelist.\n"
    project(tmp_path, files)
    code, lines, stderr = check(tmp_path, ".")
    expected = [f"{name}:1:1: error: {message} [read-error]" for name, _, message in BAD_FILES]
    expected.append(f"good.md:1:3: warning: {WHITELIST}")
    assert code == 1
    assert lines == sorted(expected)
    assert stderr == "Found 10 problems (9 errors, 1 warning) in 10 files.\n"


def test_a_utf8_bom_is_fine_and_not_a_column(tmp_path):
    project(tmp_path, {"bom.md": b"\xef\xbb\xbfwhitelist\n"})
    assert check(tmp_path, "bom.md")[:2] == (1, [f"bom.md:1:1: warning: {WHITELIST}"])


# --- huge and deeply nested files --------------------------------------------------------


@pytest.mark.slow
def test_a_50_mb_single_line_file(tmp_path):
    unit = "the team reviews every change to the hosts before it ships and "
    body = unit * (50_000_000 // len(unit) + 1)
    half = len(body) // 2 // len(unit) * len(unit)  # between two units, not inside a word
    text = "A whitelist. " + body[:half] + "whitelist " + body[half:] + "whitelist"
    assert len(text) >= 50_000_000
    project(tmp_path, {})
    (tmp_path / "big.md").write_text(text, encoding="utf-8")
    # A subprocess, so the memory it takes is given back when it ends.
    result = subprocess.run(
        [sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "json", "big.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "Found 3 problems (3 warnings) in 1 file.\n"
    found = json.loads(result.stdout)["findings"]
    second = 13 + half + 1
    third = len(text) - len("whitelist") + 1
    assert [(f["line"], f["column"], f["end_column"], f["text"]) for f in found] == [
        (1, 3, 12, "whitelist"),
        (1, second, second + 9, "whitelist"),
        (1, third, third + 9, "whitelist"),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["lines.md", "lines.txt"])
def test_a_200000_line_file_with_a_finding_every_fourth_line(tmp_path, name):
    # A plain-text file without blank lines is one paragraph: a matcher that is quadratic
    # in the matches of one paragraph would take minutes here.
    lines = [
        f"Line {number}: the whitelist guide." if number % 4 == 0 else f"Line {number}."
        for number in range(200_000)
    ]
    project(tmp_path, {name: "\n".join(lines) + "\n"})
    code, out, stderr = check(tmp_path, "--format", "json", name)
    assert code == 1
    report = json.loads("\n".join(out))
    assert report["summary"]["findings"] == 50_000
    found = report["findings"]
    assert [(f["line"], f["column"]) for f in found[:2]] == [(1, 13), (5, 13)]
    assert [(f["line"], f["column"], f["text"]) for f in found[-1:]] == [(199_997, 18, "whitelist")]
    assert stderr == "Found 50000 problems (50000 warnings) in 1 file.\n"


# 5,000 nested block quotes and list levels. The fast reader (pulldown-cmark) reads any
# depth. markdown-it-py, the reference reader used without it, stops at 20 levels (its
# guard against deep recursion) and skips the rest of that container, which for a list
# item is the rest of the file: nothing deeper is checked, nothing breaks or hangs.
AFTER = (3, 3)
NESTED = [
    # name, text, positions with the fast reader, positions with the reference reader
    (
        "quotes.md",
        "> " * 5000 + "whitelist\n\nA whitelist after it.\n",
        [(1, 10001), AFTER],
        [AFTER],
    ),
    ("bullets.md", "- " * 5000 + "whitelist\n\nA whitelist after it.\n", [(1, 10001), AFTER], []),
    ("ordered.md", "1. " * 5000 + "whitelist\n\nA whitelist after it.\n", [(1, 15001), AFTER], []),
    (
        "mixed.md",
        "> - " * 2500 + "whitelist\n\nA whitelist after it.\n",
        [(1, 10001), AFTER],
        [AFTER],
    ),
    ("shallow.md", "> " * 19 + "whitelist\n", [(1, 39)], [(1, 39)]),
    (
        "indented.md",
        "".join("  " * level + "- item\n" for level in range(200)) + "\nA whitelist.\n",
        [(202, 3)],
        [],
    ),
]


@pytest.mark.parametrize("fast", [True, False], ids=["fast-reader", "reference-reader"])
@pytest.mark.parametrize(
    ("name", "text", "with_fast", "without"), NESTED, ids=[n[0] for n in NESTED]
)
def test_deeply_nested_markdown(tmp_path, monkeypatch, fast, name, text, with_fast, without):
    if fast and not fast_markdown.is_available():
        pytest.skip("the fast Markdown reader (pyromark) is not installed")
    if not fast:
        monkeypatch.setattr(fast_markdown, "pyromark", None)
    project(tmp_path, {name: text})
    code, lines, _ = check(tmp_path, name)
    positions = with_fast if fast else without
    assert code == (1 if positions else 0)
    assert lines == [f"{name}:{line}:{column}: warning: {WHITELIST}" for line, column in positions]


PATHOLOGICAL = [
    ("stars.md", "x " + "*" * 50_000 + " whitelist\n", 50_004),
    ("underscores.md", "x " + "_" * 50_000 + " whitelist\n", 50_004),
    ("brackets.md", "x " + "[" * 50_000 + " whitelist\n", 50_004),
    ("closers.md", "x " + "]" * 50_000 + " whitelist\n", 50_004),
    ("bangs.md", "x " + "![" * 25_000 + " whitelist\n", 50_004),
    ("backticks.md", "x " + "`" * 50_000 + " whitelist\n", 50_004),
    ("tick-runs.md", "x " + "` `` ``` " * 5_000 + "whitelist\n", 45_003),
    ("links.md", "x " + "[](" * 10_000 + " whitelist\n", 30_004),
    ("lt.md", "x " + "<a " * 10_000 + " whitelist\n", 30_004),
    ("entities.md", "x " + "&amp" * 10_000 + " whitelist\n", 40_004),
    ("emphasis.md", "x " + "**a" * 10_000 + " whitelist\n", 30_004),
    # comments that never close: each `<!--` used to scan to the end of the block
    ("comment-opens.md", "x " + "<!--" * 20_000 + " whitelist\n", 80_004),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "text", "column"), PATHOLOGICAL, ids=[n for n, _, _ in PATHOLOGICAL]
)
def test_pathological_inline_markup(tmp_path, name, text, column):
    project(tmp_path, {name: text})
    code, lines, _ = check(tmp_path, name)
    assert (code, lines) == (1, [f"{name}:1:{column}: warning: {WHITELIST}"])


# Inputs that once took time exponential or quadratic in their size (the first found by
# fuzzing, the others by a sweep of every pattern with long adversarial strings): each is
# read under a deadline. Before the fixes: a table row of 20 characters before an indented
# row took 47 s; each `[` was followed to the line's end in search of a space beyond ASCII
# (in a file with definitions and not ASCII); a bare URL's scheme was looked for from
# every letter of a word; each `<!--` scanned to the block's end for a `-->` (and an HTML
# comment block that never closes runs to the end of the file).
IN_TIME = [
    (
        "table.md",
        "| a |\n|---|\n| " + "whitelist " * 100 + "|\n    | indented |\n\nA whitelist.\n",
        [(3, 3 + 10 * i) for i in range(100)] + [(6, 3)],
    ),
    ("brackets.md", "[r]: /u\n\n\u00e9 " + "[a" * 50_000 + " whitelist\n", [(3, 100_004)]),
    (
        "word.md",
        "See http://x.example for more, " + "a-" * 200_000 + " whitelist\n",
        [(1, 400_033)],
    ),
    (
        "comments.md",
        "A whitelist.\n\n> <!--" + "<!--" * 40_000 + "\n\n" + "<!--" * 40_000 + "\n",
        [(1, 3)],
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text", "positions"), IN_TIME, ids=[n for n, _, _ in IN_TIME])
def test_once_slow_inputs_are_read_in_time(tmp_path, name, text, positions):
    project(tmp_path, {name: text})
    with deadline(30):
        code, lines, _ = check(tmp_path, name)
    assert (code, lines) == (
        1,
        [f"{name}:{line}:{column}: warning: {WHITELIST}" for line, column in positions],
    )


def test_a_line_of_backticks_at_the_start_opens_a_code_block(tmp_path):
    project(tmp_path, {"fence.md": "`" * 50_000 + " whitelist\n"})
    assert check(tmp_path, "fence.md")[:2] == (0, [])


# --- files that change under the run -----------------------------------------------------


def _after_the_walk(monkeypatch, action):
    """Run `action` once the walk has listed every file, before any file is read."""
    real_walk = discover._walk

    def walk(top, selector):
        yield from real_walk(top, selector)
        action()

    monkeypatch.setattr(discover, "_walk", walk)


def test_a_file_that_vanishes_after_the_walk(tmp_path, monkeypatch):
    project(tmp_path, {"a.md": "whitelist\n", "gone.md": "whitelist\n", "z.md": "whitelist\n"})
    _after_the_walk(monkeypatch, lambda: (tmp_path / "gone.md").unlink())
    code, lines, stderr = check(tmp_path, ".")
    assert code == 1
    assert lines == [
        f"a.md:1:1: warning: {WHITELIST}",
        "gone.md:1:1: error: cannot read file: No such file or directory [read-error]",
        f"z.md:1:1: warning: {WHITELIST}",
    ]
    assert stderr == "Found 3 problems (1 error, 2 warnings) in 3 files.\n"


def test_a_file_that_loses_read_permission(tmp_path, monkeypatch):
    # Simulated: tests may run as root, who reads anything whatever its mode.
    project(tmp_path, {"a.md": "whitelist\n", "locked.md": "whitelist\n"})
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if os.path.basename(path) == "locked.md":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(source.os, "open", refusing_open)
    code, lines, _ = check(tmp_path, ".")
    assert code == 1
    assert lines == [
        f"a.md:1:1: warning: {WHITELIST}",
        "locked.md:1:1: error: cannot read file: Permission denied [read-error]",
    ]


def test_a_folder_that_cannot_be_listed_is_skipped(tmp_path, monkeypatch):
    project(tmp_path, {"a.md": "whitelist\n", "locked/b.md": "whitelist\n"})
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, lines, stderr = check(tmp_path, ".")
    assert (code, lines) == (1, [f"a.md:1:1: warning: {WHITELIST}"])
    assert stderr == "Found 1 problem (1 warning) in 1 file.\n"


@posix_only
def test_a_file_replaced_by_a_fifo_after_the_walk_is_not_opened_for_a_blocking_read(
    tmp_path, monkeypatch
):
    project(tmp_path, {"a.md": "whitelist\n", "pipe.md": "whitelist\n"})

    def swap() -> None:
        (tmp_path / "pipe.md").unlink()
        os.mkfifo(tmp_path / "pipe.md")

    _after_the_walk(monkeypatch, swap)
    with deadline(30):
        code, lines, _ = check(tmp_path, ".")
    assert code == 1
    assert lines == [
        f"a.md:1:1: warning: {WHITELIST}",
        "pipe.md:1:1: error: not a regular file (a FIFO, device or folder?) [read-error]",
    ]


@posix_only
def test_a_cached_file_replaced_by_a_fifo_after_the_walk_is_not_read_blocking(
    tmp_path, monkeypatch
):
    # with the cache on, each file is read and hashed before any is linted: that read
    # must not block either
    project(tmp_path, {"a.md": "whitelist\n", "pipe.md": "whitelist\n"})
    first = run_cli(["check", "--jobs", "1", "."], tmp_path)
    assert first.exit_code == 1

    def swap() -> None:
        (tmp_path / "pipe.md").unlink()
        os.mkfifo(tmp_path / "pipe.md")

    _after_the_walk(monkeypatch, swap)
    with deadline(30):
        result = run_cli(["check", "--jobs", "1", "."], tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"a.md:1:1: warning: {WHITELIST}",
        "pipe.md:1:1: error: not a regular file (a FIFO, device or folder?) [read-error]",
    ]


@posix_only
def test_fifos_in_the_cache_folder_are_not_read_blocking(tmp_path):
    project(tmp_path, {"a.md": "whitelist\n"})
    assert run_cli(["check", "--jobs", "1", "a.md"], tmp_path).exit_code == 1
    cache = tmp_path / ".termlint_cache"
    (bucket,) = (cache / "results").iterdir()
    for path in (cache / "config.json", cache / "glossary.json", bucket):
        path.unlink()
        os.mkfifo(path)
    with deadline(30):
        result = run_cli(["check", "--jobs", "1", "a.md"], tmp_path)
    assert (result.exit_code, result.stdout) == (1, f"a.md:1:1: warning: {WHITELIST}\n")
    assert result.stderr == (
        f"termlint: warning: ignoring the corrupt cache .termlint_cache/results/{bucket.name} "
        "(not a regular file (a FIFO or device?)); checking files again\n"
        "Found 1 problem (1 warning) in 1 file.\n"
    )
    # each was replaced by a regular file, read by the next run
    assert all(path.is_file() for path in (cache / "config.json", cache / "glossary.json", bucket))
    assert run_cli(["check", "--jobs", "1", "a.md"], tmp_path).stderr == (
        "Found 1 problem (1 warning) in 1 file.\n"
    )


@posix_only
def test_read_source_refuses_a_fifo_and_a_device_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")
    with deadline(30):
        for path in (tmp_path / "pipe.md", Path("/dev/zero")):
            with pytest.raises(SourceError) as caught:
                read_source(path)
            assert str(caught.value) == "not a regular file (a FIFO, device or folder?)"


# --- things in the tree that are not files -----------------------------------------------


@posix_only
def test_fifos_devices_and_symlink_loops_in_the_tree_are_skipped(tmp_path):
    project(tmp_path, {"a.md": "whitelist\n", "sub/b.md": "whitelist\n"})
    os.mkfifo(tmp_path / "pipe.md")
    os.mkfifo(tmp_path / "sub" / "pipe.txt")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    (tmp_path / "null.txt").symlink_to("/dev/null")
    (tmp_path / "self.md").symlink_to("self.md")  # a loop of one
    (tmp_path / "ping.md").symlink_to("pong.md")
    (tmp_path / "pong.md").symlink_to("ping.md")
    (tmp_path / "here").symlink_to(".")  # a folder loop: symlinked folders are not walked
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "dangling.md").symlink_to("missing.md")
    # In a subprocess, so that a blocking open would fail the test rather than hang it.
    result = subprocess.run(
        [sys.executable, "-m", "termlint", "check", "--no-cache", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"a.md:1:1: warning: {WHITELIST}",
        f"sub/b.md:1:1: warning: {WHITELIST}",
    ]
    assert result.stderr == "Found 2 problems (2 warnings) in 2 files.\n"


@posix_only
def test_a_fifo_or_device_named_on_the_command_line_is_skipped(tmp_path):
    project(tmp_path, {"a.md": "whitelist\n"})
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    with deadline(30):
        code, lines, stderr = check(tmp_path, "pipe.md", "zero.md", "a.md")
    assert (code, lines) == (1, [f"a.md:1:1: warning: {WHITELIST}"])
    assert stderr == "Found 1 problem (1 warning) in 1 file.\n"


@posix_only
def test_a_symlink_loop_named_on_the_command_line_is_a_usage_error(tmp_path):
    project(tmp_path, {})
    (tmp_path / "loop.md").symlink_to("loop.md")
    code, lines, stderr = check(tmp_path, "loop.md")
    assert (code, lines) == (2, [])
    assert stderr == "termlint: error: path not found: loop.md\n"
