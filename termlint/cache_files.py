"""One value kept under a key in `.termlint_cache/KIND.json`, beside the results cache:
the compiled glossary (`glossary.json`), the validated config (`config.json`).

The file lives in the user's folder, so it is read as untrusted data: JSON only, and
anything unexpected makes it a miss with a warning, never a crash (the caller's decoder
checks every field and raises ValueError, LookupError or TypeError). It is replaced
atomically. A file that cannot be read or written at all is only slower, and silent:
the results cache, in the same folder, already warns about a folder it cannot use.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from termlint.cache import GITIGNORE_TEXT
from termlint.source import read_file_bytes

Value = TypeVar("Value")


def keyed_file(folder: Path, kind: str) -> Path:
    return folder / f"{kind}.json"


def read_keyed(
    folder: Path,
    kind: str,
    format_number: int,
    key: str,
    decode: Callable[[Any], Value],
    warn: Callable[[str], None],
    shown: str,
) -> Value | None:
    """The value `write_keyed` stored for `kind`, made by `decode`; None when there is
    none or it has another format or key, and after a warning naming the file as `shown`
    when the file is not what `write_keyed` writes."""

    def corrupt(reason: str) -> None:
        warn(f"ignoring the corrupt cache {shown} ({reason}); reading the {kind} again")

    try:
        text = read_file_bytes(keyed_file(folder, kind)).decode("utf-8")
    except OSError:
        return None
    except UnicodeDecodeError as error:
        corrupt(str(error))
        return None
    try:
        payload = json.loads(text)
        if not isinstance(payload, dict):
            raise ValueError(f"not a {kind} cache")
        if payload.get("format") != format_number or payload.get("key") != key:
            return None  # another source or another termlint: load afresh
        return decode(payload[kind])
    except RecursionError:  # json recurses once per nesting level
        corrupt("nested too deeply")
        return None
    except (ValueError, LookupError, TypeError) as error:
        corrupt(str(error) or type(error).__name__)
        return None


def write_keyed(folder: Path, kind: str, format_number: int, key: str, value: Any) -> None:
    """Store the JSON `value` for `read_keyed`; a failure is silent."""
    payload = {"format": format_number, "key": key, kind: value}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    file = keyed_file(folder, kind)
    temporary = folder / f".{file.name}.{os.urandom(4).hex()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text(GITIGNORE_TEXT, encoding="utf-8")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, file)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


# --- shape checks for the decoders: a value of another shape raises ValueError ----------


def json_list(value: Any, length: int | None = None) -> list[Any]:
    if type(value) is not list or (length is not None and len(value) != length):
        raise ValueError("a list has an unexpected shape")
    return value


def json_string(value: Any) -> str:
    if type(value) is not str:
        raise ValueError("a text has an unexpected type")
    return value


def json_strings(value: Any) -> tuple[str, ...]:
    items = json_list(value)
    # by the set of the items' types: a glossary of 10,000 terms has 40,000 such lists
    if items and not _ONLY_STR.issuperset(map(type, items)):
        raise ValueError("a list of texts has an unexpected shape")
    return tuple(items)


_ONLY_STR = frozenset({str})
