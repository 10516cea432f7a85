"""Output formats: each module renders a Report to a string; the CLI writes it."""

from __future__ import annotations

from collections.abc import Callable

from termlint.formatters import json_format, text
from termlint.model import Report

Renderer = Callable[[Report, bool], str]

FORMATTERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
}
