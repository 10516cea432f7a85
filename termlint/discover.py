"""File selection (SPEC §3): expand the named paths into the files to check.

Walking a folder keeps files that match the config's `include` and not its `exclude`,
and skips hidden names, what `.gitignore` files ignore and symlinked folders. A file
named on the command line skips `include`, `.gitignore` and the hidden rule but still
obeys `exclude`, so a pre-commit hook, which names files, honours the config.

A folder named on the command line is walked even when it is hidden or git-ignored
itself (but not when `exclude` drops it); what lies inside still obeys every rule.

Globs are gitignore patterns relative to `config.root`. A file outside `config.root`
(say `termlint check ../other/a.md`) is matched by its path relative to the current
folder instead, so a slash-free pattern such as `CHANGELOG.md` still applies to it.

Ignore rules follow git's own algorithm: a folder is tested before it is entered and
never entered when ignored (its contents cannot be re-included), and a path is
decided by the last pattern that matches it *itself*, deeper `.gitignore` files
outranking shallower ones and `.git/info/exclude` ranking lowest. `exclude` is read
the same way. pathspec compiles the patterns; it would also report `docs/a.md` as
matched by `docs/`, which is true for git only because `docs` is never entered, so
such matches through a parent folder are told apart by pathspec's directory marker.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termlint.config import Config
from termlint.errors import UsageError

if TYPE_CHECKING:
    # imported where patterns are compiled: a pre-commit run that names a file and has
    # no `exclude` never needs pathspec (whose import costs a tenth of such a run)
    from pathspec import GitIgnoreSpec
    from pathspec.pattern import RegexPattern

GITIGNORE = ".gitignore"
_DIR_MARK = "ps_d"  # pathspec's regex group for "matched through a parent folder"
_SUFFIX_GLOB = re.compile(r"(?:\*\*/)?\*(\.[A-Za-z0-9_-]+)")  # `**/*.md`, `*.txt`


def display_path(path: Path | str, cwd: Path | str) -> str:
    """`path` relative to `cwd` with `/` separators (`../` for a file outside `cwd`)."""
    name = os.fspath(path)
    below = _relative_below(name, os.fspath(cwd))
    if below is not None:
        return below.replace(os.sep, "/")
    try:
        relative = os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        relative = str(path)
    return relative.replace(os.sep, "/")


def _relative_below(path: str, folder: str) -> str | None:
    """`relpath(path, folder)` by slicing, when both are absolute and normalised and
    `path` lies below `folder` (the usual case, and `relpath` costs ten times as much);
    else None."""
    prefix = _slice_prefix(folder)
    if prefix is None or not path.startswith(prefix) or os.path.normpath(path) != path:
        return None
    return path[len(prefix) :]


@functools.lru_cache(maxsize=8)
def _slice_prefix(folder: str) -> str | None:
    """What `_relative_below` cuts off paths below `folder`; None if it cannot."""
    if not os.path.isabs(folder) or os.path.normpath(folder) != folder:
        return None
    return folder if folder.endswith(os.sep) else folder + os.sep


def is_excluded(path: Path, config: Config, cwd: Path | None = None) -> bool:
    """Whether the config's `exclude` drops `path` (relative paths start at `cwd`)."""
    base = (cwd or Path.cwd()).absolute()
    full = os.path.normpath(base / path)
    return _Selector.of(config, base).is_excluded(full, is_dir=False, with_parents=True)


def iter_files(paths: Sequence[Path], config: Config, cwd: Path) -> Iterator[Path]:
    """Absolute paths of the files to check, each once, sorted by their display path."""
    for name in iter_file_names(paths, config, cwd):
        yield Path(name)


def iter_file_names(paths: Sequence[Path], config: Config, cwd: Path) -> Iterator[str]:
    """`iter_files` as normalised absolute path strings (making a Path object costs as
    much as reading a small file: a run served from the cache needs none)."""
    cwd = cwd.absolute()
    selector = _Selector.of(config, cwd)
    found: dict[str, None] = {}  # absolute paths, in order, each once
    for named in paths:
        full = os.path.normpath(cwd / named)
        if not os.path.exists(full):
            raise UsageError(f"path not found: {named}")
        if os.path.isdir(full):
            files: Iterable[str] = _walk(full, selector)
        elif _is_regular_file(full):
            excluded = selector.is_excluded(full, is_dir=False, with_parents=True)
            files = () if excluded else (full,)
        else:  # FIFOs, sockets, devices: never opened
            files = ()
        found.update(dict.fromkeys(files))
    folder = str(cwd)
    yield from sorted(found, key=lambda file: display_path(file, folder))


@dataclass(frozen=True, slots=True)
class _Layer:
    """The patterns of one ignore file, relative to `base` (a folder ending in a separator)."""

    base: str
    patterns: tuple[RegexPattern, ...]

    def decide(self, full: str, is_dir: bool) -> bool | None:
        return _decide(self.patterns, full[len(self.base) :].replace(os.sep, "/"), is_dir)


@dataclass(frozen=True)
class _Selector:
    """The config's include and exclude globs, ready to test absolute paths."""

    include_globs: tuple[str, ...]
    exclude: tuple[RegexPattern, ...]
    root: str
    cwd: str

    @classmethod
    def of(cls, config: Config, cwd: Path) -> _Selector:
        root = os.path.normpath(config.root.absolute())
        return cls(config.include, _compile(config.exclude), root, str(cwd))

    @functools.cached_property
    def include(self) -> GitIgnoreSpec:  # only a walk needs it: named files skip include
        from pathspec import GitIgnoreSpec

        return GitIgnoreSpec.from_lines(self.include_globs)

    def glob_path(self, full: str) -> str:
        """The path globs see: relative to the config's folder, else to the current one.

        `full` is absolute and normalised, so below the root a slice is its relative path."""
        root = self.root.rstrip(os.sep) + os.sep
        if full.startswith(root):
            return full[len(root) :].replace(os.sep, "/")
        if full == self.root:
            return os.path.relpath(full, self.root).replace(os.sep, "/")
        return display_path(full, self.cwd)

    def is_included(self, full: str) -> bool:
        # Include is a plain "does it match" test: `docs/` includes every file below docs.
        relative = self.glob_path(full)
        suffixes = self._include_suffixes
        if suffixes is not None:
            return relative.endswith(suffixes) or any(
                part.endswith(suffixes) for part in relative.split("/")[:-1]
            )
        regexes = self._positive_include_regexes
        if regexes is None:
            return bool(self.include.match_file(relative))
        return any(regex.search(relative) for regex in regexes)

    @functools.cached_property
    def _include_suffixes(self) -> tuple[str, ...] | None:
        """The suffixes when every include glob is `*.SUFFIX` or `**/*.SUFFIX`, as by
        default: a path is then included when one of its parts ends with one (what those
        globs mean), and pathspec is not even imported."""
        found = [_SUFFIX_GLOB.fullmatch(glob) for glob in self.include_globs]
        return tuple(match[1] for match in found if match) if all(found) else None

    @functools.cached_property
    def _positive_include_regexes(self) -> tuple[re.Pattern[str], ...] | None:
        """The include globs' regexes when none is negated (`!`), as usual: a path is then
        included exactly when one matches it, which costs a third of pathspec's own test
        (which also ranks the matches, to settle negations)."""
        patterns = [pattern for pattern in self.include.patterns if pattern.include is not None]
        if not all(pattern.include and pattern.regex is not None for pattern in patterns):
            return None
        return tuple(pattern.regex for pattern in patterns if pattern.regex is not None)

    def is_excluded(self, full: str, *, is_dir: bool, with_parents: bool = False) -> bool:
        if not self.exclude:
            return False
        relative = self.glob_path(full)
        parts = relative.split("/")
        if with_parents:  # as if walked down from the root: an excluded folder hides all
            for end in range(1, len(parts)):
                if parts[end - 1] not in (".", "..") and _decide(
                    self.exclude, "/".join(parts[:end]), True
                ):
                    return True
        return parts[-1] not in (".", "..") and bool(_decide(self.exclude, relative, is_dir))


def _walk(top: str, selector: _Selector) -> Iterator[str]:
    # The named folder itself is walked even when hidden (SPEC §3), but not when excluded.
    if selector.is_excluded(top, is_dir=True, with_parents=True):
        return
    stack = [(top, _outer_layers(top))]
    while stack:
        folder, layers = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # unreadable, vanished, or not a folder after all
            continue
        names = {entry.name for entry in entries}
        if ".git" in names and folder != top:  # a nested work tree: its own rules only
            layers = _repository_layers(folder)
        if GITIGNORE in names:
            layers = (*layers, *_read_layer(folder, os.path.join(folder, GITIGNORE)))
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)  # symlinked folders: not followed
                if not is_dir and not entry.is_file():  # FIFOs, sockets, devices, dangling
                    continue
            except OSError:  # e.g. a symlink loop
                continue
            full = entry.path
            if _is_ignored(layers, full, is_dir) or selector.is_excluded(full, is_dir=is_dir):
                continue
            if is_dir:
                stack.append((full, layers))
            elif selector.is_included(full):
                yield full


def _outer_layers(top: str) -> tuple[_Layer, ...]:
    """The ignore rules above `top`: from the work tree's root down to `top`'s parent."""
    worktree = top
    while not os.path.lexists(os.path.join(worktree, ".git")):
        parent = os.path.dirname(worktree)
        if parent == worktree:
            return ()  # outside a work tree only the walked folders' own files count
        worktree = parent
    layers = list(_repository_layers(worktree))
    chain = []
    folder = top
    while folder != worktree:
        folder = os.path.dirname(folder)
        chain.append(folder)
    for folder in reversed(chain):
        layers.extend(_read_layer(folder, os.path.join(folder, GITIGNORE)))
    return tuple(layers)


def _repository_layers(worktree: str) -> tuple[_Layer, ...]:
    """`.git/info/exclude`, found also when `.git` is a file (worktrees, submodules)."""
    git = os.path.join(worktree, ".git")
    if os.path.isfile(git):
        try:
            with open(git, encoding="utf-8") as handle:
                first = handle.readline().strip()
        except (OSError, UnicodeDecodeError):
            return ()
        if not first.startswith("gitdir:"):
            return ()
        git = os.path.join(worktree, first.removeprefix("gitdir:").strip())
        try:
            with open(os.path.join(git, "commondir"), encoding="utf-8") as handle:
                git = os.path.join(git, handle.readline().strip())
        except (OSError, UnicodeDecodeError):
            pass  # a submodule keeps its own info/exclude
    return _read_layer(worktree, os.path.join(git, "info", "exclude"))


def _read_layer(base: str, file: str) -> tuple[_Layer, ...]:
    try:
        with open(file, "rb") as handle:
            text = handle.read().decode("utf-8-sig", errors="replace")
    except OSError:
        return ()
    patterns = _compile(text.splitlines())
    if not patterns:
        return ()
    return (_Layer(base.rstrip(os.sep) + os.sep, patterns),)


def _compile(lines: Iterable[str]) -> tuple[RegexPattern, ...]:
    lines = list(lines)
    if not lines:
        return ()
    from pathspec import GitIgnoreSpec

    patterns: list[RegexPattern] = []
    for line in lines:
        try:
            compiled = GitIgnoreSpec.from_lines([line]).patterns
        except ValueError:  # git skips a pattern it cannot read, and so do we
            continue
        patterns.extend(p for p in compiled if p.include is not None and p.regex is not None)
    return tuple(patterns)


def _is_ignored(layers: Sequence[_Layer], full: str, is_dir: bool) -> bool:
    for layer in reversed(layers):  # the deepest file first; info/exclude comes last
        decision = layer.decide(full, is_dir)
        if decision is not None:
            return decision
    return False


def _decide(patterns: Sequence[RegexPattern], relative: str, is_dir: bool) -> bool | None:
    """The last pattern that matches `relative` itself: True to ignore, False for `!`."""
    for pattern in reversed(patterns):
        if _matches_itself(pattern.regex, relative, is_dir):
            return bool(pattern.include)
    return None


def _matches_itself(regex: re.Pattern[str] | None, relative: str, is_dir: bool) -> bool:
    if regex is None:
        return False
    found = regex.search(relative)
    if found is not None and not _through_parent(found):
        return True
    if not is_dir:
        return False
    # A folder also matches a folder-only pattern (`build/`): its marker then closes it.
    folder = relative + "/"
    return any(
        _through_parent(found) and found.end(_DIR_MARK) == len(folder)
        for found in regex.finditer(folder)
    )


def _through_parent(found: re.Match[str]) -> bool:
    return _DIR_MARK in found.re.groupindex and found.group(_DIR_MARK) is not None


def _is_regular_file(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
