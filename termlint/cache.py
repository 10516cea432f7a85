"""The results cache (SPEC §7): the findings of files that have not changed since the last run.

The cache lives in `.termlint_cache/` beside the config file (or in the current folder
when there is none), a folder that holds its own `.gitignore` so it is never committed.
One JSON file maps each file's absolute path to the digest of its bytes and the
findings `lint_file` gave for them. A file is served from the cache only when its bytes
hash to the stored digest: the key is the content, never the modification time.

The whole file belongs to one *run key*: the termlint version and the stamp of its own
code and data, the merged glossary and the config. When any of them changes, every
entry is dropped and every file is checked again. Findings are stored as `lint_file`
returns them (before rule selection and the baseline, which are applied afterwards),
without their path, which depends on the folder termlint runs from.

A cache can never fail a run: an unreadable or corrupt cache file is reported as a
warning and ignored, and a cache that cannot be written is a warning too. The file is
replaced atomically, so a run that stops half-way leaves the old cache or the new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from termlint import __version__
from termlint.model import Finding, Fix, Position, Severity, Span

CACHE_DIR = ".termlint_cache"
RESULTS_FILE = "results.json"
FORMAT = 1
GITIGNORE_TEXT = "# Written by termlint: its results cache, never committed.\n*\n"

Warn = Callable[[str], None]


def cache_folder(config_path: Path | None, cwd: Path) -> Path:
    """`.termlint_cache/` beside the config file, or in the current folder without one."""
    base = config_path.parent if config_path is not None else cwd
    return base / CACHE_DIR


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def run_key(*parts: object) -> str:
    """The key every entry belongs to: termlint's version and code, plus the given parts
    (the merged glossary and the config), each by its `repr`."""
    digest = hashlib.sha256()
    for part in (__version__, _code_stamp(), *parts):
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _code_stamp() -> list[tuple[str, int, int]]:
    """Size and modification time of termlint's own modules and data files, so that a
    changed checkout (an editable install keeps its version) never reuses old results."""
    package = Path(__file__).resolve().parent
    stamp: list[tuple[str, int, int]] = []
    for folder in (package, package.parent / "rules"):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(name for name in dirs if name != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".txt")):
                    with contextlib.suppress(OSError):
                        info = os.stat(os.path.join(root, name))
                        stamp.append((os.path.join(root, name), info.st_size, info.st_mtime_ns))
    return stamp


class ResultsCache:
    """The findings of each file by path and content digest, for one run key."""

    def __init__(self, folder: Path, key: str, warn: Warn, *, shown: str | None = None) -> None:
        self.folder = folder
        self.key = key
        self._shown = shown or str(self.file)  # the cache file as warnings name it
        self._warn = warn
        self._entries: dict[str, tuple[str, list[Any]]] = {}
        self._changed = False
        self.hits = 0
        self.misses = 0
        self._load()

    @property
    def file(self) -> Path:
        return self.folder / RESULTS_FILE

    def has_entry(self, path: Path) -> bool:
        """Whether a result for `path` is stored at all (if not, reading it is no use)."""
        return str(path) in self._entries

    def lookup(self, path: Path, digest: str, display: str) -> tuple[Finding, ...] | None:
        """The stored findings for `path` if its content still has `digest`."""
        entry = self._entries.get(str(path))
        if entry is None or entry[0] != digest:
            self.misses += 1
            return None
        try:
            findings = tuple(_decode(item, display) for item in entry[1])
        except (LookupError, TypeError, ValueError):
            self._warn_corrupt("an entry has an unexpected shape")  # drops every entry
            self._changed = True
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def store(self, path: Path, digest: str, findings: Iterable[Finding]) -> None:
        self._entries[str(path)] = (digest, [_encode(finding) for finding in findings])
        self._changed = True

    def save(self) -> None:
        """Write the cache when something changed; a failure is a warning."""
        if not self._changed:
            return
        payload = {"format": FORMAT, "key": self.key, "files": self._entries}
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        temporary = self.folder / f".{RESULTS_FILE}.{secrets.token_hex(4)}.tmp"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text(GITIGNORE_TEXT, encoding="utf-8")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.file)
        except OSError as error:
            with contextlib.suppress(OSError):
                temporary.unlink()
            self._warn(f"cannot write the cache {self._shown}: {error.strerror or error}")
            return
        self._changed = False

    def _load(self) -> None:
        try:
            text = self.file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as error:
            self._warn_corrupt(str(getattr(error, "strerror", None) or error))
            return
        try:
            payload = json.loads(text)
            if not isinstance(payload, dict) or not isinstance(payload.get("files"), dict):
                raise ValueError("not a results cache")
        except ValueError as error:
            self._warn_corrupt(str(error))
            return
        if payload.get("format") != FORMAT or payload.get("key") != self.key:
            return  # another termlint, glossary or config: start afresh
        entries: dict[str, tuple[str, list[Any]]] = {}
        for path, entry in payload["files"].items():
            if (
                isinstance(entry, list)
                and len(entry) == 2
                and isinstance(entry[0], str)
                and isinstance(entry[1], list)
            ):
                entries[path] = (entry[0], entry[1])
            else:
                self._warn_corrupt("an entry has an unexpected shape")
                self._changed = True
                return
        self._entries = entries

    def _warn_corrupt(self, reason: str) -> None:
        self._warn(f"ignoring the corrupt cache {self._shown} ({reason}); checking files again")
        self._entries = {}


# --- findings <-> JSON -----------------------------------------------------------------


def _encode(finding: Finding) -> list[Any]:
    return [
        finding.span.start,
        finding.span.end,
        finding.start.line,
        finding.start.column,
        finding.end.line,
        finding.end.column,
        finding.rule,
        finding.severity.value,
        finding.text,
        finding.message,
        finding.term,
        list(finding.suggestions),
        None if finding.fix is None else finding.fix.replacement,
        finding.line_text,
    ]


_SEVERITIES = {severity.value: severity for severity in Severity}
_INTS = (int, int, int, int, int, int)


def _decode(item: Sequence[Any], display: str) -> Finding:
    """A finding from its stored form; ValueError (or another lookup error) if malformed."""
    (start, end, line, column, end_line, end_column, rule, severity) = item[:8]
    (text, message, term, suggestions, fix, line_text) = item[8:]
    numbers = (start, end, line, column, end_line, end_column)
    if tuple(map(type, numbers)) != _INTS or type(suggestions) is not list:
        raise ValueError("bad finding")
    strings = (rule, text, message, line_text, *suggestions)
    if any(type(value) is not str for value in strings):
        raise ValueError("bad finding")
    if not (term is None or type(term) is str) or not (fix is None or type(fix) is str):
        raise ValueError("bad finding")
    return Finding(
        path=display,
        span=Span(start, end),
        start=Position(line, column),
        end=Position(end_line, end_column),
        rule=rule,
        severity=_SEVERITIES[severity],
        text=text,
        message=message,
        term=term,
        suggestions=tuple(suggestions),
        fix=None if fix is None else Fix(fix),
        line_text=line_text,
    )
