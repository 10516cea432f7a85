"""SARIF 2.1.0 (OASIS), the format GitHub code scanning uploads.

Field names follow the OASIS SARIF 2.1.0 specification and GitHub's notes on the
SARIF it accepts. Columns: SARIF counts UTF-16 code units unless a run says
otherwise; termlint counts code points (SPEC §7), so the run declares
`columnKind: unicodeCodePoints` and columns are written unchanged (1-based, end
exclusive, as SARIF has them).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from termlint import PROJECT_URL, __version__
from termlint.formatters.fingerprints import fingerprints
from termlint.formatters.rule_catalog import RuleInfo, rules_for
from termlint.model import Finding, Report, Severity

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "termlint/v1"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, color: bool = False) -> str:
    return json.dumps(report_to_sarif(report), ensure_ascii=False, indent=2) + "\n"


def report_to_sarif(report: Report) -> dict[str, Any]:
    rules = rules_for(report.findings)
    index = {rule.id: position for position, rule in enumerate(rules)}
    results = [
        _result(finding, index[finding.rule], fingerprint)
        for finding, fingerprint in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
    driver = {
        "name": "termlint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": PROJECT_URL,
        "rules": [_rule(rule) for rule in rules],
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.help},
        "defaultConfiguration": {"level": _LEVELS[rule.default_severity]},
    }


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(finding.path),
                    "region": _region(finding),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.fix is not None:
        replacement = finding.fix.replacement
        result["fixes"] = [
            {
                "description": {"text": f'Replace "{finding.text}" with "{replacement}"'},
                "artifactChanges": [
                    {
                        "artifactLocation": _artifact(finding.path),
                        "replacements": [
                            {
                                "deletedRegion": _region(finding),
                                "insertedContent": {"text": replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _artifact(path: str) -> dict[str, str]:
    # a relative URI reference: percent-encode spaces and non-ASCII, keep the `/`s
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def _region(finding: Finding) -> dict[str, int]:
    if finding.span.start == finding.span.end:  # a whole-file finding such as read-error
        return {"startLine": finding.start.line}
    return {
        "startLine": finding.start.line,
        "startColumn": finding.start.column,
        "endLine": finding.end.line,
        "endColumn": finding.end.column,
    }
