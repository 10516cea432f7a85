"""`--format sarif`: valid SARIF 2.1.0 with rules, regions, fingerprints and fixes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ci_project import finding, make_project, report_of
from conftest import SHARED, needs_shared, run_cli

from termlint import PROJECT_URL, __version__
from termlint.checks import BY_ID
from termlint.formatters import sarif
from termlint.model import Finding, Position, Severity, Span

SCHEMA = SHARED / "schemas" / "sarif-2.1.0.json"
BUILTIN_RULES = [
    "acronym-first-use",
    "deprecated-term",
    "ambiguous-term",
    "term-variant",
    "undefined-term",
    "read-error",
    "pattern-error",
    "unknown-directive",
]


def validate(document: dict) -> None:  # type: ignore[type-arg]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=str)
    assert [error.message for error in errors] == []


def check_sarif(root: Path, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    result = run_cli(["check", "--format", "sarif", *args], root)
    return result.exit_code, json.loads(result.stdout), result.stderr


def brief(result: dict) -> tuple:  # type: ignore[type-arg]
    location = result["locations"][0]["physicalLocation"]
    region = location["region"]
    return (
        location["artifactLocation"]["uri"],
        tuple(region.get(key) for key in ("startLine", "startColumn", "endLine", "endColumn")),
        result["ruleId"],
        result["level"],
    )


@needs_shared
def test_every_rule_kind_validates_against_the_sarif_schema(tmp_path: Path) -> None:
    code, document, stderr = check_sarif(make_project(tmp_path), "docs")
    assert code == 1
    assert stderr == "Found 10 problems (2 errors, 8 warnings) in 3 files.\n"
    validate(document)
    run = document["runs"][0]
    assert [brief(result) for result in run["results"]] == [
        ("docs/bad.txt", (1, None, None, None), "read-error", "error"),
        ("docs/%C3%BCber.md", (1, 10, 1, 17), "term-variant", "warning"),
        ("docs/%C3%BCber.md", (3, 5, 3, 10), "acronym-first-use", "warning"),
        ("docs/%C3%BCber.md", (3, 16, 3, 24), "ambiguous-term", "warning"),
        ("docs/%C3%BCber.md", (3, 40, 3, 49), "deprecated-term", "warning"),
        ("docs/%C3%BCber.md", (3, 57, 3, 70), "deprecated-term", "error"),
        ("docs/%C3%BCber.md", (4, 1, 4, 7), "undefined-term", "warning"),
        ("docs/%C3%BCber.md", (4, 9, 4, 19), "click-here", "warning"),
        ("docs/%C3%BCber.md", (5, 1, 5, 49), "unknown-directive", "warning"),
        ("docs/%C3%BCber.md", (6, 1, 6, 8), "term-variant", "warning"),
    ]
    # every result points at its rule, and every location is relative to %SRCROOT%
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"


@needs_shared
def test_hand_built_reports_validate_too() -> None:
    pattern_error = Finding(
        path="docs/slow.md",
        span=Span(0, 0),
        start=Position(1, 1),
        end=Position(1, 1),
        rule="pattern-error",
        severity=Severity.ERROR,
        text="",
        message='pattern "slow" ran past its time budget on this file and was stopped',
    )
    info = finding("house-style", severity=Severity.INFO, text="naïve ☕", fix="naive coffee")
    for report in (report_of(), report_of(pattern_error, info, paths=("docs/slow.md",))):
        validate(sarif.report_to_sarif(report))
    levels = [result["level"] for result in sarif.report_to_sarif(report)["runs"][0]["results"]]
    assert levels == ["error", "note"]


def test_driver_and_rules() -> None:
    report = report_of(finding("click-here", message="Say where the link goes."))
    document = sarif.report_to_sarif(report)
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "termlint",
        __version__,
        PROJECT_URL,
    )
    assert [rule["id"] for rule in driver["rules"]] == [*BUILTIN_RULES, "click-here"]
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    variant = by_id["term-variant"]
    assert variant["shortDescription"] == {"text": BY_ID["term-variant"].summary}
    assert variant["fullDescription"]["text"].startswith(
        "Flags every occurrence of a spelling the glossary lists under `variants`, and of a"
    )
    assert variant["help"]["text"].startswith("term-variant: a listed variant")
    assert "\nWhy it matters:\n" in variant["help"]["text"]
    assert variant["defaultConfiguration"] == {"level": "warning"}
    assert by_id["read-error"]["defaultConfiguration"] == {"level": "error"}
    assert by_id["read-error"]["shortDescription"] == {
        "text": "A file could not be read or decoded as UTF-8."
    }
    assert by_id["click-here"]["shortDescription"] == {"text": "Say where the link goes."}
    assert run["results"][0]["ruleIndex"] == len(BUILTIN_RULES)


def test_fix_becomes_a_replacement_of_the_region() -> None:
    report = report_of(finding("term-variant", line=3, column=5, text="Dev Ops", fix="DevOps"))
    (result,) = sarif.report_to_sarif(report)["runs"][0]["results"]
    region = {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 12}
    assert result["locations"][0]["physicalLocation"]["region"] == region
    assert result["fixes"] == [
        {
            "description": {"text": 'Replace "Dev Ops" with "DevOps"'},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"},
                    "replacements": [
                        {"deletedRegion": region, "insertedContent": {"text": "DevOps"}}
                    ],
                }
            ],
        }
    ]
    unfixable = report_of(finding("ambiguous-term", text="InfraOps"))
    assert "fixes" not in sarif.report_to_sarif(unfixable)["runs"][0]["results"][0]


def test_non_ascii_stays_readable_in_the_output() -> None:
    report = report_of(finding("house-style", path="docs/café notes.md", message="Évitez « ça »"))
    rendered = sarif.render(report, False)
    assert '"text": "Évitez « ça »"' in rendered
    assert '"uri": "docs/caf%C3%A9%20notes.md"' in rendered


def fingerprints_by_location(document: dict) -> list[tuple]:  # type: ignore[type-arg]
    return [
        (
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
            result["ruleId"],
            result["partialFingerprints"]["termlint/v1"],
        )
        for result in document["runs"][0]["results"]
    ]


def test_fingerprints_survive_moved_lines_but_not_edited_ones(tmp_path: Path) -> None:
    make_project(tmp_path)
    _, before, _ = check_sarif(tmp_path, "docs/über.md")
    doc = tmp_path / "docs" / "über.md"
    text = doc.read_text(encoding="utf-8")
    doc.write_text("# Title\n\nA new paragraph.\n\n" + text[2:], encoding="utf-8")
    _, after, _ = check_sarif(tmp_path, "docs/über.md")
    old = fingerprints_by_location(before)
    new = fingerprints_by_location(after)
    # the heading line changed ("# Über" became "Über"): only its finding changes identity
    assert [line + 4 for line, _, _ in old[1:]] == [line for line, _, _ in new[1:]]
    assert [fp for _, _, fp in old[1:]] == [fp for _, _, fp in new[1:]]
    assert old[0][2] != new[0][2]
    assert len({fp for _, _, fp in old}) == len(old)


@pytest.mark.parametrize(
    ("line_text", "same"),
    [("  the   Dev Ops\tteam ", True), ("the Dev Ops crew", False)],
)
def test_fingerprint_normalises_whitespace_only(line_text: str, same: bool) -> None:
    def fingerprint(text: str) -> str:
        report = report_of(finding("term-variant", line_text=text))
        return sarif.report_to_sarif(report)["runs"][0]["results"][0]["partialFingerprints"][
            "termlint/v1"
        ]

    assert (fingerprint("the Dev Ops team") == fingerprint(line_text)) is same
