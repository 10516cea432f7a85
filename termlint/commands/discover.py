"""`termlint discover`: candidate terms that no glossary covers, most frequent first."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from termlint.candidates import CandidateTerm, combine, tally_document
from termlint.commands.session import open_session
from termlint.discover import display_path, iter_files
from termlint.glossary import normalize_form
from termlint.glossary_io.yaml_writer import scalar
from termlint.parsing import read_document
from termlint.source import SourceError, read_source


@dataclass(frozen=True, slots=True)
class DiscoverOptions:
    cwd: Path
    paths: tuple[str, ...] = ()
    config: Path | None = None
    glossaries: tuple[Path, ...] = ()
    format: str = "text"  # text, json or yaml
    min_count: int = 1


def run(options: DiscoverOptions, stdout: TextIO, stderr: TextIO | None = None) -> int:
    """Print the candidates in the chosen format; always exit 0 (errors raise, exit 2)."""
    session = open_session(options.cwd, options.config, options.glossaries)
    targets = [Path(path) for path in (options.paths or (".",))]
    tallies = []
    for path in iter_files(targets, session.config, options.cwd):
        shown = display_path(path, options.cwd)
        try:
            source = read_source(path)
        except SourceError as error:
            if stderr is not None:
                stderr.write(f"termlint: warning: {shown}: {error} (skipped)\n")
            continue
        tallies.append(tally_document(read_document(shown, source.text), session.settings))
    candidates = combine(tallies, options.min_count)
    stdout.write(RENDERERS[options.format](candidates))
    return 0


# --- output ------------------------------------------------------------------------------


def render_json(candidates: Sequence[CandidateTerm]) -> str:
    """SPEC §7: {"version": 1, "candidates": [{text, count, files, example, definition}]}."""
    data: dict[str, Any] = {
        "version": 1,
        "candidates": [
            {
                "text": candidate.text,
                "count": candidate.count,
                "files": candidate.files,
                "example": {
                    "path": candidate.example.path,
                    "line": candidate.example.line,
                    "column": candidate.example.column,
                },
                "definition": candidate.definition,
            }
            for candidate in candidates
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_text(candidates: Sequence[CandidateTerm]) -> str:
    """An aligned table: count, files, the candidate, where it is first, its definition."""
    if not candidates:
        return "No candidate terms found.\n"
    header = ("count", "files", "candidate", "first seen", "definition")
    rows = [header] + [
        (
            str(candidate.count),
            str(candidate.files),
            candidate.text,
            _where(candidate),
            candidate.definition or "",
        )
        for candidate in candidates
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = []
    for row in rows:
        cells = [
            row[0].rjust(widths[0]),
            row[1].rjust(widths[1]),
            *(cell.ljust(width) for cell, width in zip(row[2:], widths[2:], strict=True)),
        ]
        lines.append("  ".join(cells).rstrip() + "\n")
    return "".join(lines)


def render_yaml(candidates: Sequence[CandidateTerm]) -> str:
    """A glossary of draft entries, ready to paste under `terms:` (review each one).

    An acronym defined in place becomes its expansion with the acronym as
    `abbreviation` (like "IT Operations" / "ITOps"); any other defined candidate keeps
    its name with the phrase as `definition`. A form never appears twice, so the
    output loads as a glossary as it is.
    """
    lines = [
        "# Candidate terms found by `termlint discover`: review each entry (status,",
        "# definition, variants) before you paste it into your glossary.",
        "version: 1",
    ]
    if not candidates:
        return "\n".join([*lines, "terms: []"]) + "\n"
    lines.append("terms:")
    used: set[str] = set()
    for candidate in candidates:
        times = "time" if candidate.count == 1 else "times"
        files = "file" if candidate.files == 1 else "files"
        lines.append(
            f"  # {candidate.count} {times} in {candidate.files} {files},"
            f" first at {_where(candidate)}"
        )
        lines.extend(f"  {line}" for line in _entry_lines(candidate, used))
    return "\n".join(lines) + "\n"


def _entry_lines(candidate: CandidateTerm, used: set[str]) -> Iterator[str]:
    definition = candidate.definition
    expansion = normalize_form(definition) if definition else None
    used.add(normalize_form(candidate.text))
    if definition and expansion and candidate.is_acronym and expansion not in used:
        used.add(expansion)
        yield f"- term: {scalar(definition)}"
        yield f"  abbreviation: {scalar(candidate.text)}"
        return
    yield f"- term: {scalar(candidate.text)}"
    if definition:
        yield f"  definition: {scalar(definition)}"


def _where(candidate: CandidateTerm) -> str:
    example = candidate.example
    return f"{example.path}:{example.line}:{example.column}"


RENDERERS: dict[str, Callable[[Sequence[CandidateTerm]], str]] = {
    "text": render_text,
    "json": render_json,
    "yaml": render_yaml,
}
