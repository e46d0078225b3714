"""The validated-bank cache is only a shortcut: never stale, never an error of its own."""

import os

import pytest
from conftest import MINIMAL_BANK, run_python

from rolefit.bank import BankError, BankOutline, load_bank
from rolefit.bank import cache as bank_cache
from rolefit.bank.cache import cache_file, load_bank_cached


def bank_via_cache(path, cache):
    """The ``Bank`` itself, as the window gets it when a questionnaire starts."""
    return load_bank_cached(path, cache).bank


@pytest.fixture
def parses(monkeypatch):
    """Count how often the bank is really parsed and validated."""
    from rolefit.bank import loader

    calls = []
    real = loader.parse_bank

    def counting(text, name="<bank>"):
        calls.append(name)
        return real(text, name)

    monkeypatch.setattr(loader, "parse_bank", counting)
    return calls


def test_the_second_load_comes_from_the_cache_and_is_the_same_bank(write, tmp_path, parses):
    path = write(MINIMAL_BANK)
    reference = load_bank(path)
    parses.clear()
    first = load_bank_cached(path, tmp_path / "cache")
    second = load_bank_cached(path, tmp_path / "cache")
    assert len(parses) == 1
    assert second.outline == first.outline == BankOutline.of(reference)
    assert second.bank == first.bank == reference
    assert second.bank.form_items("short") == first.bank.form_items("short")  # indexes rebuilt
    assert len(parses) == 1


def test_the_outline_is_what_the_welcome_page_shows(write, tmp_path):
    outline = load_bank_cached(write(MINIMAL_BANK), tmp_path / "cache").outline
    assert (outline.id, outline.version, outline.title) == ("mini", "0.1", "Mini bank")
    assert [role.title for role in outline.roles] == [
        "Operations management",
        "Business management",
        "General management",
    ]
    assert outline.forms["short"].items == 3
    assert outline.forms["full"].minutes >= 1
    assert BankOutline.from_plain(outline.to_plain()) == outline


def test_an_edited_bank_is_validated_again(write, tmp_path, parses):
    path = write(MINIMAL_BANK)
    load_bank_cached(path, tmp_path / "cache")
    write(MINIMAL_BANK.replace("title: Mini bank", "title: Edited bank"))
    assert load_bank_cached(path, tmp_path / "cache").outline.title == "Edited bank"
    assert len(parses) == 2


def test_an_edit_that_breaks_the_bank_is_reported_not_hidden_by_the_cache(write, tmp_path):
    path = write(MINIMAL_BANK)
    load_bank_cached(path, tmp_path / "cache")
    write(MINIMAL_BANK.replace("kind: choice", "kind: chioce"))
    with pytest.raises(BankError) as raised:
        load_bank_cached(path, tmp_path / "cache")
    assert "items[4].kind" in str(raised.value) and "'chioce'" in str(raised.value)


def test_changed_validation_code_invalidates_the_cache(write, tmp_path, parses, monkeypatch):
    path = write(MINIMAL_BANK)
    load_bank_cached(path, tmp_path / "cache")
    fingerprint = bank_cache.code_fingerprint()
    monkeypatch.setattr(bank_cache, "code_fingerprint", lambda: (*fingerprint, "loader changed"))
    load_bank_cached(path, tmp_path / "cache")
    assert len(parses) == 2


def test_the_fingerprint_follows_the_loader_source():
    before = bank_cache.code_fingerprint()
    source = bank_cache._PACKAGE / "loader.py"
    stat = source.stat()
    try:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        assert bank_cache.code_fingerprint() != before
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle at all", b"\x80\x05K\x01.", b"\x80\x05\x95" + b"\xff" * 40],
    ids=["empty", "text", "foreign-pickle", "truncated"],
)
def test_a_damaged_cache_file_is_a_miss_and_is_rewritten(write, tmp_path, parses, damage):
    path = write(MINIMAL_BANK)
    cache = tmp_path / "cache"
    expected = bank_via_cache(path, cache)
    stored = cache_file(cache, str(path))
    stored.write_bytes(damage)
    assert bank_via_cache(path, cache) == expected
    assert len(parses) == 2
    load_bank_cached(path, cache)
    assert len(parses) == 2  # rewritten: a hit again


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[:-10], lambda data: data[:-200] + b"\xff" * 200],
    ids=["truncated", "garbled"],
)
def test_a_damaged_bank_behind_a_sound_header_is_validated_again(write, tmp_path, parses, damage):
    path = write(MINIMAL_BANK)
    cache = tmp_path / "cache"
    expected = bank_via_cache(path, cache)
    stored = cache_file(cache, str(path))
    stored.write_bytes(damage(stored.read_bytes()))
    valid = load_bank_cached(path, cache)  # the header alone still reads
    assert len(parses) == 1
    assert valid.bank == expected  # the damaged pickle is noticed here, and the text validated
    assert len(parses) == 2
    assert bank_via_cache(path, cache) == expected
    assert len(parses) == 2  # rewritten: a hit again


def test_a_header_from_another_python_or_format_is_never_decoded(write, tmp_path, parses):
    path = write(MINIMAL_BANK)
    cache = tmp_path / "cache"
    load_bank_cached(path, cache)
    stored = cache_file(cache, str(path))
    stored.write_bytes(
        stored.read_bytes().replace(bank_cache.MAGIC, b"RoleFit bank cache 3 \0\0\r\n")
    )
    assert load_bank_cached(path, cache).bank.id == "mini"
    assert len(parses) == 2


def test_an_unwritable_cache_folder_only_costs_time(write, tmp_path, parses):
    path = write(MINIMAL_BANK)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    assert load_bank_cached(path, blocker).outline.id == "mini"
    assert bank_via_cache(path, blocker).id == "mini"
    assert len(parses) == 2
    assert not list(tmp_path.glob("**/*.partial"))


def test_without_a_cache_folder_every_load_validates(write, parses):
    path = write(MINIMAL_BANK)
    load_bank_cached(path, None)
    load_bank_cached(path, None)
    assert len(parses) == 2


def test_two_banks_keep_separate_cache_files(write, tmp_path):
    one = write(MINIMAL_BANK, "one.yaml")
    two = write(MINIMAL_BANK.replace("id: mini", "id: other"), "two.yaml")
    cache = tmp_path / "cache"
    assert bank_via_cache(one, cache).id == "mini"
    assert bank_via_cache(two, cache).id == "other"
    assert bank_via_cache(one, cache).id == "mini"
    assert len(list(cache.glob("bank-*.cache"))) == 2


def test_a_cache_hit_imports_what_it_needs_only_when_it_needs_it(write, tmp_path):
    path = write(MINIMAL_BANK)
    cache = tmp_path / "cache"
    load_bank_cached(path, cache)
    code = (
        "import sys; from pathlib import Path;"
        "from rolefit.bank.cache import load_bank_cached;"
        f"valid = load_bank_cached(Path({str(path)!r}), Path({str(cache)!r}));"
        "assert valid.outline.id == 'mini';"
        "loaded = [m for m in ('yaml', 'pickle', 'rolefit.bank.model') if m in sys.modules];"
        "assert not loaded, f'reading the outline imported {loaded}';"
        "assert valid.bank.id == 'mini';"
        "assert 'yaml' not in sys.modules, 'a cache hit imported PyYAML'"
    )
    run_python(code)
