"""Linting many files: served from the results cache, else by `lint_file` in worker processes.

`lint.lint_file` stays the one place that lints a file; this module only decides where
it runs and whether it needs to. Results come back in the order of the paths given
(`iter_files` sorts them), whatever order the workers finish in, so the report is the
same with one job or many.

- With a cache, a file whose bytes hash to the stored digest is not linted at all. The
  digest stored with new findings is the one of the bytes `lint_file` actually read,
  so a file that changes while termlint runs is never cached under the wrong content.
- With `jobs` > 1 and enough files to check, a process pool lints them in chunks
  (`imap`, which keeps the order) that shrink towards the end of the list, so that no
  worker is left with a long chunk while the others wait. Workers are forked where the
  platform can, so they
  share the compiled glossary instead of rebuilding it; elsewhere the settings are
  sent to each worker once. With `jobs` == 1 there is no pool at all.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termlint.cache import ResultsCache, content_digest
from termlint.discover import display_path
from termlint.model import Finding, Row
from termlint.source import read_file_bytes

if TYPE_CHECKING:
    from termlint.checks.base import LintSettings

# Below this many files per job a pool costs more to start than it saves.
MIN_FILES_PER_JOB = 4
_CHUNKS_PER_JOB = 8  # a chunk is at most 1 / (workers * 8) of the files not yet handed out
_MAX_CHUNK = 32


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str  # as `lint_files` was given it, as a string
    display: str
    findings: tuple[Finding, ...]


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_files(
    paths: Iterable[str | Path],
    cwd: Path,
    settings: Callable[[], LintSettings],
    *,
    jobs: int = 1,
    cache: ResultsCache | None = None,
) -> Iterator[FileResult]:
    """The findings of each file, in the order of `paths`.

    `settings` is called only when some file has to be linted (a fully cached run never
    compiles the glossary).
    """
    planned: list[tuple[str, str, tuple[Finding, ...] | None]] = []
    folder = str(cwd)
    with _collector_paused():
        for path in map(str, paths):  # once: a Path converts itself in Python code
            display = display_path(path, folder)
            planned.append((path, display, _cached(cache, path, display)))
    misses = [(path, display) for path, display, found in planned if found is None]
    computed = _lint_all(misses, settings, jobs) if misses else iter(())
    for path, display, found in planned:
        if found is None:
            digest, found = next(computed)
            if cache is not None and digest is not None:
                cache.store(path, digest, found)
        yield FileResult(path, display, found)
    if cache is not None:
        cache.save()


def _cached(cache: ResultsCache | None, path: str, display: str) -> tuple[Finding, ...] | None:
    if cache is None or not cache.has_entry(path):
        return None
    try:
        data = read_file_bytes(path)
    except OSError:
        return None  # lint_file reports it
    return cache.lookup(path, content_digest(data), display)


# --- linting, here or in workers -------------------------------------------------------

_Result = tuple[str | None, tuple[Finding, ...]]
_WORKER_SETTINGS: LintSettings | None = None  # set in each worker (or inherited by fork)


def _lint_one(item: tuple[str, str]) -> _Result:
    """Lint one file: the digest of the bytes read (None when unreadable) and findings."""
    assert _WORKER_SETTINGS is not None
    path, display = item
    from termlint import lint  # here: a run served from the cache never loads the checks

    source, findings = lint.lint_file(Path(path), display, _WORKER_SETTINGS)
    digest = None if source is None else content_digest(source.data)
    return digest, tuple(findings)


# Findings travel back from a worker as plain values (`Finding.to_row`): pickling a
# frozen dataclass (and its spans and positions) runs Python code per object, ten times
# the cost of a tuple, and the parent, which unpickles, shares the cores with the workers.


def _lint_chunk_in_worker(chunk: list[tuple[str, str]]) -> list[tuple[str | None, list[Row]]]:
    results = []
    for item in chunk:
        digest, findings = _lint_one(item)
        results.append((digest, [finding.to_row() for finding in findings]))
    return results


def _from_worker(result: tuple[str | None, list[Row]]) -> _Result:
    digest, rows = result
    return digest, tuple(map(Finding.from_row, rows))


def shrinking_chunks(items: Sequence[tuple[str, str]], workers: int) -> list[list[tuple[str, str]]]:
    """`items` in order, cut into chunks of at most `_MAX_CHUNK` and at most a
    `workers * _CHUNKS_PER_JOB`-th of what is left (guided scheduling): large chunks
    while there is much to do, single files at the end."""
    chunks = []
    start = 0
    while start < len(items):
        size = max(1, min(_MAX_CHUNK, (len(items) - start) // (workers * _CHUNKS_PER_JOB)))
        chunks.append(list(items[start : start + size]))
        start += size
    return chunks


def _start_worker(settings: LintSettings | None = None) -> None:
    """Ctrl-C reaches every process of the group: the parent stops the pool and reports
    one line, so a worker ignores it rather than print its own traceback."""
    import signal  # here: importing it costs a small run 2 ms

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if settings is not None:
        _set_worker_settings(settings)


def _set_worker_settings(settings: LintSettings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _lint_all(
    items: Sequence[tuple[str, str]], settings: Callable[[], LintSettings], jobs: int
) -> Iterator[_Result]:
    with fewer_collections():
        # compiling a large glossary makes hundreds of thousands of objects, no cycles:
        # with the default thresholds the collector walks them over and over
        _set_worker_settings(settings())
        gc.freeze()  # then never again, here or in the workers that inherit them
        yield from _lint_here_or_in_pool(items, jobs)


_collecting_less = False  # inside fewer_collections()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Linting allocates millions of short-lived objects (parser events) and few cycles:
    with the default thresholds the collector keeps walking the compiled glossary.
    Freezing what exists (forked workers inherit it) and collecting less often saves
    a few percent of the run (measured on the benchmark corpus); in a run served from
    the cache, which makes four objects per finding, it saves a tenth.

    Nested, it freezes what exists again and leaves the rest to the outermost."""
    global _collecting_less
    gc.freeze()
    if _collecting_less:
        yield
        return
    threshold = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    _collecting_less = True
    try:
        yield
    finally:
        _collecting_less = False
        gc.set_threshold(*threshold)
        gc.unfreeze()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Serving files from the cache makes four objects per finding (and a bucket's JSON),
    none in a cycle: with the collector on, walking them cost a quarter as much as
    making them, even at `fewer_collections`' thresholds. Inside `fewer_collections()`
    (a check) they are frozen at the end, which it undoes, or the first allocation after
    would walk them all at once."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _collecting_less:
            gc.freeze()
        if was_enabled:
            gc.enable()


def _lint_here_or_in_pool(items: Sequence[tuple[str, str]], jobs: int) -> Iterator[_Result]:
    workers = min(jobs, len(items) // MIN_FILES_PER_JOB)
    if workers <= 1:
        yield from map(_lint_one, items)
        return
    import multiprocessing  # here: a one-file run (pre-commit) never starts a pool

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        # the workers inherit the compiled settings: nothing to send or rebuild
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker)
    else:
        assert _WORKER_SETTINGS is not None
        pool = multiprocessing.get_context("spawn").Pool(
            workers, initializer=_start_worker, initargs=(_WORKER_SETTINGS,)
        )
    try:
        chunks = pool.imap(_lint_chunk_in_worker, shrinking_chunks(items, workers))
        for results in chunks:
            yield from map(_from_worker, results)
    finally:
        pool.terminate()
        pool.join()
