"""The compiled-glossary cache: `.termlint_cache/glossary.json`, keyed on the sources' bytes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import check_quietly, write_tree
from sample_glossary import WHITELIST_GLOSSARY

from termlint import glossary_yaml, packs
from termlint.glossary import Entry, Glossary, Pattern, Status, load_glossaries
from termlint.glossary_cache import (
    GLOSSARY_FILE,
    decode,
    encode,
    load_glossaries_cached,
    sources_key,
)
from termlint.model import Severity

GLOSSARY = WHITELIST_GLOSSARY
FILES = {
    ".termlint.yaml": "glossary: [glossary.yaml]\n",
    "glossary.yaml": GLOSSARY,
    "docs/a.md": "The whitelist and the blacklist.\n",
}
WHITELIST = (
    'docs/a.md:1:5: warning: "whitelist" is deprecated: use "allowlist" instead [deprecated-term]\n'
)
BLACKLIST = (
    'docs/a.md:1:23: warning: "blacklist" is deprecated: use "blocklist" instead '
    "[deprecated-term]\n"
)
CACHED = Path(".termlint_cache") / GLOSSARY_FILE


@pytest.fixture
def yaml_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the glossaries read from YAML, in order."""
    names: list[str] = []
    real = glossary_yaml.read_glossary

    def counting(text: str, name: str) -> Glossary:
        names.append(name)
        return real(text, name)

    monkeypatch.setattr(glossary_yaml, "read_glossary", counting)
    return names


def test_the_second_run_reads_the_glossary_from_the_cache(
    tmp_path: Path, yaml_reads: list[str]
) -> None:
    write_tree(tmp_path, FILES)
    assert check_quietly(tmp_path, "docs") == (1, WHITELIST, "")
    assert yaml_reads == ["glossary.yaml"]
    assert (tmp_path / CACHED).is_file()
    (tmp_path / "docs/a.md").write_text("The whitelist, again.\n", encoding="utf-8")
    assert check_quietly(tmp_path, "docs") == (1, WHITELIST, "")
    assert yaml_reads == ["glossary.yaml"]  # not read again


def test_an_edited_glossary_is_read_again(tmp_path: Path, yaml_reads: list[str]) -> None:
    write_tree(tmp_path, FILES)
    assert check_quietly(tmp_path, "docs") == (1, WHITELIST, "")
    more = GLOSSARY + "  - term: blacklist\n    status: deprecated\n    replace_with: [blocklist]\n"
    (tmp_path / "glossary.yaml").write_text(more, encoding="utf-8")
    assert check_quietly(tmp_path, "docs") == (1, WHITELIST + BLACKLIST, "")
    assert yaml_reads == ["glossary.yaml", "glossary.yaml"]
    assert check_quietly(tmp_path, "docs") == (1, WHITELIST + BLACKLIST, "")
    assert len(yaml_reads) == 2


def test_no_cache_neither_reads_nor_writes_it(tmp_path: Path, yaml_reads: list[str]) -> None:
    write_tree(tmp_path, FILES)
    assert check_quietly(tmp_path, "--no-cache", "docs") == (1, WHITELIST, "")
    assert not (tmp_path / ".termlint_cache").exists()
    check_quietly(tmp_path, "docs")
    assert check_quietly(tmp_path, "--no-cache", "docs") == (1, WHITELIST, "")
    assert yaml_reads == ["glossary.yaml"] * 3


def test_a_bad_glossary_is_never_stored(tmp_path: Path) -> None:
    write_tree(tmp_path, {**FILES, "glossary.yaml": "version: 1\nterms: 3\n"})
    for _ in range(2):
        code, out, err = check_quietly(tmp_path, "docs")
        assert (code, out) == (2, "")
        assert err == "termlint: error: glossary.yaml:2:8: 'terms' must be a list, not a number\n"
    assert not (tmp_path / CACHED).exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "{not json",
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        ("[]", "not a glossary cache"),
        ("KEY-SHAPED", "a text has an unexpected type"),
        ("VARIANTS-SHAPED", "a list of texts has an unexpected shape"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
    ids=["not-json", "a-list", "a-number-for-a-term", "a-number-among-variants", "deep"],
)
def test_a_corrupt_cache_is_a_warning_and_is_replaced(
    tmp_path: Path, content: str, reason: str
) -> None:
    write_tree(tmp_path, FILES)
    check_quietly(tmp_path, "docs")
    cached = tmp_path / CACHED
    if content == "KEY-SHAPED":  # the right key, but a term that is a number
        payload = json.loads(cached.read_text(encoding="utf-8"))
        payload["glossary"]["entries"][0][0] = 42
        content = json.dumps(payload)
    elif content == "VARIANTS-SHAPED":  # the right key, but variants ["x", 7]
        payload = json.loads(cached.read_text(encoding="utf-8"))
        payload["glossary"]["entries"][0][3] = ["x", 7]
        content = json.dumps(payload)
    cached.write_text(content, encoding="utf-8")
    warning = (
        f"termlint: warning: ignoring the corrupt cache {CACHED.as_posix()} ({reason}); "
        "reading the glossary again\n"
    )
    assert check_quietly(tmp_path, "docs") == (1, WHITELIST, warning)
    assert check_quietly(tmp_path, "docs") == (1, WHITELIST, "")  # rewritten whole


def test_an_unusable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    # the results cache warns about the folder; the glossary is read from its YAML
    write_tree(tmp_path, {**FILES, ".termlint_cache": "a file, not a folder\n"})
    code, out, err = check_quietly(tmp_path, "docs")
    assert (code, out) == (1, WHITELIST)
    assert "glossary" not in err
    assert err.startswith("termlint: warning: ignoring the corrupt cache .termlint_cache/results")


def test_every_field_survives_the_round_trip() -> None:
    glossary = EVERY_FIELD
    assert decode(json.loads(json.dumps(encode(glossary)))) == glossary


@pytest.mark.parametrize(
    ("place", "value", "reason"),
    [
        (0, 42, "a text has an unexpected type"),  # term
        (2, ["a"], "a text has an unexpected type"),  # definition
        (4, 7, "a text has an unexpected type"),  # abbreviation
        (7, False, "a text has an unexpected type"),  # see
        (9, {}, "a text has an unexpected type"),  # message
        (11, None, "a text has an unexpected type"),  # origin: never null
        (10, "yes", "an entry has an unexpected shape"),  # is_case_sensitive
        (5, "allowlist", "a list has an unexpected shape"),  # replace_with
        (8, [1], "a list of texts has an unexpected shape"),  # tags
    ],
)
def test_an_entry_field_of_another_type_is_refused(place: int, value: object, reason: str) -> None:
    payload = json.loads(json.dumps(encode(EVERY_FIELD)))
    payload["entries"][0][place] = value
    with pytest.raises(ValueError, match=f"^{reason}$"):
        decode(payload)


def test_the_every_field_example_sets_every_field() -> None:
    # a field added to the glossary records must be added to encode/decode as well
    examples = [EVERY_FIELD, *EVERY_FIELD.entries, *EVERY_FIELD.patterns]
    unset = [
        f"{kind.__name__}.{field.name}"
        for kind in (Glossary, Entry, Pattern)
        for field in dataclasses.fields(kind)
        if all(
            getattr(record, field.name) == field.default
            for record in examples
            if isinstance(record, kind)
        )
        and field.default is not dataclasses.MISSING
    ]
    assert unset == []


EVERY_FIELD = Glossary(
    entries=(
        Entry(
            term="Keep The Lights On",
            status=Status.ADMITTED,
            definition="Running what exists.",
            variants=("keep-the-lights-on",),
            abbreviation="KTLO",
            meanings=("a", "b"),
            see="https://example.com/ktlo",
            tags=("ops",),
            message="Spell it out.",
            is_case_sensitive=True,
            origin="g.yaml:3",
        ),
        Entry(term="whitelist", status=Status.DEPRECATED, replace_with=("allowlist",)),
    ),
    allow=("PowerShell",),
    patterns=(
        Pattern(
            id="no-please",
            regex=r"\bplease\b",
            message="Leave it out.",
            severity=Severity.INFO,
            ignorecase=True,
            replace_with=("",),
            origin="g.yaml:9",
        ),
    ),
    warnings=("form 'x' is claimed by two files",),
)


def test_the_built_in_packs_survive_the_round_trip(tmp_path: Path) -> None:
    sources = [f"builtin:{name}" for name in packs.names()]
    loaded = load_glossaries(sources)
    assert len(loaded.entries) > 50

    def fail(message: str) -> None:
        raise AssertionError(message)

    stored, key = load_glossaries_cached(sources, tmp_path, fail)
    assert (stored, key) == (loaded, sources_key(sources))
    assert load_glossaries_cached(sources, tmp_path, fail) == (loaded, key)  # read back
    assert (tmp_path / GLOSSARY_FILE).is_file()


def test_each_source_is_read_once_and_stored_as_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from termlint import glossary_cache

    write_tree(tmp_path, {"glossary.yaml": GLOSSARY})
    source = str(tmp_path / "glossary.yaml")
    reads: list[str] = []
    real = glossary_cache.read_glossary_source

    def reading(name: str) -> bytes:
        reads.append(name)
        data = real(name)
        # the file changes right after it was read: what is stored is what was read
        (tmp_path / "glossary.yaml").write_text("terms: []\n", encoding="utf-8")
        return data

    monkeypatch.setattr(glossary_cache, "read_glossary_source", reading)
    glossary, key = load_glossaries_cached([source], tmp_path / "cache", print)
    assert reads == [source]
    assert [entry.term for entry in glossary.entries] == ["whitelist"]
    (tmp_path / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    monkeypatch.undo()
    assert load_glossaries_cached([source], tmp_path / "cache", print) == (glossary, key)
    assert sources_key([source]) == key


def test_a_missing_glossary_is_the_same_error_with_the_cache(tmp_path: Path) -> None:
    write_tree(tmp_path, {**FILES, ".termlint.yaml": "glossary: [missing.yaml]\n"})
    assert check_quietly(tmp_path, "docs") == check_quietly(tmp_path, "--no-cache", "docs")
    code, out, err = check_quietly(tmp_path, "docs")
    assert (code, out) == (2, "")
    assert err.startswith("termlint: error: missing.yaml: cannot read glossary: ")
