"""The `termlint glossary` command group: click declarations only (see commands/glossary.py).

Kept apart from cli.py so the group's four commands do not crowd the main command line;
cli.py registers the group.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

import click

EXPORT_FORMATS = ("csv", "html", "json", "markdown", "tbx")  # glossary_io.registry.EXPORTERS
IMPORT_FORMATS = ("csv", "tbx", "textlint", "vale")  # glossary_io.registry.IMPORTERS

_CONFIG = click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this config file instead of discovering one.",
)


def _stdout() -> TextIO:
    return sys.stdout


def _stderr() -> TextIO:
    return sys.stderr


@click.group(name="glossary")
def glossary() -> None:
    """Validate, export and import glossaries; print their JSON Schema."""


@glossary.command()
@click.argument("files", nargs=-1)
@_CONFIG
def validate(files: tuple[str, ...], config: Path | None) -> None:
    """Report every problem of FILES (default: the configured glossaries) and their merge."""
    from termlint.commands import glossary as command

    options = command.ValidateOptions(cwd=Path.cwd(), files=files, config=config)
    raise SystemExit(command.run_validate(options, _stdout(), _stderr()))


@glossary.command()
@click.option("--format", "output_format", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here.")
@_CONFIG
@click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Add a glossary file (repeatable), after the configured ones.",
)
@click.option("--lang", default="en", show_default=True, help="TBX: the language code.")
def export(
    output_format: str,
    output: Path | None,
    config: Path | None,
    glossaries: tuple[Path, ...],
    lang: str,
) -> None:
    """Export the merged glossary that `check` would use."""
    from termlint.commands import glossary as command

    options = command.ExportOptions(
        cwd=Path.cwd(),
        format=output_format,
        output=output,
        config=config,
        glossaries=glossaries,
        language=lang,
    )
    raise SystemExit(command.run_export(options, _stdout(), _stderr()))


@glossary.command(name="import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--from", "from_format", type=click.Choice(IMPORT_FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here.")
@click.option("--lang", default=None, help="TBX: the language to read (default: the file's).")
def import_command(source: Path, from_format: str, output: Path | None, lang: str | None) -> None:
    """Convert SOURCE (a CSV, TBX or textlint file, or Vale styles) into a glossary."""
    from termlint.commands import glossary as command

    options = command.ImportOptions(
        cwd=Path.cwd(), source=source, format=from_format, output=output, language=lang
    )
    raise SystemExit(command.run_import(options, _stdout(), _stderr()))


@glossary.command()
@click.option("--config", "for_config", is_flag=True, help="The schema of config files.")
def schema(for_config: bool) -> None:
    """Print the JSON Schema of glossary files (or, with --config, of config files)."""
    from termlint.commands import glossary as command

    raise SystemExit(command.run_schema("config" if for_config else "glossary", _stdout()))
