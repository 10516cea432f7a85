"""Built-in glossary packs: `builtin:NAME` -> the packaged rules/NAME.yaml.

The packs live in the repository's top-level `rules/` folder, which the wheel carries as
`termlint/rules` (pyproject's force-include); a source or editable checkout has only the
top-level folder.
"""

from __future__ import annotations

import functools
from pathlib import Path

from termlint.errors import GlossaryError

ACRONYMS_FILE = "common-acronyms.txt"


# The installed package's folder: a path rather than importlib.resources, whose import
# costs a tenth of a one-file run; termlint is always installed as files (never zipped).
PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    packaged = PACKAGE / "rules"
    if packaged.is_dir():
        return packaged
    return PACKAGE.parent / "rules"


def names() -> tuple[str, ...]:
    """The built-in pack names, sorted."""
    folder = rules_dir()
    if not folder.is_dir():
        return ()
    stems = (item.name[: -len(".yaml")] for item in folder.iterdir() if item.name.endswith(".yaml"))
    return tuple(sorted(stem for stem in stems if stem and not stem.startswith(".")))


def resolve(name: str) -> Path:
    """The pack file for `builtin:NAME`."""
    available = names()
    if name not in available:
        listed = ", ".join(available) or "none"
        raise GlossaryError(f"unknown built-in pack {name!r} (available: {listed})")
    return rules_dir() / f"{name}.yaml"


@functools.cache
def common_acronyms() -> frozenset[str]:
    """Acronyms so common that undefined-term never reports them (API, URL, ...)."""
    return frozenset(parse_word_list((rules_dir() / ACRONYMS_FILE).read_text(encoding="utf-8")))


def parse_word_list(text: str) -> list[str]:
    """One word a line; `#` starts a comment; blank lines are skipped."""
    words = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [word for word in words if word]
