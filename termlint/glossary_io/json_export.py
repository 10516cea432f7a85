"""JSON export: the glossary file's own shape, every field present in every object.

JSON is YAML too, so the export is itself a glossary file that termlint loads.
"""

from __future__ import annotations

import json

from termlint.glossary import Glossary
from termlint.glossary_io.exported import Exported
from termlint.glossary_io.fields import glossary_fields


def export_json(glossary: Glossary) -> Exported:
    data = glossary_fields(glossary, complete=True)
    return Exported(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
