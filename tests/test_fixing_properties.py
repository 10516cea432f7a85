"""Property: fixing a generated Markdown document changes the fixed spans and nothing else.

Documents mix prose with glossary terms, their variants, casings and endings, inline
code, fenced code, links with URLs, bare URLs and YAML front matter, with LF or CRLF
line ends and with or without a final newline. The test remembers where every piece
that is not prose (code, URLs, front matter) lies, follows it through every fix pass,
and checks that:

- each pass changes exactly the spans of the fixes it applies (the text outside them
  is the same, byte for byte) and no fix touches a piece that is not prose;
- those pieces are identical at the end;
- no finding of a fixable rule remains;
- fixing the result again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termlint.config import Config
from termlint.fixing import MAX_PASSES, fix_text, planned_edits
from termlint.glossary import load_glossary_text
from termlint.lint import build_settings, lint_text
from termlint.model import Finding

GLOSSARY = """\
version: 1
terms:
  - term: DevOps                 # case-sensitive: other casings are variants
    variants: [dev-ops, Dev Ops]
  - term: runbook                # case-insensitive: capitals carried over
    variants: [run book]
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
  - term: master server
    status: forbidden
    replace_with: [primary server]
  - term: IT Operations
    abbreviation: ITOps
patterns:
  - id: utilise
    regex: '\\b[Uu]tilise\\b'
    replace_with: [use]
    message: Say "use".
"""
FIXABLE_RULES = frozenset({"term-variant", "deprecated-term", "acronym-first-use", "utilise"})
SETTINGS = build_settings(load_glossary_text(GLOSSARY, "glossary.yaml"), Config(root=Path()))

# No fragments of a form ("Dev", "book"): a form split by markup ("[Dev](url) Ops") is
# reported without a fix by design (test_fix_cli covers it), and this property wants
# every finding of a fixable rule to be fixable.
PLAIN_WORDS = ["the", "team", "owns", "a", "with", "docs", "café", "naïve", "on-call"]
# (form, endings it may take): terms, variants and other casings
FORMS = [
    ("dev-ops", ("", "'s")),
    ("Dev Ops", ("", "’s")),
    ("devops", ("",)),
    ("DEVOPS", ("",)),
    ("DevOps", ("", "'s")),
    ("run book", ("", "s", "'s")),
    ("Run Book", ("", "s")),
    ("RUN BOOK", ("", "S")),
    ("runbook", ("", "s")),
    ("whitelist", ("", "s", "'s", "’s")),
    ("Whitelist", ("", "s")),
    ("WHITELIST", ("", "S")),
    ("master server", ("", "s")),
    ("Master Server", ("",)),
    ("ITOps", ("",)),
    ("IT Operations", ("",)),
    ("utilise", ("",)),
    ("Utilise", ("",)),
]
CODE_WORDS = ["dev-ops", "whitelist", "ITOps", "master server", "utilise", "Dev Ops", "x"]


@dataclass(frozen=True)
class Piece:
    text: str
    is_prose: bool  # False: code, a URL or front matter, which fixing must never touch


@st.composite
def term_tokens(draw: st.DrawFn, newline: str) -> str:
    form, endings = draw(st.sampled_from(FORMS))
    if " " in form and draw(st.booleans()):
        form = form.replace(" ", newline, 1)  # a multi-word form wrapped across lines
    return form + draw(st.sampled_from(endings))


@st.composite
def inline_pieces(draw: st.DrawFn, newline: str, *, wrap: bool) -> list[Piece]:
    """One line-or-more of prose: words and terms, inline code, links, bare URLs."""
    pieces: list[Piece] = []
    count = draw(st.integers(1, 8))
    for index in range(count):
        if index:
            separator = newline if wrap and draw(st.integers(0, 5)) == 0 else " "
            pieces.append(Piece(separator, True))
        kind = draw(st.sampled_from(["word", "term", "term", "code", "link", "url"]))
        if kind == "word":
            pieces.append(Piece(draw(st.sampled_from(PLAIN_WORDS)), True))
        elif kind == "term":
            pieces.append(Piece(draw(term_tokens(newline if wrap else " ")), True))
        elif kind == "code":
            pieces.append(Piece(f"`{draw(st.sampled_from(CODE_WORDS))}`", False))
        elif kind == "link":
            label = draw(st.sampled_from([form for form, _ in FORMS] + PLAIN_WORDS))
            slug = draw(st.sampled_from(["dev-ops", "whitelist", "ITOps", "utilise", "a"]))
            pieces.append(Piece(f"[{label}](", True))
            pieces.append(Piece(f"https://example.com/{slug}", False))
            pieces.append(Piece(")", True))
        else:
            slug = draw(st.sampled_from(["dev-ops", "whitelist/master-server", "ITOps"]))
            pieces.append(Piece(f"https://docs.example.org/{slug}", False))
    return pieces


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[Piece], str]:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    pieces: list[Piece] = []
    if draw(st.booleans()):
        value = draw(st.sampled_from(CODE_WORDS))
        pieces.append(
            Piece(f"---{newline}title: {value}{newline}tags: [dev-ops]{newline}---", False)
        )
    for _ in range(draw(st.integers(1, 5))):
        if pieces:
            pieces.append(Piece(newline + newline, True))
        kind = draw(st.sampled_from(["paragraph", "paragraph", "heading", "list", "fence"]))
        if kind == "fence":
            body = newline.join(draw(st.lists(st.sampled_from(CODE_WORDS), min_size=1, max_size=3)))
            pieces.append(Piece(f"```{newline}{body}{newline}```", False))
            continue
        prefix = {"paragraph": "", "heading": "# ", "list": "- "}[kind]
        if prefix:
            pieces.append(Piece(prefix, True))
        pieces.extend(draw(inline_pieces(newline, wrap=kind != "heading")))
    if draw(st.booleans()):
        pieces.append(Piece(newline, True))
    return pieces, newline


def lint(text: str) -> list[Finding]:
    return lint_text("doc.md", text, SETTINGS)


def protected_regions(pieces: list[Piece]) -> list[tuple[int, int]]:
    regions = []
    offset = 0
    for piece in pieces:
        if not piece.is_prose:
            regions.append((offset, offset + len(piece.text)))
        offset += len(piece.text)
    return regions


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_fixing_changes_only_fixed_prose_spans(document: tuple[list[Piece], str]) -> None:
    pieces, _ = document
    original = "".join(piece.text for piece in pieces)
    regions = protected_regions(pieces)
    text = original
    for _ in range(MAX_PASSES):
        edits = planned_edits(text, lint(text))
        if not edits:
            break
        rebuilt: list[str] = []
        position = 0
        for edit in edits:
            assert position <= edit.start, "edits overlap"
            for start, end in regions:  # no fix inside (or across) code, URLs, front matter
                assert edit.end <= start or end <= edit.start, (edit, text[start:end])
            rebuilt += [text[position : edit.start], edit.replacement]
            position = edit.end
        rebuilt.append(text[position:])
        fixed = fix_text(text, lint, max_passes=1).text
        assert fixed == "".join(rebuilt)  # outside the fixed spans, every byte is kept
        regions = [_shift(region, edits) for region in regions]
        text = fixed
    else:
        raise AssertionError(f"still fixing after {MAX_PASSES} passes: {text!r}")

    result = fix_text(original, lint)
    assert result.text == text
    kept = [original[start:end] for start, end in protected_regions(pieces)]
    assert [text[start:end] for start, end in regions] == kept
    assert [f for f in result.findings if f.rule in FIXABLE_RULES] == []
    again = fix_text(result.text, lint)
    assert (again.text, again.fixed) == (result.text, 0)


def _shift(region: tuple[int, int], edits: list) -> tuple[int, int]:  # type: ignore[type-arg]
    start, end = region
    delta = sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= start)
    return start + delta, end + delta


def test_a_generated_document_example() -> None:
    """One document of the generator's kind, with its exact fixed bytes."""
    source = (
        "---\r\ntitle: dev-ops\r\n---\r\n\r\n# Dev Ops Run Books\r\n\r\n"
        "Ask ITOps about the master\r\nserver; `whitelist` stays and "
        "[WHITELISTS](https://example.com/whitelist) go. utilise https://docs.example.org/dev-ops"
    )
    result = fix_text(source, lint)
    assert result.text == (
        "---\r\ntitle: dev-ops\r\n---\r\n\r\n# DevOps Runbooks\r\n\r\n"
        "Ask IT Operations (ITOps) about the primary\r\nserver; `whitelist` stays and "
        "[ALLOWLISTS](https://example.com/whitelist) go. use https://docs.example.org/dev-ops"
    )
    assert result.fixed == 6
