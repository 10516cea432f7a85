"""action.yml: its inputs are documented and its termlint steps run as GitHub would run them.

GitHub runs a composite `shell: bash` step as `bash --noprofile --norc -eo pipefail
FILE`, with the step's `env` (where this action's inputs arrive) in the environment.
The test does the same with the installed `termlint`, evaluating the steps' simple
`inputs.NAME != ''` conditions; the setup and pip-install steps are GitHub's part.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from ci_project import make_project

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
INPUT = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")
CONDITION = re.compile(r"inputs\.([\w-]+) != ''")
TERMLINT = Path(sys.executable).parent / "termlint"


def test_inputs_are_documented_and_referenced_inputs_exist() -> None:
    inputs = ACTION["inputs"]
    assert list(inputs) == ["paths", "format", "args", "sarif-file", "python-version"]
    assert {name: spec["default"] for name, spec in inputs.items()} == {
        "paths": ".",
        "format": "github",
        "args": "",
        "sarif-file": "",
        "python-version": "3.12",
    }
    assert all(spec["description"].strip() for spec in inputs.values())
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    used = set(INPUT.findall(text)) | set(CONDITION.findall(text))
    assert used == set(inputs)
    assert ACTION["runs"]["using"] == "composite"
    install = ACTION["runs"]["steps"][1]["run"]
    assert 'pip install --disable-pip-version-check --quiet "${{ github.action_path }}"' in install


def run_action(cwd: Path, **given: str) -> tuple[int, str, str]:
    """Run the action's termlint steps with the given inputs; stop at the first failure."""
    inputs = {name: spec["default"] for name, spec in ACTION["inputs"].items()} | given
    bin_dir = str(TERMLINT.parent)
    stdout = stderr = ""
    for step in ACTION["runs"]["steps"]:
        if "termlint check" not in step.get("run", ""):
            continue
        condition = CONDITION.fullmatch(step.get("if", "inputs.paths != ''"))
        assert condition is not None, step.get("if")
        if inputs[condition.group(1)] == "":
            continue
        env = {
            name: INPUT.sub(lambda found: inputs[found.group(1)], value)
            for name, value in step.get("env", {}).items()
        }
        assert "${{" not in step["run"], "inputs must reach the script through env"
        script = cwd / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=cwd,
            env={**os.environ, **env, "PATH": bin_dir + os.pathsep + os.environ["PATH"]},
            capture_output=True,
            text=True,
        )
        script.unlink()
        stdout += done.stdout
        stderr += done.stderr
        if done.returncode:
            return done.returncode, stdout, stderr
    return 0, stdout, stderr


needs_termlint = pytest.mark.skipif(
    not TERMLINT.exists() or shutil.which("bash") is None,
    reason="needs bash and the installed termlint script",
)


@needs_termlint
def test_annotations_and_sarif_in_one_action_run(tmp_path: Path) -> None:
    make_project(tmp_path)
    code, stdout, stderr = run_action(
        tmp_path,
        paths="docs/über.md\n  docs/clean.md",
        args="--fail-on error --ignore undefined-term",
        **{"sarif-file": "out/termlint.sarif"},
    )
    assert code == 1
    lines = stdout.splitlines()
    assert len(lines) == 8
    assert lines[0] == (
        "::warning file=docs/über.md,line=1,col=10,endLine=1,endColumn=17,"
        'title=termlint%3A term-variant::"Dev Ops" should be written "DevOps"'
    )
    assert stderr == "Found 8 problems (1 error, 7 warnings) in 2 files.\n"
    sarif = json.loads((tmp_path / "out" / "termlint.sarif").read_text(encoding="utf-8"))
    rules = [result["ruleId"] for result in sarif["runs"][0]["results"]]
    assert len(rules) == 8 and "undefined-term" not in rules


@needs_termlint
def test_defaults_check_the_workspace_and_pass_when_clean(tmp_path: Path) -> None:
    make_project(tmp_path)
    shutil.rmtree(tmp_path / "docs")
    (tmp_path / "my docs").mkdir()
    (tmp_path / "my docs" / "a.md").write_text("The DevOps team.\n", encoding="utf-8")
    code, stdout, stderr = run_action(tmp_path)
    assert (code, stdout, stderr) == (0, "", "No problems found in 1 file.\n")
    assert not (tmp_path / "termlint.sarif").exists()
    # an input is data, never shell code
    code, stdout, stderr = run_action(tmp_path, paths="$(touch pwned) ;touch pwned2")
    assert code == 2
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned2").exists()
