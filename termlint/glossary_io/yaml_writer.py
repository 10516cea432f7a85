"""Glossary -> glossary-file YAML that reads well and loads back as the same records."""

from __future__ import annotations

from typing import Any

import yaml

from termlint.glossary import Glossary
from termlint.glossary_io.fields import glossary_fields

ENTRY_START = "  - term: "  # how each entry's first line starts (assembly finds entries by it)
PATTERN_START = "  - id: "


try:
    from yaml import CSafeDumper as _BaseDumper
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]


class _Dumper(_BaseDumper):
    """Mappings in block style; lists in flow style when they hold plain values only."""


def _represent_list(dumper: _Dumper, data: list[Any]) -> yaml.Node:
    is_flat = not any(isinstance(item, list | dict) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=is_flat)


def _represent_dict(dumper: _Dumper, data: dict[Any, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(dict, _represent_dict)


def render_yaml(glossary: Glossary, header: str = "") -> str:
    """The glossary as YAML; `header` lines become comments at the top."""
    body = dump(glossary_fields(glossary))
    # A blank line between entries and between patterns, as in the built-in packs.
    lines = body.splitlines(keepends=True)
    spaced: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else ""
        if line.startswith((ENTRY_START, PATTERN_START)) and previous.startswith(" "):
            spaced.append("\n")
        elif line[:1].isalpha() and index and not previous.startswith("version:"):
            spaced.append("\n")  # a blank line before `allow:` and `patterns:`
        spaced.append(line)
    comments = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comments + "".join(spaced)


def dump(data: Any) -> str:
    """YAML for plain data: block mappings, lists of plain values in flow style.

    Block lists come out flush with their key; they are indented under it afterwards,
    as people write them (`terms:` then `  - term:`). Every line below a top-level key
    moves by the same two spaces, which changes no value.
    """
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return "".join(
        "  " + line if line.startswith(("-", " ")) else line
        for line in text.splitlines(keepends=True)
    )


def scalar(text: str) -> str:
    """`text` as one inline YAML scalar: plain where that reads back unchanged, else in
    double quotes (PyYAML decides which strings need quoting)."""
    emitted = _emit_scalar(text, style=None)
    if emitted.startswith(("'", '"')):
        emitted = _emit_scalar(text, style='"')
    return emitted


def _emit_scalar(text: str, style: str | None) -> str:
    emitted = yaml.safe_dump(
        text, allow_unicode=True, width=1 << 20, default_flow_style=True, default_style=style
    )
    return emitted.removesuffix("...\n").rstrip("\n")
