"""Random command lines never end in a traceback: the exit code is 0, 1 or 2.

Every command and option is drawn with good, bad and missing values, over a tree that
holds valid and broken files, configs, glossaries and baselines (hypothesis). The tree
is shared by the examples, so runs that write (fix, init, baselines, output files) keep
changing what later runs see, which is more hostile still.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli, write_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GLOSSARY = """\
version: 1
terms:
  - term: DevOps
    variants: [Dev Ops]
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
patterns:
  - id: click-here
    regex: '\\bclick here\\b'
    message: Say where the link goes.
"""
TREE: dict[str, str | bytes] = {
    ".termlint.yaml": "glossary: [glossary.yaml, builtin:devops]\nexclude: [vendor/**]\n",
    "glossary.yaml": GLOSSARY,
    "bad-glossary.yaml": "version: 1\nterms: {a: b}\n",
    "bad-config.yaml": "rules: [x]\n",
    "pyproject.toml": "[tool.termlint]\nglossary = 5\n",
    "baseline.json": '{"version": 1, "findings": []}\n',
    "bad-baseline.json": "{not json",
    "terms.csv": "term,definition\nDevOps,Joined work\n",
    "broken.csv": b"\xff\xfe\x00t\x00e\x00r\x00m",
    "docs/a.md": "The whitelist. Dev Ops and InfraOps. click here.\n",
    "docs/b.txt": "A whitelist\r\nwith CRLF\r\n",
    "docs/binary.md": bytes(range(256)),
    "docs/utf16.md": "whitelist\n".encode("utf-16"),
    "docs/deep.md": "> " * 300 + "whitelist\n",
    "vendor/c.md": "whitelist\n",
}
PATHS = [
    ".",
    "docs",
    "docs/a.md",
    "docs/b.txt",
    "docs/binary.md",
    "docs/utf16.md",
    "vendor/c.md",
    "missing.md",
    "glossary.yaml",
    "pipe.md",
    "",
    "-",
    "--",
    "docs/../docs/a.md",
]
FILES = [
    "glossary.yaml",
    "bad-glossary.yaml",
    "bad-config.yaml",
    "pyproject.toml",
    "missing.yaml",
    "docs",
    "baseline.json",
    "bad-baseline.json",
    "terms.csv",
    "broken.csv",
    "out/new.txt",
    "",
]
RULES = ["term-variant", "deprecated-term", "read-error", "click-here", "nope", "", ",", "a,b"]


def option(name: str, values: list[str]) -> st.SearchStrategy[list[str]]:
    return st.sampled_from(values).map(lambda value: [name, value])


def flag(name: str) -> st.SearchStrategy[list[str]]:
    return st.just([name])


CHECK_OPTIONS = st.one_of(
    option("--config", FILES),
    option("--glossary", FILES),
    option("--format", ["text", "json", "sarif", "github", "junit", "codeclimate", "xml"]),
    option("--output", [*FILES, "report.out"]),
    option("--fail-on", ["error", "warning", "info", "never", "all"]),
    option("--select", RULES),
    option("--ignore", RULES),
    option("--baseline", FILES),
    option("--write-baseline", ["new-baseline.json", "docs", "out/missing/b.json"]),
    option("--stdin-filename", ["x.md", "x.txt", "vendor/x.md", "../x.md", ""]),
    option("--jobs", ["0", "1", "2", "-1", "many"]),
    flag("--fix"),
    flag("--diff"),
    flag("--stdin"),
    flag("--quiet"),
    flag("--color"),
    flag("--no-color"),
    flag("--no-cache"),
    flag("--unknown-option"),
    st.sampled_from(PATHS).map(lambda path: [path]),
)


def command_line() -> st.SearchStrategy[list[str]]:
    def joined(head: list[str]) -> st.SearchStrategy[list[str]]:
        return st.lists(CHECK_OPTIONS, max_size=6).map(
            lambda parts: head + [token for part in parts for token in part]
        )

    others = st.one_of(
        st.tuples(
            st.sampled_from([["rules"], ["explain"], ["explain", "whitelist"], ["explain", "x"]]),
            st.lists(st.one_of(option("--config", FILES), option("--glossary", FILES))),
        ).map(lambda pair: pair[0] + [t for part in pair[1] for t in part]),
        st.tuples(
            st.just(["discover"]),
            st.lists(
                st.one_of(
                    option("--format", ["text", "json", "yaml", "csv"]),
                    option("--min-count", ["1", "0", "3", "x"]),
                    option("--config", FILES),
                    st.sampled_from(PATHS).map(lambda path: [path]),
                ),
                max_size=4,
            ),
        ).map(lambda pair: pair[0] + [t for part in pair[1] for t in part]),
        st.sampled_from([["init"], ["init", "--force"]]),
        st.tuples(
            st.sampled_from(
                [
                    ["glossary", "validate"],
                    ["glossary", "schema"],
                    ["glossary", "export", "--format", "json"],
                    ["glossary", "export", "--format", "csv"],
                    ["glossary", "export", "--format", "tbx"],
                    ["glossary", "import", "--from", "csv"],
                    ["glossary", "import", "--from", "tbx"],
                    ["glossary", "import", "--from", "textlint"],
                ]
            ),
            st.lists(st.sampled_from(FILES), max_size=2),
        ).map(lambda pair: pair[0] + pair[1]),
        st.lists(st.sampled_from(["--version", "--help", "-h", "bogus", "--verbose"]), max_size=2),
    )
    return st.one_of(
        st.sampled_from([["check"], ["fix"]]).flatmap(joined),
        others,
    )


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_tree(tmp_path_factory.mktemp("cli-fuzz"), TREE)
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.md")
    return root


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(args=command_line(), stdin=st.sampled_from(["", "A whitelist.\n", "Caf\u00e9 \u0000"]))
def test_random_command_lines_never_end_in_a_traceback(tree, args, stdin):
    if "--verbose" in args:  # the one option that asks for a traceback on an internal error
        args = [arg for arg in args if arg != "--verbose"]
    result = run_cli(args, tree, stdin=stdin)
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (args, output)
    assert "Traceback" not in output, (args, output)
    assert "termlint: internal error" not in output, (args, output)
