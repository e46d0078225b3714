"""The shipped JSON Schema (for authors' editors) agrees with the loader."""

import json
from importlib import resources

import jsonschema
import pytest
import yaml
from conftest import MINIMAL_BANK


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(
        resources.files("rolefit.questions").joinpath("bank.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_accepts_the_shipped_and_minimal_banks(validator):
    shipped = resources.files("rolefit.questions").joinpath("management.yaml").read_text("utf-8")
    for text in (shipped, MINIMAL_BANK):
        errors = list(validator.iter_errors(yaml.safe_load(text)))
        assert errors == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    tasks: [ops.make]\n", "    taks: [ops.make]\n"),
        ("    kind: likert\n", "    kind: slider\n"),
        ('version: "0.1"', "version: 0.1"),
        ("    reverse: true", "    reverse: 1"),
        ("    profile: generalist", "    profile: boss"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(validator, old, new):
    data = yaml.safe_load(MINIMAL_BANK.replace(old, new, 1))
    assert list(validator.iter_errors(data))
