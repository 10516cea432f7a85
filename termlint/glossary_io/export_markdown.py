"""Markdown export: a glossary page for a docs site.

Alphabetical, one section per letter, an explicit anchor per term (`#devops`) so other
pages can link to it, a status badge, the definition, and "Use instead" lines linking
to the replacement's own entry. The page opens with `<!-- termlint-disable -->`: it
lists retired words on purpose, and `termlint check` must not report them.
"""

from __future__ import annotations

import re

from termlint.glossary import Entry, Glossary
from termlint.glossary_io.exported import Exported
from termlint.glossary_io.page import STATUS_ICONS, STATUS_LABELS, Page, build_page

TITLE = "Glossary"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#!])")


def export_markdown(glossary: Glossary) -> Exported:
    page = build_page(glossary)
    lines = ["<!-- termlint-disable -->", f"# {TITLE}", ""]
    if page.sections:
        index = " · ".join(f"[{escape(s.letter)}](#{s.anchor})" for s in page.sections)
        lines += [index, ""]
    for section in page.sections:
        lines += [f'## <a id="{section.anchor}"></a>{escape(section.letter)}', ""]
        for item in section.items:
            lines += _entry_lines(item.entry, item.anchor, page)
    if glossary.allow:
        lines += ["## Known words", ""]
        lines += [", ".join(escape(word) for word in glossary.allow), ""]
    if glossary.patterns:
        lines += ["## Style rules", ""]
        for pattern in glossary.patterns:
            lines.append(f"- `{pattern.id}` ({pattern.severity.value}): {escape(pattern.message)}")
        lines.append("")
    return Exported("\n".join(lines).rstrip("\n") + "\n")


def escape(text: str) -> str:
    """Backslash-escape the characters Markdown would read as markup."""
    return _SPECIAL.sub(r"\\\1", text)


def badge(entry: Entry) -> str:
    return f"{STATUS_ICONS[entry.status]} **{STATUS_LABELS[entry.status].capitalize()}**"


def _linked(text: str, page: Page) -> str:
    anchor = page.link_for(text)
    return f"[{escape(text)}](#{anchor})" if anchor else escape(text)


def _entry_lines(entry: Entry, anchor: str, page: Page) -> list[str]:
    lines = [f'### <a id="{anchor}"></a>{escape(entry.term)}', "", badge(entry), ""]
    if entry.definition:
        lines += [escape(entry.definition), ""]
    facts: list[str] = []
    if entry.replace_with:
        facts.append(
            "**Use instead:** " + " or ".join(_linked(i, page) for i in entry.replace_with)
        )
    if entry.meanings:
        facts.append("**Meanings:** " + " or ".join(_linked(i, page) for i in entry.meanings))
    if entry.abbreviation:
        facts.append(f"**Abbreviation:** {escape(entry.abbreviation)}")
    if entry.variants:
        facts.append("**Not:** " + ", ".join(escape(variant) for variant in entry.variants))
    if entry.message:
        facts.append(f"**Note:** {escape(entry.message)}")
    if entry.tags:
        facts.append("**Tags:** " + ", ".join(escape(tag) for tag in entry.tags))
    if entry.see:
        facts.append(
            f"**See:** <{entry.see}>" if "://" in entry.see else f"**See:** {escape(entry.see)}"
        )
    if facts:
        lines += [f"- {fact}" for fact in facts] + [""]
    return lines
