"""Benchmark glossaries built from the shared term list (`wrong<TAB>right` rows).

Each distinct `right` becomes a preferred term. A `wrong` that differs from its `right`
only by case becomes a casing variant of it (the term is then case-sensitive); any other
`wrong` becomes a deprecated term whose `replace_with` is the `right`. Rows that would
break the glossary's own rules (a form claimed twice, a replacement that is itself
flagged) are left out, so every size loads cleanly.

Sizes beyond the real list are filled with made-up words, generated deterministically
(a fixed seed), so "10,000 terms" is the same glossary on every machine: rows of
invented words that no documentation uses (each starts with "zq"), some of them two
words long, shaped like the real rows (a deprecated word and its replacement). A
glossary grown this way finds what the real rows find, so comparing sizes measures
what the size itself costs.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "st", "kr")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_CODAS = ("", "", "n", "r", "x", "sk", "lt", "mp")
SEED = 20260820


def read_rows(terms_tsv: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for line in terms_tsv.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            wrong, right = line.split("\t", 1)
            rows.append((wrong.strip(), right.strip()))
    return rows


def synthetic_rows(count: int, taken: set[str]) -> list[tuple[str, str]]:
    """`count` rows of invented words, none equal (case-insensitively) to a taken form."""
    chooser = random.Random(SEED)
    rows: list[tuple[str, str]] = []

    def word() -> str:
        while True:
            syllables = chooser.randint(2, 4)
            made = "zq" + "".join(  # "zq": no English word starts so, none is ever met
                chooser.choice(_ONSETS) + chooser.choice(_VOWELS) + chooser.choice(_CODAS)
                for _ in range(syllables)
            )
            if chooser.random() < 0.15:
                made += " " + word()
            if made not in taken:
                taken.add(made)
                return made

    while len(rows) < count:
        rows.append((word(), word()))
    return rows


def _fold(form: str) -> str:
    return " ".join(form.casefold().split())


def build_entries(rows: Sequence[tuple[str, str]]) -> list[dict[str, object]]:
    """Glossary entries (as YAML-ready mappings) for the rows, in row order."""
    preferred: dict[str, dict[str, object]] = {}
    owner: dict[str, str] = {}  # folded form -> the term that claims it
    for _, right in rows:
        if _fold(right) not in owner:
            preferred[right] = {"term": right}
            owner[_fold(right)] = right
    deprecated: list[dict[str, object]] = []
    for wrong, right in rows:
        target = owner[_fold(right)]
        if _fold(wrong) == _fold(right):
            entry = preferred[target]
            variants = entry.setdefault("variants", [])
            assert isinstance(variants, list)
            if wrong != target and wrong not in variants:
                variants.append(wrong)
                entry["case_sensitive"] = True
            continue
        if _fold(wrong) in owner:
            continue  # the form already belongs to another entry
        owner[_fold(wrong)] = wrong
        deprecated.append({"term": wrong, "status": "deprecated", "replace_with": [target]})
    return [*preferred.values(), *deprecated]


def glossary_rows(terms_tsv: Path, size: int) -> list[tuple[str, str]]:
    """`size` rows: the first rows of the real list, then invented ones."""
    real = read_rows(terms_tsv)
    if size <= len(real):
        return real[:size]
    taken = {_fold(form) for row in real for form in row}
    return real + synthetic_rows(size - len(real), taken)


def glossary_yaml(rows: Sequence[tuple[str, str]]) -> str:
    """The glossary file's text (written by hand: no YAML library needed)."""
    lines = ["version: 1", "terms:"]
    for entry in build_entries(rows):
        lines.append(f"  - term: {_quoted(str(entry['term']))}")
        for key in ("status", "case_sensitive"):
            if key in entry:
                value = entry[key]
                lines.append(f"    {key}: {'true' if value is True else value}")
        for key in ("variants", "replace_with"):
            values = entry.get(key)
            if isinstance(values, list) and values:
                lines.append(f"    {key}: [{', '.join(_quoted(str(v)) for v in values)}]")
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_glossary(folder: Path, terms_tsv: Path, size: int) -> Path:
    """A config and glossary of `size` rows in `folder`; returns the config's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "glossary.yaml").write_text(
        glossary_yaml(glossary_rows(terms_tsv, size)), encoding="utf-8"
    )
    config = folder / ".termlint.yaml"
    config.write_text("glossary: [glossary.yaml]\n", encoding="utf-8")
    return config
