"""`jargon.find_definition` searches only where a definition can be, with the same result."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from termlint.jargon import _WORD, Definitions, _defining_words, find_definition


def reference(text: str, name: str) -> str | None:
    """The search over the whole text, as first written."""
    escaped = re.escape(name)
    after = re.search(rf"(?<![\w]){escaped}s?\s*\(\s*({_WORD}(?:\s+{_WORD})+)\s*\)", text)
    if after:
        return " ".join(after.group(1).split())
    before = re.search(rf"((?:{_WORD}\s+)+{_WORD})\s*\(\s*{escaped}s?\s*\)", text)
    if before:
        return _defining_words(before.group(1).split(), name)
    return None


pieces = st.sampled_from(
    [
        "KTLO",
        "KTLOs",
        "(",
        ")",
        " ",
        "\n",
        "Keep",
        "the",
        "Lights",
        "On",
        "x2",
        "-",
        ".",
        "’s",
        "_",
        "\x00",
        "2fa",
        "KTLOX",
        "Ops",
        ",",
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(pieces, max_size=30).map("".join))
@example("Keep The Lights On (KTLO) and KTLO (Keep The Lights On)")
@example("Lights.\n(KTLO) x (KTLO) Keep the (KTLOs)")
@example("2fa Keep (KTLO) the On (KTLO)")
def test_the_same_definition_as_searching_everywhere(text: str) -> None:
    assert find_definition(text, "KTLO") == reference(text, "KTLO")


@settings(max_examples=2000, deadline=None)
@given(st.lists(pieces, max_size=30).map("".join), st.sampled_from(["KTLO", "Ops", "x2", "On"]))
@example("KTLOs (Keep The Lights On)", "KTLO")
@example("Keep The Lights On (\nKTLO )", "KTLO")
@example("XKTLO (Keep The Lights On) and (KTLOX)", "KTLO")
def test_definitions_rules_out_only_names_without_a_definition(text: str, name: str) -> None:
    assert Definitions(text).find(name) == find_definition(text, name)


def test_known_definitions() -> None:
    assert find_definition("Keep The Lights On (KTLO) is it.", "KTLO") == "Keep The Lights On"
    assert find_definition("Use KTLO (keep the lights on) work.", "KTLO") == "keep the lights on"
    assert find_definition("The rota\n(KTLO) alone", "KTLO") == "The rota"
    assert find_definition("The rota.\n(KTLO) alone", "KTLO") is None
    assert find_definition("Nothing here. (KTLO)", "KTLO") is None
