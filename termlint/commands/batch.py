"""What `check` lints: the selected files, through the results cache and worker processes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from termlint.cache import RESULTS_FOLDER, ResultsCache, cache_folder, run_key
from termlint.commands.session import Session
from termlint.discover import display_path, iter_file_names
from termlint.runner import FileResult, default_jobs, lint_files

if TYPE_CHECKING:
    from termlint.commands.check import CheckOptions


def lint_targets(
    targets: Sequence[Path], session: Session, options: CheckOptions, stderr: TextIO
) -> Iterator[FileResult]:
    """The lint results of every file selected from `targets`, in path order."""
    cache = None if options.no_cache else open_cache(session, options.cwd, stderr)
    return lint_files(
        iter_file_names(targets, session.config, options.cwd),
        options.cwd,
        lambda: session.settings,
        jobs=options.jobs or default_jobs(),
        cache=cache,
    )


def open_cache(session: Session, cwd: Path, stderr: TextIO) -> ResultsCache:
    """The cache for this glossary and config, beside the config (SPEC §7)."""

    def warn(message: str) -> None:
        stderr.write(f"termlint: warning: {message}\n")

    key = run_key(session.glossary_key or session.glossary, session.config)
    folder = cache_folder(session.config.path, cwd)
    shown = display_path(folder / RESULTS_FOLDER, cwd)
    return ResultsCache(folder, key, warn, shown=shown)
