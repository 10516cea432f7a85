"""Temporary files that an interrupted fix left behind: named so they are known, and swept.

`source.write_atomic` writes a fixed file to `.<name>.termlint-tmp-<pid>-<random>` beside
it, then renames that over the file. A run killed in between leaves the file untouched
and the temporary file behind. The walk never picks it up (its name starts with a dot),
and the next fix run removes it when it visits the folder: a temporary file is stale
when the process that wrote it is gone. Elsewhere (no process id in the name, or a
platform that cannot ask whether a process lives) one older than an hour is stale, so a
run never removes a file that another termlint process is still writing.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

MARK = ".termlint-tmp-"
STALE_SECONDS = 3600.0
_NAME = re.compile(r"\..+\.termlint-tmp-(?:(?P<pid>\d+)-)?[0-9a-f]+")


def temporary_name(target_name: str) -> str:
    """The name of the temporary file that will replace `target_name` in its folder."""
    return f".{target_name}{MARK}{os.getpid()}-{os.urandom(4).hex()}"  # no `secrets`: startup


def sweep(paths: Iterable[Path]) -> Iterator[Path]:
    """Pass `paths` through, removing stale temporary files from each folder first met."""
    seen: set[Path] = set()
    for path in paths:
        folder = path.parent
        if folder not in seen:
            seen.add(folder)
            remove_stale(folder)
        yield path


def remove_stale(folder: Path) -> list[str]:
    """Remove the stale temporary files in `folder`; the names removed, sorted."""
    try:
        names = [name for name in os.listdir(folder) if MARK in name]
    except OSError:
        return []
    removed: list[str] = []
    for name in sorted(names):
        path = folder / name
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and is_stale(name, info.st_mtime):
                os.unlink(path)
                removed.append(name)
    return removed


def is_stale(name: str, mtime: float, now: float | None = None) -> bool:
    """Whether a file named `name` is a temporary file nobody will rename any more."""
    found = _NAME.fullmatch(name)
    if found is None:
        return False
    pid = found.group("pid")
    if pid is not None and sys.platform != "win32":
        return not _is_running(int(pid))
    return (time.time() if now is None else now) - mtime > STALE_SECONDS


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this run has not written anything here yet: an older run's leftover
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return False
    return True
