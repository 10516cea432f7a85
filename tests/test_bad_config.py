"""Hostile glossaries and configs: exit code 2 and one line naming the file, line and
column; huge glossaries load; a catastrophic pattern is stopped and named.

There is no include mechanism (`extends:` is an unknown key, tested below), so a config
cannot include itself and there are no cycles to guard against.
"""

from __future__ import annotations

import errno
import pathlib
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from sample_glossary import WHITELIST_GLOSSARY

DOC = "A whitelist.\n"
GLOSSARY = WHITELIST_GLOSSARY
T = "version: 1\nterms:\n  - term: whitelist\n"
P = "version: 1\npatterns:\n  - id: a-b\n    regex: x\n    message: m\n"

BILLION_LAUGHS = """\
version: 1
allow: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
terms: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
"""

# (file content, message after "termlint: error: g.yaml:")
BAD_GLOSSARIES: dict[str, tuple[str | bytes, str]] = {
    # YAML bombs: anchors and aliases are refused before anything is built
    "billion-laughs": (BILLION_LAUGHS, "2:8: YAML anchors are not supported (found '&a')"),
    "alias": (T + "    variants: *nope\n", "4:15: YAML aliases are not supported (found '*nope')"),
    # deep nesting: refused while parsing, before libyaml's recursive composer sees it
    "deep-flow": (
        "version: 1\nterms: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "2:71: invalid YAML: nested more than 64 levels deep",
    ),
    "deep-block": (
        "version: 1\nterms:\n" + "".join("  " * i + "- \n" for i in range(1, 70)),
        "66:129: invalid YAML: nested more than 64 levels deep",
    ),
    "deep-mapping": (
        "version: 1\nallow:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 70)),
        "66:129: invalid YAML: nested more than 64 levels deep",
    ),
    # duplicate keys, at every level
    "duplicate-top": (
        "version: 1\nterms: []\nterms: []\n",
        "3:1: duplicate key 'terms' in the glossary (first at line 2)",
    ),
    "duplicate-entry": (
        T + "    definition: x\n    definition: y\n",
        "5:5: duplicate key 'definition' in term entry (first at line 4)",
    ),
    "duplicate-pattern": (
        P + "    regex: y\n",
        "6:5: duplicate key 'regex' in pattern (first at line 4)",
    ),
    # wrong types in every field
    "version-string": ("version: one\n", "1:10: 'version' must be 1, not a string"),
    "version-2": ("version: 2\n", "1:10: 'version' must be 1, not 2"),
    "terms-mapping": ("version: 1\nterms: {a: b}\n", "2:8: 'terms' must be a list, not a mapping"),
    "allow-number": (
        "version: 1\nallow: 5\n",
        "2:8: 'allow' must be a list of strings, not a number (write it in quotes: \"5\")",
    ),
    "patterns-mapping": (
        "version: 1\npatterns: {a: b}\n",
        "2:11: 'patterns' must be a list, not a mapping",
    ),
    "entry-string": (
        "version: 1\nterms: [whitelist]\n",
        "2:9: term entry must be a mapping, not a string",
    ),
    "term-list": (
        "version: 1\nterms:\n  - term: [a]\n",
        "3:11: 'term' must be a string, not a list",
    ),
    "term-number": (
        "version: 1\nterms:\n  - term: 5\n",
        "3:11: 'term' must be a string, not a number (write it in quotes: \"5\")",
    ),
    "definition-list": (
        T + "    definition: [x]\n",
        "4:17: 'definition' must be a string, not a list",
    ),
    "variants-mapping": (
        T + "    variants: {a: b}\n",
        "4:15: 'variants' must be a list of strings, not a mapping",
    ),
    "variant-number": (
        T + "    variants: [1]\n",
        "4:16: 'variants' item must be a string, not a number (write it in quotes: \"1\")",
    ),
    "abbreviation-list": (
        T + "    abbreviation: [WL]\n",
        "4:19: 'abbreviation' must be a string, not a list",
    ),
    "status-number": (
        T + "    status: 5\n",
        "4:13: 'status' must be a string, not a number (write it in quotes: \"5\")",
    ),
    "status-unknown": (
        T + "    status: retired\n",
        "4:13: unknown status 'retired' (expected one of: preferred, admitted, deprecated, "
        "forbidden, ambiguous)",
    ),
    "replace-with-mapping": (
        T + "    status: deprecated\n    replace_with: {a: b}\n",
        "5:19: 'replace_with' must be a list of strings, not a mapping",
    ),
    "meanings-number": (
        T + "    status: ambiguous\n    meanings: 5\n",
        "5:15: 'meanings' must be a list of strings, not a number (write it in quotes: \"5\")",
    ),
    "see-list": (T + "    see: [x]\n", "4:10: 'see' must be a string, not a list"),
    "tags-mapping": (
        T + "    tags: {a: b}\n",
        "4:11: 'tags' must be a list of strings, not a mapping",
    ),
    "message-list": (T + "    message: [x]\n", "4:14: 'message' must be a string, not a list"),
    "case-sensitive-string": (
        T + "    case_sensitive: maybe\n",
        "4:21: 'case_sensitive' must be true or false, not a string",
    ),
    "term-unknown-key": (
        T + "    colour: red\n",
        "4:5: unknown key 'colour' in term entry (expected one of: term, definition, variants, "
        "abbreviation, status, replace_with, meanings, see, tags, message, case_sensitive)",
    ),
    "term-missing": ("version: 1\nterms:\n  - definition: x\n", "3:5: term entry has no 'term'"),
    "pattern-id-number": (
        P.replace("id: a-b", "id: 5"),
        "3:9: 'id' must be a string, not a number (write it in quotes: \"5\")",
    ),
    "pattern-regex-list": (
        P.replace("regex: x", "regex: [x]"),
        "4:12: 'regex' must be a string, not a list",
    ),
    "pattern-message-number": (
        P.replace("message: m", "message: 5"),
        "5:14: 'message' must be a string, not a number (write it in quotes: \"5\")",
    ),
    "pattern-severity": (
        P + "    severity: loud\n",
        "6:15: unknown severity 'loud' (expected one of: error, warning, info)",
    ),
    "pattern-ignorecase": (
        P + "    ignorecase: sometimes\n",
        "6:17: 'ignorecase' must be true or false, not a string",
    ),
    "pattern-replace-with": (
        P + "    replace_with: {a: b}\n",
        "6:19: 'replace_with' must be a list of strings, not a mapping",
    ),
    "pattern-invalid-regex": (
        P.replace("regex: x", "regex: '(a'"),
        "4:12: invalid regex in pattern 'a-b': missing ) at position 2",
    ),
    "pattern-unknown-key": (
        P + "    level: 3\n",
        "6:5: unknown key 'level' in pattern (expected one of: id, regex, message, severity, "
        "ignorecase, replace_with)",
    ),
    # terms that are empty or only punctuation
    "term-empty": ("version: 1\nterms:\n  - term: ''\n", "3:11: term is empty"),
    "term-blank": ("version: 1\nterms:\n  - term: '   '\n", "3:11: term is empty"),
    "term-punctuation": (
        "version: 1\nterms:\n  - term: '!?!'\n",
        "3:11: term '!?!' has no letter or digit",
    ),
    "variant-punctuation": (
        T + "    variants: ['--']\n",
        "4:16: variant '--' has no letter or digit",
    ),
    "variant-empty": (T + "    variants: ['']\n", "4:16: variant is empty"),
    "abbreviation-empty": (T + "    abbreviation: ''\n", "4:19: abbreviation is empty"),
    # not a glossary at all
    "two-documents": (
        "version: 1\n---\nversion: 1\n",
        "2:1: expected one YAML document, found a second one",
    ),
    "python-tag": (
        "version: !!python/object/apply:os.system ['echo unsafe']\n",
        "1:10: 'version' must be 1, not a list",
    ),
    "empty": ("", "1:1: the glossary is empty"),
    "comment-only": ("# nothing\n", "1:1: the glossary is empty"),
    "list": ("- a\n", "1:1: the glossary must be a mapping, not a list"),
    "control-character": (
        'version: 1\nallow: ["a\x07b"]\n',
        "2:11: character U+0007 is not allowed in YAML",
    ),
    "nul": (b"version: 1\x00\n", "1:11: character U+0000 is not allowed in YAML"),
    "latin-1": (b"version: 1\nallow: [caf\xe9]\n", "2:12: not valid UTF-8 (byte 0xe9)"),
    "utf-16": ("version: 1\n".encode("utf-16"), "1:1: not valid UTF-8 (byte 0xff)"),
    "binary": (bytes(range(256)), "2:118: not valid UTF-8 (byte 0x80)"),
}


def one_error(tmp_path: Path, args: list[str]) -> str:
    """The single stderr line of a run that must fail with exit code 2 and no output."""
    result = run_cli(["check", "--no-cache", *args], tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr.rstrip("\n")


@pytest.mark.parametrize("name", sorted(BAD_GLOSSARIES))
def test_bad_glossary_is_one_line_and_exit_2(tmp_path, name):
    content, message = BAD_GLOSSARIES[name]
    write_tree(tmp_path, {"a.md": DOC, "g.yaml": content})
    assert (
        one_error(tmp_path, ["a.md", "--glossary", "g.yaml"])
        == f"termlint: error: g.yaml:{message}"
    )


def test_a_syntax_error_before_deep_nesting_is_the_error_reported(tmp_path):
    # libyaml (PyYAML 6.0.4) reads ahead to its own depth limit before reporting the syntax
    # error at 2:15; the two PyYAML readers word that error differently
    content = "version: 1\nterms: " + "[" * 5 + "]]" + "[" * 2000 + "\n"
    write_tree(tmp_path, {"a.md": DOC, "g.yaml": content})
    line = one_error(tmp_path, ["a.md", "--glossary", "g.yaml"])
    assert line.startswith("termlint: error: g.yaml:2:15: invalid YAML: "), line
    assert "',' or ']'" in line
    assert line.endswith("(while parsing a flow sequence)")


def test_missing_and_unreadable_glossaries(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.md": DOC, "locked.yaml": GLOSSARY})
    assert one_error(tmp_path, ["a.md", "--glossary", "missing.yaml"]) == (
        "termlint: error: missing.yaml: cannot read glossary: No such file or directory"
    )
    real_read_bytes = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.yaml":  # simulated: tests may run as root
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    assert one_error(tmp_path, ["a.md", "--glossary", "locked.yaml"]) == (
        "termlint: error: locked.yaml: cannot read glossary: Permission denied"
    )


# --- configs ------------------------------------------------------------------------------

BAD_CONFIGS: dict[str, tuple[str | bytes, str]] = {
    "billion-laughs": (
        "x: &a [a]\nglossary: *a\n",
        "1:4: YAML anchors are not supported (found '&a')",
    ),
    "deep": (
        "glossary: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "1:74: invalid YAML: nested more than 64 levels deep",
    ),
    "duplicate": (
        "include: ['*.md']\ninclude: ['*.txt']\n",
        "2:1: duplicate key 'include' in the config (first at line 1)",
    ),
    "glossary-number": (
        "glossary: 5\n",
        "1:11: 'glossary' must be a list of strings, not a number (write it in quotes: \"5\")",
    ),
    "glossary-item-mapping": (
        "glossary: [{a: b}]\n",
        "1:12: 'glossary' item must be a string, not a mapping",
    ),
    "include-mapping": (
        "include: {a: 1}\n",
        "1:10: 'include' must be a list of strings, not a mapping",
    ),
    "exclude-numbers": (
        "exclude: [1, 2]\n",
        "1:11: 'exclude' item must be a string, not a number (write it in quotes: \"1\")",
    ),
    "rules-list": ("rules: [a]\n", "1:8: 'rules' must be a mapping, not a list"),
    "rules-severity": (
        "rules: {term-variant: loud}\n",
        "1:23: rules.term-variant: expected one of error, warning, info, off, got 'loud'",
    ),
    "jargon-boolean": ("jargon: yes\n", "1:9: 'jargon' must be a mapping, not a boolean"),
    "jargon-allow-mapping": (
        "jargon: {allow: {a: b}}\n",
        "1:17: 'jargon.allow' must be a list of strings, not a mapping",
    ),
    "jargon-patterns-list": (
        "jargon: {patterns: [camel-case]}\n",
        "1:20: 'jargon.patterns' must be a mapping, not a list",
    ),
    "jargon-pattern-string": (
        "jargon: {patterns: {camel-case: maybe}}\n",
        "1:33: 'jargon.patterns.camel-case' must be true or false, not a string",
    ),
    "jargon-pattern-unknown": (
        "jargon: {patterns: {snake-case: true}}\n",
        "1:21: unknown key 'snake-case' in 'jargon.patterns' (expected one of: ops-suffix, "
        "acronyms, camel-case)",
    ),
    "baseline-list": ("baseline: [a]\n", "1:11: 'baseline' must be a string, not a list"),
    "overrides-mapping": (
        "overrides: {files: a}\n",
        "1:12: 'overrides' must be a list, not a mapping",
    ),
    "override-string": ("overrides: [a]\n", "1:13: 'overrides[0]' must be a mapping, not a string"),
    "override-files-number": (
        "overrides: [{files: 3, rules: {}}]\n",
        "1:21: 'overrides[0].files' must be a list of strings, not a number "
        '(write it in quotes: "3")',
    ),
    "override-rules-list": (
        "overrides: [{files: ['*.md'], rules: [a]}]\n",
        "1:38: 'overrides[0].rules' must be a mapping, not a list",
    ),
    "override-unknown-key": (
        "overrides: [{files: ['*.md'], paths: x}]\n",
        "1:31: unknown key 'paths' in 'overrides[0]' (expected one of: files, rules)",
    ),
    "extends-is-not-a-key": (
        "extends: other.yaml\n",
        "1:1: unknown key 'extends' in the config (expected one of: glossary, include, exclude, "
        "rules, jargon, baseline, overrides)",
    ),
    "list": ("- a\n", "1:1: the config must be a mapping, not a list"),
    "two-documents": (
        "glossary: [g.yaml]\n---\n",
        "2:1: expected one YAML document, found a second one",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_CONFIGS))
def test_bad_config_is_one_line_and_exit_2(tmp_path, name):
    content, message = BAD_CONFIGS[name]
    write_tree(tmp_path, {"a.md": DOC, "g.yaml": GLOSSARY, ".termlint.yaml": content})
    assert one_error(tmp_path, ["a.md"]) == f"termlint: error: .termlint.yaml:{message}"


# (config text, the whole error line) for errors that name no position
CONFIG_PROBLEMS = {
    "unknown-pack": (
        "glossary: [builtin:nope]\n",
        "termlint: error: unknown built-in pack 'nope' (available: devops, inclusive)",
    ),
    "missing-glossary": (
        "glossary: [nope.yaml]\n",
        "termlint: error: nope.yaml: cannot read glossary: No such file or directory",
    ),
    "glossary-is-a-folder": (
        "glossary: [sub]\n",
        "termlint: error: sub: cannot read glossary: Is a directory",
    ),
    "unknown-rule": (
        "rules: {nope-rule: error}\n",
        "termlint: error: config rules: unknown rule 'nope-rule' (see `termlint rules`)",
    ),
    "latin-1": (
        b"exclude: [caf\xe9]\n",
        "termlint: error: .termlint.yaml: config file is not valid UTF-8",
    ),
}


@pytest.mark.parametrize("name", sorted(CONFIG_PROBLEMS))
def test_config_problems_without_a_position(tmp_path, name):
    content, line = CONFIG_PROBLEMS[name]
    write_tree(tmp_path, {"a.md": DOC, "sub/g.yaml": GLOSSARY, ".termlint.yaml": content})
    assert one_error(tmp_path, ["a.md"]) == line


TOML_CONFIGS = {
    "deep": (
        "[tool.termlint]\nglossary = " + "[" * 5000 + "]" * 5000 + "\n",
        "termlint: error: pyproject.toml: invalid TOML: nested too deeply",
    ),
    "invalid": (
        "[tool.termlint]\nglossary = [\n",
        "termlint: error: pyproject.toml: invalid TOML: Invalid value (at end of document)",
    ),
    "wrong-type": (
        "[tool.termlint]\nrules = 5\n",
        "termlint: error: pyproject.toml: [tool.termlint] 'rules' must be a mapping, not a number",
    ),
}


@pytest.mark.parametrize("name", sorted(TOML_CONFIGS))
def test_bad_pyproject_table(tmp_path, name):
    content, line = TOML_CONFIGS[name]
    write_tree(tmp_path, {"a.md": DOC, "pyproject.toml": content})
    assert one_error(tmp_path, ["a.md"]) == line


def test_missing_unreadable_and_folder_configs(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.md": DOC, "sub/x": "", "locked.yaml": "glossary: []\n"})
    assert one_error(tmp_path, ["a.md", "--config", "nope.yaml"]) == (
        "termlint: error: nope.yaml: config file not found"
    )
    real_read_bytes = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.yaml":  # simulated: tests may run as root
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    assert one_error(tmp_path, ["a.md", "--config", "locked.yaml"]) == (
        "termlint: error: locked.yaml: cannot read config file: Permission denied"
    )
    # click's own usage error: exit 2, the usage line and one "Error:" line
    result = run_cli(["check", "a.md", "--config", "sub"], tmp_path)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--config': File 'sub' is a directory."
    )


# --- patterns that would hang, and glossaries that are merely huge --------------------------

SLOW_PATTERN = """\
version: 1
terms:
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
patterns:
  - id: nested-plus
    regex: '(a+)+$'
    message: Catastrophic on a long run of a's without an end.
  - id: click-here
    regex: '\\bclick here\\b'
    message: Say where the link goes.
"""


def test_catastrophic_pattern_is_stopped_and_named_and_the_run_goes_on(tmp_path):
    run_of_as = "a" * 5000 + "!"
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [g.yaml]\n",
            "g.yaml": SLOW_PATTERN,
            "one.md": f"{run_of_as}\n\nA whitelist. Then click here.\n",
            "two.txt": f"click here\n{run_of_as}\n",
        },
    )
    result = run_cli(["check", "--no-cache", "."], tmp_path)
    stopped = 'error: pattern "nested-plus" ran past its time budget on this file and was stopped'
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"one.md:1:1: {stopped} [pattern-error]",
        'one.md:3:3: warning: "whitelist" is deprecated: use "allowlist" instead [deprecated-term]',
        "one.md:3:19: warning: Say where the link goes. [click-here]",
        "two.txt:1:1: warning: Say where the link goes. [click-here]",
        f"two.txt:1:1: {stopped} [pattern-error]",
    ]
    assert result.stderr == "Found 5 problems (2 errors, 3 warnings) in 2 files.\n"


@pytest.mark.slow
def test_a_glossary_of_50000_terms_loads_and_lints(tmp_path):
    lines = ["version: 1", "terms:"]
    for number in range(50_000):
        word = f"Zq{number:05d}x"
        lines += [f"  - term: {word}", f"    variants: [zq-{number:05d}x]"]
        if number % 10 == 0:
            lines += ["    status: deprecated", f"    replace_with: [Yq{number:05d}x]"]
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [g.yaml]\n",
            "g.yaml": "\n".join(lines) + "\n",
            "a.md": "Use zq-00007x, Zq00010x and ZQ49999X here.\n",
        },
    )
    result = run_cli(["check", "--no-cache", "a.md"], tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'a.md:1:5: warning: "zq-00007x" should be written "Zq00007x" [term-variant]',
        'a.md:1:16: warning: "Zq00010x" is deprecated: use "Yq00010x" instead [deprecated-term]',
        'a.md:1:29: warning: "ZQ49999X" should be written "Zq49999x" [term-variant]',
    ]
