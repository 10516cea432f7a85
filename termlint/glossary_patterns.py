"""A glossary's `patterns` (SPEC §1, §4): YAML nodes -> validated Pattern records.

A pattern's regex is compiled here as the pattern check will compile it, so a bad regex
fails at load time; its `regex` and `replace_with` are kept exactly as written.
"""

from __future__ import annotations

import re

import yaml

from termlint.glossary import Pattern, fold_whitespace
from termlint.model import Severity
from termlint.yaml_nodes import Fields, NodeReader, field_value, is_null

PATTERN_KEYS = ("id", "regex", "message", "severity", "ignorecase", "replace_with")
# A pattern's id is a rule id too, so it must not shadow one of termlint's own.
RESERVED_RULE_IDS = frozenset(
    {
        "term-variant",
        "deprecated-term",
        "ambiguous-term",
        "acronym-first-use",
        "undefined-term",
        "read-error",
        "pattern-error",
        "unknown-directive",
    }
)
_KEBAB_CASE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def read_patterns(reader: NodeReader, node: yaml.Node | None) -> tuple[Pattern, ...]:
    if node is None:
        return ()
    patterns: list[Pattern] = []
    id_lines: dict[str, int] = {}
    for item in reader.sequence(node, "'patterns'"):
        with reader.skipping():
            patterns.append(_read_pattern(reader, item, id_lines))
    return tuple(patterns)


def _read_pattern(reader: NodeReader, item: yaml.Node, id_lines: dict[str, int]) -> Pattern:
    fields = reader.mapping(item, "pattern", PATTERN_KEYS)
    pattern_id = _required(reader, item, fields, "id")
    id_node = fields["id"][1]
    if not _KEBAB_CASE.fullmatch(pattern_id):
        reader.report(id_node, f"pattern id {pattern_id!r} must be kebab-case (like 'click-here')")
    if pattern_id in RESERVED_RULE_IDS:
        reader.report(id_node, f"pattern id {pattern_id!r} is the id of a built-in rule")
    if pattern_id in id_lines:
        first = id_lines[pattern_id]
        reader.report(id_node, f"duplicate pattern id {pattern_id!r} (first at line {first})")
    else:
        id_lines[pattern_id] = id_node.start_mark.line + 1
    source = _required(reader, item, fields, "regex", fold=False)
    ignorecase = False
    if (flag := field_value(fields, "ignorecase")) is not None:
        with reader.skipping():
            ignorecase = reader.boolean(flag, "'ignorecase'")
    with reader.skipping():
        _compile(reader, fields["regex"][1], pattern_id, source, ignorecase)
    message = _required(reader, item, fields, "message")
    replace_node = field_value(fields, "replace_with")
    replacements: list[tuple[str, yaml.Node]] = []
    if replace_node is not None:
        with reader.skipping():
            replacements = reader.strings(replace_node, "'replace_with'")
    severity = Severity.WARNING
    with reader.skipping():
        severity = _read_severity(reader, field_value(fields, "severity"))
    return Pattern(
        id=pattern_id,
        regex=source,
        message=message,
        severity=severity,
        ignorecase=ignorecase,
        replace_with=tuple(text for text, _ in replacements),  # as written (SPEC §2)
        origin=f"{reader.name}:{item.start_mark.line + 1}",
    )


def _required(
    reader: NodeReader, item: yaml.Node, fields: Fields, key: str, *, fold: bool = True
) -> str:
    if key not in fields:
        reader.fail(item, f"pattern has no {key!r}")
    node = fields[key][1]
    if is_null(node):
        reader.fail(node, f"{key!r} is empty")
    value = reader.string(node, repr(key))
    if not value.strip():
        reader.fail(node, f"{key!r} is empty")
    return fold_whitespace(value) if fold else value


def _compile(
    reader: NodeReader, node: yaml.Node, pattern_id: str, source: str, ignorecase: bool
) -> None:
    """Compile as termlint.patterns will (Python syntax), so a bad regex fails at load time."""
    import regex  # only glossaries with patterns need it (startup time)

    flags = (regex.IGNORECASE if ignorecase else 0) | regex.VERSION0
    try:
        compiled = regex.compile(source, flags)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        reader.fail(node, f"invalid regex in pattern {pattern_id!r}: {exc}")
    if compiled.fullmatch("") is not None:
        reader.fail(node, f"the regex of pattern {pattern_id!r} matches the empty string")


def _read_severity(reader: NodeReader, node: yaml.Node | None) -> Severity:
    if node is None:
        return Severity.WARNING
    written = reader.string(node, "'severity'")
    try:
        return Severity.parse(written)
    except ValueError:
        reader.fail(node, f"unknown severity {written!r} (expected one of: error, warning, info)")
