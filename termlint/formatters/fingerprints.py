"""Stable identities for findings, for CI systems that track alerts across commits.

A fingerprint hashes the finding's path, rule, matched text and its source line with
whitespace normalised, never its line number: inserting lines above a finding keeps
its identity, editing the line itself gives a new one. Two findings with the same
key (the same word twice on one line, or two identical lines) are told apart by a
counter of earlier findings with that key, so every fingerprint in a report is
unique, as GitLab Code Quality requires.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from termlint.model import Finding


def normalise_line(line: str) -> str:
    """The line with every run of whitespace read as one space, none at the ends."""
    return " ".join(line.split())


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One fingerprint per finding, in the findings' order: 32 hex digits of a SHA-256
    (the length of the MD5 digests GitLab's examples show)."""
    seen: Counter[tuple[str, str, str, str]] = Counter()
    result: list[str] = []
    for finding in findings:
        key = (finding.path, finding.rule, finding.text, normalise_line(finding.line_text))
        occurrence = seen[key]
        seen[key] += 1
        payload = json.dumps([*key, occurrence], ensure_ascii=False)
        result.append(hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32])
    return result
