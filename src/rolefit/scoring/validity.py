"""Validity flags: reasons to doubt that the answers describe the person.

Each check is calibrated against the person's own answers, so that an honest respondent,
even a noisy or an extreme one, is rarely flagged (docs/validity.md has the rates). A flag
carries its code and the facts behind it; ``rolefit.wording`` says what happened and what
to do.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rolefit.bank.model import Bank, ChoiceItem
from rolefit.scoring.answers import AnswerValue
from rolefit.scoring.result import Flag
from rolefit.scoring.verdict import within_role_squares

if TYPE_CHECKING:
    from rolefit.scoring.engine import Fits

# straight-lining: share of answers that are the same (Likert value or option position)
SAME_ANSWER_SHARE = 0.85
MIN_ANSWERS_FOR_PATTERN = 6
# acquiescence: mean agreement with reverse items *and* with forward items of the same role
ACQUIESCENCE_LEVEL = 0.625
MIN_REVERSE_ANSWERS = 2
# inconsistency: answers about one role's work that stray from the person's own mean for
# that role more than an honest, if noisy, respondent's would. HONEST_SPREAD is a generous
# honest spread (a quarter of the scale: about one scale point of error on a 1-5 scale, as
# well as liking some of a role's tasks more than others); the flag is raised when the
# person's spread is above it beyond what chance allows for this many answers (a
# one-sided 95 % chi-square bound), *and* most of their answers' variation lies within
# roles rather than between them, so that someone who uses the whole scale consistently
# (an extreme responder with clear preferences) is not flagged.
HONEST_SPREAD = 0.25
CHANCE_Z = 1.645
WITHIN_SHARE = 0.7
MIN_LIKERT_FOR_SPREAD = 8
EXAMPLES = 2


def check_validity(
    bank: Bank, form: str, given: Mapping[str, AnswerValue], fits: Fits
) -> tuple[Flag, ...]:
    flags = []
    for flag in (
        _incomplete(bank, form, given, fits),
        _straight_lining(bank, given),
        _acquiescence(fits),
        _inconsistent(bank, fits),
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


def _straight_lining(bank: Bank, given: Mapping[str, AnswerValue]) -> Flag | None:
    if len(given) < MIN_ANSWERS_FOR_PATTERN:
        return None
    likert: Counter[int] = Counter()
    positions: Counter[int] = Counter()
    for item_id, value in given.items():
        item = bank.item(item_id)
        if isinstance(item, ChoiceItem):
            positions[[o.id for o in item.options].index(str(value))] += 1
        else:
            likert[int(value)] += 1
    same = (likert.most_common(1)[0][1] if likert else 0) + (
        positions.most_common(1)[0][1] if positions else 0
    )
    if same / len(given) < SAME_ANSWER_SHARE:
        return None
    return Flag("straight-lining", {"same": same, "answered": len(given)})


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


def spread_check(fits: Fits) -> tuple[float, float, float] | None:
    """(spread, its limit, within-role share of variance) of the Likert answers, or None.

    The spread is the one the verdict uses (verdict.within_role_squares), without the
    pseudo-answers that steady it there: here the answers must speak for themselves.
    """
    squares, freedom = within_role_squares(fits.entries, fits.levels)
    keyed = [e.values[0] for e in fits.entries if not e.weights.is_choice]
    if len(keyed) < MIN_LIKERT_FOR_SPREAD or freedom < 2:
        return None
    within = squares / freedom
    mean = sum(keyed) / len(keyed)
    overall = sum((k - mean) ** 2 for k in keyed) / (len(keyed) - 1)
    limit = HONEST_SPREAD**2 * _chi_square_bound(freedom) / freedom
    share = within / overall if overall > 0 else 1.0
    return math.sqrt(within), math.sqrt(limit), share


def _chi_square_bound(freedom: float) -> float:
    """The one-sided upper CHANCE_Z bound of a chi-square with ``freedom`` degrees of freedom.

    Wilson and Hilferty's cube-root approximation: within 1 % from 3 degrees of freedom.
    """
    ninth = 2 / (9 * freedom)
    return float(freedom * (1 - ninth + CHANCE_Z * math.sqrt(ninth)) ** 3)


def _inconsistent(bank: Bank, fits: Fits) -> Flag | None:
    checked = spread_check(fits)
    if checked is None:
        return None
    spread, limit, share = checked
    if spread <= limit or share < WITHIN_SHARE:
        return None
    return Flag(
        "inconsistent",
        {
            "spread": round(100 * spread, 1),
            "limit": round(100 * limit, 1),
            "examples": _far_apart(bank, fits),
        },
    )


def _far_apart(bank: Bank, fits: Fits) -> tuple[dict[str, str], ...]:
    """For the roles whose answers differ most, the two answers furthest apart."""
    by_role: dict[int, list[tuple[float, str]]] = {}
    for entry in fits.entries:
        weights = entry.weights.weights
        if entry.weights.is_choice or sum(1 for w in weights if w) != 1:
            continue
        role = next(r for r, w in enumerate(weights) if w)
        by_role.setdefault(role, []).append((entry.values[0], entry.weights.item_id))
    pairs = []
    for answers in by_role.values():
        low, high = min(answers), max(answers)
        if high[0] - low[0] >= 0.5:
            pairs.append((high[0] - low[0], {"first": high[1], "second": low[1]}))
    pairs.sort(key=lambda p: -p[0])
    return tuple(p for _, p in pairs[:EXAMPLES])
