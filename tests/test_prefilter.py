"""Reading only the relevant blocks changes no finding (prefilter.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

from termlint.checks import BY_ID, CHECKS
from termlint.checks.base import Check
from termlint.commands.session import open_session
from termlint.config import Config, JargonSettings
from termlint.glossary import Entry, Glossary, Pattern, Status
from termlint.lint import build_settings, lint_document, lint_text
from termlint.matching import TermIndex
from termlint.model import Severity
from termlint.parsing import fast_markdown
from termlint.parsing.markdown import read_markdown
from termlint.prefilter import read_for_lint

pytestmark = pytest.mark.skipif(not fast_markdown.is_available(), reason="pyromark is absent")

GLOSSARY = Glossary(
    entries=(
        Entry("whitelist", status=Status.DEPRECATED, replace_with=("allowlist",)),
        Entry("IT Operations", abbreviation="ITOps", is_case_sensitive=True),
        Entry("path"),  # a plain preferred term: never reported by itself
        Entry("URL", is_case_sensitive=True),
    ),
)
SETTINGS = build_settings(GLOSSARY, Config(root=Path(".")))


def findings(text: str, settings=SETTINGS) -> list[tuple[int, int, str, str]]:
    """(line, column, rule, text) of each finding, after checking that the reduced
    reading finds exactly what the reference reader's whole document gives."""
    reduced = lint_text("doc.md", text, settings)
    reference = lint_document(read_markdown("doc.md", text), settings)
    assert [(f, f.line_text) for f in reduced] == [(f, f.line_text) for f in reference]
    return [(f.start.line, f.start.column, f.rule, f.text) for f in reduced]


def segment_texts(text: str, settings=SETTINGS, checks=CHECKS) -> list[str]:
    return [s.text for s in read_for_lint("doc.md", text, settings, checks).segments]


def test_only_blocks_that_can_hold_a_finding_are_read() -> None:
    text = "Plain prose.\n\nThe path is long.\n\nA whitelist here.\n\nOur KTLO rota.\n"
    assert segment_texts(text) == ["A whitelist here.", "Our KTLO rota."]
    assert findings(text) == [
        (5, 3, "deprecated-term", "whitelist"),
        (7, 5, "undefined-term", "KTLO"),
    ]


def test_blocks_whose_jargon_is_already_explained_are_left_out() -> None:
    # XML is a common acronym; URL a glossary form, read only because its entry is
    # case-sensitive (a wrong casing would be reported); DevOps and KTLO are unexplained
    text = "The XML export.\n\nA URL here.\n\nOur DevOps rota.\n\nThe XML and KTLO pair.\n"
    assert segment_texts(text) == ["A URL here.", "Our DevOps rota.", "The XML and KTLO pair."]
    assert findings(text) == [
        (5, 5, "undefined-term", "DevOps"),
        (7, 13, "undefined-term", "KTLO"),
    ]
    allowed = build_settings(
        GLOSSARY, Config(root=Path("."), jargon=JargonSettings(allow=("KTLO",)))
    )
    assert segment_texts(text, allowed) == ["A URL here.", "Our DevOps rota."]
    assert findings(text, allowed) == [(5, 5, "undefined-term", "DevOps")]


def test_the_scan_of_reportable_forms_is_built_with_the_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # built once, before workers are forked, never again by the files each worker lints
    built: list[object] = []
    real = TermIndex.scanner

    def counting(index: TermIndex, keep):  # type: ignore[no-untyped-def]
        built.append(index)
        return real(index, keep)

    monkeypatch.setattr(TermIndex, "scanner", counting)
    settings = build_settings(GLOSSARY, Config(root=Path(".")))
    assert built == [settings.index]
    assert findings("A whitelist.\n\nNo term here.\n", settings) == [
        (1, 3, "deprecated-term", "whitelist")
    ]
    assert findings("Another whitelist.\n", settings) == [(1, 9, "deprecated-term", "whitelist")]
    assert built == [settings.index]


def test_a_term_split_by_markup_is_still_found() -> None:
    text = "Nothing.\n\nThe white**list** and *white*list.\n"
    assert segment_texts(text) == ["The whitelist and whitelist."]
    assert findings(text) == [
        (3, 5, "deprecated-term", "white**list"),
        (3, 24, "deprecated-term", "white*list"),
    ]


def test_a_wrong_casing_and_a_first_use_are_read() -> None:
    text = "Ask ITOps.\n\nNo url here.\n\nIT Operations runs it.\n\nThe URL.\n"
    assert segment_texts(text) == [
        "Ask ITOps.",
        "No url here.",
        "IT Operations runs it.",
        "The URL.",
    ]
    assert findings(text) == [
        (1, 5, "acronym-first-use", "ITOps"),
        (3, 4, "term-variant", "url"),
    ]


def test_a_definition_in_a_block_left_out_reads_every_block() -> None:
    # the heading holds no candidate, but the check joins it to "(KTLO)" below
    text = "## Keep The Lights On\n\n(KTLO) is our rota.\n"
    assert segment_texts(text) == ["Keep The Lights On", "(KTLO) is our rota."]
    assert findings(text) == []


def test_blocks_left_out_are_not_joined_into_a_definition() -> None:
    # without the middle block, "A whitelist Keep The" would run into "(KTLO)"
    text = "A whitelist Keep The\n\nLights.\n\n(KTLO) is our rota.\n"
    assert segment_texts(text) == ["A whitelist Keep The", "Lights.", "(KTLO) is our rota."]
    assert findings(text) == [
        (1, 3, "deprecated-term", "whitelist"),
        (5, 2, "undefined-term", "KTLO"),
    ]


def test_a_definition_inside_the_block_needs_nothing_else() -> None:
    text = "Intro.\n\nKeep The Lights On (KTLO) matters.\n\nOutro.\n"
    assert segment_texts(text) == ["Keep The Lights On (KTLO) matters."]
    assert findings(text) == []


def test_entities_and_urls_read_as_the_segments_do() -> None:
    text = "x\n\nAT&amp;whitelist and http://example.com/whitelist end.\n"
    assert findings(text) == [
        (3, 1, "undefined-term", "AT"),
        (3, 8, "deprecated-term", "whitelist"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Plain.\n\n<!-- termlint-disable -->\nA whitelist.\n",  # a directive: read in full
        "Plain.\n\nA whitelist.\n\nFootnote[^1].\n\n[^1]: KTLO\n",  # left to the reference
    ],
)
def test_files_read_in_full(text: str) -> None:
    assert segment_texts(text) == [s.text for s in read_markdown("doc.md", text).segments]
    findings(text)


def test_patterns_and_unknown_checks_read_in_full() -> None:
    text = "Plain prose.\n\nA whitelist.\n"
    everything = ["Plain prose.", "A whitelist."]
    pattern = Pattern(id="plain", regex=r"\bPlain\b", message="No.")
    with_pattern = build_settings(
        Glossary(entries=GLOSSARY.entries, patterns=(pattern,)), Config(root=Path("."))
    )
    assert segment_texts(text, with_pattern) == everything
    assert findings(text, with_pattern) == [
        (1, 1, "plain", "Plain"),
        (3, 3, "deprecated-term", "whitelist"),
    ]
    other = Check(
        id="my-check",
        summary="A check prefilter.py does not know.",
        default_severity=Severity.WARNING,
        fixable=False,
        run=lambda ctx: iter(()),
    )
    assert segment_texts(text, checks=(*CHECKS, other)) == everything
    assert segment_texts(text, checks=(BY_ID["deprecated-term"],)) == ["A whitelist."]


def test_plain_text_files_are_read_in_full() -> None:
    document = read_for_lint("notes.txt", "Plain.\n\nA whitelist.\n", SETTINGS, CHECKS)
    assert [s.text for s in document.segments] == ["Plain.", "A whitelist."]


CORPUS = SHARED / "bench" / "corpus"
TERMS = SHARED / "bench" / "terms.tsv"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/bench is not next to this checkout")
def test_a_corpus_sample_gives_the_reference_findings(tmp_path: Path) -> None:
    """60 pages of the benchmark corpus, with a glossary built from its term list."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from glossaries import write_glossary

    config = write_glossary(tmp_path, TERMS, 264)
    settings = open_session(tmp_path, config, ()).settings
    files = sorted(CORPUS.rglob("*.md"))[::52]
    assert len(files) == 60
    total = 0
    for path in files:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
        reduced = lint_text(path.name, text, settings)
        reference = lint_document(read_markdown(path.name, text), settings)
        assert [(f, f.line_text) for f in reduced] == [(f, f.line_text) for f in reference]
        total += len(reduced)
    assert total > 200
