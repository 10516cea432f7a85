"""`--output FILE`: the one place a rendered report is written to disk."""

from __future__ import annotations

from pathlib import Path

from termlint.errors import UsageError


def write_output(path: Path, rendered: str) -> None:
    """Write the report as UTF-8, creating missing parent folders (CI report folders)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "a file has that name" if isinstance(error, FileExistsError) else _reason(error)
        raise UsageError(f"--output: cannot create folder {path.parent}: {reason}") from None
    try:
        # newline="" keeps the formatters' "\n" as written on every platform
        with path.open("w", encoding="utf-8", newline="") as stream:
            stream.write(rendered)
    except OSError as error:
        raise UsageError(f"--output: cannot write {path}: {_reason(error)}") from None


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__
