"""README's "Use it in CI" snippets are valid and agree with action.yml and the hooks."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import yaml
from ci_project import make_project
from conftest import run_cli
from junitparser import JUnitXml
from pre_commit.clientlib import load_config, load_manifest

from termlint.formatters import FORMATTERS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("\n## Use it in CI\n") :]
SECTION = SECTION[: SECTION.find("\n## ", 1)] if "\n## " in SECTION[1:] else SECTION
BLOCKS = {
    block.splitlines()[0]: yaml.safe_load(block)
    for block in re.findall(r"```yaml\n(.*?)```\n", SECTION, re.DOTALL)
}
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_the_section_has_the_three_snippets() -> None:
    assert list(BLOCKS) == [
        "# .github/workflows/terminology.yml",
        "# .gitlab-ci.yml",
        "# .pre-commit-config.yaml",
    ]


def test_workflow_uses_the_action_and_uploads_its_sarif() -> None:
    workflow = BLOCKS["# .github/workflows/terminology.yml"]
    steps = workflow["jobs"]["termlint"]["steps"]
    action, upload = steps[1], steps[2]
    assert action["uses"] == "termlint/termlint@v0.1.0"
    assert set(action["with"]) <= set(ACTION["inputs"])
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == action["with"]["sarif-file"]
    assert workflow["permissions"]["security-events"] == "write"


def test_readme_input_table_lists_the_action_inputs() -> None:
    start = SECTION.index("| input |")
    table = re.findall(r"^\| `([\w-]+)` \|", SECTION[start:], re.MULTILINE)
    assert table == list(ACTION["inputs"])


def test_gitlab_job_writes_the_reports_it_publishes(tmp_path: Path) -> None:
    job = BLOCKS["# .gitlab-ci.yml"]["termlint"]
    commands = [shlex.split(line) for line in job["script"] if line.startswith("termlint ")]
    outputs = {}
    make_project(tmp_path)
    for command in commands:
        options = dict(zip(command[2::2], command[3::2], strict=False))
        assert options["--format"] in FORMATTERS
        outputs[options["--format"]] = options["--output"]
        result = run_cli(command[1:], tmp_path)
        assert result.stdout == ""
        assert result.stderr == "Found 10 problems (2 errors, 8 warnings) in 3 files.\n"
    assert job["artifacts"]["reports"] == {
        "junit": outputs["junit"],
        "codequality": outputs["codeclimate"],
    }
    assert job["artifacts"]["when"] == "always"
    assert JUnitXml.fromfile(str(tmp_path / outputs["junit"])).tests == 3
    assert len(json.loads((tmp_path / outputs["codeclimate"]).read_text(encoding="utf-8"))) == 10


def test_pre_commit_snippet_and_manifest_are_valid(tmp_path: Path) -> None:
    manifest = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert [(hook["id"], hook["entry"], hook["language"]) for hook in manifest] == [
        ("termlint", "termlint check", "python"),
        ("termlint-fix", "termlint fix", "python"),
    ]
    snippet = re.search(r"```yaml\n(# \.pre-commit-config\.yaml.*?)```\n", SECTION, re.DOTALL)
    assert snippet is not None
    (tmp_path / ".pre-commit-config.yaml").write_text(snippet.group(1), encoding="utf-8")
    config = load_config(str(tmp_path / ".pre-commit-config.yaml"))
    (repo,) = config["repos"]
    assert {hook["id"] for hook in repo["hooks"]} <= {hook["id"] for hook in manifest}
