"""Question banks: load, validate and model them (no Qt)."""

from __future__ import annotations

from pathlib import Path

from rolefit.bank.files import BankError, LocatedProblem
from rolefit.bank.loader import load_bank, parse_bank
from rolefit.bank.model import (
    Bank,
    ChoiceItem,
    Dimension,
    Item,
    LikertItem,
    Note,
    Option,
    Role,
    Scale,
    ScoringParams,
    Task,
)
from rolefit.paths import installed_folder

DEFAULT_BANK = "management.yaml"
DEFAULT_BANK_NAME = f"questions/{DEFAULT_BANK}"

__all__ = [
    "DEFAULT_BANK",
    "DEFAULT_BANK_NAME",
    "Bank",
    "BankError",
    "ChoiceItem",
    "Dimension",
    "Item",
    "LikertItem",
    "LocatedProblem",
    "Note",
    "Option",
    "Role",
    "Scale",
    "ScoringParams",
    "Task",
    "default_bank_path",
    "load_bank",
    "load_default_bank",
    "parse_bank",
    "shipped_bank_paths",
]


def shipped_bank_paths() -> list[Path]:
    """The banks installed with RoleFit (the ``questions`` folder of the package)."""
    return sorted(installed_folder("rolefit.questions").glob("*.yaml"))


def default_bank_path() -> Path:
    return installed_folder("rolefit.questions") / DEFAULT_BANK


def load_default_bank() -> Bank:
    return load_bank(default_bank_path(), display_name=DEFAULT_BANK_NAME)
