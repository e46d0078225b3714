"""What the welcome page shows of a bank, known before the bank itself is loaded.

The welcome page needs a bank's identity, its roles and the size of its forms. The full
``Bank`` (ten dataclass types, unpickled from the cache) is needed only when a
questionnaire starts, so the window opens from a ``ValidBank``: the outline at once, the
bank on first use (docs/performance.md). This module imports neither the model nor
``dataclasses`` at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from rolefit.bank.model import Bank, Item

# Seconds a person typically needs per item, before their own pace is known.
SECONDS_PER_LIKERT = 9
SECONDS_PER_CHOICE = 14


def estimated_minutes(items: Iterable[Item]) -> int:
    """How long a set of items takes at a typical pace, in whole minutes (at least 1)."""
    seconds = sum(SECONDS_PER_CHOICE if i.kind == "choice" else SECONDS_PER_LIKERT for i in items)
    return max(1, round(seconds / 60))


class RoleOutline(NamedTuple):
    title: str
    description: str


class FormOutline(NamedTuple):
    items: int
    minutes: int


class BankOutline(NamedTuple):
    id: str
    version: str
    title: str
    roles: tuple[RoleOutline, ...]
    forms: dict[str, FormOutline]

    @classmethod
    def of(cls, bank: Bank) -> BankOutline:
        return cls(
            bank.id,
            bank.version,
            bank.title,
            tuple(RoleOutline(r.title, r.description) for r in bank.roles),
            {
                name: FormOutline(len(ids), estimated_minutes(bank.form_items(name)))
                for name, ids in bank.forms.items()
            },
        )

    def to_plain(self) -> tuple[Any, ...]:
        """Built-in types only, for ``marshal`` (which refuses tuple subclasses)."""
        return (
            self.id,
            self.version,
            self.title,
            tuple(tuple(r) for r in self.roles),
            {name: tuple(form) for name, form in self.forms.items()},
        )

    @classmethod
    def from_plain(cls, plain: tuple[Any, ...]) -> BankOutline:
        """The inverse of ``to_plain``; raises ``TypeError`` or ``ValueError`` if malformed."""
        id_, version, title, roles, forms = plain
        outline = cls(
            id_,
            version,
            title,
            tuple(RoleOutline(*r) for r in roles),
            {name: FormOutline(*form) for name, form in forms.items()},
        )
        if outline.to_plain() != plain:
            raise ValueError("not a bank outline")
        return outline


class ValidBank:
    """A bank known to be valid: its outline now, the full ``Bank`` when first asked for."""

    def __init__(self, outline: BankOutline, load: Callable[[], Bank]) -> None:
        self.outline = outline
        self._load: Callable[[], Bank] | None = load
        self._bank: Bank | None = None

    @classmethod
    def of(cls, bank: Bank) -> ValidBank:
        return cls(BankOutline.of(bank), lambda: bank)

    @property
    def bank(self) -> Bank:
        if self._bank is None:
            assert self._load is not None
            self._bank = self._load()
            self._load = None  # let go of what it loaded from
        return self._bank
