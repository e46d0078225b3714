"""Where RoleFit keeps its files, and how it finds its own."""

from pathlib import Path

import pytest

from rolefit.paths import ENV_DATA_DIR, data_dir, installed_folder


def test_the_data_folder_is_the_flag_then_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    assert data_dir(tmp_path) == tmp_path
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(tmp_path) == tmp_path  # the flag beats the variable


def test_by_default_the_platform_folder_is_used(monkeypatch):
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    data = data_dir()
    assert data.is_absolute() and "RoleFit" in data.parts


def test_installed_folders_hold_the_banks_and_the_style():
    assert (installed_folder("rolefit.questions") / "management.yaml").is_file()
    assert (installed_folder("rolefit.resources") / "style.qss").is_file()
    with pytest.raises(FileNotFoundError, match="rolefit.nothing"):
        installed_folder("rolefit.nothing")
    assert isinstance(installed_folder("rolefit.questions"), Path)
