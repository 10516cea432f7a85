"""README's examples stay true: the 30-second example and the shipped example tree."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli, write_tree

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_after(marker: str, language: str) -> str:
    start = README.index(marker)
    block = re.compile(rf"```{language}\n(.*?)```\n", re.DOTALL).search(README, start)
    assert block is not None, f"no ```{language} block after {marker!r}"
    return block.group(1)


def test_readme_starts_with_the_two_commands() -> None:
    commands = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)[:2]
    assert commands == [
        "python -m pip install . && cd examples && termlint check docs",
        "python -m pip install -e '.[dev]' && python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install --quiet -e '.[dev]'" in ci
    assert ci.rstrip().endswith("python -m pytest")


def test_thirty_second_example_output(tmp_path: Path) -> None:
    glossary = fenced_after("## The glossary", "yaml")
    document = fenced_after("## A 30-second example", "markdown")
    console = fenced_after("## A 30-second example", "console")
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [glossary.yaml]\n",
            "glossary.yaml": glossary,
            "docs/ops.md": document,
        },
    )
    result = run_cli(["check", "--no-color", "docs"], tmp_path)
    command, *lines = console.splitlines()
    assert command == "$ termlint check docs"
    assert result.stdout.splitlines() + result.stderr.splitlines() == lines
    assert result.exit_code == 1


def test_shipped_example_shows_every_rule() -> None:
    result = run_cli(["check", "--no-color", "--format", "json", "docs"], ROOT / "examples")
    import json

    report = json.loads(result.stdout)
    rules = {finding["rule"] for finding in report["findings"]}
    assert rules == {
        "acronym-first-use",
        "ambiguous-term",
        "deprecated-term",
        "term-variant",
        "undefined-term",
        "click-here",
    }
    paths = {finding["path"] for finding in report["findings"]}
    assert paths == {"docs/operations.md", "docs/guides/onboarding.md", "docs/notes.txt"}
    assert result.exit_code == 1
