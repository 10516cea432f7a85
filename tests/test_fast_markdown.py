"""The fast Markdown reader (pulldown-cmark) against the reference (markdown-it-py).

Wherever the fast reader gives a document, it must be the reference's document: the
same segments (text, every piece with its source offsets, scope) and the same comments.
It may decline a file (None), which the callers then read with the reference.
"""

from __future__ import annotations

import ast
import itertools
import multiprocessing
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from termlint.document import BARRIER, Document
from termlint.parsing import fast_markdown as fast
from termlint.parsing import inline_segments, markdown, read_document
from termlint.parsing.markdown import read_markdown

pytestmark = pytest.mark.skipif(not fast.is_available(), reason="pyromark is not installed")

TESTS = Path(__file__).resolve().parent
CORPUS = SHARED / "bench" / "corpus"
B = BARRIER


def shape(document: Document) -> tuple[object, ...]:
    segments = [(s.text, s.pieces, s.scope) for s in document.segments]
    return (segments, document.comments, document.kind, document.path)


def assert_same(text: str, path: str = "doc.md") -> bool:
    """True when the fast reader read it (and agreed), False when it declined."""
    found = fast.read_markdown_fast(path, text)
    if found is None:
        return False
    assert shape(found) == shape(read_markdown(path, text))
    return True


# --- fixtures of my own: every construct the fast reader maps, and what it declines ---

READ = [
    "Our InfraOps team.\n\nSecond *InfraOps* paragraph.\n",
    "# Head *em* ##  \n\nSet **ext**\nline\n===\n\nSub\n---\n",
    "## \n\n#\n\n# only #\n",
    '- item <http://a.b> and ![alt *x*](i.png "t") [ref][r] [c][]\n  cont\nlazy\n\n'
    "[r]: /url\n[c]: /c\n",
    "- a\n- b\n  - c\n\n  d\n- e\n",
    "1. the master\n   server here\n\n   - deep master\n     server\n",
    "> q1\n> q2 `co\n> de` ~~t~~\n>\n> > nested\n> lazy\n",
    "    code\n    more\n\n```py\nx = 'master'\n```\n\nafter\n",
    "| a \\| b | `c \\| d` |\n|--|--|\n| e | f | g |\n| h |\n",
    "| Term | Note |\n|:--|--:|\n| InfraOps | **bold** [link](x) |\n\nnot a table | x\n",
    "a \\* b \\a &amp; &nbsp;c\nline2  \nline3 \nline4\\\\\n\ntext\\\n\\*x\n",
    "a&amp;b &#32;x &bogus; caf\u00e9 &copy; &ngE; \u00fcber\n",
    'text <!-- a\nb --> more <span\nclass="x">y</span>\n\n<!-- termlint-disable -->\n',
    "> <!-- a\n> b -->\n> <div>\n>   x\n> </div>\n\n- <!-- c\n  d -->\n\n  more\n",
    "![a\nb](x.png) \\\nfoo\n\n![outer ![inner](i) text](o)\n\n![](empty.png)\n",
    '[link\ntext](http://x "title") and <me@example.com> and www.example.com/x\n',
    "---\ntitle: master\n---\nBody master.\n",
    "+++\ntitle = 'master'\n+++\nBody.\n",
    "Windows\r\nline two\r\n\r\nCR\ronly\n",
    "\ufeffnot a BOM here: the reader gets decoded text\n",
    "*a\n*\n\n**a\n**b\n\n_x_y_ __init__\n",
    "Setext *with*\n`code`\n---\n",
    "  indented paragraph\n   continued\n",
    "<div>\n\n*md inside*\n\n</div>\n",
    "Text ending in a URL http://example.com/a_b(c)\n",
    "",
    "\n\n",
    "Thematic\n\n***\n\n- - -\n",
    "A no\u00a0break space inside *a\u00a0line* and [its\u00a0link](u), x \u00a0 y.\n",
    "| a\u00a0b | c |\n|---|---|\n| d\u00a0e | f |\n",
    "An em\u2003space and a thin\u2009one.\n\n> quoted\u00a0text\n",
]

NOT_FOOTNOTES = "Match `[^0-9]` or [^a-z] or [^x] or [^ y]: a label has no space.\n\n> [^q]\n"

DECLINED = [
    "Footnote[^1].\n\n[^1]: note\n",
    "A definition alone: a [^1] is text only without it.\n\n> [^1]: note\n",
    "An inline^[footnote] reads as its own segment.\n",
    "tab\tinside\n",
    "\u00a0a no-break space starting a paragraph\n",
    "A line ending in an em space\u2003\n",
    "# \u00a0heading\n",
    "- \u00a0item\n",
    "| \u00a0cell |\n|---|\n",
    "single ~tilde~ strike\n",
    "| a | b \\\\| c |\n|---|---|\n",
    "> q <!--\n> c -->\n",
]


@pytest.mark.parametrize("text", READ)
def test_reads_what_the_reference_reads(text: str) -> None:
    assert_same(text)


# `^[` starts an inline footnote for the reference wherever its inline parser reaches
# it; inside code, HTML and autolinks (regular expressions, mostly) it never does.
CARETS_IN_CODE = [
    "Match `^[A-Z]` and ``^[a-z]`` here.\n",
    '```powershell\n[ValidatePattern("^[0-9]{4}$")] [string]$id = 1111\n```\n',
    "~~~\n^[x]\n~~~\n\n```^[info]\ncode\n```\n",
    'Text.\n\n    $content -match "^[^#]"\n',
    "> ```\n> ^[quoted]\n> ```\n\n- item\n\n  ```\n  ^[listed]\n  ```\n",
    "<div>\n^[in html]\n</div>\n\nText <span title='^[t]'>x</span> <http://a.example/^[b]>.\n",
    "| Pattern | Note |\n|---|---|\n| `^[0-9]` | digits |\n",
    "Caf\u00e9 `^[\u00e9]` and\n\n```\n\u00fcber ^[x]\n```\n",
    "```\nunclosed ^[fence]\n",
]
CARETS_THAT_MAY_BE_FOOTNOTES = [
    "An inline^[note] in prose.\n",
    "A caret before a link: ^[text](https://example.com).\n",
    "An escaped caret \\^[is text] for both, but not proven so.\n",
    "[Link text ^[with a note]](https://example.com)\n",
    "| Pattern | Note |\n|---|---|\n| ^[0-9] | digits |\n",
    "![alt ^[note]](image.png)\n",
    "# Heading ^[note]\n",
    "[a link](^[destination])\n",
    '[ref]: /url "^[title]"\n',
    "Code `x` then ^[note] after `^[code]`.\n",
    "Unclosed ^[bracket and `code`\n",
]


@pytest.mark.parametrize("text", CARETS_IN_CODE)
def test_reads_a_caret_bracket_inside_code_html_or_an_autolink(text: str) -> None:
    assert assert_same(text)


@pytest.mark.parametrize("text", CARETS_THAT_MAY_BE_FOOTNOTES)
def test_declines_a_caret_bracket_anywhere_else(text: str) -> None:
    assert fast.read_markdown_fast("doc.md", text) is None
    # the `^[` alone is why: without it the file is read, as the reference reads it
    assert assert_same(text.replace("^[", "%["))


def test_reads_brackets_with_a_caret_that_no_definition_makes_footnotes() -> None:
    assert assert_same(NOT_FOOTNOTES)
    document = fast.read_markdown_fast("doc.md", NOT_FOOTNOTES)
    assert document is not None
    assert [segment.text for segment in document.segments] == [
        "Match \x00 or [^a-z] or [^x] or [^ y]: a label has no space.",
        "[^q]",
    ]


@pytest.mark.parametrize("text", DECLINED)
def test_declines_what_it_cannot_map(text: str) -> None:
    assert fast.read_markdown_fast("doc.md", text) is None


# --- where the two parsers build different blocks (`disagreements`) ----------------------

# The shortest inputs fuzzing found where pulldown-cmark and markdown-it-py part, by
# family: each must be read as the reference reads it, or declined.
DIVERGENT = {
    "a one-column delimiter row without a pipe": "|-\n--",
    "a table header on a list item's line": "- |\n-|",
    "a table interrupting a paragraph": "=\n*|\n-|",
    "an escaped pipe as the only pipe of a header": "\\|\n-|",
    "a delimiter row starting `- `": ".||\n- |-",
    "a delimiter cell with inner spaces": "v||\n-|- -",
    "a lone pipe under a table": "-|-\n-|-\n|",
    "an indented row": "#|\n-|\n    y",
    "a table in a list item, by markdown-it-py around it": "- a|b\n  -|-",
    "a lazy line over a quoted delimiter row": ">|\n|=\n>-|",
    "a pipe line over a pipe line over a dash line": "|\n||\n--",
    "strikethrough after a letter, before punctuation": "x~~(~~",
    "three tildes": "(~~~a~~",
    "a single tilde between two pairs": "~~!~*~~",
    "a definition whose destination is on the next line": "[r]:\n1.",
    "a definition over an empty list item": "[r]:|\n-",
    "a definition over a setext underline": "[r]:\n--",
    "a definition over an indented line": "[r]:-\n    !",
    "a definition in a block quote over a lazy line": ">[r]:x\nb",
    "a definition ending in a backslash": "[r]:\\ ",
    "a full reference after an escaped bracket": "[a]\\[r]\n\n[r]: /u",
    "a whitespace label after a link": "[r][ ]\n\n[r]: /u",
    "a failed inline link before a reference": "[](<[R]\n\n[r]:u",
    "an inline link ending a paragraph": "[r](\n\n[r]: /u",
    "a label with a space beyond ASCII": "[a\u00a0b]\n\n[a b]: /u",
    "a destination with a backslash and a space": "[](\\ )",
    "a destination with a backslash and a line break": "[a](\\\nb)",
    "a nested quote's lazy line, indented, starting HTML": ">>v\n    <div",
    "a wide list item's lazy line, indented, starting a comment": "*    v\n    <!--",
    "an indented list marker inside a code span": ">>*```\n    1. ```",
    "an indented `>` under a quote": ">\n    >|",
    "a lazy ordered list marker": "  2. b\n    >",
    "a declaration across quote lines": ">a<!a\n>-",
    "a comment ending `--->`": "a<!----->",
    "a tag name, then a no-break space": "<div\u00a0x>",
}


@pytest.mark.parametrize("text", DIVERGENT.values(), ids=DIVERGENT.keys())
def test_reads_each_divergent_input_as_the_reference_or_declines(text: str) -> None:
    assert_same(text)


def test_reads_containers_nested_deeper_than_the_reference_reads() -> None:
    # the one deliberate difference: markdown-it-py skips what ten nested lists hold
    text = "- * - + * - - 1. - * whitelist\n\nA whitelist after it.\n"
    assert read_markdown("doc.md", text).segments == ()
    found = fast.read_markdown_fast("doc.md", text)
    assert found is not None
    assert [segment.text for segment in found.segments] == ["whitelist", "A whitelist after it."]
    nine = "- * - + * - - 1. - whitelist\n\nA whitelist after it.\n"
    assert assert_same(nine)


# ... and the same constructs as documentation writes them: read, as the reference reads them
AGREED = [
    "| a | b |\n|---|:-:|\n| c | d |\n\nafter\n",
    "a | b\n--|--\nc | d\n",
    "1. Step\n\n   | a | b |\n   |---|---|\n   | c | d |\n\n2. Next\n",
    "> | a |\n> |---|\n> | b |\n\nafter\n",
    "| a |\n|---|\n| b |\n# Heading\n",
    "Some ~~struck~~ text and ~~more, struck~~.\n",
    "~~~\ncode ~~~~\n~~~\n\n```text\n+ ~~~~~~~\n```\n",
    "Read [the docs][01] and [this][02].\n\n<!-- links -->\n[01]: /docs/a.md\n"
    '[02]: https://example.com/x_(y)#z "Title"\n',
    "[a]: /u\n\n[b]: /v\n\nText [a] and [b][].\n",
    "[01]: /windows/create-App Control-policy\n[02]: /b\n",
    "- item\n    continued with `code`\n  - nested `[int]::MaxValue`\n",
    "1. Step\n\n    > [!NOTE]\n    > A note in the step.\n",
    "- [link](https://example.com/a)\n  and [another](b) `c | d`\n",
    "A `Get-Item | Select` pipeline and a \\| pipe.\n",
]


@pytest.mark.parametrize("text", AGREED)
def test_reads_tables_strikethrough_definitions_and_lists_as_the_reference(text: str) -> None:
    assert assert_same(text)


def test_reads_table_headers_as_the_reference_counts_them() -> None:
    """The table rule as `disagreements` runs it: as many columns as markdown-it-py
    reads, or none where it reads no table."""
    from markdown_it import MarkdownIt

    from termlint.parsing.table_disagreements import _reference_columns

    parser = MarkdownIt("commonmark").enable("table")
    headers = ["".join(p) for p in itertools.product("|- a\\`", repeat=3)][::5]
    delimiters = ["".join(p) for p in itertools.product("|-: a", repeat=3)]
    for header in headers:
        for delimiter in delimiters:
            tokens = parser.parse(f"{header}\n{delimiter}\n")
            expected = sum(token.type == "th_open" for token in tokens)
            assert _reference_columns(header.strip(" "), delimiter.lstrip(" ")) == expected, (
                header,
                delimiter,
            )


def test_declines_mdx_and_is_not_used_for_it() -> None:
    text = "{/* termlint-disable */}\nmaster\n"
    assert fast.read_markdown_fast("doc.mdx", text) is None
    assert shape(read_document("doc.mdx", text)) == shape(read_markdown("doc.mdx", text, mdx=True))


def test_read_document_uses_it_for_markdown() -> None:
    text = "The *master* server.\n"
    document = read_document("guide.md", text)
    assert shape(document) == shape(read_markdown("guide.md", text))
    assert [s.text for s in document.segments] == ["The master server."]


def test_prepares_the_source_as_the_reference() -> None:
    assert fast.FRONT_MATTER.pattern == markdown._FRONT_MATTER.pattern
    assert fast.FRONT_MATTER.flags == markdown._FRONT_MATTER.flags
    assert fast.HTML_COMMENT.pattern == inline_segments.HTML_COMMENT.pattern
    assert fast.prepare("---\na: 1\n---\nx\r\ny\0") == "   \n    \n   \nx \ny\ufffd"


def test_unicode_spaces_are_every_whitespace_beyond_ascii() -> None:
    beyond_ascii = (chr(code) for code in range(0x80, sys.maxunicode + 1))
    every_space = "".join(char for char in beyond_ascii if char.isspace())
    assert every_space == fast.UNICODE_SPACES


@pytest.mark.parametrize("space", ["\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f"])
def test_declines_ascii_whitespace_other_than_spaces_and_line_breaks(space: str) -> None:
    assert fast.read_markdown_fast("doc.md", f"a{space}b\n") is None


@pytest.mark.parametrize(
    "text",
    [
        "Two  spaces,   three, a\u00a0no-break and an em\u2003space.\n\n# Head  line\n",
        "Mark \x01 inside\n\n- item  one\n- item\u00a0two\n",
        "a &amp;  b &nbsp; c\n\n| x  y | z |\n|---|---|\n",
        "```\nonly code\n```\n",
        "<div>\nonly html\n</div>\n",
    ],
)
def test_sketches_fold_whitespace_as_segments_do(text: str) -> None:
    parsed = fast.parse_markdown_fast("doc.md", text)
    assert parsed is not None
    document = parsed.document()
    assert document is not None
    folded = [" ".join(segment.text.split()) for segment in document.segments]
    assert [block.sketch for block in parsed.blocks if block.sketch] == folded
    assert all(block.sketch == " ".join(block.sketch.split()) for block in parsed.blocks)
    assert assert_same(text)


def test_non_ascii_offsets_are_code_points() -> None:
    text = "Caf\u00e9 \u00fcber \U0001f600 master *serv\u00e9r*\n"
    document = fast.read_markdown_fast("doc.md", text)
    assert document is not None
    (segment,) = document.segments
    assert segment.text == "Caf\u00e9 \u00fcber \U0001f600 master serv\u00e9r"
    span = segment.to_source(12, 18)
    assert (span.start, span.end, text[span.start : span.end]) == (12, 18, "master")
    span = segment.to_source(19, 25)
    assert (span.start, span.end, text[span.start : span.end]) == (20, 26, "serv\u00e9r")


# --- fixtures written by others: every Markdown input the repository's tests hold ----


def _harvested_inputs() -> list[str]:
    """String literals passed to read()/read_markdown()/read_document() in the tests,
    case-file inputs, the realistic fixtures, the example docs and the fuzzing seeds."""
    found: list[str] = []
    for path in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = {"read": 0, "read_markdown": 1, "read_document": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            argument = node.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append(argument.value)
    for case_file in sorted((TESTS / "cases").glob("*.md")):
        blocks = case_file.read_text(encoding="utf-8").split("\n.\n")
        found.extend(blocks[index] + "\n" for index in range(1, len(blocks), 3))
    for folder in (TESTS / "fixtures", TESTS.parent / "examples"):
        found.extend(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md")))
    seeds = TESTS / "fuzz" / "seeds"
    if seeds.is_dir():
        found.extend(p.read_bytes()[1:].decode("utf-8", "replace") for p in sorted(seeds.iterdir()))
    return found


def test_reads_every_markdown_input_of_the_test_suite_as_the_reference() -> None:
    inputs = _harvested_inputs()
    assert len(inputs) > 300
    read = sum(assert_same(text) for text in inputs)
    assert read > len(inputs) // 2  # most of them, and every one of those identically


# --- the shared corpus ------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/bench/corpus is not next to this checkout"
)
def test_reads_the_whole_shared_corpus_as_the_reference() -> None:
    """Every file of the benchmark corpus (3,096 pages): identical documents wherever the
    fast reader reads; it may decline only a few (footnotes, no-break spaces). The files
    are shared among processes (the reference reader takes most of a minute alone)."""
    files = sorted(CORPUS.rglob("*.md"))
    with multiprocessing.get_context("fork").Pool(2) as pool:
        outcomes = pool.map(_compare, files, chunksize=64)
    assert len(files) > 3000
    assert [outcome for outcome in outcomes if outcome not in ("read", "declined")] == []
    assert outcomes.count("declined") <= 25


def _compare(path: Path) -> str:
    text = _decoded(path)
    found = fast.read_markdown_fast(path.name, text)
    if found is None:
        return "declined"
    return "read" if shape(found) == shape(read_markdown(path.name, text)) else str(path)


def _decoded(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[1:] if text.startswith("\ufeff") else text


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/bench/corpus is not next to this checkout"
)
def test_reads_the_corpus_files_whose_caret_brackets_are_all_in_code() -> None:
    """Regular expressions such as `^[0-9]` in code blocks (seven pages of the corpus)."""
    files = [path for path in sorted(CORPUS.rglob("*.md")) if "^[" in _decoded(path)]
    assert len(files) == 7
    assert [_compare(path) for path in files] == ["read"] * len(files)


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/bench/corpus is not next to this checkout"
)
def test_a_sketch_reads_as_its_segment_in_document_order() -> None:
    """What prefilter.py relies on: with URLs blanked, a block's sketch is its segment's
    text (but for a leading or trailing space), and blocks sort as segments do."""
    from termlint.document import blank_urls

    for path in sorted(CORPUS.rglob("*.md"))[::25]:
        parsed = fast.parse_markdown_fast(path.name, _decoded(path))
        if parsed is None:
            continue
        document = parsed.document()
        assert document is not None
        for index, block in enumerate(parsed.blocks):
            built = parsed.document([index])
            assert built is not None
            texts = [segment.text.strip(" ") for segment in built.segments]
            if block.sketch.strip(" " + B):
                blanked = blank_urls(block.sketch)
                assert texts == [blanked.strip(" ")]
            else:
                assert texts == []
        ordered = parsed.in_document_order(range(len(parsed.blocks)))
        texts = [
            block.sketch
            for block in (parsed.blocks[index] for index in ordered)
            if block.sketch.strip(" " + B)
        ]
        assert len(texts) == len(document.segments)
