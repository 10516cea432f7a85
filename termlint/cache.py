"""The results cache (SPEC §7): the findings of files that have not changed since the last run.

The cache lives in `.termlint_cache/` beside the config file (or in the current folder
when there is none), a folder that holds its own `.gitignore` so it is never committed.
Its results are split into `BUCKETS` JSON files, `results/00.json` to `results/3f.json`,
and a file's entry always lives in the bucket named by the first byte of the SHA-256 of
its absolute path (stable across processes and platforms, unlike `hash()`). An entry is
the digest of the file's bytes and the findings `lint_file` gave for them. A file is
served from the cache only when its bytes hash to the stored digest: the key is the
content, never the modification time.

A bucket is read only when a file of it is first looked up, and only the buckets that
changed are written, so a run that checks one file reads and writes one small bucket
rather than the results of every file.

Each bucket belongs to one *run key*: the termlint version and the stamp of its own
code and data (and of the libraries that shape its findings, and Python's version), the
merged glossary and the config. A bucket of another key (or
format) is ignored as if empty, and replaced when one of its files is stored again; so
after the key changes, buckets no run has rewritten yet may stay on disk, but they can
serve nothing until that key (the same termlint, glossary and config) comes back, and
then their results are still right. The single `results.json` of earlier versions is
never read, and is removed when a bucket is written. Findings are stored as `lint_file`
returns them (before rule selection and the baseline, which are applied afterwards),
without their path, which depends on the folder termlint runs from.

A cache can never fail a run: a corrupt bucket is reported as a warning naming it and
is ignored (its files are checked again and it is rebuilt) while the other buckets
still serve; an unreadable cache is one warning, and so is a cache that cannot be
written. A bucket is JSON only, and checked as a whole when it is read (every
reference to a value of the right kind), so a finding made from it is always
well-formed. Each bucket is replaced atomically, so a run that stops half-way
leaves the old bucket or the new one.
"""

from __future__ import annotations

import array
import binascii
import contextlib
import dataclasses
import functools
import hashlib
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from termlint import __version__
from termlint.model import Details, Finding, Fix, Severity, build_finding
from termlint.source import read_file_bytes

CACHE_DIR = ".termlint_cache"
RESULTS_FOLDER = "results"
OLD_RESULTS_FILE = "results.json"  # the one file of format 2 and before; never read
BUCKETS = 64
FORMAT = 4
GITIGNORE_TEXT = "# Written by termlint: its results cache, never committed.\n*\n"

Warn = Callable[[str], None]


def cache_folder(config_path: Path | None, cwd: Path) -> Path:
    """`.termlint_cache/` beside the config file, or in the current folder without one."""
    base = config_path.parent if config_path is not None else cwd
    return base / CACHE_DIR


def content_digest(data: bytes) -> str:
    """128 bits of SHA-256 (which CPUs speed up, unlike BLAKE2) in hex."""
    return hashlib.sha256(data).hexdigest()[:32]


def run_key(*parts: object) -> str:
    """The key every entry belongs to: termlint's version and code, plus the given parts
    (the merged glossary and the config), each by its `repr`."""
    digest = hashlib.sha256()
    for part in (__version__, _code_stamp(), *parts):
        digest.update(repr(part).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


# The libraries whose behaviour shapes what a run finds: the two Markdown readers, the
# matcher's automaton, glossary patterns' regex engine, and the YAML reader of the config
# and glossary caches. Upgrading one must not reuse results it might not give.
DEPENDENCIES = ("pyromark", "markdown_it", "mdit_py_plugins", "ahocorasick", "regex", "yaml")


@functools.lru_cache(maxsize=1)  # once a run: the results and the glossary cache use it
def _code_stamp() -> tuple[tuple[str, int, int], ...]:
    """Size and modification time of termlint's own modules and data files, so that a
    changed checkout (an editable install keeps its version) never reuses old results,
    and of each dependency's module file (rewritten when it is upgraded), beside
    Python's own version (its Unicode tables decide what a word character is)."""
    package = Path(__file__).resolve().parent
    stamp: list[tuple[str, int, int]] = [(sys.version, 0, 0)]
    for folder in (package, package.parent / "rules"):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(name for name in dirs if name != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".yaml", ".txt")):
                    stamp.extend(_file_stamp(os.path.join(root, name)))
    for name in DEPENDENCIES:
        stamp.extend(_file_stamp(_module_file(name)))
    return tuple(stamp)


def _file_stamp(path: str | None) -> list[tuple[str, int, int]]:
    if path is None:
        return []
    try:
        info = os.stat(path)
    except OSError:
        return []
    return [(path, info.st_size, info.st_mtime_ns)]


def _module_file(name: str) -> str | None:
    """Where the module `name` would be imported from, without importing it."""
    import importlib.util  # here: only a run that writes or reads a cache asks

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    return None if spec is None else spec.origin


def bucket_name(path: str) -> str:
    """The name of the bucket file that holds the entry of `path` (an absolute path)."""
    number = hashlib.sha256(path.encode("utf-8", "surrogatepass")).digest()[0] % BUCKETS
    return f"{number:02x}.json"


@dataclasses.dataclass(eq=False)
class _Bucket:
    """The entries of one bucket file, with the templates they refer to."""

    file: Path
    shown: str  # the file as warnings name it
    templates: _Templates = dataclasses.field(default_factory=lambda: _Templates())
    entries: dict[str, _Entry] = dataclasses.field(default_factory=dict)
    changed: bool = False


class ResultsCache:
    """The findings of each file by path and content digest, for one run key."""

    def __init__(self, folder: Path, key: str, warn: Warn, *, shown: str | None = None) -> None:
        self.folder = folder
        self.key = key
        self._shown = shown or str(self.results_folder)  # the results folder in warnings
        self._warn = warn
        self._buckets: dict[str, _Bucket] = {}  # by name, once read
        self._bucket_of: dict[str, _Bucket] = {}  # by path: hashing a path costs a microsecond
        self._warned_unreadable = False
        self.hits = 0
        self.misses = 0

    @property
    def results_folder(self) -> Path:
        return self.folder / RESULTS_FOLDER

    def has_entry(self, path: Path | str) -> bool:
        """Whether a result for `path` is stored at all (if not, reading it is no use)."""
        return str(path) in self._bucket(str(path)).entries

    def lookup(self, path: Path | str, digest: str, display: str) -> tuple[Finding, ...] | None:
        """The stored findings for `path` if its content still has `digest`."""
        bucket = self._bucket(str(path))
        entry = bucket.entries.get(str(path))
        if entry is None or entry[0] != digest:
            self.misses += 1
            return None
        self.hits += 1
        return bucket.templates.findings(entry[1], display)

    def store(self, path: Path | str, digest: str, findings: Iterable[Finding]) -> None:
        bucket = self._bucket(str(path))
        numbers: list[int] = []
        for finding in findings:
            numbers += (*finding.place, bucket.templates.number(finding))
        bucket.changed = True
        if numbers and max(numbers) > _LARGEST:  # a 4 GiB file: linted again next time
            bucket.entries.pop(str(path), None)
            return
        bucket.entries[str(path)] = (digest, numbers)

    def save(self) -> None:
        """Write the buckets that changed; a failure is a warning."""
        changed = sorted(
            (bucket for bucket in self._buckets.values() if bucket.changed),
            key=lambda bucket: bucket.file.name,
        )
        if not changed:
            return
        writing = changed[0]
        try:
            self.results_folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text(GITIGNORE_TEXT, encoding="utf-8")
            for writing in changed:
                self._write_bucket(writing)
                writing.changed = False
        except OSError as error:
            self._warn(f"cannot write the cache {writing.shown}: {error.strerror or error}")
            return
        with contextlib.suppress(OSError):
            (self.folder / OLD_RESULTS_FILE).unlink(missing_ok=True)

    def _bucket(self, path: str) -> _Bucket:
        """The bucket of `path`, read when first needed."""
        bucket = self._bucket_of.get(path)
        if bucket is None:
            name = bucket_name(path)
            bucket = self._buckets.get(name)
            if bucket is None:
                bucket = self._buckets[name] = self._read_bucket(name)
            self._bucket_of[path] = bucket
        return bucket

    def _read_bucket(self, name: str) -> _Bucket:
        """The bucket file `name`, empty when it is missing, of another key or corrupt."""
        bucket = _Bucket(self.results_folder / name, f"{self._shown}/{name}")
        try:
            text = read_file_bytes(bucket.file).decode("utf-8")
        except FileNotFoundError:
            return bucket
        except UnicodeDecodeError as error:
            return self._corrupt(bucket, str(error))
        except OSError as error:
            if self._warned_unreadable:  # one warning for a folder that cannot be read
                bucket.changed = True
                return bucket
            self._warned_unreadable = True
            return self._corrupt(bucket, str(error.strerror or error))
        try:
            payload = json.loads(text)
            if not isinstance(payload, dict) or not isinstance(payload.get("files"), dict):
                raise ValueError("not a results cache")
        except RecursionError:  # json recurses once per nesting level
            return self._corrupt(bucket, "nested too deeply")
        except ValueError as error:
            return self._corrupt(bucket, str(error))
        if payload.get("format") != FORMAT or payload.get("key") != self.key:
            return bucket  # another termlint, glossary or config: start afresh
        try:
            bucket.templates = _Templates.load(
                payload.get("texts"), payload.get("suggestions"), payload.get("templates")
            )
            bucket.entries = bucket.templates.checked_entries(payload["files"])
        except ValueError:
            return self._corrupt(
                _Bucket(bucket.file, bucket.shown), "an entry has an unexpected shape"
            )
        return bucket

    def _corrupt(self, bucket: _Bucket, reason: str) -> _Bucket:
        """`bucket` (empty), after a warning; it is rewritten even if none of its files is."""
        self._warn(f"ignoring the corrupt cache {bucket.shown} ({reason}); checking files again")
        bucket.changed = True
        return bucket

    def _write_bucket(self, bucket: _Bucket) -> None:
        """Replace the bucket's file atomically with its entries (OSError if it cannot)."""
        bucket.templates, bucket.entries = bucket.templates.compacted(bucket.entries)
        texts, suggestions, templates = bucket.templates.stored()
        payload = {
            "format": FORMAT,
            "key": self.key,
            "texts": texts,
            "suggestions": suggestions,
            "templates": templates,
            "files": {
                path: [digest, _pack(numbers)] for path, (digest, numbers) in bucket.entries.items()
            },
        }
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        temporary = bucket.file.with_name(f".{bucket.file.name}.{os.urandom(4).hex()}.tmp")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, bucket.file)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise


# --- findings <-> JSON -----------------------------------------------------------------
#
# The file is laid out to be read fast, since a run where nothing changed does little
# else. A finding is what sets it apart (span, start and end) plus a *template*: its
# rule, severity, text, message, term, suggestions, fix and source line, which recur
# across findings and files (a few thousand templates for tens of thousands of
# findings). A template is a severity number and references: to a table of texts
# (1 for the first, 0 for none) and to a table of suggestion lists (0 for the first).
# So an entry is `[digest, numbers]`, seven numbers per finding, and the templates are
# eight numbers each. Numbers are packed (`_pack`): parsing JSON numbers one by one, and
# checking each is an int, took most of the time a run served from the cache spent
# reading it. Packed, a number is a number by construction, and the file is checked
# with a few operations on whole columns when it is loaded rather than finding by
# finding (a reference past the end of its table fails as the templates are made).
# Findings are made from an entry only when it is looked up.

_Entry = tuple[str, Sequence[int]]  # digest, numbers (a list when stored, an array when read)
_Template = Details  # the fields of a finding after its path and positions
_WIDTH = 7  # numbers per finding: span start and end, start and end line and column, template
_SEVERITY_ORDER = (Severity.INFO, Severity.WARNING, Severity.ERROR)
_SEVERITY_NUMBER = {severity: number for number, severity in enumerate(_SEVERITY_ORDER)}
# A stored template: severity, rule, text, message, term, suggestions, fix, line.
_TEMPLATE_WIDTH = 8
_TEXT_FIELDS = (1, 2, 3, 7)  # rule, text, message, line: a text (term and fix: or none)
_FIX_FIELD = 6
_LARGEST = 2**32 - 1  # packed numbers are unsigned 32-bit words


def _pack(numbers: Iterable[int]) -> str:
    """Numbers up to `_LARGEST` as the base64 of their 32-bit little-endian words."""
    packed = array.array("I", numbers)
    if sys.byteorder == "big":
        packed.byteswap()
    return binascii.b2a_base64(packed.tobytes(), newline=False).decode("ascii")


def _unpack(text: object, width: int) -> array.array[int]:
    """The numbers `_pack` made `text` of; ValueError unless it is that, with a multiple
    of `width` numbers."""
    if type(text) is not str:
        raise ValueError("not packed numbers")
    numbers = array.array("I")
    numbers.frombytes(binascii.a2b_base64(text, strict_mode=True))  # binascii.Error too
    if len(numbers) % width:
        raise ValueError("numbers missing")
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


class _Templates:
    """The templates entries refer to, by number."""

    def __init__(self, templates: Sequence[_Template] = ()) -> None:
        self._templates = list(templates)
        self._numbers: dict[_Template, int] | None = None  # built when a finding is stored

    def number(self, finding: Finding) -> int:
        """The number of `finding`'s template, added if new."""
        template = (
            finding.rule,
            finding.severity,
            finding.text,
            finding.message,
            finding.term,
            tuple(finding.suggestions),
            finding.fix,
            finding.line_text,
        )
        if self._numbers is None:
            self._numbers = {value: number for number, value in enumerate(self._templates)}
        number = self._numbers.get(template)
        if number is None:
            number = self._numbers[template] = len(self._templates)
            self._templates.append(template)
        return number

    def findings(self, numbers: Sequence[int], display: str) -> tuple[Finding, ...]:
        """The findings of one checked entry, reported under `display`."""
        templates = self._templates
        return tuple(
            build_finding(
                display, start, end, line, column, end_line, end_column, templates[number]
            )
            for start, end, line, column, end_line, end_column, number in zip(
                *[iter(numbers)] * _WIDTH, strict=True
            )
        )

    def compacted(self, entries: dict[str, _Entry]) -> tuple[_Templates, dict[str, _Entry]]:
        """Only the templates `entries` use, and the entries renumbered for them (the
        templates of files that changed or went away are not kept run after run)."""
        used = sorted(
            set().union(*(numbers[_WIDTH - 1 :: _WIDTH] for _, numbers in entries.values()))
        )
        renumbered = {old: new for new, old in enumerate(used)}
        compacted: dict[str, _Entry] = {}
        for path, (digest, stored) in entries.items():
            numbers = list(stored)
            numbers[_WIDTH - 1 :: _WIDTH] = map(
                renumbered.__getitem__, numbers[_WIDTH - 1 :: _WIDTH]
            )
            compacted[path] = (digest, numbers)
        return _Templates([self._templates[number] for number in used]), compacted

    def stored(self) -> tuple[list[str], list[list[str]], str]:
        """The JSON form: the texts, the suggestion lists, and the packed templates."""
        texts: dict[str | None, int] = {None: 0}
        suggestion_lists: dict[tuple[str, ...], int] = {}

        def text_ref(value: str | None) -> int:
            number = texts.get(value)
            if number is None:
                number = texts[value] = len(texts)
            return number

        def suggestions_ref(value: tuple[str, ...]) -> int:
            number = suggestion_lists.get(value)
            if number is None:
                number = suggestion_lists[value] = len(suggestion_lists)
            return number

        stored: list[int] = []
        for rule, severity, text, message, term, suggestions, fix, line_text in self._templates:
            replacement = None if fix is None else fix.replacement
            stored += (_SEVERITY_NUMBER[severity], text_ref(rule), text_ref(text))
            stored += (text_ref(message), text_ref(term), suggestions_ref(suggestions))
            stored += (text_ref(replacement), text_ref(line_text))
        return (
            [str(value) for value in texts if value is not None],
            [list(value) for value in suggestion_lists],
            _pack(stored),
        )

    @classmethod
    def load(
        cls, stored_texts: object, stored_suggestions: object, stored_templates: object
    ) -> _Templates:
        """The templates from their JSON form, every reference checked to point into its
        table; ValueError if they are not that."""
        if type(stored_texts) is not list or not set(map(type, stored_texts)) <= {str}:
            raise ValueError("bad texts")
        if type(stored_suggestions) is not list or not (
            set(map(type, stored_suggestions)) <= {list}
            and set(map(type, itertools.chain.from_iterable(stored_suggestions))) <= {str}
        ):
            raise ValueError("bad suggestions")
        texts: list[str | None] = [None, *stored_texts]
        suggestion_lists = list(map(tuple, stored_suggestions))
        flat = _unpack(stored_templates, _TEMPLATE_WIDTH)
        if any(0 in flat[field::_TEMPLATE_WIDTH] for field in _TEXT_FIELDS):
            raise ValueError("bad template")  # a text no finding can do without is none
        try:  # a reference past the end of its table is an IndexError
            fixes = {
                ref: None if ref == 0 else Fix(str(texts[ref]))
                for ref in set(flat[_FIX_FIELD::_TEMPLATE_WIDTH])
            }
            return cls(
                [
                    (
                        texts[rule],
                        _SEVERITY_ORDER[severity],
                        texts[text],
                        texts[message],
                        texts[term],
                        suggestion_lists[suggestions],
                        fixes[fix],
                        texts[line_text],
                    )
                    for severity, rule, text, message, term, suggestions, fix, line_text in zip(
                        *[iter(flat)] * _TEMPLATE_WIDTH, strict=True
                    )
                ]
            )
        except IndexError:
            raise ValueError("bad template") from None

    def checked_entries(self, files: dict[str, Any]) -> dict[str, _Entry]:
        """The entries of a loaded file, each template number checked to name a
        template; else ValueError."""
        entries: dict[str, _Entry] = {}
        used: set[int] = set()
        for path, entry in files.items():
            if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not str:
                raise ValueError("bad entry")
            numbers = _unpack(entry[1], _WIDTH)
            used.update(numbers[_WIDTH - 1 :: _WIDTH])
            entries[path] = (entry[0], numbers)
        if used and max(used) >= len(self._templates):
            raise ValueError("no such template")
        return entries
