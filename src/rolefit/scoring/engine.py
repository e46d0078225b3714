"""Answers -> task scores -> role levels -> role fits -> recommendation, reasons and flags.

The method, why it was chosen and a worked example are in docs/scoring.md. In short:

1. Each Likert answer is keyed to 0..1 (reverse items as min+max-x) and averaged per task.
2. A role's *level* is the mean of its tasks' scores, each task weighted 1/k when k roles
   share it, so shared tasks (budgets, targets) do not drown what tells roles apart.
3. Forced choices are ipsative: they say what you prefer, not how much you like anything.
   They only *shift* levels, a share of the way towards 1 for roles you chose and towards 0
   for those you passed over.
4. A specialist role's fit is its level, less a penalty for liking another specialist's
   work as much (a specialist role rewards focus). A generalist role's fit blends its own
   level with *breadth*, the lowest of all role levels: it needs interest everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rolefit.bank.model import Bank, ChoiceItem, LikertItem, role_mix, task_role_weight
from rolefit.scoring.answers import Answers, AnswerValue
from rolefit.scoring.result import Confidence, Reason, Result
from rolefit.scoring.validity import answers_needed, check_validity

# A level with no evidence at all sits in the middle of the scale.
NEUTRAL = 0.5
# Pseudo-count that shrinks the choice preference towards zero when few choices were made.
CHOICE_PRIOR = 1.0
REASONS_RAISED = 3
REASONS_LOWERED = 2
# Effects smaller than this many fit points are not worth a sentence.
MIN_REASON_EFFECT = 0.5
NOTE_INTEREST = 0.6
# Below this best fit (0..100) the result notes that no role appeals much.
LOW_FIT = 40.0


class ScoringError(Exception):
    """The answers cannot be scored at all (for example, none was given)."""


@dataclass(frozen=True)
class _Scores:
    """Intermediate quantities, all on 0..1."""

    task: dict[str, float]
    levels: dict[str, float]
    breadth: float
    fit: dict[str, float]


def score_answers(bank: Bank, answers: Answers) -> Result:
    """Score ``answers`` (already checked against ``bank``) into a ``Result``."""
    form_items = bank.form_items(answers.form)
    given = {i.id: answers.values[i.id] for i in form_items if i.id in answers.values}
    if not given:
        raise ScoringError("there are no answers to score: answer at least one question")

    scores = _score(bank, given)
    fit = {role: round(100 * value, 1) for role, value in scores.fit.items()}
    ranked = sorted(bank.role_ids, key=lambda r: (-fit[r], bank.role_ids.index(r)))
    top, second = ranked[0], ranked[1]
    margin = round(fit[top] - fit[second], 1)

    flags = check_validity(bank, answers.form, given)
    confidence: Confidence
    if margin >= bank.scoring.strong_margin:
        confidence = "strong"
    elif margin >= bank.scoring.moderate_margin:
        confidence = "moderate"
    else:
        confidence = "close"
    if flags and confidence == "strong":
        # A flagged result keeps its numbers but does not claim strength it has not earned.
        confidence = "moderate"

    return Result(
        bank_id=bank.id,
        bank_version=bank.version,
        form=answers.form,
        recommendation=top,
        runner_up=second,
        confidence=confidence,
        margin=margin,
        fit=fit,
        levels={role: round(100 * v, 1) for role, v in scores.levels.items()},
        breadth=round(100 * scores.breadth, 1),
        dimensions=_dimension_scores(bank, scores.task),
        flags=flags,
        answered=len(given),
        total=len(form_items),
        needed=answers_needed(bank, answers.form),
        reasons=_reasons(bank, given, scores),
        notes=_notes(bank, given, scores.task),
        low_interest=fit[top] < LOW_FIT,
    )


def keyed(bank: Bank, item: LikertItem, value: int) -> float:
    """A Likert answer as interest in the item's tasks, 0..1 (reverse items flipped)."""
    return bank.scale.keyed(value, item.reverse)


def _score(bank: Bank, given: Mapping[str, AnswerValue | None]) -> _Scores:
    """Everything from the answers to the fits. ``None`` marks an answer set to neutral."""
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    gain = dict.fromkeys(bank.role_ids, 0.0)
    capacity = dict.fromkeys(bank.role_ids, 0.0)
    for item_id, value in given.items():
        item = bank.item(item_id)
        if isinstance(item, LikertItem):
            interest = NEUTRAL if value is None else keyed(bank, item, int(value))
            for task in item.tasks:
                sums[task] = sums.get(task, 0.0) + interest
                counts[task] = counts.get(task, 0) + 1
        else:
            mixes = [role_mix((bank.task(t) for t in o.tasks), bank.role_ids) for o in item.options]
            for role in bank.role_ids:
                shares = [m[role] for m in mixes]
                mean = sum(shares) / len(shares)
                capacity[role] += max(shares) - mean
                if value is not None:
                    chosen = next(
                        m for o, m in zip(item.options, mixes, strict=True) if o.id == value
                    )
                    gain[role] += chosen[role] - mean
    # Iterate in bank order so float sums never depend on the order answers were given.
    task_scores = {t.id: sums[t.id] / counts[t.id] for t in bank.tasks if t.id in counts}

    params = bank.scoring
    levels: dict[str, float] = {}
    for role_id in bank.role_ids:
        weighted = total = 0.0
        for bank_task in bank.tasks:
            weight = task_role_weight(bank_task, role_id)
            if weight and bank_task.id in task_scores:
                weighted += weight * task_scores[bank_task.id]
                total += weight
        base = weighted / total if total else NEUTRAL
        levels[role_id] = shift_by_choices(
            base, gain[role_id] / (capacity[role_id] + CHOICE_PRIOR), params.choice_weight
        )

    breadth = min(levels.values())
    specialists = [r.id for r in bank.roles if r.profile == "specialist"]
    fit: dict[str, float] = {}
    for bank_role in bank.roles:
        level = levels[bank_role.id]
        if bank_role.profile == "generalist":
            fit[bank_role.id] = (
                1 - params.breadth_weight
            ) * level + params.breadth_weight * breadth
        else:
            overlap = max(
                (min(level, levels[other]) for other in specialists if other != bank_role.id),
                default=0.0,
            )
            fit[bank_role.id] = level - params.focus_penalty * overlap
    return _Scores(task_scores, levels, breadth, fit)


def shift_by_choices(base: float, preference: float, weight: float) -> float:
    """Move a Likert level towards 1 (preference > 0) or 0 (< 0) by a share of the way left.

    Moving a share of the remaining distance, rather than adding and clipping, keeps the
    level inside 0..1 without saturating, so every Likert answer still counts at the top.
    """
    share = weight * preference
    return base + share * (1.0 - base) if share >= 0 else base + share * base


def _dimension_scores(bank: Bank, task_scores: Mapping[str, float]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for dim in bank.dimensions:
        values = [
            task_scores[t.id] for t in bank.tasks if t.dimension == dim.id and t.id in task_scores
        ]
        out[dim.id] = round(100 * sum(values) / len(values), 1) if values else None
    return out


def _reasons(bank: Bank, given: Mapping[str, AnswerValue], scores: _Scores) -> tuple[Reason, ...]:
    """For each role, the answers that moved its fit most against answering neutrally."""
    effects: dict[str, list[tuple[float, str]]] = {r: [] for r in bank.role_ids}
    for item_id in given:
        neutral = dict(given)
        neutral[item_id] = None  # type: ignore[assignment]
        fit_without = _score(bank, neutral).fit
        for role in bank.role_ids:
            delta = round(100 * (scores.fit[role] - fit_without[role]), 1)
            if abs(delta) >= MIN_REASON_EFFECT:
                effects[role].append((delta, item_id))
    reasons: list[Reason] = []
    order = {item.id: n for n, item in enumerate(bank.items)}
    for role in bank.role_ids:
        ranked = sorted(effects[role], key=lambda e: (-abs(e[0]), order[e[1]]))
        raised = [e for e in ranked if e[0] > 0][:REASONS_RAISED]
        lowered = [e for e in ranked if e[0] < 0][:REASONS_LOWERED]
        for delta, item_id in raised + lowered:
            reasons.append(Reason(role, item_id, delta, given[item_id]))
    return tuple(reasons)


def _notes(
    bank: Bank, given: Mapping[str, AnswerValue], task_scores: Mapping[str, float]
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
        evidence = [task_scores[t] for t in note.tasks if t in task_scores]
        evidence += [1.0 for t in note.tasks if t in chosen_tasks]
        if evidence and sum(evidence) / len(evidence) >= NOTE_INTEREST:
            shown.append(note.id)
    return tuple(shown)
