"""Configuration: the Config records, discovery (.termlint.yaml, then [tool.termlint]), loading.

Validation lives in config_yaml.py and is imported only when a config is read from its
text: PyYAML's import is a tenth of a one-file run, which a config served from the cache
(config_cache.py) does without.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termlint.errors import ConfigError

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

_TOML_AT = r"(?P<message>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)"


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
    located = locate_config(cwd, explicit)
    if located is None:
        return Config(root=cwd.absolute())
    path, shown = located
    return parse_config(read_config(path, shown), path, shown)


def locate_config(cwd: Path, explicit: Path | None) -> tuple[Path, str] | None:
    """The run's config file (absolute and normalised) and how messages name it:
    `--config` when given, else the discovered one; None when there is none."""
    cwd = cwd.absolute()
    if explicit is not None:
        return _normalised(cwd / explicit), str(explicit)
    found = find_config(cwd)
    if found is None:
        return None
    return _normalised(found), _shown(found, cwd)


def read_config(path: Path, shown: str) -> bytes:
    """The config file's bytes; ConfigError when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ConfigError("config file not found", path=shown) from None
    except IsADirectoryError:
        raise ConfigError("config path is a folder, not a file", path=shown) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror}", path=shown) from None


def parse_config(data: bytes, path: Path, shown: str) -> Config:
    """Validate the config `data` read from `path` (see `locate_config`)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("config file is not valid UTF-8", path=shown) from None
    from termlint.config_yaml import build_config  # imports PyYAML (startup time)

    return build_config(text, path, shown)


def _load(path: Path, shown: str) -> Config:
    path = _normalised(path)
    return parse_config(read_config(path, shown), path, shown)


def _normalised(path: Path) -> Path:
    return Path(os.path.normpath(path.absolute()))


def parse_toml(text: str, shown: str) -> dict[str, Any]:
    """A TOML text; ConfigError (at its line and column when known) if it is not TOML."""
    import tomllib  # only a pyproject.toml config needs it (startup time)

    try:
        return tomllib.loads(text)
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError("invalid TOML: nested too deeply", path=shown) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.fullmatch(_TOML_AT, str(exc))
        if found is None:
            raise ConfigError(f"invalid TOML: {exc}", path=shown) from None
        line, column = int(found["line"]), int(found["column"])
        message = f"invalid TOML: {found['message']}"
        raise ConfigError(message, path=shown, line=line, column=column) from None


def termlint_table(data: dict[str, Any]) -> Any:
    """The `[tool.termlint]` table of a parsed pyproject.toml, None without one."""
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
    return termlint_table(parse_toml(text, shown)) is not None


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
