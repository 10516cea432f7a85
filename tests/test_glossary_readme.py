"""README's "Your glossary" section stays true: its validate example is what the tool prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml
from glossary_helpers import run_termlint

from termlint.glossary_io.schema import schema_text

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Your glossary") :]


def block(language: str) -> str:
    found = re.search(rf"```{language}\n(.*?)```\n", SECTION, re.DOTALL)
    assert found is not None, f"no ```{language} block in the section"
    return found.group(1)


def test_the_validate_example_is_what_validate_prints(tmp_path):
    (tmp_path / "glossary.yaml").write_text(block("yml"), encoding="utf-8")
    (tmp_path / ".termlint.yaml").write_text("glossary: [glossary.yaml]\n", encoding="utf-8")
    command, *lines = block("console").splitlines()
    assert command == "$ termlint glossary validate"
    result = run_termlint(command.split()[2:], tmp_path)
    assert result.stdout.splitlines() + result.stderr.splitlines() == lines
    assert result.exit_code == 1


def test_the_example_names_the_schema_and_the_schema_accepts_its_shape():
    example = block("yml")
    assert example.splitlines()[0] == "# yaml-language-server: $schema=glossary.schema.json"
    # Its problems are ones only termlint can see (a duplicate form, a link that is no URL).
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("glossary")))
    assert validator.is_valid(yaml.safe_load(example))


def test_the_schema_commands_shown_exist(tmp_path):
    for line in block("sh").splitlines():
        args = line.split(">")[0].split()[1:]
        result = run_termlint(args, tmp_path)
        assert (result.exit_code, result.stdout.startswith("{\n")) == (0, True)
