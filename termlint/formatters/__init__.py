"""Output formats: each module renders a Report to a string; the CLI writes it.

A run imports only the formatter it uses (a pre-commit run pays for no XML or SARIF
code): `FORMATTERS` names every format and imports its module on first use."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping

from termlint.model import Report

Renderer = Callable[[Report, bool], str]

_MODULES = {
    "text": "text",
    "json": "json_format",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "codeclimate": "codeclimate",
}


class _Renderers(Mapping[str, Renderer]):
    """Format name -> its module's `render`, imported when first asked for."""

    def __getitem__(self, name: str) -> Renderer:
        module = importlib.import_module(f"{__name__}.{_MODULES[name]}")
        render: Renderer = module.render
        return render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATTERS: Mapping[str, Renderer] = _Renderers()
