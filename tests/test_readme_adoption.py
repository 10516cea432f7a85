"""README's "Adopting termlint in an existing repository" section stays true."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import run_cli, write_tree

from termlint.config import load_config

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Adopting termlint in an existing repository") :]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```\n", SECTION, re.DOTALL)


def test_the_suppression_example_silences_exactly_its_findings(tmp_path):
    page = blocks("markdown")[0]
    bare = re.sub(r"<!--.*?-->", "", page)
    write_tree(tmp_path, {"page.md": page, "bare.md": bare})
    result = run_cli(["check", "page.md"], tmp_path)  # no config: the built-in packs
    assert (result.exit_code, result.stdout) == (0, "")
    result = run_cli(["check", "bare.md"], tmp_path)
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == [
        "bare.md:1:5",
        "bare.md:4:9",
    ]


def test_the_config_snippets_are_valid(tmp_path):
    exclude, baseline = (block for block in blocks("yaml") if not block.startswith("  -"))
    write_tree(tmp_path, {".termlint.yaml": exclude + baseline})
    config = load_config(tmp_path / ".termlint.yaml")
    assert config.exclude == ("vendor/", "CHANGELOG.md")
    assert config.baseline == tmp_path / ".termlint-baseline.json"
    assert config.overrides[0].rules == (("deprecated-term", "off"), ("ambiguous-term", "info"))


def test_the_discovered_entry_example_is_what_discover_prints(tmp_path):
    entry = next(block for block in blocks("yaml") if block.startswith("  -"))
    assert yaml.safe_load(entry) == [{"term": "Keep The Lights On", "abbreviation": "KTLO"}]
    write_tree(tmp_path, {"a.md": "Keep The Lights On (KTLO) work.\n"})
    result = run_cli(["discover", "--format", "yaml"], tmp_path)
    assert entry in result.stdout
