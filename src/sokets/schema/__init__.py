"""JSON Schemas of the forms for form builders and other languages, their versions and changes.

* :mod:`sokets.schema.export` — the schema of each form, generated from the models;
* :mod:`sokets.schema.unit` — the schema of one unit's report, narrowed from its form's;
* :mod:`sokets.schema.folder` — the committed ``schemas/`` folder: write it, check it is current;
* :mod:`sokets.schema.versions` — the semver policy, published versions, migrations of older
  instances (applied by :func:`sokets.forms.load_report`);
* :mod:`sokets.schema.diff` — what changed between two schemas, and whether it is breaking.

See ``docs/schemas.md`` for how a form builder consumes the schemas.
"""

from sokets.schema.diff import Impact, SchemaChange, diff_schemas, required_bump
from sokets.schema.export import VOCABULARY, form_schema, form_schemas, schema_id, schema_path
from sokets.schema.folder import FolderProblem, check_schemas, write_schemas
from sokets.schema.unit import unit_schema
from sokets.schema.versions import (
    MIGRATIONS,
    PUBLISHED,
    Bump,
    MigrationStep,
    published_versions,
    supported_versions,
)

__all__ = [
    "MIGRATIONS",
    "PUBLISHED",
    "VOCABULARY",
    "Bump",
    "FolderProblem",
    "Impact",
    "MigrationStep",
    "SchemaChange",
    "check_schemas",
    "diff_schemas",
    "form_schema",
    "form_schemas",
    "published_versions",
    "required_bump",
    "schema_id",
    "schema_path",
    "supported_versions",
    "unit_schema",
    "write_schemas",
]
