"""The results cache (SPEC §7): `.termlint_cache/`, keyed on content, never stale."""

from __future__ import annotations

import base64
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import FULL_FINDING, run_cli, write_tree
from sample_glossary import WHITELIST_GLOSSARY

from termlint import cache as cache_module
from termlint import lint
from termlint.cache import (
    BUCKETS,
    FORMAT,
    GITIGNORE_TEXT,
    ResultsCache,
    bucket_name,
    content_digest,
    run_key,
)
from termlint.model import Finding, Position, Span

GLOSSARY = WHITELIST_GLOSSARY
FILES = {
    ".termlint.yaml": "glossary: [glossary.yaml]\n",
    "glossary.yaml": GLOSSARY,
    "docs/a.md": "The whitelist is long.\n",
    "docs/b.md": "Our KTLO rota.\n",
    "docs/c.txt": "Nothing to see.\n",
}
REPORT = [
    'docs/a.md:1:5: warning: "whitelist" is deprecated: use "allowlist" instead [deprecated-term]\n',
    'docs/b.md:1:5: warning: "KTLO" is not in the glossary and not defined in this file '
    "[undefined-term]\n",
]


@pytest.fixture
def linted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The display paths `lint_file` is called with, in order (runs use --jobs 1)."""
    calls: list[str] = []
    real = lint.lint_file

    def counting(path, display, settings):  # type: ignore[no-untyped-def]
        calls.append(display)
        return real(path, display, settings)

    monkeypatch.setattr(lint, "lint_file", counting)
    return calls


@pytest.fixture
def bucket_per_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file in the bucket of its own name (a.md in a.json), whatever the hash says."""
    monkeypatch.setattr(cache_module, "bucket_name", lambda path: f"{Path(path).stem}.json")


@pytest.fixture
def one_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file in one bucket."""
    monkeypatch.setattr(cache_module, "bucket_name", lambda path: "00.json")


def bucket_of(path: Path) -> str:
    """The bucket file of `path`, relative to the cache folder."""
    return f"results/{bucket_name(str(path))}"


def check(root: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli(["check", "--jobs", "1", "--no-color", *args], root)
    return result.exit_code, result.stdout, result.stderr


def test_a_second_run_lints_nothing_and_reports_the_same(tmp_path: Path, linted: list[str]) -> None:
    write_tree(tmp_path, FILES)
    first = check(tmp_path, "docs")
    assert first == (1, "".join(REPORT), "Found 2 problems (2 warnings) in 3 files.\n")
    assert linted == ["docs/a.md", "docs/b.md", "docs/c.txt"]
    cache = tmp_path / ".termlint_cache"
    assert sorted(os.listdir(cache)) == [".gitignore", "config.json", "glossary.json", "results"]
    assert {f"results/{name}" for name in os.listdir(cache / "results")} == {
        bucket_of(tmp_path / "docs" / name) for name in ("a.md", "b.md", "c.txt")
    }
    assert (cache / ".gitignore").read_text(encoding="utf-8") == GITIGNORE_TEXT
    assert GITIGNORE_TEXT.endswith("\n*\n")
    linted.clear()
    assert check(tmp_path, "docs") == first
    assert linted == []


def test_an_edited_file_is_the_only_one_linted_again(tmp_path: Path, linted: list[str]) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    linted.clear()
    (tmp_path / "docs/b.md").write_text("Our rota.\n", encoding="utf-8")
    assert check(tmp_path, "docs") == (1, REPORT[0], "Found 1 problem (1 warning) in 3 files.\n")
    assert linted == ["docs/b.md"]


def test_the_key_is_the_content_not_the_modification_time(
    tmp_path: Path, linted: list[str]
) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    path = tmp_path / "docs/a.md"
    before = path.stat()
    path.write_text("The allowlist is long.\n", encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    linted.clear()
    assert check(tmp_path, "docs") == (1, REPORT[1], "Found 1 problem (1 warning) in 3 files.\n")
    assert linted == ["docs/a.md"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("glossary.yaml", GLOSSARY + "allow: [KTLO]\n"),
        (".termlint.yaml", "glossary: [glossary.yaml]\nrules: {deprecated-term: error}\n"),
    ],
)
def test_a_changed_glossary_or_config_lints_everything_again(
    tmp_path: Path, linted: list[str], name: str, content: str
) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    linted.clear()
    (tmp_path / name).write_text(content, encoding="utf-8")
    code, stdout, _ = check(tmp_path, "docs")
    assert linted == ["docs/a.md", "docs/b.md", "docs/c.txt"]
    if name == "glossary.yaml":
        assert (code, stdout) == (1, REPORT[0])
    else:
        assert (code, stdout) == (1, REPORT[0].replace("warning", "error", 1) + REPORT[1])


def test_an_upgraded_dependency_lints_everything_again(
    tmp_path: Path, linted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a stand-in for pyromark and the others: a package whose module file is rewritten
    # when it is upgraded
    site = tmp_path / "site"
    module = site / "readerlib" / "__init__.py"
    module.parent.mkdir(parents=True)
    module.write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(cache_module, "DEPENDENCIES", ("readerlib",))
    project = tmp_path / "project"
    write_tree(project, FILES)
    cache_module._code_stamp.cache_clear()
    check(project, "docs")
    linted.clear()
    cache_module._code_stamp.cache_clear()
    check(project, "docs")
    assert linted == []
    module.write_text("VERSION = 22\n", encoding="utf-8")
    cache_module._code_stamp.cache_clear()
    check(project, "docs")
    assert linted == ["docs/a.md", "docs/b.md", "docs/c.txt"]
    cache_module._code_stamp.cache_clear()


def test_every_dependency_that_shapes_findings_is_in_the_stamp() -> None:
    stamped = {path for path, _, _ in cache_module._code_stamp()}
    for name in cache_module.DEPENDENCIES:
        origin = cache_module._module_file(name)
        assert origin is not None and origin in stamped, name


@pytest.mark.usefixtures("bucket_per_name")
def test_a_corrupt_bucket_is_a_warning_and_is_rebuilt_while_the_others_serve(
    tmp_path: Path, linted: list[str]
) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    results = tmp_path / ".termlint_cache/results"
    assert sorted(os.listdir(results)) == ["a.json", "b.json", "c.json"]
    (results / "b.json").write_text("{not json", encoding="utf-8")
    linted.clear()
    code, stdout, stderr = check(tmp_path, "docs")
    assert (code, stdout) == (1, "".join(REPORT))
    assert stderr == (
        "termlint: warning: ignoring the corrupt cache .termlint_cache/results/b.json "
        "(Expecting property name enclosed in double quotes: line 1 column 2 (char 1)); "
        "checking files again\n"
        "Found 2 problems (2 warnings) in 3 files.\n"
    )
    assert linted == ["docs/b.md"]
    assert json.loads((results / "b.json").read_text(encoding="utf-8"))["format"] == FORMAT
    linted.clear()
    assert check(tmp_path, "docs")[2] == "Found 2 problems (2 warnings) in 3 files.\n"
    assert linted == []


@pytest.mark.usefixtures("bucket_per_name")
def test_a_bucket_nested_too_deeply_is_a_warning_not_a_crash(
    tmp_path: Path, linted: list[str]
) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    bucket = tmp_path / ".termlint_cache/results/a.json"
    bucket.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    linted.clear()
    assert check(tmp_path, "docs") == (
        1,
        "".join(REPORT),
        "termlint: warning: ignoring the corrupt cache .termlint_cache/results/a.json "
        "(nested too deeply); checking files again\n"
        "Found 2 problems (2 warnings) in 3 files.\n",
    )
    assert linted == ["docs/a.md"]


FINDING = FULL_FINDING


Payload = dict[str, Any]


def packed(numbers: list[int]) -> str:
    """Numbers as a bucket keeps them: base64 of little-endian 32-bit words."""
    return base64.b64encode(b"".join(n.to_bytes(4, "little") for n in numbers)).decode()


def unpacked(text: str) -> list[int]:
    data = base64.b64decode(text)
    return [int.from_bytes(data[at : at + 4], "little") for at in range(0, len(data), 4)]


def _entry(payload: Payload) -> list[Any]:
    return next(iter(payload["files"].values()))  # type: ignore[no-any-return]


def _numbers(payload: Payload, edit: Callable[[list[int]], object]) -> None:
    """Edit the numbers of the one entry (seven a finding)."""
    numbers = unpacked(_entry(payload)[1])
    edit(numbers)
    _entry(payload)[1] = packed(numbers)


def _template(payload: Payload, edit: Callable[[list[int]], object]) -> None:
    """Edit the one template: severity, then references to rule, text, message, term,
    suggestions, fix and line."""
    numbers = unpacked(payload["templates"])
    edit(numbers)
    payload["templates"] = packed(numbers)


def _set(items: list[Any], index: int, value: object) -> None:
    items[index] = value


# Each edit leaves valid JSON in the cache's shape but breaks what a finding may hold.
# The texts are "deprecated-term", "whitelist", "m", "allowlist" and the line (1 to 5),
# the suggestions one list (0).
CORRUPTIONS: dict[str, Callable[[Payload], None]] = {
    "entry is not a list": lambda p: p["files"].update({k: {} for k in p["files"]}),
    "entry too long": lambda p: _entry(p).append([]),
    "digest not a string": lambda p: _set(_entry(p), 0, 1),
    "numbers not packed": lambda p: _set(_entry(p), 1, [4, 13, 1, 5, 1, 14, 0]),
    "numbers not base64": lambda p: _set(_entry(p), 1, _entry(p)[1].replace("A", "!")),
    "numbers not ASCII": lambda p: _set(_entry(p), 1, "é" + _entry(p)[1][1:]),
    "a part of a number": lambda p: _set(
        _entry(p), 1, base64.b64encode(base64.b64decode(_entry(p)[1]) + b"\0").decode()
    ),
    "a number is missing": lambda p: _numbers(p, list.pop),
    "no such template": lambda p: _numbers(p, lambda n: _set(n, 6, 1)),
    "no templates": lambda p: p.pop("templates"),
    "templates not packed": lambda p: _set(p, "templates", [unpacked(p["templates"])]),
    "template too short": lambda p: _template(p, list.pop),
    "unknown severity": lambda p: _template(p, lambda t: _set(t, 0, 3)),
    "reference out of range": lambda p: _template(p, lambda t: _set(t, 1, 99)),
    "rule is none": lambda p: _template(p, lambda t: _set(t, 1, 0)),
    "line out of range": lambda p: _template(p, lambda t: _set(t, 7, 6)),
    "fix out of range": lambda p: _template(p, lambda t: _set(t, 6, 6)),
    "suggestions out of range": lambda p: _template(p, lambda t: _set(t, 5, 1)),
    "no texts": lambda p: p.pop("texts"),
    "a text is a number": lambda p: p["texts"].append(1),
    "a text is a list": lambda p: p["texts"].append(["a"]),
    "no suggestions": lambda p: p.pop("suggestions"),
    "suggestions are a string": lambda p: p["suggestions"].append("a"),
    "a suggestion is a number": lambda p: p["suggestions"].append(["a", 1]),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_entry_is_a_warning_and_that_file_is_linted(
    tmp_path: Path,
    corrupt: Callable[[dict], None],  # type: ignore[type-arg]
) -> None:
    folder = tmp_path / ".termlint_cache"
    warnings: list[str] = []
    cache = ResultsCache(folder, "key", warnings.append, shown="cache")
    path = tmp_path / "a.md"
    cache.store(path, "digest", [FINDING])
    cache.save()
    bucket = folder / bucket_of(path)
    payload = json.loads(bucket.read_text(encoding="utf-8"))
    assert ResultsCache(folder, "key", warnings.append).lookup(path, "digest", "a.md")
    corrupt(payload)
    bucket.write_text(json.dumps(payload), encoding="utf-8")
    again = ResultsCache(folder, "key", warnings.append, shown="cache")
    assert again.lookup(path, "digest", "a.md") is None
    assert warnings == [
        f"ignoring the corrupt cache cache/{bucket.name} (an entry has an unexpected shape); "
        "checking files again"
    ]


def test_numbers_are_kept_up_to_32_bits_and_a_larger_one_is_never_stored(tmp_path: Path) -> None:
    largest = replace(FINDING, span=Span(2**32 - 2, 2**32 - 1), end=Position(1, 2**32 - 1))
    cache = ResultsCache(tmp_path, "key", print)
    cache.store(tmp_path / "a.md", "1", [largest])
    cache.store(tmp_path / "b.md", "2", [FINDING])
    cache.save()
    bucket = json.loads((tmp_path / bucket_of(tmp_path / "a.md")).read_text(encoding="utf-8"))
    assert unpacked(bucket["files"][str(tmp_path / "a.md")][1]) == [
        2**32 - 2,
        2**32 - 1,
        1,
        5,
        1,
        2**32 - 1,
        0,
    ]
    again = ResultsCache(tmp_path, "key", print)
    assert again.lookup(tmp_path / "a.md", "1", "a.md") == (replace(largest, path="a.md"),)
    too_large = replace(FINDING, span=Span(4, 2**32))
    again.store(tmp_path / "a.md", "3", [too_large])  # a file of 4 GiB: linted every time
    again.store(tmp_path / "b.md", "4", [too_large])
    again.save()
    last = ResultsCache(tmp_path, "key", print)
    assert not last.has_entry(tmp_path / "a.md")
    assert not last.has_entry(tmp_path / "b.md")


@pytest.mark.usefixtures("one_bucket")
def test_the_tables_keep_only_what_entries_use(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "key", print)
    cache.store(tmp_path / "a.md", "1", [FINDING])
    other = Finding(**{**{f: getattr(FINDING, f) for f in FINDING.__slots__}, "message": "n"})  # type: ignore[arg-type]
    cache.store(tmp_path / "b.md", "2", [other, other])
    cache.store(tmp_path / "a.md", "3", [])  # a.md changed: its message "m" is no longer used
    cache.save()
    payload = json.loads((tmp_path / "results/00.json").read_text(encoding="utf-8"))
    assert payload["texts"] == [
        "deprecated-term",
        "whitelist",
        "n",
        "allowlist",
        "The whitelist is long.",
    ]
    assert payload["suggestions"] == [["allowlist", "safelist"]]
    assert unpacked(payload["templates"]) == [2, 1, 2, 3, 2, 0, 4, 5]
    again = ResultsCache(tmp_path, "key", print)
    assert again.lookup(tmp_path / "a.md", "3", "a.md") == ()
    assert again.lookup(tmp_path / "b.md", "2", "b.md") == (
        replace(other, path="b.md"),
        replace(other, path="b.md"),
    )


def test_findings_come_back_whole_under_the_current_path(tmp_path: Path) -> None:
    finding = FINDING
    cache = ResultsCache(tmp_path, "key", print)
    cache.store(tmp_path / "a.md", content_digest(b"x"), [finding])
    cache.save()
    again = ResultsCache(tmp_path, "key", print)
    (found,) = again.lookup(tmp_path / "a.md", content_digest(b"x"), "new/a.md") or ()
    assert found == Finding(
        **{**{f: getattr(finding, f) for f in finding.__slots__}, "path": "new/a.md"}
    )  # type: ignore[arg-type]
    assert found.line_text == "The whitelist is long."
    assert (
        ResultsCache(tmp_path, "another key", print).lookup(
            tmp_path / "a.md", content_digest(b"x"), "a.md"
        )
        is None
    )


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, linted: list[str]) -> None:
    write_tree(tmp_path, FILES)
    assert check(tmp_path, "--no-cache", "docs")[0] == 1
    assert not (tmp_path / ".termlint_cache").exists()
    check(tmp_path, "docs")
    linted.clear()
    check(tmp_path, "--no-cache", "docs")
    assert linted == ["docs/a.md", "docs/b.md", "docs/c.txt"]


def test_the_cache_sits_beside_the_config_or_in_the_current_folder(tmp_path: Path) -> None:
    project = write_tree(tmp_path / "project", FILES)
    check(project / "docs", ".")
    assert (project / ".termlint_cache" / bucket_of(project / "docs/a.md")).is_file()
    assert not (project / "docs/.termlint_cache").exists()
    bare = write_tree(tmp_path / "bare", {"x.md": "Some text.\n"})
    check(bare, ".")
    assert (bare / ".termlint_cache" / bucket_of(bare / "x.md")).is_file()


def test_a_cache_that_cannot_be_written_is_a_warning(tmp_path: Path) -> None:
    write_tree(tmp_path, {**FILES, ".termlint_cache": "a file, not a folder\n"})
    code, stdout, stderr = check(tmp_path, "docs")
    assert (code, stdout) == (1, "".join(REPORT))
    buckets = sorted(bucket_of(tmp_path / "docs" / name) for name in ("a.md", "b.md", "c.txt"))
    assert len(stderr.splitlines()) == 3  # one warning for all the buckets that cannot be read
    assert stderr.splitlines()[0].startswith(
        "termlint: warning: ignoring the corrupt cache "
        f".termlint_cache/{bucket_of(tmp_path / 'docs/a.md')} ("
    )
    assert stderr.splitlines()[1].startswith(
        f"termlint: warning: cannot write the cache .termlint_cache/{buckets[0]}: "
    )
    assert stderr.splitlines()[2] == "Found 2 problems (2 warnings) in 3 files."


def test_a_fix_is_never_hidden_by_the_cache(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    fixed = run_cli(["fix", "--jobs", "1", "docs/a.md"], tmp_path)
    assert fixed.exit_code == 0
    assert (tmp_path / "docs/a.md").read_text(encoding="utf-8") == "The allowlist is long.\n"
    assert check(tmp_path, "docs") == (1, REPORT[1], "Found 1 problem (1 warning) in 3 files.\n")


def test_a_bucket_is_named_by_a_stable_hash_of_the_path() -> None:
    assert BUCKETS == 64
    # the first byte of the SHA-256 of the path, modulo BUCKETS: the same in every process
    assert bucket_name("/docs/a.md") == "36.json"
    assert bucket_name("/docs/b.md") == "1c.json"
    names = {bucket_name(f"/docs/{number}.md") for number in range(2000)}
    assert names == {f"{number:02x}.json" for number in range(BUCKETS)}


@pytest.fixture
def bucket_io(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The names of the bucket files read and written, in order."""
    reads: list[str] = []
    writes: list[str] = []
    real_read, real_write = ResultsCache._read_bucket, ResultsCache._write_bucket

    def read(cache, name):  # type: ignore[no-untyped-def]
        reads.append(name)
        return real_read(cache, name)

    def write(cache, bucket):  # type: ignore[no-untyped-def]
        writes.append(bucket.file.name)
        real_write(cache, bucket)

    monkeypatch.setattr(ResultsCache, "_read_bucket", read)
    monkeypatch.setattr(ResultsCache, "_write_bucket", write)
    return reads, writes


MANY_FILES = {**FILES, **{f"docs/more/{number}.md": "Plain text.\n" for number in range(40)}}


def test_a_one_file_run_reads_and_writes_only_its_bucket(
    tmp_path: Path, linted: list[str], bucket_io: tuple[list[str], list[str]]
) -> None:
    reads, writes = bucket_io
    write_tree(tmp_path, MANY_FILES)
    check(tmp_path, "docs")
    every = {bucket_name(str(path)) for path in (tmp_path / "docs").rglob("*.*")}
    assert len(every) > 10
    assert sorted(reads) == sorted(writes) == sorted(every)  # each once
    assert sorted(os.listdir(tmp_path / ".termlint_cache/results")) == sorted(every)
    reads.clear()
    writes.clear()
    linted.clear()
    assert check(tmp_path, "docs/a.md") == (
        1,
        REPORT[0],
        "Found 1 problem (1 warning) in 1 file.\n",
    )
    assert (linted, reads, writes) == ([], [bucket_name(str(tmp_path / "docs/a.md"))], [])
    reads.clear()
    (tmp_path / "docs/b.md").write_text("Our KTLO rota, again.\n", encoding="utf-8")
    assert check(tmp_path, "docs/b.md")[0] == 1
    assert linted == ["docs/b.md"]
    assert reads == writes == [bucket_name(str(tmp_path / "docs/b.md"))]
    reads.clear()
    writes.clear()
    linted.clear()
    check(tmp_path, "docs")  # the other entries of b.md's bucket were kept
    assert (linted, writes) == ([], [])


@pytest.mark.usefixtures("bucket_per_name")
def test_a_changed_key_ignores_the_old_buckets_which_stay_until_rewritten(
    tmp_path: Path,
) -> None:
    warnings: list[str] = []
    old = ResultsCache(tmp_path, "old key", warnings.append)
    for name in ("a.md", "b.md"):
        old.store(tmp_path / name, "digest", [FINDING])
    old.save()
    new = ResultsCache(tmp_path, "new key", warnings.append)
    assert new.lookup(tmp_path / "a.md", "digest", "a.md") is None
    assert new.lookup(tmp_path / "b.md", "digest", "b.md") is None
    new.store(tmp_path / "a.md", "digest", [])
    new.save()
    assert warnings == []

    def key(bucket: str) -> str:
        return json.loads((tmp_path / "results" / bucket).read_text(encoding="utf-8"))["key"]

    assert (key("a.json"), key("b.json")) == ("new key", "old key")  # b.json left on disk
    assert ResultsCache(tmp_path, "new key", print).lookup(tmp_path / "a.md", "digest", "a") == ()
    assert ResultsCache(tmp_path, "new key", print).lookup(tmp_path / "b.md", "digest", "b") is None
    # b.json serves only its own key: the same termlint, glossary and config
    assert ResultsCache(tmp_path, "old key", print).lookup(tmp_path / "b.md", "digest", "b") == (
        replace(FINDING, path="b"),
    )
    assert ResultsCache(tmp_path, "old key", print).lookup(tmp_path / "a.md", "digest", "a") is None


def test_a_full_run_after_a_changed_glossary_rewrites_every_bucket(tmp_path: Path) -> None:
    write_tree(tmp_path, MANY_FILES)
    check(tmp_path, "docs")
    results = tmp_path / ".termlint_cache/results"
    keys = {json.loads(bucket.read_text(encoding="utf-8"))["key"] for bucket in results.iterdir()}
    assert len(keys) == 1
    (tmp_path / "glossary.yaml").write_text(GLOSSARY + "allow: [KTLO]\n", encoding="utf-8")
    check(tmp_path, "docs")
    new_keys = {
        json.loads(bucket.read_text(encoding="utf-8"))["key"] for bucket in results.iterdir()
    }
    assert len(new_keys) == 1
    assert new_keys != keys


def test_the_single_results_file_of_earlier_versions_is_never_read_and_is_removed(
    tmp_path: Path, linted: list[str]
) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    old = tmp_path / ".termlint_cache/results.json"
    bucket = tmp_path / ".termlint_cache" / bucket_of(tmp_path / "docs/a.md")
    payload = json.loads(bucket.read_text(encoding="utf-8"))
    old.write_text(json.dumps({**payload, "format": 2}), encoding="utf-8")
    shutil.rmtree(tmp_path / ".termlint_cache/results")
    linted.clear()
    assert check(tmp_path, "docs")[1] == "".join(REPORT)
    assert linted == ["docs/a.md", "docs/b.md", "docs/c.txt"]
    assert not old.exists()


def test_a_bucket_of_an_unknown_format_is_ignored_silently(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, run_key("glossary"), print)
    cache.store(tmp_path / "a.md", "digest", [FINDING])
    cache.save()
    bucket = tmp_path / bucket_of(tmp_path / "a.md")
    payload = json.loads(bucket.read_text(encoding="utf-8"))
    bucket.write_text(json.dumps({**payload, "format": FORMAT + 1}), encoding="utf-8")
    warnings: list[str] = []
    again = ResultsCache(tmp_path, run_key("glossary"), warnings.append)
    assert again.lookup(tmp_path / "a.md", "digest", "a.md") is None
    assert warnings == []
