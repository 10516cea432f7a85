"""Coverage-guided fuzzing of the readers, the checks and the fixer (atheris).

Not collected by pytest (the name does not start with `test_`). Run it for a few minutes:

    python -m pip install atheris
    python tests/fuzz/fuzz_reader.py -max_total_time=300 -max_len=4096 tests/fuzz/corpus

Each input's first byte picks the reader (Markdown, MDX or plain text); the rest is
decoded as termlint decodes a file (a decode failure must be a SourceError, nothing
else) and, lossily, read anyway. Every document and finding must keep the invariants
of tests/invariants.py, and fixing the text twice must change nothing the second time.
A crash leaves `crash-*` with the input; replay it with `python tests/fuzz/fuzz_reader.py
crash-...`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for invariants

with atheris.instrument_imports():
    from invariants import check_document, check_findings, fuzz_settings

    from termlint.fixing import fix_text
    from termlint.lint import lint_text
    from termlint.model import Finding
    from termlint.parsing import read_document, read_markdown
    from termlint.source import SourceError, decode

NAMES = ("fuzz.md", "fuzz.mdx", "fuzz.txt")
SETTINGS = fuzz_settings()


def test_one_input(data: bytes) -> None:
    if not data:
        return
    name = NAMES[data[0] % len(NAMES)]
    raw = data[1:]
    try:
        text, _ = decode(raw)
    except SourceError:
        text = raw.decode("utf-8", errors="replace").replace("\0", "")
    check_document(read_document(name, text))
    if name.endswith(".md"):
        check_document(read_markdown(name, text))  # the reference reader, if the fast one ran
    findings = lint_text(name, text, SETTINGS)
    check_findings(text, findings)

    def lint(new_text: str) -> list[Finding]:
        return lint_text(name, new_text, SETTINGS)

    fixed = fix_text(text, lint, first=findings)
    again = fix_text(fixed.text, lint)
    assert again.text == fixed.text, f"a second fix changed {fixed.text!r} to {again.text!r}"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
