"""`termlint init`: a commented `.termlint.yaml` and a starter `glossary.yaml`, then next steps."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from termlint import __version__, packs
from termlint.config import CONFIG_NAME, DEFAULT_INCLUDE
from termlint.errors import UsageError

GLOSSARY_NAME = "glossary.yaml"
BASELINE_NAME = ".termlint-baseline.json"

_CONFIG_TEMPLATE = """\
# termlint configuration. Paths and globs are relative to this file; an unknown
# key or a bad value is an error, so a typo cannot go unnoticed.

# Glossaries, merged in order: a later entry with the same term replaces an
# earlier one, so your own glossary goes last. `builtin:NAME` is a pack that
# ships with termlint; delete a line to stop using that pack.
glossary:
{packs}  - {glossary}

# Files a folder walk checks (gitignore-style globs). These are the defaults.
include: {include}

# Files never checked, not even when named on the command line (pre-commit
# names files, so this is how a hook skips them). What .gitignore ignores and
# hidden files are skipped by a folder walk already.
# exclude:
#   - CHANGELOG.md
#   - vendor/

# Severity per rule: error, warning, info or off. `termlint rules` lists them.
rules:
  undefined-term: warning
  # acronym-first-use: off

# Words shaped like jargon (a word ending in "Ops", an acronym) that need no
# glossary entry; camel-case words (ServiceMesh) can be checked too.
# jargon:
#   allow: [KTLO]
#   patterns: {{camel-case: true}}

# Findings recorded by `termlint check --write-baseline {baseline}`
# are not reported again; only new ones are.
# baseline: {baseline}

# Per-folder severities; when several match a file, the later one wins.
# overrides:
#   - files: ["docs/archive/**"]
#     rules: {{deprecated-term: off}}
"""

_GLOSSARY_TEMPLATE = """\
# Your terms. Each entry names the written form to use; `status` says how
# termlint treats it. Replace these examples with the words of your own team.
version: 1
terms:
  # preferred (the default): the right spelling; variants are reported and fixed
  - term: email
    definition: A message sent through electronic mail.
    variants: [e-mail]

  # an abbreviation must be spelled out the first time a file uses it
  - term: Change Advisory Board
    abbreviation: CAB
    definition: The group that reviews risky changes before they reach production.

  # admitted: also fine to write, never reported
  - term: repo
    status: admitted
    definition: Short for repository; fine in informal pages.

  # deprecated: reported as a warning, with the replacement offered as a fix
  - term: utilize
    status: deprecated
    replace_with: [use]
    message: The plain word reads faster.

  # forbidden: reported as an error
  - term: Project Falcon
    status: forbidden
    replace_with: [the billing service]
    message: Code names mean nothing to readers outside the project.

  # ambiguous: must say which meaning it has at first use, as in
  # "ops review (operational readiness review)"
  - term: ops review
    status: ambiguous
    meanings: [operations review, operational readiness review]

# Words that need no entry and are never reported as undefined jargon.
allow: [SOX]

# Regular expressions reported under their own rule id.
patterns:
  - id: click-here
    regex: '(?i)\\bclick here\\b'
    message: Link text should say where the link goes.
    severity: info
"""

_NEXT_STEPS = """\
Wrote {config} and {glossary}.

Next steps:
  1. Find the terms your documents already use and paste the ones you want
     into {glossary}:
       termlint discover --format yaml
  2. Check the repository:
       termlint check
  3. Accept today's findings and fail only on new ones:
       termlint check --write-baseline {baseline}
     then uncomment `baseline: {baseline}` in {config}.
  4. Check before every commit: add to .pre-commit-config.yaml
       repos:
         - repo: https://github.com/termlint/termlint
           rev: v{version}
           hooks:
             - id: termlint
  5. Check in CI: in a GitHub Actions job
       steps:
         - uses: actions/checkout@v4
         - uses: termlint/termlint@v{version}
     or, in any other CI, run `termlint check` (exit code 1 when it finds problems).
  The snippets name where termlint is published; put your copy's address there.
"""


def config_text() -> str:
    """The commented `.termlint.yaml`: every built-in pack, then the starter glossary."""
    pack_lines = "".join(f"  - builtin:{name}\n" for name in packs.names())
    return _CONFIG_TEMPLATE.format(
        packs=pack_lines,
        glossary=GLOSSARY_NAME,
        include=json.dumps(list(DEFAULT_INCLUDE)),
        baseline=BASELINE_NAME,
    )


def glossary_text() -> str:
    return _GLOSSARY_TEMPLATE


def run(cwd: Path, force: bool, stdout: TextIO) -> int:
    """Write both files (refusing to overwrite unless `force`) and print the next steps."""
    files = {cwd / CONFIG_NAME: config_text(), cwd / GLOSSARY_NAME: glossary_text()}
    existing = [path.name for path in files if path.exists() or path.is_symlink()]
    if existing and not force:
        names = " and ".join(existing)
        verb = "exists" if len(existing) == 1 else "exist"
        raise UsageError(f"{names} already {verb} (use --force to overwrite)")
    for path, text in files.items():
        try:
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise UsageError(f"cannot write {path.name}: {reason}") from None
    stdout.write(
        _NEXT_STEPS.format(
            config=CONFIG_NAME, glossary=GLOSSARY_NAME, baseline=BASELINE_NAME, version=__version__
        )
    )
    return 0
