"""Import textlint-rule-terminology term lists: a JSON (or JSONC) array.

Each item is either a string, the exact spelling of a term (the rule reports any other
casing: here a case-sensitive term), or a `[pattern, replacement]` pair (a JavaScript
regex matched case-insensitively; the replacement may use `$1` and may be a list),
which goes through `substitution.convert_swap`. As in the rule, a pattern that starts
with `(?<` or holds `(?=`/`(?!` is used without word boundaries around it.
"""

from __future__ import annotations

import json
from typing import Any

from termlint.errors import UsageError
from termlint.glossary import Entry, Status
from termlint.glossary_io.assembly import Imported, combine, note
from termlint.glossary_io.substitution import SwapRule, convert_swap
from termlint.model import Severity

PATTERN_ID = "textlint-terminology"


def read_textlint(text: str, shown: str) -> Imported:
    try:
        items = json.loads(strip_jsonc(text))
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{shown}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None
    except RecursionError:
        raise UsageError(f"{shown}: not valid JSON: nested too deeply") from None
    if not isinstance(items, list):
        raise UsageError(f"{shown}: expected a JSON array of terms")
    return combine(_item(item, f"{shown} item {number}") for number, item in enumerate(items, 1))


def _item(item: Any, origin: str) -> Imported:
    if isinstance(item, str):
        if not item.strip() or not any(char.isalnum() for char in item):
            return Imported(notes=(note(origin, f"skipped {item!r}: not a word"),))
        entry = Entry(term=item.strip(), is_case_sensitive=True, origin=origin)
        return Imported(entries=(entry,))
    if (
        isinstance(item, list)
        and len(item) == 2
        and isinstance(item[0], str)
        and (isinstance(item[1], str) or _is_string_list(item[1]))
    ):
        pattern, replacement = item
        if not all(char.isprintable() for char in pattern):
            return Imported(
                notes=(
                    note(
                        origin,
                        f"skipped {pattern!r}: it holds a control character (a JSON escape"
                        ' such as "\\b" where "\\\\b" was meant?)',
                    ),
                )
            )
        is_raw = pattern.startswith("(?<") or "(?=" in pattern or "(?!" in pattern
        replacements = replacement if isinstance(replacement, list) else [replacement]
        return convert_swap(
            SwapRule(
                key=pattern,
                replacement="|".join(replacements),
                ignorecase=True,
                status=Status.DEPRECATED,
                severity=Severity.WARNING,
                origin=origin,
                pattern_id=PATTERN_ID,
                nonword=is_raw,
            )
        )
    return Imported(notes=(note(origin, f"skipped {item!r}: not a string or a pair"),))


def _is_string_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def strip_jsonc(text: str) -> str:
    """JSON with `//` and `/* */` comments and trailing commas -> plain JSON.

    Comments become spaces of the same length, so error positions stay true.
    """
    out: list[str] = []
    index = 0
    in_string = False
    while index < len(text):
        char = text[index]
        if in_string:
            out.append(char)
            if char == "\\" and index + 1 < len(text):
                out.append(text[index + 1])
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
            out.append(char)
        elif text.startswith("//", index):
            end = text.find("\n", index)
            end = len(text) if end < 0 else end
            out.append(" " * (end - index))
            index = end
            continue
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            end = len(text) if end < 0 else end + 2
            out.append("".join(c if c == "\n" else " " for c in text[index:end]))
            index = end
            continue
        elif char in "]}":
            _drop_trailing_comma(out)
            out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _drop_trailing_comma(out: list[str]) -> None:
    for position in range(len(out) - 1, -1, -1):
        if out[position].isspace():
            continue
        if out[position] == ",":
            out[position] = " "
        return
