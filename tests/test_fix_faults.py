"""Fixing under faults: a fix run killed at any moment leaves every file either untouched
or fully fixed, never truncated, and the next run removes the temporary files it left.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli, write_tree

from termlint import leftovers
from termlint.source import write_atomic

GLOSSARY = """\
version: 1
terms:
  - term: DevOps
    variants: [Dev Ops]
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
"""
FILES = 150
LINE = "Line {}: the whitelist of hosts and the Dev Ops team.\n"
FIXED_LINE = "Line {}: the allowlist of hosts and the DevOps team.\n"


def _tree(root: Path) -> dict[str, bytes]:
    """FILES documents to fix, under two folders; returns their original bytes."""
    originals: dict[str, bytes] = {}
    for number in range(FILES):
        name = f"{'docs' if number % 2 else 'notes'}/page{number:03d}.md"
        body = "".join(LINE.format(line) for line in range(60))
        originals[name] = body.encode("utf-8")
    write_tree(root, {".termlint.yaml": "glossary: [glossary.yaml]\n", "glossary.yaml": GLOSSARY})
    write_tree(root, originals)
    return originals


def _fixed(original: bytes) -> bytes:
    return original.replace(b"whitelist", b"allowlist").replace(b"Dev Ops", b"DevOps")


def _temporaries(root: Path) -> list[str]:
    return sorted(
        path.relative_to(root).as_posix() for path in root.rglob("*") if leftovers.MARK in path.name
    )


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_fix_run_killed_at_random_moments_never_leaves_a_damaged_file(tmp_path):
    originals = _tree(tmp_path)
    choose = random.Random(8)  # a fixed seed: the moments vary, the test is repeatable
    fixed_counts: list[int] = []
    for _ in range(3):
        written_before = sum(
            (tmp_path / name).read_bytes() != data for name, data in originals.items()
        )
        if written_before == FILES:
            break
        # kill once this many more files are fixed, plus a random fraction of a file's time
        target = written_before + choose.randint(1, max(1, (FILES - written_before) // 3))
        process = subprocess.Popen(
            [sys.executable, "-m", "termlint", "fix", "--no-cache", "--jobs", "1", "."],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while process.poll() is None:
                done = sum(
                    (tmp_path / name).read_bytes() != data for name, data in originals.items()
                )
                if done >= target:
                    time.sleep(choose.random() / 50)
                    break
                time.sleep(0.005)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
        # every file is one whole version or the other
        states = {name: (tmp_path / name).read_bytes() for name in originals}
        assert all(
            data in (originals[name], _fixed(originals[name])) for name, data in states.items()
        )
        fixed_counts.append(sum(data != originals[name] for name, data in states.items()))
    # the first kill landed part-way through: some files fixed, some not yet
    assert 0 < fixed_counts[0] < FILES, fixed_counts
    # A leftover of a killed writer (this pid is gone: the process was waited for).
    stale = f"docs/.page001.md{leftovers.MARK}{process.pid}-0badcafe"
    (tmp_path / stale).write_bytes(b"half a fi")
    result = run_cli(["fix", "--no-cache", "."], tmp_path)
    assert (result.exit_code, result.stdout) == (0, "")
    assert {name: (tmp_path / name).read_bytes() for name in originals} == {
        name: _fixed(data) for name, data in originals.items()
    }
    assert _temporaries(tmp_path) == []


def test_the_next_fix_run_removes_only_stale_temporary_files(tmp_path):
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [glossary.yaml]\n",
            "glossary.yaml": GLOSSARY,
            "docs/a.md": "Clean.\n",
            "docs/b.md": "A whitelist.\n",
        },
    )
    dead = _dead_pid()
    live = os.getppid()  # the test runner's parent: alive for the whole test
    names = {
        "dead": f"docs/.b.md{leftovers.MARK}{dead}-0123abcd",
        "live": f"docs/.b.md{leftovers.MARK}{live}-0123abcd",
        "old-style": "docs/.a.md.termlint-tmp-89abcdef",  # no pid: kept until an hour old
        "unrelated": "docs/.notes.swp",
    }
    for name in names.values():
        (tmp_path / name).write_bytes(b"partial")
    result = run_cli(["fix", "--no-cache", "docs"], tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / "docs/b.md").read_bytes() == b"A allowlist.\n"
    assert _temporaries(tmp_path) == sorted([names["live"], names["old-style"]])
    assert (tmp_path / names["unrelated"]).exists()


def test_check_and_diff_runs_leave_temporary_files_alone(tmp_path):
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [glossary.yaml]\n",
            "glossary.yaml": GLOSSARY,
            "b.md": "A whitelist.\n",
        },
    )
    stale = f".b.md{leftovers.MARK}{_dead_pid()}-0123abcd"
    (tmp_path / stale).write_bytes(b"partial")
    assert run_cli(["check", "--no-cache", "--diff", "."], tmp_path).exit_code == 1
    assert run_cli(["check", "--no-cache", "."], tmp_path).exit_code == 1
    assert _temporaries(tmp_path) == [stale]


def test_temporary_file_names_carry_the_writer_and_are_recognised():
    name = leftovers.temporary_name("page.md")
    prefix = f".page.md{leftovers.MARK}{os.getpid()}-"
    assert name.startswith(prefix)
    assert len(name) == len(prefix) + 8
    assert leftovers.is_stale(name, mtime=0.0) is True  # its own pid: an older run's
    assert leftovers.is_stale(".page.md.termlint-tmp-0123abcd", mtime=100.0, now=3000.0) is False
    assert leftovers.is_stale(".page.md.termlint-tmp-0123abcd", mtime=100.0, now=3701.0) is True
    assert leftovers.is_stale("page.md", mtime=0.0) is False
    assert leftovers.is_stale(".page.md.termlint-tmp-", mtime=0.0) is False


def test_an_interrupted_write_leaves_the_old_file_and_a_temporary_the_sweep_removes(
    tmp_path, monkeypatch
):
    target = tmp_path / "page.md"
    target.write_bytes(b"old\n")

    def crash(source, destination):
        raise KeyboardInterrupt  # stands for a kill between the write and the rename

    dead = _dead_pid()
    monkeypatch.setattr(os, "replace", crash)
    monkeypatch.setattr(leftovers.os, "getpid", lambda: dead)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n", has_bom=False, original=b"old\n")
    monkeypatch.undo()
    assert target.read_bytes() == b"old\n"
    [temporary] = _temporaries(tmp_path)
    assert (tmp_path / temporary).read_bytes() == b"new\n"
    assert leftovers.remove_stale(tmp_path) == [temporary]
    assert _temporaries(tmp_path) == []


def _dead_pid() -> int:
    """The pid of a process that has ended and been waited for."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_sweep_passes_paths_through_in_order(tmp_path):
    paths = [tmp_path / "a.md", tmp_path / "sub" / "b.md", tmp_path / "c.md"]
    assert list(leftovers.sweep(paths)) == paths


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_ctrl_c_during_a_parallel_run_is_one_line_without_a_traceback(tmp_path):
    write_tree(
        tmp_path, {".termlint.yaml": "glossary: [glossary.yaml]\n", "glossary.yaml": GLOSSARY}
    )
    page = "".join(LINE.format(line) for line in range(60))
    write_tree(tmp_path, {f"docs/page{number:04d}.md": page for number in range(1500)})
    process = subprocess.Popen(
        [sys.executable, "-m", "termlint", "check", "--no-cache", "--jobs", "2", "docs"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    try:
        while process.poll() is None and len(children.read_text().split()) < 2:
            time.sleep(0.01)  # until both workers run
        time.sleep(0.2)
        os.killpg(process.pid, signal.SIGINT)
    finally:
        stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout, stderr) == (2, b"", b"\ntermlint: aborted\n")
