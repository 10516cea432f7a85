"""Which findings are reported, at which severity, and the exit code they give."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from termlint.config import Config
from termlint.errors import UsageError
from termlint.model import Finding, Report, Severity

if TYPE_CHECKING:
    import pathspec

OFF = "off"
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class _Override:
    spec: pathspec.GitIgnoreSpec
    rules: tuple[tuple[str, str], ...]


class RuleSelection:
    """Config severities, overrides and --select/--ignore, resolved once per run."""

    def __init__(
        self,
        config: Config,
        *,
        known_rules: Iterable[str],
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> None:
        known = frozenset(known_rules)
        if config.overrides:
            import pathspec  # only a config with overrides needs it (startup time)
        self._root = config.root
        self._select = frozenset(_split(select, known, "--select")) or None
        self._ignore = frozenset(_split(ignore, known, "--ignore"))
        self._severities = dict(_checked(config.rules, known, "rules"))
        self._overrides = tuple(
            _Override(
                pathspec.GitIgnoreSpec.from_lines(override.files),
                tuple(_checked(override.rules, known, "overrides")),
            )
            for override in config.overrides
        )

    def is_selected(self, rule: str) -> bool:
        if self._select is not None and rule not in self._select:
            return False
        return rule not in self._ignore

    def severity(self, finding: Finding, path: Path | str | None) -> Severity | None:
        """The finding's severity after config and overrides; None when switched off."""
        if not self.is_selected(finding.rule):
            return None
        setting = self._severities.get(finding.rule)
        relative = self._relative(path) if self._overrides else None  # relpath is not free
        if relative is not None:
            for override in self._overrides:
                if override.spec.match_file(relative):
                    setting = dict(override.rules).get(finding.rule, setting)
        if setting is None:
            return finding.severity
        if setting == OFF:
            return None
        return Severity.parse(setting)

    def apply(self, findings: Iterable[Finding], path: Path | str | None) -> list[Finding]:
        if not (self._select or self._ignore or self._severities or self._overrides):
            return list(findings)  # nothing to change (a cached run may bring 100,000)
        kept: list[Finding] = []
        for finding in findings:
            severity = self.severity(finding, path)
            if severity is None:
                continue
            kept.append(
                finding if severity is finding.severity else replace(finding, severity=severity)
            )
        return kept

    def _relative(self, path: Path | str | None) -> str | None:
        if path is None:
            return None
        relative = os.path.relpath(path, self._root)
        if relative.startswith(".."):
            return None
        return relative.replace(os.sep, "/")


def _split(values: Sequence[str], known: frozenset[str], option: str) -> list[str]:
    rules = [part.strip() for value in values for part in value.split(",") if part.strip()]
    for rule in rules:
        if rule not in known:
            raise UsageError(f"{option}: unknown rule '{rule}' (see `termlint rules`)")
    return rules


def _checked(
    rules: Iterable[tuple[str, str]], known: frozenset[str], where: str
) -> Iterable[tuple[str, str]]:
    for rule, setting in rules:
        if rule not in known:
            raise UsageError(f"config {where}: unknown rule '{rule}' (see `termlint rules`)")
        yield rule, setting


def exit_code(report: Report, fail_on: str) -> int:
    """0 when nothing is at or above `fail_on`, else 1 (2 comes only from errors)."""
    if fail_on == "never":
        return 0
    threshold = Severity.parse(fail_on).rank
    summary = report.summary  # counted once already: a report may hold 100,000 findings
    counts = (
        (Severity.ERROR, summary.error),
        (Severity.WARNING, summary.warning),
        (Severity.INFO, summary.info),
    )
    return int(any(count for severity, count in counts if severity.rank >= threshold))
