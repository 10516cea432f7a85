"""Git-style unified diffs of what a fix would change, for `--diff` (pure)."""

from __future__ import annotations

import difflib
import re

_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")
_NO_NEWLINE = "\\ No newline at end of file\n"


def split_lines(text: str) -> list[str]:
    """Lines as git sees them: split after LF only, each keeping its ending (CR included)."""
    return _LINE.findall(text)


def unified_diff(path: str, before: str, after: str, *, context: int = 3) -> str:
    """A patch that `git apply` (and `patch -p1`) takes; empty when nothing changed.

    `before` and `after` are the whole file as text, a BOM included, so the patch
    matches the file's bytes once encoded as UTF-8.
    """
    if before == after:
        return ""
    lines = difflib.unified_diff(
        split_lines(before),
        split_lines(after),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
        n=context,
    )
    out = [f"diff --git a/{path} b/{path}\n"]
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):  # the last line of a file without a final newline
            out.append("\n" + _NO_NEWLINE)
    return "".join(out)
