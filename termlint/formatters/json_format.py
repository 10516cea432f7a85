"""The JSON report of SPEC §7: one object with version, summary and findings."""

from __future__ import annotations

import json
from typing import Any

from termlint.model import Finding, Report


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "path": finding.path,
        "line": finding.start.line,
        "column": finding.start.column,
        "end_line": finding.end.line,
        "end_column": finding.end.column,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "text": finding.text,
        "term": finding.term,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
        "fix": {"replacement": finding.fix.replacement} if finding.fix else None,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    summary = report.summary
    summary_dict: dict[str, Any] = {
        "files": summary.files,
        "findings": summary.findings,
        "error": summary.error,
        "warning": summary.warning,
        "info": summary.info,
    }
    if summary.fixed is not None:
        summary_dict["fixed"] = summary.fixed
    return {
        "version": 1,
        "summary": summary_dict,
        "findings": [finding_to_dict(finding) for finding in report.findings],
    }


def render(report: Report, color: bool = False) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
