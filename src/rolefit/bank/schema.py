"""The bank's JSON Schema (draft 2020-12), made from its declaration in ``rolefit.bank.spec``.

Editors with a YAML language server read it to complete keys, show each key's description
and underline mistakes as the author types. ``questions/bank.schema.json`` is this
function's output (a test keeps them equal); ``rolefit schema`` prints it.
"""

from __future__ import annotations

import json
from typing import Any

from rolefit.bank.spec import (
    BANK,
    ID,
    Boolean,
    Enum,
    Field,
    Ids,
    Integer,
    Key,
    Kinds,
    ListOf,
    Mapping,
    NamedMapping,
    Number,
    Text,
    Word,
)

SCHEMA_ID = "https://rolefit.invalid/bank.schema.json"

# At least one character that is not white space, as the loader asks of every text.
NOT_BLANK = r"\S"


def bank_schema() -> dict[str, Any]:
    """The JSON Schema of a bank file, as a JSON-ready dictionary."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "RoleFit question bank",
        **_schema(BANK),
    }


def schema_text() -> str:
    """``bank_schema()`` as the text of ``questions/bank.schema.json``."""
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"


def _schema(spec: Field) -> dict[str, Any]:
    out: dict[str, Any] = {}
    description = spec.description
    if isinstance(spec, Word):  # the rule is what an author needs to see
        description = f"{description} {spec.name.capitalize()}: {spec.rule}.".lstrip()
    if description:
        out["description"] = description
    out.update(_shape(spec))
    return out


def _shape(spec: Field) -> dict[str, Any]:
    if isinstance(spec, Word):
        return {
            "type": "string",
            # Python's re (which jsonschema uses) lets "$" match before a final line
            # break; "(?!\n)" refuses it there, as the loader's fullmatch does.
            "pattern": f"^{spec.pattern}$(?!\\n)",
            "maxLength": spec.max_length,
        }
    if isinstance(spec, Text):
        return {"type": "string", "pattern": NOT_BLANK, "maxLength": spec.max_length}
    if isinstance(spec, Integer):
        return {"type": "integer", "minimum": spec.minimum, "maximum": spec.maximum}
    if isinstance(spec, Number):
        low = "exclusiveMinimum" if spec.exclusive_minimum else "minimum"
        return {"type": "number", low: spec.minimum, "maximum": spec.maximum}
    if isinstance(spec, Boolean):
        return {"type": "boolean"}
    if isinstance(spec, Enum):
        return {"const": spec.values[0]} if len(spec.values) == 1 else {"enum": list(spec.values)}
    if isinstance(spec, Ids):
        ids = {"type": "array", "minItems": 1, "uniqueItems": True, "items": _schema(ID)}
        return {"oneOf": [{"const": "all"}, ids]} if spec.or_all else ids
    if isinstance(spec, ListOf):
        out: dict[str, Any] = {"type": "array", "items": _schema(spec.entry)}
        if spec.min_items:
            out["minItems"] = spec.min_items
        if spec.max_items is not None:
            out["maxItems"] = spec.max_items
        return out
    if isinstance(spec, Mapping):
        return _object(spec.keys)
    if isinstance(spec, Kinds):
        return _kinds(spec)
    assert isinstance(spec, NamedMapping)
    return {
        "type": "object",
        "required": list(spec.required),
        "propertyNames": _shape(spec.names),
        "additionalProperties": _schema(spec.value),
    }


def _object(keys: tuple[Key, ...]) -> dict[str, Any]:
    properties = {}
    for key in keys:
        prop = _schema(key.field)
        # An empty text or list is no default an editor could offer: the key is left out.
        if not key.required and key.default not in (None, "", ()):
            prop["default"] = key.default
        properties[key.name] = prop
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [k.name for k in keys if k.required],
        "properties": properties,
    }


def _kinds(spec: Kinds) -> dict[str, Any]:
    # if/then rather than oneOf: a wrong kind is one error (as in the loader) instead of
    # one per kind, and editors complete the keys of the kind written.
    return {
        "type": "object",
        "required": [spec.key],
        "properties": {spec.key: {"enum": list(spec.kinds)}},
        "allOf": [
            {
                "if": {"properties": {spec.key: {"const": name}}, "required": [spec.key]},
                "then": _schema(mapping),
            }
            for name, mapping in spec.kinds.items()
        ],
    }
