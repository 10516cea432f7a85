"""Regexes that only spell out a few words -> those words (importers turn them into terms).

Vale and textlint rule files write word lists as regexes: `(?:e-mail|Email)`,
`sign-?on`, `[Kk]ubelet`, `screen[- ]shot(s)?`. Such a regex matches a small finite set
of strings, and each of them can be a glossary form. This module expands the subset that
has that property — literals, escaped punctuation, groups, alternation, `?` and small
character classes — and gives up (None) on anything else: `.`, `*`, `+`, `{n}`, `\\w`,
anchors, look-arounds and back-references stay regexes (glossary `patterns`).
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_FORMS = 32
_META = set(".^$*+{}|()[]?\\")
_FLAG_PREFIX = "(?i)"


@dataclass(frozen=True, slots=True)
class Expansion:
    text: str
    groups: tuple[str | None, ...]  # capturing group 1, 2, ... (None when it took no part)


@dataclass(frozen=True, slots=True)
class Expanded:
    expansions: tuple[Expansion, ...]
    ignorecase: bool  # the regex started with `(?i)`

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item.text for item in self.expansions))


class _GiveUp(Exception):
    """The regex is not a finite word list (or spells too many words)."""


def expand(source: str) -> Expanded | None:
    """Every string `source` matches, when it is a short finite list; else None.

    A leading `(?i)` and a `\\b` at either end (word boundaries, which termlint's
    matching applies anyway) are accepted and dropped.
    """
    ignorecase = source.startswith(_FLAG_PREFIX)
    body = source.removeprefix(_FLAG_PREFIX)
    body = body.removeprefix("\\b")
    if body.endswith("\\b") and not body.endswith("\\\\b"):
        body = body[:-2]
    parser = _Parser(body)
    try:
        options = parser.parse()
    except _GiveUp:
        return None
    groups = parser.group_count
    expansions = tuple(
        Expansion(text, tuple(captured.get(number) for number in range(1, groups + 1)))
        for text, captured in options
    )
    return Expanded(expansions, ignorecase)


_Option = tuple[str, dict[int, str]]  # the text so far, and what each group captured


class _Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.position = 0
        self.group_count = 0

    def parse(self) -> list[_Option]:
        options = self._alternation()
        if self.position != len(self.source):
            raise _GiveUp  # an unbalanced ")"
        return options

    def _peek(self) -> str:
        return self.source[self.position] if self.position < len(self.source) else ""

    def _alternation(self) -> list[_Option]:
        options = self._sequence()
        while self._peek() == "|":
            self.position += 1
            options = _limit(options + self._sequence())
        return options

    def _sequence(self) -> list[_Option]:
        options: list[_Option] = [("", {})]
        while self._peek() not in ("", "|", ")"):
            atom = self._atom()
            if self._peek() == "?":
                self.position += 1
                if self._peek() == "?":  # lazy: matches the same strings
                    self.position += 1
                atom = [("", {}), *atom]  # the shorter string first: "shot" before "shots"
            if self._peek() in ("*", "+", "{"):
                raise _GiveUp
            options = _limit(
                [
                    (text + more, {**groups, **captured})
                    for text, groups in options
                    for more, captured in atom
                ]
            )
        return options

    def _atom(self) -> list[_Option]:
        char = self._peek()
        if char == "(":
            return self._group()
        if char == "[":
            return [(option, {}) for option in self._class()]
        if char == "\\":
            return [(self._escape(), {})]
        if char in _META:
            raise _GiveUp  # ".", "^", "$", a quantifier with nothing before it
        self.position += 1
        return [(char, {})]

    def _group(self) -> list[_Option]:
        self.position += 1
        number = None
        if self.source.startswith("?:", self.position):
            self.position += 2
        elif self._peek() == "?":
            raise _GiveUp  # look-arounds, named groups, inline flags
        else:
            self.group_count += 1
            number = self.group_count
        options = self._alternation()
        if self._peek() != ")":
            raise _GiveUp
        self.position += 1
        if number is None:
            return options
        return [(text, {**groups, number: text}) for text, groups in options]

    def _class(self) -> list[str]:
        self.position += 1
        if self._peek() == "^":
            raise _GiveUp
        chars: list[str] = []
        first = True
        while True:
            char = self._peek()
            if char == "":
                raise _GiveUp
            if char == "]" and not first:
                self.position += 1
                break
            first = False
            if char == "\\":
                chars.append(self._escape())
                continue
            self.position += 1
            if char == "-" and chars and self._peek() not in ("]", ""):
                raise _GiveUp  # a range such as a-z: too many strings
            chars.append(char)
        return list(dict.fromkeys(chars))

    def _escape(self) -> str:
        escaped = self.source[self.position + 1 : self.position + 2]
        self.position += 2
        if escaped == "s":
            return " "  # termlint matches any whitespace run where a form has a space
        if escaped and not escaped.isalnum() and escaped.isprintable():
            return escaped
        raise _GiveUp  # \w, \d, \b inside, back-references, control escapes


def _limit(options: list[_Option]) -> list[_Option]:
    if len(options) > MAX_FORMS:
        raise _GiveUp
    return options
