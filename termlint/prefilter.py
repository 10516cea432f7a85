"""Reading only the Markdown blocks where a finding can arise.

Most prose blocks of a documentation page hold nothing a check reports: no deprecated
term, no variant, no jargon. Building their exact segments (the costly part of reading)
changes no finding, so `read_for_lint` builds only the blocks whose sketch (the fast
reader's cheap reading of a block, see `parsing.fast_markdown`) may hold one:

- a glossary form that can be reported (a deprecated, forbidden or ambiguous entry's,
  a variant, any form of a case-sensitive entry, the term or abbreviation of an entry
  with an abbreviation), found by the matcher's own automaton and boundary test;
  forms of plain preferred terms ("path", "to") only matter next to those, inside the
  same block, and every block that is built is matched in full;
- a jargon candidate (the undefined-term patterns, before the shouted-run exception)
  that the settings do not already explain (`LintSettings.knows`: common acronyms such
  as "XML", allowed words, glossary forms), since undefined-term never reports those.

A sketch holds the same characters as the segment built from it, except that its
whitespace is not folded yet and URLs are not blanked yet; both are done here, so the
test above finds everything the checks would find (and sometimes more, which only
costs time). The checks that look across blocks still see what they need: the first
use of a term or abbreviation is in a built block, since those forms are reportable,
and an in-file definition ("Keep The Lights On (KTLO)") can only exist where the
sketches hold a candidate's name next to a parenthesis: if they do anywhere, the
whole document is built.

Everything else reads the whole document as before: plain text, files the fast reader
leaves to the reference, glossaries with regex patterns (which may match anywhere),
files with suppression directives, and any set of checks this module does not know.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from termlint import rule_ids
from termlint.checks.base import Check, LintSettings
from termlint.document import BARRIER, Document, blank_urls
from termlint.glossary import Status
from termlint.jargon import Definitions, acronym_spans
from termlint.matching import Form, FormKind, FormScanner, lower_same_length
from termlint.parsing import read_document
from termlint.parsing.fast_markdown import FastMarkdown, parse_markdown_fast

# The checks whose needs this module was written for (see the module docstring): a new
# check added to rule_ids must be reviewed here, and a test pins this list.
KNOWN_CHECKS = frozenset(rule_ids.CHECK_IDS)
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_DIRECTIVE = "termlint-"
# The undefined-term patterns (jargon.py), without the shouted-run exception; acronyms
# are found by jargon.acronym_spans.
_OPS_WORD = r"(?<![\w])(?P<name>[^\W\d_]+Ops)(?![\w])"
_CAMEL_CASE = r"(?<![\w])(?P<name>(?:[A-Z][a-z0-9]+|[a-z]+)(?:[A-Z][a-z0-9]+)+)(?![\w])"


def read_for_lint(
    display_path: str, text: str, settings: LintSettings, checks: Sequence[Check]
) -> Document:
    """The document to lint: only its relevant blocks when that changes no finding."""
    if (
        not display_path.lower().endswith(_MARKDOWN_SUFFIXES)
        or settings.patterns
        or _DIRECTIVE in text
        or not {check.id for check in checks} <= KNOWN_CHECKS
    ):
        return read_document(display_path, text)
    parsed = parse_markdown_fast(display_path, text)
    if parsed is None:
        return read_document(display_path, text)
    reduced = _reduced(parsed, _relevance(settings))
    return reduced if reduced is not None else read_document(display_path, text)


def _reduced(parsed: FastMarkdown, relevance: _Relevance) -> Document | None:
    sketches = [block.sketch for block in parsed.blocks]
    chosen, names = relevance.relevant_blocks(sketches)
    if names and not relevance.keeps_definitions(names, parsed, chosen):
        return parsed.document()  # a definition reads blocks left out: build them all
    return parsed.document(chosen)


@dataclass(frozen=True, slots=True)
class _Relevance:
    settings: LintSettings
    jargon: tuple[tuple[str, re.Pattern[str]], ...]  # (a text every match holds, pattern)
    forms: FormScanner
    # `settings.knows` of each jargon name met so far: a run meets the same few hundred
    known: dict[str, bool] = field(default_factory=dict)

    def _is_unknown(self, name: str) -> bool:
        known = self.known.get(name)
        if known is None:
            known = self.known[name] = self.settings.knows(name)
        return not known

    def relevant_blocks(self, sketches: Sequence[str]) -> tuple[list[int], set[str]]:
        """Indices of the blocks whose (folded) sketch may yield a finding, in order, and
        the unexplained jargon names found (a superset of the names undefined-term may
        report)."""
        joined = BARRIER.join(sketches)
        if "://" in joined or "www." in joined:
            joined = blank_urls(joined)
        starts = list(itertools.accumulate(map((1).__add__, map(len, sketches)), initial=0))
        chosen: set[int] = set()
        for start in self.forms.starts(lower_same_length(joined)):
            chosen.add(bisect.bisect_right(starts, start) - 1)
        names: set[str] = set()
        for literal, pattern in self.jargon:
            if literal not in joined:
                continue
            for match in pattern.finditer(joined):
                name = match.group("name")
                if self._is_unknown(name):
                    chosen.add(bisect.bisect_right(starts, match.start()) - 1)
                    names.add(name)
        if self.settings.jargon.acronyms:
            for start, _, name_end in acronym_spans(joined):
                name = joined[start:name_end]
                if self._is_unknown(name):
                    chosen.add(bisect.bisect_right(starts, start) - 1)
                    names.add(name)
        return sorted(chosen), names

    def keeps_definitions(self, names: set[str], parsed: FastMarkdown, chosen: list[int]) -> bool:
        """Whether undefined-term finds the same in-file definitions with the chosen blocks
        as with all of them, for every name (each one that nothing else explains).

        The check searches the segments' texts joined by line breaks, in document order
        (undefined_term.py). A block's sketch with its URLs blanked reads as its segment
        does, but for a leading or trailing space, which the searches read as they read
        the line break beside it; a block that reads as nothing makes no segment."""
        whole = Definitions(_whole_text(parsed, range(len(parsed.blocks))))
        reduced = Definitions(_whole_text(parsed, chosen))
        return all(whole.find(name) == reduced.find(name) for name in names)


_SKETCH = operator.attrgetter("sketch")
_READS_AS_NOTHING = " " + BARRIER  # a sketch of only these makes no segment


def _whole_text(parsed: FastMarkdown, blocks: Sequence[int]) -> str:
    # map and compress rather than a generator: this runs over every block of a file
    ordered = map(parsed.blocks.__getitem__, parsed.in_document_order(blocks))
    sketches = list(map(_SKETCH, ordered))
    kept = map(str.strip, sketches, itertools.repeat(_READS_AS_NOTHING))
    whole = "\n".join(itertools.compress(sketches, kept))
    if "://" in whole or "www." in whole:
        whole = blank_urls(whole)
    return whole


_CACHE: dict[int, tuple[LintSettings, _Relevance]] = {}


def prepare_relevance(settings: LintSettings) -> None:
    """Build the relevance test of these settings now (it holds an automaton of the
    reportable forms), so that forked workers inherit it."""
    _relevance(settings)


def _relevance(settings: LintSettings) -> _Relevance:
    """The relevance test for these settings, built once per settings object."""
    cached = _CACHE.get(id(settings))
    if cached is not None and cached[0] is settings:
        return cached[1]
    flags = settings.jargon
    jargon = tuple(
        (literal, re.compile(pattern))
        for literal, pattern, enabled in (
            ("Ops", _OPS_WORD, flags.ops_suffix),
            ("", _CAMEL_CASE, flags.camel_case),
        )
        if enabled
    )
    relevance = _Relevance(settings, jargon, settings.index.scanner(is_reportable))
    _CACHE.clear()
    _CACHE[id(settings)] = (settings, relevance)
    return relevance


def is_reportable(form: Form) -> bool:
    """Whether a match of this form can be reported, or decide a first use, by itself."""
    entry = form.entry
    if entry.status not in (Status.PREFERRED, Status.ADMITTED):
        return True  # deprecated-term, ambiguous-term
    if form.kind is FormKind.VARIANT or entry.is_case_sensitive:
        return True  # term-variant (a listed variant, or a wrong casing)
    return bool(entry.abbreviation)  # acronym-first-use: the term or its abbreviation
