"""Answers -> role fits -> a verdict that is earned, with reasons and validity flags.

The method, why it was chosen and a worked example are in docs/scoring.md. In short:

1. Every answer gives each role it concerns a weight and a value from 0 to 1 (weights.py):
   a Likert answer its keyed value, weighted by the share of the item's tasks that belong
   to the role; a forced choice 1 for the role whose option was chosen, less for the others.
2. A role's *fit* is the weighted mean of those values. Every role is scored alike: no role
   gets points for what the others lack, so none is what is left when nothing else fits.
3. A verdict needs the leading fit to be ahead by more than this person's own answers vary
   (verdict.py); otherwise the result says there is no clear preference.
4. Each answer's effect is ``weight x (value - 0.5) / total weight`` fit points: the exact
   difference from a neutral answer. The effects of all answers add up to fit - 50.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rolefit.bank.model import Bank, ChoiceItem, LikertItem
from rolefit.scoring.answers import Answers, AnswerValue
from rolefit.scoring.result import Reason, Result, caps_the_verdict
from rolefit.scoring.validity import answers_needed, check_validity
from rolefit.scoring.verdict import Entry, judge
from rolefit.scoring.weights import NEUTRAL, bank_weights, item_values

REASONS_RAISED = 3
REASONS_LOWERED = 2
# Effects smaller than this many fit points are not worth a sentence.
MIN_REASON_EFFECT = 0.5
NOTE_INTEREST = 0.6
# Below this best level (0..100) the result notes that no role appeals much.
LOW_FIT = 40.0


class ScoringError(Exception):
    """The answers cannot be scored at all (for example, none was given)."""


@dataclass(frozen=True)
class Fits:
    """Everything computed from the answers, on 0..1, roles in bank order."""

    entries: tuple[Entry, ...]
    totals: tuple[float, ...]  # each role's total weight
    fit: tuple[float, ...]
    levels: tuple[float, ...]  # Likert answers only: interest as such, before choices
    likert_totals: tuple[float, ...]


def compute_fits(bank: Bank, given: Mapping[str, AnswerValue | None]) -> Fits:
    """Fits of ``given`` answers, in bank item order; ``None`` is a neutral answer."""
    weights = bank_weights(bank)
    roles = len(bank.role_ids)
    entries = tuple(
        Entry(weights.items[item.id], item_values(bank, weights.items[item.id], given[item.id]))
        for item in bank.items
        if item.id in given
    )
    totals, sums = [0.0] * roles, [0.0] * roles
    likert_totals, likert_sums = [0.0] * roles, [0.0] * roles
    for entry in entries:
        for r, weight in enumerate(entry.weights.weights):
            if weight:
                totals[r] += weight
                sums[r] += weight * entry.values[r]
                if not entry.weights.is_choice:
                    likert_totals[r] += weight
                    likert_sums[r] += weight * entry.values[r]
    return Fits(
        entries,
        tuple(totals),
        tuple(s / t if t else NEUTRAL for s, t in zip(sums, totals, strict=True)),
        tuple(s / t if t else NEUTRAL for s, t in zip(likert_sums, likert_totals, strict=True)),
        tuple(likert_totals),
    )


def score_answers(bank: Bank, answers: Answers) -> Result:
    """Score ``answers`` (already checked against ``bank``) into a ``Result``."""
    form_items = bank.form_items(answers.form)
    given = {i.id: answers.values[i.id] for i in form_items if i.id in answers.values}
    if not given:
        raise ScoringError("there are no answers to score: answer at least one question")

    fits = compute_fits(bank, given)
    roles = bank.role_ids
    fit = {role: round(100 * value, 1) for role, value in zip(roles, fits.fit, strict=True)}
    flags = check_validity(bank, answers.form, given, fits)
    needed = answers_needed(bank, answers.form)
    enough = len(given) >= needed and all(fits.totals)
    serious = caps_the_verdict(flags)
    # A flag, or too few answers to rule out a chance pattern, caps the band at moderate.
    capped = serious or len(given) < bank.scoring.strong_min_answers
    verdict = judge(bank.scoring, fits.entries, fits.totals, fits.fit, capped, enough)
    confidence = verdict.confidence
    ranked = verdict.ranked
    named = confidence != "none"
    interest = task_scores(bank, given)
    return Result(
        bank_id=bank.id,
        bank_version=bank.version,
        form=answers.form,
        recommendation=roles[ranked[0]] if named else None,
        runner_up=roles[ranked[1]] if named and len(ranked) > 1 else None,
        confidence=confidence,
        margin=verdict.margins[0],
        fit=fit,
        levels={role: round(100 * v, 1) for role, v in zip(roles, fits.levels, strict=True)},
        breadth=round(100 * min(fits.levels), 1),
        dimensions=_dimension_scores(bank, interest),
        flags=flags,
        answered=len(given),
        total=len(form_items),
        needed=needed,
        reasons=_reasons(bank, given, fits),
        notes=_notes(bank, given, interest),
        low_interest=100 * max(fits.levels) < LOW_FIT,
        separation=round(min(verdict.separations[0], 99.0), 2),
        spread=round(100 * verdict.yardstick.spread, 1),
    )


def keyed(bank: Bank, item: LikertItem, value: int) -> float:
    """A Likert answer as interest in the item's tasks, 0..1 (reverse items flipped)."""
    return bank.scale.keyed(value, item.reverse)


def answer_effects(bank: Bank, fits: Fits) -> dict[str, list[tuple[float, str]]]:
    """Each answer's effect on each role's fit, in fit points, against a neutral answer.

    Exact, not an approximation: the fit is a weighted mean, so changing one value changes
    it by ``weight x change / total weight``. One pass over the answers, no re-scoring.
    """
    roles = bank.role_ids
    effects: dict[str, list[tuple[float, str]]] = {r: [] for r in roles}
    for entry in fits.entries:
        for r, weight in enumerate(entry.weights.weights):
            if weight and fits.totals[r]:
                delta = 100 * weight * (entry.values[r] - NEUTRAL) / fits.totals[r]
                effects[roles[r]].append((delta, entry.weights.item_id))
    return effects


def _reasons(bank: Bank, given: Mapping[str, AnswerValue], fits: Fits) -> tuple[Reason, ...]:
    """For each role, the answers that moved its fit most against answering neutrally."""
    order = {item.id: n for n, item in enumerate(bank.items)}
    reasons: list[Reason] = []
    for role, found in answer_effects(bank, fits).items():
        shown = [(round(d, 1), i) for d, i in found if abs(round(d, 1)) >= MIN_REASON_EFFECT]
        ranked = sorted(shown, key=lambda e: (-abs(e[0]), order[e[1]]))
        raised = [e for e in ranked if e[0] > 0][:REASONS_RAISED]
        lowered = [e for e in ranked if e[0] < 0][:REASONS_LOWERED]
        for delta, item_id in raised + lowered:
            reasons.append(Reason(role, item_id, delta, given[item_id]))
    return tuple(reasons)


def task_scores(bank: Bank, given: Mapping[str, AnswerValue]) -> dict[str, float]:
    """Mean keyed Likert answer per task, for tasks some answer measures."""
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for item_id, value in given.items():
        item = bank.item(item_id)
        if isinstance(item, LikertItem):
            interest = keyed(bank, item, int(value))
            for task in item.tasks:
                sums[task] = sums.get(task, 0.0) + interest
                counts[task] = counts.get(task, 0) + 1
    return {t.id: sums[t.id] / counts[t.id] for t in bank.tasks if t.id in counts}


def _dimension_scores(bank: Bank, scores: Mapping[str, float]) -> dict[str, float | None]:
    values: dict[str, list[float]] = {d.id: [] for d in bank.dimensions}
    for task in bank.tasks:
        if task.id in scores:
            values[task.dimension].append(scores[task.id])
    return {d: round(100 * sum(v) / len(v), 1) if v else None for d, v in values.items()}


def _notes(
    bank: Bank, given: Mapping[str, AnswerValue], scores: Mapping[str, float]
) -> tuple[str, ...]:
    """Explanations of overlaps between roles that this person's answers touch."""
    chosen_tasks: set[str] = set()
    for item_id, value in given.items():
        item = bank.item(item_id)
        if isinstance(item, ChoiceItem):
            option = item.option(str(value))
            if option:
                chosen_tasks.update(option.tasks)
    shown = []
    for note in bank.notes:
        evidence: Sequence[float] = [scores[t] for t in note.tasks if t in scores]
        evidence = [*evidence, *(1.0 for t in note.tasks if t in chosen_tasks)]
        if evidence and sum(evidence) / len(evidence) >= NOTE_INTEREST:
            shown.append(note.id)
    return tuple(shown)
