"""The one error family termlint raises for bad input: each ends the run with exit code 2."""

from __future__ import annotations


class TermlintError(Exception):
    """A problem the user must fix; printed as one line, exit code 2."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path or ""
        if self.path is not None and self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(TermlintError):
    """The configuration file is missing, malformed or holds an unknown key or bad value."""


class GlossaryError(TermlintError):
    """A glossary file is missing, malformed or inconsistent."""


class UsageError(TermlintError):
    """The command line asks for something that cannot be done."""
