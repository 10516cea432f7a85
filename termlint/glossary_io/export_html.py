"""HTML export: one self-contained page (inline CSS and script, no network) whose search
box filters the terms as you type, so the glossary can be opened straight from disk."""

from __future__ import annotations

from html import escape

from termlint.glossary import Entry, Glossary
from termlint.glossary_io.exported import Exported
from termlint.glossary_io.page import STATUS_LABELS, Page, build_page

TITLE = "Glossary"

_STYLE = """
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 52rem; padding: 1rem; }
header { position: sticky; top: 0; background: Canvas; padding: .5rem 0;
  border-bottom: 1px solid var(--line); }
#search { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem .75rem; }
#count, .facts dt { color: var(--muted); }
nav a { margin-right: .5rem; }
article.term { border-bottom: 1px solid var(--line); padding: .5rem 0; }
article.term h3 { margin: .25rem 0; }
.badge { font-size: .75rem; font-weight: 600; border-radius: 1rem; padding: .1rem .6rem;
  vertical-align: middle; text-transform: uppercase; letter-spacing: .03em; }
.badge-preferred { background: #dcfce7; color: #166534; }
.badge-admitted { background: #e0f2fe; color: #075985; }
.badge-deprecated { background: #fef3c7; color: #92400e; }
.badge-forbidden { background: #fee2e2; color: #991b1b; }
.badge-ambiguous { background: #ede9fe; color: #5b21b6; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
.facts dd { margin: 0; }
[hidden] { display: none !important; }
""".strip()

_SCRIPT = """
(function () {
  var input = document.getElementById("search");
  var count = document.getElementById("count");
  var empty = document.getElementById("no-match");
  var terms = Array.prototype.slice.call(document.querySelectorAll("article.term"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.letter"));
  function update() {
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    terms.forEach(function (term) {
      var hit = !query || term.getAttribute("data-search").indexOf(query) !== -1;
      term.hidden = !hit;
      if (hit) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("article.term:not([hidden])");
    });
    count.textContent = shown + " of " + terms.length + (terms.length === 1 ? " term" : " terms");
    empty.hidden = shown !== 0;
  }
  input.addEventListener("input", update);
  update();
})();
""".strip()


def export_html(glossary: Glossary) -> Exported:
    page = build_page(glossary)
    total = len(glossary.entries)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{TITLE}</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{TITLE}</h1>",
        '<label for="search">Search the glossary</label>',
        '<input id="search" type="search" autocomplete="off" placeholder="Type to filter terms">',
        f'<p id="count" aria-live="polite">{total} {"term" if total == 1 else "terms"}</p>',
        "</header>",
    ]
    if page.sections:
        links = " ".join(f'<a href="#{s.anchor}">{escape(s.letter)}</a>' for s in page.sections)
        parts.append(f"<nav>{links}</nav>")
    parts.append("<main>")
    for section in page.sections:
        parts.append(f'<section class="letter" id="{section.anchor}">')
        parts.append(f"<h2>{escape(section.letter)}</h2>")
        parts.extend(_article(item.entry, item.anchor, page) for item in section.items)
        parts.append("</section>")
    parts.append('<p id="no-match" hidden>No term matches your search.</p>')
    parts.append("</main>")
    parts.extend(_extras(glossary))
    parts += [f"<script>\n{_SCRIPT}\n</script>", "</body>", "</html>"]
    return Exported("\n".join(parts) + "\n")


def search_text(entry: Entry) -> str:
    """What the search box looks through: every written form and the prose of the entry."""
    fields = [
        entry.term,
        *entry.variants,
        entry.abbreviation or "",
        entry.definition or "",
        *entry.replace_with,
        *entry.meanings,
        *entry.tags,
        entry.message or "",
    ]
    return " ".join(" ".join(field.split()) for field in fields if field).lower()


def _linked(text: str, page: Page) -> str:
    anchor = page.link_for(text)
    return f'<a href="#{anchor}">{escape(text)}</a>' if anchor else escape(text)


def _article(entry: Entry, anchor: str, page: Page) -> str:
    label = STATUS_LABELS[entry.status]
    lines = [
        f'<article class="term" id="{anchor}" data-search="{escape(search_text(entry))}">',
        f'<h3><a href="#{anchor}">{escape(entry.term)}</a>'
        f' <span class="badge badge-{label}">{label}</span></h3>',
    ]
    if entry.definition:
        lines.append(f'<p class="definition">{escape(entry.definition)}</p>')
    facts: list[tuple[str, str]] = []
    if entry.replace_with:
        facts.append(("Use instead", " or ".join(_linked(i, page) for i in entry.replace_with)))
    if entry.meanings:
        facts.append(("Meanings", " or ".join(_linked(i, page) for i in entry.meanings)))
    if entry.abbreviation:
        facts.append(("Abbreviation", escape(entry.abbreviation)))
    if entry.variants:
        facts.append(("Not", ", ".join(escape(variant) for variant in entry.variants)))
    if entry.message:
        facts.append(("Note", escape(entry.message)))
    if entry.tags:
        facts.append(("Tags", ", ".join(escape(tag) for tag in entry.tags)))
    if entry.see:
        see = escape(entry.see)
        facts.append(("See", f'<a href="{see}">{see}</a>' if "://" in entry.see else see))
    if facts:
        lines.append('<dl class="facts">')
        lines.extend(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
        lines.append("</dl>")
    lines.append("</article>")
    return "\n".join(lines)


def _extras(glossary: Glossary) -> list[str]:
    parts: list[str] = []
    if glossary.allow:
        words = ", ".join(escape(word) for word in glossary.allow)
        parts += [
            '<section id="known-words">',
            "<h2>Known words</h2>",
            f"<p>{words}</p>",
            "</section>",
        ]
    if glossary.patterns:
        parts += ['<section id="style-rules">', "<h2>Style rules</h2>", "<ul>"]
        parts += [
            f"<li><code>{escape(p.id)}</code> ({p.severity.value}): {escape(p.message)}</li>"
            for p in glossary.patterns
        ]
        parts += ["</ul>", "</section>"]
    return parts
