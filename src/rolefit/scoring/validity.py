"""Validity flags: reasons to doubt that the answers describe the person.

Each check is conservative enough that a careful respondent with clear preferences is
not flagged. A flag carries its code and the facts behind it; ``rolefit.wording`` says
what happened and what to do.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rolefit.bank.model import Bank, ChoiceItem, LikertItem
from rolefit.scoring.answers import AnswerValue
from rolefit.scoring.result import Flag

if TYPE_CHECKING:
    from rolefit.scoring.engine import Fits

# straight-lining: share of answers that are the same (Likert value or option position)
SAME_ANSWER_SHARE = 0.85
MIN_ANSWERS_FOR_PATTERN = 6
# acquiescence: mean agreement with reverse items *and* their forward twins (0..1 raw)
ACQUIESCENCE_LEVEL = 0.625
MIN_REVERSE_ANSWERS = 2
# inconsistency: keyed gaps on the same task; a full-scale gap counts 1, a 3/4 gap 1/2
INCONSISTENCY_WEIGHT = 1.0


def check_validity(
    bank: Bank, form: str, given: Mapping[str, AnswerValue], fits: Fits
) -> tuple[Flag, ...]:
    flags = []
    for check in (_incomplete, _straight_lining, _acquiescence, _inconsistent):
        flag = check(bank, form, given)
        if flag is not None:
            flags.append(flag)
    return tuple(flags)


def _raw(bank: Bank, value: AnswerValue) -> float:
    return bank.scale.agreement(int(value))


def _keyed(bank: Bank, item: LikertItem, value: AnswerValue) -> float:
    return bank.scale.keyed(int(value), item.reverse)


def answers_needed(bank: Bank, form: str) -> int:
    """How many answers a form needs before its result is not flagged incomplete."""
    # round() first so that 0.7 * 10 does not become 8 through 7.000000000000001
    return math.ceil(round(bank.scoring.min_answered * len(bank.forms[form]), 9))


def _incomplete(bank: Bank, form: str, given: Mapping[str, AnswerValue]) -> Flag | None:
    total = len(bank.forms[form])
    needed = answers_needed(bank, form)
    touched = {r for i in given for t in bank.item(i).tasks for r in bank.task(t).roles}
    missing = tuple(r for r in bank.role_ids if r not in touched)
    if len(given) >= needed and not missing:
        return None
    return Flag(
        "incomplete",
        {"answered": len(given), "total": total, "needed": needed, "missing_roles": missing},
    )


def _straight_lining(bank: Bank, form: str, given: Mapping[str, AnswerValue]) -> Flag | None:
    if len(given) < MIN_ANSWERS_FOR_PATTERN:
        return None
    likert = Counter(v for i, v in given.items() if isinstance(bank.item(i), LikertItem))
    positions: Counter[int] = Counter()
    for item_id, value in given.items():
        item = bank.item(item_id)
        if isinstance(item, ChoiceItem):
            positions[[o.id for o in item.options].index(str(value))] += 1
    same = (likert.most_common(1)[0][1] if likert else 0) + (
        positions.most_common(1)[0][1] if positions else 0
    )
    if same / len(given) < SAME_ANSWER_SHARE:
        return None
    return Flag("straight-lining", {"same": same, "answered": len(given)})


def _acquiescence(bank: Bank, form: str, given: Mapping[str, AnswerValue]) -> Flag | None:
    likert = {i: v for i, v in given.items() if isinstance(bank.item(i), LikertItem)}
    reverse = [i for i in likert if _is_reverse(bank, i)]
    forward = [i for i in likert if not _is_reverse(bank, i)]
    if len(reverse) < MIN_REVERSE_ANSWERS or not forward:
        return None
    pair_scores = []
    for item_id in reverse:
        tasks = set(bank.item(item_id).tasks)
        twins = [f for f in forward if tasks & set(bank.item(f).tasks)] or forward
        twin_agreement = sum(_raw(bank, likert[f]) for f in twins) / len(twins)
        pair_scores.append(min(_raw(bank, likert[item_id]), twin_agreement))
    if sum(pair_scores) / len(pair_scores) < ACQUIESCENCE_LEVEL:
        return None
    return Flag("acquiescence", {"reverse_items": tuple(reverse)})


def _is_reverse(bank: Bank, item_id: str) -> bool:
    item = bank.item(item_id)
    return isinstance(item, LikertItem) and item.reverse


def _inconsistent(bank: Bank, form: str, given: Mapping[str, AnswerValue]) -> Flag | None:
    likert = [
        (item, given[item.id])
        for item in bank.form_items(form)
        if isinstance(item, LikertItem) and item.id in given
    ]
    weight = 0.0
    # What disagrees: two Likert items, or a choice against an option the answers favour.
    examples: list[dict[str, str]] = []

    def gap(a: float, b: float, what: dict[str, str]) -> None:
        nonlocal weight
        diff = abs(a - b)
        if diff >= 0.999:
            weight += 1.0
        elif diff >= 0.749:
            weight += 0.5
        else:
            return
        examples.append(what)

    for n, (first, first_value) in enumerate(likert):
        for second, second_value in likert[n + 1 :]:
            if set(first.tasks) & set(second.tasks):
                gap(
                    _keyed(bank, first, first_value),
                    _keyed(bank, second, second_value),
                    {"first": first.id, "second": second.id},
                )

    # A choice against what the Likert answers say about the same tasks.
    task_interest: dict[str, list[float]] = {}
    for item, value in likert:
        for task in item.tasks:
            task_interest.setdefault(task, []).append(_keyed(bank, item, value))

    def interest(tasks: tuple[str, ...]) -> float | None:
        values = [v for t in tasks for v in task_interest.get(t, [])]
        return sum(values) / len(values) if values else None

    for choice in bank.form_items(form):
        if not isinstance(choice, ChoiceItem) or choice.id not in given:
            continue
        chosen = choice.option(str(given[choice.id]))
        assert chosen is not None
        chosen_interest = interest(chosen.tasks)
        if chosen_interest is None:
            continue
        for other in choice.options:
            other_interest = interest(other.tasks)
            if other is chosen or other_interest is None or other_interest <= chosen_interest:
                continue
            gap(
                chosen_interest,
                other_interest,
                {"choice": choice.id, "chosen": chosen.id, "other": other.id},
            )

    if weight < INCONSISTENCY_WEIGHT:
        return None
    return Flag("inconsistent", {"examples": tuple(examples)})
