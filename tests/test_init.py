"""`termlint init`: the two starter files, no overwriting without --force, next steps."""

from __future__ import annotations

import json

from conftest import run_cli, write_tree

from termlint import __version__
from termlint.commands.init import config_text, glossary_text
from termlint.config import load_config
from termlint.glossary import Status, load_glossary_file, load_glossary_text
from termlint.packs import names


def test_init_writes_both_files_and_prints_the_next_steps(tmp_path):
    result = run_cli(["init"], tmp_path)
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / ".termlint.yaml").read_text(encoding="utf-8") == config_text()
    assert (tmp_path / "glossary.yaml").read_text(encoding="utf-8") == glossary_text()
    assert result.stdout.startswith("Wrote .termlint.yaml and glossary.yaml.\n\nNext steps:\n")
    for snippet in (
        "       termlint discover --format yaml\n",
        "       termlint check --write-baseline .termlint-baseline.json\n",
        "     then uncomment `baseline: .termlint-baseline.json` in .termlint.yaml.\n",
        "       repos:\n"
        "         - repo: https://github.com/termlint/termlint\n"
        f"           rev: v{__version__}\n"
        "           hooks:\n"
        "             - id: termlint\n",
        f"         - uses: termlint/termlint@v{__version__}\n",
    ):
        assert snippet in result.stdout


def test_the_written_files_load_and_check_a_document(tmp_path):
    run_cli(["init"], tmp_path)
    config = load_config(tmp_path / ".termlint.yaml")
    assert config.glossary == (
        *(f"builtin:{name}" for name in names()),
        str(tmp_path / "glossary.yaml"),
    )
    assert config.rules == (("undefined-term", "warning"),)
    glossary = load_glossary_file(tmp_path / "glossary.yaml")
    statuses = {entry.status for entry in glossary.entries}
    assert statuses == set(Status)  # an example of every status
    write_tree(
        tmp_path,
        {
            "docs/guide.md": (
                "Send an e-mail to the CAB. We utilize Project Falcon.\n\n"
                "Book the ops review. Please click here.\n"
            )
        },
    )
    result = run_cli(["check", "--format", "json"], tmp_path)
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [
        (f["line"], f["column"], f["rule"], f["severity"], f["text"]) for f in report["findings"]
    ] == [
        (1, 9, "term-variant", "warning", "e-mail"),
        (1, 23, "acronym-first-use", "warning", "CAB"),
        (1, 31, "deprecated-term", "warning", "utilize"),
        (1, 39, "deprecated-term", "error", "Project Falcon"),
        (3, 10, "ambiguous-term", "warning", "ops review"),
        (3, 29, "click-here", "info", "click here"),
    ]


def test_the_glossary_template_passes_validation_on_its_own():
    glossary = load_glossary_text(glossary_text(), "glossary.yaml")
    assert glossary.allow == ("SOX",)
    assert [pattern.id for pattern in glossary.patterns] == ["click-here"]


def test_init_refuses_to_overwrite_either_file(tmp_path):
    write_tree(tmp_path, {"glossary.yaml": "mine\n"})
    result = run_cli(["init"], tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "termlint: error: glossary.yaml already exists (use --force to overwrite)\n"
    )
    assert not (tmp_path / ".termlint.yaml").exists()  # nothing written at all
    assert (tmp_path / "glossary.yaml").read_text(encoding="utf-8") == "mine\n"

    write_tree(tmp_path, {".termlint.yaml": "glossary: [x.yaml]\n"})
    result = run_cli(["init"], tmp_path)
    assert (result.exit_code, result.stderr) == (
        2,
        "termlint: error: .termlint.yaml and glossary.yaml already exist "
        "(use --force to overwrite)\n",
    )


def test_force_overwrites(tmp_path):
    write_tree(tmp_path, {"glossary.yaml": "mine\n", ".termlint.yaml": "mine\n"})
    result = run_cli(["init", "--force"], tmp_path)
    assert result.exit_code == 0
    assert (tmp_path / ".termlint.yaml").read_text(encoding="utf-8") == config_text()
    assert (tmp_path / "glossary.yaml").read_text(encoding="utf-8") == glossary_text()


def test_an_unwritable_folder_is_a_one_line_error(tmp_path):
    (tmp_path / "glossary.yaml").mkdir()  # a folder where the file should go
    result = run_cli(["init", "--force"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "termlint: error: cannot write glossary.yaml: Is a directory\n"


def test_the_commented_settings_are_valid_once_uncommented(tmp_path):
    text = config_text()
    for commented in (
        "# exclude:\n#   - CHANGELOG.md\n#   - vendor/\n",
        "  # acronym-first-use: off\n",
        "# jargon:\n#   allow: [KTLO]\n#   patterns: {camel-case: true}\n",
        "# baseline: .termlint-baseline.json\n",
        '# overrides:\n#   - files: ["docs/archive/**"]\n#     rules: {deprecated-term: off}\n',
    ):
        assert commented in text
        uncommented = "\n".join(line.replace("# ", "", 1) for line in commented.splitlines())
        text = text.replace(commented, uncommented + "\n")
    write_tree(tmp_path, {".termlint.yaml": text})
    config = load_config(tmp_path / ".termlint.yaml")
    assert config.exclude == ("CHANGELOG.md", "vendor/")
    assert config.rules == (("undefined-term", "warning"), ("acronym-first-use", "off"))
    assert config.jargon.allow == ("KTLO",)
    assert config.jargon.camel_case is True
    assert config.baseline == tmp_path / ".termlint-baseline.json"
    assert [override.files for override in config.overrides] == [("docs/archive/**",)]
