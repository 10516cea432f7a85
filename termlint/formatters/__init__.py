"""Output formats: each module renders a Report to a string; the CLI writes it."""

from __future__ import annotations

from collections.abc import Callable

from termlint.formatters import codeclimate, github, json_format, junit, sarif, text
from termlint.model import Report

Renderer = Callable[[Report, bool], str]

FORMATTERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
    "codeclimate": codeclimate.render,
}
