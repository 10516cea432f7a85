"""The JSON Schemas (draft 2020-12) of glossary and config files, shipped in the package.

Editors with the YAML language server validate and complete a file that names one:
`# yaml-language-server: $schema=glossary.schema.json`. The schemas describe what the
loaders accept; what a schema cannot say (a form used by two entries, a regex that does
not compile, duplicate keys, YAML anchors) only the loaders and `glossary validate` check.
"""

from __future__ import annotations

from importlib import resources

SCHEMAS = {"glossary": "glossary.schema.json", "config": "config.schema.json"}


def schema_text(kind: str) -> str:
    """The schema as shipped: `kind` is "glossary" or "config"."""
    return (resources.files("termlint") / "schemas" / SCHEMAS[kind]).read_text(encoding="utf-8")
