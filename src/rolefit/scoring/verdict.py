"""When do the fits earn a verdict? Margins measured against the person's own spread.

A margin between two fits means something only if it is larger than the answers' own
noise could make it. That noise is estimated from this person's answers: how far their
Likert answers about one role's work stray from their mean for that role (the *spread*).
The standard error of a difference of two fits follows from the weights (weights.py): each
Likert answer contributes ``spread^2 x (its weight in one fit - its weight in the other)^2``,
each forced choice the variance its contribution would have if the option were picked at
random. ``separation`` is the margin divided by that standard error (a z value).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rolefit.bank.model import ScoringParams
from rolefit.scoring.result import Confidence
from rolefit.scoring.weights import ItemWeights

# The spread is shrunk towards a typical honest spread (a fifth of the scale) by this many
# pseudo-answers, so that a few answers that happen to agree cannot claim a precise result.
PRIOR_SPREAD = 0.2
PRIOR_ANSWERS = 4.0
# No one answers more precisely than the scale's steps allow.
MIN_SPREAD = 0.1


@dataclass(frozen=True)
class Entry:
    """One answered item: its weights and what the answer says for each role."""

    weights: ItemWeights
    values: tuple[float, ...]


@dataclass(frozen=True)
class Spread:
    value: float  # 0..1
    freedom: float  # degrees of freedom it is estimated with, pseudo-answers included


def within_role_squares(entries: Sequence[Entry], levels: Sequence[float]) -> tuple[float, float]:
    """(sum of weighted squared distances of Likert answers from their role's level, and
    the degrees of freedom: each role's total Likert weight less one)."""
    squares = 0.0
    total = [0.0] * len(levels)
    for entry in entries:
        if entry.weights.is_choice:
            continue
        for r, weight in enumerate(entry.weights.weights):
            if weight:
                squares += weight * (entry.values[r] - levels[r]) ** 2
                total[r] += weight
    return squares, sum(max(t - 1.0, 0.0) for t in total)


def person_spread(entries: Sequence[Entry], levels: Sequence[float]) -> Spread:
    """How far Likert answers stray from the person's mean for the role they concern (0..1)."""
    squares, freedom = within_role_squares(entries, levels)
    variance = (PRIOR_ANSWERS * PRIOR_SPREAD**2 + squares) / (PRIOR_ANSWERS + freedom)
    return Spread(max(math.sqrt(variance), MIN_SPREAD), PRIOR_ANSWERS + freedom)


def separation(
    entries: Sequence[Entry], totals: Sequence[float], spread: Spread, first: int, second: int
) -> float:
    """The margin between two fits (by role index) as a normal z; inf if exact.

    The margin over its standard error is a t statistic, since the spread is estimated
    from the person's own answers; it is turned into the normal z of the same tail
    probability, so that a short form's few answers claim less than a full form's.
    """
    if not totals[first] or not totals[second]:
        return 0.0
    difference = 0.0
    variance = 0.0
    for entry in entries:
        w1 = entry.weights.weights[first] / totals[first]
        w2 = entry.weights.weights[second] / totals[second]
        if not w1 and not w2:
            continue
        difference += w1 * entry.values[first] - w2 * entry.values[second]
        options = entry.weights.option_values
        if options is None:
            variance += spread.value**2 * (w1 - w2) ** 2
        else:
            # The variance of this choice's part of the difference, were it picked at random.
            parts = [w1 * v[first] - w2 * v[second] for v in options.values()]
            mean = sum(parts) / len(parts)
            variance += sum((p - mean) ** 2 for p in parts) / len(parts)
    if variance <= 0.0:
        return math.inf if abs(difference) > 1e-12 else 0.0
    return normal_equivalent(difference / math.sqrt(variance), spread.freedom)


def normal_equivalent(t: float, freedom: float) -> float:
    """The normal z with about the same tail probability as Student's t (Wallace, 1959)."""
    return t * (1 - 1 / (4 * freedom)) / math.sqrt(1 + t * t / (2 * freedom))


def confidence_band(
    params: ScoringParams,
    margins: tuple[float, float],
    separations: tuple[float, float],
    flagged: bool,
    enough: bool,
) -> Confidence:
    """The band for fits ranked 1-2-3: ``margins`` and ``separations`` of 1-2 and 2-3.

    strong:   the leader is ahead by strong_z standard errors and strong_margin points;
    moderate: by verdict_z and moderate_margin;
    close:    the two leaders are level, but both are clearly ahead of the third;
    none:     nothing is clearly ahead (or too few answers, or a role with none at all).
    A validity flag caps the band at moderate.
    """
    if not enough:
        return "none"
    (top, low), (top_z, low_z) = margins, separations
    if top >= params.strong_margin and top_z >= params.strong_z:
        return "moderate" if flagged else "strong"
    if top >= params.moderate_margin and top_z >= params.verdict_z:
        return "moderate"
    if low >= params.moderate_margin and low_z >= params.verdict_z:
        return "close"
    return "none"
