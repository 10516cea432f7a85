"""One Vale rule file (already parsed YAML) -> glossary records and notes.

Vale's rule kinds and what becomes of them (field names from Vale's rule reference):

- `substitution`: each `swap` pair goes through `substitution.convert_swap`, honouring
  `ignorecase` and `nonword`; a `swap` written as a list of one-key maps is merged.
- `existence`: `tokens` that spell out words become deprecated terms (forbidden for
  `level: error`), each with the rule's message; the others, and `raw`, become one
  pattern. `exceptions` are left out of the terms and guard the pattern.
- `conditional` (acronym defined on first use): when `first` lists the short forms
  and `second` spells out each one (`Amazon CloudWatch` for `CloudWatch`), each pair
  becomes an entry with an `abbreviation`; a generic acronym check is termlint's
  built-in undefined-term rule, and its `exceptions` become `allow` words.
- every other kind (capitalization, occurrence, repetition, spelling, metric, script,
  sequence, consistency, readability) has no glossary equivalent and is noted.

`level` error/warning/suggestion gives severity error/warning/info (a missing level
counts as suggestion, as in Vale); `link` becomes the entries' `see`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from termlint.glossary import Entry, Pattern, Status
from termlint.glossary_io.assembly import Imported, combine, note
from termlint.glossary_io.regex_forms import expand
from termlint.glossary_io.substitution import (
    SwapRule,
    convert_swap,
    is_bounded,
    kebab,
    vale_message,
)
from termlint.model import Severity

_LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "suggestion": Severity.INFO}
_PROSE_SCOPES = frozenset({"text", "paragraph", "sentence", "summary", "list", "table.cell"})


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What every kind of rule shares."""

    style: str  # "Google"
    name: str  # "WordList"
    origin: str  # "Google/WordList.yml"
    data: Mapping[str, Any]

    @property
    def tag(self) -> str:
        return f"{self.style}.{self.name}"

    @property
    def pattern_id(self) -> str:
        return f"{kebab(self.style)}-{kebab(self.name)}"

    @property
    def severity(self) -> Severity:
        return _LEVELS.get(str(self.data.get("level", "suggestion")).lower(), Severity.INFO)

    @property
    def status(self) -> Status:
        return Status.FORBIDDEN if self.severity is Severity.ERROR else Status.DEPRECATED

    @property
    def ignorecase(self) -> bool:
        return self.data.get("ignorecase") is True

    @property
    def nonword(self) -> bool:
        return self.data.get("nonword") is True

    @property
    def message(self) -> str:
        value = self.data.get("message")
        return value if isinstance(value, str) else ""

    @property
    def see(self) -> str | None:
        link = self.data.get("link")
        return link if isinstance(link, str) and link.startswith(("https://", "http://")) else None

    def strings(self, key: str) -> list[str]:
        """A list of strings (a single string counts as one), non-strings left out."""
        value = self.data.get(key)
        items = value if isinstance(value, list) else [] if value is None else [value]
        return [item for item in items if isinstance(item, str)]


def convert_rule(rule: RuleInfo) -> Imported:
    kind = rule.data.get("extends")
    converters = {
        "substitution": _substitution,
        "existence": _existence,
        "conditional": _conditional,
    }
    converter = converters.get(kind) if isinstance(kind, str) else None
    if converter is None:
        return Imported(
            notes=(note(rule.origin, f"skipped: Vale '{kind}' rules have no glossary equivalent"),)
        )
    converted = converter(rule)
    return combine([converted, Imported(notes=_scope_notes(rule))])


def _scope_notes(rule: RuleInfo) -> tuple[str, ...]:
    scope = rule.strings("scope")
    odd = [item for item in scope if item not in _PROSE_SCOPES]
    if not odd:
        return ()
    shown = ", ".join(odd)
    return (note(rule.origin, f"scope {shown} is not supported: the rule applies to all prose"),)


# --- substitution ----------------------------------------------------------------------------


def _substitution(rule: RuleInfo) -> Imported:
    swap = rule.data.get("swap")
    pairs: list[tuple[Any, Any]] = []
    if isinstance(swap, Mapping):
        pairs = list(swap.items())
    elif isinstance(swap, list):  # a list of one-key maps (Vale merges them)
        for item in swap:
            if isinstance(item, Mapping):
                pairs.extend(item.items())
    parts: list[Imported] = []
    if not pairs:
        parts.append(Imported(notes=(note(rule.origin, "skipped: the rule has no 'swap' map"),)))
    for key, value in pairs:
        if not isinstance(key, str | int | float) or isinstance(value, Mapping | list):
            parts.append(Imported(notes=(note(rule.origin, f"skipped swap {key!r}: not text"),)))
            continue
        parts.append(
            convert_swap(
                SwapRule(
                    key=str(key),
                    replacement="" if value is None else str(value),
                    ignorecase=rule.ignorecase,
                    status=rule.status,
                    severity=rule.severity,
                    origin=rule.origin,
                    pattern_id=rule.pattern_id,
                    nonword=rule.nonword,
                    message=rule.message,
                    see=rule.see,
                    tag=rule.tag,
                )
            )
        )
    if rule.strings("exceptions"):
        parts.append(
            Imported(notes=(note(rule.origin, "the rule's 'exceptions' are not converted"),))
        )
    return combine(parts)


# --- existence -------------------------------------------------------------------------------


def _existence(rule: RuleInfo) -> Imported:
    tokens_value = rule.data.get("tokens")
    tokens_list = tokens_value if isinstance(tokens_value, list) else [tokens_value]
    notes = [
        note(rule.origin, f"skipped token {token!r}: not text")
        for token in tokens_list
        if token is not None and not isinstance(token, str)
    ]
    tokens = [token.strip() for token in rule.strings("tokens") if token.strip()]
    raw = rule.strings("raw")
    exceptions = rule.strings("exceptions")
    if raw:
        return Imported(
            patterns=(_existence_pattern(rule, tokens, raw, exceptions),), notes=tuple(notes)
        )
    entries: list[Entry] = []
    left: list[str] = []
    for token in tokens:
        forms = _word_forms(token, rule.ignorecase)
        if forms is None or (rule.nonword and not is_bounded(token)):
            left.append(token)
            continue
        entries.extend(
            Entry(
                term=form,
                status=rule.status,
                message=vale_message(rule.message, [[form]]) or None,
                see=rule.see,
                tags=(rule.tag,),
                is_case_sensitive=False,
                origin=rule.origin,
            )
            for form in forms
            if form not in exceptions
        )
    if not tokens:
        notes.append(note(rule.origin, "skipped: the rule has no 'tokens'"))
    patterns = (_existence_pattern(rule, left, [], exceptions),) if left else ()
    return Imported(entries=tuple(entries), patterns=patterns, notes=tuple(notes))


def _word_forms(token: str, ignorecase: bool) -> list[str] | None:
    """The words a token spells out, when each can be a case-insensitive term."""
    expanded = expand(token)
    if expanded is None:
        return None
    forms = list(expanded.texts)
    if not all(form == form.strip() and any(char.isalnum() for char in form) for form in forms):
        return None
    if not (ignorecase or expanded.ignorecase) and any(c.isupper() for f in forms for c in f):
        return None  # a case-sensitive capitalised word: only a pattern can keep that
    return [form for form in forms if not any(form in (f + "s", f + "es") for f in forms)]


def _existence_pattern(
    rule: RuleInfo, tokens: list[str], raw: list[str], exceptions: list[str]
) -> Pattern:
    """Vale's own assembly: `raw` verbatim, tokens as one bounded alternation."""
    boundary = "" if rule.nonword else "\\b"
    guard = ""
    if exceptions:
        guard = "(?!(?:" + "|".join(exceptions) + f"){boundary})"
    alternation = ""
    if tokens:
        alternation = f"{boundary}{guard}(?:{'|'.join(tokens)}){boundary}"
        guard = ""
    joined = "".join(raw)
    source = joined + alternation if rule.data.get("append") is True else alternation + joined
    source = guard + source
    message = vale_message(rule.message, [None]) or "Avoid this wording."
    if rule.see:
        message += f" See {rule.see}"
    return Pattern(
        id=rule.pattern_id,
        regex=source,
        message=message,
        severity=rule.severity,
        ignorecase=rule.ignorecase,
        origin=rule.origin,
    )


# --- conditional -----------------------------------------------------------------------------


def _conditional(rule: RuleInfo) -> Imported:
    first = rule.data.get("first")
    second = rule.data.get("second")
    allow, notes = _allowed_words(rule, rule.strings("exceptions"))
    short = expand(first) if isinstance(first, str) else None
    if short is None:
        notes.append(
            note(
                rule.origin,
                "a generic acronym check is termlint's built-in undefined-term rule;"
                f" its {len(allow)} exceptions were added to 'allow'",
            )
        )
        return Imported(allow=tuple(allow), notes=tuple(notes))
    spelled = expand(second) if isinstance(second, str) else None
    entries: list[Entry] = []
    for form in short.texts:
        longer = [text for text in (spelled.texts if spelled else ()) if _holds(text, form)]
        if len(longer) != 1:
            notes.append(
                note(rule.origin, f"skipped {form!r}: no single spelled-out form in 'second'")
            )
            continue
        entries.append(
            Entry(
                term=longer[0],
                abbreviation=form,
                see=rule.see,
                tags=(rule.tag,),
                is_case_sensitive=any(char.isupper() for char in longer[0]),
                origin=rule.origin,
            )
        )
    return Imported(entries=tuple(entries), allow=tuple(allow), notes=tuple(notes))


def _holds(text: str, word: str) -> bool:
    return text != word and regex.search(rf"(?<!\w){regex.escape(word)}(?!\w)", text) is not None


def _allowed_words(rule: RuleInfo, words: list[str]) -> tuple[list[str], list[str]]:
    allow: list[str] = []
    notes: list[str] = []
    for word in words:
        expanded = expand(word)
        if expanded is None:
            notes.append(note(rule.origin, f"skipped exception {word!r}: not a word list"))
            continue
        allow.extend(expanded.texts)
    return allow, notes
