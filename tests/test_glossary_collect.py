"""glossary_yaml.check_glossary: the loader reading on past each problem (for `validate`)."""

from __future__ import annotations

import textwrap

import pytest
from test_glossary import ERRORS

from termlint.glossary import Status, load_glossary_text
from termlint.glossary_yaml import EntryPlaces, Place, check_glossary


@pytest.mark.parametrize(("text", "expected"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_the_first_collected_problem_is_the_one_the_loader_raises(text, expected):
    problems = check_glossary(text, "g.yaml").problems
    assert str(problems[0]) == expected


MANY_PROBLEMS = """
version: 2
terms:
  - term: DevOps
    varaints: [x]
    variants: [Dev Ops, ""]
  - term: whitelist
    status: deprecated
    replace_with: [allow list]
  - term: allowlist
    variants: [allow list, dev ops]
  - definition: no term here
  - term: CD
    status: ambiguous
    meanings: [""]
  - term: x1
    status: bogus
allow: [API, "--", 3]
patterns:
  - id: Bad_Id
    regex: '(a'
    message: m
    severity: fatal
  - id: ok
    regex: 'b'
"""


def test_every_problem_is_reported_at_once():
    result = check_glossary(textwrap.dedent(MANY_PROBLEMS).lstrip("\n"), "g.yaml")
    assert [str(problem) for problem in result.problems] == [
        "g.yaml:1:10: 'version' must be 1, not 2",
        "g.yaml:4:5: unknown key 'varaints' in term entry (expected one of: term, definition,"
        " variants, abbreviation, status, replace_with, meanings, see, tags, message,"
        " case_sensitive)",
        "g.yaml:5:25: variant is empty",
        "g.yaml:11:5: term entry has no 'term'",
        "g.yaml:14:16: meaning is empty",
        "g.yaml:16:13: unknown status 'bogus' (expected one of: preferred, admitted,"
        " deprecated, forbidden, ambiguous)",
        "g.yaml:10:28: variant 'dev ops' is already a form of 'DevOps' (line 5)",
        "g.yaml:8:20: replacement 'allow list' is itself flagged: it is a variant of 'allowlist'",
        "g.yaml:17:20: 'allow' item must be a string, not a number (write it in quotes: \"3\")",
        "g.yaml:17:14: allowed word '--' has no letter or digit",
        "g.yaml:19:9: pattern id 'Bad_Id' must be kebab-case (like 'click-here')",
        "g.yaml:20:12: invalid regex in pattern 'Bad_Id': missing ) at position 2",
        "g.yaml:22:15: unknown severity 'fatal' (expected one of: error, warning, info)",
        "g.yaml:23:5: pattern has no 'message'",
    ]
    # What did validate is kept: a broken entry or pattern is left out whole.
    assert [entry.term for entry in result.glossary.entries] == [
        "DevOps",
        "whitelist",
        "allowlist",
        "CD",
    ]
    assert result.glossary.allow == ("API",)
    assert [pattern.id for pattern in result.glossary.patterns] == ["Bad_Id"]


def test_a_broken_document_gives_one_problem_and_nothing_else():
    result = check_glossary("terms: [DevOps\n", "g.yaml")
    assert len(result.problems) == 1
    assert str(result.problems[0]).startswith("g.yaml:2:1: invalid YAML: ")
    assert (result.glossary.entries, result.places) == ((), ())


def test_places_say_where_each_value_was_written():
    text = textwrap.dedent(
        """
        terms:
          - term: IT Operations
            abbreviation: ITOps
            variants: [IT Ops, IT-Ops]
            see: https://example.com/itops
          - term: InfraOps
            status: ambiguous
            meanings: [Infrastructure Operations, Infrastructure Optimisation]
        """
    ).lstrip("\n")
    result = check_glossary(text, "g.yaml")
    assert result.problems == ()
    assert result.places == (
        EntryPlaces(
            entry=Place(2, 5),
            term=Place(2, 11),
            variants=(Place(4, 16), Place(4, 24)),
            abbreviation=Place(3, 19),
            see=Place(5, 10),
        ),
        EntryPlaces(
            entry=Place(6, 5),
            term=Place(6, 11),
            meanings=(Place(8, 16), Place(8, 43)),
        ),
    )
    assert result.glossary == load_glossary_text(text, "g.yaml")
    assert result.glossary.entries[1].status is Status.AMBIGUOUS


def test_an_ambiguous_term_with_only_bad_meanings_is_not_also_missing_them():
    text = 'terms:\n  - term: CD\n    status: ambiguous\n    meanings: [""]\n'
    assert [str(p) for p in check_glossary(text, "g.yaml").problems] == [
        "g.yaml:4:16: meaning is empty"
    ]
