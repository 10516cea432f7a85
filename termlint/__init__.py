"""termlint: a terminology linter for Markdown and text files."""

__version__ = "0.1.0"
