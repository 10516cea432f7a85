"""The results cache (SPEC §7): `.termlint_cache/`, keyed on content, never stale."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli, write_tree
from sample_glossary import WHITELIST_GLOSSARY

from termlint import runner
from termlint.cache import FORMAT, GITIGNORE_TEXT, ResultsCache, content_digest
from termlint.model import Finding, Fix, Position, Severity, Span

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
    real = runner.lint_file

    def counting(path, display, settings):  # type: ignore[no-untyped-def]
        calls.append(display)
        return real(path, display, settings)

    monkeypatch.setattr(runner, "lint_file", counting)
    return calls


def check(root: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli(["check", "--jobs", "1", "--no-color", *args], root)
    return result.exit_code, result.stdout, result.stderr


def test_a_second_run_lints_nothing_and_reports_the_same(tmp_path: Path, linted: list[str]) -> None:
    write_tree(tmp_path, FILES)
    first = check(tmp_path, "docs")
    assert first == (1, "".join(REPORT), "Found 2 problems (2 warnings) in 3 files.\n")
    assert linted == ["docs/a.md", "docs/b.md", "docs/c.txt"]
    cache = tmp_path / ".termlint_cache"
    assert sorted(os.listdir(cache)) == [".gitignore", "glossary.json", "results.json"]
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


def test_a_corrupt_cache_is_a_warning_and_is_rebuilt(tmp_path: Path, linted: list[str]) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    results = tmp_path / ".termlint_cache/results.json"
    results.write_text("{not json", encoding="utf-8")
    linted.clear()
    code, stdout, stderr = check(tmp_path, "docs")
    assert (code, stdout) == (1, "".join(REPORT))
    assert stderr == (
        "termlint: warning: ignoring the corrupt cache .termlint_cache/results.json "
        "(Expecting property name enclosed in double quotes: line 1 column 2 (char 1)); "
        "checking files again\n"
        "Found 2 problems (2 warnings) in 3 files.\n"
    )
    assert linted == ["docs/a.md", "docs/b.md", "docs/c.txt"]
    assert json.loads(results.read_text(encoding="utf-8"))["format"] == FORMAT
    linted.clear()
    assert check(tmp_path, "docs")[2] == "Found 2 problems (2 warnings) in 3 files.\n"
    assert linted == []


FINDING = Finding(
    path="old/a.md",
    span=Span(4, 13),
    start=Position(1, 5),
    end=Position(1, 14),
    rule="deprecated-term",
    severity=Severity.ERROR,
    text="whitelist",
    message="m",
    term="whitelist",
    suggestions=("allowlist", "safelist"),
    fix=Fix("allowlist"),
    line_text="The whitelist is long.",
)


Payload = dict[str, Any]


def _numbers(payload: Payload) -> list[Any]:
    return next(iter(payload["files"].values()))[1]  # type: ignore[no-any-return]


def _set(items: list[Any], index: int, value: object) -> None:
    items[index] = value


# Each edit leaves valid JSON in the cache's shape but breaks what a finding may hold.
# The one template is [severity, rule, text, message, term, suggestions, fix, line] and
# the values are "deprecated-term", "whitelist", "m", [suggestions], "allowlist", line.
CORRUPTIONS: dict[str, Callable[[Payload], None]] = {
    "entry is not a list": lambda p: p["files"].update({k: {} for k in p["files"]}),
    "entry too long": lambda p: next(iter(p["files"].values())).append([]),
    "numbers not a list": lambda p: next(iter(p["files"].values())).__setitem__(1, "x"),
    "a number is a string": lambda p: _set(_numbers(p), 2, "1"),
    "a number is a bool": lambda p: _set(_numbers(p), 2, True),
    "a number is a float": lambda p: _set(_numbers(p), 2, 1.0),
    "a number is negative": lambda p: _set(_numbers(p), 0, -1),
    "a number is missing": lambda p: _numbers(p).pop(),
    "no such template": lambda p: _set(_numbers(p), 6, 1),
    "no templates": lambda p: p.pop("templates"),
    "template not a list": lambda p: _set(p["templates"], 0, {}),
    "template too short": lambda p: p["templates"][0].pop(),
    "unknown severity": lambda p: _set(p["templates"][0], 0, 3),
    "reference out of range": lambda p: _set(p["templates"][0], 1, 99),
    "reference is a bool": lambda p: _set(p["templates"][0], 4, True),
    "rule is none": lambda p: _set(p["templates"][0], 1, 0),
    "rule is suggestions": lambda p: _set(p["templates"][0], 1, 4),
    "suggestions are a string": lambda p: _set(p["templates"][0], 5, 1),
    "term is suggestions": lambda p: _set(p["templates"][0], 4, 4),
    "no value table": lambda p: p.pop("values"),
    "a value is a number": lambda p: p["values"].append(1),
    "a suggestion is a number": lambda p: p["values"].append(["a", 1]),
}


@pytest.mark.parametrize("corrupt", CORRUPTIONS.values(), ids=CORRUPTIONS.keys())
def test_a_corrupt_entry_is_a_warning_and_that_file_is_linted(
    tmp_path: Path,
    corrupt: Callable[[dict], None],  # type: ignore[type-arg]
) -> None:
    folder = tmp_path / ".termlint_cache"
    warnings: list[str] = []
    cache = ResultsCache(folder, "key", warnings.append, shown="cache.json")
    path = tmp_path / "a.md"
    cache.store(path, "digest", [FINDING])
    cache.save()
    payload = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert ResultsCache(folder, "key", warnings.append).lookup(path, "digest", "a.md")
    corrupt(payload)
    (folder / "results.json").write_text(json.dumps(payload), encoding="utf-8")
    again = ResultsCache(folder, "key", warnings.append, shown="cache.json")
    assert again.lookup(path, "digest", "a.md") is None
    assert warnings == [
        "ignoring the corrupt cache cache.json (an entry has an unexpected shape); "
        "checking files again"
    ]


def test_the_value_table_keeps_only_what_entries_use(tmp_path: Path) -> None:
    cache = ResultsCache(tmp_path, "key", print)
    cache.store(tmp_path / "a.md", "1", [FINDING])
    other = Finding(**{**{f: getattr(FINDING, f) for f in FINDING.__slots__}, "message": "n"})  # type: ignore[arg-type]
    cache.store(tmp_path / "b.md", "2", [other, other])
    cache.store(tmp_path / "a.md", "3", [])  # a.md changed: its message "m" is no longer used
    cache.save()
    payload = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert sorted(map(str, payload["values"])) == sorted(
        [
            "deprecated-term",
            "whitelist",
            "n",
            "['allowlist', 'safelist']",
            "allowlist",
            "The whitelist is long.",
        ]
    )
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
    assert (project / ".termlint_cache/results.json").is_file()
    assert not (project / "docs/.termlint_cache").exists()
    bare = write_tree(tmp_path / "bare", {"x.md": "Some text.\n"})
    check(bare, ".")
    assert (bare / ".termlint_cache/results.json").is_file()


def test_a_cache_that_cannot_be_written_is_a_warning(tmp_path: Path) -> None:
    write_tree(tmp_path, {**FILES, ".termlint_cache": "a file, not a folder\n"})
    code, stdout, stderr = check(tmp_path, "docs")
    assert (code, stdout) == (1, "".join(REPORT))
    assert stderr.splitlines()[0].startswith(
        "termlint: warning: ignoring the corrupt cache .termlint_cache/results.json ("
    )
    assert stderr.splitlines()[1].startswith(
        "termlint: warning: cannot write the cache .termlint_cache/results.json: "
    )
    assert stderr.splitlines()[2] == "Found 2 problems (2 warnings) in 3 files."


def test_a_fix_is_never_hidden_by_the_cache(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    check(tmp_path, "docs")
    fixed = run_cli(["fix", "--jobs", "1", "docs/a.md"], tmp_path)
    assert fixed.exit_code == 0
    assert (tmp_path / "docs/a.md").read_text(encoding="utf-8") == "The allowlist is long.\n"
    assert check(tmp_path, "docs") == (1, REPORT[1], "Found 1 problem (1 warning) in 3 files.\n")
