"""Import Vale styles: a styles folder (walked) or one rule file -> glossary records.

Rule files are the `.yml`/`.yaml` files holding an `extends` key (see `vale_rules`); the
style is the folder a rule file sits in. Vocabularies are `accept.txt` and `reject.txt`
files (`config/vocabularies/<Name>/` in Vale 3, `Vocab/<Name>/` in Vale 2): accepted
words go to `allow`, rejected ones become forbidden terms (Vale reports them as errors).
Hidden files and folders are skipped, as Vale's own fixtures keep their configs there.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from termlint.errors import UsageError
from termlint.glossary import Entry, Pattern, Status
from termlint.glossary_io.assembly import Imported, combine, note
from termlint.glossary_io.regex_forms import expand
from termlint.glossary_io.substitution import kebab
from termlint.glossary_io.vale_rules import RuleInfo, convert_rule
from termlint.model import Severity
from termlint.yaml_nodes import LIBYAML_DEPTH_LIMIT, MAX_DEPTH

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_RULE_SUFFIXES = (".yml", ".yaml")
_VOCABULARY_FILES = ("accept.txt", "reject.txt")
_LITERAL_DOT = re.compile(r"(?<=[\w ])\.(?=\w)")


def read_vale(path: Path, shown: str) -> Imported:
    """Every rule and vocabulary under `path` (a folder or one file); `shown` names it."""
    if path.is_dir():
        files = _walk(path)
        root = path
    elif path.is_file():
        files = [path]
        root = path.parent
    else:
        raise UsageError(f"{shown}: no such file or folder")
    parts = [_read_file(file, file.relative_to(root).as_posix()) for file in files]
    return combine(parts)


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            if name.endswith(_RULE_SUFFIXES) or name in _VOCABULARY_FILES:
                found.append(Path(folder, name))
    return found


def _read_file(path: Path, origin: str) -> Imported:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not valid UTF-8"
        return Imported(notes=(note(origin, f"skipped: cannot read it ({reason})"),))
    if path.name in _VOCABULARY_FILES:
        return _vocabulary(text, origin, path.parent.name, is_accept=path.name == "accept.txt")
    try:
        if _nesting(text) > MAX_DEPTH:
            problem = f"nested more than {MAX_DEPTH} levels deep"
            return Imported(notes=(note(origin, f"skipped: not valid YAML ({problem})"),))
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        problem = str(error).splitlines()[0]
        return Imported(notes=(note(origin, f"skipped: not valid YAML ({problem})"),))
    if not isinstance(data, dict) or "extends" not in data:
        return Imported(notes=(note(origin, "skipped: not a Vale rule (no 'extends')"),))
    style = path.parent.name
    return convert_rule(RuleInfo(style=style, name=path.stem, origin=origin, data=data))


def _nesting(text: str) -> int:
    """How deep the YAML's collections nest, up to one level past MAX_DEPTH: libyaml's
    node builder recurses in C, and tens of thousands of levels crash it."""
    depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
                if depth > MAX_DEPTH:
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        # libyaml's own limit (PyYAML 6.0.4 and later), met while it reads ahead
        if (error.problem or "").startswith(LIBYAML_DEPTH_LIMIT):
            return MAX_DEPTH + 1
        raise
    return deepest


def vocabulary_lines(text: str) -> list[str]:
    """Vale's reading: trimmed lines; blank ones and `# ` comments skipped."""
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("# ")]


def _vocabulary(text: str, origin: str, name: str, *, is_accept: bool) -> Imported:
    allow: list[str] = []
    entries: list[Entry] = []
    left: list[str] = []
    notes: list[str] = []
    for line in vocabulary_lines(text):
        # A dot between letters ("Node.js") is meant literally; reading it so keeps the word.
        expanded = expand(_LITERAL_DOT.sub(r"\\.", line) if is_accept else line)
        words = list(expanded.texts) if expanded else []
        if not words or not all(any(char.isalnum() for char in word) for word in words):
            if is_accept:
                notes.append(note(origin, f"skipped accepted {line!r}: not a word list"))
            else:
                left.append(line)
            continue
        if is_accept:
            allow.extend(words)
            continue
        entries.extend(
            Entry(
                term=word,
                status=Status.FORBIDDEN,
                tags=(f"Vale.Avoid.{name}",),
                is_case_sensitive=False,
                origin=origin,
            )
            for word in words
        )
    patterns: tuple[Pattern, ...] = ()
    if left:  # rejected regexes: Vale.Avoid is a case-sensitive existence rule
        patterns = (
            Pattern(
                id=f"vale-avoid-{kebab(name)}",
                regex="\\b(?:" + "|".join(left) + ")\\b",
                message=f"Avoid this word (rejected by the {name} vocabulary).",
                severity=Severity.ERROR,
                origin=origin,
            ),
        )
    return Imported(
        entries=tuple(entries), allow=tuple(allow), patterns=patterns, notes=tuple(notes)
    )
