"""Question banks: load, validate and model them (no Qt)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rolefit.bank.files import BankError, LocatedProblem
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

if TYPE_CHECKING:
    from rolefit.bank.loader import load_bank, parse_bank

DEFAULT_BANK = "management.yaml"

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


def __getattr__(name: str) -> object:
    # The loader imports PyYAML, which the window does not need when the bank is cached
    # (see rolefit.bank.cache), so it is imported on first use.
    if name in ("load_bank", "parse_bank"):
        from rolefit.bank import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_bank_path() -> Path:
    return installed_folder("rolefit.questions") / DEFAULT_BANK


DEFAULT_BANK_NAME = f"questions/{DEFAULT_BANK}"


def load_default_bank() -> Bank:
    from rolefit.bank.loader import load_bank

    return load_bank(default_bank_path(), display_name=DEFAULT_BANK_NAME)
