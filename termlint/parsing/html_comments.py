"""HTML comments as both readers find them: `<!-->`, `<!--->` or `<!--` ... `-->`."""

from __future__ import annotations

import re

HTML_COMMENT = re.compile(r"<!--(?:>|->|(.*?)-->)", re.DOTALL)


def html_comments(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """`HTML_COMMENT.finditer(text, start, end)`, in time linear in the text.

    Every comment ends in `-->`, so the search stops at the last one: past it, each `<!--`
    would scan to the end for a close it cannot find (quadratic in a file of them)."""
    stop = len(text) if end is None else end
    last_close = text.rfind("-->", start, stop)
    if last_close < 0:
        return []
    return list(HTML_COMMENT.finditer(text, start, last_close + 3))
