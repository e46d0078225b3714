"""Where RoleFit keeps its files, and how it finds its own."""

from pathlib import Path

import pytest

from rolefit.paths import ENV_DATA_DIR, cache_dir, data_dir, installed_folder


def test_a_chosen_data_folder_holds_the_cache_too(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    assert data_dir(tmp_path) == tmp_path
    assert cache_dir(tmp_path) == tmp_path / "cache"
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert cache_dir() == tmp_path / "env" / "cache"
    assert cache_dir(tmp_path) == tmp_path / "cache"  # the flag beats the variable


def test_by_default_the_platform_folders_are_used(monkeypatch):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    data, cache = data_dir(), cache_dir()
    assert data.is_absolute() and cache.is_absolute() and data != cache
    assert "RoleFit" in data.parts and "RoleFit" in cache.parts


def test_installed_folders_hold_the_banks_and_the_style():
    assert (installed_folder("rolefit.questions") / "management.yaml").is_file()
    assert (installed_folder("rolefit.resources") / "style.qss").is_file()
    with pytest.raises(FileNotFoundError, match="rolefit.nothing"):
        installed_folder("rolefit.nothing")
    assert isinstance(installed_folder("rolefit.questions"), Path)
