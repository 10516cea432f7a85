"""The export and import formats of `termlint glossary export|import`, by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from termlint.errors import UsageError
from termlint.glossary import Glossary
from termlint.glossary_io.assembly import Imported
from termlint.glossary_io.csv_format import export_csv, read_csv
from termlint.glossary_io.export_html import export_html
from termlint.glossary_io.export_markdown import export_markdown
from termlint.glossary_io.exported import Exported
from termlint.glossary_io.json_export import export_json
from termlint.glossary_io.tbx import export_tbx
from termlint.glossary_io.tbx_import import read_tbx
from termlint.glossary_io.textlint import read_textlint
from termlint.glossary_io.vale import read_vale

Exporter = Callable[[Glossary, str], Exported]  # (glossary, language) -> file
Importer = Callable[[Path, str, str | None], Imported]  # (path, shown name, language)

EXPORTERS: dict[str, Exporter] = {
    "markdown": lambda glossary, _: export_markdown(glossary),
    "html": lambda glossary, _: export_html(glossary),
    "csv": lambda glossary, _: export_csv(glossary),
    "tbx": export_tbx,
    "json": lambda glossary, _: export_json(glossary),
}


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"{shown}: cannot read: {error.strerror or error}") from None


def _read_text(path: Path, shown: str) -> str:
    try:
        return _read_bytes(path, shown).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{shown}: not valid UTF-8") from None


IMPORTERS: dict[str, Importer] = {
    "csv": lambda path, shown, _: read_csv(_read_text(path, shown), shown),
    "tbx": lambda path, shown, language: read_tbx(_read_bytes(path, shown), shown, language),
    "vale": lambda path, shown, _: read_vale(path, shown),
    "textlint": lambda path, shown, _: read_textlint(_read_text(path, shown), shown),
}
