"""Memory stays bounded on a large tree: files are read, linted and dropped one by one.

The peak resident set of a `termlint check` subprocess over 2,000 generated files (about
10 MB of Markdown) is compared with the peak of a run over one of those files. Holding
every parsed document at once would add about 50 MB (a document takes about five times
its text); streaming adds only the findings and the report. The figures are in the
README's "Guarantees" section.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PARAGRAPH = (
    "The platform team reviews every change to the hosts before it ships, and writes it down.\n"
)
PAGE = "# Guide\n\n" + (PARAGRAPH * 6 + "\n") * 9 + "Keep the whitelist short.\n"
FILES = 2000
GROWTH_BOUND_MB = 25  # over the peak of a one-file run
PEAK_BOUND_MB = 120

# Run in a fresh interpreter, whose only child is termlint: RUSAGE_CHILDREN's peak is
# then termlint's own (and its workers'), not that of some earlier test's subprocess.
MEASURE = """\
import json, resource, subprocess, sys
args = [sys.executable, "-m", "termlint", "check", "--no-cache", "--format", "json", *sys.argv[1:]]
result = subprocess.run(args, capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
if sys.platform == "darwin":
    peak //= 1024  # bytes there
summary = json.loads(result.stdout)["summary"]
print(json.dumps({"code": result.returncode, "peak_kib": peak, "summary": summary}))
"""


def _peak(root: Path, *args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the resource module is POSIX-only")
def test_peak_memory_does_not_grow_with_the_tree(tmp_path):
    (tmp_path / ".termlint.yaml").write_text("glossary: [builtin:inclusive]\n", encoding="utf-8")
    for number in range(FILES):
        folder = tmp_path / "docs" / f"part{number // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page{number:04d}.md").write_text(PAGE, encoding="utf-8")
    one = _peak(tmp_path, "docs/part00/page0000.md")
    tree = _peak(tmp_path, "docs")
    assert (one["code"], tree["code"]) == (1, 1)
    assert tree["summary"] == {
        "files": FILES,
        "findings": FILES,
        "error": 0,
        "warning": FILES,
        "info": 0,
    }
    growth_mb = (int(tree["peak_kib"]) - int(one["peak_kib"])) / 1024  # type: ignore[call-overload]
    assert growth_mb < GROWTH_BOUND_MB, (one, tree)
    assert int(tree["peak_kib"]) / 1024 < PEAK_BOUND_MB, tree  # type: ignore[call-overload]
