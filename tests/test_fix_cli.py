"""`termlint fix`, `check --fix`, `--diff` and `--stdin` end to end (SPEC §7, §8)."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import write_tree

from termlint.cli import main
from termlint.commands import fix as fix_command

GLOSSARY = """\
version: 1
terms:
  - term: DevOps
    variants: [Dev Ops, dev-ops]
  - term: IT Operations
    abbreviation: ITOps
  - term: runbook
    variants: [run book]
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
  - term: blacklist
    status: deprecated
    replace_with: [denylist, blocklist]
  - term: master server
    status: forbidden
    replace_with: [primary server]
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
patterns:
  - id: utilise
    regex: '\\b([Uu])tilise\\b'
    replace_with: ['$1se']
    message: Say "use".
  - id: use-the-allowlist
    regex: '\\buse the whitelist\\b'
    replace_with: ['consult the allowlist']
    message: Say what to do with it.
  - id: click-here
    regex: '\\bclick here\\b'
    message: Link text should say where the link goes.
"""

CONFIG = 'glossary: [glossary.yaml]\nexclude: ["vendor/**"]\n'


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: bytes  # exact bytes: click's Result.stdout would turn CRLF into LF
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8")


def termlint(cwd: Path, *args: str, stdin: bytes | None = None) -> Run:
    """Run `termlint ARGS` through main() in cwd, capturing the streams as bytes."""
    previous = Path.cwd()
    with CliRunner().isolation(input=stdin) as (out, err, _):
        os.chdir(cwd)
        try:
            code = main(list(args))
        finally:
            os.chdir(previous)
            sys.stdout.flush()
            sys.stderr.flush()
        return Run(code, out.getvalue(), err.getvalue().decode("utf-8"))


def project(tmp_path: Path, files: dict[str, str | bytes], config: str = CONFIG) -> Path:
    return write_tree(tmp_path, {".termlint.yaml": config, "glossary.yaml": GLOSSARY, **files})


def fixed_bytes(tmp_path: Path, data: bytes, name: str = "doc.md", *args: str) -> bytes:
    project(tmp_path, {name: data})
    termlint(tmp_path, "fix", *args, name)
    return (tmp_path / name).read_bytes()


# --- each fixable rule, exact bytes -------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # term-variant: listed variants, wrong casing of a case-sensitive term, endings
        (b"The dev-ops team.\n", b"The DevOps team.\n"),
        (b"Two Dev Ops teams, devops and DEVOPS.\n", b"Two DevOps teams, DevOps and DevOps.\n"),
        (
            b"Read the run books and the Run Book's index.\n",
            b"Read the runbooks and the Runbook's index.\n",
        ),
        (b"RUN BOOK first.\n", b"RUNBOOK first.\n"),
        # deprecated-term with one replacement: ending and capitals carried over
        (
            b"Whitelists, WHITELIST and the whitelist\xe2\x80\x99s owner.\n",
            b"Allowlists, ALLOWLIST and the allowlist\xe2\x80\x99s owner.\n",
        ),
        # forbidden term wrapped across a line: the line break is kept between the words
        (b"Restart the master\nserver.\n", b"Restart the primary\nserver.\n"),
        (b"- Restart the Master\n  Server now.\n", b"- Restart the Primary\n  Server now.\n"),
        # acronym-first-use: the first use becomes "IT Operations (ITOps)"
        (b"Ask ITOps first.\n", b"Ask IT Operations (ITOps) first.\n"),
        # pattern rule with one replacement, $1 filled in
        (b"Utilise it; utilise that.\n", b"Use it; use that.\n"),
    ],
)
def test_each_fixable_rule_exact_bytes(tmp_path: Path, before: bytes, after: bytes) -> None:
    assert fixed_bytes(tmp_path, before) == after


def test_unfixable_findings_are_left_and_reported(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "The blacklist and InfraOps; click here.\n"})
    result = termlint(tmp_path, "fix", "--format", "json", "doc.md")
    report = json.loads(result.stdout)
    assert (tmp_path / "doc.md").read_text() == "The blacklist and InfraOps; click here.\n"
    assert report["summary"] == {
        "files": 1,
        "findings": 3,
        "error": 0,
        "warning": 3,
        "info": 0,
        "fixed": 0,
    }
    assert [(f["rule"], f["line"], f["column"]) for f in report["findings"]] == [
        ("deprecated-term", 1, 5),
        ("ambiguous-term", 1, 19),
        ("click-here", 1, 29),
    ]
    assert result.exit_code == 1


def test_a_term_split_by_markup_is_reported_but_not_fixed(tmp_path: Path) -> None:
    before = b"The **dev**-ops team and [Dev](https://example.com) Ops.\n"
    project(tmp_path, {"doc.md": before})
    result = termlint(tmp_path, "fix", "--format", "json", "doc.md")
    assert (tmp_path / "doc.md").read_bytes() == before
    report = json.loads(result.stdout)
    assert [(f["column"], f["text"], f["fix"]) for f in report["findings"]] == [
        (7, "dev**-ops", None),
        (27, "Dev](https://example.com) Ops", None),
    ]
    assert report["summary"]["fixed"] == 0


def test_acronym_first_use_expands_only_the_first_use(tmp_path: Path) -> None:
    after = fixed_bytes(tmp_path, b"Ask ITOps.\n\nThen ask ITOps again, and ITOps once more.\n")
    assert after == b"Ask IT Operations (ITOps).\n\nThen ask ITOps again, and ITOps once more.\n"


def test_acronym_already_spelled_out_later_use_is_untouched(tmp_path: Path) -> None:
    before = b"IT Operations owns it. Ask ITOps.\n"
    assert fixed_bytes(tmp_path, before) == before


def test_overlapping_fixes_never_both_apply(tmp_path: Path) -> None:
    # The pattern's span holds the deprecated term's span: only one edit lands per
    # pass; the next pass re-lints and finds nothing left to fix.
    project(tmp_path, {"doc.md": "Please use the whitelist.\n"})
    result = termlint(tmp_path, "fix", "--format", "json", "doc.md")
    assert (tmp_path / "doc.md").read_text() == "Please consult the allowlist.\n"
    assert json.loads(result.stdout)["summary"]["fixed"] == 1
    assert result.exit_code == 0


# --- bytes that must survive ---------------------------------------------------------


def test_crlf_line_endings_are_kept(tmp_path: Path) -> None:
    before = b"# Title\r\n\r\nThe dev-ops team\r\nowns the master\r\nserver.\r\n"
    after = b"# Title\r\n\r\nThe DevOps team\r\nowns the primary\r\nserver.\r\n"
    assert fixed_bytes(tmp_path, before) == after


def test_mixed_line_endings_are_kept(tmp_path: Path) -> None:
    before = b"The dev-ops team.\r\nThe whitelist.\nThe run\r\nbook.\rEnd dev-ops\n"
    after = b"The DevOps team.\r\nThe allowlist.\nThe runbook.\rEnd DevOps\n"
    assert fixed_bytes(tmp_path, before, "doc.txt") == after


def test_utf8_bom_is_kept(tmp_path: Path) -> None:
    before = b"\xef\xbb\xbfThe dev-ops team \xe2\x80\x94 caf\xc3\xa9.\n"
    after = b"\xef\xbb\xbfThe DevOps team \xe2\x80\x94 caf\xc3\xa9.\n"
    assert fixed_bytes(tmp_path, before) == after


def test_missing_final_newline_stays_missing(tmp_path: Path) -> None:
    assert fixed_bytes(tmp_path, b"Line one.\nThe dev-ops team") == b"Line one.\nThe DevOps team"
    assert fixed_bytes(tmp_path, b"dev-ops", "bare.txt") == b"DevOps"


@pytest.mark.parametrize("mode", [0o640, 0o755, 0o600])
def test_file_mode_is_kept(tmp_path: Path, mode: int) -> None:
    project(tmp_path, {"doc.md": "The dev-ops team.\n"})
    (tmp_path / "doc.md").chmod(mode)
    termlint(tmp_path, "fix", "doc.md")
    assert (tmp_path / "doc.md").read_text() == "The DevOps team.\n"
    assert stat.S_IMODE((tmp_path / "doc.md").stat().st_mode) == mode


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    project(tmp_path, {"docs/doc.md": "The dev-ops team.\n"})
    termlint(tmp_path, "fix", "docs")
    assert sorted(path.name for path in (tmp_path / "docs").iterdir()) == ["doc.md"]


def test_symlinked_file_keeps_its_link(tmp_path: Path) -> None:
    project(tmp_path, {"real/doc.md": "The dev-ops team.\n"})
    (tmp_path / "link.md").symlink_to(tmp_path / "real" / "doc.md")
    termlint(tmp_path, "fix", "link.md")
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real" / "doc.md").read_text() == "The DevOps team.\n"


def test_code_urls_front_matter_and_comments_are_never_touched(tmp_path: Path) -> None:
    before = (
        "---\ntitle: the dev-ops whitelist\n---\n\n"
        'Use `dev-ops` and [dev-ops](https://example.com/dev-ops "dev-ops") at https://whitelist.example.com.\n\n'
        "```sh\nwhitelist dev-ops\n```\n\n"
        "    indented dev-ops whitelist\n\n"
        "<!-- the whitelist -->\n\n"
        "<div>\nwhitelist\n</div>\n\n"
        "[ref]: https://example.com/whitelist\n"
    )
    after = before.replace("and [dev-ops](", "and [DevOps](")
    assert fixed_bytes(tmp_path, before.encode()) == after.encode()


def test_text_file_urls_are_never_touched(tmp_path: Path) -> None:
    before = b"See https://example.com/dev-ops and www.whitelist.example.com for the whitelist.\n"
    after = b"See https://example.com/dev-ops and www.whitelist.example.com for the allowlist.\n"
    assert fixed_bytes(tmp_path, before, "notes.txt") == after


def test_suppressed_regions_are_never_touched(tmp_path: Path) -> None:
    before = (
        b"The whitelist.\n\n"
        b"<!-- termlint-disable -->\nThe whitelist stays.\n<!-- termlint-enable -->\n\n"
        b"The dev-ops team. <!-- termlint-disable-line -->\n\n"
        b"<!-- termlint-disable-next-line term-variant -->\nThe dev-ops whitelist.\n"
    )
    after = (
        b"The allowlist.\n\n"
        b"<!-- termlint-disable -->\nThe whitelist stays.\n<!-- termlint-enable -->\n\n"
        b"The dev-ops team. <!-- termlint-disable-line -->\n\n"
        b"<!-- termlint-disable-next-line term-variant -->\nThe dev-ops allowlist.\n"
    )
    assert fixed_bytes(tmp_path, before) == after


def test_rules_switched_off_or_not_selected_are_not_fixed(tmp_path: Path) -> None:
    project(
        tmp_path,
        {"doc.md": "The dev-ops whitelist.\n"},
        config=CONFIG + "rules: {deprecated-term: off}\n",
    )
    termlint(tmp_path, "fix", "doc.md")
    assert (tmp_path / "doc.md").read_text() == "The DevOps whitelist.\n"
    (tmp_path / "doc.md").write_text("The dev-ops whitelist utilise.\n")
    termlint(tmp_path, "fix", "--select", "utilise", "doc.md")
    assert (tmp_path / "doc.md").read_text() == "The dev-ops whitelist use.\n"
    termlint(tmp_path, "fix", "--ignore", "term-variant", "--ignore", "deprecated-term", "doc.md")
    assert (tmp_path / "doc.md").read_text() == "The dev-ops whitelist use.\n"


def test_unreadable_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    project(tmp_path, {"bad.md": b"dev-ops \xff\n", "good.md": "dev-ops\n"})
    result = termlint(tmp_path, "fix", "--format", "json", ".")
    report = json.loads(result.stdout)
    assert (tmp_path / "bad.md").read_bytes() == b"dev-ops \xff\n"
    assert (tmp_path / "good.md").read_bytes() == b"DevOps\n"
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [("bad.md", "read-error")]
    assert report["summary"]["files"] == 2
    assert report["summary"]["fixed"] == 1
    assert result.exit_code == 1


# --- the report after fixing ---------------------------------------------------------


def test_report_lists_what_remains_at_its_new_position(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "Ask ITOps about InfraOps.\nThe dev-ops blacklist.\n"})
    result = termlint(tmp_path, "check", "--fix", "--no-color", "doc.md")
    assert (tmp_path / "doc.md").read_text() == (
        "Ask IT Operations (ITOps) about InfraOps.\nThe DevOps blacklist.\n"
    )
    assert result.text == (
        'doc.md:1:33: warning: "InfraOps" is ambiguous: it can mean Infrastructure Operations '
        "or Infrastructure Optimisation [ambiguous-term]\n"
        'doc.md:2:12: warning: "blacklist" is deprecated: use "denylist" or "blocklist" '
        "instead [deprecated-term]\n"
    )
    assert result.stderr == "Found 2 problems (2 warnings) in 1 file, fixed 2.\n"
    assert result.exit_code == 1


def test_json_summary_has_fixed_and_counts_what_remains(tmp_path: Path) -> None:
    project(
        tmp_path, {"a.md": "dev-ops and whitelist.\n", "b.md": "Clean.\n", "c.md": "click here\n"}
    )
    result = termlint(tmp_path, "fix", "--format", "json")
    report = json.loads(result.stdout)
    assert report["summary"] == {
        "files": 3,
        "findings": 1,
        "error": 0,
        "warning": 1,
        "info": 0,
        "fixed": 2,
    }
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [("c.md", "click-here")]
    assert result.exit_code == 1


def test_exit_code_follows_what_remains(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "The dev-ops team.\n"})
    result = termlint(tmp_path, "fix", "doc.md")
    assert (result.exit_code, result.text, result.stderr) == (
        0,
        "",
        "No problems found in 1 file, fixed 1.\n",
    )
    (tmp_path / "doc.md").write_text("The dev-ops team, click here.\n")
    assert termlint(tmp_path, "fix", "doc.md").exit_code == 1
    assert termlint(tmp_path, "fix", "--fail-on", "error", "doc.md").exit_code == 0


def test_check_without_fix_writes_nothing_and_has_no_fixed_field(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "The dev-ops team.\n"})
    result = termlint(tmp_path, "check", "--format", "json", "doc.md")
    assert "fixed" not in json.loads(result.stdout)["summary"]
    assert (tmp_path / "doc.md").read_text() == "The dev-ops team.\n"


def test_second_fix_run_changes_nothing(tmp_path: Path) -> None:
    source = (
        "# Dev Ops Run Books\n\nAsk ITOps. The whitelists of the master\nserver; utilise\n"
        "the run book. Please use the whitelist.\n\n> The DEVOPS\n> whitelist\n"
    )
    project(tmp_path, {"doc.md": source})
    first = termlint(tmp_path, "fix", "--format", "json", "doc.md")
    fixed_once = (tmp_path / "doc.md").read_bytes()
    assert fixed_once == (
        b"# DevOps Runbooks\n\nAsk IT Operations (ITOps). The allowlists of the primary\n"
        b"server; use\nthe runbook. Please consult the allowlist.\n\n> The DevOps\n> allowlist\n"
    )
    assert json.loads(first.stdout)["summary"]["fixed"] == 10
    mtime = (tmp_path / "doc.md").stat().st_mtime_ns
    second = termlint(tmp_path, "fix", "--format", "json", "doc.md")
    assert (tmp_path / "doc.md").read_bytes() == fixed_once
    assert (tmp_path / "doc.md").stat().st_mtime_ns == mtime  # not even rewritten
    assert json.loads(second.stdout)["summary"]["fixed"] == 0
    assert termlint(tmp_path, "check", "--diff", "doc.md").exit_code == 0


# --- a file that changes while it is being fixed -------------------------------------


def test_file_changed_on_disk_while_fixing_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, {"a.md": "The dev-ops team.\n", "b.md": "The whitelist.\n"})
    real_fix_text = fix_command.fix_text

    def fix_text_then_edit(text, lint, **kwargs):  # type: ignore[no-untyped-def]
        result = real_fix_text(text, lint, **kwargs)
        if "dev-ops" in text:  # another writer saves a.md between our read and our write
            (tmp_path / "a.md").write_text("Edited elsewhere, dev-ops.\n")
        return result

    monkeypatch.setattr(fix_command, "fix_text", fix_text_then_edit)
    result = termlint(tmp_path, "fix", "--format", "json", ".")
    assert (tmp_path / "a.md").read_text() == "Edited elsewhere, dev-ops.\n"
    assert (tmp_path / "b.md").read_text() == "The allowlist.\n"
    assert result.stderr == (
        "termlint: warning: a.md: changed on disk while fixing; left alone\n"
        "Found 1 problem (1 warning) in 2 files, fixed 1.\n"
    )
    report = json.loads(result.stdout)
    # a.md keeps the finding of the text that was read: nothing was fixed there
    assert [(f["path"], f["line"], f["column"], f["text"]) for f in report["findings"]] == [
        ("a.md", 1, 5, "dev-ops")
    ]
    assert sorted(path.name for path in tmp_path.iterdir() if "termlint-tmp" in path.name) == []


def test_failed_write_is_a_warning_and_the_file_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path, {"docs/doc.md": "The dev-ops team.\n"})

    def refuse(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = termlint(tmp_path, "fix", "--no-color", "docs")
    assert (tmp_path / "docs" / "doc.md").read_text() == "The dev-ops team.\n"
    assert sorted(path.name for path in (tmp_path / "docs").iterdir()) == ["doc.md"]
    assert result.stderr.splitlines() == [
        "termlint: warning: docs/doc.md: cannot write file: Permission denied; left alone",
        "Found 1 problem (1 warning) in 1 file.",
    ]
    assert result.exit_code == 1


# --- --diff --------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_diff_applies_with_git_apply_and_writes_nothing(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "docs/a.md": b"\xef\xbb\xbfTitle\r\n\r\nThe dev-ops team\r\nand the whitelist.\r\n",
        "docs/b.txt": b"one\ntwo\nthree\nfour\nfive\nsix\nseven dev-ops\neight\nnine\nten\nThe end: whitelist",
        "docs/c.md": "Clean text.\n",
        "docs/d.md": b"Mixed\r\nendings dev-ops\nand\rlone CR whitelist\n",
    }
    project(tmp_path, files)
    before = {name: (tmp_path / name).read_bytes() for name in files}
    result = termlint(tmp_path, "check", "--diff", "--fail-on", "never", "docs")
    assert result.exit_code == 1
    assert {name: (tmp_path / name).read_bytes() for name in files} == before
    assert result.stderr == "Would fix 6 findings in 3 files.\n"
    assert result.stdout.startswith(
        b"diff --git a/docs/a.md b/docs/a.md\n--- a/docs/a.md\n+++ b/docs/a.md\n"
    )
    assert b"\\ No newline at end of file\n" in result.stdout

    repo = tmp_path / "repo"
    write_tree(repo, files)
    git(repo, "init", "-q")
    (tmp_path / "fix.patch").write_bytes(result.stdout)
    applied = git(repo, "apply", "--whitespace=nowarn", str(tmp_path / "fix.patch"))
    assert applied.returncode == 0, applied.stderr.decode()
    termlint(tmp_path, "fix", "docs")
    for name in files:
        assert (repo / name).read_bytes() == (tmp_path / name).read_bytes(), name
    assert (
        repo / "docs/a.md"
    ).read_bytes() == b"\xef\xbb\xbfTitle\r\n\r\nThe DevOps team\r\nand the allowlist.\r\n"


def test_diff_exact_output(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "# Ops\n\nAsk ITOps.\nThe dev-ops team\n"})
    result = termlint(tmp_path, "fix", "--diff", "doc.md")
    assert result.text == (
        "diff --git a/doc.md b/doc.md\n"
        "--- a/doc.md\n"
        "+++ b/doc.md\n"
        "@@ -1,4 +1,4 @@\n"
        " # Ops\n"
        " \n"
        "-Ask ITOps.\n"
        "-The dev-ops team\n"
        "+Ask IT Operations (ITOps).\n"
        "+The DevOps team\n"
    )
    assert result.stderr == "Would fix 2 findings in 1 file.\n"
    assert result.exit_code == 1


def test_diff_exits_zero_when_nothing_to_fix_whatever_fail_on(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "The blacklist, click here.\n"})
    result = termlint(tmp_path, "check", "--diff", "--fail-on", "info", "doc.md")
    assert (result.exit_code, result.text, result.stderr) == (0, "", "Nothing to fix.\n")
    quiet = termlint(tmp_path, "check", "--diff", "--quiet", "doc.md")
    assert (quiet.exit_code, quiet.text, quiet.stderr) == (0, "", "")


def test_fix_with_diff_writes_nothing(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "The dev-ops team.\n"})
    result = termlint(tmp_path, "check", "--fix", "--diff", "doc.md")
    assert result.exit_code == 1
    assert result.text.endswith("-The dev-ops team.\n+The DevOps team.\n")
    assert (tmp_path / "doc.md").read_text() == "The dev-ops team.\n"


# --- --stdin -------------------------------------------------------------------------


def test_stdin_check_reports_under_the_given_name(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = termlint(
        tmp_path,
        "check",
        "--stdin",
        "--stdin-filename",
        "docs/new.md",
        "--format",
        "json",
        stdin=b"The dev-ops team.\n",
    )
    report = json.loads(result.stdout)
    assert [
        (f["path"], f["line"], f["column"], f["rule"], f["fix"]) for f in report["findings"]
    ] == [("docs/new.md", 1, 5, "term-variant", {"replacement": "DevOps"})]
    assert report["summary"] == {"files": 1, "findings": 1, "error": 0, "warning": 1, "info": 0}
    assert result.exit_code == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == [".termlint.yaml", "glossary.yaml"]


def test_stdin_extension_picks_the_reader(tmp_path: Path) -> None:
    project(tmp_path, {})
    text = b"Use `dev-ops` here.\n"
    as_markdown = termlint(tmp_path, "check", "--stdin", "--stdin-filename", "a.md", stdin=text)
    as_text = termlint(
        tmp_path, "check", "--stdin", "--stdin-filename", "a.txt", "--no-color", stdin=text
    )
    assert (as_markdown.exit_code, as_markdown.text) == (0, "")
    assert as_text.text.startswith('a.txt:1:6: warning: "dev-ops" should be written "DevOps"')


def test_stdin_fix_prints_fixed_text_and_reports_on_stderr(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = termlint(
        tmp_path,
        "check",
        "--fix",
        "--stdin",
        "--stdin-filename",
        "doc.md",
        "--no-color",
        stdin=b"\xef\xbb\xbfThe dev-ops team\r\nand InfraOps\r\nno newline",
    )
    assert result.stdout == b"\xef\xbb\xbfThe DevOps team\r\nand InfraOps\r\nno newline"
    assert result.stderr == (
        'doc.md:2:5: warning: "InfraOps" is ambiguous: it can mean Infrastructure Operations '
        "or Infrastructure Optimisation [ambiguous-term]\n"
        "Found 1 problem (1 warning) in 1 file, fixed 1.\n"
    )
    assert result.exit_code == 1


def test_stdin_fix_json_report_goes_to_stderr(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = termlint(
        tmp_path,
        "fix",
        "--stdin",
        "--stdin-filename",
        "doc.md",
        "--format",
        "json",
        "--quiet",
        stdin=b"Whitelist it.\n",
    )
    assert result.stdout == b"Allowlist it.\n"
    assert json.loads(result.stderr)["summary"] == {
        "files": 1,
        "findings": 0,
        "error": 0,
        "warning": 0,
        "info": 0,
        "fixed": 1,
    }
    assert result.exit_code == 0


def test_stdin_fix_with_nothing_to_fix_echoes_the_input(tmp_path: Path) -> None:
    project(tmp_path, {})
    data = b"Clean\r\ntext with `dev-ops` code"
    result = termlint(tmp_path, "fix", "--stdin", "--stdin-filename", "doc.md", stdin=data)
    assert (result.stdout, result.stderr, result.exit_code) == (
        data,
        "No problems found in 1 file.\n",
        0,
    )


def test_stdin_excluded_name_reports_nothing_and_fix_echoes(tmp_path: Path) -> None:
    project(tmp_path, {})
    data = b"The dev-ops team.\n"
    checked = termlint(
        tmp_path,
        "check",
        "--stdin",
        "--stdin-filename",
        "vendor/x.md",
        "--format",
        "json",
        stdin=data,
    )
    assert json.loads(checked.stdout) == {
        "version": 1,
        "summary": {"files": 0, "findings": 0, "error": 0, "warning": 0, "info": 0},
        "findings": [],
    }
    assert checked.exit_code == 0
    fixed = termlint(tmp_path, "fix", "--stdin", "--stdin-filename", "vendor/x.md", stdin=data)
    assert (fixed.stdout, fixed.stderr, fixed.exit_code) == (
        data,
        "No problems found in 0 files.\n",
        0,
    )


def test_stdin_undecodable_is_a_read_error_and_fix_echoes(tmp_path: Path) -> None:
    project(tmp_path, {})
    data = b"dev-ops \xff\n"
    result = termlint(
        tmp_path, "fix", "--stdin", "--stdin-filename", "doc.md", "--no-color", stdin=data
    )
    assert result.stdout == data
    assert result.stderr.startswith("doc.md:1:1: error: file is not valid UTF-8")
    assert result.exit_code == 1


def test_stdin_diff_uses_the_name(tmp_path: Path) -> None:
    project(tmp_path, {})
    result = termlint(
        tmp_path, "check", "--diff", "--stdin", "--stdin-filename", "d/x.md", stdin=b"dev-ops\n"
    )
    assert (
        result.text
        == "diff --git a/d/x.md b/d/x.md\n--- a/d/x.md\n+++ b/d/x.md\n@@ -1 +1 @@\n-dev-ops\n+DevOps\n"
    )
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "--stdin"],
            "--stdin needs --stdin-filename NAME (it decides how the text is read)",
        ),
        (
            ["fix", "--stdin"],
            "--stdin needs --stdin-filename NAME (it decides how the text is read)",
        ),
        (["check", "--stdin-filename", "a.md"], "--stdin-filename needs --stdin"),
        (
            ["check", "--stdin", "--stdin-filename", "a.md", "a.md"],
            "--stdin reads one document from standard input: name no PATH with it",
        ),
        (
            ["check", "--fix", "--write-baseline", "b.json"],
            "--write-baseline cannot be combined with --fix, --diff or --stdin",
        ),
    ],
)
def test_stdin_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    project(tmp_path, {"a.md": "dev-ops\n"})
    result = termlint(tmp_path, *args, stdin=b"dev-ops\n")
    assert (result.exit_code, result.text, result.stderr) == (
        2,
        "",
        f"termlint: error: {message}\n",
    )
    assert (tmp_path / "a.md").read_text() == "dev-ops\n"


def test_fix_command_has_the_check_options(tmp_path: Path) -> None:
    result = termlint(tmp_path, "fix", "--help")
    help_text = result.text
    for option in ("--config", "--glossary", "--format", "--select", "--diff", "--stdin-filename"):
        assert option in help_text
    assert "--fix" not in help_text
    assert "--write-baseline" not in help_text
    assert result.exit_code == 0


def test_baseline_findings_are_not_fixed(tmp_path: Path) -> None:
    project(tmp_path, {"doc.md": "The dev-ops team.\n"})
    assert termlint(tmp_path, "check", "--write-baseline", "base.json", "doc.md").exit_code == 0
    (tmp_path / "doc.md").write_text("The dev-ops team.\nThe whitelist.\n")
    result = termlint(tmp_path, "fix", "--baseline", "base.json", "--format", "json", "doc.md")
    assert (tmp_path / "doc.md").read_text() == "The dev-ops team.\nThe allowlist.\n"
    assert json.loads(result.stdout)["summary"]["fixed"] == 1
    assert result.exit_code == 0


README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_block(marker: str, language: str) -> str:
    text = README.read_text(encoding="utf-8")
    block = re.compile(rf"```{language}\n(.*?)```\n", re.DOTALL).search(text, text.index(marker))
    assert block is not None, f"no ```{language} block after {marker!r}"
    return block.group(1)


def test_readme_fixing_example_is_what_the_tool_prints(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            ".termlint.yaml": "glossary: [glossary.yaml]\n",
            "glossary.yaml": _readme_block("## The glossary", "yaml"),
            "docs/ops.md": _readme_block("## A 30-second example", "markdown"),
        },
    )
    command, *lines = _readme_block("## Fixing", "console").splitlines()
    assert command == "$ termlint check --diff docs"
    result = termlint(tmp_path, *command.split()[2:])
    assert result.text.splitlines() + result.stderr.splitlines() == lines
    assert result.exit_code == 1
