"""Synthetic respondents from a latent model, for the validity study (bench/validity_study.py).

The model (its assumptions are listed in docs/validity.md):

- A person has an interest ``theta[role]`` from 0 to 1 in each role's kind of work, and a
  personal liking ``task_bias[task]`` (normal, sd ``TASK_SD``) for each task on top of it:
  nobody likes every task of a role equally.
- Interest in a task is the mean of ``theta`` over the roles that do it, plus the task's
  bias; interest in an item or an option is the mean over its tasks.
- A Likert answer is ``min + (max - min) x interest`` plus normal error (sd ``noise``, in
  scale points), reflected for a reverse-keyed item, passed through the response style,
  rounded and clipped to the scale.
- A forced choice picks the option with the highest interest plus Gumbel error (scale
  ``noise / 4``, in 0..1 units): a logit choice that is surer the larger the difference.
- Styles: ``normal``; ``extreme`` (answers pushed away from the middle, x1.8); ``midpoint``
  (pulled towards it, x0.5); ``acquiescent`` (+0.8 points of agreement, whatever the item);
  ``careless`` (a share of the items answered at random); ``careless-end`` (the last share
  of the form, in its order, answered at random); ``straight-end`` (the last share answered
  with one Likert value, drawn for the sitting, and the first option of every choice);
  ``random`` (every answer at random); ``straight`` (one Likert value throughout, choices
  skipped or always one position).
- A retest keeps theta and the task biases and draws every error again.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from rolefit.bank import Bank, ChoiceItem, LikertItem

TASK_SD = 0.08
EXTREME = 1.8
MIDPOINT = 0.5
ACQUIESCENCE = 0.8


@dataclass(frozen=True)
class Person:
    theta: Mapping[str, float]
    task_bias: Mapping[str, float] = field(default_factory=dict)
    style: str = "normal"
    noise: float = 0.7  # scale points
    careless_share: float = 0.0
    straight_value: int = 3
    straight_position: int | None = None  # None: choices skipped

    @property
    def true_role(self) -> str | None:
        """The role of highest interest, if it leads by at least 0.1; else None."""
        ranked = sorted(self.theta.items(), key=lambda kv: -kv[1])
        return ranked[0][0] if ranked[0][1] - ranked[1][1] >= 0.1 else None


def make_person(bank: Bank, theta: Mapping[str, float], rng: random.Random, **kw: object) -> Person:
    bias = {t.id: rng.gauss(0.0, TASK_SD) for t in bank.tasks}
    return Person(dict(theta), bias, **kw)  # type: ignore[arg-type]


def interest(bank: Bank, person: Person, tasks: tuple[str, ...]) -> float:
    values = []
    for task_id in tasks:
        roles = bank.task(task_id).roles
        base = sum(person.theta[r] for r in roles) / len(roles)
        values.append(base + person.task_bias.get(task_id, 0.0))
    return sum(values) / len(values)


def answer(bank: Bank, person: Person, form: str, rng: random.Random) -> dict[str, int | str]:
    """One questionnaire filled in by ``person`` (a fresh draw of every error)."""
    low, high = bank.scale.min, bank.scale.max
    mid = (low + high) / 2
    out: dict[str, int | str] = {}
    items = bank.form_items(form)
    end = len(items) - round(person.careless_share * len(items))
    stuck = rng.randint(low, high) if person.style == "straight-end" else low
    for position, item in enumerate(items):
        at_random = (
            person.style == "random"
            or (person.style == "careless" and rng.random() < person.careless_share)
            or (person.style == "careless-end" and position >= end)
        )
        if person.style == "straight-end" and position >= end:
            out[item.id] = stuck if isinstance(item, LikertItem) else item.options[0].id
            continue
        if isinstance(item, ChoiceItem):
            if person.style == "straight":
                if person.straight_position is not None:
                    index = min(person.straight_position, len(item.options) - 1)
                    out[item.id] = item.options[index].id
                continue
            if at_random:
                out[item.id] = rng.choice(item.options).id
                continue
            scale = max(person.noise / 4, 1e-6)
            best = max(
                item.options,
                key=lambda o: interest(bank, person, o.tasks) + _gumbel(rng) * scale,
            )
            out[item.id] = best.id
            continue
        assert isinstance(item, LikertItem)
        if person.style == "straight":
            out[item.id] = person.straight_value
            continue
        if at_random:
            out[item.id] = rng.randint(low, high)
            continue
        value = low + (high - low) * interest(bank, person, item.tasks)
        value += rng.gauss(0.0, person.noise)
        if item.reverse:
            value = low + high - value
        if person.style == "extreme":
            value = mid + EXTREME * (value - mid)
        elif person.style == "midpoint":
            value = mid + MIDPOINT * (value - mid)
        elif person.style == "acquiescent":
            value += ACQUIESCENCE
        out[item.id] = max(low, min(high, round(value)))
    return out


def _gumbel(rng: random.Random) -> float:
    return -math.log(-math.log(rng.random() or 1e-12))


# --- populations --------------------------------------------------------------------------


def clear_profile(roles: tuple[str, ...], role: str, rng: random.Random) -> dict[str, float]:
    """Clearly drawn to ``role``: interest 0.65-0.95 in it, 0.1-0.5 in the others."""
    return {r: rng.uniform(0.65, 0.95) if r == role else rng.uniform(0.1, 0.5) for r in roles}


def leaning_profile(roles: tuple[str, ...], role: str, rng: random.Random) -> dict[str, float]:
    """Leaning to ``role``: 0.15-0.3 above the next role, everything in 0.2-0.9."""
    others = {r: rng.uniform(0.2, 0.6) for r in roles if r != role}
    return {**others, role: max(others.values()) + rng.uniform(0.15, 0.3)}


def flat_profile(roles: tuple[str, ...], rng: random.Random) -> dict[str, float]:
    """The same interest in every role's work, anywhere from cold to keen."""
    level = rng.uniform(0.1, 0.9)
    return dict.fromkeys(roles, level)
