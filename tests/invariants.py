"""Invariants every document and finding must keep, shared by the property tests and the
fuzz target (tests/fuzz/fuzz_reader.py): a failure raises AssertionError with the detail.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sample_glossary import STATUS_TERMS

from termlint.checks.base import LintSettings
from termlint.config import Config, JargonSettings
from termlint.document import BARRIER, Document, LineIndex, PieceKind
from termlint.glossary import load_glossary_text
from termlint.lint import build_settings
from termlint.model import Finding

# A small glossary that makes every rule fire somewhere, used wherever any text is linted.
GLOSSARY_YAML = (
    """\
version: 1
terms:
  - term: DevOps
    variants: [Dev Ops, dev-ops]
  - term: IT Operations
    abbreviation: ITOps
"""
    + STATUS_TERMS
    + """\
allow: [API]
patterns:
  - id: click-here
    regex: '\\bclick here\\b'
    message: Link text should say where the link goes.
    replace_with: [the page]
"""
)


def fuzz_settings() -> LintSettings:
    glossary = load_glossary_text(GLOSSARY_YAML, "glossary.yaml")
    config = Config(root=Path("."), jargon=JargonSettings(camel_case=True))
    return build_settings(glossary, config)


def check_document(document: Document) -> None:
    """Every segment is built from pieces that tile it and map inside the file, in order."""
    size = len(document.text)
    for segment in document.segments:
        assert segment.pieces, f"segment without pieces: {segment.text!r}"
        seg_offset = 0
        previous_end = 0
        for piece in segment.pieces:
            assert piece.seg_start == seg_offset, f"pieces do not tile {segment.text!r}"
            assert 0 <= piece.src_start <= piece.src_end <= size, f"piece outside file: {piece}"
            assert piece.src_start >= previous_end, f"piece out of source order: {piece}"
            chars = segment.text[piece.seg_start : piece.seg_end]
            source = document.text[piece.src_start : piece.src_end]
            if piece.kind is PieceKind.TEXT:
                assert piece.src_end > piece.src_start, f"empty text piece: {piece}"
                # bare URLs are blanked to BARRIER characters after the pieces are made
                assert all(
                    char in (original, BARRIER)
                    for char, original in zip(chars, source, strict=True)
                ), f"text piece {chars!r} differs from the source {source!r}"
            elif piece.kind is PieceKind.SPACE:
                assert chars == " ", f"space piece reads as {chars!r}"
            else:
                assert chars == BARRIER, f"barrier piece reads as {chars!r}"
            seg_offset = piece.seg_end
            previous_end = piece.src_end
        assert seg_offset == len(segment.text), f"pieces stop short of {segment.text!r}"
    for comment in document.comments:
        assert 0 <= comment.span.start <= comment.span.end <= size, f"comment outside: {comment}"


def check_findings(text: str, findings: Iterable[Finding]) -> None:
    """Each finding's span lies in the file, its `text` is the file's text there, and its
    line and column are those of the span."""
    lines = LineIndex(text)
    for finding in findings:
        span = finding.span
        assert 0 <= span.start <= span.end <= len(text), f"finding outside the file: {finding}"
        assert finding.text == text[span.start : span.end], f"text differs: {finding}"
        assert finding.start == lines.position(span.start), f"start: {finding}"
        assert finding.end == lines.position(span.end), f"end: {finding}"
        if finding.fix is not None:
            assert span.end > span.start, f"a fix on an empty span: {finding}"
