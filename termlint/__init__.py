"""termlint: a terminology linter for Markdown and text files."""

__version__ = "0.1.0"
# Where users read about termlint (SARIF informationUri); a placeholder until it is published.
PROJECT_URL = "https://github.com/termlint/termlint"
