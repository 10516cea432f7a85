"""Glossary files in and out: validation, export and import formats, the JSON Schemas.

One module per job: `validation` (glossary validate), `export_markdown`, `export_html`,
`csv_format`, `tbx`/`tbx_import`, `json_export`, the importers `vale`/`vale_rules`,
`textlint` and `substitution` (one swap rule), `assembly` (importers' records -> a file
the loader accepts), `yaml_writer`, `schema`; `registry` names the formats.
"""
