"""How much each answer speaks for each role, and what it says: the scoring's linear core.

Every answered item gives each role it concerns a *weight* and a *value* from 0 to 1. A
role's fit is the weighted mean of those values, so an answer's effect on a fit is exact
and additive: ``weight x (value - 0.5) / total weight``, the difference between the answer
given and a neutral one (docs/scoring.md).

- A Likert item weighs, for each role, the share of its tasks that belong to that role
  (a task that k roles share counts 1/k for each). Its value is the keyed answer.
- A forced choice weighs ``choice_weight x (largest share - smallest share)`` of its
  options for each role, so a role that every option serves equally is not concerned. Its
  value is 0.5 plus how much more the chosen option belongs to the role than the options'
  average, scaled so the role's own option gives 1: 2-way, 1 and 0; 3-way, 1 and 0.25.
  Over a random choice the value averages 0.5, exactly as an answer never given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rolefit.bank.model import Bank, ChoiceItem, LikertItem, role_mix

NEUTRAL = 0.5


@dataclass(frozen=True)
class ItemWeights:
    """One item's weight for each role (bank role order); for a choice, each option's values."""

    item_id: str
    weights: tuple[float, ...]
    reverse: bool = False
    # Choice items only: option id -> value for each role (0.5 where the weight is 0).
    option_values: Mapping[str, tuple[float, ...]] | None = None

    @property
    def is_choice(self) -> bool:
        return self.option_values is not None


@dataclass(frozen=True)
class BankWeights:
    roles: tuple[str, ...]
    items: Mapping[str, ItemWeights]


_CACHE: dict[int, tuple[Bank, BankWeights]] = {}
_CACHE_SIZE = 8


def bank_weights(bank: Bank) -> BankWeights:
    """The weights of every item of ``bank``, computed once per bank object."""
    cached = _CACHE.get(id(bank))
    if cached is not None and cached[0] is bank:
        return cached[1]
    weights = BankWeights(
        bank.role_ids, {item.id: _item_weights(bank, item) for item in bank.items}
    )
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(bank)] = (bank, weights)
    return weights


def _item_weights(bank: Bank, item: LikertItem | ChoiceItem) -> ItemWeights:
    roles = bank.role_ids
    if isinstance(item, LikertItem):
        mix = role_mix((bank.task(t) for t in item.tasks), roles)
        return ItemWeights(item.id, tuple(mix[r] for r in roles), item.reverse)
    mixes = [role_mix((bank.task(t) for t in o.tasks), roles) for o in item.options]
    weights: list[float] = []
    values: dict[str, list[float]] = {o.id: [] for o in item.options}
    for role in roles:
        shares = [m[role] for m in mixes]
        spread = max(shares) - min(shares)
        mean = sum(shares) / len(shares)
        reach = max(abs(s - mean) for s in shares)
        weights.append(bank.scoring.choice_weight * spread)
        for option, share in zip(item.options, shares, strict=True):
            value = NEUTRAL + (share - mean) / (2 * reach) if reach > 1e-12 else NEUTRAL
            values[option.id].append(value)
    return ItemWeights(
        item.id,
        tuple(weights),
        option_values={o: tuple(v) for o, v in values.items()},
    )


def item_values(bank: Bank, weights: ItemWeights, answer: int | str | None) -> tuple[float, ...]:
    """What ``answer`` says for each role, 0..1; ``None`` is the neutral answer (0.5)."""
    if answer is None:
        return (NEUTRAL,) * len(weights.weights)
    if weights.option_values is not None:
        return weights.option_values[str(answer)]
    keyed = bank.scale.keyed(int(answer), weights.reverse)
    return (keyed,) * len(weights.weights)
