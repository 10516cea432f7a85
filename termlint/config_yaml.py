"""A config's YAML (or the nodes of its TOML table) -> a validated Config (SPEC §6).

Every error names the config file, and for YAML the line and column of the offending key
or value. Imported only to read a config from its text: a run whose config is served from
the cache (config_cache.py) never imports PyYAML.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NoReturn

import yaml

from termlint.config import (
    BUILTIN_PREFIX,
    JARGON_KEYS,
    JARGON_PATTERNS,
    OVERRIDE_KEYS,
    SEVERITY_VALUES,
    TOP_KEYS,
    Config,
    JargonSettings,
    Override,
    parse_toml,
    termlint_table,
)
from termlint.errors import ConfigError
from termlint.yaml_nodes import BOOL_TAG, INT_TAG, STR_TAG, NodeReader, describe, is_null


def build_config(text: str, path: Path, shown: str) -> Config:
    """The config in `text`, read from `path` (absolute and normalised), named `shown`
    in errors: YAML, or the `[tool.termlint]` table of a .toml file."""
    reader: NodeReader
    node: yaml.Node | None
    if path.suffix == ".toml":
        table = termlint_table(parse_toml(text, shown))
        if table is None:
            raise ConfigError("no [tool.termlint] table", path=shown)
        reader, node = _TomlReader(shown, ConfigError), _to_node(table)
    else:
        reader = NodeReader(shown, ConfigError)
        node = reader.compose(text)
    return _build(reader, node, path)


class _TomlReader(NodeReader):
    """tomllib keeps no positions: errors name the file and the dotted key only."""

    def fail(self, at: object, message: str) -> NoReturn:
        raise self.error(f"[tool.termlint] {message}", path=self.name)


def _to_node(value: Any) -> yaml.Node:
    """A mark-less node tree for parsed TOML, so one validator serves YAML and TOML."""
    if isinstance(value, dict):
        pairs = [(yaml.ScalarNode(STR_TAG, key), _to_node(item)) for key, item in value.items()]
        return yaml.MappingNode("tag:yaml.org,2002:map", pairs)
    if isinstance(value, list):
        return yaml.SequenceNode("tag:yaml.org,2002:seq", [_to_node(item) for item in value])
    if isinstance(value, bool):
        return yaml.ScalarNode(BOOL_TAG, str(value).lower())
    if isinstance(value, str):
        return yaml.ScalarNode(STR_TAG, value)
    if isinstance(value, int):
        return yaml.ScalarNode(INT_TAG, str(value))
    if isinstance(value, float):
        return yaml.ScalarNode("tag:yaml.org,2002:float", str(value))
    return yaml.ScalarNode("tag:yaml.org,2002:timestamp", str(value))  # TOML dates and times


def _build(reader: NodeReader, node: yaml.Node | None, path: Path) -> Config:
    root = path.parent
    if node is None or is_null(node):
        return Config(root=root, path=path)  # an empty file: every default
    values: dict[str, Any] = {}
    for key, value in _fields(reader, node, "the config", TOP_KEYS).items():
        what = repr(key)
        if key == "glossary":
            values[key] = _glossary(reader, value, root)
        elif key in ("include", "exclude"):
            values[key] = _globs(reader, value, what)
        elif key == "rules":
            values[key] = _rules(reader, value, key)
        elif key == "jargon":
            values[key] = _jargon(reader, value)
        elif key == "baseline":
            values[key] = Path(os.path.normpath(root / _nonempty(reader, value, what)))
        else:
            values[key] = tuple(
                _override(reader, item, f"overrides[{index}]")
                for index, item in enumerate(reader.sequence(value, what))
            )
    return Config(root=root, path=path, **values)


def _fields(
    reader: NodeReader, node: yaml.Node, what: str, keys: tuple[str, ...], prefix: str = ""
) -> dict[str, yaml.Node]:
    """A mapping's values by key; a key left without a value is an error, not a default."""
    fields = {}
    for key, (_, value) in reader.mapping(node, what, keys).items():
        if is_null(value):
            reader.fail(value, f"{prefix + key!r} has no value")
        fields[key] = value
    return fields


def _nonempty(reader: NodeReader, node: yaml.Node, what: str) -> str:
    text = reader.string(node, what)
    if not text.strip():
        reader.fail(node, f"{what} is empty")
    return text


def _strings(reader: NodeReader, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
    """A list of non-empty strings with their nodes (one string counts as a list of one)."""
    pairs = reader.strings(node, what)
    for _, item in pairs:
        _nonempty(reader, item, f"an item of {what}")
    return pairs


def _glossary(reader: NodeReader, node: yaml.Node, root: Path) -> tuple[str, ...]:
    paths = []
    for name, item in _strings(reader, node, "'glossary'"):
        if not name.startswith(BUILTIN_PREFIX):
            paths.append(os.path.normpath(root / name))
        elif name[len(BUILTIN_PREFIX) :].strip():
            paths.append(name)  # kept verbatim: the packs module resolves it
        else:
            reader.fail(item, f"'glossary' item {name!r} names no built-in pack")
    return tuple(paths)


def _globs(reader: NodeReader, node: yaml.Node, what: str) -> tuple[str, ...]:
    from pathspec import GitIgnoreSpec  # imported only for a config with globs (startup)

    pairs = _strings(reader, node, what)
    for glob, item in pairs:
        try:
            GitIgnoreSpec.from_lines([glob])
        except ValueError:
            reader.fail(item, f"{what} holds an invalid glob: {glob!r}")
    return tuple(glob for glob, _ in pairs)


def _rules(reader: NodeReader, node: yaml.Node, where: str) -> tuple[tuple[str, str], ...]:
    """Rule id -> severity, in file order. Ids are not checked against the known rules
    here: pattern ids come from glossaries, which are loaded later."""
    if not isinstance(node, yaml.MappingNode):
        reader.fail(node, f"{where!r} must be a mapping, not {describe(node)}")
    rules: dict[str, str] = {}
    lines: dict[str, int] = {}  # rule id -> line of its key, for duplicates
    for key, value in node.value:
        rule = reader.string(key, f"a rule id in {where!r}")
        if not rule.strip():
            reader.fail(key, f"a rule id in {where!r} is empty")
        if rule in rules:  # only YAML can repeat a key; TOML refuses to parse
            reader.fail(key, f"duplicate key {rule!r} in {where!r} (first at line {lines[rule]})")
        lines[rule] = key.start_mark.line + 1 if key.start_mark else 0
        rules[rule] = _severity(reader, value, f"{where}.{rule}")
    return tuple(rules.items())


def _severity(reader: NodeReader, node: yaml.Node, where: str) -> str:
    # YAML 1.1 reads a bare `off` as false: judge a boolean by its text.
    if isinstance(node, yaml.ScalarNode) and node.tag in (STR_TAG, BOOL_TAG):
        if node.value in SEVERITY_VALUES:
            return str(node.value)
        got = repr(node.value)
    else:
        got = describe(node)
    reader.fail(node, f"{where}: expected one of {', '.join(SEVERITY_VALUES)}, got {got}")


def _jargon(reader: NodeReader, node: yaml.Node) -> JargonSettings:
    allow: tuple[str, ...] = ()
    switches: dict[str, bool] = {}
    for key, value in _fields(reader, node, "'jargon'", JARGON_KEYS, "jargon.").items():
        if key == "allow":
            allow = tuple(word for word, _ in _strings(reader, value, "'jargon.allow'"))
            continue
        patterns = _fields(
            reader, value, "'jargon.patterns'", tuple(JARGON_PATTERNS), "jargon.patterns."
        )
        for name, flag in patterns.items():
            switches[JARGON_PATTERNS[name]] = reader.boolean(flag, repr(f"jargon.patterns.{name}"))
    return JargonSettings(allow=allow, **switches)


def _override(reader: NodeReader, node: yaml.Node, where: str) -> Override:
    fields = _fields(reader, node, repr(where), OVERRIDE_KEYS, f"{where}.")
    for key in OVERRIDE_KEYS:
        if key not in fields:
            reader.fail(node, f"{where!r} has no {key!r}")
    files = _globs(reader, fields["files"], repr(f"{where}.files"))
    if not files:
        reader.fail(fields["files"], f"{where + '.files'!r} is empty")
    return Override(files=files, rules=_rules(reader, fields["rules"], f"{where}.rules"))
