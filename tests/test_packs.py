"""termlint.packs and the data in rules/: packs load, never contradict themselves or each other."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from termlint import packs
from termlint.errors import GlossaryError
from termlint.glossary import Glossary, Status, load_glossaries, normalize_form, surface_forms

REPO = Path(__file__).resolve().parent.parent
RULES = REPO / "rules"


def load_pack(name: str) -> Glossary:
    return load_glossaries([f"builtin:{name}"])


@pytest.fixture(scope="module")
def all_packs() -> Glossary:
    return load_glossaries([f"builtin:{name}" for name in packs.names()])


# --- lookup --------------------------------------------------------------------------------


def test_names_are_the_yaml_files_sorted():
    assert packs.names() == ("devops", "inclusive")
    assert packs.names() == tuple(sorted(path.stem for path in RULES.glob("*.yaml")))


def test_resolve_gives_the_pack_file():
    resource = packs.resolve("devops")
    assert resource.is_file()
    assert resource.name == "devops.yaml"
    assert resource.read_text(encoding="utf-8") == (RULES / "devops.yaml").read_text("utf-8")


@pytest.mark.parametrize("name", ["nope", "DevOps", "common-acronyms", "../rules/devops", ""])
def test_resolve_unknown_pack(name):
    with pytest.raises(GlossaryError) as info:
        packs.resolve(name)
    assert str(info.value) == f"unknown built-in pack {name!r} (available: devops, inclusive)"


def test_packaged_rules_come_first(tmp_path, monkeypatch):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.yaml").write_text("allow: [API]\n", encoding="utf-8")
    monkeypatch.setattr(packs, "PACKAGE", tmp_path)
    assert packs.names() == ("house",)
    assert load_glossaries(["builtin:house"]).allow == ("API",)


def test_source_checkout_falls_back_to_top_level_rules(tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "PACKAGE", tmp_path / "termlint")  # no rules/ inside
    assert packs.rules_dir() == tmp_path / "rules"


def test_word_list_format():
    text = "# heading\nAPI\n\n  URL  # inline comment\n#\nHTTP\n"
    assert packs.parse_word_list(text) == ["API", "URL", "HTTP"]


# --- the packs themselves ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["devops", "inclusive"])
def test_pack_loads_without_warnings(name):
    glossary = load_pack(name)
    assert glossary.warnings == ()
    assert all(entry.origin.startswith(f"builtin:{name}:") for entry in glossary.entries)


def test_devops_pack_contents():
    glossary = load_pack("devops")
    assert 25 <= len(glossary.entries) <= 45
    assert [e.term for e in glossary.entries if not e.definition] == []
    assert [e.term for e in glossary.entries if not e.tags] == []
    by_term = {entry.term: entry for entry in glossary.entries}
    assert by_term["InfraOps"].meanings == (
        "Infrastructure Operations",
        "Infrastructure Optimisation",
    )
    assert by_term["IT Operations"].abbreviation == "ITOps"
    assert by_term["Service Operations"].abbreviation == "SvcOps"
    assert by_term["Application Operations"].abbreviation == "AppOps"
    assert by_term["Site Reliability Engineering"].abbreviation == "SRE"
    assert by_term["continuous integration"].abbreviation == "CI"
    assert "post-mortem" in by_term["postmortem"].variants
    for meaning in by_term["InfraOps"].meanings:
        assert by_term[meaning].status is Status.PREFERRED
        assert by_term[meaning].definition


def test_inclusive_pack_contents():
    glossary = load_pack("inclusive")
    assert 15 <= len(glossary.entries) <= 25
    for entry in glossary.entries:
        assert entry.status in (Status.DEPRECATED, Status.FORBIDDEN), entry.term
        assert entry.replace_with, entry.term
        assert entry.variants == (), f"{entry.term}: a variant would be fixed to a retired term"
    forbidden = [e for e in glossary.entries if e.status is Status.FORBIDDEN]
    assert len(forbidden) >= 3
    assert [e.term for e in forbidden if not e.message] == []
    by_term = {entry.term: entry for entry in glossary.entries}
    assert by_term["whitelist"].replace_with == ("allowlist",)
    assert by_term["blacklist"].replace_with == ("denylist", "blocklist")
    assert by_term["master server"].replace_with == ("primary server",)


def test_no_form_is_used_twice_across_packs(all_packs):
    owners: dict[str, list[str]] = {}
    for entry in all_packs.entries:
        for key in {normalize_form(form) for form in surface_forms(entry)}:
            owners.setdefault(key, []).append(entry.term)
    assert {key: terms for key, terms in owners.items() if len(terms) > 1} == {}
    assert all_packs.warnings == ()


def test_no_replacement_or_meaning_is_itself_flagged(all_packs):
    flagged: dict[str, str] = {}
    for entry in all_packs.entries:
        if entry.status is not Status.PREFERRED and entry.status is not Status.ADMITTED:
            flagged[normalize_form(entry.term)] = entry.term
        for variant in entry.variants:
            flagged[normalize_form(variant)] = entry.term
    offered = [(e.term, text) for e in all_packs.entries for text in e.replace_with + e.meanings]
    assert len(offered) >= 30
    assert [(term, text) for term, text in offered if normalize_form(text) in flagged] == []


# --- common acronyms -----------------------------------------------------------------------


def test_common_acronyms_file_is_well_formed():
    words = packs.parse_word_list((RULES / packs.ACRONYMS_FILE).read_text(encoding="utf-8"))
    assert len(words) == len(set(words)), "an acronym is listed twice"
    assert [w for w in words if not re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", w)] == []
    assert len(words) >= 250


def test_common_acronyms_are_cached_and_complete():
    acronyms = packs.common_acronyms()
    assert packs.common_acronyms() is acronyms
    assert isinstance(acronyms, frozenset)
    assert {"API", "URL", "URI", "HTTP", "HTTPS", "JSON", "YAML", "XML", "HTML", "CSS"} <= acronyms
    assert {"CLI", "CPU", "GPU", "RAM", "SSD", "OS", "IT", "UI", "UX", "SDK", "IDE"} <= acronyms
    assert {"DNS", "TCP", "UDP", "IP", "SSH", "TLS", "SSL", "SQL", "PDF", "CSV", "ID"} <= acronyms
    assert {"FAQ", "USB"} <= acronyms
    assert acronyms.isdisjoint({"AWS", "GCP", "IBM", "KTLO", "SBOM"})


def test_common_acronyms_leave_glossary_terms_to_the_glossary(all_packs):
    forms = {normalize_form(form) for e in all_packs.entries for form in surface_forms(e)}
    assert sorted(a for a in packs.common_acronyms() if normalize_form(a) in forms) == []


# --- the built wheel -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("hatchling") is None, reason="needs hatchling to build the wheel"
)
def test_wheel_ships_the_packs(tmp_path):
    # Built from a copy, so the checkout gets no build leftovers and needs no README yet.
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(REPO / "pyproject.toml", source)
    shutil.copytree(REPO / "termlint", source / "termlint", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copytree(RULES, source / "rules")
    readme = REPO / "README.md"
    (source / "README.md").write_text(readme.read_text("utf-8") if readme.exists() else "x\n")
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run([*pip_wheel, "-q", "-w", str(tmp_path), str(source)], check=True)
    (wheel,) = tmp_path.glob("termlint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    expected = {"devops.yaml", "inclusive.yaml", packs.ACRONYMS_FILE}
    assert {f"termlint/rules/{name}" for name in expected} <= names
    probe = (
        "from termlint import packs; from termlint.glossary import load_glossaries;"
        "print(packs.names(), packs.rules_dir(), len(packs.common_acronyms()),"
        " len(load_glossaries(['builtin:devops']).entries))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "('devops', 'inclusive')" in result.stdout
    assert str(tmp_path / "site" / "termlint" / "rules") in result.stdout
