"""Property tests over the readers and the whole lint of a text (hypothesis).

For any text: no exception, every segment piece maps inside the file and reads as the
file does there, every finding's `text` is the file's text at its span. For generated
Markdown with code, comments, front matter and link destinations that hold glossary
terms: nothing is reported inside them.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_document, check_findings, fuzz_settings

from termlint.document import BARRIER, PieceKind
from termlint.lint import lint_text
from termlint.parsing import read_document, read_markdown, read_text
from termlint.parsing.fast_markdown import read_markdown_fast
from termlint.parsing.markdown import _parser

SETTINGS = fuzz_settings()
NAMES = ("doc.md", "doc.mdx", "doc.txt")
# Markdown's punctuation, whitespace of every kind, terms, and a few wide characters.
MARKUP = [
    *"*_`[]()!<>#|~-=+.:\\/&;\"' \t\r\n\u00a0\u2028",
    "whitelist",
    "Dev Ops",
    "InfraOps",
    "ITOps",
    "click here",
    "KTLO",
    "<!--",
    "-->",
    "```",
    "    ",
    "> ",
    "- ",
    "1. ",
    "[^1]",
    "&amp;",
    "&nbsp;",
    "https://x.example/a",
    "termlint-disable",
    "termlint-enable",
    "é",
    "🚀",
    "\ufeff",
]
markup_text = st.lists(st.sampled_from(MARKUP), max_size=60).map("".join)
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(text=st.one_of(any_text, markup_text), name=st.sampled_from(NAMES))
def test_any_text_reads_into_segments_that_map_inside_the_file(text, name):
    check_document(read_document(name, text))
    check_document(read_text(name, text))
    if name != "doc.txt":
        check_document(read_markdown(name, text, mdx=name.endswith(".mdx")))


@FAST
@given(text=st.one_of(any_text, markup_text), name=st.sampled_from(NAMES))
def test_every_finding_is_the_text_at_its_span(text, name):
    check_findings(text, lint_text(name, text, SETTINGS))


# --- the fast reader reads a `^[` as the reference does, or declines ------------------------

# `^[` in prose and in what both readers take verbatim (code, HTML, an autolink), around
# brackets, escapes and link markup (tables, definitions, tildes and indented lines: below).
CARET_MARKUP = [
    *"^[]`\\*_! \n",
    "^[",
    "^[",
    "(u)",
    "word",
    "\u00e9",
    "\n\n",
    "> ",
    "```\n",
    "<span a='^[x]'>",
    "</span>",
    "<http://a.example/^[b]>",
    "<div>\n",
    "</div>\n",
    "<!-- ",
    " -->",
]


@FAST
@given(text=st.lists(st.sampled_from(CARET_MARKUP), max_size=40).map("".join))
def test_the_fast_reader_reads_caret_brackets_as_the_reference_or_declines(text):
    found = read_markdown_fast("doc.md", text)
    if found is not None:
        expected = read_markdown("doc.md", text)
        assert [(s.text, s.pieces, s.scope) for s in found.segments] == [
            (s.text, s.pieces, s.scope) for s in expected.segments
        ]
        assert found.comments == expected.comments


# --- the fast reader builds the reference's blocks, or declines ---------------------------

# Lines as documentation writes them and as fuzzing broke them: container prefixes (a
# content column of five, nested and lazy quotes), then table rows and delimiter rows,
# strikethrough, reference definitions and the links that use them, HTML and other
# block starts (what may end a lazy line), and words.
LINE_PREFIXES = ["", "", "", "> ", ">", ">> ", "> > ", "- ", "* ", "1. ", "2. ", "*    "]
LINE_PREFIXES += ["  ", "    ", "     ", "   - ", "> - ", "- > ", "  > "]
LINE_PIECES = [
    *"|-:~ ",
    "|",
    "a|b",
    "| a | b |",
    "|-|",
    "-|-",
    "--",
    ":-",
    "| --- | :-: |",
    "- -",
    "\\|",
    "~~",
    "~~a~~",
    "x~~(~~",
    "~~~",
    "a~b",
    "[r]:",
    "[r]: /u",
    '[r]: /u "t"',
    "[r]:|",
    "[r]: /u(v)",
    "[r]",
    "[r][]",
    "![r][]",
    "[a][r]",
    "[a](u)",
    "[a](",
    "<div",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "<!-- c -->",
    "<b>",
    "# h",
    "```",
    "---",
    "***",
    "=",
    "*",
    "`",
    "v",
    "x y",
    "master",
    "\u00e9",
    "\U0001f680",
]
markdown_line = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(LINE_PREFIXES),
        st.lists(st.sampled_from(LINE_PIECES), min_size=0, max_size=4).map("".join),
    ),
)
block_text = st.lists(st.one_of(markdown_line, st.just("")), min_size=1, max_size=8).map("\n".join)
# the same pieces without lines: markers and rows anywhere in a line
piece_text = st.lists(
    st.sampled_from([*LINE_PIECES, *LINE_PREFIXES, "\n", "\n", "\n\n"]), max_size=30
).map("".join)


def truncated_by_the_reference(text: str) -> bool:
    """Whether markdown-it-py may have stopped at its nesting limit (20 levels), where
    the fast reader reads on, as it is meant to (test_fast_markdown.py)."""
    return max((token.level for token in _parser().parse(text)), default=0) >= 18


def assert_read_as_the_reference_or_declined(text: str) -> None:
    found = read_markdown_fast("doc.md", text)
    if found is not None and not truncated_by_the_reference(text):
        expected = read_markdown("doc.md", text)
        assert [(s.text, s.pieces, s.scope) for s in found.segments] == [
            (s.text, s.pieces, s.scope) for s in expected.segments
        ]
        assert found.comments == expected.comments


# 300 examples here; after a change to the fast reader, run it with 20,000 or more
# (settings(max_examples=...)), as it was for `disagreements`.
@FAST
@given(text=st.one_of(block_text, piece_text))
def test_the_fast_reader_builds_the_reference_blocks_or_declines(text):
    assert_read_as_the_reference_or_declined(text)


# --- nothing is reported inside code ------------------------------------------------------

PROTECTED_TERMS = ["whitelist", "Dev Ops", "InfraOps", "ITOps", "click here", "KTLO"]
# Prose words that may form emphasis, links and HTML around the protected parts without
# ever turning them into prose: no backticks (code spans pair exactly), no backslash (an
# escape could break a link), and every line starts with a letter (so no prose line is
# a list item, a quote, a fence or a setext underline that could swallow the code).
PROSE_WORDS = [
    "a",
    "the",
    "whitelist",
    "Dev Ops",
    "InfraOps",
    "*",
    "**",
    "_",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<b>",
    "</b>",
    "~~",
    "#",
    "|",
    "&amp;",
    ".",
]


@dataclass
class Built:
    text: str = ""
    protected: list[tuple[int, int]] | None = None

    def add(self, piece: str, *, protect: bool = False) -> None:
        if protect:
            assert self.protected is not None
            self.protected.append((len(self.text), len(self.text) + len(piece)))
        self.text += piece


term = st.sampled_from(PROTECTED_TERMS)
prose_line = st.lists(st.sampled_from(PROSE_WORDS), max_size=8).map(
    lambda words: "x " + " ".join(words)
)
INLINE_PROTECTED = [
    "`{}`",
    "`` {} ``",
    "<!-- {} -->",
    "[link](https://example.com/{})",
    '[link](/docs "{}")',
    "![{} image](/img.png)",
    "<https://{}.example>",
    "https://example.com/{}/page",
    '<span title="{}">',
]
BLOCK_PROTECTED = [
    "```\n{0}\n{0}\n```\n",
    "~~~ {0}\n{0}\n~~~\n",
    "````text\n```\n{0}\n````\n",
    "    {0}\n    more {0}\n",
    "<div>\n{0}\n</div>\n",
    "<!--\n{0}\n-->\n",
    "[ref]: https://example.com/{0} '{0}'\n",
]


def _in_place(template: str, word: str) -> str:
    """A URL holds no space: "Dev Ops" goes in as the variant "Dev-Ops"."""
    return word.replace(" ", "-") if "://" in template else word


@st.composite
def markdown_with_code(draw: st.DrawFn) -> Built:
    built = Built(protected=[])
    if draw(st.booleans()):
        built.add(f"---\ntitle: {draw(term)}\n---\n", protect=True)
        built.add("\n")
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            for _ in range(draw(st.integers(1, 3))):
                built.add(draw(prose_line) + " ")
                if draw(st.booleans()):
                    template = draw(st.sampled_from(INLINE_PROTECTED))
                    piece = template.format(_in_place(template, draw(term)))
                    if template.startswith(("[", "![")):  # link text and alt text are prose
                        built.add(piece[: piece.index("(")])
                        built.add(piece[piece.index("(") :], protect=True)
                    else:
                        built.add(piece, protect=True)
                    built.add(" " + draw(prose_line))
                built.add("\n")
        else:
            template = draw(st.sampled_from(BLOCK_PROTECTED))
            built.add(template.format(_in_place(template, draw(term))), protect=True)
        built.add("\n")
    return built


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(built=markdown_with_code())
def test_nothing_is_reported_inside_code_urls_comments_or_front_matter(built):
    assert built.protected is not None
    findings = lint_text("doc.md", built.text, SETTINGS)
    check_findings(built.text, findings)
    for finding in findings:
        for start, end in built.protected:
            assert not (finding.span.start < end and start < finding.span.end), (
                f"{finding.rule} at {finding.start} inside {built.text[start:end]!r}"
            )
    # and the reference reader reads nothing there as prose (a bare URL is blanked)
    for segment in read_markdown("doc.md", built.text).segments:
        for piece in segment.pieces:
            if piece.kind is not PieceKind.TEXT:
                continue
            for start, end in built.protected:
                lo, hi = max(start, piece.src_start), min(end, piece.src_end)
                if lo >= hi:
                    continue
                offset = piece.seg_start - piece.src_start
                assert set(segment.text[lo + offset : hi + offset]) <= {BARRIER}, segment.text


def test_the_generator_puts_terms_in_protected_places():
    # Without the protection the same terms are reported: the property above has teeth.
    text = "x the whitelist\n\n    whitelist\n"
    findings = lint_text("doc.md", text, SETTINGS)
    assert [(f.start.line, f.start.column, f.rule) for f in findings] == [(1, 7, "deprecated-term")]
    assert [(f.start.line, f.rule) for f in lint_text("doc.txt", text, SETTINGS)] == [
        (1, "deprecated-term"),
        (3, "deprecated-term"),
    ]
