"""Linting many files: in worker processes, from the cache, always in path order."""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path

import pytest
from conftest import SHARED, run_cli, write_tree

from termlint import runner, source
from termlint.cache import ResultsCache, content_digest
from termlint.config import Config
from termlint.glossary import Entry, Glossary, Status
from termlint.lint import build_settings
from termlint.source import read_file_bytes

GLOSSARY = Glossary(
    entries=(Entry("whitelist", status=Status.DEPRECATED, replace_with=("allowlist",)),)
)
SETTINGS = build_settings(GLOSSARY, Config(root=Path(".")))


def tree(root: Path, count: int) -> list[Path]:
    files = {
        f"d{n % 3}/f{n:02}.md": f"Line {n} has a whitelist{'s' * (n % 2)}.\n" for n in range(count)
    }
    files["d1/bad.md"] = b"\xff\xfe not UTF-8"
    write_tree(root, files)
    return sorted(root.rglob("*.md"))


def summary(results: list[runner.FileResult]) -> list[tuple[str, list[tuple[int, int, str, str]]]]:
    return [
        (r.display, [(f.start.line, f.start.column, f.rule, f.text) for f in r.findings])
        for r in results
    ]


def test_two_jobs_give_what_one_gives_in_the_same_order(tmp_path: Path) -> None:
    paths = tree(tmp_path, 40)
    one = list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, jobs=1))
    two = list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, jobs=2))
    assert [r.path for r in one] == [str(path) for path in paths]
    assert summary(two) == summary(one)
    assert [(r.findings, [f.line_text for f in r.findings]) for r in two] == [
        (r.findings, [f.line_text for f in r.findings]) for r in one
    ]
    assert summary(one)[:2] == [
        ("d0/f00.md", [(1, 14, "deprecated-term", "whitelist")]),
        ("d0/f03.md", [(1, 14, "deprecated-term", "whitelists")]),
    ]
    assert ("d1/bad.md", [(1, 1, "read-error", "")]) in summary(one)


def test_chunks_keep_the_order_and_shrink_to_single_files_at_the_end() -> None:
    items = [(f"/d/{n}.md", f"{n}.md") for n in range(40)]
    chunks = runner.shrinking_chunks(items, 2)
    assert [len(chunk) for chunk in chunks] == [2] * 5 + [1] * 30
    assert [item for chunk in chunks for item in chunk] == items
    corpus = [(f"/d/{n}.md", f"{n}.md") for n in range(3096)]
    sizes = [len(chunk) for chunk in runner.shrinking_chunks(corpus, 2)]
    assert sizes[0] == 32 and sizes == sorted(sizes, reverse=True) and sum(sizes) == 3096
    assert sizes[-31:] == [1] * 31 and sizes[-32] == 2  # under 32 left: one at a time
    assert runner.shrinking_chunks([], 2) == []


def test_few_files_get_no_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = tree(tmp_path, 6)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("no pool for so few files")

    monkeypatch.setattr("multiprocessing.get_context", no_pool)  # runner imports it late
    assert len(list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, jobs=2))) == 7


def test_a_fully_cached_run_never_compiles_the_glossary(tmp_path: Path) -> None:
    paths = tree(tmp_path, 5)
    cache = ResultsCache(tmp_path / "cache", "key", print)
    first = list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, cache=cache))

    def no_settings() -> None:
        raise AssertionError("compiled although everything was cached")

    again = ResultsCache(tmp_path / "cache", "key", print)
    # the unreadable file is never cached: it is linted (read) again, nothing else
    unreadable = [p for p in paths if p.name == "bad.md"]
    cached = [p for p in paths if p.name != "bad.md"]
    assert summary(list(runner.lint_files(cached, tmp_path, no_settings, cache=again))) == [
        item for item in summary(first) if item[0] != "d1/bad.md"
    ]
    assert (again.hits, again.misses) == (5, 0)
    assert summary(
        list(runner.lint_files(unreadable, tmp_path, lambda: SETTINGS, cache=again))
    ) == [("d1/bad.md", [(1, 1, "read-error", "")])]


def test_serving_from_the_cache_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    paths = [p for p in tree(tmp_path, 5) if p.name != "bad.md"]
    cache = ResultsCache(tmp_path / "cache", "key", print)
    list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, cache=cache))
    frozen = gc.get_freeze_count()
    try:
        gc.disable()
        list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, cache=cache))
        assert not gc.isenabled()
        gc.enable()
        list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, cache=cache))
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen  # outside a check nothing stays frozen
        with runner.fewer_collections():
            list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, cache=cache))
        assert gc.get_freeze_count() == 0  # what fewer_collections() froze, it thaws
    finally:
        gc.enable()
    assert cache.hits == 15


def test_the_digest_stored_is_that_of_the_bytes_linted(tmp_path: Path) -> None:
    (path,) = [p for p in tree(tmp_path, 1) if p.name != "bad.md"]
    runner._set_worker_settings(SETTINGS)
    digest, findings = runner._lint_one((str(path), "f.md"))
    assert digest == content_digest(path.read_bytes())
    assert [f.text for f in findings] == ["whitelist"]
    assert runner._lint_one((str(tmp_path / "d1/bad.md"), "bad.md"))[0] is None


def test_a_file_is_read_whole_however_large(tmp_path: Path) -> None:
    for size in (0, 5, source._READ_SIZE, 2 * source._READ_SIZE + 3):
        path = tmp_path / f"{size}.md"
        data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
        path.write_bytes(data)
        assert read_file_bytes(str(path)) == data
    with pytest.raises(IsADirectoryError):
        read_file_bytes(str(tmp_path))


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="no /proc on this system")
def test_a_file_whose_size_says_nothing_is_read_whole() -> None:
    # /proc files report a size of 0 but hold text: a reader that trusted the size would
    # return nothing
    assert os.stat("/proc/version").st_size == 0
    assert read_file_bytes("/proc/version") == Path("/proc/version").read_bytes() != b""


def test_a_file_that_grows_while_read_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"12345")
    real_fstat = os.fstat

    def fstat_then_grow(descriptor: int) -> os.stat_result:
        status = real_fstat(descriptor)
        path.write_bytes(b"1234567890")  # after the size was taken
        return status

    monkeypatch.setattr(source.os, "fstat", fstat_then_grow)
    assert read_file_bytes(str(path)) == b"1234567890"


def test_paths_may_be_given_as_strings(tmp_path: Path) -> None:
    paths = tree(tmp_path, 4)
    cache = ResultsCache(tmp_path / "cache", "key", print)
    first = list(runner.lint_files(paths, tmp_path, lambda: SETTINGS, cache=cache))
    names = [str(path) for path in paths]
    again = list(runner.lint_files(names, tmp_path, lambda: SETTINGS, cache=cache))
    assert [r.path for r in again] == [r.path for r in first] == names
    assert summary(again) == summary(first)
    assert (cache.hits, cache.misses) == (4, 0)  # all but the unreadable file, never stored


def test_default_jobs_is_the_number_of_usable_cores() -> None:
    assert runner.default_jobs() >= 1


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    result = run_cli(["check", "--jobs", "0", "."], tmp_path)
    assert result.exit_code == 2
    assert "Invalid value for '--jobs': 0 is not in the range x>=1." in result.stderr


CORPUS = SHARED / "bench" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/bench is not next to this checkout")
def test_a_corpus_sample_reports_the_same_with_and_without_cache_and_jobs(tmp_path: Path) -> None:
    """60 pages of the benchmark corpus: --no-cache with one and two jobs, a cold cache,
    a warm cache, and a warm cache after one page changed, all report the same."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from glossaries import write_glossary

    config = write_glossary(tmp_path / "glossary", SHARED / "bench" / "terms.tsv", 264)
    pages = sorted(CORPUS.rglob("*.md"))[::52]
    assert len(pages) == 60
    sample = tmp_path / "sample"
    for number, page in enumerate(pages):
        target = sample / f"{number:02}-{page.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())

    def report(*args: str) -> dict:  # type: ignore[type-arg]
        result = run_cli(["check", "--config", str(config), "--format", "json", *args, "."], sample)
        assert result.exit_code == 1, result.stderr
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    reference = report("--no-cache", "--jobs", "1")
    assert reference["summary"]["files"] == 60
    assert reference["summary"]["findings"] > 200
    assert report("--no-cache", "--jobs", "2") == reference
    assert report("--jobs", "2") == reference  # cold: fills the cache
    assert any((config.parent / ".termlint_cache/results").glob("*.json"))
    assert report("--jobs", "2") == reference  # warm
    assert report("--jobs", "1") == reference
    edited = sorted(sample.iterdir())[7]
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nA new KTLOX line.\n", encoding="utf-8"
    )
    after = report("--jobs", "2")
    assert after == report("--no-cache", "--jobs", "1")
    added = [f for f in after["findings"] if f not in reference["findings"]]
    assert [(f["path"], f["rule"], f["text"]) for f in added] == [
        (edited.name, "undefined-term", "KTLOX")
    ]


def test_fewer_collections_nests_and_restores_the_collector_at_the_outermost() -> None:
    import gc

    before = gc.get_threshold()
    with runner.fewer_collections():
        assert gc.get_threshold() == (50_000, 20, 100)
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with runner.fewer_collections():
            pass
        assert gc.get_threshold() == (50_000, 20, 100)  # the inner one leaves it so
        assert gc.get_freeze_count() >= frozen
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_a_finding_travels_from_a_worker_whole() -> None:
    from termlint.model import Finding, Fix, Position, Severity, Span

    with_fix = Finding(
        "a.md",
        Span(4, 13),
        Position(1, 5),
        Position(1, 14),
        "deprecated-term",
        Severity.ERROR,
        "whitelist",
        "m",
        "whitelist",
        ("allowlist", "safelist"),
        Fix("allowlist"),
        "The whitelist is long.",
    )
    without = Finding(
        "b.md",
        Span(0, 4),
        Position(2, 1),
        Position(2, 5),
        "undefined-term",
        Severity.INFO,
        "KTLO",
        "n",
    )
    for finding in (with_fix, without):
        back = Finding.from_row(finding.to_row())
        assert (back, back.line_text) == (finding, finding.line_text)
    assert with_fix.place == (4, 13, 1, 5, 1, 14)
