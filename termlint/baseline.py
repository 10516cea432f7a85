"""Baseline (SPEC §5): record today's findings, then report only the ones not recorded.

The file is JSON, `{"version": 1, "findings": [{"path", "rule", "text", "fingerprint"}]}`,
entries sorted by those four fields, 2-space indent and a final newline, so that
writing it twice gives the same bytes and a review diff shows only real changes.

A finding matches an entry by path, rule, matched text and the fingerprint of the
line it starts on (whitespace folded), never by line number: lines inserted or
removed above it do not bring it back. Each entry absorbs one finding, so a second
copy of a recorded problem on an identical line is still new.

Paths are stored relative to the baseline file's folder (with `/`), so the file
matches whichever folder termlint runs from. A baseline that cannot be read or is
not a termlint baseline is an error (exit 2), not a warning: it is user input, and
ignoring it would fail a build on every recorded finding.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termlint.errors import TermlintError
from termlint.model import Finding

VERSION = 1
FIELDS = ("path", "rule", "text", "fingerprint")


class BaselineError(TermlintError):
    """A baseline file is missing, unreadable or malformed, or cannot be written."""


@dataclass(frozen=True, slots=True, order=True)
class BaselineEntry:
    path: str  # relative to the baseline file's folder, with `/`
    rule: str
    text: str
    fingerprint: str


def fingerprint(line: str) -> str:
    """A short hash of a source line with every whitespace run folded to one space."""
    folded = " ".join(line.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Baseline:
    """Recorded findings, and the folders that turn a finding's path into an entry's."""

    entries: tuple[BaselineEntry, ...]
    folder: Path  # the baseline file's folder
    cwd: Path  # the folder findings' display paths start from

    def entry(self, finding: Finding) -> BaselineEntry:
        return BaselineEntry(
            path=_relative(self.cwd / finding.path, self.folder),
            rule=finding.rule,
            text=finding.text,
            fingerprint=fingerprint(finding.line_text),
        )

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        """The findings no entry absorbs, in their order (each entry absorbs one)."""
        unused = Counter(self.entries)
        kept: list[Finding] = []
        for finding in findings:
            entry = self.entry(finding)
            if unused[entry] > 0:
                unused[entry] -= 1
            else:
                kept.append(finding)
        return kept

    def record(self, findings: Iterable[Finding]) -> Baseline:
        """A baseline holding these findings (and none of the old entries)."""
        entries = tuple(sorted(self.entry(finding) for finding in findings))
        return Baseline(entries, self.folder, self.cwd)


def empty_baseline(path: Path, cwd: Path) -> Baseline:
    """A baseline with no entries, to be written to `path`."""
    return Baseline((), _folder(path, cwd), cwd.absolute())


def render_baseline(entries: Sequence[BaselineEntry]) -> str:
    """The file's text: stable, sorted, 2-space indent, final newline."""
    data = {
        "version": VERSION,
        "findings": [{name: getattr(entry, name) for name in FIELDS} for entry in sorted(entries)],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse_baseline(text: str, shown: str) -> tuple[BaselineEntry, ...]:
    """The entries of a baseline file's text; BaselineError naming `shown` when malformed."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"not valid JSON: {error.msg}", path=shown, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise BaselineError("not valid JSON: nested too deeply", path=shown) from None
    if not isinstance(data, dict) or set(data) != {"version", "findings"}:
        raise BaselineError(
            'not a termlint baseline: expected an object with "version" and "findings"',
            path=shown,
        )
    if data["version"] != VERSION:
        raise BaselineError(f"unsupported baseline version {data['version']!r}", path=shown)
    if not isinstance(data["findings"], list):
        raise BaselineError('"findings" must be a list', path=shown)
    entries: list[BaselineEntry] = []
    for index, item in enumerate(data["findings"]):
        if (
            not isinstance(item, dict)
            or set(item) != set(FIELDS)
            or not all(isinstance(item[name], str) for name in FIELDS)
        ):
            raise BaselineError(
                f"findings[{index}] must be an object with the strings "
                + ", ".join(f'"{name}"' for name in FIELDS),
                path=shown,
            )
        entries.append(BaselineEntry(*(item[name] for name in FIELDS)))
    return tuple(entries)


def load_baseline(path: Path, cwd: Path, shown: str | None = None) -> Baseline:
    """Read a baseline file; a missing or malformed one is a BaselineError (exit 2)."""
    name = str(path) if shown is None else shown
    try:
        data = (cwd / path).read_bytes()
    except FileNotFoundError:
        raise BaselineError(
            "baseline file not found (create it with `termlint check --write-baseline FILE`)",
            path=name,
        ) from None
    except OSError as error:
        raise BaselineError(
            f"cannot read baseline: {error.strerror or type(error).__name__}", path=name
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BaselineError("baseline is not valid UTF-8", path=name) from None
    return Baseline(parse_baseline(text, name), _folder(path, cwd), cwd.absolute())


def write_baseline(path: Path, baseline: Baseline, cwd: Path) -> None:
    """Write the file atomically (a temporary file in the same folder, then a rename)."""
    target = Path(os.path.realpath(cwd / path))
    temporary = target.with_name(f".{target.name}.termlint-tmp-{secrets.token_hex(4)}")
    try:
        with open(temporary, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(render_baseline(baseline.entries))
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        reason = error.strerror or type(error).__name__
        raise BaselineError(f"cannot write baseline: {reason}", path=str(path)) from None


def _folder(path: Path, cwd: Path) -> Path:
    return Path(os.path.normpath((cwd / path).absolute())).parent


def _relative(path: Path, folder: Path) -> str:
    try:
        relative = os.path.relpath(os.path.normpath(path), folder)
    except ValueError:  # another drive on Windows
        relative = str(path)
    return relative.replace(os.sep, "/")


def open_baseline(explicit: Path | None, configured: Path | None, cwd: Path) -> Baseline | None:
    """The run's baseline: `--baseline FILE`, else the config's `baseline:`, else none."""
    path = explicit if explicit is not None else configured
    if path is None:
        return None
    return load_baseline(path, cwd, _relative(cwd / path, cwd.absolute()))
