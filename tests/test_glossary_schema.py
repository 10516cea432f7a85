"""The JSON Schemas for glossary and config files agree with the loaders, and ship."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from glossary_helpers import run_termlint

from termlint import config as config_module
from termlint import glossary_yaml
from termlint.errors import ConfigError, GlossaryError
from termlint.glossary import load_glossary_text
from termlint.glossary_io.schema import schema_text

REPO = Path(__file__).resolve().parents[1]


def validator(kind):
    schema = json.loads(schema_text(kind))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_accepts(kind, text):
    # PyYAML's safe loader reads YAML 1.1, as termlint's loaders do ("yes" is a boolean).
    return validator(kind).is_valid(yaml.safe_load(text))


def loader_accepts_glossary(text):
    try:
        load_glossary_text(text, "g.yaml")
    except GlossaryError:
        return False
    return True


def loader_accepts_config(text, tmp_path):
    path = tmp_path / ".termlint.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        config_module.load_config(path)
    except ConfigError:
        return False
    return True


# --- glossary files ------------------------------------------------------------------------------

VALID_GLOSSARIES = {
    "spec-example": (
        "version: 1\n"
        "terms:\n"
        "  - term: DevOps\n"
        "    definition: Practices that join software development and IT operations.\n"
        "    variants: [Dev Ops, dev-ops]\n"
        "    see: https://wiki.example.com/glossary#devops\n"
        "    tags: [process]\n"
        "  - term: IT Operations\n"
        "    abbreviation: ITOps\n"
        "  - term: InfraOps\n"
        "    status: ambiguous\n"
        "    meanings: [Infrastructure Operations, Infrastructure Optimisation]\n"
        "  - term: whitelist\n"
        "    status: deprecated\n"
        "    replace_with: [allowlist]\n"
        "  - term: master server\n"
        "    status: forbidden\n"
        "    replace_with: [primary server]\n"
        "    message: Say which role the server has.\n"
        "allow: [API, URL, SBOM]\n"
        "patterns:\n"
        "  - id: click-here\n"
        "    regex: '\\bclick here\\b'\n"
        "    message: Link text should say where the link goes.\n"
        "    severity: warning\n"
    ),
    "only-version": "version: 1\n",
    "empty-values": (
        "version:\nterms:\n  - term: DevOps\n    definition:\n    variants:\n    status: ~\n"
        "    tags: []\n    replace_with: []\n    meanings: []\nallow:\npatterns:\n"
    ),
    "single-strings": (
        "terms:\n  - term: DevOps\n    variants: Dev Ops\n    tags: process\n"
        "  - term: whitelist\n    status: deprecated\n    replace_with: allowlist\n"
        "  - term: CD\n    status: ambiguous\n    meanings: continuous delivery\n"
        "allow: API\n"
    ),
    "admitted-and-case": (
        "terms:\n  - term: allow list\n    status: admitted\n  - term: Go\n"
        "    case_sensitive: false\n"
    ),
    "ambiguous-with-replacement": (
        "terms:\n  - term: CD\n    status: ambiguous\n    meanings: [continuous delivery]\n"
        "    replace_with: [continuous delivery]\n"
    ),
    "blank-definition": 'terms:\n  - term: DevOps\n    definition: "  "\n',
    "pattern-options": (
        "patterns:\n  - id: utilize\n    regex: 'utili[sz]e'\n    message: Say use.\n"
        "    severity: Error\n    ignorecase: true\n    replace_with: ''\n"
        "  - id: e-g\n    regex: 'e\\.g\\.'\n    message: m\n    severity: INFO\n"
        "    replace_with: [for example, such as]\n"
    ),
}

INVALID_GLOSSARIES = {
    "top-level-list": "- term: DevOps\n",
    "empty-file": "",
    "unknown-top-key": "version: 1\nterm: DevOps\n",
    "version-2": "version: 2\n",
    "version-string": "version: '1'\n",
    "terms-mapping": "terms:\n  term: DevOps\n",
    "entry-string": "terms:\n  - DevOps\n",
    "unknown-term-key": "terms:\n  - term: DevOps\n    varaints: [Dev Ops]\n",
    "missing-term": "terms:\n  - definition: No term here.\n",
    "null-term": "terms:\n  - term:\n",
    "empty-term": 'terms:\n  - term: ""\n',
    "blank-term": 'terms:\n  - term: "  "\n',
    "list-term": "terms:\n  - term: [DevOps]\n",
    "boolean-term": "terms:\n  - term: yes\n",
    "number-term": "terms:\n  - term: 404\n",
    "list-definition": "terms:\n  - term: DevOps\n    definition: [a, b]\n",
    "mapping-variants": "terms:\n  - term: DevOps\n    variants: {a: b}\n",
    "number-variants": "terms:\n  - term: DevOps\n    variants: 42\n",
    "nested-variant": "terms:\n  - term: DevOps\n    variants: [Dev Ops, [x]]\n",
    "blank-variant": 'terms:\n  - term: DevOps\n    variants: [" "]\n',
    "list-abbreviation": "terms:\n  - term: IT Operations\n    abbreviation: [ITOps]\n",
    "list-see": "terms:\n  - term: DevOps\n    see: [a]\n",
    "mapping-tags": "terms:\n  - term: DevOps\n    tags: {a: b}\n",
    "empty-tag": 'terms:\n  - term: DevOps\n    tags: [process, ""]\n',
    "bad-status": "terms:\n  - term: whitelist\n    status: depracated\n",
    "replace-with-on-preferred": "terms:\n  - term: allowlist\n    replace_with: [permit list]\n",
    "replace-with-on-admitted": (
        "terms:\n  - term: allow list\n    status: admitted\n    replace_with: allowlist\n"
    ),
    "meanings-on-deprecated": (
        "terms:\n  - term: whitelist\n    status: deprecated\n    meanings: [allowlist]\n"
    ),
    "meanings-on-preferred": "terms:\n  - term: InfraOps\n    meanings: [Infra]\n",
    "ambiguous-without-meanings": "terms:\n  - term: InfraOps\n    status: ambiguous\n",
    "ambiguous-empty-meanings": (
        "terms:\n  - term: InfraOps\n    status: ambiguous\n    meanings: []\n"
    ),
    "ambiguous-null-meanings": "terms:\n  - term: InfraOps\n    status: ambiguous\n    meanings:\n",
    "empty-meaning": 'terms:\n  - term: CD\n    status: ambiguous\n    meanings: [""]\n',
    "string-case-sensitive": 'terms:\n  - term: DevOps\n    case_sensitive: "yes"\n',
    "empty-replacement": (
        'terms:\n  - term: whitelist\n    status: deprecated\n    replace_with: [""]\n'
    ),
    "allow-mapping": "allow: {API: 1}\n",
    "allow-number": "allow: [API, 3]\n",
    "patterns-string": "patterns: x\n",
    "pattern-without-id": "patterns:\n  - regex: foo\n    message: m\n",
    "pattern-id-not-kebab-case": "patterns:\n  - id: Click_Here\n    regex: foo\n    message: m\n",
    "pattern-id-double-hyphen": "patterns:\n  - id: click--here\n    regex: foo\n    message: m\n",
    "pattern-id-built-in": "patterns:\n  - id: term-variant\n    regex: foo\n    message: m\n",
    "pattern-without-regex": "patterns:\n  - id: x\n    message: m\n",
    "pattern-empty-regex": "patterns:\n  - id: x\n    regex: ''\n    message: m\n",
    "pattern-without-message": "patterns:\n  - id: x\n    regex: foo\n",
    "pattern-blank-message": "patterns:\n  - id: x\n    regex: foo\n    message: ' '\n",
    "pattern-bad-severity": "patterns:\n  - id: x\n    regex: foo\n    message: m\n    severity: fatal\n",
    "pattern-string-ignorecase": (
        "patterns:\n  - id: x\n    regex: foo\n    message: m\n    ignorecase: 'true'\n"
    ),
    "pattern-unknown-key": "patterns:\n  - id: x\n    regexp: foo\n",
    "pattern-mapping-replace-with": (
        "patterns:\n  - id: x\n    regex: foo\n    message: m\n    replace_with: {a: b}\n"
    ),
}

# What a JSON Schema cannot say: only the loader (and `glossary validate`) catches these.
LOADER_ONLY_GLOSSARY_PROBLEMS = {
    "duplicate-key": "allow: [API]\nallow: [URL]\n",
    "yaml-anchor": "terms:\n  - term: DevOps\n    tags: &t [process]\n",
    "form-used-twice": "terms:\n  - term: DevOps\n    variants: [Dev Ops]\n  - term: dev ops\n",
    "punctuation-only-term": 'terms:\n  - term: "--"\n',
    "replacement-is-flagged": (
        "terms:\n  - term: blacklist\n    status: deprecated\n    replace_with: [blocklist]\n"
        "  - term: blocklist\n    status: deprecated\n"
    ),
    "invalid-regex": "patterns:\n  - id: x\n    regex: '(click'\n    message: m\n",
    "regex-matches-empty": "patterns:\n  - id: x\n    regex: 'a*'\n    message: m\n",
    "pattern-id-twice": (
        "patterns:\n  - id: x\n    regex: a\n    message: m\n  - id: x\n    regex: b\n    message: n\n"
    ),
    "version-float": "version: 1.0\n",
}


@pytest.mark.parametrize("text", VALID_GLOSSARIES.values(), ids=VALID_GLOSSARIES)
def test_valid_glossary_is_accepted_by_both(text):
    assert (loader_accepts_glossary(text), schema_accepts("glossary", text)) == (True, True)


@pytest.mark.parametrize("text", INVALID_GLOSSARIES.values(), ids=INVALID_GLOSSARIES)
def test_invalid_glossary_is_rejected_by_both(text):
    assert (loader_accepts_glossary(text), schema_accepts("glossary", text)) == (False, False)


@pytest.mark.parametrize(
    "text", LOADER_ONLY_GLOSSARY_PROBLEMS.values(), ids=LOADER_ONLY_GLOSSARY_PROBLEMS
)
def test_what_only_the_loader_can_check(text):
    assert (loader_accepts_glossary(text), schema_accepts("glossary", text)) == (False, True)


@pytest.mark.parametrize(
    "path",
    [
        REPO / "rules" / "devops.yaml",
        REPO / "rules" / "inclusive.yaml",
        REPO / "tests" / "cases" / "glossary.yaml",
    ],
    ids=lambda path: path.name,
)
def test_shipped_glossaries_match_the_schema(path):
    assert list(validator("glossary").iter_errors(yaml.safe_load(path.read_text("utf-8")))) == []


def test_glossary_schema_names_every_key_the_loader_knows():
    schema = json.loads(schema_text("glossary"))
    assert tuple(schema["properties"]) == glossary_yaml.TOP_KEYS
    assert tuple(schema["$defs"]["entry"]["properties"]) == glossary_yaml.TERM_KEYS
    assert tuple(schema["$defs"]["pattern"]["properties"]) == glossary_yaml.PATTERN_KEYS
    reserved = schema["$defs"]["pattern"]["properties"]["id"]["not"]["enum"]
    assert set(reserved) == glossary_yaml.RESERVED_RULE_IDS


# --- config files --------------------------------------------------------------------------------

VALID_CONFIGS = {
    "spec-example": (
        "glossary: [glossary.yaml, builtin:devops]\n"
        'include: ["**/*.md", "**/*.txt"]\n'
        'exclude: ["vendor/**", "CHANGELOG.md"]\n'
        "rules: {undefined-term: error, acronym-first-use: off}\n"
        "jargon: {allow: [Kubernetes], patterns: {camel-case: true}}\n"
        "baseline: .termlint-baseline.json\n"
        "overrides:\n"
        '  - files: ["docs/legacy/**"]\n'
        "    rules: {deprecated-term: off}\n"
    ),
    "empty": "",
    "single-strings": "glossary: glossary.yaml\ninclude: '**/*.md'\noverrides:\n  - files: a/**\n    rules: {}\n",
    "jargon-switches": "jargon:\n  patterns: {ops-suffix: false, acronyms: true}\n",
}

INVALID_CONFIGS = {
    "top-level-list": "- glossary.yaml\n",
    "unknown-key": "glosary: [g.yaml]\n",
    "null-glossary": "glossary:\n",
    "blank-glossary-item": 'glossary: [""]\n',
    "builtin-without-name": "glossary: ['builtin:']\n",
    "include-mapping": "include: {a: b}\n",
    "rules-list": "rules: [term-variant]\n",
    "bad-severity": "rules: {term-variant: fatal}\n",
    "jargon-unknown-key": "jargon: {alow: [x]}\n",
    "jargon-unknown-pattern": "jargon: {patterns: {camelcase: true}}\n",
    "jargon-switch-string": "jargon: {patterns: {acronyms: 'yes'}}\n",
    "override-without-files": "overrides:\n  - rules: {term-variant: off}\n",
    "override-empty-files": "overrides:\n  - files: []\n    rules: {}\n",
    "override-unknown-key": "overrides:\n  - files: [a]\n    rules: {}\n    paths: [b]\n",
    "blank-baseline": "baseline: ''\n",
    "list-baseline": "baseline: [a]\n",
}

LOADER_ONLY_CONFIG_PROBLEMS = {
    "duplicate-key": "include: [a]\ninclude: [b]\n",
    "severity-false": "rules: {term-variant: false}\n",
}


@pytest.mark.parametrize("text", VALID_CONFIGS.values(), ids=VALID_CONFIGS)
def test_valid_config_is_accepted_by_both(text, tmp_path):
    assert (loader_accepts_config(text, tmp_path), schema_accepts("config", text)) == (True, True)


@pytest.mark.parametrize("text", INVALID_CONFIGS.values(), ids=INVALID_CONFIGS)
def test_invalid_config_is_rejected_by_both(text, tmp_path):
    assert (loader_accepts_config(text, tmp_path), schema_accepts("config", text)) == (
        False,
        False,
    )


@pytest.mark.parametrize(
    "text", LOADER_ONLY_CONFIG_PROBLEMS.values(), ids=LOADER_ONLY_CONFIG_PROBLEMS
)
def test_what_only_the_config_loader_can_check(text, tmp_path):
    assert (loader_accepts_config(text, tmp_path), schema_accepts("config", text)) == (
        False,
        True,
    )


def test_config_schema_names_every_key_the_loader_knows():
    schema = json.loads(schema_text("config"))
    assert tuple(schema["properties"]) == config_module.TOP_KEYS
    assert tuple(schema["properties"]["jargon"]["properties"]) == config_module.JARGON_KEYS
    switches = schema["properties"]["jargon"]["properties"]["patterns"]["properties"]
    assert tuple(switches) == tuple(config_module.JARGON_PATTERNS)
    override = schema["properties"]["overrides"]["items"]["properties"]
    assert tuple(override) == config_module.OVERRIDE_KEYS


# --- the command and the package -----------------------------------------------------------------


@pytest.mark.parametrize(("args", "name"), [([], "glossary"), (["--config"], "config")])
def test_schema_command_prints_the_shipped_schema(args, name, tmp_path):
    result = run_termlint(["glossary", "schema", *args], tmp_path)
    shipped = (REPO / "termlint" / "schemas" / f"{name}.schema.json").read_text("utf-8")
    assert (result.stdout, result.stderr, result.exit_code) == (shipped, "", 0)


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("hatchling") is None, reason="needs hatchling to build the wheel"
)
def test_wheel_ships_the_schemas(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(REPO / "pyproject.toml", source)
    shutil.copytree(REPO / "termlint", source / "termlint", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copytree(REPO / "rules", source / "rules")
    (source / "README.md").write_text("x\n", encoding="utf-8")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip_wheel, "-q", "-w", str(tmp_path), str(source)], check=True)
    (wheel,) = tmp_path.glob("termlint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert {"termlint/schemas/glossary.schema.json", "termlint/schemas/config.schema.json"} <= names
    probe = "from termlint.glossary_io.schema import schema_text; print(len(schema_text('config')))"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == f"{len(schema_text('config'))}\n"
