"""One "write X instead of Y" rule (a Vale swap pair, a textlint term pair) -> glossary records.

The rule's key is a regex and its replacement a text (`a|b` offers several). When the
key only spells out a few words (see `regex_forms`), each word becomes a glossary form,
so the glossary says what the rule means:

- every word is the replacement in another casing (`kb: KB`): the replacement becomes a
  case-sensitive term, whose wrong casings termlint reports (term-variant);
- every word is the replacement spelled another way (`e-mail: email`, differing only in
  case, spaces, hyphens or dots): the replacement becomes a term with those variants;
- otherwise each word becomes a deprecated (forbidden, for an error-level rule) term with
  the replacements as `replace_with`.

Anything else stays a regex, as a glossary pattern: a key that is a true regex, a
replacement with `$1` groups or markup, a case-sensitive rule (`ignorecase: false`) whose
words have capitals (termlint matches terms in any casing), and a rule whose replacement
is one of its own words in another casing (`ok|Okay: OK|okay`). Such a pattern skips a
match that already reads as a replacement, as Vale and textlint do.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from termlint.glossary import Entry, Pattern, Status
from termlint.glossary_io.assembly import Imported
from termlint.glossary_io.fields import default_case_sensitive
from termlint.glossary_io.regex_forms import Expanded, expand
from termlint.model import Severity

_GROUP_REFERENCE = re.compile(r"\$(\d+)|\$\{(\d+)\}")
_NOT_PLAIN = re.compile(r"[()\[\]{}\\$^*+?|]")
_SQUASHED = re.compile(r"[\s\-.'’]")
_PLACEHOLDER = re.compile(r"(['\"“‘`]?)%s(['\"”’`]?)")
_SLUG_LIMIT = 40
_ADVICE_WORDS = 5
_QUOTE_TRICK = re.compile(r"'\s*(?:,\s*)?(?:or\s+)?'")
_CONJUNCTION = re.compile(r"^(?:or|and)\s+")


@dataclass(frozen=True, slots=True)
class SwapRule:
    key: str  # a regex
    replacement: str  # as written: "a|b", "x$1", "" (delete)
    ignorecase: bool
    status: Status  # for the terms: deprecated, or forbidden
    severity: Severity  # for a pattern
    origin: str  # where the rule was read, for the report
    pattern_id: str  # the id a pattern gets, before its key's slug
    nonword: bool = False  # Vale: no word boundaries around the key
    message: str = ""  # Vale-style template: the first %s is the replacement
    see: str | None = None
    tag: str | None = None


def convert_swap(rule: SwapRule) -> Imported:
    expanded = expand(rule.key)
    if rule.nonword and not is_bounded(rule.key):
        expanded = None  # a match may start or end inside a word: only a regex can say so
    if is_advice(rule.replacement):
        return _advice(rule, expanded)
    replacements = split_replacements(rule.replacement)
    if expanded is None or replacements is None:
        return Imported(patterns=(swap_pattern(rule, replacements or []),))
    if _GROUP_REFERENCE.search(rule.replacement):
        return _convert_with_groups(rule, expanded, replacements)
    return _convert_forms(rule, expanded, list(expanded.texts), replacements)


def is_bounded(key: str) -> bool:
    """The key starts and ends with `\\b` itself (Vale's `nonword` leaves them to it)."""
    body = key.removeprefix("(?i)")
    return body.startswith("\\b") and body.endswith("\\b") and not body.endswith("\\\\b")


def is_advice(value: str) -> bool:
    """A replacement that is really a sentence of advice (`message: "%s"` rules)."""
    words = value.split()
    return (
        len(words) > _ADVICE_WORDS
        or '"' in value
        or (len(words) > 1 and value.rstrip().endswith((".", "!", "?")))
    )


def _advice(rule: SwapRule, expanded: Expanded | None) -> Imported:
    """Words to avoid, with the advice as their message (there is nothing to put instead)."""
    advice = " ".join(rule.replacement.split())
    forms = list(expanded.texts) if expanded is not None else []
    if forms:
        part = _deprecated(rule, expanded or Expanded((), False), forms, [])
        if not part.patterns:
            entries = tuple(dataclasses.replace(e, message=advice) for e in part.entries)
            return Imported(entries=entries)
    pattern = swap_pattern(dataclasses.replace(rule, message=advice), [])
    return Imported(patterns=(pattern,))


def split_replacements(value: str) -> list[str] | None:
    """`a|b`, `a, b or c` or Vale's quote trick `a', 'b` -> ["a", "b"]; None when a
    replacement is regex-like or markup."""
    parts = [part.strip() for part in value.split("|")]
    if len(parts) == 1 and _QUOTE_TRICK.search(value):
        parts = [part.strip(" '") for part in _QUOTE_TRICK.split(value)]
    elif len(parts) == 1 and "," in value:
        pieces = [_CONJUNCTION.sub("", piece.strip()) for piece in value.split(",")]
        if all(pieces) and all(len(piece.split()) <= 3 for piece in pieces):
            parts = pieces
    parts = [part.removesuffix("(s)") for part in parts if part]  # plurals carry over anyway
    if any(_NOT_PLAIN.search(_GROUP_REFERENCE.sub("", part)) for part in parts):
        return None
    return parts


def _convert_with_groups(rule: SwapRule, expanded: Expanded, replacements: list[str]) -> Imported:
    """`screen[- ]shot(s)?` -> `screenshot$1`: one conversion per filled-in replacement."""
    if len(replacements) != 1:
        return Imported(patterns=(swap_pattern(rule, replacements),))
    by_replacement: dict[str, list[str]] = {}
    for expansion in expanded.expansions:
        filled = _fill(replacements[0], expansion.groups)
        by_replacement.setdefault(filled, []).append(expansion.text)
    parts: list[Imported] = []
    for filled, forms in by_replacement.items():
        if _is_plural_group(filled, forms, by_replacement):
            continue  # "screenshots" <- "screen shots": termlint's plural matching covers it
        part = _convert_forms(rule, expanded, forms, [filled])
        if part.patterns:  # one part needs the regex: keep the whole rule as one
            return Imported(patterns=(swap_pattern(rule, replacements),))
        parts.append(part)
    return Imported(entries=tuple(entry for part in parts for entry in part.entries))


def _fill(template: str, groups: Sequence[str | None]) -> str:
    def group(reference: re.Match[str]) -> str:
        number = int(reference.group(1) or reference.group(2))
        return (groups[number - 1] or "") if number <= len(groups) else ""

    return _GROUP_REFERENCE.sub(group, template)


def _is_plural_group(filled: str, forms: list[str], groups: dict[str, list[str]]) -> bool:
    for ending in ("s", "es"):
        singular = groups.get(filled.removesuffix(ending)) if filled.endswith(ending) else None
        if singular and all(_plural_of(form, singular) for form in forms):
            return True
    return False


def _plural_of(form: str, singulars: Sequence[str]) -> bool:
    return any(form in (word + "s", word + "es") for word in singulars)


def _convert_forms(
    rule: SwapRule, expanded: Expanded, forms: list[str], replacements: list[str]
) -> Imported:
    forms = [form for form in forms if not _plural_of(form, forms)]
    if not all(_is_form(form) for form in forms) or not replacements:
        return _deprecated(rule, expanded, forms, replacements)
    if len(replacements) == 1:
        return _one_replacement(rule, expanded, forms, replacements[0])
    targets = {item.casefold() for item in replacements}
    if any(form.casefold() in targets and form not in replacements for form in forms):
        return Imported(patterns=(swap_pattern(rule, replacements),))  # a casing matters
    others = [form for form in forms if form not in replacements]  # the rest reads right
    return _deprecated(rule, expanded, others, replacements)


def _one_replacement(rule: SwapRule, expanded: Expanded, forms: list[str], target: str) -> Imported:
    """Other casings of the target make it case-sensitive; other spellings are its
    variants; other words are deprecated in its favour."""
    recased = any(form != target and form.casefold() == target.casefold() for form in forms)
    others = [form for form in forms if form.casefold() != target.casefold()]
    variants = [form for form in others if _squash(form) == _squash(target)]
    words = [form for form in others if _squash(form) != _squash(target)]
    deprecated = _deprecated(rule, expanded, words, [target]) if words else Imported()
    if deprecated.patterns:
        return deprecated
    if not (recased or variants):
        return deprecated
    entry = Entry(
        term=target,
        variants=tuple(variants),
        see=rule.see,
        tags=_tags(rule),
        is_case_sensitive=default_case_sensitive(target) or recased,
        origin=rule.origin,
    )
    return Imported(entries=(entry, *deprecated.entries))


def _deprecated(
    rule: SwapRule, expanded: Expanded, forms: list[str], replacements: list[str]
) -> Imported:
    """Each form as a deprecated (or forbidden) term, when termlint can match it as meant."""
    ignorecase = rule.ignorecase or expanded.ignorecase
    has_capitals = any(char.isupper() for form in forms for char in form)
    if not all(_is_form(form) for form in forms) or (has_capitals and not ignorecase):
        return Imported(patterns=(swap_pattern(rule, replacements),))
    entries = tuple(
        Entry(
            term=form,
            status=rule.status,
            replace_with=tuple(replacements),
            see=rule.see,
            tags=_tags(rule),
            is_case_sensitive=False,  # so a fix keeps the writer's capitalisation
            origin=rule.origin,
        )
        for form in forms
    )
    return Imported(entries=entries)


def _tags(rule: SwapRule) -> tuple[str, ...]:
    return (rule.tag,) if rule.tag else ()


def _is_form(text: str) -> bool:
    return text == text.strip() and any(char.isalnum() for char in text)


def _squash(text: str) -> str:
    return _SQUASHED.sub("", text.casefold())


# --- patterns ----------------------------------------------------------------------------------


def swap_pattern(rule: SwapRule, replacements: list[str]) -> Pattern:
    """The rule as a regex pattern, skipping text that already reads as a replacement."""
    guard = ""
    already = [item for item in replacements if _reads_as(rule, item)]
    if already and not _GROUP_REFERENCE.search(rule.replacement):
        alternatives = "|".join(regex.escape(item) for item in already)
        inner = f"(?-i:{alternatives})" if rule.ignorecase else f"(?:{alternatives})"
        guard = f"(?!{inner}{'' if rule.nonword else chr(92) + 'b'})"
    body = f"{guard}(?:{rule.key})"
    source = body if rule.nonword else f"\\b{body}\\b"
    shown = _shown_key(rule.key)
    message = vale_message(rule.message, [replacements, [shown] if shown else None])
    if not message:
        shown_replacements = [_GROUP_REFERENCE.sub("", item) for item in replacements]
        message = f"Use {_or_list(shown_replacements)} instead." if replacements else "Avoid this."
    if rule.see:
        message += f" See {rule.see}"
    return Pattern(
        id=f"{rule.pattern_id}-{slug(rule.key)}",
        regex=source,
        message=message,
        severity=rule.severity,
        ignorecase=rule.ignorecase,
        replace_with=tuple(replacements),
        origin=rule.origin,
    )


def _reads_as(rule: SwapRule, replacement: str) -> bool:
    """Whether the key can match exactly the replacement (in a plain sentence): then the
    pattern needs a guard, as Vale and textlint skip text that already reads right."""
    flags = (regex.IGNORECASE if rule.ignorecase else 0) | regex.VERSION0
    text = f"x {replacement} x"
    try:
        found = regex.finditer(rule.key, text, flags, timeout=0.1)
        return any(match.span() == (2, 2 + len(replacement)) for match in found)
    except (regex.error, ValueError, OverflowError, RecursionError, TimeoutError):
        return False


def _shown_key(key: str) -> str | None:
    expanded = expand(key)
    if expanded is not None and len(expanded.texts) == 1:
        return expanded.texts[0]
    return None


def slug(text: str) -> str:
    """A kebab-case name made of the text's letters and digits ("1" when it has none)."""
    words = re.findall(r"[a-z0-9]+", text.casefold().replace("'", ""))
    name = ""
    for word in words:
        candidate = f"{name}-{word}" if name else word
        if len(candidate) > _SLUG_LIMIT:
            break
        name = candidate
    return name or "1"


def kebab(name: str) -> str:
    """`WordList` -> `word-list`, `gitlab_base` -> `gitlab-base`."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", name)
    return "-".join(re.findall(r"[a-z0-9]+", spaced.lower())) or "rule"


def vale_message(template: str, fillers: Sequence[Sequence[str] | None]) -> str:
    """Fill a Vale message's `%s` placeholders in order (`$1` groups left out).

    A static glossary message cannot know the matched text, so a filler of None (or a
    placeholder with no filler left) reads "this", without the quotes around it.
    """
    pending = list(fillers)

    def fill(match: re.Match[str]) -> str:
        items = pending.pop(0) if pending else None
        items = [_GROUP_REFERENCE.sub("", item) for item in items or ()]
        opening, closing = match.group(1), match.group(2)
        if not items:
            return "this"
        if opening and closing:
            joiner = f"{closing}, {opening}"
            head = joiner.join(items[:-1])
            last = f"{head}{closing} or {opening}{items[-1]}" if head else items[-1]
            return f"{opening}{last}{closing}"
        return _or_list(items, quote="")

    message = " ".join(_PLACEHOLDER.sub(fill, template).split())
    return message[:1].upper() + message[1:] if message.startswith("this ") else message


def _or_list(items: Sequence[str], quote: str = '"') -> str:
    quoted = [f"{quote}{item}{quote}" for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}"
