"""What every command that reads documents sets up: config, glossary, settings."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termlint import packs
from termlint.cache import cache_folder
from termlint.config import Config, resolve_config
from termlint.glossary import Glossary, load_glossaries
from termlint.rule_ids import CHECK_IDS, PATTERN, PIPELINE_RULES, UNKNOWN_DIRECTIVE

if TYPE_CHECKING:
    from termlint.checks.base import LintSettings


@dataclass(frozen=True)
class Session:
    cwd: Path
    config: Config
    glossary: Glossary
    # stands for the merged glossary in the results cache's key when known (its sources'
    # bytes and termlint's code): cheaper than the glossary's repr
    glossary_key: str | None = None

    @functools.cached_property
    def settings(self) -> LintSettings:
        """The compiled glossary and config, built on first use (a run served entirely
        from the results cache never needs them)."""
        from termlint.lint import build_settings  # not imported by a fully cached run

        return build_settings(self.glossary, self.config)

    @property
    def known_rules(self) -> frozenset[str]:
        """Every rule id a config or --select may name: built-in checks and patterns."""
        ids = {check_id for check_id in CHECK_IDS if check_id != PATTERN}
        ids.update(PIPELINE_RULES)
        ids.add(UNKNOWN_DIRECTIVE)
        ids.update(pattern.id for pattern in self.glossary.patterns)
        return frozenset(ids)


def glossary_sources(config: Config, extra: Sequence[Path]) -> list[str]:
    """SPEC §1: the config's list (or every built-in pack), then --glossary files."""
    if config.glossary is None:
        sources = [f"builtin:{name}" for name in packs.names()]
    else:
        sources = list(config.glossary)
    sources.extend(str(path) for path in extra)
    return [_shown(source) for source in sources]


def _shown(source: str) -> str:
    """A glossary path as errors and `explain` show it: relative to the current folder."""
    if source.startswith("builtin:") or not os.path.isabs(source):
        return source
    relative = os.path.relpath(source)
    return source if relative.startswith(".." + os.sep + "..") else relative


def open_session(
    cwd: Path,
    config_path: Path | None,
    glossaries: Sequence[Path],
    *,
    cache_warn: Callable[[str], None] | None = None,
) -> Session:
    """The config and merged glossary; with `cache_warn`, both are served from (and
    stored in) the config and compiled-glossary caches, whose problems go to `cache_warn`."""
    if cache_warn is None:
        config = resolve_config(cwd, config_path)
        glossary = load_glossaries(glossary_sources(config, [cwd / path for path in glossaries]))
        return Session(cwd=cwd, config=config, glossary=glossary)
    from termlint.config_cache import resolve_config_cached
    from termlint.discover import display_path
    from termlint.glossary_cache import GLOSSARY_FILE, load_glossaries_cached

    config = resolve_config_cached(cwd, config_path, cache_warn)
    sources = glossary_sources(config, [cwd / path for path in glossaries])
    folder = cache_folder(config.path, cwd)
    shown = display_path(folder / GLOSSARY_FILE, cwd)
    glossary, key = load_glossaries_cached(sources, folder, cache_warn, shown=shown)
    return Session(cwd=cwd, config=config, glossary=glossary, glossary_key=key)
