"""Question banks: load, validate and model them (no Qt)."""

from __future__ import annotations

from importlib import resources
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

DEFAULT_BANK = "management.yaml"

__all__ = [
    "DEFAULT_BANK",
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
    "load_bank",
    "load_default_bank",
    "parse_bank",
    "shipped_bank_paths",
]


def shipped_bank_paths() -> list[Path]:
    """The banks installed with RoleFit (the ``questions`` folder of the package)."""
    folder = resources.files("rolefit.questions")
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def load_default_bank() -> Bank:
    path = Path(str(resources.files("rolefit.questions").joinpath(DEFAULT_BANK)))
    return load_bank(path, display_name=f"questions/{DEFAULT_BANK}")
