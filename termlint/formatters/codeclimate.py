"""GitLab Code Quality: a JSON array of Code Climate issues.

GitLab reads `description`, `check_name`, `fingerprint`, `severity` (info, minor,
major, critical, blocker) and `location.path` with `location.lines.begin`; the
fingerprint must be unique within the report, since GitLab compares reports of two
commits by it. The other fields (`type`, `categories`, `engine_name`,
`location.lines.end`) come from the Code Climate issue specification.
"""

from __future__ import annotations

import json
from typing import Any

from termlint.formatters.fingerprints import fingerprints
from termlint.model import Finding, Report, Severity

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, color: bool = False) -> str:
    issues = [
        _issue(finding, fingerprint)
        for finding, fingerprint in zip(report.findings, fingerprints(report.findings), strict=True)
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(finding: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "engine_name": "termlint",
        "check_name": finding.rule,
        "description": finding.message,
        "categories": ["Style"],
        "severity": _SEVERITIES[finding.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": finding.path,
            "lines": {"begin": finding.start.line, "end": finding.end.line},
        },
    }
