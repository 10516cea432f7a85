"""termlint.glossary: YAML -> Entry/Pattern records, validation errors at line:col, merging."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from termlint import yaml_nodes
from termlint.errors import GlossaryError
from termlint.glossary import (
    Entry,
    Glossary,
    Pattern,
    Status,
    load_glossaries,
    load_glossary_file,
    load_glossary_text,
    merge_glossaries,
    normalize_form,
    surface_forms,
)
from termlint.model import Severity


def load(text: str, name: str = "g.yaml") -> Glossary:
    return load_glossary_text(textwrap.dedent(text).lstrip("\n"), name)


def error_of(text: str) -> str:
    with pytest.raises(GlossaryError) as info:
        load(text)
    return str(info.value)


LOADERS = [pytest.param(yaml.SafeLoader, id="python-loader")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml-loader"))


@pytest.fixture(params=LOADERS)
def loader(request, monkeypatch):
    """Run a test under PyYAML's pure-Python loader and under libyaml's, when present."""
    monkeypatch.setattr(yaml_nodes, "_Loader", request.param)


# --- the SPEC §1 example -------------------------------------------------------------------

SPEC_EXAMPLE = """
version: 1
terms:
  - term: DevOps                 # required: the preferred written form
    definition: Practices that join software development and IT operations.
    variants: [Dev Ops, dev-ops] # wrong spellings/casings -> rule term-variant
    see: https://wiki.example.com/glossary#devops   # optional link
    tags: [process]              # optional
  - term: IT Operations
    abbreviation: ITOps          # must be spelled out on first use -> acronym-first-use
    definition: Day-to-day running of an organisation's IT estate.
  - term: InfraOps
    status: ambiguous            # -> ambiguous-term
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
  - term: whitelist
    status: deprecated           # -> deprecated-term (warning)
    replace_with: [allowlist]
  - term: master server
    status: forbidden            # -> deprecated-term (error)
    replace_with: [primary server]
    message: Say which role the server has.   # optional custom message
allow: [API, URL, SBOM]          # words that are known and need no entry
patterns:                        # optional regex rules (Vale "existence" style)
  - id: click-here
    regex: '\\bclick here\\b'
    message: Link text should say where the link goes.
    severity: warning
"""


def test_spec_example_loads_to_exact_records(loader):
    assert load(SPEC_EXAMPLE) == Glossary(
        entries=(
            Entry(
                term="DevOps",
                definition="Practices that join software development and IT operations.",
                variants=("Dev Ops", "dev-ops"),
                see="https://wiki.example.com/glossary#devops",
                tags=("process",),
                is_case_sensitive=True,
                origin="g.yaml:3",
            ),
            Entry(
                term="IT Operations",
                abbreviation="ITOps",
                definition="Day-to-day running of an organisation's IT estate.",
                is_case_sensitive=True,
                origin="g.yaml:8",
            ),
            Entry(
                term="InfraOps",
                status=Status.AMBIGUOUS,
                meanings=("Infrastructure Operations", "Infrastructure Optimisation"),
                is_case_sensitive=True,
                origin="g.yaml:11",
            ),
            Entry(
                term="whitelist",
                status=Status.DEPRECATED,
                replace_with=("allowlist",),
                origin="g.yaml:14",
            ),
            Entry(
                term="master server",
                status=Status.FORBIDDEN,
                replace_with=("primary server",),
                message="Say which role the server has.",
                origin="g.yaml:17",
            ),
        ),
        allow=("API", "URL", "SBOM"),
        patterns=(
            Pattern(
                id="click-here",
                regex=r"\bclick here\b",
                message="Link text should say where the link goes.",
                severity=Severity.WARNING,
                origin="g.yaml:23",
            ),
        ),
    )


def test_shared_case_glossary_loads():
    path = Path(__file__).parent / "cases" / "glossary.yaml"
    glossary = load_glossary_file(path, display="cases/glossary.yaml")
    assert [entry.term for entry in glossary.entries][:3] == [
        "DevOps",
        "IT Operations",
        "Site Reliability Engineering",
    ]
    assert glossary.patterns[1].replace_with == ("",)


# --- validation errors ----------------------------------------------------------------------

TERM_KEYS = (
    "term, definition, variants, abbreviation, status, replace_with, meanings, see, tags,"
    " message, case_sensitive"
)
PATTERN_KEYS = "id, regex, message, severity, ignorecase, replace_with"
STATUSES = "preferred, admitted, deprecated, forbidden, ambiguous"

ERRORS = [
    # (id, glossary text, the error exactly as printed)
    (
        "top-level-list",
        "- term: DevOps\n",
        "g.yaml:1:1: the glossary must be a mapping, not a list",
    ),
    ("empty-file", "", "g.yaml:1:1: the glossary is empty"),
    ("only-comments", "# nothing yet\n", "g.yaml:1:1: the glossary is empty"),
    (
        "unknown-top-key",
        "version: 1\nterm: DevOps\n",
        "g.yaml:2:1: unknown key 'term' in the glossary"
        " (expected one of: version, terms, allow, patterns)",
    ),
    (
        "duplicate-top-key",
        "allow: [API]\nallow: [URL]\n",
        "g.yaml:2:1: duplicate key 'allow' in the glossary (first at line 1)",
    ),
    (
        "non-string-key",
        "? [a]\n: b\n",
        "g.yaml:1:3: a key in the glossary must be a string, not a list",
    ),
    ("version-2", "version: 2\n", "g.yaml:1:10: 'version' must be 1, not 2"),
    ("version-string", "version: '1'\n", "g.yaml:1:10: 'version' must be 1, not a string"),
    (
        "terms-mapping",
        "terms:\n  term: DevOps\n",
        "g.yaml:2:3: 'terms' must be a list, not a mapping",
    ),
    (
        "entry-string",
        "terms:\n  - DevOps\n",
        "g.yaml:2:5: term entry must be a mapping, not a string",
    ),
    (
        "unknown-term-key",
        "terms:\n  - term: DevOps\n    varaints: [Dev Ops]\n",
        f"g.yaml:3:5: unknown key 'varaints' in term entry (expected one of: {TERM_KEYS})",
    ),
    (
        "duplicate-term-key",
        "terms:\n  - term: DevOps\n    definition: One.\n    definition: Two.\n",
        "g.yaml:4:5: duplicate key 'definition' in term entry (first at line 3)",
    ),
    (
        "missing-term",
        "terms:\n  - definition: No term here.\n",
        "g.yaml:2:5: term entry has no 'term'",
    ),
    ("null-term", "terms:\n  - term:\n    definition: x\n", "g.yaml:2:10: term is empty"),
    ("empty-term", 'terms:\n  - term: ""\n', "g.yaml:2:11: term is empty"),
    ("blank-term", 'terms:\n  - term: "  \\t "\n', "g.yaml:2:11: term is empty"),
    (
        "punctuation-term",
        'terms:\n  - term: "--"\n',
        "g.yaml:2:11: term '--' has no letter or digit",
    ),
    (
        "list-term",
        "terms:\n  - term: [DevOps]\n",
        "g.yaml:2:11: 'term' must be a string, not a list",
    ),
    (
        "boolean-term",
        "terms:\n  - term: yes\n",
        "g.yaml:2:11: 'term' must be a string, not a boolean (write it in quotes: \"yes\")",
    ),
    (
        "number-term",
        "terms:\n  - term: 404\n",
        "g.yaml:2:11: 'term' must be a string, not a number (write it in quotes: \"404\")",
    ),
    (
        "tagged-term",
        "terms:\n  - term: !!python/object x\n",
        "g.yaml:2:11: 'term' must be a string, not a value tagged !!python/object",
    ),
    (
        "list-definition",
        "terms:\n  - term: DevOps\n    definition: [a, b]\n",
        "g.yaml:3:17: 'definition' must be a string, not a list",
    ),
    (
        "mapping-variants",
        "terms:\n  - term: DevOps\n    variants: {a: b}\n",
        "g.yaml:3:15: 'variants' must be a list of strings, not a mapping",
    ),
    (
        "number-variants",
        "terms:\n  - term: DevOps\n    variants: 42\n",
        "g.yaml:3:15: 'variants' must be a list of strings, not a number"
        ' (write it in quotes: "42")',
    ),
    (
        "nested-variant",
        "terms:\n  - term: DevOps\n    variants: [Dev Ops, [x]]\n",
        "g.yaml:3:25: 'variants' item must be a string, not a list",
    ),
    (
        "list-abbreviation",
        "terms:\n  - term: IT Operations\n    abbreviation: [ITOps]\n",
        "g.yaml:3:19: 'abbreviation' must be a string, not a list",
    ),
    (
        "list-see",
        "terms:\n  - term: DevOps\n    see: [a]\n",
        "g.yaml:3:10: 'see' must be a string, not a list",
    ),
    (
        "mapping-tags",
        "terms:\n  - term: DevOps\n    tags: {a: b}\n",
        "g.yaml:3:11: 'tags' must be a list of strings, not a mapping",
    ),
    (
        "empty-tag",
        'terms:\n  - term: DevOps\n    tags: [process, ""]\n',
        "g.yaml:3:21: tag is empty",
    ),
    (
        "bad-status",
        "terms:\n  - term: whitelist\n    status: depracated\n",
        f"g.yaml:3:13: unknown status 'depracated' (expected one of: {STATUSES})",
    ),
    (
        "replace-with-on-preferred",
        "terms:\n  - term: allowlist\n    replace_with: [permit list]\n",
        "g.yaml:3:5: 'replace_with' on a preferred term, which is never reported"
        " (set 'status: deprecated' or 'forbidden')",
    ),
    (
        "replace-with-on-admitted",
        "terms:\n  - term: allow list\n    status: admitted\n    replace_with: allowlist\n",
        "g.yaml:4:5: 'replace_with' on an admitted term, which is never reported"
        " (set 'status: deprecated' or 'forbidden')",
    ),
    (
        "meanings-on-deprecated",
        "terms:\n  - term: whitelist\n    status: deprecated\n    meanings: [allowlist]\n",
        "g.yaml:4:5: 'meanings' on a deprecated term (only ambiguous terms have meanings)",
    ),
    (
        "meanings-on-preferred",
        "terms:\n  - term: InfraOps\n    meanings: [Infrastructure Operations]\n",
        "g.yaml:3:5: 'meanings' on a preferred term (only ambiguous terms have meanings)",
    ),
    (
        "ambiguous-without-meanings",
        "terms:\n  - term: InfraOps\n    status: ambiguous\n",
        "g.yaml:3:13: ambiguous term 'InfraOps' has no 'meanings'",
    ),
    (
        "ambiguous-with-empty-meanings",
        "terms:\n  - term: InfraOps\n    status: ambiguous\n    meanings: []\n",
        "g.yaml:4:15: ambiguous term 'InfraOps' has no 'meanings'",
    ),
    (
        "empty-meaning",
        'terms:\n  - term: CD\n    status: ambiguous\n    meanings: [""]\n',
        "g.yaml:4:16: meaning is empty",
    ),
    (
        "string-case-sensitive",
        'terms:\n  - term: DevOps\n    case_sensitive: "yes"\n',
        "g.yaml:3:21: 'case_sensitive' must be true or false, not a string",
    ),
    (
        "term-is-earlier-variant",
        "terms:\n  - term: DevOps\n    variants: [Dev Ops]\n  - term: dev ops\n",
        "g.yaml:4:11: term 'dev ops' is already a form of 'DevOps' (line 3)",
    ),
    (
        "abbreviation-is-earlier-term",
        "terms:\n  - term: SRE\n  - term: Site Reliability Engineering\n    abbreviation: sre\n",
        "g.yaml:4:19: abbreviation 'sre' is already a form of 'SRE' (line 2)",
    ),
    (
        "variant-differs-by-whitespace-only",
        'terms:\n  - term: IT Operations\n  - term: ITOps\n    variants: ["it   operations"]\n',
        "g.yaml:4:16: variant 'it operations' is already a form of 'IT Operations' (line 2)",
    ),
    (
        "variant-equals-own-term",
        "terms:\n  - term: DevOps\n    variants: [Dev Ops, DevOps]\n",
        "g.yaml:3:25: variant 'DevOps' repeats the term",
    ),
    (
        "casing-variant-of-case-insensitive-term",
        "terms:\n  - term: postmortem\n    variants: [Postmortem]\n",
        "g.yaml:3:16: variant 'Postmortem' differs from the term only by case, and the term"
        " is not case-sensitive (set 'case_sensitive: true')",
    ),
    (
        "variant-listed-twice",
        "terms:\n  - term: runbook\n    variants: [run book, Run Book]\n",
        "g.yaml:3:26: variant 'Run Book' repeats a variant of this entry",
    ),
    (
        "abbreviation-equals-own-term",
        "terms:\n  - term: API\n    abbreviation: API\n",
        "g.yaml:3:19: abbreviation 'API' repeats the term",
    ),
    (
        "replacement-is-deprecated",
        "terms:\n  - term: blacklist\n    status: deprecated\n    replace_with: [blocklist]\n"
        "  - term: blocklist\n    status: deprecated\n    replace_with: [denylist]\n",
        "g.yaml:4:20: replacement 'blocklist' is itself flagged:"
        " it is the deprecated term 'blocklist'",
    ),
    (
        "replacement-is-a-variant",
        "terms:\n  - term: whitelist\n    status: deprecated\n    replace_with: [allow list]\n"
        "  - term: allowlist\n    variants: [allow list]\n",
        "g.yaml:4:20: replacement 'allow list' is itself flagged: it is a variant of 'allowlist'",
    ),
    (
        "empty-replacement",
        'terms:\n  - term: whitelist\n    status: deprecated\n    replace_with: [""]\n',
        "g.yaml:4:20: replacement is empty",
    ),
    (
        "allow-mapping",
        "allow: {API: 1}\n",
        "g.yaml:1:8: 'allow' must be a list of strings, not a mapping",
    ),
    (
        "allow-punctuation",
        'allow: ["--"]\n',
        "g.yaml:1:9: allowed word '--' has no letter or digit",
    ),
    ("patterns-string", "patterns: x\n", "g.yaml:1:11: 'patterns' must be a list, not a string"),
    (
        "pattern-without-id",
        "patterns:\n  - regex: foo\n    message: m\n",
        "g.yaml:2:5: pattern has no 'id'",
    ),
    (
        "pattern-id-not-kebab-case",
        "patterns:\n  - id: Click_Here\n    regex: foo\n    message: m\n",
        "g.yaml:2:9: pattern id 'Click_Here' must be kebab-case (like 'click-here')",
    ),
    (
        "pattern-id-double-hyphen",
        "patterns:\n  - id: click--here\n    regex: foo\n    message: m\n",
        "g.yaml:2:9: pattern id 'click--here' must be kebab-case (like 'click-here')",
    ),
    (
        "pattern-id-trailing-hyphen",
        "patterns:\n  - id: click-\n    regex: foo\n    message: m\n",
        "g.yaml:2:9: pattern id 'click-' must be kebab-case (like 'click-here')",
    ),
    (
        "pattern-id-is-built-in-rule",
        "patterns:\n  - id: term-variant\n    regex: foo\n    message: m\n",
        "g.yaml:2:9: pattern id 'term-variant' is the id of a built-in rule",
    ),
    (
        "pattern-id-twice",
        "patterns:\n  - id: click-here\n    regex: click here\n    message: m\n"
        "  - id: click-here\n    regex: here\n    message: n\n",
        "g.yaml:5:9: duplicate pattern id 'click-here' (first at line 2)",
    ),
    (
        "pattern-without-regex",
        "patterns:\n  - id: x\n    message: m\n",
        "g.yaml:2:5: pattern has no 'regex'",
    ),
    (
        "pattern-empty-regex",
        "patterns:\n  - id: x\n    regex: ''\n    message: m\n",
        "g.yaml:3:12: 'regex' is empty",
    ),
    (
        "pattern-invalid-regex",
        "patterns:\n  - id: x\n    regex: '(click'\n    message: m\n",
        "g.yaml:3:12: invalid regex in pattern 'x': missing ) at position 6",
    ),
    (
        "pattern-regex-matches-nothing-at-all",
        "patterns:\n  - id: x\n    regex: 'a*'\n    message: m\n",
        "g.yaml:3:12: the regex of pattern 'x' matches the empty string",
    ),
    (
        "pattern-without-message",
        "patterns:\n  - id: x\n    regex: foo\n",
        "g.yaml:2:5: pattern has no 'message'",
    ),
    (
        "pattern-bad-severity",
        "patterns:\n  - id: x\n    regex: foo\n    message: m\n    severity: fatal\n",
        "g.yaml:5:15: unknown severity 'fatal' (expected one of: error, warning, info)",
    ),
    (
        "pattern-string-ignorecase",
        "patterns:\n  - id: x\n    regex: foo\n    message: m\n    ignorecase: 'true'\n",
        "g.yaml:5:17: 'ignorecase' must be true or false, not a string",
    ),
    (
        "pattern-unknown-key",
        "patterns:\n  - id: x\n    regexp: foo\n",
        f"g.yaml:3:5: unknown key 'regexp' in pattern (expected one of: {PATTERN_KEYS})",
    ),
    (
        "pattern-mapping-replace-with",
        "patterns:\n  - id: x\n    regex: foo\n    message: m\n    replace_with: {a: b}\n",
        "g.yaml:5:19: 'replace_with' must be a list of strings, not a mapping",
    ),
    (
        "yaml-anchor",
        "terms:\n  - term: DevOps\n    tags: &t [process]\n  - term: GitOps\n    tags: *t\n",
        "g.yaml:3:11: YAML anchors are not supported (found '&t')",
    ),
    ("yaml-alias", "allow: *x\n", "g.yaml:1:8: YAML aliases are not supported (found '*x')"),
    (
        "two-documents",
        "allow: [A1]\n---\nallow: [B1]\n",
        "g.yaml:2:1: expected one YAML document, found a second one",
    ),
    (
        "control-character",
        "allow: [A\x07]\n",
        "g.yaml:1:10: character U+0007 is not allowed in YAML",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [e[1:] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_validation_error(text, expected, loader):
    assert error_of(text) == expected


def test_error_carries_path_line_and_column():
    with pytest.raises(GlossaryError) as info:
        load("terms:\n  - term: DevOps\n    varaints: [Dev Ops]\n", name="docs/glossary.yaml")
    assert (info.value.path, info.value.line, info.value.column) == ("docs/glossary.yaml", 3, 5)
    assert info.value.message.startswith("unknown key 'varaints' in term entry")


def test_yaml_syntax_error_names_the_position(loader):
    # The wording after "invalid YAML:" is PyYAML's (or libyaml's), so only the start is ours.
    assert error_of("terms: [DevOps\n").startswith("g.yaml:2:1: invalid YAML: ")


def test_billion_laughs_is_refused_at_its_first_anchor():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    assert error_of("\n".join(lines)) == "g.yaml:1:5: YAML anchors are not supported (found '&a0')"


# --- files ---------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    with pytest.raises(GlossaryError) as info:
        load_glossary_file(tmp_path / "missing.yaml", display="missing.yaml")
    assert str(info.value) == "missing.yaml: cannot read glossary: No such file or directory"


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(GlossaryError) as info:
        load_glossary_file(tmp_path, display="docs")
    assert str(info.value) == "docs: cannot read glossary: Is a directory"


def test_display_defaults_to_the_path(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("version: 3\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary_file(path)
    assert str(info.value) == f"{path}:1:10: 'version' must be 1, not 3"


def test_not_utf8(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes(b"version: 1\nallow: [caf\xe9]\n")
    with pytest.raises(GlossaryError) as info:
        load_glossary_file(path, display="g.yaml")
    assert str(info.value) == "g.yaml:2:12: not valid UTF-8 (byte 0xe9)"


def test_bom_is_accepted_and_is_not_a_column(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes(b"\xef\xbb\xbfallow: [API]\n")
    assert load_glossary_file(path).allow == ("API",)
    path.write_bytes(b"\xef\xbb\xbfversion: 2\n")
    with pytest.raises(GlossaryError) as info:
        load_glossary_file(path, display="g.yaml")
    assert str(info.value) == "g.yaml:1:10: 'version' must be 1, not 2"


def test_crlf_file_reports_the_same_positions(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes(b"terms:\r\n  - term: DevOps\r\n    varaints: [x]\r\n")
    with pytest.raises(GlossaryError) as info:
        load_glossary_file(path, display="g.yaml")
    assert str(info.value).startswith("g.yaml:3:5: unknown key 'varaints'")


# --- values and defaults -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("DevOps", True),
        ("IT Operations", True),
        ("K8s", True),
        ("runbook", False),
        ("on-call", False),
        ("k8s", False),
        ("straße", False),
        ("Éclair", True),
    ],
)
def test_case_sensitivity_follows_the_term_by_default(term, expected):
    (entry,) = load(f"terms:\n  - term: {term}\n").entries
    assert (entry.status, entry.is_case_sensitive) == (Status.PREFERRED, expected)


@pytest.mark.parametrize(
    ("term", "flag", "expected"),
    [("DevOps", "false", False), ("runbook", "true", True), ("Go", "no", False)],
)
def test_case_sensitive_can_be_set(term, flag, expected):
    (entry,) = load(f"terms:\n  - term: {term}\n    case_sensitive: {flag}\n").entries
    assert entry.is_case_sensitive is expected


def test_casing_variants_of_a_case_sensitive_term_are_kept():
    (entry,) = load("terms:\n  - term: DevOps\n    variants: [devops, Devops, DEVOPS]\n").entries
    assert entry.variants == ("devops", "Devops", "DEVOPS")


def test_single_strings_are_one_item_lists():
    glossary = load(
        """
        terms:
          - term: DevOps
            variants: Dev Ops
            tags: process
          - term: whitelist
            status: deprecated
            replace_with: allowlist
          - term: CD
            status: ambiguous
            meanings: continuous delivery
        allow: API
        patterns:
          - id: please-note
            regex: 'please note that '
            message: Drop the filler.
            replace_with: ''
        """
    )
    devops, whitelist, cd = glossary.entries
    assert (devops.variants, devops.tags) == (("Dev Ops",), ("process",))
    assert whitelist.replace_with == ("allowlist",)
    assert cd.meanings == ("continuous delivery",)
    assert glossary.allow == ("API",)
    assert glossary.patterns[0].replace_with == ("",)


def test_empty_values_count_as_absent():
    glossary = load(
        """
        version:
        terms:
          - term: DevOps
            definition:
            variants:
            status: ~
            tags: []
        allow:
        patterns:
        """
    )
    assert glossary == Glossary(
        entries=(Entry(term="DevOps", is_case_sensitive=True, origin="g.yaml:3"),)
    )


def test_whitespace_is_folded_except_in_regexes():
    glossary = load(
        """
        terms:
          - term: "  IT\\n  Operations "
            definition: |
              Day-to-day running
              of the IT estate.
            variants: ["IT   Ops"]
        patterns:
          - id: double-space
            regex: 'a  b'
            message: >
              Use one
              space.
            replace_with: [' a b ']
        """
    )
    (entry,) = glossary.entries
    assert (entry.term, entry.variants) == ("IT Operations", ("IT Ops",))
    assert entry.definition == "Day-to-day running of the IT estate."
    (pattern,) = glossary.patterns
    assert (pattern.regex, pattern.message, pattern.replace_with) == (
        "a  b",
        "Use one space.",
        (" a b ",),
    )


def test_pattern_options():
    glossary = load(
        r"""
        patterns:
          - id: utilize
            regex: '(?<!\w)utili[sz]e(?!\w)'
            message: Say "use".
            severity: Error
            ignorecase: true
            replace_with: [use]
          - id: e-g
            regex: 'e\.g\.'
            message: Say "for example".
        """
    )
    assert glossary.patterns == (
        Pattern(
            id="utilize",
            regex=r"(?<!\w)utili[sz]e(?!\w)",
            message='Say "use".',
            severity=Severity.ERROR,
            ignorecase=True,
            replace_with=("use",),
            origin="g.yaml:2",
        ),
        Pattern(id="e-g", regex=r"e\.g\.", message='Say "for example".', origin="g.yaml:8"),
    )


def test_allow_keeps_order_and_drops_repeats():
    assert load("allow: [URL, API, URL, SBOM, API]\n").allow == ("URL", "API", "SBOM")


def test_a_replacement_may_be_an_exact_preferred_term():
    glossary = load(
        """
        terms:
          - term: Kubernetes
            variants: [kubernetes]
          - term: kube
            status: deprecated
            replace_with: [Kubernetes]
        """
    )
    assert glossary.entries[1].replace_with == ("Kubernetes",)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("DevOps", "devops"),
        ("  Dev \n\t Ops ", "dev ops"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("CI/CD", "ci/cd"),
    ],
)
def test_normalize_form(form, expected):
    assert normalize_form(form) == expected


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (Entry(term="DevOps"), ("DevOps",)),
        (
            Entry(term="DevOps", variants=("Dev Ops", "devops"), abbreviation="DO"),
            ("DevOps", "Dev Ops", "devops", "DO"),
        ),
        (Entry(term="API", variants=("API",), abbreviation="API"), ("API",)),
    ],
)
def test_surface_forms(entry, expected):
    assert surface_forms(entry) == expected


# --- merging -------------------------------------------------------------------------------

FIRST = """
terms:
  - term: DevOps
    variants: [Dev Ops]
  - term: runbook
allow: [API, URL]
patterns:
  - id: click-here
    regex: 'click here'
    message: First.
  - id: please-note
    regex: 'please note'
    message: Filler.
"""

SECOND = """
terms:
  - term: devops
    definition: Redefined here.
  - term: GitOps
allow: [URL, SBOM]
patterns:
  - id: click-here
    regex: '[Cc]lick here'
    message: Second.
"""


def test_merge_replaces_entries_and_patterns_and_concatenates_allow():
    merged = merge_glossaries(
        [("a.yaml", load(FIRST, "a.yaml")), ("b.yaml", load(SECOND, "b.yaml"))]
    )
    # A replacing entry (or pattern) goes to the end, with the rest of its file.
    assert [(e.term, e.origin) for e in merged.entries] == [
        ("runbook", "a.yaml:4"),
        ("devops", "b.yaml:2"),
        ("GitOps", "b.yaml:4"),
    ]
    assert merged.entries[1] == Entry(
        term="devops", definition="Redefined here.", origin="b.yaml:2"
    )
    assert merged.allow == ("API", "URL", "SBOM")
    assert [(p.id, p.message) for p in merged.patterns] == [
        ("please-note", "Filler."),
        ("click-here", "Second."),
    ]
    assert merged.warnings == ()


def test_merge_keeps_order_of_files():
    merged = merge_glossaries(
        [("b.yaml", load(SECOND, "b.yaml")), ("a.yaml", load(FIRST, "a.yaml"))]
    )
    assert [e.term for e in merged.entries] == ["GitOps", "DevOps", "runbook"]
    assert merged.allow == ("URL", "SBOM", "API")
    assert [(p.id, p.message) for p in merged.patterns] == [
        ("click-here", "First."),
        ("please-note", "Filler."),
    ]


def test_form_claimed_in_two_files_warns_and_keeps_both():
    first = load("terms:\n  - term: DevOps\n    variants: [Dev Ops]\n", "a.yaml")
    second = load("terms:\n  - term: Developer Operations\n    variants: [dev ops]\n", "b.yaml")
    merged = merge_glossaries([("a.yaml", first), ("b.yaml", second)])
    assert [e.term for e in merged.entries] == ["DevOps", "Developer Operations"]
    assert merged.warnings == (
        "form 'dev ops' is claimed by 'DevOps' (a.yaml) and 'Developer Operations' (b.yaml);"
        " b.yaml wins",
    )


def test_form_claimed_in_three_files():
    one = load("terms:\n  - term: Kubernetes\n    abbreviation: K8s\n", "one.yaml")
    two = load("terms:\n  - term: k8s\n", "two.yaml")
    three = load("terms:\n  - term: kates\n    variants: [K8S]\n", "three.yaml")
    merged = merge_glossaries([("one.yaml", one), ("two.yaml", two), ("three.yaml", three)])
    assert merged.warnings == (
        "form 'K8S' is claimed by 'Kubernetes' (one.yaml), 'k8s' (two.yaml)"
        " and 'kates' (three.yaml); three.yaml wins",
    )


def test_redefining_a_term_is_not_a_clash():
    first = load("terms:\n  - term: DevOps\n    variants: [Dev Ops]\n", "a.yaml")
    second = load("terms:\n  - term: DEVOPS\n    variants: [Dev Ops]\n", "b.yaml")
    merged = merge_glossaries([("a.yaml", first), ("b.yaml", second)])
    assert ([e.term for e in merged.entries], merged.warnings) == (["DEVOPS"], ())


def test_merge_carries_earlier_warnings_once():
    a = load("terms:\n  - term: DevOps\n    variants: [Dev Ops]\n", "a.yaml")
    b = load("terms:\n  - term: Dev Ops Team\n    variants: [dev ops]\n", "b.yaml")
    ab = merge_glossaries([("a.yaml", a), ("b.yaml", b)])
    again = merge_glossaries([("a+b", ab), ("c.yaml", load("allow: [API]\n", "c.yaml"))])
    assert again.warnings == ab.warnings
    assert len(again.warnings) == 1


def test_merge_of_nothing_is_empty():
    assert merge_glossaries([]) == Glossary()
    assert load_glossaries([]) == Glossary()


# --- load_glossaries -----------------------------------------------------------------------


def test_load_glossaries_resolves_builtin_packs():
    glossary = load_glossaries(["builtin:devops"])
    infraops = next(entry for entry in glossary.entries if entry.term == "InfraOps")
    assert infraops.status is Status.AMBIGUOUS
    assert infraops.meanings == ("Infrastructure Operations", "Infrastructure Optimisation")
    assert infraops.origin.startswith("builtin:devops:")


def test_load_glossaries_merges_files_after_packs(tmp_path):
    custom = tmp_path / "glossary.yaml"
    custom.write_text(
        "terms:\n  - term: kubernetes\n    definition: Our cluster platform.\n",
        encoding="utf-8",
    )
    glossary = load_glossaries(["builtin:devops", str(custom)])
    last = glossary.entries[-1]
    assert (last.term, last.definition, last.origin) == (
        "kubernetes",
        "Our cluster platform.",
        f"{custom}:2",
    )
    assert [e.term for e in glossary.entries].count("Kubernetes") == 0


def test_load_glossaries_unknown_pack():
    with pytest.raises(GlossaryError) as info:
        load_glossaries(["builtin:nope"])
    assert str(info.value) == "unknown built-in pack 'nope' (available: devops, inclusive)"


def test_load_glossaries_missing_file_is_named_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(GlossaryError) as info:
        load_glossaries(["builtin:devops", "nope.yaml"])
    assert str(info.value) == "nope.yaml: cannot read glossary: No such file or directory"
