"""Inline suppression (SPEC §5): every directive form, in Markdown, MDX and plain text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from sample_glossary import STATUS_TERMS

from termlint.config import Config
from termlint.document import Comment
from termlint.glossary import load_glossary_text
from termlint.lint import build_settings, lint_text
from termlint.model import Span
from termlint.parsing import read_document
from termlint.suppression import Directive, Kind, LineRule, Region, parse_directive, scan

GLOSSARY = (
    """\
version: 1
terms:
"""
    + STATUS_TERMS
    + """\
patterns:
  - id: click-here
    regex: '(?i)\\bclick here\\b'
    message: Say where the link goes.
"""
)

SETTINGS = build_settings(load_glossary_text(GLOSSARY, "glossary.yaml"), Config(root=Path(".")))


def brief(path: str, text: str) -> list[tuple[int, int, str, str]]:
    return [(f.start.line, f.start.column, f.rule, f.text) for f in lint_text(path, text, SETTINGS)]


# Three lines, each with one finding per rule kind: ambiguous, deprecated, undefined.
BODY = [
    "The InfraOps team keeps a whitelist of KTLO tasks.",
    "The InfraOps team keeps a whitelist of KTLO tasks.",
    "The InfraOps team keeps a whitelist of KTLO tasks.",
]


def on_line(line: int, *rules: str) -> list[tuple[int, int, str, str]]:
    """The findings of one BODY line (undefined-term fires only at the first use per file)."""
    every = {
        "ambiguous-term": (5, "InfraOps"),
        "deprecated-term": (27, "whitelist"),
        "undefined-term": (40, "KTLO"),
    }
    return [(line, every[rule][0], rule, every[rule][1]) for rule in rules]


ALL = ("ambiguous-term", "deprecated-term", "undefined-term")
GLOSSARY_RULES = ("ambiguous-term", "deprecated-term")


# --- directives in Markdown and in plain text, with and without names ---------------------

MARKDOWN = {
    "disable-line": "{0} <!-- termlint-disable-line{1} -->",
    "next-line": "<!-- termlint-disable-next-line{1} -->\n{0}",
}
TEXT = {
    "disable-line": "{0} termlint-disable-line{1}",
    "next-line": "termlint-disable-next-line{1}\n{0}",
}
NAMES = {
    "no names": ("", ()),
    "a rule id": (" ambiguous-term", ("deprecated-term", "undefined-term")),
    "a term": (" InfraOps", ("deprecated-term", "undefined-term")),
    "term and rule, comma-separated": (" whitelist, undefined-term", ("ambiguous-term",)),
    "term in another case": (" WHITELIST", ("ambiguous-term", "undefined-term")),
    "the matched text of an undefined word": (" KTLO", ("ambiguous-term", "deprecated-term")),
}


@pytest.mark.parametrize(("kind", "names"), [(k, n) for k in MARKDOWN for n in NAMES])
@pytest.mark.parametrize(("path", "forms"), [("doc.md", MARKDOWN), ("notes.txt", TEXT)])
def test_line_directives(path, forms, kind, names):
    suffix, left = NAMES[names]
    line = forms[kind].format(BODY[0], suffix)
    text = f"Intro.\n\n{line}\n\n{BODY[1]}\n"
    target = 3 if kind == "disable-line" else 4
    # the suppressed line's remaining findings, then the untouched line after it, where
    # undefined-term is silent: it reports only the first use in a file, suppressed or not
    expected = on_line(target, *left) + on_line(target + 2, *GLOSSARY_RULES)
    assert brief(path, text) == expected


@pytest.mark.parametrize(
    ("path", "disable", "enable"),
    [
        ("doc.md", "<!-- termlint-disable{} -->", "<!-- termlint-enable{} -->"),
        ("doc.mdx", "{{/* termlint-disable{} */}}", "{{/* termlint-enable{} */}}"),
        ("notes.txt", "termlint-disable{}", "termlint-enable{}"),
    ],
)
@pytest.mark.parametrize("names", NAMES)
def test_region_between_disable_and_enable(path, disable, enable, names):
    suffix, left = NAMES[names]
    text = (
        "\n\n".join([disable.format(suffix), BODY[0], BODY[1], enable.format(""), BODY[2]]) + "\n"
    )
    expected = on_line(3, *left) + on_line(5, *[r for r in left if r != "undefined-term"])
    assert brief(path, text) == expected + on_line(9, *GLOSSARY_RULES)


@pytest.mark.parametrize(
    ("path", "disable"),
    [
        ("doc.md", "<!-- termlint-disable {} -->"),
        ("doc.mdx", "{{/* termlint-disable {} */}}"),
        ("notes.txt", "termlint-disable {}"),
    ],
)
def test_region_left_open_runs_to_the_end_of_the_file(path, disable):
    text = f"{BODY[0]}\n\n{disable.format('deprecated-term')}\n\n{BODY[1]}\n\n{BODY[2]}"
    assert brief(path, text) == on_line(1, *ALL) + on_line(5, "ambiguous-term") + on_line(
        7, "ambiguous-term"
    )
    bare = f"{BODY[0]}\n\n{disable.format('')}\n\n{BODY[1]}\n\n{BODY[2]}"
    assert brief(path, bare) == on_line(1, *ALL)


def test_bare_enable_ends_every_open_region():
    text = (
        "<!-- termlint-disable InfraOps -->\n"
        "<!-- termlint-disable whitelist -->\n\n"
        f"{BODY[0]}\n\n<!-- termlint-enable -->\n\n{BODY[1]}\n"
    )
    assert brief("doc.md", text) == on_line(4, "undefined-term") + on_line(8, *GLOSSARY_RULES)


def test_enable_with_a_name_ends_only_that_name():
    text = (
        "<!-- termlint-disable InfraOps whitelist -->\n\n"
        f"{BODY[0]}\n\n<!-- termlint-enable infraops -->\n\n{BODY[1]}\n"
    )
    assert brief("doc.md", text) == on_line(3, "undefined-term") + on_line(7, "ambiguous-term")


def test_enable_with_a_name_inside_a_bare_region_switches_only_that_name_back_on():
    text = (
        "termlint-disable\n"
        f"{BODY[0]}\n"
        "termlint-enable deprecated-term\n"
        f"{BODY[1]}\n"
        "termlint-enable\n"
        f"{BODY[2]}\n"
    )
    assert brief("notes.txt", text) == on_line(4, "deprecated-term") + on_line(6, *GLOSSARY_RULES)


def test_a_region_opened_inside_a_paragraph_starts_after_the_directive():
    text = f"{BODY[0]} <!-- termlint-disable --> The InfraOps team.\n"
    assert brief("doc.md", text) == on_line(1, *ALL)


def test_disable_line_covers_a_finding_wrapped_onto_it():
    text = "The old master\nserver is gone. <!-- termlint-disable-line -->\n"
    assert brief("doc.md", text) == []


def test_multi_word_term_named_in_quotes_and_a_reason_after_two_dashes():
    text = (
        "The master server is old. "
        '<!-- termlint-disable-line "master  server" -- kept for the history page -->\n'
    )
    assert brief("doc.md", text) == []


def test_pattern_ids_are_names_too():
    text = "Please click here. <!-- termlint-disable-line click-here -->\nThen click here.\n"
    assert brief("doc.md", text) == [(2, 6, "click-here", "click here")]


def test_directives_inside_code_are_not_directives():
    text = "```\n<!-- termlint-disable -->\n```\n\nThe InfraOps team.\n"
    assert brief("doc.md", text) == [(5, 5, "ambiguous-term", "InfraOps")]


def test_mdx_comment_syntax_works_only_in_mdx():
    text = "{/* termlint-disable-next-line */}\nThe InfraOps team.\n"
    assert brief("doc.mdx", text) == []
    assert brief("doc.md", text) == [(2, 5, "ambiguous-term", "InfraOps")]


# --- unknown-directive -----------------------------------------------------------------


def lint_full(path: str, text: str):
    return [
        (f.start.line, f.start.column, f.end.line, f.end.column, f.rule, f.severity.value,
         f.text, f.message, f.suggestions)
        for f in lint_text(path, text, SETTINGS)
    ]  # fmt: skip


def test_a_typo_in_a_rule_id_is_reported_and_the_other_names_still_apply():
    text = "The InfraOps team keeps a whitelist. <!-- termlint-disable-line ambigous-term, whitelist -->\n"
    directive = "<!-- termlint-disable-line ambigous-term, whitelist -->"
    assert lint_full("doc.md", text) == [
        (1, 5, 1, 13, "ambiguous-term", "warning", "InfraOps",
         '"InfraOps" is ambiguous: it can mean Infrastructure Operations or Infrastructure Optimisation',
         ("Infrastructure Operations", "Infrastructure Optimisation")),
        (1, 38, 1, 93, "unknown-directive", "warning", directive,
         '"ambigous-term" in termlint-disable-line is not a rule id, a glossary term or a word '
         'of this file; did you mean "ambiguous-term"?',
         ("ambiguous-term",)),
    ]  # fmt: skip


def test_a_typo_in_a_term_suggests_the_term_in_plain_text():
    text = "termlint-disable InfarOps\nThe InfraOps team.\n"
    assert lint_full("notes.txt", text) == [
        (1, 1, 1, 26, "unknown-directive", "warning", "termlint-disable InfarOps",
         '"InfarOps" in termlint-disable is not a rule id, a glossary term or a word of this '
         'file; did you mean "InfraOps"?',
         ("InfraOps",)),
        (2, 5, 2, 13, "ambiguous-term", "warning", "InfraOps",
         '"InfraOps" is ambiguous: it can mean Infrastructure Operations or Infrastructure Optimisation',
         ("Infrastructure Operations", "Infrastructure Optimisation")),
    ]  # fmt: skip


def test_a_name_with_nothing_close_gets_no_suggestion():
    text = "Hello. <!-- termlint-enable zebra -->\n"
    assert lint_full("doc.md", text) == [
        (1, 8, 1, 38, "unknown-directive", "warning", "<!-- termlint-enable zebra -->",
         '"zebra" in termlint-enable is not a rule id, a glossary term or a word of this file',
         ()),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "UNDEFINED-TERM",  # a rule id, in any case
        "read-error",  # the pipeline's own rule ids
        "unknown-directive",
        "CLICK-HERE",  # a pattern id
        "infrastructure",  # a word of the file's prose, in any case
        "Team",
        '"InfraOps team"',  # a quoted run of words in the prose
        "Whitelist",  # a glossary term that the file does not use
        '"Master Server"',  # a multi-word glossary term, quoted
    ],
)
def test_known_names_are_not_reported(name):
    text = f"Infrastructure and the InfraOps team. <!-- termlint-disable-line {name} -->\n"
    assert [f[4] for f in lint_full("doc.md", text)] == ["ambiguous-term"]


@pytest.mark.parametrize(
    ("name", "unknown"),
    [
        ("master", ["master"]),  # only part of the glossary term "master server"
        ("Master Server", ["Master", "Server"]),  # unquoted: two names
        ("whitelists", ["whitelists"]),  # a glossary term with an ending, in no prose
        ("team-lead", ["team-lead"]),  # "team" is in the prose, "team-lead" is not
    ],
)
def test_unknown_names(name, unknown):
    text = f"The team. <!-- termlint-disable-line {name} -->\n"
    found = [f[7].split('"')[1] for f in lint_full("doc.md", text)]
    assert found == unknown


def test_the_directives_own_words_are_not_words_of_the_file():
    # "tidy" appears only inside directives: in the comment itself and in another one
    text = (
        "Hello. <!-- termlint-disable tidy -->\n\n<!-- tidy -->\n\n<!-- termlint-enable tidy -->\n"
    )
    found = [(f[0], f[4], f[7]) for f in lint_full("doc.md", text)]
    assert found == [
        (1, "unknown-directive",
         '"tidy" in termlint-disable is not a rule id, a glossary term or a word of this file'),
        (5, "unknown-directive",
         '"tidy" in termlint-enable is not a rule id, a glossary term or a word of this file'),
    ]  # fmt: skip
    # the same line as prose makes "tidy" a word of the file
    assert lint_full("doc.md", text + "\nA tidy page.\n") == []
    text = "Hello. termlint-disable-line tidy\ntermlint-enable tidy\n"
    assert [(f[0], f[4]) for f in lint_full("notes.txt", text)] == [
        (1, "unknown-directive"),
        (2, "unknown-directive"),
    ]


def test_unknown_directive_can_itself_be_suppressed_by_name():
    text = (
        "<!-- termlint-disable-next-line unknown-directive -->\n<!-- termlint-disable zebra -->\n"
    )
    assert lint_full("doc.md", text) == []


# --- the pure parts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("termlint-disable", (Kind.DISABLE, ())),
        ("  termlint-enable  ", (Kind.ENABLE, ())),
        ("termlint-disable-line a,b  c", (Kind.DISABLE_LINE, ("a", "b", "c"))),
        ("termlint-disable-next-line,a", (Kind.DISABLE_NEXT_LINE, ("a",))),
        ('termlint-disable "master\n server" x', (Kind.DISABLE, ("master server", "x"))),
        ("termlint-disable a -- because b", (Kind.DISABLE, ("a",))),
        ("termlint-disable a a", (Kind.DISABLE, ("a",))),
        ("termlint-disabled", None),
        ("note: termlint-disable", None),
        ("termlint-disable-nextline", None),
    ],
)
def test_parse_directive(body, expected):
    directive = parse_directive(Comment(Span(3, 9), body))
    if expected is None:
        assert directive is None
    else:
        assert directive == Directive(expected[0], expected[1], Span(3, 9))


def test_scan_builds_regions_and_lines():
    text = (
        "<!-- termlint-disable A b -->\n"  # 0..29
        "x <!-- termlint-disable-line -->\n"
        "<!-- termlint-enable a -->\n"
        "<!-- termlint-disable-next-line c -->\n"
        "y\n"
    )
    suppressions = scan(read_document("doc.md", text))
    enable_start = text.index("<!-- termlint-enable")
    enable_end = text.index("\n", enable_start)
    assert suppressions.regions == (
        Region(29, enable_start, frozenset({"a", "b"})),
        Region(enable_end, len(text), frozenset({"b"})),
    )
    assert suppressions.lines == (LineRule(2, None), LineRule(5, frozenset({"c"})))


# --- through the command line: unknown-directive is a rule like the others -----------------


DOC = "The InfraOps team. <!-- termlint-disable-line InfarOps -->\n"


def run(tmp_path: Path, *args: str, rules: str = "") -> tuple[int, list[tuple[str, str]]]:
    config = "glossary: [glossary.yaml]\n" + rules
    write_tree(tmp_path, {"glossary.yaml": GLOSSARY, ".termlint.yaml": config, "doc.md": DOC})
    result = run_cli(["check", "--format", "json", *args], tmp_path)
    report = json.loads(result.stdout)
    return result.exit_code, [(f["rule"], f["severity"]) for f in report["findings"]]


def test_unknown_directive_is_reported_selected_and_ignored(tmp_path):
    assert run(tmp_path) == (1, [("ambiguous-term", "warning"), ("unknown-directive", "warning")])
    assert run(tmp_path, "--ignore", "unknown-directive") == (1, [("ambiguous-term", "warning")])
    assert run(tmp_path, "--select", "unknown-directive") == (1, [("unknown-directive", "warning")])


def test_unknown_directive_severity_from_the_config(tmp_path):
    assert run(tmp_path, "--fail-on", "error", rules="rules: {unknown-directive: error}\n") == (
        1,
        [("ambiguous-term", "warning"), ("unknown-directive", "error")],
    )
    assert run(tmp_path, rules="rules: {unknown-directive: off}\n") == (
        1,
        [("ambiguous-term", "warning")],
    )
