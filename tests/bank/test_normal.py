"""The normalised form: what inspect --json prints and what the store keeps of a bank."""

import json

import pytest
from conftest import MINIMAL_BANK

from rolefit.bank import parse_bank
from rolefit.bank.normal import NormalFormError, bank_from_json, bank_to_json, content_hash


def test_the_shipped_bank_reads_back_equal(bank):
    data = json.loads(json.dumps(bank_to_json(bank)))  # through real JSON text
    assert bank_from_json(data) == bank


def test_the_hash_follows_the_content_not_the_file(bank):
    same = parse_bank(MINIMAL_BANK, "a.yaml")
    assert content_hash(same) == content_hash(parse_bank("\n\n" + MINIMAL_BANK, "b.yaml"))
    changed = parse_bank(MINIMAL_BANK.replace("Count money.", "Count the money."), "a.yaml")
    assert content_hash(changed) != content_hash(same)
    assert len(content_hash(bank)) == 64


def test_keys_added_later_are_ignored_and_optional_ones_may_be_missing(bank):
    data = bank_to_json(bank)
    data["something_new"] = {"x": 1}
    data["scoring"]["a_later_weight"] = 0.5
    for key in ("notes", "description", "scoring"):
        data.pop(key) if key != "scoring" else None
    for task in data["tasks"]:
        task.pop("source")
    read = bank_from_json(data)
    assert read.items == bank.items and read.notes == ()


@pytest.mark.parametrize("damage", ["drop-items", "items-not-list", "scale-text"])
def test_malformed_data_is_refused_in_words(bank, damage):
    data = bank_to_json(bank)
    if damage == "drop-items":
        del data["items"]
    elif damage == "items-not-list":
        data["items"] = 3
    else:
        data["scale"]["min"] = "one"
    with pytest.raises(NormalFormError, match="not a bank's normal form"):
        bank_from_json(data)


def test_the_language_is_kept_and_defaults_to_english(bank):
    data = bank_to_json(bank)
    assert data["language"] == "en"
    german = parse_bank(MINIMAL_BANK.replace("title: Mini", "language: de-CH\ntitle: Mini"))
    assert bank_from_json(bank_to_json(german)).language == "de-CH"
    del data["language"]  # as a session stored before banks had a language
    assert bank_from_json(data).language == "en"
