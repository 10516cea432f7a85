"""`--output FILE`: the one place a rendered report is written to disk."""

from __future__ import annotations

from pathlib import Path

from termlint.errors import UsageError


def write_output(path: Path, rendered: str) -> None:
    """Write the report as UTF-8, creating missing parent folders (CI report folders)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # newline="" keeps the formatters' "\n" as written on every platform
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(rendered)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise UsageError(f"--output: cannot write {path}: {reason}") from None
