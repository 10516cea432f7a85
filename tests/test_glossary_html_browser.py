"""The exported HTML page in a real headless browser: it renders the terms, and typing in
the search box filters them, with the network switched off (the page must need none).

Runs with Chromium from the system packages (`.ci/run` installs it) driven by Playwright
for Python (a dev extra); skipped, with the reason, where either is missing.
"""

from __future__ import annotations

import importlib.util
import shutil
import textwrap
from pathlib import Path

import pytest

from termlint.glossary import load_glossary_text
from termlint.glossary_io.export_html import export_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None, reason="no Chromium browser installed (apt-get install chromium)"
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None,
        reason="Playwright for Python is not installed (pip install -e '.[dev]')",
    ),
]

GLOSSARY = """
terms:
  - term: DevOps
    definition: Practices that join software development and IT operations.
    variants: [Dev Ops]
  - term: IT Operations
    abbreviation: ITOps
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
  - term: Infrastructure Operations
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
  - term: allowlist
"""


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    glossary = load_glossary_text(textwrap.dedent(GLOSSARY).lstrip("\n"), "g.yaml")
    path = tmp_path_factory.mktemp("html") / "glossary.html"
    path.write_text(export_html(glossary).text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser_page(page_file):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            context = browser.new_context(offline=True)  # the page must work from disk alone
            page = context.new_page()
            page.goto(page_file.as_uri())
            yield page
        finally:
            browser.close()


def visible_terms(page) -> list[str]:
    return page.eval_on_selector_all(
        "article.term:not([hidden]) h3 > a", "links => links.map(link => link.textContent)"
    )


def visible_letters(page) -> list[str]:
    return page.eval_on_selector_all(
        "section.letter:not([hidden]) h2", "headings => headings.map(h => h.textContent)"
    )


def search(page, text: str) -> None:
    page.fill("#search", "")
    page.type("#search", text)


def test_the_page_renders_every_term_in_order(browser_page):
    page = browser_page
    assert page.title() == "Glossary"
    assert visible_terms(page) == [
        "allowlist",
        "DevOps",
        "InfraOps",
        "Infrastructure Operations",
        "IT Operations",
        "whitelist",
    ]
    assert visible_letters(page) == ["A", "D", "I", "W"]
    assert page.text_content("#count") == "6 of 6 terms"
    assert page.is_hidden("#no-match")


def test_typing_filters_the_terms(browser_page):
    page = browser_page
    search(page, "ops")
    # "IT Operations" is found through its abbreviation, ITOps.
    assert visible_terms(page) == ["DevOps", "InfraOps", "IT Operations"]
    assert visible_letters(page) == ["D", "I"]
    assert page.text_content("#count") == "3 of 6 terms"


def test_search_looks_through_variants_abbreviations_and_definitions(browser_page):
    page = browser_page
    search(page, "DEV OPS")
    assert visible_terms(page) == ["DevOps"]
    search(page, "itops")
    assert visible_terms(page) == ["IT Operations"]
    search(page, "software development")
    assert visible_terms(page) == ["DevOps"]


def test_no_match_says_so_and_clearing_shows_everything(browser_page):
    page = browser_page
    search(page, "kubernetes")
    assert visible_terms(page) == []
    assert visible_letters(page) == []
    assert page.is_visible("#no-match")
    assert page.text_content("#count") == "0 of 6 terms"
    page.fill("#search", "")
    assert len(visible_terms(page)) == 6
    assert page.is_hidden("#no-match")
