"""Readers that turn a decoded file into a `Document`, chosen by file extension."""

from __future__ import annotations

import os

from termlint.document import Document
from termlint.parsing.markdown import read_markdown
from termlint.parsing.text import read_text

# SPEC §3: Markdown extensions are read as Markdown, anything else as plain text
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})

__all__ = ["read_document", "read_markdown", "read_text"]


def read_document(path: str, text: str) -> Document:
    """Read `text` as Markdown or plain text by the extension of `path` (a display path)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return read_markdown(path, text, mdx=suffix == ".mdx")
    return read_text(path, text)
