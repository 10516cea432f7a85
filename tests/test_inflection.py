"""SPEC §2 replacement rules: endings, capitalisation, whitespace."""

from __future__ import annotations

import pytest

from termlint.inflection import (
    add_ending,
    build_replacement,
    carry_case,
    pluralize,
    reuse_separators,
)


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("host", "hosts"),
        ("allowlist", "allowlists"),
        ("box", "boxes"),
        ("bus", "buses"),
        ("buzz", "buzzes"),
        ("branch", "branches"),
        ("mesh", "meshes"),
        ("policy", "policies"),
        ("key", "keys"),
        ("primary server", "primary servers"),
    ],
)
def test_pluralize(word: str, plural: str) -> None:
    assert pluralize(word) == plural


@pytest.mark.parametrize(
    ("ending", "expected"),
    [
        ("", "allowlist"),
        ("s", "allowlists"),
        ("es", "allowlists"),
        ("ies", "allowlists"),
        ("'s", "allowlist's"),
        ("’s", "allowlist’s"),
    ],
)
def test_add_ending(ending: str, expected: str) -> None:
    assert add_ending("allowlist", ending) == expected


@pytest.mark.parametrize(
    ("matched", "replacement", "expected"),
    [
        ("WHITELIST", "allowlist", "ALLOWLIST"),
        ("Whitelist", "allowlist", "Allowlist"),
        ("whitelist", "allowlist", "allowlist"),
        ("Master Server", "primary server", "Primary Server"),
        ("Master server", "primary server", "Primary server"),
        ("master Server", "primary server", "primary server"),
        ("MASTER SERVER", "primary server", "PRIMARY SERVER"),
        ("Sanity-Check", "confidence check", "Confidence check"),  # hyphens do not split words
        ("whitelist", "AllowList", "AllowList"),
    ],
)
def test_carry_case(matched: str, replacement: str, expected: str) -> None:
    assert carry_case(matched, replacement) == expected


@pytest.mark.parametrize(
    ("replacement", "separators", "expected"),
    [
        ("primary server", ["\n> "], "primary\n> server"),
        ("primary server", [], "primary server"),
        ("primary", ["\n  "], "primary"),
        ("a b c", ["\n"], "a\nb c"),
    ],
)
def test_reuse_separators(replacement: str, separators: list[str], expected: str) -> None:
    assert reuse_separators(replacement, separators) == expected


def test_all_caps_includes_the_ending() -> None:
    assert build_replacement("HOSTS", "host", ending="s", is_case_sensitive=False) == "HOSTS"
    assert (
        build_replacement("WHITELISTS", "allowlist", ending="s", is_case_sensitive=False)
        == "ALLOWLISTS"
    )


def test_case_sensitive_replacement_is_used_as_written() -> None:
    assert build_replacement("DEVOPS", "DevOps", ending="", is_case_sensitive=True) == "DevOps"
    assert (
        build_replacement("devops's", "DevOps", ending="'s", is_case_sensitive=True) == "DevOps's"
    )


def test_possessive_and_wrapped_separators_together() -> None:
    replacement = build_replacement(
        "Master server’s",
        "primary server",
        ending="’s",
        is_case_sensitive=False,
        separators=["\n   "],
    )
    assert replacement == "Primary\n   server’s"
