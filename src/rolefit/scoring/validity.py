"""Validity flags: reasons to doubt that the answers describe the person.

Each check is calibrated against the person's own answers, so that an honest respondent,
even a noisy or an extreme one, is rarely flagged (docs/validity.md has the rates). A flag
carries its code and the facts behind it; ``rolefit.wording`` says what happened and what
to do. The ``inconsistent`` check is in consistency.py.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rolefit.bank.model import Bank, ChoiceItem
from rolefit.scoring.answers import AnswerValue
from rolefit.scoring.consistency import PARTS, check_consistency
from rolefit.scoring.result import Flag

if TYPE_CHECKING:
    from rolefit.scoring.engine import Fits

# straight-lining: share of answers that are the same (Likert value or option position)
SAME_ANSWER_SHARE = 0.85
MIN_ANSWERS_FOR_PATTERN = 6
# acquiescence: mean agreement with reverse items *and* with forward items of the same role
ACQUIESCENCE_LEVEL = 0.625
MIN_REVERSE_ANSWERS = 2


def check_validity(
    bank: Bank, form: str, given: Mapping[str, AnswerValue], fits: Fits
) -> tuple[Flag, ...]:
    flags = []
    for flag in (
        _incomplete(bank, form, given, fits),
        straight_lining(bank, form, given),
        _acquiescence(fits),
        check_consistency(bank, form, given, fits),
    ):
        if flag is not None:
            flags.append(flag)
    return tuple(flags)


def answers_needed(bank: Bank, form: str) -> int:
    """How many answers a form needs before its result is not flagged incomplete."""
    # round() first so that 0.7 * 10 does not become 8 through 7.000000000000001
    return math.ceil(round(bank.scoring.min_answered * len(bank.forms[form]), 9))


def _incomplete(bank: Bank, form: str, given: Mapping[str, AnswerValue], fits: Fits) -> Flag | None:
    total = len(bank.forms[form])
    needed = answers_needed(bank, form)
    missing = tuple(r for r, t in zip(bank.role_ids, fits.totals, strict=True) if not t)
    if len(given) >= needed and not missing:
        return None
    return Flag(
        "incomplete",
        {"answered": len(given), "total": total, "needed": needed, "missing_roles": missing},
    )


def straight_lining(bank: Bank, form: str, given: Mapping[str, AnswerValue]) -> Flag | None:
    """Answering by a fixed value or position rather than by what is asked.

    Any of: SAME_ANSWER_SHARE of all answers the same (a Likert value, or the option in one
    position); that share of the Likert answers the same value other than the scale's
    middle, which no consistent answerer gives, since the bank asks about some work the
    other way round ("how much would you dislike ..."); or a third of the form answered all
    alike (the same Likert value and the choices, if any, in one position), unless that
    value is the middle and fewer than six choices share the position: three choices in one
    position is what anyone who picks one option of each role may give, since the bank
    balances positions as a Latin square. Straight answers in the middle, "somewhat"
    to everything, are flagged only over the whole form: someone can honestly feel that.
    """
    order = [i for i in bank.forms[form] if i in given]
    if len(order) < MIN_ANSWERS_FOR_PATTERN:
        return None
    likert, positions = _alike(bank, order, given)
    same = _most(likert) + _most(positions)
    if same / len(order) >= SAME_ANSWER_SHARE:
        return Flag("straight-lining", {"same": same, "answered": len(order)})
    middle = bank.scale.midpoint
    count = sum(likert.values())
    if count >= MIN_ANSWERS_FOR_PATTERN:
        value, times = likert.most_common(1)[0]
        if value != middle and times / count >= SAME_ANSWER_SHARE:
            return Flag(
                "straight-lining",
                {"same": times, "answered": count, "kind": "likert", "value": value},
            )
    cuts = [round(len(order) * k / PARTS) for k in range(PARTS + 1)]
    for start, stop in zip(cuts, cuts[1:], strict=False):
        part = order[start:stop]
        if len(part) < MIN_ANSWERS_FOR_PATTERN:
            continue
        likert, positions = _alike(bank, part, given)
        if _most(likert) + _most(positions) < len(part):
            continue
        if likert and next(iter(likert)) == middle and _most(positions) < MIN_ANSWERS_FOR_PATTERN:
            continue
        return Flag(
            "straight-lining",
            {
                "same": len(part),
                "answered": len(part),
                "kind": "stretch",
                "from": part[0],
                "to": part[-1],
            },
        )
    return None


def _alike(
    bank: Bank, order: Sequence[str], given: Mapping[str, AnswerValue]
) -> tuple[Counter[int], Counter[str]]:
    """Likert answers by value, choices by position ("1", "2", ... and "last")."""
    likert: Counter[int] = Counter()
    positions: Counter[str] = Counter()
    last = 0
    for item_id in order:
        item = bank.item(item_id)
        if isinstance(item, ChoiceItem):
            index = [o.id for o in item.options].index(str(given[item_id]))
            positions[str(index + 1)] += 1
            last += index == len(item.options) - 1
        else:
            likert[int(given[item_id])] += 1
    if last > _most(positions):
        positions = Counter({"last": last})
    return likert, positions


def _most(counts: Counter[int] | Counter[str]) -> int:
    return max(counts.values(), default=0)


def _acquiescence(fits: Fits) -> Flag | None:
    """Agreeing with reverse-keyed items *and* with forward items about the same role.

    Someone who dislikes everything agrees with the reverse items but not the forward
    ones, and someone who likes everything the other way round: neither is flagged.
    A reverse item's "twins" are the forward items of its roles (each role's mean
    agreement, averaged over the item's roles), computed in one pass.
    """
    roles = len(fits.levels)
    forward_sum, forward_count = [0.0] * roles, [0] * roles
    reverse: list[tuple[str, float, list[int]]] = []
    everything = []
    for entry in fits.entries:
        if entry.weights.is_choice:
            continue
        concerned = [r for r, w in enumerate(entry.weights.weights) if w]
        if entry.weights.reverse:
            # The keyed value of a reverse item is 1 - its agreement as worded.
            reverse.append((entry.weights.item_id, 1.0 - entry.values[0], concerned))
            continue
        everything.append(entry.values[0])
        for r in concerned:
            forward_sum[r] += entry.values[0]
            forward_count[r] += 1
    if len(reverse) < MIN_REVERSE_ANSWERS or not everything:
        return None
    overall = sum(everything) / len(everything)
    scores = []
    for _item, agreement, concerned in reverse:
        means = [forward_sum[r] / forward_count[r] for r in concerned if forward_count[r]]
        twin_agreement = sum(means) / len(means) if means else overall
        scores.append(min(agreement, twin_agreement))
    if sum(scores) / len(scores) < ACQUIESCENCE_LEVEL:
        return None
    return Flag("acquiescence", {"reverse_items": tuple(i for i, _, _ in reverse)})
