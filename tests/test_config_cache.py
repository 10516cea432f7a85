"""The config cache: `.termlint_cache/config.json`, keyed on the config file's bytes and place."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from conftest import check_quietly, run_cli, write_tree

from termlint import config_yaml
from termlint.config import Config, JargonSettings, Override, load_config
from termlint.config_cache import decode, encode

FILES = {
    ".termlint.yaml": "glossary: [glossary.yaml]\n",
    "glossary.yaml": "terms:\n  - term: whitelist\n    status: deprecated\n",
    "docs/a.md": "No whitelist here.\n",
    "drafts/b.md": "A whitelist draft.\n",
}
A_MD = 'docs/a.md:1:4: warning: "whitelist" is deprecated [deprecated-term]\n'
B_MD = 'drafts/b.md:1:3: warning: "whitelist" is deprecated [deprecated-term]\n'
CACHED = Path(".termlint_cache") / "config.json"


@pytest.fixture
def yaml_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the configs validated from their text, in order."""
    names: list[str] = []
    real = config_yaml.build_config

    def counting(text: str, path: Path, shown: str) -> Config:
        names.append(shown)
        return real(text, path, shown)

    monkeypatch.setattr(config_yaml, "build_config", counting)
    return names


def test_the_second_run_reads_the_config_from_the_cache(
    tmp_path: Path, yaml_reads: list[str]
) -> None:
    write_tree(tmp_path, FILES)
    assert check_quietly(tmp_path) == (1, A_MD + B_MD, "")
    assert yaml_reads == [".termlint.yaml"]
    assert (tmp_path / CACHED).is_file()
    assert check_quietly(tmp_path) == (1, A_MD + B_MD, "")
    assert yaml_reads == [".termlint.yaml"]  # not read again


def test_an_edited_config_is_read_again(tmp_path: Path, yaml_reads: list[str]) -> None:
    write_tree(tmp_path, FILES)
    check_quietly(tmp_path)
    (tmp_path / ".termlint.yaml").write_text(
        "glossary: [glossary.yaml]\nexclude: [drafts/]\n", encoding="utf-8"
    )
    assert check_quietly(tmp_path) == (1, A_MD, "")
    assert check_quietly(tmp_path) == (1, A_MD, "")
    assert yaml_reads == [".termlint.yaml", ".termlint.yaml"]


def test_a_moved_config_is_read_again(tmp_path: Path, yaml_reads: list[str]) -> None:
    # the same bytes elsewhere: its glossary path starts from its new folder
    write_tree(tmp_path / "old", FILES)
    check_quietly(tmp_path / "old")
    shutil.copytree(tmp_path / "old", tmp_path / "new")
    shutil.rmtree(tmp_path / "old")
    assert check_quietly(tmp_path / "new") == (1, A_MD + B_MD, "")
    assert yaml_reads == [".termlint.yaml", ".termlint.yaml"]


def test_an_explicit_config_is_cached_beside_it(tmp_path: Path, yaml_reads: list[str]) -> None:
    write_tree(tmp_path, {**FILES, "conf/strict.yaml": "glossary: [../glossary.yaml]\n"})
    for _ in range(2):
        assert check_quietly(tmp_path, "--config", "conf/strict.yaml", "docs") == (1, A_MD, "")
    assert yaml_reads == ["conf/strict.yaml"]
    assert (tmp_path / "conf" / CACHED).is_file()


def test_a_pyproject_config_is_cached(tmp_path: Path, yaml_reads: list[str]) -> None:
    files = {key: value for key, value in FILES.items() if key != ".termlint.yaml"}
    write_tree(tmp_path, {**files, "pyproject.toml": "[tool.termlint]\nexclude = ['drafts/']\n"})
    for _ in range(2):
        code, out, _ = check_quietly(tmp_path, "--glossary", "glossary.yaml")
        assert (code, out) == (1, A_MD)
    assert yaml_reads == ["pyproject.toml"]


def test_a_bad_config_is_never_stored(tmp_path: Path) -> None:
    write_tree(tmp_path, {**FILES, ".termlint.yaml": "glossary: [glossary.yaml]\nrules: 3\n"})
    for _ in range(2):
        assert check_quietly(tmp_path) == (
            2,
            "",
            "termlint: error: .termlint.yaml:2:8: 'rules' must be a mapping, not a number\n",
        )
    assert not (tmp_path / CACHED).exists()


def test_a_config_that_cannot_be_read_is_an_error_as_before(tmp_path: Path) -> None:
    write_tree(tmp_path, {**FILES, ".termlint.yaml": b"glossary: [\xff]\n"})
    for _ in range(2):
        assert check_quietly(tmp_path) == (
            2,
            "",
            "termlint: error: .termlint.yaml: config file is not valid UTF-8\n",
        )
    assert check_quietly(tmp_path, "--config", "missing.yaml") == (
        2,
        "",
        "termlint: error: missing.yaml: config file not found\n",
    )


def test_no_cache_and_stdin_neither_read_nor_write_it(
    tmp_path: Path, yaml_reads: list[str]
) -> None:
    write_tree(tmp_path, FILES)
    assert check_quietly(tmp_path, "--no-cache") == (1, A_MD + B_MD, "")
    assert not (tmp_path / ".termlint_cache").exists()
    stdin = run_cli(["check", "--stdin", "--stdin-filename", "c.md"], tmp_path, "whitelist\n")
    assert stdin.exit_code == 1
    assert not (tmp_path / ".termlint_cache").exists()
    check_quietly(tmp_path)  # stores it
    assert check_quietly(tmp_path, "--no-cache") == (1, A_MD + B_MD, "")
    assert yaml_reads == [".termlint.yaml"] * 4


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            "{not json",
            "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        ("[]", "not a config cache"),
        ("KEY-SHAPED", "a rule's severity is not one of the known ones"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
    ids=["not-json", "a-list", "an-unknown-severity", "deep"],
)
def test_a_corrupt_cache_is_a_warning_and_is_replaced(
    tmp_path: Path, content: str, reason: str, yaml_reads: list[str]
) -> None:
    write_tree(tmp_path, {**FILES, ".termlint.yaml": "glossary: [glossary.yaml]\nrules: {}\n"})
    check_quietly(tmp_path)
    cached = tmp_path / CACHED
    if content == "KEY-SHAPED":  # the right key, but a severity no config can give
        payload = json.loads(cached.read_text(encoding="utf-8"))
        payload["config"]["rules"] = [["deprecated-term", "fatal"]]
        content = json.dumps(payload)
    cached.write_text(content, encoding="utf-8")
    warning = (
        f"termlint: warning: ignoring the corrupt cache {CACHED.as_posix()} ({reason}); "
        "reading the config again\n"
    )
    assert check_quietly(tmp_path) == (1, A_MD + B_MD, warning)
    assert check_quietly(tmp_path) == (1, A_MD + B_MD, "")  # rewritten whole
    assert len(yaml_reads) == 2


def test_an_unusable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    # the results cache warns about the folder; the config is read from its YAML
    write_tree(tmp_path, {**FILES, ".termlint_cache": "a file, not a folder\n"})
    code, out, err = check_quietly(tmp_path)
    assert (code, out) == (1, A_MD + B_MD)
    assert "config" not in err
    assert err.startswith("termlint: warning: ignoring the corrupt cache .termlint_cache/results")


CONFIGS = [
    Config(root=Path("/project")),
    Config(
        root=Path("/project"),
        path=Path("/project/.termlint.yaml"),
        glossary=("/project/glossary.yaml", "builtin:devops"),
        include=("docs/**/*.md",),
        exclude=("drafts/", "!drafts/keep.md"),
        rules=(("undefined-term", "off"), ("deprecated-term", "error")),
        jargon=JargonSettings(allow=("KTLO",), ops_suffix=False, acronyms=False, camel_case=True),
        baseline=Path("/project/.termlint-baseline.json"),
        overrides=(Override(files=("legacy/**",), rules=(("term-variant", "info"),)),),
    ),
]


@pytest.mark.parametrize("config", CONFIGS, ids=["defaults", "every-field"])
def test_every_field_survives_the_round_trip(config: Config) -> None:
    again = decode(json.loads(json.dumps(encode(config))))
    assert again == config
    assert repr(again) == repr(config)  # the results cache keys on it


def test_the_every_field_example_sets_every_field() -> None:
    # a field added to Config must be added to encode/decode: its round trip tests it
    default = Config(root=Path("/elsewhere"))
    assert [
        field.name
        for field in dataclasses.fields(Config)
        if getattr(CONFIGS[1], field.name) == getattr(default, field.name)
    ] == []


def test_a_loaded_config_survives_the_round_trip(tmp_path: Path) -> None:
    path = write_tree(tmp_path, {".termlint.yaml": "glossary: [g.yaml]\n"}) / ".termlint.yaml"
    config = load_config(path)
    assert repr(decode(json.loads(json.dumps(encode(config))))) == repr(config)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("root", 3, "a text has an unexpected type"),
        ("glossary", ["a", 1], "a list of texts has an unexpected shape"),
        ("jargon", [[], "yes", True, False], "a jargon switch is not a boolean"),
        ("rules", [["a"]], "a list has an unexpected shape"),
        ("overrides", [[["x/"]]], "a list has an unexpected shape"),
    ],
)
def test_decoding_checks_every_field(field: str, value: object, reason: str) -> None:
    data = encode(CONFIGS[1])
    data[field] = value
    with pytest.raises(ValueError, match=f"^{reason}$"):
        decode(data)
    del data[field]
    with pytest.raises(KeyError):
        decode(data)
