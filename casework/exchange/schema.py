"""The published JSON Schema of the exchange file, and the check every export passes."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "exchange" / "case.schema.json"
SCHEMA_VERSION = 1


@cache
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def validate(document: dict) -> None:
    """Raise jsonschema.ValidationError if the document does not follow the schema: an export
    that would not is a bug here, never something to send."""
    validator().validate(document)
