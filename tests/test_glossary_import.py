"""`termlint glossary import`: CSV, TBX, textlint term lists and Vale styles -> a glossary."""

from __future__ import annotations

import json
import textwrap

import pytest
from glossary_helpers import REALWORLD, entries_of, run_termlint

from termlint.glossary import (
    Entry,
    Glossary,
    Pattern,
    Status,
    load_glossary_file,
    load_glossary_text,
)
from termlint.glossary_io.assembly import Imported, assemble
from termlint.glossary_io.regex_forms import expand
from termlint.glossary_io.substitution import (
    SwapRule,
    convert_swap,
    kebab,
    slug,
    split_replacements,
    vale_message,
)
from termlint.glossary_io.textlint import read_textlint, strip_jsonc
from termlint.glossary_io.vale import read_vale
from termlint.model import Severity

needs_realworld = pytest.mark.skipif(
    not REALWORLD.is_dir(),
    reason="../shared/realworld (real-world rule sets) is not next to this checkout",
)


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def entry(term, **fields):
    return Entry(term=term, **fields)


# --- regexes that spell out words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "texts"),
    [
        ("(?:e-mail|Email|E-mail)", ("e-mail", "Email", "E-mail")),
        ("sign-?on", ("signon", "sign-on")),
        ("[Kk]ubelet", ("Kubelet", "kubelet")),
        ("screen[- ]shot(s)?", ("screen-shot", "screen-shots", "screen shot", "screen shots")),
        ("a\\.k\\.a|aka", ("a.k.a", "aka")),
        ("\\bindexes\\b", ("indexes",)),
        ("(?i)foo", ("foo",)),
        ("drive C:", ("drive C:",)),
        ("log\\sin", ("log in",)),
        ("[\\.]+apk", None),
        ("it is(?!\\.)", None),
        ("[a-z]x", None),
        ("x{2}", None),
        ("back[- ]end(\\w*)", None),
        ("(a", None),
        ("a)", None),
        ("(?:a|b|c|d)(?:a|b|c|d)(?:a|b|c)", None),  # 48 strings: too many to be a word list
    ],
)
def test_expand(source, texts):
    expanded = expand(source)
    assert (expanded.texts if expanded else None) == texts


def test_expand_tracks_capture_groups_and_inline_ignorecase():
    expanded = expand("(?i)auto[- ]format(ting|ted)?")
    assert expanded is not None and expanded.ignorecase
    assert [(item.text, item.groups) for item in expanded.expansions] == [
        ("auto-format", (None,)),
        ("auto-formatting", ("ting",)),
        ("auto-formatted", ("ted",)),
        ("auto format", (None,)),
        ("auto formatting", ("ting",)),
        ("auto formatted", ("ted",)),
    ]


# --- one swap rule ----------------------------------------------------------------------------


def swap(key, replacement, *, ignorecase=True, nonword=False, message="Use '%s' instead of '%s'."):
    rule = SwapRule(
        key=key,
        replacement=replacement,
        ignorecase=ignorecase,
        status=Status.DEPRECATED,
        severity=Severity.WARNING,
        origin="A/T.yml",
        pattern_id="a-t",
        nonword=nonword,
        message=message,
    )
    return convert_swap(rule)


@pytest.mark.parametrize(
    ("key", "replacement", "ignorecase", "expected"),
    [
        # Other casings of the replacement: a case-sensitive term.
        (
            "kb",
            "KB",
            True,
            Imported(entries=(entry("KB", is_case_sensitive=True, origin="A/T.yml"),)),
        ),
        # Other spellings: variants.
        (
            "(?:e-mail|Email|E-mail)",
            "email",
            False,
            Imported(
                entries=(
                    entry(
                        "email",
                        variants=("e-mail", "E-mail"),
                        is_case_sensitive=True,
                        origin="A/T.yml",
                    ),
                )
            ),
        ),
        # Other words: deprecated terms, plural forms left to termlint's plural matching.
        (
            "(?:internet bot|web robot)s?",
            "bot(s)",
            True,
            Imported(
                entries=(
                    entry(
                        "internet bot",
                        status=Status.DEPRECATED,
                        replace_with=("bot",),
                        origin="A/T.yml",
                    ),
                    entry(
                        "web robot",
                        status=Status.DEPRECATED,
                        replace_with=("bot",),
                        origin="A/T.yml",
                    ),
                )
            ),
        ),
        # $1 groups: one conversion per filled-in replacement.
        (
            "screen[- ]shot(s)?",
            "screenshot$1",
            True,
            Imported(
                entries=(
                    entry("screenshot", variants=("screen-shot", "screen shot"), origin="A/T.yml"),
                )
            ),
        ),
        # Words that stay right are dropped; the rest is deprecated.
        (
            "(?:abort|stop)",
            "stop|cancel",
            True,
            Imported(
                entries=(
                    entry(
                        "abort",
                        status=Status.DEPRECATED,
                        replace_with=("stop", "cancel"),
                        origin="A/T.yml",
                    ),
                )
            ),
        ),
        # A sentence of advice is a message, not a replacement.
        (
            "respectively",
            'Do not use "respectively". Rewrite the sentence.',
            True,
            Imported(
                entries=(
                    entry(
                        "respectively",
                        status=Status.DEPRECATED,
                        message='Do not use "respectively". Rewrite the sentence.',
                        origin="A/T.yml",
                    ),
                )
            ),
        ),
    ],
    ids=["recased", "respelled", "other-words", "groups", "kept-words", "advice"],
)
def test_swap_becomes_terms(key, replacement, ignorecase, expected):
    assert swap(key, replacement, ignorecase=ignorecase) == expected


@pytest.mark.parametrize(
    ("key", "replacement", "ignorecase", "nonword", "pattern"),
    [
        # A true regex.
        (
            "[\\.]+apk",
            "APK",
            False,
            False,
            Pattern(
                id="a-t-apk",
                regex="\\b(?:[\\.]+apk)\\b",
                message="Use 'APK' instead of this.",
                replace_with=("APK",),
                origin="A/T.yml",
            ),
        ),
        # Case-sensitive capitals: termlint terms match any casing, so only a regex keeps it.
        (
            "Cloud",
            "Google Cloud",
            False,
            False,
            Pattern(
                id="a-t-cloud",
                regex="\\b(?:Cloud)\\b",
                message="Use 'Google Cloud' instead of 'Cloud'.",
                replace_with=("Google Cloud",),
                origin="A/T.yml",
            ),
        ),
        # A replacement the key itself matches: guarded, as Vale skips text that reads right.
        (
            "ok(?:ay)*",
            "OK",
            True,
            False,
            Pattern(
                id="a-t-ok-ay",
                regex="\\b(?!(?-i:OK)\\b)(?:ok(?:ay)*)\\b",
                message="Use 'OK' instead of this.",
                ignorecase=True,
                replace_with=("OK",),
                origin="A/T.yml",
            ),
        ),
        # nonword: no boundaries added.
        (
            "\\b(?:eg|e\\.g\\.)[\\s,]",
            "for example",
            True,
            True,
            Pattern(
                id="a-t-b-eg-e-g-s",
                regex="(?:\\b(?:eg|e\\.g\\.)[\\s,])",
                message="Use 'for example' instead of this.",
                ignorecase=True,
                replace_with=("for example",),
                origin="A/T.yml",
            ),
        ),
    ],
    ids=["regex", "case-sensitive", "guarded", "nonword"],
)
def test_swap_becomes_a_pattern(key, replacement, ignorecase, nonword, pattern):
    assert swap(key, replacement, ignorecase=ignorecase, nonword=nonword) == Imported(
        patterns=(pattern,)
    )


def test_a_word_bounded_nonword_key_is_still_a_term():
    converted = swap("\\bExtensible Markup Language\\b", "XML", nonword=True)
    assert converted.entries == (
        entry(
            "Extensible Markup Language",
            status=Status.DEPRECATED,
            replace_with=("XML",),
            origin="A/T.yml",
        ),
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("phone|mobile phone", ["phone", "mobile phone"]),
        ("placeholder, sample, or fake", ["placeholder", "sample", "fake"]),
        ("with', 'through', or 'by using", ["with", "through", "by using"]),
        ("chatbot(s)", ["chatbot"]),
        ("todo$1", ["todo$1"]),
        ("`kubectl`", ["`kubectl`"]),
        ("", []),
        ("(?:a|b)", None),
    ],
)
def test_split_replacements(value, expected):
    assert split_replacements(value) == expected


@pytest.mark.parametrize(
    ("template", "fillers", "expected"),
    [
        (
            "Use '%s' instead of '%s'.",
            [["a", "b", "c"], None],
            "Use 'a', 'b' or 'c' instead of this.",
        ),
        ("Use '%s' instead of '%s'.", [["a"], ["x"]], "Use 'a' instead of 'x'."),
        ("Prefer %s over %s.", [["a$1", "b"], ["x"]], "Prefer a or b over x."),
        ("'%s' is a weasel word!", [None], "This is a weasel word!"),
        ("%s", [["Rewrite it."]], "Rewrite it."),
        ("No placeholder.", [["a"]], "No placeholder."),
    ],
)
def test_vale_message(template, fillers, expected):
    assert vale_message(template, fillers) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("WordList", "word-list"),
        ("gitlab_base", "gitlab-base"),
        ("HTTPSUrls", "https-urls"),
        ("__", "rule"),
    ],
)
def test_kebab(name, expected):
    assert kebab(name) == expected


def test_slug_is_short_and_kebab_case():
    assert slug("(?:cell ?phone|smart ?phone)") == "cell-phone-smart-phone"
    assert slug("[\\.]+") == "1"
    assert len(slug("a b c d e f g h i j k l m n o p q r s t u v w x y z " * 3)) <= 40


# --- assembly -------------------------------------------------------------------------------------


def test_assembly_settles_clashes_and_notes_each():
    imported = Imported(
        entries=(
            entry("email", variants=("e-mail",), origin="a.yml"),
            entry("e-mail", status=Status.DEPRECATED, replace_with=("email",), origin="b.yml"),
            entry(
                "blacklist", status=Status.DEPRECATED, replace_with=("blocklist",), origin="c.yml"
            ),
            entry(
                "blocklist", status=Status.DEPRECATED, replace_with=("denylist",), origin="d.yml"
            ),
            entry("Blacklist", status=Status.DEPRECATED, tags=("x",), origin="e.yml"),
            entry("whitelist", status=Status.FORBIDDEN, origin="f.yml"),
            entry("whitelist", status=Status.DEPRECATED, origin="g.yml"),
        ),
        allow=("API", "--", "API"),
        patterns=(
            Pattern(id="p", regex="a", message="m", origin="h.yml"),
            Pattern(id="p", regex="(b", message="m", origin="i.yml"),
        ),
        notes=("j.yml: skipped",),
    )
    result = assemble(imported)
    assert entries_of(result.glossary) == (
        entry("email", variants=("e-mail",)),
        entry("blacklist", status=Status.DEPRECATED, tags=("x",)),
        entry("blocklist", status=Status.DEPRECATED, replace_with=("denylist",)),
        entry("whitelist", status=Status.FORBIDDEN),
    )
    assert result.glossary.allow == ("API",)
    assert [p.id for p in result.glossary.patterns] == ["p"]
    assert result.notes == (
        "j.yml: skipped",
        "g.yml: left out deprecated term 'whitelist': f.yml already makes 'whitelist'"
        " a case-insensitive forbidden term",
        "b.yml: left out deprecated term 'e-mail': it is already a form of 'email' (a.yml)",
        "c.yml: left out replacement 'blocklist' of 'blacklist': it is the deprecated term"
        " 'blocklist'",
        "left out allowed word '--': it has no letter or digit",
        "i.yml: left out pattern 'p-2': invalid regex in pattern 'p-2': missing ) at position 2",
    )
    assert without_header(result.text).startswith("version: 1\nterms:\n  - term: email\n")


def without_header(text):
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))


# --- Vale styles ------------------------------------------------------------------------------------

STYLE = {
    "styles/Acme/Terms.yml": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        link: https://example.com/style#terms
        level: warning
        ignorecase: true
        swap:
          e-?mail: email
          kb: KB
          (?:cell ?phone|smart ?phone): phone|mobile phone
          back[- ]end(\\w*): backend$1
          utilize: use
        """,
    "styles/Acme/Avoid.yml": """
        extends: existence
        message: "Don't use '%s'."
        level: error
        ignorecase: true
        tokens:
          - simply
          - just(?= do)
        """,
    "styles/Acme/Acronyms.yml": """
        extends: conditional
        message: "Define '%s'."
        level: suggestion
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [API, HTTPS?]
        """,
    "styles/Acme/Products.yml": """
        extends: conditional
        message: "Use the full name first."
        level: warning
        first: '\\b(CloudWatch|Kinesis)\\b'
        second: 'Amazon (CloudWatch|Kinesis)'
        """,
    "styles/Acme/Headings.yml": """
        extends: capitalization
        message: "'%s' should be in sentence case."
        match: $sentence
        scope: heading
        """,
    "styles/Acme/Quotes.yml": """
        extends: existence
        message: "Use straight quotes."
        scope: raw
        raw: ['[“”]']
        """,
    "styles/Acme/meta.yml": "not: a rule\n",
    "styles/.hidden/Skip.yml": "extends: existence\ntokens: [ignored]\n",
    "styles/config/vocabularies/Acme/accept.txt": "# Accepted\nKubernetes\n(?i)agentless\nNode.js\n[Pp]y.*\n",
    "styles/config/vocabularies/Acme/reject.txt": "blacklist\nmaster(?= node)\n",
}

STYLE_GLOSSARY = """\
# Imported by termlint from styles (vale).
# Review it, then list it under 'glossary:' in your termlint config.
version: 1
terms:
  - term: simply
    status: forbidden
    tags: [Acme.Avoid]
    message: Don't use 'simply'.

  - term: Amazon CloudWatch
    abbreviation: CloudWatch
    tags: [Acme.Products]

  - term: Amazon Kinesis
    abbreviation: Kinesis
    tags: [Acme.Products]

  - term: email
    variants: [e-mail]
    see: https://example.com/style#terms
    tags: [Acme.Terms]

  - term: KB
    see: https://example.com/style#terms
    tags: [Acme.Terms]

  - term: cellphone
    status: deprecated
    replace_with: [phone, mobile phone]
    see: https://example.com/style#terms
    tags: [Acme.Terms]

  - term: cell phone
    status: deprecated
    replace_with: [phone, mobile phone]
    see: https://example.com/style#terms
    tags: [Acme.Terms]

  - term: smartphone
    status: deprecated
    replace_with: [phone, mobile phone]
    see: https://example.com/style#terms
    tags: [Acme.Terms]

  - term: smart phone
    status: deprecated
    replace_with: [phone, mobile phone]
    see: https://example.com/style#terms
    tags: [Acme.Terms]

  - term: utilize
    status: deprecated
    replace_with: [use]
    see: https://example.com/style#terms
    tags: [Acme.Terms]

  - term: blacklist
    status: forbidden
    tags: [Vale.Avoid.Acme]

allow: [API, HTTP, HTTPS, Kubernetes, agentless, Node.js]

patterns:
  - id: acme-avoid
    regex: \\b(?:just(?= do))\\b
    message: Don't use this.
    severity: error
    ignorecase: true

  - id: acme-quotes
    regex: '[“”]'
    message: Use straight quotes.
    severity: info

  - id: acme-terms-back-end-w
    regex: \\b(?:back[- ]end(\\w*))\\b
    message: Use 'backend' instead of this. See https://example.com/style#terms
    ignorecase: true
    replace_with: [backend$1]

  - id: vale-avoid-acme
    regex: \\b(?:master(?= node))\\b
    message: Avoid this word (rejected by the Acme vocabulary).
    severity: error
"""

STYLE_NOTES = """\
termlint: note: Acme/Acronyms.yml: a generic acronym check is termlint's built-in undefined-term rule; its 3 exceptions were added to 'allow'
termlint: note: Acme/Headings.yml: skipped: Vale 'capitalization' rules have no glossary equivalent
termlint: note: Acme/Quotes.yml: scope raw is not supported: the rule applies to all prose
termlint: note: Acme/meta.yml: skipped: not a Vale rule (no 'extends')
termlint: note: config/vocabularies/Acme/accept.txt: skipped accepted '[Pp]y.*': not a word list
Imported 11 terms, 4 patterns and 6 allowed words; 5 notes on what was not converted.
"""


def test_vale_styles_folder(tmp_path):
    for name, text in STYLE.items():
        write(tmp_path, name, text)
    result = run_termlint(
        ["glossary", "import", "styles", "--from", "vale", "-o", "g.yaml"], tmp_path
    )
    assert (result.stdout, result.stderr, result.exit_code) == ("", STYLE_NOTES, 0)
    assert (tmp_path / "g.yaml").read_text("utf-8") == STYLE_GLOSSARY
    load_glossary_file(tmp_path / "g.yaml")  # the loader accepts what the import wrote


def test_vale_single_rule_file(tmp_path):
    write(tmp_path, "Terms.yml", STYLE["styles/Acme/Terms.yml"])
    imported = read_vale(tmp_path / "Terms.yml", "Terms.yml")
    assert [e.term for e in imported.entries] == [
        "email",
        "KB",
        "cellphone",
        "cell phone",
        "smartphone",
        "smart phone",
        "utilize",
    ]
    assert imported.entries[0].tags == (f"{tmp_path.name}.Terms",)
    assert [p.id for p in imported.patterns] == [f"{kebab(tmp_path.name)}-terms-back-end-w"]


def test_vale_swap_written_as_a_list_of_maps(tmp_path):
    write(
        tmp_path,
        "S/Offerings.yml",
        "extends: substitution\nignorecase: true\nswap:\n  - self managed: self-managed\n  - saas: SaaS\n",
    )
    imported = read_vale(tmp_path / "S", "S")
    assert [(e.term, e.variants) for e in imported.entries] == [
        ("self-managed", ("self managed",)),
        ("SaaS", ()),
    ]


def test_vale_rule_that_is_not_yaml_is_noted(tmp_path):
    write(tmp_path, "S/Broken.yml", "extends: [\n")
    imported = read_vale(tmp_path / "S", "S")
    assert imported.notes == ("Broken.yml: skipped: not valid YAML (while parsing a flow node)",)


def test_vale_rule_nested_too_deeply_is_noted(tmp_path):
    # libyaml's node builder recursed in C and crashed on this (PyYAML before 6.0.4)
    write(tmp_path, "S/Deep.yml", "extends: substitution\nswap:\n  a: " + "[" * 100_000 + "\n")
    imported = read_vale(tmp_path / "S", "S")
    assert imported.notes == (
        "Deep.yml: skipped: not valid YAML (nested more than 64 levels deep)",
    )


def test_missing_vale_folder_cannot_run(tmp_path):
    result = run_termlint(["glossary", "import", "nope", "--from", "vale"], tmp_path)
    assert (result.stdout, result.stderr, result.exit_code) == (
        "",
        "termlint: error: nope: no such file or folder\n",
        2,
    )


# --- CSV --------------------------------------------------------------------------------------------

CSV = """\
Term,Status,Definition,Replace With,Variants,Owner,Case Sensitive
DevOps,,Development and operations together.,,Dev Ops|dev-ops,team-a,
whitelist,deprecated,,allowlist,,team-b,
allowlist,preferred,,,,,
,,orphan definition,,,,
master,depracated,,primary,,,
Go,,"A language, ""Go"".",,golang,,no
pipe,,,,a\\|b|c,,

kubectl,,,,,,maybe
"""


def test_csv_import(tmp_path):
    write(tmp_path, "g.csv", CSV)
    result = run_termlint(["glossary", "import", "g.csv", "--from", "csv"], tmp_path)
    assert without_header(result.stdout) == textwrap.dedent(
        """\
        version: 1
        terms:
          - term: DevOps
            definition: Development and operations together.
            variants: [Dev Ops, dev-ops]

          - term: whitelist
            status: deprecated
            replace_with: [allowlist]

          - term: allowlist

          - term: Go
            definition: A language, "Go".
            variants: [golang]
            case_sensitive: false

          - term: pipe
            variants: [a|b, c]
        """
    )
    assert result.stderr == (
        "termlint: note: g.csv:1: column 'owner' is not a glossary field: left out\n"
        "termlint: note: g.csv:5: left out a row without a term\n"
        "termlint: note: g.csv:6: left out 'master': unknown status 'depracated'\n"
        "termlint: note: g.csv:10: left out 'kubectl': case_sensitive 'maybe' is not true or false\n"
        "Imported 5 terms, 0 patterns and 0 allowed words; 4 notes on what was not converted.\n"
    )
    assert result.exit_code == 0


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "termlint: error: g.csv: the CSV file is empty\n"),
        (
            "name,definition\nx,y\n",
            "termlint: error: g.csv:1: the header row has no 'term' column\n",
        ),
    ],
)
def test_csv_that_cannot_be_read(text, error, tmp_path):
    (tmp_path / "g.csv").write_text(text, encoding="utf-8")
    result = run_termlint(["glossary", "import", "g.csv", "--from", "csv"], tmp_path)
    assert (result.stdout, result.stderr, result.exit_code) == ("", error, 2)


# --- TBX --------------------------------------------------------------------------------------------

TBX_V2 = """\
<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1"><descrip type="subjectField">security</descrip><langSet xml:lang="en">
<descrip type="definition">A list of blocked items.</descrip>
<ntig><termGrp><term>blacklist</term><termNote type="administrativeStatus">forbidden</termNote></termGrp></ntig>
<tig><term>blocklist</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
<tig><term>denylist</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
</langSet><langSet xml:lang="de"><tig><term>Sperrliste</term></tig></langSet></termEntry>
<termEntry id="t2"><langSet xml:lang="en-GB">
<tig><term>login</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
<tig><term>log-in</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
<tig><term>LI</term><termNote type="termType">acronym</termNote></tig>
<tig><term>sign-in</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
</langSet></termEntry>
</body></text></martif>
"""


def test_tbx_v2_statuses_and_term_types(tmp_path):
    write(tmp_path, "v2.tbx", TBX_V2)
    result = run_termlint(["glossary", "import", "v2.tbx", "--from", "tbx"], tmp_path)
    assert without_header(result.stdout) == textwrap.dedent(
        """\
        version: 1
        terms:
          - term: blacklist
            status: forbidden
            definition: A list of blocked items.
            replace_with: [blocklist, denylist]
            tags: [security]

          - term: login
            abbreviation: LI

          - term: log-in
            status: deprecated
            replace_with: [login]

          - term: sign-in
            status: admitted
        """
    )
    assert result.stderr == (
        "termlint: note: v2.tbx: left out 1 language section in de\n"
        "Imported 4 terms, 0 patterns and 0 allowed words; 1 note on what was not converted.\n"
    )


def test_tbx_reads_the_language_asked_for(tmp_path):
    write(tmp_path, "v2.tbx", TBX_V2)
    result = run_termlint(
        ["glossary", "import", "v2.tbx", "--from", "tbx", "--lang", "de"], tmp_path
    )
    assert without_header(result.stdout) == (
        "version: 1\nterms:\n  - term: Sperrliste\n    tags: [security]\n"
    )
    assert result.stderr.splitlines()[:2] == [
        "termlint: note: v2.tbx: left out 1 language section in en",
        "termlint: note: v2.tbx: left out 1 language section in en-GB",
    ]


@needs_realworld
def test_tbx_real_world_sample(tmp_path):
    source = REALWORLD / "tbx-mozilla-pontoon" / "valid_mozilla_terminology.tbx"
    result = run_termlint(["glossary", "import", str(source), "--from", "tbx"], tmp_path)
    assert without_header(result.stdout) == (
        "version: 1\nterms:\n  - term: abnormality\n\n  - term: abort\n\n  - term: abuse\n"
    )
    shown = str(source)
    assert result.stderr == (
        f"termlint: note: {shown}: left out 4 language sections in pl\n"
        f'termlint: note: {shown}: left out 4 <admin type="source">\n'
        f'termlint: note: {shown}: left out 4 <descrip type="context">\n'
        f'termlint: note: {shown}: left out 4 <termNote type="partOfSpeech">\n'
        "Imported 3 terms, 0 patterns and 0 allowed words; 4 notes on what was not converted.\n"
    )


@needs_realworld
def test_tbx_that_is_not_xml_cannot_run(tmp_path):
    source = REALWORLD / "tbx-mozilla-pontoon" / "broken_terminology.tbx"
    result = run_termlint(["glossary", "import", str(source), "--from", "tbx"], tmp_path)
    assert (result.stdout, result.stderr, result.exit_code) == (
        "",
        f"termlint: error: {source}:1:1: not valid XML: syntax error\n",
        2,
    )


def test_tbx_of_another_kind_of_xml_cannot_run(tmp_path):
    write(tmp_path, "x.tbx", "<html><body/></html>\n")
    result = run_termlint(["glossary", "import", "x.tbx", "--from", "tbx"], tmp_path)
    assert result.stderr == "termlint: error: x.tbx: not a TBX file (the root element is <html>)\n"
    assert result.exit_code == 2


# --- textlint ---------------------------------------------------------------------------------------


def test_textlint_term_list(tmp_path):
    write(
        tmp_path,
        "terms.jsonc",
        '["GitHub", // exact casing\n ["e-?mail", "email"], /* block */ ["\\bHTTP(?!:)", "HTTP"],\n'
        ' 42, ["npm(s)?", ["npm$1", "NPM"]],\n]\n',
    )
    result = run_termlint(["glossary", "import", "terms.jsonc", "--from", "textlint"], tmp_path)
    glossary = load_glossary_text(result.stdout, "g.yaml")
    assert entries_of(glossary) == (
        entry("GitHub", is_case_sensitive=True),
        entry("email", variants=("e-mail",)),
    )
    assert [(p.id, p.regex, p.replace_with) for p in glossary.patterns] == [
        ("textlint-terminology-npm-s", "\\b(?:npm(s)?)\\b", ("npm$1", "NPM")),
    ]
    assert result.stderr == (
        "termlint: note: terms.jsonc item 3: skipped '\\x08HTTP(?!:)': it holds a control"
        ' character (a JSON escape such as "\\b" where "\\\\b" was meant?)\n'
        "termlint: note: terms.jsonc item 4: skipped 42: not a string or a pair\n"
        "Imported 2 terms, 1 pattern and 0 allowed words; 2 notes on what was not converted.\n"
    )


def test_strip_jsonc_keeps_strings_and_positions():
    text = '[\n  "a // not a comment", // comment\n  "b", /* x\n y */ "c",\n]'
    stripped = strip_jsonc(text)
    assert json.loads(stripped) == ["a // not a comment", "b", "c"]
    assert stripped.count("\n") == text.count("\n")


def test_textlint_file_nested_too_deeply_cannot_run(tmp_path):
    write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    result = run_termlint(["glossary", "import", "deep.json", "--from", "textlint"], tmp_path)
    assert result.stderr == "termlint: error: deep.json: not valid JSON: nested too deeply\n"
    assert result.exit_code == 2


def test_textlint_file_that_is_not_json_cannot_run(tmp_path):
    write(tmp_path, "bad.json", "[1,")
    result = run_termlint(["glossary", "import", "bad.json", "--from", "textlint"], tmp_path)
    assert result.stderr == "termlint: error: bad.json:1:4: not valid JSON: Expecting value\n"
    assert result.exit_code == 2


@needs_realworld
def test_textlint_real_world_list():
    source = REALWORLD / "textlint-terminology" / "terms.jsonc"
    result = assemble(read_textlint(source.read_text("utf-8"), "terms.jsonc"))
    glossary = result.glossary
    assert (len(glossary.entries), len(glossary.patterns), len(result.notes)) == (437, 8, 2)
    by_term = {e.term: e for e in entries_of(glossary)}
    assert by_term["GitHub"] == entry("GitHub", is_case_sensitive=True)
    assert by_term["JavaScript"] == entry(
        "JavaScript", variants=("Java Script", "Java-Script"), is_case_sensitive=True
    )
    assert by_term["email"] == entry("email", variants=("e-mail", "e mail"))
    assert by_term["he or she"] == entry(
        "he or she", status=Status.DEPRECATED, replace_with=("they",)
    )
    assert result.notes == (
        "terms.jsonc item 170: skipped '\\x08HTTP(?!:)': it holds a control character (a JSON"
        ' escape such as "\\b" where "\\\\b" was meant?)',
        "terms.jsonc item 171: skipped '\\x08HTTPS(?!:)': it holds a control character (a JSON"
        ' escape such as "\\b" where "\\\\b" was meant?)',
    )


# --- the real-world Vale styles -----------------------------------------------------------------

# (folder, terms, patterns, allowed words, notes on what was not converted)
REAL_VALE = [
    ("vale-alex", 2157, 2, 0, 74),
    ("vale-datadog", 412, 43, 116, 13),
    ("vale-elastic", 449, 25, 1951, 10),
    ("vale-engine-testdata", 1308, 26, 23, 60),
    ("vale-gitlab", 317, 57, 267, 41),
    ("vale-google", 202, 43, 54, 5),
    ("vale-grafana", 357, 55, 73, 29),
    ("vale-joblint", 161, 9, 0, 0),
    ("vale-microsoft", 617, 46, 54, 11),
    ("vale-proselint", 1652, 64, 0, 9),
    ("vale-redhat", 1164, 190, 247, 64),
    ("vale-spectrocloud", 95, 10, 730, 7),
    ("vale-write-good", 963, 3, 0, 2),
]

SEE = {
    "datadog": "https://github.com/DataDog/documentation/blob/master/CONTRIBUTING.md",
    "google": "https://developers.google.com/style/word-list",
    "ms": "https://docs.microsoft.com/en-us/style-guide/word-choice/use-simple-words-concise-sentences",
    "redhat": "https://redhat-documentation.github.io/vale-at-red-hat/reference-guide.html",
}

SPOT_CHECKS = {
    "vale-alex": [
        entry(
            "master copy",
            status=Status.DEPRECATED,
            replace_with=("pass key", "original"),
            tags=("alex.Gendered",),
        ),
        entry(
            "cockrider",
            status=Status.DEPRECATED,
            tags=("alex.ProfanityLikely",),
            message="Don't use 'cockrider', it's profane.",
        ),
    ],
    "vale-datadog": [
        entry(
            "screenboard",
            variants=("screen board", "screen-board"),
            see=SEE["datadog"] + "#words-and-phrases",
            tags=("Datadog.words_case_insensitive",),
        ),
        entry(
            "AWS Connect",
            status=Status.DEPRECATED,
            replace_with=("Amazon Connect",),
            see=SEE["datadog"],
            tags=("Datadog.aws",),
        ),
    ],
    "vale-elastic": [
        entry(
            "behaviour",
            status=Status.DEPRECATED,
            replace_with=("behavior",),
            see="https://www.elastic.co/docs/contribute-docs/style-guide/grammar-spelling#american-english",
            tags=("Elastic.BritishSpellings",),
        ),
    ],
    "vale-engine-testdata": [
        entry(
            "assemble together",
            status=Status.FORBIDDEN,
            tags=("vale.Redundancy",),
            message="'assemble together' is redundant",
        ),
    ],
    "vale-gitlab": [
        entry(
            "RSpec",
            see="https://handbook.gitlab.com/handbook/communication/top-misused-terms/",
            tags=("gitlab_base.Substitutions",),
            is_case_sensitive=True,
        ),
        entry(
            "manoeuvre",
            status=Status.FORBIDDEN,
            replace_with=("maneuver",),
            see="https://docs.gitlab.com/development/documentation/styleguide/#language",
            tags=("gitlab_base.British",),
        ),
    ],
    "vale-google": [
        entry(
            "Wi-Fi",
            variants=("WiFi",),
            see=SEE["google"],
            tags=("Google.WordList",),
            is_case_sensitive=True,
        ),
        entry(
            "touch",
            status=Status.DEPRECATED,
            replace_with=("tap",),
            see=SEE["google"],
            tags=("Google.WordList",),
        ),
        entry(
            "email",
            variants=("e-mail",),
            see=SEE["google"],
            tags=("Google.WordList",),
            is_case_sensitive=True,
        ),
    ],
    "vale-grafana": [
        entry(
            "Amazon Kinesis",
            abbreviation="Kinesis",
            see="https://grafana.com/docs/writers-toolkit/write/style-guide/capitalization-punctuation/#amazon-products",
            tags=("Grafana.AmazonProductNames",),
            is_case_sensitive=True,
        ),
    ],
    "vale-joblint": [
        entry(
            "fail",
            status=Status.DEPRECATED,
            tags=("Joblint.Competitive",),
            message="Avoid using 'fail'",
        ),
    ],
    "vale-microsoft": [
        entry(
            "none at all",
            status=Status.DEPRECATED,
            replace_with=("none",),
            see=SEE["ms"],
            tags=("Microsoft.Wordiness",),
        ),
        entry(
            "agent",
            status=Status.DEPRECATED,
            replace_with=("personal digital assistant",),
            see="https://learn.microsoft.com/en-us/style-guide/a-z-word-list-term-collections/a/adapter",
            tags=("Microsoft.Terms",),
        ),
    ],
    "vale-proselint": [
        entry(
            "bunch of gorillas",
            status=Status.DEPRECATED,
            replace_with=("band of gorillas",),
            tags=("proselint.GroupTerms",),
        ),
    ],
    "vale-redhat": [
        entry(
            "respectively",
            status=Status.DEPRECATED,
            see=SEE["redhat"] + "#do-not-use-terms",
            tags=("RedHat.DoNotUseTerms",),
            message='Do not use "respective" or "respectively". Rewrite to avoid using these words.',
        ),
        entry(
            "OCI",
            see=SEE["redhat"] + "#case-sensitive-terms",
            tags=("RedHat.CaseSensitiveTerms",),
            is_case_sensitive=True,
        ),
    ],
    "vale-spectrocloud": [
        entry(
            "insane",
            status=Status.FORBIDDEN,
            replace_with=("outrageous",),
            tags=("spectrocloud.ableism",),
        ),
        entry("Pre-requisite", status=Status.FORBIDDEN, tags=("Vale.Avoid.spectrocloud-vocab",)),
    ],
    "vale-write-good": [
        entry(
            "not many",
            status=Status.DEPRECATED,
            tags=("write-good.TooWordy",),
            message="'not many' is too wordy.",
        ),
    ],
}


@needs_realworld
@pytest.mark.parametrize(
    ("folder", "terms", "patterns", "allowed", "notes"),
    REAL_VALE,
    ids=[row[0] for row in REAL_VALE],
)
def test_real_world_vale_style_imports(folder, terms, patterns, allowed, notes):
    imported = read_vale(REALWORLD / folder, folder)
    result = assemble(imported)
    glossary = result.glossary
    counts = (len(glossary.entries), len(glossary.patterns), len(glossary.allow), len(result.notes))
    assert counts == (terms, patterns, allowed, notes)
    # What was written is what the loader reads (the same records, from the same text).
    reloaded = load_glossary_text(result.text, "imported glossary")
    assert entries_of(reloaded) == entries_of(glossary)
    by_term = {e.term: e for e in entries_of(glossary)}
    for expected in SPOT_CHECKS[folder]:
        assert by_term[expected.term] == expected


def test_every_real_world_vale_folder_is_covered():
    if not REALWORLD.is_dir():
        pytest.skip("../shared/realworld (real-world rule sets) is not next to this checkout")
    assert sorted(p.name for p in REALWORLD.glob("vale-*")) == [row[0] for row in REAL_VALE]


# --- linting with an imported style ----------------------------------------------------------------

SAMPLE = """\
# Setup

Send us an e-mail when the cell phone app is ready.
Check the box above and click on the link.
Use the check box to enable the WiFi settings.
The admin can kill the process in order to stop it.
The functionality of the omnibox is documented, aka the address bar.
Run it with k8s and open the url in a tablet.
Set the file name, then sign into the console.
This is OK, ok and Okay.
"""


@needs_realworld
def test_lint_with_an_imported_google_word_list(tmp_path):
    """Each finding below is a swap pair of Google's WordList.yml, checked by hand."""
    source = REALWORLD / "vale-google" / "Google" / "WordList.yml"
    imported = run_termlint(
        ["glossary", "import", str(source), "--from", "vale", "-o", "g.yaml"], tmp_path
    )
    assert imported.exit_code == 0
    write(tmp_path, ".termlint.yaml", "glossary: [g.yaml]\nrules: {undefined-term: off}\n")
    write(tmp_path, "doc.md", SAMPLE)
    result = run_termlint(["check", "doc.md", "--format", "json"], tmp_path)
    findings = [
        (
            f["line"],
            f["column"],
            f["rule"],
            f["text"],
            f["suggestions"],
            (f["fix"] or {}).get("replacement"),
        )
        for f in json.loads(result.stdout)["findings"]
    ]
    assert findings == [
        (3, 12, "term-variant", "e-mail", ["email"], "email"),  # "(?:e-mail|Email|E-mail)": email
        (3, 28, "deprecated-term", "cell phone", ["phone", "mobile phone"], None),  # cell ?phone
        (4, 15, "deprecated-term", "above", ["preceding"], "preceding"),  # above: preceding
        (4, 25, "deprecated-term", "click on", ["click", "click in"], None),  # click on
        (5, 9, "term-variant", "check box", ["checkbox"], "checkbox"),  # check box: checkbox
        (5, 33, "term-variant", "WiFi", ["Wi-Fi"], "Wi-Fi"),  # "(?:WiFi|wifi)": Wi-Fi
        (6, 5, "deprecated-term", "admin", ["administrator"], "administrator"),  # admin
        (6, 15, "deprecated-term", "kill", ["stop", "exit", "cancel", "end"], None),  # kill|...
        (6, 32, "deprecated-term", "in order to", ["to"], "to"),  # in order to: to
        (7, 5, "deprecated-term", "functionality", ["capability", "feature"], None),
        (7, 26, "deprecated-term", "omnibox", ["address bar"], "address bar"),  # omnibox
        (7, 49, "deprecated-term", "aka", ["or", "also known as"], None),  # a\.k\.a|aka
        (8, 13, "deprecated-term", "k8s", ["Kubernetes"], "Kubernetes"),  # k8s: Kubernetes
        (8, 30, "term-variant", "url", ["URL"], "URL"),  # url: URL
        (8, 39, "deprecated-term", "tablet", ["device"], "device"),  # tablet: device
        (9, 9, "term-variant", "file name", ["filename"], "filename"),  # file name: filename
        (9, 25, "term-variant", "sign into", ["sign in to"], "sign in to"),  # sign into
        # "(?:ok|Okay)": OK|okay, case-sensitive: "OK" itself is right.
        (10, 13, "google-word-list-ok-okay", "ok", ["OK", "okay"], None),
        (10, 20, "google-word-list-ok-okay", "Okay", ["OK", "okay"], None),
    ]
    assert result.exit_code == 1


@needs_realworld
def test_lint_with_an_imported_microsoft_terms_list(tmp_path):
    source = REALWORLD / "vale-microsoft" / "Microsoft" / "Terms.yml"
    run_termlint(["glossary", "import", str(source), "--from", "vale", "-o", "g.yaml"], tmp_path)
    write(tmp_path, ".termlint.yaml", "glossary: [g.yaml]\nrules: {undefined-term: off}\n")
    write(
        tmp_path,
        "doc.txt",
        "The adaptor holds 4 gb, or 4 GB.\nAfterwards, ask the chatbots and web robots.\n",
    )
    result = run_termlint(["check", "doc.txt", "--format", "json"], tmp_path)
    findings = [
        (f["line"], f["column"], f["rule"], f["text"], f["suggestions"])
        for f in json.loads(result.stdout)["findings"]
    ]
    assert findings == [
        (1, 5, "deprecated-term", "adaptor", ["adapter"]),  # adaptor: adapter
        (1, 21, "term-variant", "gb", ["GB"]),  # gb: GB (ignorecase): "GB" itself is right
        (2, 1, "deprecated-term", "Afterwards", ["Afterward"]),  # afterwards: afterward
        (2, 34, "deprecated-term", "web robots", ["bots"]),  # (?:internet bot|web robot)s?
    ]


def test_import_writes_a_glossary_that_check_can_use(tmp_path):
    write(tmp_path, "g.csv", "term,status,replace_with\nwhitelist,deprecated,allowlist\n")
    run_termlint(["glossary", "import", "g.csv", "--from", "csv", "-o", "glossary.yaml"], tmp_path)
    write(tmp_path, ".termlint.yaml", "glossary: [glossary.yaml]\n")
    write(tmp_path, "doc.md", "Add it to the whitelist.\n")
    result = run_termlint(["check", "doc.md"], tmp_path)
    assert result.stdout == (
        'doc.md:1:15: warning: "whitelist" is deprecated: use "allowlist" instead [deprecated-term]\n'
    )


def test_glossary_records_survive_the_writer():
    glossary = Glossary(entries=(entry("x1", status=Status.DEPRECATED, replace_with=("y1",)),))
    result = assemble(Imported(entries=glossary.entries))
    assert entries_of(result.glossary) == glossary.entries
