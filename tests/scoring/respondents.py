"""Simulated respondents: answer each item as a person with given role interests would."""

import random

from rolefit.bank import Bank, ChoiceItem, LikertItem


def interest_in(bank: Bank, tasks, prefs: dict[str, float]) -> float:
    values = [sum(prefs[r] for r in bank.task(t).roles) / len(bank.task(t).roles) for t in tasks]
    return sum(values) / len(values)


def respond(
    bank: Bank, prefs: dict[str, float], form: str = "full", noise: float = 0.0, seed: int = 0
) -> dict[str, int | str]:
    rng = random.Random(seed)
    low, high = bank.scale.min, bank.scale.max
    answers: dict[str, int | str] = {}
    for item in bank.form_items(form):
        if isinstance(item, LikertItem):
            value = low + (high - low) * interest_in(bank, item.tasks, prefs) + rng.gauss(0, noise)
            if item.reverse:
                value = low + high - value
            answers[item.id] = max(low, min(high, round(value)))
        else:
            assert isinstance(item, ChoiceItem)
            best = max(
                item.options,
                key=lambda o: interest_in(bank, o.tasks, prefs) + rng.gauss(0, noise / 4),
            )
            answers[item.id] = best.id
    return answers
