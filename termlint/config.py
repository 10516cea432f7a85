"""Configuration: discovery (.termlint.yaml, then [tool.termlint]) and validation -> Config."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import yaml

from termlint.errors import ConfigError
from termlint.yaml_nodes import BOOL_TAG, INT_TAG, STR_TAG, NodeReader, describe, is_null

DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.mdx", "**/*.txt", "**/*.text")
SEVERITY_VALUES = ("error", "warning", "info", "off")


@dataclass(frozen=True, slots=True)
class JargonSettings:
    allow: tuple[str, ...] = ()
    ops_suffix: bool = True  # InfraOps, FinOps, DevSecOps
    acronyms: bool = True  # KTLO, SRE
    camel_case: bool = False  # opt-in: ServiceMesh


@dataclass(frozen=True, slots=True)
class Override:
    files: tuple[str, ...]
    rules: tuple[tuple[str, str], ...]  # (rule id, severity or "off"), in file order


@dataclass(frozen=True, slots=True)
class Config:
    root: Path  # the folder the config's relative paths and globs start from
    path: Path | None = None  # the config file, None when no config was found
    glossary: tuple[str, ...] | None = None  # absolute paths or "builtin:NAME"; None = all packs
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    rules: tuple[tuple[str, str], ...] = ()
    jargon: JargonSettings = field(default_factory=JargonSettings)
    baseline: Path | None = None
    overrides: tuple[Override, ...] = ()


CONFIG_NAME = ".termlint.yaml"
PYPROJECT_NAME = "pyproject.toml"
BUILTIN_PREFIX = "builtin:"

TOP_KEYS = ("glossary", "include", "exclude", "rules", "jargon", "baseline", "overrides")
JARGON_KEYS = ("allow", "patterns")
JARGON_PATTERNS = {"ops-suffix": "ops_suffix", "acronyms": "acronyms", "camel-case": "camel_case"}
OVERRIDE_KEYS = ("files", "rules")

_TOML_AT = re.compile(r"(?P<message>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)")


def find_config(start: Path) -> Path | None:
    """The nearest `.termlint.yaml`, or `pyproject.toml` with `[tool.termlint]`, from `start` up."""
    start = start.absolute()
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if _is_file(candidate):
            return candidate
        candidate = folder / PYPROJECT_NAME
        # SPEC §6: a pyproject.toml without the table does not stop the search.
        if _is_file(candidate) and _has_termlint_table(candidate, _shown(candidate, start)):
            return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate one config: YAML, or the `[tool.termlint]` table of a .toml file."""
    return _load(path, str(path))


def resolve_config(cwd: Path, explicit: Path | None) -> Config:
    """The run's config: `--config` when given, else the discovered one, else defaults."""
    cwd = cwd.absolute()
    if explicit is not None:
        return _load(cwd / explicit, str(explicit))
    found = find_config(cwd)
    if found is None:
        return Config(root=cwd)
    return _load(found, _shown(found, cwd))


class _TomlReader(NodeReader):
    """tomllib keeps no positions: errors name the file and the dotted key only."""

    def fail(self, at: object, message: str) -> NoReturn:
        raise self.error(f"[tool.termlint] {message}", path=self.name)


def _load(path: Path, shown: str) -> Config:
    path = Path(os.path.normpath(path.absolute()))
    text = _read(path, shown)
    reader: NodeReader
    node: yaml.Node | None
    if path.suffix == ".toml":
        table = _termlint_table(_parse_toml(text, shown))
        if table is None:
            raise ConfigError("no [tool.termlint] table", path=shown)
        reader, node = _TomlReader(shown, ConfigError), _to_node(table)
    else:
        reader = NodeReader(shown, ConfigError)
        node = reader.compose(text)
    return _build(reader, node, path)


def _read(path: Path, shown: str) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError("config file not found", path=shown) from None
    except IsADirectoryError:
        raise ConfigError("config path is a folder, not a file", path=shown) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror}", path=shown) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("config file is not valid UTF-8", path=shown) from None


def _parse_toml(text: str, shown: str) -> dict[str, Any]:
    import tomllib  # only a pyproject.toml config needs it (startup time)

    try:
        return tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError("invalid TOML: nested too deeply", path=shown) from None
    except tomllib.TOMLDecodeError as exc:
        found = _TOML_AT.fullmatch(str(exc))
        if found is None:
            raise ConfigError(f"invalid TOML: {exc}", path=shown) from None
        line, column = int(found["line"]), int(found["column"])
        message = f"invalid TOML: {found['message']}"
        raise ConfigError(message, path=shown, line=line, column=column) from None


def _termlint_table(data: dict[str, Any]) -> Any:
    tool = data.get("tool")
    return tool.get("termlint") if isinstance(tool, dict) else None


def _has_termlint_table(path: Path, shown: str) -> bool:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    if "termlint" not in text:
        return False
    # A broken pyproject.toml that mentions termlint is an error, not a silent fallback
    # to defaults; one that does not is somebody else's business.
    return _termlint_table(_parse_toml(text, shown)) is not None


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


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # e.g. a folder we may not look into
        return False


def _shown(path: Path, cwd: Path) -> str:
    """How messages name a discovered config: relative to the current folder."""
    try:
        return Path(os.path.relpath(path, cwd)).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)
