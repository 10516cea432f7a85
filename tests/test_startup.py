"""What a one-file run (a pre-commit hook) imports: only what it uses.

Startup is most of such a run, so the modules that only some runs need are imported
where they are used. These tests pin that down by module name, not by timing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import write_tree

# Imported only by the runs that need them: folder walks and globs (pathspec, which pulls
# in asyncio), glossary regex patterns (regex), the other output formats, worker pools
# (and the signal handling of their workers); `secrets` by none (a temporary file's name takes `os.urandom`, not random and hmac).
ONLY_WHEN_NEEDED = (
    "asyncio",
    "pathspec",
    "regex",
    "multiprocessing",
    "signal",
    "secrets",
    "xml",
    "termlint.formatters.sarif",
    "termlint.formatters.junit",
    "termlint.formatters.json_format",
    "termlint.formatters.codeclimate",
    "termlint.formatters.github",
)
PROBE = """\
import sys
from termlint.cli import main
code = main(sys.argv[1:])
names = set(sys.modules)
wanted = WANTED
print(code, sorted(w for w in wanted if w in names or any(n.startswith(w + ".") for n in names)))
"""


def imported_by(args: list[str], cwd: Path, wanted: tuple[str, ...] = ONLY_WHEN_NEEDED) -> str:
    probe = PROBE.replace("WANTED", repr(wanted))
    result = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    return result.stdout.splitlines()[-1]


FILES = {
    ".termlint.yaml": "glossary: [glossary.yaml]\n",
    "glossary.yaml": "terms:\n  - term: whitelist\n    status: deprecated\n",
    "a.md": "No whitelist here.\n",
}


def test_checking_one_named_file_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    assert imported_by(["check", "--quiet", "a.md"], tmp_path) == "1 []"
    # the second run reads the config and the glossary from the cache: no YAML parser
    cached = (*ONLY_WHEN_NEEDED, "yaml", "termlint.config_yaml", "termlint.yaml_nodes")
    assert imported_by(["check", "--quiet", "a.md"], tmp_path, cached) == "1 []"


def test_only_a_run_that_reads_yaml_imports_it(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    assert imported_by(["check", "--quiet", "a.md"], tmp_path, ("yaml",)) == "1 ['yaml']"
    assert imported_by(["check", "--quiet", "a.md"], tmp_path, ("yaml",)) == "1 []"
    (tmp_path / "a.md").write_text("Edited.\n", encoding="utf-8")  # only a document changed
    assert imported_by(["check", "--quiet", "a.md"], tmp_path, ("yaml",)) == "0 []"
    (tmp_path / ".termlint.yaml").write_text("glossary: glossary.yaml\n", encoding="utf-8")
    assert imported_by(["check", "--quiet", "a.md"], tmp_path, ("yaml",)) == "0 ['yaml']"
    assert imported_by(["check", "--quiet", "--no-cache", "a.md"], tmp_path, ("yaml",)) == (
        "0 ['yaml']"
    )


def test_what_is_needed_is_imported_where_it_is_used(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            **FILES,
            ".termlint.yaml": "glossary: [glossary.yaml]\nexclude: ['drafts/']\n",
            "glossary.yaml": FILES["glossary.yaml"]
            + "patterns:\n  - id: no-please\n    regex: 'please'\n    message: Drop it.\n",
        },
    )
    # asyncio (and signal, which it imports) left out: whether pathspec pulls it in
    # depends on typing_extensions
    wanted = tuple(name for name in ONLY_WHEN_NEEDED if name not in ("asyncio", "signal"))
    found = imported_by(["check", "--quiet", "--format", "sarif", "."], tmp_path, wanted)
    assert found == "1 ['pathspec', 'regex', 'termlint.formatters.sarif']"


def test_a_run_served_from_the_cache_loads_no_check(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    wanted = ("termlint.checks", "termlint.lint", "termlint.matching", "pyromark")
    assert imported_by(["check", "--quiet", "a.md"], tmp_path, wanted) == (
        "1 ['pyromark', 'termlint.checks', 'termlint.lint', 'termlint.matching']"
    )
    assert imported_by(["check", "--quiet", "a.md"], tmp_path, wanted) == "1 []"
