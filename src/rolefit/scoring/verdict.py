"""When do the fits earn a verdict? Margins measured against the person's own spread.

A margin between two fits means something only if it is larger than the answers' own
noise could make it. That noise is estimated from this person's answers: how far their
Likert answers about one role's work stray from their typical answer for that role (the
*spread*). The standard error of a difference of two fits follows from the weights
(weights.py): each Likert answer contributes ``spread^2 x (its weight in one fit - its
weight in the other)^2``, each forced choice the variance its contribution would have if
the option were picked at random. Every comparison is judged against one yardstick, the
largest of those standard errors over the pairs of roles.

The verdict names the roles that are not clearly behind: one (a recommendation, strong or
moderate), the two leaders (a close call, when the answers about them, pooled, are clearly
ahead of the third) or none. Built so that more evidence for a role can only help it
(docs/scoring.md, "Monotone"): the spread is a mean *absolute* deviation from each role's
median answer, so one answer can move it only so far, and it is steadied by enough
pseudo-answers that it never grows faster than the margin an answer adds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rolefit.bank.model import ScoringParams
from rolefit.scoring.result import Confidence
from rolefit.scoring.weights import ItemWeights

# The spread is shrunk towards a typical honest spread (a fifth of the scale) by at least
# this many pseudo-answers, so that a few answers that happen to agree cannot claim a
# precise result.
PRIOR_SPREAD = 0.2
PRIOR_ANSWERS = 4.0
# No one answers more precisely than the scale's steps allow.
MIN_SPREAD = 0.1
# For normal errors the mean absolute deviation is sqrt(2 / pi) of the standard deviation.
ABSOLUTE_TO_SD = math.sqrt(math.pi / 2)


@dataclass(frozen=True)
class Entry:
    """One answered item: its weights and what the answer says for each role."""

    weights: ItemWeights
    values: tuple[float, ...]


@dataclass(frozen=True)
class Yardstick:
    """What a margin between two fits is measured against."""

    spread: float  # 0..1, the person's spread
    freedom: float  # degrees of freedom it is estimated with, pseudo-answers included
    error: float  # the standard error of a difference of two fits (the largest pair's)


@dataclass(frozen=True)
class Verdict:
    confidence: Confidence
    ranked: tuple[int, ...]  # role indices, best fit first
    margins: tuple[float, float]  # fit points: first - second, the first two pooled - third
    separations: tuple[float, float]  # the same, as normal z values
    yardstick: Yardstick


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


def absolute_deviations(entries: Sequence[Entry], roles: int) -> tuple[float, float]:
    """(sum of weighted absolute distances of Likert answers from their role's weighted
    median, and the degrees of freedom: each role's total Likert weight less one).

    Against the median, raising one answer by d changes the sum by at most its weight
    times d (the median is where the sum is least, so its own move adds nothing).
    """
    answers: list[list[tuple[float, float]]] = [[] for _ in range(roles)]
    for entry in entries:
        if entry.weights.is_choice:
            continue
        for r, weight in enumerate(entry.weights.weights):
            if weight:
                answers[r].append((entry.values[r], weight))
    deviations = freedom = 0.0
    for found in answers:
        if not found:
            continue
        total = sum(w for _, w in found)
        middle = _weighted_median(found, total)
        deviations += sum(w * abs(v - middle) for v, w in found)
        freedom += max(total - 1.0, 0.0)
    return deviations, freedom


def _weighted_median(found: list[tuple[float, float]], total: float) -> float:
    running = 0.0
    for value, weight in sorted(found):
        running += weight
        if running >= total / 2 - 1e-12:
            return value
    return sorted(found)[-1][0]


def yardstick(
    entries: Sequence[Entry], totals: Sequence[float], params: ScoringParams
) -> Yardstick:
    """The person's spread and the standard error every margin is judged against."""
    roles = len(totals)
    pairs = [(a, b) for a in range(roles) for b in range(a + 1, roles) if totals[a] and totals[b]]
    likert = dict.fromkeys(pairs, 0.0)  # sum of squared weight differences, Likert answers
    choice = dict.fromkeys(pairs, 0.0)  # variance of the choices' part, were they random
    for entry in entries:
        options = entry.weights.option_values
        for a, b in pairs:
            wa = entry.weights.weights[a] / totals[a]
            wb = entry.weights.weights[b] / totals[b]
            if not wa and not wb:
                continue
            if options is None:
                likert[a, b] += (wa - wb) ** 2
            else:
                parts = [wa * v[a] - wb * v[b] for v in options.values()]
                mean = sum(parts) / len(parts)
                choice[a, b] += sum((p - mean) ** 2 for p in parts) / len(parts)
    deviations, freedom = absolute_deviations(entries, roles)
    # Enough pseudo-answers that the spread can never grow faster than the margin an answer
    # adds, at any threshold a margin is tested at (docs/scoring.md, "Monotone").
    steepest = math.sqrt(max(likert.values(), default=0.0))
    largest = max((t for t in totals if t), default=0.0)
    pooled = max((totals[a] + totals[b] for a, b in pairs), default=0.0)
    first = PRIOR_ANSWERS + freedom
    needed = (
        ABSOLUTE_TO_SD
        * steepest
        * max(
            t_needed(params.strong_z, first) * largest, t_needed(params.verdict_z, first) * pooled
        )
    )
    prior = max(PRIOR_ANSWERS, needed - freedom)
    spread = (prior * PRIOR_SPREAD + ABSOLUTE_TO_SD * deviations) / (prior + freedom)
    spread = max(spread, MIN_SPREAD)
    error = max(
        (math.sqrt(choice[p] + likert[p] * spread**2) for p in pairs),
        default=0.0,
    )
    return Yardstick(spread, prior + freedom, error)


def t_needed(z: float, freedom: float) -> float:
    """The t whose normal equivalent (``normal_equivalent``) is ``z``; 0 if none can reach it."""
    shrink = 1 - 1 / (4 * freedom)
    room = shrink**2 - z * z / (2 * freedom)
    return z / math.sqrt(room) if room > 0 else 0.0


def normal_equivalent(t: float, freedom: float) -> float:
    """The normal z with about the same tail probability as Student's t (Wallace, 1959)."""
    return t * (1 - 1 / (4 * freedom)) / math.sqrt(1 + t * t / (2 * freedom))


def judge(
    params: ScoringParams,
    entries: Sequence[Entry],
    totals: Sequence[float],
    fit: Sequence[float],
    capped: bool,
    enough: bool,
) -> Verdict:
    """The band for ``fit`` (0..1 by role index), ranked, with margins and separations.

    strong:   the leader is ahead of the second by strong_z and strong_margin;
    moderate: by verdict_z and moderate_margin;
    close:    the two leaders are not clearly apart, but the answers about them, pooled,
              are ahead of the third by verdict_z and moderate_margin;
    none:     nothing is clearly ahead (or too few answers, or a role with none at all).
    ``capped`` (a validity flag, or fewer answers than strong_min_answers) caps the band
    at moderate.
    """
    stick = yardstick(entries, totals, params)
    ranked = tuple(sorted(range(len(fit)), key=lambda r: (-fit[r], r)))
    gaps = [0.0, 0.0]
    margins = [0.0, 0.0]
    if len(ranked) > 1:
        first, second = ranked[0], ranked[1]
        gaps[0] = fit[first] - fit[second]
        margins[0] = _points(fit[first]) - _points(fit[second])
        if len(ranked) > 2 and totals[first] + totals[second]:
            third = ranked[2]
            pooled = (fit[first] * totals[first] + fit[second] * totals[second]) / (
                totals[first] + totals[second]
            )
            gaps[1] = pooled - fit[third]
            margins[1] = _points(pooled) - _points(fit[third])
    zs = (_separation(gaps[0], stick), _separation(gaps[1], stick))
    rounded = (round(margins[0], 1), round(margins[1], 1))
    confidence: Confidence = "none"
    if not enough:
        pass
    elif rounded[0] >= params.strong_margin and zs[0] >= params.strong_z:
        confidence = "moderate" if capped else "strong"
    elif rounded[0] >= params.moderate_margin and zs[0] >= params.verdict_z:
        confidence = "moderate"
    elif rounded[1] >= params.moderate_margin and zs[1] >= params.verdict_z:
        confidence = "close"
    return Verdict(confidence, ranked, rounded, zs, stick)


def _points(value: float) -> float:
    """A fit on 0..1 as the fit points shown (one decimal)."""
    return round(100 * value, 1)


def _separation(gap: float, stick: Yardstick) -> float:
    if stick.error <= 0.0:
        return math.inf if gap > 1e-12 else 0.0
    return normal_equivalent(gap / stick.error, stick.freedom)
