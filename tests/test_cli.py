"""`termlint check` end to end: SPEC §1-4, §6 and the check options of §7."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from sample_glossary import STATUS_TERMS

GLOSSARY = (
    """\
version: 1
terms:
  - term: DevOps
    variants: [Dev Ops]
    definition: Building and running software as one team.
    see: https://glossary.example.org/devops
  - term: IT Operations
    abbreviation: ITOps
"""
    + STATUS_TERMS
    + """\
allow: [SLA]
patterns:
  - id: click-here
    regex: '(?i)\\bclick here\\b'
    message: Say where the link goes.
"""
)

CONFIG = "glossary: [glossary.yaml]\n"


def project(tmp_path: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    return write_tree(tmp_path, {".termlint.yaml": config, "glossary.yaml": GLOSSARY, **files})


def check_json(tmp_path: Path, *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = run_cli(["check", "--format", "json", *args], tmp_path)
    return result.exit_code, json.loads(result.stdout)


def brief(report: dict) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (f["path"], f["line"], f["column"], f["rule"], f["text"], f["suggestions"])
        for f in report["findings"]
    ]


def test_spec_examples_work_as_written(tmp_path: Path) -> None:
    project(
        tmp_path,
        {
            "docs/ops.md": """\
                ---
                owner: InfraOps
                ---
                # Operations

                The InfraOps team talks to ITOps daily. IT Operations agrees.
                Our Devops culture and the FinOps review matter.

                ```
                InfraOps Devops ITOps FinOps
                ```

                See `InfraOps`, https://example.com/InfraOps and <!-- InfraOps Devops -->.
                """,
        },
    )
    code, report = check_json(tmp_path, "docs")
    assert code == 1
    assert brief(report) == [
        (
            "docs/ops.md",
            6,
            5,
            "ambiguous-term",
            "InfraOps",
            ["Infrastructure Operations", "Infrastructure Optimisation"],
        ),
        ("docs/ops.md", 6, 28, "acronym-first-use", "ITOps", ["IT Operations (ITOps)"]),
        ("docs/ops.md", 7, 5, "term-variant", "Devops", ["DevOps"]),
        ("docs/ops.md", 7, 28, "undefined-term", "FinOps", []),
    ]
    fixes = [f["fix"] for f in report["findings"]]
    assert fixes == [
        None,
        {"replacement": "IT Operations (ITOps)"},
        {"replacement": "DevOps"},
        None,
    ]
    assert report["summary"] == {"files": 1, "findings": 4, "error": 0, "warning": 4, "info": 0}


def test_json_finding_has_every_field_in_order(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "Our Devops way.\n"})
    _, report = check_json(tmp_path)
    assert report["version"] == 1
    assert report["findings"] == [
        {
            "path": "a.md",
            "line": 1,
            "column": 5,
            "end_line": 1,
            "end_column": 11,
            "rule": "term-variant",
            "severity": "warning",
            "text": "Devops",
            "term": "DevOps",
            "message": '"Devops" should be written "DevOps". DevOps: Building and running '
            "software as one team. See https://glossary.example.org/devops",
            "suggestions": ["DevOps"],
            "fix": {"replacement": "DevOps"},
        }
    ]
    assert list(report["findings"][0]) == [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "text",
        "term",
        "message",
        "suggestions",
        "fix",
    ]


def test_text_format_line_and_summary_on_stderr(tmp_path: Path) -> None:
    project(tmp_path, {"docs/ops.md": "\n\n\n\n\n\n\n\n\n\n\nThe InfraOps team.\n"})
    result = run_cli(["check", "--no-color", "docs"], tmp_path)
    assert result.stdout == (
        'docs/ops.md:12:5: warning: "InfraOps" is ambiguous: it can mean Infrastructure '
        "Operations or Infrastructure Optimisation [ambiguous-term]\n"
    )
    assert result.stderr == "Found 1 problem (1 warning) in 1 file.\n"
    assert result.exit_code == 1


def test_color_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "The InfraOps team.\n"})
    plain = run_cli(["check"], tmp_path)  # not a terminal: no colour
    assert "\x1b[" not in plain.stdout
    coloured = run_cli(["check", "--color"], tmp_path)
    assert "\x1b[33mwarning\x1b[0m" in coloured.stdout


def test_quiet_prints_findings_only(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "The InfraOps team.\n"})
    result = run_cli(["check", "--quiet"], tmp_path)
    assert result.stderr == ""
    assert result.stdout.startswith("a.md:1:5: warning:")


def test_clean_files_exit_zero_with_summary(tmp_path: Path) -> None:
    project(
        tmp_path, {"a.md": "DevOps and IT Operations (ITOps) are fine.\n", "b.txt": "Nothing.\n"}
    )
    result = run_cli(["check"], tmp_path)
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "",
        "No problems found in 2 files.\n",
    )


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("error", 0), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on_with_warnings_only(tmp_path: Path, fail_on: str, expected: int) -> None:
    project(tmp_path, {"a.md": "The whitelist.\n"})
    assert run_cli(["check", "--fail-on", fail_on], tmp_path).exit_code == expected


def test_fail_on_error_with_a_forbidden_term(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "Restart the master server.\n"})
    code, report = check_json(tmp_path, "--fail-on", "error")
    assert code == 1
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [
        ("deprecated-term", "error")
    ]


def test_select_and_ignore(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "The InfraOps whitelist and Devops, click here.\n"})
    _, selected = check_json(tmp_path, "--select", "term-variant", "--select", "click-here")
    assert [f["rule"] for f in selected["findings"]] == ["term-variant", "click-here"]
    _, comma = check_json(tmp_path, "--select", "term-variant,click-here")
    assert comma == selected
    _, ignored = check_json(tmp_path, "--ignore", "ambiguous-term", "--ignore", "click-here")
    assert [f["rule"] for f in ignored["findings"]] == ["deprecated-term", "term-variant"]


def test_unknown_rule_in_select_is_a_usage_error(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "x\n"})
    result = run_cli(["check", "--select", "term-variants"], tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "termlint: error: --select: unknown rule 'term-variants' (see `termlint rules`)\n"
    )


def test_config_rule_severity_and_off(tmp_path: Path) -> None:
    config = CONFIG + "rules: {ambiguous-term: error, deprecated-term: off}\n"
    project(tmp_path, {"a.md": "The InfraOps whitelist.\n"}, config=config)
    _, report = check_json(tmp_path)
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("ambiguous-term", "error")]


def test_overrides_later_wins(tmp_path: Path) -> None:
    config = CONFIG + (
        "overrides:\n"
        "  - files: ['legacy/**']\n    rules: {deprecated-term: off}\n"
        "  - files: ['legacy/keep.md']\n    rules: {deprecated-term: error}\n"
    )
    line = "The whitelist.\n"
    project(tmp_path, {"a.md": line, "legacy/old.md": line, "legacy/keep.md": line}, config=config)
    _, report = check_json(tmp_path)
    assert [(f["path"], f["severity"]) for f in report["findings"]] == [
        ("a.md", "warning"),
        ("legacy/keep.md", "error"),
    ]


def test_unknown_rule_in_config_is_exit_2(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "x\n"}, config=CONFIG + "rules: {ambiguous: error}\n")
    result = run_cli(["check"], tmp_path)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "termlint: error: config rules: unknown rule 'ambiguous' (see `termlint rules`)\n"
    )


def test_unknown_config_key_is_exit_2_with_position(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "x\n"}, config=CONFIG + "exlude: [x]\n")
    result = run_cli(["check"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("termlint: error: .termlint.yaml:2:1: unknown key 'exlude'")
    assert "Traceback" not in result.stderr


def test_malformed_glossary_is_one_line_with_position_and_exit_2(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": CONFIG,
            "glossary.yaml": "terms:\n  - term: DevOps\n    varaints: [x]\n",
            "a.md": "x\n",
        },
    )
    result = run_cli(["check"], tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("termlint: error: glossary.yaml:3:5: unknown key 'varaints'")
    assert result.stderr.count("\n") == 1


def test_no_config_uses_every_builtin_pack(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.md": "The whitelist and the InfraOps team.\n"})
    _, report = check_json(tmp_path)
    assert [(f["rule"], f["text"], f["suggestions"]) for f in report["findings"]] == [
        ("deprecated-term", "whitelist", ["allowlist"]),
        (
            "ambiguous-term",
            "InfraOps",
            ["Infrastructure Operations", "Infrastructure Optimisation"],
        ),
    ]


def test_config_glossary_list_uses_only_named_packs(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [builtin:inclusive]\n",
            "a.md": "The whitelist and InfraOps team.\n",
        },
    )
    _, report = check_json(tmp_path, "--select", "deprecated-term,ambiguous-term")
    assert [f["text"] for f in report["findings"]] == ["whitelist"]


def test_repository_glossary_redefines_a_builtin_term(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [builtin:inclusive, ours.yaml]\n",
            "ours.yaml": "terms:\n  - term: whitelist\n    status: admitted\n",
            "a.md": "The whitelist stays.\n",
        },
    )
    code, report = check_json(tmp_path)
    assert (code, report["findings"]) == (0, [])


def test_glossary_option_adds_to_configured_glossaries(tmp_path: Path) -> None:
    project(
        tmp_path,
        {
            "extra.yaml": "terms:\n  - term: runbook\n    variants: [run book]\n",
            "a.md": "A run book and Devops.\n",
        },
    )
    _, report = check_json(tmp_path, "--glossary", "extra.yaml")
    assert [(f["text"], f["suggestions"]) for f in report["findings"]] == [
        ("run book", ["runbook"]),
        ("Devops", ["DevOps"]),
    ]


def test_pyproject_table_is_found_walking_up(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "x"\n\n[tool.termlint]\nglossary = ["glossary.yaml"]\n'
            'rules = { "term-variant" = "error" }\n',
            "glossary.yaml": GLOSSARY,
            "docs/a.md": "Our Devops way.\n",
        },
    )
    result = run_cli(["check", "--format", "json", "."], tmp_path / "docs")
    report = json.loads(result.stdout)
    assert [(f["path"], f["severity"]) for f in report["findings"]] == [("a.md", "error")]


def test_explicit_config_option(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "conf/lint.yaml": "glossary: [../glossary.yaml]\nrules: {term-variant: info}\n",
            "glossary.yaml": GLOSSARY,
            "a.md": "Our Devops way.\n",
        },
    )
    _, report = check_json(tmp_path, "--config", "conf/lint.yaml")
    assert [f["severity"] for f in report["findings"]] == ["info"]


def test_read_errors_are_findings_and_counted(tmp_path: Path) -> None:
    project(
        tmp_path,
        {
            "bad.md": b"caf\xe9 InfraOps\n",
            "nul.txt": b"a\x00b\n",
            "bom.md": "\ufeffThe InfraOps team.\n",
        },
    )
    code, report = check_json(tmp_path)
    assert code == 1
    assert brief(report) == [
        ("bad.md", 1, 1, "read-error", "", []),
        (
            "bom.md",
            1,
            5,
            "ambiguous-term",
            "InfraOps",
            ["Infrastructure Operations", "Infrastructure Optimisation"],
        ),
        ("nul.txt", 1, 1, "read-error", "", []),
    ]
    assert report["findings"][0]["message"] == "file is not valid UTF-8 (byte 0xe9 at offset 3)"
    assert report["findings"][0]["severity"] == "error"
    assert report["summary"]["files"] == 3


def test_columns_are_code_points(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "Café 🚀 — the InfraOps team.\nnaïve ünïcödé whitelist\n"})
    _, report = check_json(tmp_path)
    assert [(f["line"], f["column"], f["end_column"]) for f in report["findings"]] == [
        (1, 14, 22),
        (2, 15, 24),
    ]


def test_plain_text_file_every_line_urls_skipped(tmp_path: Path) -> None:
    project(
        tmp_path,
        {"notes.txt": "See https://x.example/whitelist now.\n    ```\n    the whitelist\n"},
    )
    _, report = check_json(tmp_path)
    assert [(f["line"], f["column"], f["text"]) for f in report["findings"]] == [
        (3, 9, "whitelist")
    ]


def test_named_file_with_other_extension_is_plain_text(tmp_path: Path) -> None:
    project(tmp_path, {"notes.rst": "The `whitelist` here.\n", "skipped.rst": "whitelist\n"})
    _, report = check_json(tmp_path, "notes.rst")
    assert [(f["path"], f["column"]) for f in report["findings"]] == [("notes.rst", 6)]
    assert report["summary"]["files"] == 1


def test_output_file_gets_the_report(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "The whitelist.\n"})
    result = run_cli(["check", "--format", "json", "--output", "report.json"], tmp_path)
    assert result.stdout == ""
    assert result.stderr == "Found 1 problem (1 warning) in 1 file.\n"
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [f["text"] for f in report["findings"]] == ["whitelist"]


def test_wrapped_multi_word_term_in_a_list_item(tmp_path: Path) -> None:
    project(tmp_path, {"a.md": "- Restart the master\n  server now.\n"})
    _, report = check_json(tmp_path)
    (finding,) = report["findings"]
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (
        1,
        15,
        2,
        9,
    )
    assert finding["text"] == "master\n  server"
    assert finding["fix"] == {"replacement": "primary\n  server"}


def test_rules_command_lists_builtin_and_pattern_rules(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = run_cli(["rules"], tmp_path)
    assert result.exit_code == 0
    rows = [line.split()[0] for line in result.stdout.splitlines()]
    assert rows == [
        "rule",
        "acronym-first-use",
        "deprecated-term",
        "ambiguous-term",
        "term-variant",
        "undefined-term",
        "read-error",
        "pattern-error",
        "unknown-directive",
        "click-here",
    ]


def test_explain_known_term(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = run_cli(["explain", "dev ops"], tmp_path)
    assert result.exit_code == 0
    assert result.stdout == (
        "DevOps\n"
        "  status: preferred\n"
        "  definition: Building and running software as one team.\n"
        "  variants: Dev Ops\n"
        "  see: https://glossary.example.org/devops\n"
        "  case-sensitive: yes\n"
        "  defined in: glossary.yaml:3\n"
    )


def test_explain_unknown_term_suggests_nearest(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = run_cli(["explain", "InfreOps"], tmp_path)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "termlint: 'InfreOps' is not in the glossary; nearest: InfraOps\n"


def test_explain_rule_prints_its_documentation(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = run_cli(["explain", "ambiguous-term"], tmp_path)
    assert result.exit_code == 0
    assert result.stdout.startswith("ambiguous-term: a term with several meanings")


def test_missing_path_is_exit_2(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = run_cli(["check", "nope"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr == "termlint: error: path not found: nope\n"


def test_python_dash_m_entry_point(tmp_path: Path) -> None:
    import subprocess
    import sys

    project(tmp_path, {"a.md": "The InfraOps team.\n"})
    done = subprocess.run(
        [sys.executable, "-m", "termlint", "check", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith('a.md:1:5: warning: "InfraOps" is ambiguous')


@pytest.mark.parametrize("count", [3, 3000])
def test_the_program_flushes_its_report_before_its_quick_exit(tmp_path: Path, count: int) -> None:
    # `termlint` (cli.run) leaves with os._exit: a report that still sits in the stdout
    # buffer, and one far larger than a pipe's, must arrive whole, as main() prints it
    import os
    import subprocess
    import sys

    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}

    project(tmp_path, {"a.md": "The InfraOps team met.\n" * count})
    expected = run_cli(["check", "--no-color", "--no-cache"], tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "termlint", "check", "--no-color", "--no-cache"],
        cwd=tmp_path,
        env=buffered,
        capture_output=True,
        text=True,
        check=False,
    )
    assert len(done.stdout.splitlines()) == count
    assert (done.returncode, done.stdout, done.stderr) == (
        expected.exit_code,
        expected.stdout,
        expected.stderr,
    )
    assert done.stderr == f"Found {count} problems ({count} warnings) in 1 file.\n"


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("read-error", "read-error: A file could not be read or decoded as UTF-8."),
        ("pattern-error", "pattern-error: A pattern ran past its time budget on a file."),
        (
            "unknown-directive",
            "Inline suppression (SPEC §5): directives in comments -> where findings are silenced.",
        ),
    ],
)
def test_explain_pipeline_rules(tmp_path: Path, name: str, first_line: str) -> None:
    project(tmp_path, {})
    result = run_cli(["explain", name], tmp_path)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == first_line
