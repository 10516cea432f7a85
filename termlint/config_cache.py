"""The config cache: a validated Config kept as JSON beside the results cache.

Validating a config takes PyYAML, whose import alone is a tenth of a one-file pre-commit
run. A Config is a pure function of the config file's bytes, of where the file is (its
relative paths start from its folder) and of termlint's own code, so it is stored under
a key made of exactly those, and read back as plain JSON when the key matches. Only a
config that loaded without error is stored: a bad config is read (and reported) from its
text on every run. The file is read as untrusted data (cache_files.py): every field is
checked for its type and closed sets of values, and anything else makes it a miss.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from termlint.cache import cache_folder, run_key
from termlint.cache_files import (
    json_list,
    json_string,
    json_strings,
    keyed_file,
    read_keyed,
    write_keyed,
)
from termlint.config import (
    SEVERITY_VALUES,
    Config,
    JargonSettings,
    Override,
    locate_config,
    parse_config,
    read_config,
)
from termlint.discover import display_path

KIND = "config"
FORMAT = 1


def resolve_config_cached(cwd: Path, explicit: Path | None, warn: Callable[[str], None]) -> Config:
    """`resolve_config(cwd, explicit)`, served from the cache beside the config file
    while its bytes are unchanged; the cache's problems go to `warn`."""
    located = locate_config(cwd, explicit)
    if located is None:
        return Config(root=cwd.absolute())
    path, shown = located
    data = read_config(path, shown)
    key = run_key(KIND, FORMAT, str(path), hashlib.sha256(data).hexdigest())
    folder = cache_folder(path, cwd)
    shown_file = display_path(keyed_file(folder, KIND), cwd)
    stored = read_keyed(folder, KIND, FORMAT, key, decode, warn, shown_file)
    if stored is not None:
        return stored
    config = parse_config(data, path, shown)  # raises on a bad config: nothing is stored
    write_keyed(folder, KIND, FORMAT, key, encode(config))
    return config


# --- Config <-> JSON ---------------------------------------------------------------------


def encode(config: Config) -> dict[str, Any]:
    jargon = config.jargon
    return {
        "root": str(config.root),
        "path": _encode_path(config.path),
        "glossary": None if config.glossary is None else list(config.glossary),
        "include": list(config.include),
        "exclude": list(config.exclude),
        "rules": [list(rule) for rule in config.rules],
        "jargon": [list(jargon.allow), jargon.ops_suffix, jargon.acronyms, jargon.camel_case],
        "baseline": _encode_path(config.baseline),
        "overrides": [
            [list(override.files), [list(rule) for rule in override.rules]]
            for override in config.overrides
        ],
    }


def decode(data: Any) -> Config:
    """The config `encode` stored; ValueError (or a lookup error) if it has another shape."""
    if type(data) is not dict:
        raise ValueError("the config is not a mapping")
    allow, ops_suffix, acronyms, camel_case = json_list(data["jargon"], 4)
    if not {type(ops_suffix), type(acronyms), type(camel_case)} <= {bool}:
        raise ValueError("a jargon switch is not a boolean")
    glossary = data["glossary"]
    return Config(
        root=Path(json_string(data["root"])),
        path=_decode_path(data["path"]),
        glossary=None if glossary is None else json_strings(glossary),
        include=json_strings(data["include"]),
        exclude=json_strings(data["exclude"]),
        rules=_rules(data["rules"]),
        jargon=JargonSettings(
            allow=json_strings(allow),
            ops_suffix=ops_suffix,
            acronyms=acronyms,
            camel_case=camel_case,
        ),
        baseline=_decode_path(data["baseline"]),
        overrides=tuple(
            Override(files=json_strings(files), rules=_rules(rules))
            for files, rules in (json_list(item, 2) for item in json_list(data["overrides"]))
        ),
    )


def _encode_path(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _decode_path(value: Any) -> Path | None:
    return None if value is None else Path(json_string(value))


def _rules(value: Any) -> tuple[tuple[str, str], ...]:
    rules = []
    for item in json_list(value):
        rule, severity = json_list(item, 2)
        if severity not in SEVERITY_VALUES:
            raise ValueError("a rule's severity is not one of the known ones")
        rules.append((json_string(rule), json_string(severity)))
    return tuple(rules)
