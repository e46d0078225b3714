"""Question banks: load, validate and model them (no Qt)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rolefit.bank.files import BankError, LocatedProblem
from rolefit.bank.outline import BankOutline, ValidBank
from rolefit.paths import installed_folder

if TYPE_CHECKING:
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
    "DEFAULT_BANK_NAME",
    "Bank",
    "BankError",
    "BankOutline",
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
    "ValidBank",
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
    # The names in __all__ not defined above are imported on first use (PEP 562): the
    # loader imports PyYAML, which a cached start does not need (rolefit.bank.cache), and
    # the window opens from a bank's outline before the model's dataclasses are needed
    # (rolefit.bank.outline, docs/performance.md).
    if name in ("load_bank", "parse_bank"):
        from rolefit.bank import loader

        return getattr(loader, name)
    if name in __all__:
        from rolefit.bank import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def default_bank_path() -> Path:
    return installed_folder("rolefit.questions") / DEFAULT_BANK


DEFAULT_BANK_NAME = f"questions/{DEFAULT_BANK}"


def load_default_bank() -> Bank:
    from rolefit.bank.loader import load_bank

    return load_bank(default_bank_path(), display_name=DEFAULT_BANK_NAME)
