"""`termlint glossary export`: Markdown, HTML, CSV, TBX and JSON; round trips through import."""

from __future__ import annotations

import json
import textwrap

import pytest
from glossary_helpers import entries_of, run_termlint, without_origins

from termlint.glossary import Entry, Glossary, Status, load_glossary_file, load_glossary_text
from termlint.glossary_io.csv_format import export_csv, join_items, split_items
from termlint.glossary_io.export_html import export_html, search_text
from termlint.glossary_io.export_markdown import escape, export_markdown
from termlint.glossary_io.json_export import export_json
from termlint.glossary_io.tbx import export_tbx

GLOSSARY = """
terms:
  - term: IT Operations
    abbreviation: ITOps
    definition: Day-to-day running of an organisation's IT estate.
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
  - term: Infrastructure Operations
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
    see: https://example.com/words#whitelist
  - term: allowlist
    variants: [allow-list, white list]
    tags: [inclusive]
  - term: master server
    status: forbidden
    replace_with: [primary server]
    message: Say which role the server has.
allow: [API]
patterns:
  - id: click-here
    regex: '\\bclick here\\b'
    message: Link text should say where the link goes.
"""


def load(text: str = GLOSSARY) -> Glossary:
    return load_glossary_text(textwrap.dedent(text).lstrip("\n"), "g.yaml")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "glossary.yaml").write_text(textwrap.dedent(GLOSSARY).lstrip("\n"), "utf-8")
    (tmp_path / ".termlint.yaml").write_text("glossary: [glossary.yaml]\n", encoding="utf-8")
    return tmp_path


# --- Markdown ---------------------------------------------------------------------------------

MARKDOWN = """\
<!-- termlint-disable -->
# Glossary

[A](#letter-a) · [I](#letter-i) · [M](#letter-m) · [W](#letter-w)

## <a id="letter-a"></a>A

### <a id="allowlist"></a>allowlist

✅ **Preferred**

- **Not:** allow-list, white list
- **Tags:** inclusive

## <a id="letter-i"></a>I

### <a id="infraops"></a>InfraOps

❓ **Ambiguous**

- **Meanings:** [Infrastructure Operations](#infrastructure-operations) or Infrastructure Optimisation

### <a id="infrastructure-operations"></a>Infrastructure Operations

✅ **Preferred**

### <a id="it-operations"></a>IT Operations

✅ **Preferred**

Day-to-day running of an organisation's IT estate.

- **Abbreviation:** ITOps

## <a id="letter-m"></a>M

### <a id="master-server"></a>master server

⛔ **Forbidden**

- **Use instead:** primary server
- **Note:** Say which role the server has.

## <a id="letter-w"></a>W

### <a id="whitelist"></a>whitelist

⚠️ **Deprecated**

- **Use instead:** [allowlist](#allowlist)
- **See:** <https://example.com/words#whitelist>

## Known words

API

## Style rules

- `click-here` (warning): Link text should say where the link goes.
"""


def test_markdown_page(project):
    result = run_termlint(["glossary", "export", "--format", "markdown"], project)
    assert (result.stdout, result.stderr, result.exit_code) == (MARKDOWN, "", 0)


def test_markdown_orders_ignoring_case_and_accents_and_keeps_anchors_unique():
    glossary = load(
        "terms:\n  - term: zeta\n  - term: Éclair\n  - term: eclair\n    case_sensitive: true\n"
        "  - term: 3D\n  - term: API\n"
    )
    headings = [
        line for line in export_markdown(glossary).text.splitlines() if line.startswith("##")
    ]
    assert headings == [
        '## <a id="letter-other"></a>\\#',
        '### <a id="3d"></a>3D',
        '## <a id="letter-a"></a>A',
        '### <a id="api"></a>API',
        '## <a id="letter-e"></a>E',
        '### <a id="eclair"></a>eclair',
        '### <a id="eclair-2"></a>Éclair',
        '## <a id="letter-z"></a>Z',
        '### <a id="zeta"></a>zeta',
    ]


def test_markdown_escapes_markup_in_glossary_text():
    assert escape("a_b *c* [d] <e> `f` #g | h~") == (
        "a\\_b \\*c\\* \\[d\\] \\<e\\> \\`f\\` \\#g \\| h\\~"
    )


def test_the_glossary_page_is_not_reported_by_check(project):
    (project / "docs").mkdir()
    run_termlint(["glossary", "export", "--format", "markdown", "-o", "docs/glossary.md"], project)
    result = run_termlint(["check", "docs"], project)
    assert (result.stdout, result.exit_code) == ("", 0)


# --- HTML -------------------------------------------------------------------------------------


def test_html_page_is_self_contained(project):
    result = run_termlint(["glossary", "export", "--format", "html"], project)
    page = result.stdout
    assert result.exit_code == 0
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    assert "http://" not in page.replace('href="https://example.com/words#whitelist"', "")
    assert "<link" not in page and "src=" not in page
    assert page.count('<article class="term"') == 6
    assert '<p id="count" aria-live="polite">6 terms</p>' in page
    assert (
        '<article class="term" id="whitelist" data-search="whitelist allowlist">\n'
        '<h3><a href="#whitelist">whitelist</a>'
        ' <span class="badge badge-deprecated">deprecated</span></h3>\n'
        '<dl class="facts">\n'
        '<dt>Use instead</dt><dd><a href="#allowlist">allowlist</a></dd>\n'
        '<dt>See</dt><dd><a href="https://example.com/words#whitelist">'
        "https://example.com/words#whitelist</a></dd>\n"
        "</dl>\n"
        "</article>"
    ) in page


def test_html_escapes_glossary_text():
    glossary = load('terms:\n  - term: "<b>x</b>"\n    definition: Tom & "Jerry"\n')
    page = export_html(glossary).text
    assert "<b>x</b>" not in page
    assert '<p class="definition">Tom &amp; &quot;Jerry&quot;</p>' in page


def test_search_text_holds_every_form_folded():
    entry = Entry(
        term="IT Operations",
        variants=("IT  Ops",),
        abbreviation="ITOps",
        definition="Running\nthings.",
        tags=("ops",),
    )
    assert search_text(entry) == "it operations it ops itops running things. ops"


# --- CSV --------------------------------------------------------------------------------------

CSV = (
    "term,status,definition,abbreviation,variants,replace_with,meanings,see,tags,message,"
    "case_sensitive\r\n"
    "IT Operations,preferred,Day-to-day running of an organisation's IT estate.,ITOps,,,,,,,true\r\n"
    "InfraOps,ambiguous,,,,,Infrastructure Operations|Infrastructure Optimisation,,,,true\r\n"
    "Infrastructure Operations,preferred,,,,,,,,,true\r\n"
    "whitelist,deprecated,,,,allowlist,,https://example.com/words#whitelist,,,false\r\n"
    "allowlist,preferred,,,allow-list|white list,,,,inclusive,,false\r\n"
    "master server,forbidden,,,,primary server,,,,Say which role the server has.,false\r\n"
)


def test_csv_one_row_per_term_and_a_note_on_what_it_cannot_hold(project):
    result = run_termlint(["glossary", "export", "--format", "csv"], project)
    assert result.stdout == CSV.replace("\r\n", "\n")  # the runner reads stdout as text
    assert result.stderr == (
        "termlint: note: CSV holds terms only: left out 1 allowed word and 1 pattern\n"
    )
    assert result.exit_code == 0


@pytest.mark.parametrize(
    "items",
    [(), ("a",), ("a", "b c"), ("a|b", "c\\d", "e\\|f", "\\"), ("trailing\\",)],
)
def test_list_cells_round_trip(items):
    assert split_items(join_items(items)) == items


# --- TBX --------------------------------------------------------------------------------------

SMALL = """
terms:
  - term: whitelist
    status: forbidden
    replace_with: [allowlist, allow list]
    variants: [white-list]
    tags: [inclusive]
    see: https://example.com/w
    definition: A list of what is let in.
    message: Retired word.
  - term: ITOps
    case_sensitive: false
    abbreviation: ito
"""

TBX = """\
<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader>
    <fileDesc>
      <sourceDesc>
        <p>Exported from a termlint glossary.</p>
      </sourceDesc>
    </fileDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <descrip type="subjectField">inclusive</descrip>
        <xref type="externalCrossReference" target="https://example.com/w">https://example.com/w</xref>
        <langSec xml:lang="en">
          <descrip type="definition">A list of what is let in.</descrip>
          <termSec>
            <term>whitelist</term>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
            <note>termlint-status: forbidden</note>
            <note>Retired word.</note>
          </termSec>
          <termSec>
            <term>white-list</term>
            <termNote type="termType">variant</termNote>
            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
          </termSec>
          <termSec>
            <term>allowlist</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termSec>
          <termSec>
            <term>allow list</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en">
          <termSec>
            <term>ITOps</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <note>termlint-case-sensitive: false</note>
          </termSec>
          <termSec>
            <term>ito</term>
            <termNote type="termType">abbreviation</termNote>
            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          </termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def test_tbx_basic_concepts():
    exported = export_tbx(load(SMALL))
    assert (exported.text, exported.notes) == (TBX, ())


@pytest.mark.parametrize(
    ("status", "written", "note"),
    [
        (Status.PREFERRED, "preferredTerm-admn-sts", None),
        (Status.ADMITTED, "admittedTerm-admn-sts", None),
        (Status.DEPRECATED, "deprecatedTerm-admn-sts", None),
        (Status.FORBIDDEN, "deprecatedTerm-admn-sts", "termlint-status: forbidden"),
        (Status.AMBIGUOUS, "admittedTerm-admn-sts", "termlint-status: ambiguous"),
    ],
)
def test_tbx_administrative_status(status, written, note):
    meanings = ("a b",) if status is Status.AMBIGUOUS else ()
    text = export_tbx(Glossary(entries=(Entry(term="x1", status=status, meanings=meanings),))).text
    assert f'<termNote type="administrativeStatus">{written}</termNote>' in text
    assert (note is not None and f"<note>{note}</note>" in text) or "termlint-status" not in text


# --- JSON -------------------------------------------------------------------------------------


def test_json_is_the_glossary_file_shape_and_loads_back(project):
    result = run_termlint(["glossary", "export", "--format", "json"], project)
    data = json.loads(result.stdout)
    assert list(data) == ["version", "terms", "allow", "patterns"]
    assert data["terms"][3] == {
        "term": "whitelist",
        "status": "deprecated",
        "definition": None,
        "abbreviation": None,
        "variants": [],
        "replace_with": ["allowlist"],
        "meanings": [],
        "see": "https://example.com/words#whitelist",
        "tags": [],
        "message": None,
        "case_sensitive": False,
    }
    assert data["patterns"] == [
        {
            "id": "click-here",
            "regex": "\\bclick here\\b",
            "message": "Link text should say where the link goes.",
            "severity": "warning",
            "ignorecase": False,
            "replace_with": [],
        }
    ]
    # JSON is YAML: the export is itself a glossary termlint loads, to the same records.
    assert without_origins(load_glossary_text(result.stdout, "g.json")) == without_origins(load())


def test_export_uses_the_merged_glossary_of_check(project):
    (project / "extra.yaml").write_text(
        "terms:\n  - term: ALLOWLIST\n    definition: Redefined.\n", encoding="utf-8"
    )
    result = run_termlint(
        ["glossary", "export", "--format", "json", "--glossary", "extra.yaml"], project
    )
    terms = [(t["term"], t["definition"]) for t in json.loads(result.stdout)["terms"]]
    assert terms[-2:] == [("master server", None), ("ALLOWLIST", "Redefined.")]
    assert ("allowlist", None) not in terms


def test_export_without_config_uses_the_built_in_packs(tmp_path):
    result = run_termlint(["glossary", "export", "--format", "json"], tmp_path)
    terms = {t["term"] for t in json.loads(result.stdout)["terms"]}
    assert {"DevOps", "InfraOps", "whitelist"} <= terms


def test_export_writes_the_output_file(project):
    result = run_termlint(["glossary", "export", "--format", "csv", "-o", "g.csv"], project)
    assert (result.stdout, result.exit_code) == ("", 0)
    assert (project / "g.csv").read_bytes() == CSV.encode("utf-8")
    assert [p.name for p in project.iterdir() if p.name.startswith(".g.csv")] == []


def test_export_to_a_folder_that_does_not_exist_is_a_usage_error(project):
    result = run_termlint(["glossary", "export", "--format", "csv", "-o", "no/g.csv"], project)
    assert result.stderr == "termlint: error: no/g.csv: cannot write: No such file or directory\n"
    assert result.exit_code == 2


def test_unknown_export_format_is_a_usage_error(project):
    result = run_termlint(["glossary", "export", "--format", "xlsx"], project)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr


# --- round trips -------------------------------------------------------------------------------

RICH = """
terms:
  - term: DevOps
    definition: "Practices that join development and operations: \\"you build it, you run it\\"."
    variants: [Dev Ops, dev-ops, "Dev|Ops", 'Dev\\Ops']
    see: https://wiki.example.com/glossary#devops
    tags: [process, culture]
  - term: IT Operations
    abbreviation: ITOps
    definition: Day-to-day running of an organisation's IT estate, <b>not</b> & more.
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
    replace_with: [Infrastructure Operations]
  - term: Infrastructure Operations
  - term: whitelist
    status: deprecated
    replace_with: [allowlist, allow list]
  - term: master server
    status: forbidden
    replace_with: [primary server]
    message: Say which role the server has.
  - term: Go
    case_sensitive: false
    tags: [language]
  - term: kubectl
    case_sensitive: true
  - term: allow list
    status: admitted
  - term: Straße
    variants: [Strasse]
    definition: Ünïcödé — with “quotes”.
"""


@pytest.mark.parametrize("format_name", ["tbx", "csv", "json"])
def test_export_then_import_keeps_every_entry_exactly(format_name, tmp_path):
    (tmp_path / "rich.yaml").write_text(textwrap.dedent(RICH).lstrip("\n"), encoding="utf-8")
    (tmp_path / ".termlint.yaml").write_text("glossary: [rich.yaml]\n", encoding="utf-8")
    exported = run_termlint(["glossary", "export", "--format", format_name, "-o", "out"], tmp_path)
    assert exported.exit_code == 0
    if format_name == "json":
        back = load_glossary_file(tmp_path / "out")
    else:
        imported = run_termlint(
            ["glossary", "import", "out", "--from", format_name, "-o", "back.yaml"], tmp_path
        )
        assert imported.stderr == (
            "Imported 10 terms, 0 patterns and 0 allowed words; 0 notes on what was not converted.\n"
        )
        assert imported.exit_code == 0
        back = load_glossary_file(tmp_path / "back.yaml")
    original = load_glossary_file(tmp_path / "rich.yaml")
    assert len(original.entries) == 10
    assert entries_of(back) == entries_of(original)


def test_markdown_and_html_exports_of_an_empty_glossary(tmp_path):
    glossary = Glossary()
    assert export_markdown(glossary).text == "<!-- termlint-disable -->\n# Glossary\n"
    assert '<p id="count" aria-live="polite">0 terms</p>' in export_html(glossary).text
    assert export_csv(glossary).text == (
        "term,status,definition,abbreviation,variants,replace_with,meanings,see,tags,message,"
        "case_sensitive\r\n"
    )
    assert json.loads(export_json(glossary).text) == {
        "version": 1,
        "terms": [],
        "allow": [],
        "patterns": [],
    }


def test_the_command_line_offers_exactly_the_registered_formats():
    from termlint.glossary_cli import EXPORT_FORMATS, IMPORT_FORMATS
    from termlint.glossary_io.registry import EXPORTERS, IMPORTERS

    assert (tuple(sorted(EXPORTERS)), tuple(sorted(IMPORTERS))) == (EXPORT_FORMATS, IMPORT_FORMATS)


def test_tbx_language_option(project):
    result = run_termlint(["glossary", "export", "--format", "tbx", "--lang", "de-CH"], project)
    assert result.stdout.count('xml:lang="de-CH"') == 7  # the file and its six entries
    assert 'xml:lang="en"' not in result.stdout
