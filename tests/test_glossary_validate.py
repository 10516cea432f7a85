"""`termlint glossary validate`: every problem at once, per file and across the merge."""

from __future__ import annotations

import textwrap

from glossary_helpers import run_termlint

from termlint.glossary_io.validation import Problem, validate_texts
from termlint.model import Severity


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


FIRST = """
terms:
  - term: DevOps
    variants: [Dev Ops]
    see: wiki/devops
  - term: allowlist
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
  - term: Infrastructure Operations
"""

SECOND = """
terms:
  - term: Developer Operations
    variants: [dev ops]
  - term: allow list
    variants: [allowlist]
  - term: whitelist
    status: deprecated
    replace_with: allowlist
    varaints: x
patterns:
  - id: x
    regex: '(a'
    message: m
"""


def test_problems_of_each_file_and_of_the_merge(tmp_path):
    write(tmp_path, "a.yaml", FIRST)
    write(tmp_path, "b.yaml", SECOND)
    result = run_termlint(["glossary", "validate", "a.yaml", "b.yaml"], tmp_path)
    assert result.stdout.splitlines() == [
        "a.yaml:4:10: error: 'see' must be an http or https URL, not 'wiki/devops'",
        "a.yaml:8:43: warning: meaning 'Infrastructure Optimisation' of the ambiguous term"
        " 'InfraOps' is not a term in the glossary (add an entry, so readers can look it up)",
        "b.yaml:3:16: warning: variant 'dev ops' is already a variant of 'DevOps'"
        " (a.yaml:3:16); this later file's entry wins",
        "b.yaml:5:16: error: variant 'allowlist' is the term 'allowlist' (a.yaml:5:11):"
        " it would report that term as a variant",
        "b.yaml:8:19: error: replacement 'allowlist' is itself flagged: it is a variant of"
        " 'allow list'",
        "b.yaml:9:5: error: unknown key 'varaints' in term entry (expected one of: term,"
        " definition, variants, abbreviation, status, replace_with, meanings, see, tags,"
        " message, case_sensitive)",
        "b.yaml:12:12: error: invalid regex in pattern 'x': missing ) at position 2",
    ]
    assert result.stderr == "Found 5 errors and 2 warnings in 2 glossary files.\n"
    assert result.exit_code == 1


def test_warnings_alone_exit_0(tmp_path):
    write(tmp_path, "a.yaml", "terms:\n  - term: Kubernetes\n    abbreviation: K8s\n")
    write(tmp_path, "b.yaml", "terms:\n  - term: kates\n    variants: [k8s]\n")
    result = run_termlint(["glossary", "validate", "a.yaml", "b.yaml"], tmp_path)
    assert result.stdout == (
        "b.yaml:3:16: warning: variant 'k8s' is already an abbreviation of 'Kubernetes'"
        " (a.yaml:3:19); this later file's entry wins\n"
    )
    assert result.stderr == "Found 0 errors and 1 warning in 2 glossary files.\n"
    assert result.exit_code == 0


def test_a_redefined_term_is_not_a_clash(tmp_path):
    write(tmp_path, "a.yaml", "terms:\n  - term: DevOps\n    variants: [Dev Ops]\n")
    write(tmp_path, "b.yaml", "terms:\n  - term: devops\n    variants: [Dev Ops]\n")
    result = run_termlint(["glossary", "validate", "a.yaml", "b.yaml"], tmp_path)
    assert (result.stdout, result.stderr, result.exit_code) == (
        "",
        "No problems in 2 glossary files.\n",
        0,
    )


def test_a_meaning_defined_in_a_later_file_counts(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        "terms:\n  - term: CD\n    status: ambiguous\n    meanings: [continuous delivery]\n",
    )
    write(tmp_path, "b.yaml", "terms:\n  - term: Continuous Delivery\n")
    result = run_termlint(["glossary", "validate", "a.yaml", "b.yaml"], tmp_path)
    assert (result.stdout, result.exit_code) == ("", 0)


def test_a_missing_file_means_validation_cannot_run(tmp_path):
    write(tmp_path, "a.yaml", "terms:\n  - term: DevOps\n")
    result = run_termlint(["glossary", "validate", "a.yaml", "nope.yaml"], tmp_path)
    assert result.stdout == ""
    assert result.stderr == (
        "termlint: error: nope.yaml: cannot read glossary: No such file or directory\n"
    )
    assert result.exit_code == 2


def test_a_file_that_is_not_utf8_is_a_problem_of_that_file(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"terms:\n  - term: caf\xe9\n")
    result = run_termlint(["glossary", "validate", "a.yaml"], tmp_path)
    assert result.stdout == "a.yaml:2:14: error: not valid UTF-8 (byte 0xe9)\n"
    assert result.exit_code == 1


def test_default_is_the_configured_glossaries(tmp_path):
    write(tmp_path, ".termlint.yaml", "glossary: [docs/glossary.yaml, builtin:inclusive]\n")
    (tmp_path / "docs").mkdir()
    write(tmp_path, "docs/glossary.yaml", "terms:\n  - term: allowlist\n    see: ftp://x\n")
    result = run_termlint(["glossary", "validate"], tmp_path)
    assert result.stdout == (
        "docs/glossary.yaml:3:10: error: 'see' must be an http or https URL, not 'ftp://x'\n"
    )
    assert result.stderr == "Found 1 error and 0 warnings in 2 glossary files.\n"
    assert result.exit_code == 1


def test_an_unknown_builtin_pack_cannot_run(tmp_path):
    result = run_termlint(["glossary", "validate", "builtin:nope"], tmp_path)
    assert result.stderr == (
        "termlint: error: unknown built-in pack 'nope' (available: devops, inclusive)\n"
    )
    assert result.exit_code == 2


def test_validate_texts_orders_by_file_then_position():
    problems = validate_texts(
        [
            ("z.yaml", "terms:\n  - term: a1\n    see: x\n  - term: b1\n    see: y\n"),
            ("a.yaml", "version: 3\n"),
        ]
    )
    assert problems == [
        Problem("z.yaml", 3, 10, Severity.ERROR, "'see' must be an http or https URL, not 'x'"),
        Problem("z.yaml", 5, 10, Severity.ERROR, "'see' must be an http or https URL, not 'y'"),
        Problem("a.yaml", 1, 10, Severity.ERROR, "'version' must be 1, not 3"),
    ]
