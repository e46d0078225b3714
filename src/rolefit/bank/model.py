"""The question bank as immutable, typed domain objects (no Qt, no I/O)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Profile = Literal["specialist", "generalist"]


@dataclass(frozen=True)
class Scale:
    """The Likert answer scale shared by every Likert item of a bank."""

    min: int
    max: int
    labels: tuple[str, ...]

    @property
    def midpoint(self) -> float:
        return (self.min + self.max) / 2

    def label(self, value: int) -> str:
        return self.labels[value - self.min]

    def agreement(self, value: int) -> float:
        """A raw answer as agreement with the item as worded, 0..1."""
        return (value - self.min) / (self.max - self.min)

    def keyed(self, value: int, reverse: bool) -> float:
        """A raw answer as interest in the item's tasks, 0..1: reverse items as min+max-x."""
        return self.agreement(self.min + self.max - value if reverse else value)


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    description: str
    profile: Profile
    day_to_day: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dimension:
    """An area of work used to show a person's profile (e.g. "money and budgets")."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Task:
    id: str
    text: str
    roles: tuple[str, ...]
    dimension: str
    source: str = ""


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class LikertItem:
    id: str
    text: str
    summary: str
    tasks: tuple[str, ...]
    reverse: bool = False
    kind: Literal["likert"] = "likert"


@dataclass(frozen=True)
class ChoiceItem:
    id: str
    text: str
    summary: str
    options: tuple[Option, ...]
    kind: Literal["choice"] = "choice"

    @property
    def tasks(self) -> tuple[str, ...]:
        """Every task any option measures, in option order, without repeats."""
        seen: dict[str, None] = {}
        for option in self.options:
            for task in option.tasks:
                seen.setdefault(task)
        return tuple(seen)

    def option(self, option_id: str) -> Option | None:
        for option in self.options:
            if option.id == option_id:
                return option
        return None


Item = LikertItem | ChoiceItem


def task_role_weight(task: Task, role: str) -> float:
    """How much a task speaks for ``role``: 1 if only that role does it, 1/k if k roles share it.

    Shared tasks (budgets, targets) tell the roles apart less, so they count less.
    """
    return 1 / len(task.roles) if role in task.roles else 0.0


def role_mix(tasks: Iterable[Task], roles: Iterable[str]) -> dict[str, float]:
    """How much a group of tasks (a choice option) leans to each role, each from 0 to 1."""
    task_list = list(tasks)
    return {
        role: sum(task_role_weight(t, role) for t in task_list) / len(task_list) for role in roles
    }


@dataclass(frozen=True)
class Note:
    """An explanation shown when a person's answers touch tasks the sources disagree about."""

    id: str
    tasks: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ScoringParams:
    """The weights and thresholds of the scoring method (see docs/scoring.md)."""

    # A forced choice's weight, against one Likert item, for each role it sets against another.
    choice_weight: float = 0.5
    # A verdict needs the leading fit ahead by this many standard errors ("strong": strong_z),
    # the standard error coming from how much this person's own answers vary within a role.
    verdict_z: float = 1.5
    strong_z: float = 3.5
    # ... and by this many fit points: strong_margin for "strong", moderate_margin for any.
    strong_margin: float = 15.0
    moderate_margin: float = 7.0
    # Below this share of a form's questions answered, there is no verdict.
    min_answered: float = 0.75
    # Fewer answers than this never make a strong verdict, however far apart the fits: on a
    # short form a chance pattern (random clicking) can look as consistent as a real one.
    strong_min_answers: float = 30.0


@dataclass(frozen=True)
class Bank:
    id: str
    version: str
    title: str
    scale: Scale
    roles: tuple[Role, ...]
    dimensions: tuple[Dimension, ...]
    tasks: tuple[Task, ...]
    items: tuple[Item, ...]
    forms: dict[str, tuple[str, ...]] = field(hash=False)
    scoring: ScoringParams = ScoringParams()
    notes: tuple[Note, ...] = ()
    description: str = ""
    # Where it was loaded from is not part of a bank's content: equal banks stay equal.
    source: str = field(default="", compare=False)
    # The language the bank is written in, a BCP 47 tag.
    language: str = "en"

    _tasks_by_id: dict[str, Task] = field(init=False, repr=False, compare=False, hash=False)
    _items_by_id: dict[str, Item] = field(init=False, repr=False, compare=False, hash=False)
    _role_ids: tuple[str, ...] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # Frozen, so the id indexes are built once here rather than searched on every look-up.
        object.__setattr__(self, "_tasks_by_id", {t.id: t for t in self.tasks})
        object.__setattr__(self, "_items_by_id", {i.id: i for i in self.items})
        # Scoring reads this about 70 times per answer set: built once, not per read.
        object.__setattr__(self, "_role_ids", tuple(r.id for r in self.roles))

    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)

    def task(self, task_id: str) -> Task:
        return self._tasks_by_id[task_id]

    def item(self, item_id: str) -> Item:
        return self._items_by_id[item_id]

    def has_item(self, item_id: str) -> bool:
        return item_id in self._items_by_id

    def form_items(self, form: str) -> tuple[Item, ...]:
        return tuple(self._items_by_id[i] for i in self.forms[form])

    @property
    def role_ids(self) -> tuple[str, ...]:
        return self._role_ids
