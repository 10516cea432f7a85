"""Readers that turn a decoded file into a `Document`, chosen by file extension."""

from __future__ import annotations

import os
from typing import Any

from termlint.document import Document
from termlint.parsing.fast_markdown import read_markdown_fast
from termlint.parsing.text import read_text

# SPEC §3: Markdown extensions are read as Markdown, anything else as plain text
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdx"})

__all__ = ["read_document", "read_markdown", "read_text"]


def read_document(path: str, text: str) -> Document:
    """Read `text` as Markdown or plain text by the extension of `path` (a display path)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in _MARKDOWN_SUFFIXES:
        # the fast reader gives the same document, or None where it cannot (fast_markdown.py)
        fast = read_markdown_fast(path, text) if suffix != ".mdx" else None
        if fast is not None:
            return fast
        from termlint.parsing.markdown import read_markdown  # imported only when needed

        return read_markdown(path, text, mdx=suffix == ".mdx")
    return read_text(path, text)


def __getattr__(name: str) -> Any:
    """`read_markdown`, imported on first use: markdown-it-py takes a while to import, and
    a run whose files the fast reader reads never needs it."""
    if name == "read_markdown":
        from termlint.parsing.markdown import read_markdown

        return read_markdown
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
