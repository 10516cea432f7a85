"""JUnit XML, the test report GitLab, Jenkins and most CI servers display.

One `testcase` per checked file (a file without findings passes), one `failure`
per finding, its `type` the rule id; a file termlint could not check (`read-error`,
`pattern-error`) gets an `error` instead, as a test that could not run. The counts
on `testsuites`/`testsuite` are those of the elements: `failures` counts findings,
not failing files, as JUnit readers recount them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from termlint.checks import PIPELINE_RULES
from termlint.formatters.text import format_finding
from termlint.model import Finding, Report

SUITE_NAME = "termlint"
# characters XML 1.0 cannot hold at all, even escaped (control characters, U+FFFE/F)
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, color: bool = False) -> str:
    cases: dict[str, list[Finding]] = {path: [] for path in report.paths}
    for finding in report.findings:
        cases.setdefault(finding.path, []).append(finding)
    errors = sum(finding.rule in PIPELINE_RULES for finding in report.findings)
    counts = {
        "tests": str(len(cases)),
        "failures": str(len(report.findings) - errors),
        "errors": str(errors),
    }
    root = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **counts, "skipped": "0"})
    for path, findings in cases.items():
        case = ET.SubElement(
            suite, "testcase", {"name": _xml(path), "classname": SUITE_NAME, "file": _xml(path)}
        )
        for finding in findings:
            tag = "error" if finding.rule in PIPELINE_RULES else "failure"
            element = ET.SubElement(
                case, tag, {"message": _xml(finding.message), "type": _xml(finding.rule)}
            )
            element.text = _xml(format_finding(finding, color=False))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _xml(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)
