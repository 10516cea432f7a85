"""`termlint discover`: candidate terms across a small corpus, in every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from hypothesis import given, settings
from hypothesis import strategies as st

from termlint import candidates
from termlint.candidates import CandidateTerm, Example
from termlint.commands.discover import render_text, render_yaml
from termlint.glossary import load_glossary_text

GLOSSARY = """\
version: 1
terms:
  - term: IT Operations
    abbreviation: ITOps
allow: [SLA]
"""
CONFIG = """\
glossary: [glossary.yaml]
exclude: [legacy/]
jargon: {allow: [ZTNA]}
"""
CORPUS = {
    ".termlint.yaml": CONFIG,
    "glossary.yaml": GLOSSARY,
    "docs/a.md": (
        "# Operations handbook\n"
        "\n"
        "Keep The Lights On (KTLO) work fills most weeks. KTLO stays dull.\n"
        "\n"
        "Our FinOps review, the DevEx (Developer Experience) survey and the KTLOs backlog.\n"
        "\n"
        "`NetOps` in code is no prose. The API, the URL and the SLA are fine, IT Operations\n"
        "(ITOps) too, and so is the ZTNA rollout. <!-- HTMLOps in a comment -->\n"
    ),
    "docs/b.txt": "FinOps again. DevEx again. NetOps twice: NetOps.\n",
    "docs/legacy/c.md": "KTLO KTLO KTLO NetOps NetOps\n",  # excluded by the config
    ".github/d.md": "KTLO KTLO KTLO\n",  # hidden
    "notes.rst": "KTLO KTLO KTLO\n",  # not included
}

EXPECTED = {
    "version": 1,
    "candidates": [
        {
            "text": "KTLO",
            "count": 3,
            "files": 1,
            "example": {"path": "docs/a.md", "line": 3, "column": 21},
            "definition": "Keep The Lights On",
        },
        {
            "text": "DevEx",
            "count": 2,
            "files": 2,
            "example": {"path": "docs/a.md", "line": 5, "column": 24},
            "definition": "Developer Experience",
        },
        {
            "text": "FinOps",
            "count": 2,
            "files": 2,
            "example": {"path": "docs/a.md", "line": 5, "column": 5},
            "definition": None,
        },
        {
            "text": "NetOps",
            "count": 2,
            "files": 1,
            "example": {"path": "docs/b.txt", "line": 1, "column": 28},
            "definition": None,
        },
    ],
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_tree(tmp_path, CORPUS)


def test_json_lists_the_candidates_most_frequent_first_ties_alphabetical(corpus):
    result = run_cli(["discover", "--format", "json"], corpus)
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == EXPECTED
    assert result.stdout == json.dumps(EXPECTED, indent=2) + "\n"


def test_min_count(corpus):
    result = run_cli(["discover", "--format", "json", "--min-count", "3"], corpus)
    assert json.loads(result.stdout)["candidates"] == EXPECTED["candidates"][:1]
    result = run_cli(["discover", "--format", "json", "--min-count", "4"], corpus)
    assert json.loads(result.stdout) == {"version": 1, "candidates": []}


def test_min_count_below_one_is_a_usage_error(corpus):
    result = run_cli(["discover", "--min-count", "0"], corpus)
    assert result.exit_code == 2
    assert "--min-count" in result.stderr


def test_named_paths_narrow_the_corpus(corpus):
    result = run_cli(["discover", "--format", "json", "docs/b.txt"], corpus)
    # DevEx is no jargon: without its definition in docs/a.md it is no candidate either
    assert [(c["text"], c["count"]) for c in json.loads(result.stdout)["candidates"]] == [
        ("NetOps", 2),
        ("FinOps", 1),
    ]


def test_text_table(corpus):
    result = run_cli(["discover"], corpus)
    assert result.exit_code == 0
    assert result.stdout == (
        "count  files  candidate  first seen       definition\n"
        "    3      1  KTLO       docs/a.md:3:21   Keep The Lights On\n"
        "    2      2  DevEx      docs/a.md:5:24   Developer Experience\n"
        "    2      2  FinOps     docs/a.md:5:5\n"
        "    2      1  NetOps     docs/b.txt:1:28\n"
    )


def test_yaml_is_a_glossary_ready_to_paste(corpus):
    result = run_cli(["discover", "--format", "yaml"], corpus)
    assert result.exit_code == 0
    assert result.stdout == (
        "# Candidate terms found by `termlint discover`: review each entry (status,\n"
        "# definition, variants) before you paste it into your glossary.\n"
        "version: 1\n"
        "terms:\n"
        "  # 3 times in 1 file, first at docs/a.md:3:21\n"
        "  - term: Keep The Lights On\n"
        "    abbreviation: KTLO\n"
        "  # 2 times in 2 files, first at docs/a.md:5:24\n"
        "  - term: DevEx\n"
        "    definition: Developer Experience\n"
        "  # 2 times in 2 files, first at docs/a.md:5:5\n"
        "  - term: FinOps\n"
        "  # 2 times in 1 file, first at docs/b.txt:1:28\n"
        "  - term: NetOps\n"
    )
    glossary = load_glossary_text(result.stdout, "discovered.yaml")
    assert [(e.term, e.abbreviation, e.definition) for e in glossary.entries] == [
        ("Keep The Lights On", "KTLO", None),
        ("DevEx", None, "Developer Experience"),
        ("FinOps", None, None),
        ("NetOps", None, None),
    ]


def test_pasting_the_yaml_makes_the_candidates_known(corpus):
    pasted = run_cli(["discover", "--format", "yaml"], corpus).stdout
    write_tree(corpus, {"discovered.yaml": pasted})
    result = run_cli(["discover", "--format", "json", "--glossary", "discovered.yaml"], corpus)
    assert json.loads(result.stdout) == {"version": 1, "candidates": []}


def test_jargon_patterns_from_the_config_are_respected(corpus):
    config = CONFIG.replace(
        "jargon: {allow: [ZTNA]}", "jargon: {allow: [ZTNA], patterns: {ops-suffix: false}}"
    )
    write_tree(corpus, {".termlint.yaml": config})
    result = run_cli(["discover", "--format", "json"], corpus)
    assert [c["text"] for c in json.loads(result.stdout)["candidates"]] == ["KTLO", "DevEx"]


def test_nothing_to_discover(tmp_path):
    write_tree(tmp_path, {".termlint.yaml": CONFIG, "glossary.yaml": GLOSSARY, "a.md": "Plain.\n"})
    assert run_cli(["discover"], tmp_path).stdout == "No candidate terms found.\n"
    yaml_out = run_cli(["discover", "--format", "yaml"], tmp_path).stdout
    assert yaml_out.endswith("version: 1\nterms: []\n")
    assert load_glossary_text(yaml_out, "x.yaml").entries == ()


def test_unreadable_files_are_skipped_with_a_warning(tmp_path):
    write_tree(tmp_path, {".termlint.yaml": CONFIG, "glossary.yaml": GLOSSARY, "a.md": "KTLO\n"})
    (tmp_path / "b.md").write_bytes(b"KTLO \xff\n")
    result = run_cli(["discover", "--format", "json"], tmp_path)
    assert result.exit_code == 0
    assert [(c["text"], c["count"]) for c in json.loads(result.stdout)["candidates"]] == [
        ("KTLO", 1)
    ]
    assert result.stderr == (
        "termlint: warning: b.md: file is not valid UTF-8 (byte 0xff at offset 5) (skipped)\n"
    )


# --- the yaml renderer on awkward candidates -------------------------------------------------


def candidate(text: str, definition: str | None, count: int = 1) -> CandidateTerm:
    return CandidateTerm(text, count, 1, Example("a.md", 1, 1), definition)


def test_yaml_quotes_what_yaml_would_misread_and_never_repeats_a_form():
    rendered = render_yaml(
        [
            candidate("NO", "Network Operations"),  # a YAML 1.1 boolean when plain
            candidate("NOC", "Network Operations"),  # the same expansion again
            candidate("ON", None),
            candidate("SLO", "Service: Level Objective"),  # a colon
            candidate("CTO", "Chief Technology Officer #1"),
        ]
    )
    terms = rendered.split("terms:\n", 1)[1]
    assert terms == (
        "  # 1 time in 1 file, first at a.md:1:1\n"
        "  - term: Network Operations\n"
        '    abbreviation: "NO"\n'
        "  # 1 time in 1 file, first at a.md:1:1\n"
        "  - term: NOC\n"
        "    definition: Network Operations\n"
        "  # 1 time in 1 file, first at a.md:1:1\n"
        '  - term: "ON"\n'
        "  # 1 time in 1 file, first at a.md:1:1\n"
        '  - term: "Service: Level Objective"\n'
        "    abbreviation: SLO\n"
        "  # 1 time in 1 file, first at a.md:1:1\n"
        '  - term: "Chief Technology Officer #1"\n'
        "    abbreviation: CTO\n"
    )
    glossary = load_glossary_text(rendered, "x.yaml")
    assert [(e.term, e.abbreviation, e.definition) for e in glossary.entries] == [
        ("Network Operations", "NO", None),
        ("NOC", None, "Network Operations"),
        ("ON", None, None),
        ("Service: Level Objective", "SLO", None),
        ("Chief Technology Officer #1", "CTO", None),
    ]


def test_text_renderer_without_candidates():
    assert render_text([]) == "No candidate terms found.\n"


def _shaped_words_by_counting(text: str) -> list[tuple[int, str]]:
    """The plain reading: every word, singular, kept when it has two capitals or more."""
    found = []
    for match in candidates._WORD.finditer(text):
        word = candidates._singular(match.group())
        if sum(char.isupper() for char in word) >= 2:
            found.append((match.start(), word))
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["The", "DevEx", "KTLOs", "A1B", "a1", "ÉtÉ", "Ǆa", "x", "aBC", "Ab", " "]),
        max_size=12,
    ).map(" ".join)
)
def test_shaped_words_are_the_words_with_two_capitals(text: str) -> None:
    assert list(candidates._shaped_words(text)) == _shaped_words_by_counting(text)
