"""The command line: click declarations only; each command calls into termlint.commands."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from termlint import __version__
from termlint.errors import TermlintError
from termlint.formatters import FORMATTERS
from termlint.glossary_cli import glossary
from termlint.selection import FAIL_ON

_CONFIG = click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Use this config file instead of discovering one.",
)
_GLOSSARY = click.option(
    "--glossary",
    "glossaries",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Add a glossary file (repeatable), after the configured ones.",
)


def _use_color(option: bool | None) -> bool:
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termlint")
@click.option("--verbose", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def cli(context: click.Context, verbose: bool) -> None:
    """Check Markdown and text files against your terminology glossary."""
    context.ensure_object(dict)
    context.obj["verbose"] = verbose


cli.add_command(glossary)  # `termlint glossary validate|export|import|schema`


@cli.command()
@click.argument("paths", nargs=-1)
@_CONFIG
@_GLOSSARY
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATTERS)),
    default="text",
    show_default=True,
)
@click.option(
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file; the summary still goes to the terminal.",
)
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True)
@click.option(
    "--select",
    multiple=True,
    metavar="RULE",
    help="Only report these rules (repeatable, or comma-separated).",
)
@click.option(
    "--ignore", multiple=True, metavar="RULE", help="Do not report these rules (repeatable)."
)
@click.option("--quiet", is_flag=True, help="Print findings only: no summary line.")
@click.option(
    "--color/--no-color", default=None, help="Colour the text format (default: on a terminal)."
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Report only findings not recorded in this baseline file (default: the config's).",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Record today's findings in this baseline file instead of reporting them; exits 0.",
)
@click.option("--fix", is_flag=True, help="Apply every safe fix, then report what remains.")
@click.option("--diff", is_flag=True, help="Show the fixes as a diff; write nothing.")
@click.option("--stdin", "stdin", is_flag=True, help="Read one document from standard input.")
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="The name the --stdin document is reported under (its extension picks the reader).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    metavar="N",
    help="Lint with N worker processes (default: one per core).",
)
@click.option(
    "--no-cache", is_flag=True, help="Neither read nor write the results and glossary caches."
)
def check(
    paths: tuple[str, ...],
    config: Path | None,
    glossaries: tuple[Path, ...],
    output_format: str,
    output: Path | None,
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    quiet: bool,
    color: bool | None,
    baseline: Path | None,
    write_baseline: Path | None,
    fix: bool,
    diff: bool,
    stdin: bool,
    stdin_filename: str | None,
    jobs: int | None,
    no_cache: bool,
) -> None:
    """Lint PATHS (default: the current folder) against the glossary."""
    from termlint.commands import check as command

    options = command.CheckOptions(
        cwd=Path.cwd(),
        paths=paths,
        config=config,
        glossaries=glossaries,
        format=output_format,
        output=output,
        fail_on=fail_on,
        select=select,
        ignore=ignore,
        quiet=quiet,
        color=_use_color(color),
        baseline=baseline,
        write_baseline=write_baseline,
        fix=fix,
        diff=diff,
        stdin=stdin,
        stdin_filename=stdin_filename,
        jobs=jobs,
        no_cache=no_cache,
    )
    _exit(command.run(options, _stdout(), _stderr(), sys.stdin.buffer))


def _fix(**options: Any) -> None:
    assert check.callback is not None
    check.callback(fix=True, write_baseline=None, **options)


# `termlint fix` is `check --fix` (SPEC §7): check's options, declared once there
# (but --write-baseline, which records findings instead of fixing them).
cli.add_command(
    click.Command(
        "fix",
        callback=_fix,
        params=[param for param in check.params if param.name not in ("fix", "write_baseline")],
        help="Fix what can be fixed in PATHS (default: the current folder); report what remains.",
    )
)


@cli.command()
@_CONFIG
@_GLOSSARY
def rules(config: Path | None, glossaries: tuple[Path, ...]) -> None:
    """List the rules, with their default severity and whether they can fix."""
    from termlint.commands import rules as command

    _exit(command.run(Path.cwd(), config, glossaries, _stdout()))


@cli.command()
@click.argument("name")
@_CONFIG
@_GLOSSARY
def explain(name: str, config: Path | None, glossaries: tuple[Path, ...]) -> None:
    """Show the glossary entry for a term (or the documentation of a rule id)."""
    from termlint.commands import explain as command

    _exit(command.run(name, Path.cwd(), config, glossaries, _stdout(), _stderr()))


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite .termlint.yaml and glossary.yaml.")
def init(force: bool) -> None:
    """Write a commented .termlint.yaml and a starter glossary.yaml here."""
    from termlint.commands import init as command

    _exit(command.run(Path.cwd(), force, _stdout()))


@cli.command()
@click.argument("paths", nargs=-1)
@_CONFIG
@_GLOSSARY
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json", "yaml")),
    default="text",
    show_default=True,
    help="yaml prints glossary entries ready to paste.",
)
@click.option(
    "--min-count",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only list candidates found at least this often.",
)
def discover(
    paths: tuple[str, ...],
    config: Path | None,
    glossaries: tuple[Path, ...],
    output_format: str,
    min_count: int,
) -> None:
    """List candidate terms in PATHS (default: the current folder) that no glossary covers."""
    from termlint.commands import discover as command

    options = command.DiscoverOptions(
        cwd=Path.cwd(),
        paths=paths,
        config=config,
        glossaries=glossaries,
        format=output_format,
        min_count=min_count,
    )
    _exit(command.run(options, _stdout(), _stderr()))


def _stdout() -> TextIO:
    return sys.stdout


def _stderr() -> TextIO:
    return sys.stderr


def _exit(code: int) -> None:
    raise SystemExit(code)


def run() -> NoReturn:
    """The `termlint` program: `main`, then an immediate exit.

    Tearing the interpreter down frees every object one by one: a compiled glossary of
    10,000 terms takes a third of a second, and the findings of a cached run a quarter
    of that run. Nothing is left to clean up by then: files are closed and the cache is
    written, so only the standard streams are flushed."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        # a closed pipe (`termlint check | head`) or a closed stream has nothing to flush
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0, 1 or 2) instead of exiting."""
    args = list(argv) if argv is not None else sys.argv[1:]
    verbose = "--verbose" in args
    try:
        cli.main(args=args, prog_name="termlint", standalone_mode=False)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 0
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.UsageError as error:
        error.show()
        return 2
    except click.Abort:
        click.echo("termlint: aborted", err=True)
        return 2
    except click.ClickException as error:
        click.echo(f"termlint: error: {error.format_message()}", err=True)
        return 2
    except TermlintError as error:
        click.echo(f"termlint: error: {error}", err=True)
        return 2
    except Exception as error:  # an internal bug: one line, a traceback only on request
        if verbose:
            import traceback

            traceback.print_exc()
        click.echo(f"termlint: internal error: {type(error).__name__}: {error}", err=True)
        return 2
    return 0
