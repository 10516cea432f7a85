"""Configuration (SPEC §6): discovery, --config, defaults, validation with positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from termlint.config import (
    DEFAULT_INCLUDE,
    Config,
    JargonSettings,
    Override,
    find_config,
    load_config,
    resolve_config,
)
from termlint.errors import ConfigError

TABLE = "[tool.termlint]\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    return str(caught.value)


# --- discovery ----------------------------------------------------------------------


def test_yaml_beats_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", TABLE)
    write(tmp_path / ".termlint.yaml", "")
    assert find_config(tmp_path) == tmp_path / ".termlint.yaml"


def test_pyproject_with_the_table_is_found(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.termlint]\n')
    write(tmp_path / "docs" / "x.md", "")
    assert find_config(tmp_path / "docs") == tmp_path / "pyproject.toml"


def test_pyproject_without_the_table_is_passed_over(tmp_path):
    write(tmp_path / ".termlint.yaml", "")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert find_config(tmp_path / "pkg") == tmp_path / ".termlint.yaml"


def test_pyproject_mentioning_termlint_elsewhere_is_passed_over(tmp_path):
    write(tmp_path / ".termlint.yaml", "")
    write(tmp_path / "pkg" / "pyproject.toml", '[project]\ndependencies = ["termlint"]\n')
    assert find_config(tmp_path / "pkg") == tmp_path / ".termlint.yaml"


def test_broken_pyproject_that_does_not_mention_termlint_is_passed_over(tmp_path):
    write(tmp_path / ".termlint.yaml", "")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.ruff\n")
    assert find_config(tmp_path / "pkg") == tmp_path / ".termlint.yaml"


def test_broken_pyproject_that_mentions_termlint_is_an_error(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.termlint\n")
    with pytest.raises(ConfigError) as caught:
        resolve_config(tmp_path, None)
    assert str(caught.value) == (
        "pyproject.toml:1:15: invalid TOML: Expected ']' at the end of a table declaration"
    )


def test_nearer_config_beats_farther(tmp_path):
    write(tmp_path / ".termlint.yaml", "")
    write(tmp_path / "a" / "pyproject.toml", TABLE)
    write(tmp_path / "a" / "b" / "c" / "x.md", "")
    assert find_config(tmp_path / "a" / "b" / "c") == tmp_path / "a" / "pyproject.toml"


def test_discovered_config_governs_the_run(tmp_path):
    write(tmp_path / ".termlint.yaml", "exclude: [vendor/]\n")
    (tmp_path / "docs").mkdir()
    config = resolve_config(tmp_path / "docs", None)
    assert config == Config(root=tmp_path, path=tmp_path / ".termlint.yaml", exclude=("vendor/",))


def test_discovered_config_errors_are_named_relative_to_the_current_folder(tmp_path):
    write(tmp_path / ".termlint.yaml", "include: 3\n")
    (tmp_path / "docs").mkdir()
    with pytest.raises(ConfigError) as caught:
        resolve_config(tmp_path / "docs", None)
    assert caught.value.path == "../.termlint.yaml"
    assert (caught.value.line, caught.value.column) == (1, 10)


def test_no_config_gives_defaults_rooted_at_the_current_folder(tmp_path):
    # tmp_path's parents are not expected to hold a termlint config
    assert find_config(tmp_path) is None
    config = resolve_config(tmp_path, None)
    assert config == Config(root=tmp_path)
    assert config.glossary is None  # all built-in packs
    assert config.include == DEFAULT_INCLUDE


def test_empty_yaml_is_all_defaults(tmp_path):
    path = write(tmp_path / ".termlint.yaml", "# nothing yet\n")
    assert load_config(path) == Config(root=tmp_path, path=path)


def test_explicit_config_wins_over_discovery(tmp_path):
    write(tmp_path / ".termlint.yaml", "exclude: [a]\n")
    write(tmp_path / "ci" / "strict.yaml", "exclude: [b]\n")
    config = resolve_config(tmp_path, Path("ci/strict.yaml"))
    assert config.path == tmp_path / "ci" / "strict.yaml"
    assert config.root == tmp_path / "ci"
    assert config.exclude == ("b",)


def test_explicit_config_path_is_normalised(tmp_path):
    write(tmp_path / "ci" / "c.yaml", "baseline: b.json\n")
    (tmp_path / "docs").mkdir()
    config = resolve_config(tmp_path / "docs", Path("../ci/c.yaml"))
    assert (config.root, config.path) == (tmp_path / "ci", tmp_path / "ci" / "c.yaml")
    assert config.baseline == tmp_path / "ci" / "b.json"


def test_explicit_config_that_does_not_exist(tmp_path):
    with pytest.raises(ConfigError) as caught:
        resolve_config(tmp_path, Path("missing.yaml"))
    assert str(caught.value) == "missing.yaml: config file not found"


def test_explicit_pyproject_without_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.ruff]\n")
    with pytest.raises(ConfigError) as caught:
        resolve_config(tmp_path, Path("pyproject.toml"))
    assert str(caught.value) == "pyproject.toml: no [tool.termlint] table"


# --- every key, valid ---------------------------------------------------------------

FULL_YAML = """\
glossary: [glossary.yaml, builtin:devops, ../shared/terms.yaml]
include: ["**/*.md", "**/*.txt"]
exclude: ["vendor/**", "CHANGELOG.md"]
rules: {undefined-term: error, acronym-first-use: off, click-here: info}
jargon:
  allow: [Kubernetes]
  patterns: {ops-suffix: false, acronyms: true, camel-case: yes}
baseline: .termlint-baseline.json
overrides:
  - files: ["docs/legacy/**"]
    rules: {deprecated-term: off}
  - files: [notes.txt]
    rules: {term-variant: warning}
"""

FULL_TOML = """\
[project]
name = "docs"

[tool.termlint]
glossary = ["glossary.yaml", "builtin:devops", "../shared/terms.yaml"]
include = ["**/*.md", "**/*.txt"]
exclude = ["vendor/**", "CHANGELOG.md"]
baseline = ".termlint-baseline.json"

[tool.termlint.rules]
undefined-term = "error"
acronym-first-use = "off"
click-here = "info"

[tool.termlint.jargon]
allow = ["Kubernetes"]
patterns = { ops-suffix = false, acronyms = true, camel-case = true }

[[tool.termlint.overrides]]
files = ["docs/legacy/**"]
rules = { deprecated-term = "off" }

[[tool.termlint.overrides]]
files = ["notes.txt"]
rules = { term-variant = "warning" }
"""


def expected_full(folder: Path, path: Path) -> Config:
    return Config(
        root=folder,
        path=path,
        glossary=(
            str(folder / "glossary.yaml"),
            "builtin:devops",
            str(folder.parent / "shared" / "terms.yaml"),
        ),
        include=("**/*.md", "**/*.txt"),
        exclude=("vendor/**", "CHANGELOG.md"),
        rules=(("undefined-term", "error"), ("acronym-first-use", "off"), ("click-here", "info")),
        jargon=JargonSettings(
            allow=("Kubernetes",), ops_suffix=False, acronyms=True, camel_case=True
        ),
        baseline=folder / ".termlint-baseline.json",
        overrides=(
            Override(files=("docs/legacy/**",), rules=(("deprecated-term", "off"),)),
            Override(files=("notes.txt",), rules=(("term-variant", "warning"),)),
        ),
    )


def test_every_key_in_yaml(tmp_path):
    path = write(tmp_path / "repo" / ".termlint.yaml", FULL_YAML)
    assert load_config(path) == expected_full(tmp_path / "repo", path)


def test_every_key_in_pyproject(tmp_path):
    path = write(tmp_path / "repo" / "pyproject.toml", FULL_TOML)
    assert resolve_config(tmp_path / "repo", None) == expected_full(tmp_path / "repo", path)


def test_paths_resolve_against_the_config_folder_not_the_current_one(tmp_path):
    write(tmp_path / ".termlint.yaml", "glossary: [terms/g.yaml]\nbaseline: base.json\n")
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    config = resolve_config(tmp_path / "docs" / "deep", None)
    assert config.glossary == (str(tmp_path / "terms" / "g.yaml"),)
    assert config.baseline == tmp_path / "base.json"


def test_absolute_glossary_path_is_kept(tmp_path):
    target = tmp_path / "elsewhere" / "g.yaml"
    path = write(tmp_path / "c.yaml", f"glossary: ['{target}']\n")
    assert load_config(path).glossary == (str(target),)


def test_empty_glossary_list_means_no_glossary_files(tmp_path):
    path = write(tmp_path / "c.yaml", "glossary: []\ninclude: []\n")
    config = load_config(path)
    assert config.glossary == ()
    assert config.include == ()


def test_single_string_reads_as_a_one_item_list(tmp_path):
    path = write(tmp_path / "c.yaml", "include: '**/*.md'\n")
    assert load_config(path).include == ("**/*.md",)


def test_bom_is_ignored(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_bytes(b"\xef\xbb\xbfexclude: [a]\n")
    assert load_config(path).exclude == ("a",)


# --- invalid YAML configs -----------------------------------------------------------

TOP = "glossary, include, exclude, rules, jargon, baseline, overrides"
SEV = "expected one of error, warning, info, off, got"
TT = "[tool.termlint]"

INVALID_YAML = [
    ("exlude: [a]\n", f"1:1: unknown key 'exlude' in the config (expected one of: {TOP})"),
    ("- a\n", "1:1: the config must be a mapping, not a list"),
    (
        "include: [a]\ninclude: [b]\n",
        "2:1: duplicate key 'include' in the config (first at line 1)",
    ),
    (
        "glossary: g.yaml\nglossary: h.yaml\n",
        "2:1: duplicate key 'glossary' in the config (first at line 1)",
    ),
    ("glossary: {a: b}\n", "1:11: 'glossary' must be a list of strings, not a mapping"),
    (
        "glossary: [3]\n",
        "1:12: 'glossary' item must be a string, not a number (write it in quotes: \"3\")",
    ),
    ("glossary: ['']\n", "1:12: an item of 'glossary' is empty"),
    ("glossary: ['builtin:']\n", "1:12: 'glossary' item 'builtin:' names no built-in pack"),
    (
        "include: 3\n",
        "1:10: 'include' must be a list of strings, not a number (write it in quotes: \"3\")",
    ),
    (
        "exclude: [a, null]\n",
        "1:14: 'exclude' item must be a string, not null (write it in quotes: \"null\")",
    ),
    ("exclude: ['a\\']\n", "1:11: 'exclude' holds an invalid glob: 'a\\\\'"),
    ("exclude: ['!']\n", "1:11: 'exclude' holds an invalid glob: '!'"),
    ("rules: [term-variant]\n", "1:8: 'rules' must be a mapping, not a list"),
    ("rules:\n  undefined-term: eror\n", f"2:19: rules.undefined-term: {SEV} 'eror'"),
    ("rules: {term-variant: true}\n", f"1:23: rules.term-variant: {SEV} 'true'"),
    ("rules: {term-variant: [error]}\n", f"1:23: rules.term-variant: {SEV} a list"),
    ("rules: {term-variant: Error}\n", f"1:23: rules.term-variant: {SEV} 'Error'"),
    ("rules: {'': off}\n", "1:9: a rule id in 'rules' is empty"),
    (
        "rules: {1: off}\n",
        "1:9: a rule id in 'rules' must be a string, not a number (write it in quotes: \"1\")",
    ),
    ("rules:\n  x: off\n  x: error\n", "3:3: duplicate key 'x' in 'rules' (first at line 2)"),
    ("jargon: [a]\n", "1:9: 'jargon' must be a mapping, not a list"),
    (
        "jargon: {alow: [a]}\n",
        "1:10: unknown key 'alow' in 'jargon' (expected one of: allow, patterns)",
    ),
    ("jargon: {allow: [a, '']}\n", "1:21: an item of 'jargon.allow' is empty"),
    (
        "jargon: {patterns: {camelcase: true}}\n",
        "1:21: unknown key 'camelcase' in 'jargon.patterns'"
        " (expected one of: ops-suffix, acronyms, camel-case)",
    ),
    (
        "jargon: {patterns: {camel-case: maybe}}\n",
        "1:33: 'jargon.patterns.camel-case' must be true or false, not a string",
    ),
    ("jargon: {patterns: [camel-case]}\n", "1:20: 'jargon.patterns' must be a mapping, not a list"),
    ("exclude:\n", "1:9: 'exclude' has no value"),
    ("jargon:\n  allow:\n", "2:9: 'jargon.allow' has no value"),
    ("rules: {term-variant: }\n", f"1:23: rules.term-variant: {SEV} null"),
    ("baseline: [a]\n", "1:11: 'baseline' must be a string, not a list"),
    ("baseline: ''\n", "1:11: 'baseline' is empty"),
    ("overrides: {files: [a]}\n", "1:12: 'overrides' must be a list, not a mapping"),
    ("overrides:\n  - files: [a]\n", "2:5: 'overrides[0]' has no 'rules'"),
    ("overrides:\n  - rules: {x: off}\n", "2:5: 'overrides[0]' has no 'files'"),
    ("overrides:\n  - files: []\n    rules: {}\n", "2:12: 'overrides[0].files' is empty"),
    (
        "overrides:\n  - files: [a]\n    rules: {}\n    severity: off\n",
        "4:5: unknown key 'severity' in 'overrides[0]' (expected one of: files, rules)",
    ),
    ("overrides:\n  - files: [a]\n    rules: {x: of}\n", f"3:16: overrides[0].rules.x: {SEV} 'of'"),
    (
        "include: &globs [a]\nexclude: *globs\n",
        "1:10: YAML anchors are not supported (found '&globs')",
    ),
    (
        "rules: {a: error\n",
        "2:1: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping)",
    ),
    ("include: [a]\n---\nexclude: [b]\n", "2:1: expected one YAML document, found a second one"),
]


@pytest.mark.parametrize(("text", "expected"), INVALID_YAML)
def test_invalid_yaml_config(tmp_path, text, expected):
    path = write(tmp_path / ".termlint.yaml", text)
    assert config_error(path) == f"{path}:{expected}"


def test_invalid_utf8(tmp_path):
    path = tmp_path / ".termlint.yaml"
    path.write_bytes(b"exclude: ['\xff']\n")
    assert config_error(path) == f"{path}: config file is not valid UTF-8"


def test_config_path_is_a_folder(tmp_path):
    assert config_error(tmp_path) == f"{tmp_path}: config path is a folder, not a file"


# --- invalid pyproject.toml configs: no positions, the dotted key instead -----------

INVALID_TOML = [
    ("exlude = ['a']", f"{TT} unknown key 'exlude' in the config (expected one of: {TOP})"),
    ("rules = { undefined-term = 'eror' }", f"{TT} rules.undefined-term: {SEV} 'eror'"),
    ("rules = { undefined-term = false }", f"{TT} rules.undefined-term: {SEV} 'false'"),
    (
        "include = [1]",
        f"{TT} 'include' item must be a string, not a number (write it in quotes: \"1\")",
    ),
    (
        "jargon = { patterns = { camel-case = 'yes' } }",
        f"{TT} 'jargon.patterns.camel-case' must be true or false, not a string",
    ),
    ("overrides = [{ files = ['a'] }]", f"{TT} 'overrides[0]' has no 'rules'"),
    (
        "baseline = 2024-01-01",
        f"{TT} 'baseline' must be a string, not a date (write it in quotes: \"2024-01-01\")",
    ),
]


@pytest.mark.parametrize(("body", "expected"), INVALID_TOML)
def test_invalid_pyproject_config(tmp_path, body, expected):
    write(tmp_path / "pyproject.toml", f"{TABLE}{body}\n")
    with pytest.raises(ConfigError) as caught:
        resolve_config(tmp_path, None)
    assert str(caught.value) == f"pyproject.toml: {expected}"
    assert caught.value.line is None


def test_termlint_entry_that_is_not_a_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool]\ntermlint = 'on'\n")
    assert (
        config_error(path) == f"{path}: [tool.termlint] the config must be a mapping, not a string"
    )


def test_malformed_toml_names_its_position(tmp_path):
    path = write(tmp_path / "pyproject.toml", f"{TABLE}rules = {{ a = }}\n")
    assert config_error(path) == f"{path}:2:15: invalid TOML: Invalid value"
