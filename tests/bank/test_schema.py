"""The JSON Schema for authors' editors: made from the bank's declaration, shipped as made,
and refusing every broken bank whose problem lies in its structure."""

import json
from importlib import resources

import jsonschema
import pytest
from broken_banks import CASES, JUNK, YAML
from conftest import MINIMAL_BANK

from rolefit.bank import BankError, parse_bank
from rolefit.bank.schema import bank_schema, schema_text
from rolefit.bank.yamltree import YamlRefused, parse_tree, plain_data
from rolefit.cli import main


def shipped_text(name):
    return resources.files("rolefit.questions").joinpath(name).read_text("utf-8")


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(shipped_text("bank.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def as_rolefit_reads_it(text):
    """The data RoleFit reads (YAML 1.2 core: ``yes`` is text), not PyYAML's YAML 1.1."""
    root, problems = parse_tree(text)
    assert not problems
    return plain_data(root)


def test_the_shipped_schema_is_the_one_the_declaration_makes():
    assert shipped_text("bank.schema.json") == schema_text()
    assert json.loads(schema_text()) == bank_schema()


def test_rolefit_schema_prints_it(capsys):
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert out == schema_text() and err == ""


def test_editors_get_a_description_of_each_key():
    schema = bank_schema()
    assert schema["description"]
    for key in ("id", "version", "language", "title", "scale", "items", "forms", "scoring"):
        assert schema["properties"][key]["description"], key


def test_schema_accepts_the_shipped_and_minimal_banks(validator):
    for text in (shipped_text("management.yaml"), MINIMAL_BANK):
        errors = list(validator.iter_errors(as_rolefit_reads_it(text)))
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
    data = as_rolefit_reads_it(MINIMAL_BANK.replace(old, new, 1))
    assert list(validator.iter_errors(data))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_broken_bank_is_refused_by_both_or_known_to_be_the_loaders_alone(validator, case):
    with pytest.raises(BankError) as caught:
        parse_bank(case.text, "bank.yaml")
    assert any(case.message in str(p) for p in caught.value.problems), caught.value.lines()
    try:
        root, problems = parse_tree(case.text)
    except YamlRefused:
        root, problems = None, ["refused"]
    if case.loader_only == YAML:
        # No data to give a schema (or none with the mistake in it: a duplicate key).
        assert problems
        return
    assert not problems
    errors = list(validator.iter_errors(plain_data(root)))
    if case.loader_only:
        # Listed as the loader's alone: if the schema learns to see it, move the case up.
        assert errors == [], [e.message for e in errors]
    else:
        assert errors, "the schema let a structurally broken bank through"


@pytest.mark.parametrize("junk", [j for j in JUNK if len(j) < 1000])
def test_junk_that_is_yaml_is_no_bank_to_the_schema_either(validator, junk):
    try:
        root, problems = parse_tree(junk)
    except YamlRefused:
        return
    if not problems:
        assert list(validator.iter_errors(plain_data(root)))
