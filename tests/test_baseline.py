"""Baseline (SPEC §5): write today's findings, then report only new ones."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import run_cli, write_tree

from termlint.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    fingerprint,
    parse_baseline,
    render_baseline,
)
from termlint.model import Finding, Position, Severity, Span

GLOSSARY = """\
version: 1
terms:
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
"""
CONFIG = "glossary: [glossary.yaml]\n"
DOC = """\
# Access

The InfraOps team keeps a whitelist.

Ask before you edit the whitelist.
"""


def sha(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:16]


def project(tmp_path: Path, doc: str = DOC, config: str = CONFIG) -> Path:
    return write_tree(
        tmp_path, {".termlint.yaml": config, "glossary.yaml": GLOSSARY, "docs/access.md": doc}
    )


def check(tmp_path: Path, *args: str, cwd: Path | None = None) -> tuple[int, list[tuple]]:
    result = run_cli(["check", "--format", "json", *args], cwd or tmp_path)
    assert result.stderr.startswith(("Found", "No problems")), result.stderr
    report = json.loads(result.stdout)
    found = [(f["path"], f["line"], f["column"], f["rule"], f["text"]) for f in report["findings"]]
    return result.exit_code, found


# --- the file ----------------------------------------------------------------------------


def test_write_baseline_records_the_findings_as_sorted_stable_json(tmp_path):
    project(tmp_path)
    result = run_cli(["check", "--write-baseline", "baseline.json"], tmp_path)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "Wrote 3 findings to the baseline baseline.json.\n"
    written = (tmp_path / "baseline.json").read_text(encoding="utf-8")
    first, second = "The InfraOps team keeps a whitelist.", "Ask before you edit the whitelist."
    assert written == (
        "{\n"
        '  "version": 1,\n'
        '  "findings": [\n'
        "    {\n"
        '      "path": "docs/access.md",\n'
        '      "rule": "ambiguous-term",\n'
        '      "text": "InfraOps",\n'
        f'      "fingerprint": "{sha(first)}"\n'
        "    },\n"
        "    {\n"
        '      "path": "docs/access.md",\n'
        '      "rule": "deprecated-term",\n'
        '      "text": "whitelist",\n'
        f'      "fingerprint": "{sha(min(first, second, key=sha))}"\n'
        "    },\n"
        "    {\n"
        '      "path": "docs/access.md",\n'
        '      "rule": "deprecated-term",\n'
        '      "text": "whitelist",\n'
        f'      "fingerprint": "{sha(max(first, second, key=sha))}"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )
    # writing again gives the same bytes
    run_cli(["check", "--write-baseline", "baseline.json"], tmp_path)
    assert (tmp_path / "baseline.json").read_text(encoding="utf-8") == written


def test_render_sorts_by_path_rule_text_and_fingerprint():
    entries = [
        BaselineEntry("b.md", "a-rule", "x", "1"),
        BaselineEntry("a.md", "b-rule", "x", "1"),
        BaselineEntry("a.md", "a-rule", "y", "1"),
        BaselineEntry("a.md", "a-rule", "x", "2"),
        BaselineEntry("a.md", "a-rule", "x", "1"),
    ]
    data = json.loads(render_baseline(entries))
    order = [(e["path"], e["rule"], e["text"], e["fingerprint"]) for e in data["findings"]]
    assert order == [
        ("a.md", "a-rule", "x", "1"),
        ("a.md", "a-rule", "x", "2"),
        ("a.md", "a-rule", "y", "1"),
        ("a.md", "b-rule", "x", "1"),
        ("b.md", "a-rule", "x", "1"),
    ]
    assert parse_baseline(render_baseline(entries), "b.json") == tuple(sorted(entries))


def test_fingerprint_folds_whitespace_and_nothing_else():
    assert fingerprint("  The   whitelist,\tagain. ") == sha("The whitelist, again.")
    assert fingerprint("The whitelist, again.") != fingerprint("The whitelist again.")


# --- matching ----------------------------------------------------------------------------


def test_moved_lines_stay_silent_and_only_the_new_violation_is_reported(tmp_path):
    project(tmp_path)
    assert run_cli(["check", "--write-baseline", "baseline.json"], tmp_path).exit_code == 0
    assert check(tmp_path, "--baseline", "baseline.json") == (0, [])
    # lines inserted above the old findings, a paragraph re-indented, one new violation
    moved = (
        "# Access\n\nA new introduction.\n\nIt runs over two paragraphs.\n\n"
        "The InfraOps team keeps a   whitelist.\n\n"
        "Ask before you edit the whitelist.\n\n"
        "A second whitelist appears here.\n"
    )
    (tmp_path / "docs/access.md").write_text(moved, encoding="utf-8")
    assert check(tmp_path, "--baseline", "baseline.json") == (
        1,
        [("docs/access.md", 11, 10, "deprecated-term", "whitelist")],
    )


def test_a_fixed_finding_just_disappears(tmp_path):
    project(tmp_path)
    run_cli(["check", "--write-baseline", "baseline.json"], tmp_path)
    fixed = DOC.replace("edit the whitelist.", "edit the list.")
    (tmp_path / "docs/access.md").write_text(fixed, encoding="utf-8")
    assert check(tmp_path, "--baseline", "baseline.json") == (0, [])
    # ... and the old line coming back with its problem is old news, not a new finding
    (tmp_path / "docs/access.md").write_text(DOC, encoding="utf-8")
    assert check(tmp_path, "--baseline", "baseline.json") == (0, [])


def test_each_entry_absorbs_one_finding(tmp_path):
    project(tmp_path)
    run_cli(["check", "--write-baseline", "baseline.json"], tmp_path)
    doubled = DOC + "\nAsk before you edit the whitelist.\n"  # an identical line again
    (tmp_path / "docs/access.md").write_text(doubled, encoding="utf-8")
    assert check(tmp_path, "--baseline", "baseline.json") == (
        1,
        [("docs/access.md", 7, 25, "deprecated-term", "whitelist")],
    )


def test_filter_matches_path_rule_text_and_fingerprint(tmp_path):
    def make(path: str, rule: str, text: str, line: str) -> Finding:
        origin = Position(1, 1)
        return Finding(
            path, Span(0, 1), origin, origin, rule, Severity.WARNING, text, "m", line_text=line
        )

    kept = make("a.md", "deprecated-term", "whitelist", "A whitelist.")
    baseline = Baseline((Baseline((), tmp_path, tmp_path).entry(kept),), tmp_path, tmp_path)
    others = [
        make("b.md", "deprecated-term", "whitelist", "A whitelist."),
        make("a.md", "term-variant", "whitelist", "A whitelist."),
        make("a.md", "deprecated-term", "Whitelist", "A whitelist."),
        make("a.md", "deprecated-term", "whitelist", "Another whitelist."),
    ]
    assert baseline.filter([kept, *others]) == others


def test_the_config_baseline_is_used_and_paths_match_from_any_folder(tmp_path):
    project(tmp_path, config=CONFIG + "baseline: baseline.json\n")
    run_cli(["check", "--write-baseline", "baseline.json"], tmp_path)
    assert check(tmp_path) == (0, [])
    assert check(tmp_path, "access.md", cwd=tmp_path / "docs") == (0, [])
    # --baseline names another file instead of the config's
    (tmp_path / "empty.json").write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    assert check(tmp_path, "--baseline", "empty.json")[1] == [
        ("docs/access.md", 3, 5, "ambiguous-term", "InfraOps"),
        ("docs/access.md", 3, 27, "deprecated-term", "whitelist"),
        ("docs/access.md", 5, 25, "deprecated-term", "whitelist"),
    ]


def test_write_baseline_ignores_the_old_one_even_when_it_is_broken(tmp_path):
    project(tmp_path, config=CONFIG + "baseline: baseline.json\n")
    (tmp_path / "baseline.json").write_text("not json", encoding="utf-8")
    result = run_cli(["check", "--write-baseline", "baseline.json"], tmp_path)
    assert (result.exit_code, result.stderr) == (
        0,
        "Wrote 3 findings to the baseline baseline.json.\n",
    )
    assert check(tmp_path) == (0, [])


def test_selection_applies_before_recording(tmp_path):
    project(tmp_path)
    run_cli(["check", "--ignore", "deprecated-term", "--write-baseline", "b.json"], tmp_path)
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [entry["rule"] for entry in data["findings"]] == ["ambiguous-term"]


# --- bad baselines: one line, exit 2 ----------------------------------------------------

BAD = [
    ("{", "b.json:1:2: not valid JSON: Expecting property name enclosed in double quotes"),
    ("[]", 'b.json: not a termlint baseline: expected an object with "version" and "findings"'),
    ('{"version": 1}', 'b.json: not a termlint baseline: expected an object with "version" and "findings"'),
    ('{"version": 2, "findings": []}', "b.json: unsupported baseline version 2"),
    ('{"version": 1, "findings": {}}', 'b.json: "findings" must be a list'),
    (
        '{"version": 1, "findings": [{"path": "a.md", "rule": "r", "text": "t"}]}',
        'b.json: findings[0] must be an object with the strings "path", "rule", "text", "fingerprint"',
    ),
    (
        '{"version": 1, "findings": [{"path": "a", "rule": "r", "text": "t", "fingerprint": 1}]}',
        'b.json: findings[0] must be an object with the strings "path", "rule", "text", "fingerprint"',
    ),
    (b"\xff\xfe", "b.json: baseline is not valid UTF-8"),
    ("[" * 100_000 + "]" * 100_000, "b.json: not valid JSON: nested too deeply"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "message"), BAD)
def test_a_corrupt_baseline_is_a_one_line_error(tmp_path, content, message):
    project(tmp_path)
    write_tree(tmp_path, {"b.json": content})
    result = run_cli(["check", "--baseline", "b.json"], tmp_path)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"termlint: error: {message}\n",
    )


def test_a_missing_baseline_is_an_error_from_the_command_line_and_from_the_config(tmp_path):
    project(tmp_path, config=CONFIG + "baseline: ci/baseline.json\n")
    expected = (
        "termlint: error: {}: baseline file not found "
        "(create it with `termlint check --write-baseline FILE`)\n"
    )
    result = run_cli(["check"], tmp_path)
    assert (result.exit_code, result.stderr) == (2, expected.format("ci/baseline.json"))
    result = run_cli(["check", "--baseline", "other.json"], tmp_path)
    assert (result.exit_code, result.stderr) == (2, expected.format("other.json"))


def test_parse_error_names_the_file():
    with pytest.raises(BaselineError) as caught:
        parse_baseline("{}", "x/b.json")
    assert str(caught.value).startswith("x/b.json: not a termlint baseline")


def test_an_unwritable_baseline_is_a_one_line_error(tmp_path):
    project(tmp_path)
    result = run_cli(["check", "--write-baseline", "missing/folder/b.json"], tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "termlint: error: missing/folder/b.json: cannot write baseline: No such file or directory\n"
    )
