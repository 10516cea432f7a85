"""Glossary entries shared by the tests that need a term of each non-preferred status."""

from __future__ import annotations

# An ambiguous, a deprecated and a forbidden term, indented as items under `terms:`.
STATUS_TERMS = """\
  - term: InfraOps
    status: ambiguous
    meanings: [Infrastructure Operations, Infrastructure Optimisation]
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
  - term: master server
    status: forbidden
    replace_with: [primary server]
"""

# A glossary of one deprecated term, the smallest that gives a finding with a fix.
WHITELIST_GLOSSARY = """\
version: 1
terms:
  - term: whitelist
    status: deprecated
    replace_with: [allowlist]
"""
