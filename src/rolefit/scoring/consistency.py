"""The ``inconsistent`` flag: answers that should agree, and do not.

Answers about different tasks of one role may differ for good reason: people like some
kinds of work more than others, whatever the role (an interest in money work, say, which
the bank splits between operations and business). Only answers about the *same* task must
agree, up to honest error. So the check compares *twins*:

- Likert items about the same task, the forward/reverse pairs included ("enjoy keeping the
  production of goods on schedule" and "dislike working in a place where products are
  made"). A form that asks about too few tasks twice (the short form asks about each task
  once) uses items about the same kind of work (the bank's dimension) of the same role.
- A forced choice against the Likert answers about its options' tasks: choosing the option
  whose task those answers liked less.

The twins' disagreement estimates the person's error. The flag is raised when that error is
beyond a generous honest one (``HONEST_ERROR``, a scale point) by more than chance allows
for this many twins. When the answers about different tasks of a role vary no more than the
twins do, that variation is error too and is pooled with it (more answers, a surer test);
when they vary clearly more, it is taken as real and left out. Someone who answers every
question by one rule, however extreme, has twins that agree and is never flagged.

Each third of the form is also checked on its own, at a stricter bound, for careless
stretches (the end of a long questionnaire answered at random).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rolefit.bank.model import Bank, LikertItem
from rolefit.scoring.answers import AnswerValue
from rolefit.scoring.result import Flag
from rolefit.scoring.verdict import within_role_squares

if TYPE_CHECKING:
    from rolefit.scoring.engine import Fits

# A generous honest error: one scale point (standard deviation) on a 1-5 scale, 0..1 units.
HONEST_ERROR = 0.25
# One-sided bounds: 95 % for the whole form, 99 % for each of its thirds (three more tests).
CHANCE_Z = 1.645
PART_Z = 2.326
PARTS = 3
# Fewer same-task degrees of freedom than this: compare items about the same kind of work.
MIN_TASK_FREEDOM = 4
MIN_LIKERT = 8
MIN_PART_FREEDOM = 2.0
EXAMPLES = 2


@dataclass(frozen=True)
class Evidence:
    """Squared disagreement between twins (0..1 units) and its degrees of freedom."""

    squares: float = 0.0
    freedom: float = 0.0
    # (disagreement, example facts) for the worst twins, largest first
    examples: tuple[tuple[float, Mapping[str, object]], ...] = ()

    def __add__(self, other: Evidence) -> Evidence:
        examples = tuple(sorted(self.examples + other.examples, key=lambda e: -e[0]))
        return Evidence(
            self.squares + other.squares, self.freedom + other.freedom, examples[:EXAMPLES]
        )


@dataclass(frozen=True)
class _Keys:
    """A bank's twin keys, computed once per bank object."""

    order: Mapping[str, int]  # item id -> position in the bank
    task: Mapping[str, tuple[object, ...]]  # Likert item id -> the tasks it asks about
    kind: Mapping[str, tuple[object, ...]]  # Likert item id -> (its roles, its dimensions)
    options: Mapping[str, Mapping[str, tuple[object, ...]]]  # choice -> option -> its tasks


_CACHE: dict[int, tuple[Bank, _Keys]] = {}


def _keys(bank: Bank) -> _Keys:
    cached = _CACHE.get(id(bank))
    if cached is not None and cached[0] is bank:
        return cached[1]
    task: dict[str, tuple[object, ...]] = {}
    kind: dict[str, tuple[object, ...]] = {}
    options: dict[str, dict[str, tuple[object, ...]]] = {}
    for item in bank.items:
        if isinstance(item, LikertItem):
            task[item.id] = tuple(sorted(item.tasks))
            roles = frozenset(r for t in item.tasks for r in bank.task(t).roles)
            kind[item.id] = (roles, frozenset(bank.task(t).dimension for t in item.tasks))
        else:
            options[item.id] = {o.id: tuple(sorted(o.tasks)) for o in item.options}
    keys = _Keys({item.id: n for n, item in enumerate(bank.items)}, task, kind, options)
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(bank)] = (bank, keys)
    return keys


def twin_basis(bank: Bank, answered: Mapping[str, float]) -> str:
    """Which items are twins here, "task" or "kind": see the module's docstring."""
    task = _keys(bank).task
    counts: dict[tuple[object, ...], int] = {}
    for item_id in answered:
        counts[task[item_id]] = counts.get(task[item_id], 0) + 1
    freedom = sum(n - 1 for n in counts.values())
    return "task" if freedom >= MIN_TASK_FREEDOM else "kind"


def likert_twins(
    bank: Bank,
    basis: str,
    keyed: Mapping[str, float],
    given: Mapping[str, AnswerValue],
    among: set[str] | None = None,
) -> Evidence:
    """Disagreement within groups of twin Likert items (``among``: only those items)."""
    keys = _keys(bank)
    key = keys.task if basis == "task" else keys.kind
    groups: dict[tuple[object, ...], list[str]] = {}
    for item_id in keyed:
        if among is None or item_id in among:
            groups.setdefault(key[item_id], []).append(item_id)
    squares = freedom = 0.0
    examples: list[tuple[float, Mapping[str, object]]] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        values = [keyed[i] for i in members]
        mean = sum(values) / len(values)
        squares += sum((v - mean) ** 2 for v in values)
        freedom += len(values) - 1
        low = min(members, key=lambda i: (keyed[i], i))
        high = max(members, key=lambda i: (keyed[i], i))
        apart = keyed[high] - keyed[low]
        if apart >= 0.5:
            first, second = sorted((low, high), key=keys.order.__getitem__)
            examples.append(
                (
                    apart,
                    {
                        "first": first,
                        "first_answer": given[first],
                        "second": second,
                        "second_answer": given[second],
                    },
                )
            )
    examples.sort(key=lambda e: -e[0])
    return Evidence(squares, freedom, tuple(examples[:EXAMPLES]))


def choice_twins(
    bank: Bank,
    keyed: Mapping[str, float],
    given: Mapping[str, AnswerValue],
    among: set[str] | None = None,
) -> Evidence:
    """Choices against the Likert answers about their options' tasks.

    For each other option whose task the Likert answers liked more than the chosen one's,
    the gap squared over its variance for one unit of error (1/n + 1/m for means of n and
    m answers) counts like a twin's squared disagreement, with half a degree of freedom
    (a choice can only disagree one way).
    """
    keys = _keys(bank)
    about: dict[tuple[object, ...], list[str]] = {}
    for item_id in keyed:
        about.setdefault(keys.task[item_id], []).append(item_id)
    squares = freedom = 0.0
    examples: list[tuple[float, Mapping[str, object]]] = []
    for item_id, value in given.items():
        options = keys.options.get(item_id)
        if options is None or (among is not None and item_id not in among):
            continue
        evidence = {}
        for option, tasks in options.items():
            measured = about.get(tasks, [])
            if measured:
                mean = sum(keyed[i] for i in measured) / len(measured)
                evidence[option] = (mean, measured)
        if str(value) not in evidence:
            continue
        chosen, chosen_items = evidence[str(value)]
        for other, (mean, items) in evidence.items():
            if other == str(value):
                continue
            gap = max(0.0, mean - chosen)
            squares += gap * gap / (1 / len(items) + 1 / len(chosen_items))
            freedom += 0.5
            if gap >= 0.5:
                liked = max(items, key=lambda i: (keyed[i], i))
                examples.append(
                    (
                        gap,
                        {
                            "choice": item_id,
                            "chosen": str(value),
                            "other": other,
                            "item": liked,
                            "answer": given[liked],
                        },
                    )
                )
    examples.sort(key=lambda e: -e[0])
    return Evidence(squares, freedom, tuple(examples[:EXAMPLES]))


def check_consistency(
    bank: Bank, form: str, given: Mapping[str, AnswerValue], fits: Fits
) -> Flag | None:
    keyed = {
        e.weights.item_id: e.values[0]
        for e in fits.entries
        if not e.weights.is_choice and e.weights.item_id in given
    }
    if len(keyed) < MIN_LIKERT:
        return None
    basis = twin_basis(bank, keyed)
    likert = likert_twins(bank, basis, keyed, given)
    twins = likert + choice_twins(bank, keyed, given)
    found = _whole_form(twins, likert, fits)
    part: Sequence[str] = ()
    if found is None:
        found, part = _parts(bank, form, basis, keyed, given)
    if found is None:
        return None
    error, limit, examples = found
    facts: dict[str, object] = {
        "spread": round(100 * error, 1),
        "limit": round(100 * limit, 1),
        "basis": basis,
        "examples": examples,
    }
    if part:
        facts["from"], facts["to"] = part[0], part[-1]
    return Flag("inconsistent", facts)


Found = tuple[float, float, tuple[Mapping[str, object], ...]]


def _whole_form(twins: Evidence, likert: Evidence, fits: Fits) -> Found | None:
    """The twins' error, pooled with the within-role variation when that is no larger."""
    if twins.freedom < 1:
        return None
    squares, freedom = twins.squares, twins.freedom
    within, within_freedom = within_role_squares(fits.entries, fits.levels)
    # Within roles = within twin groups + between them (the groups lie within roles).
    rest = max(within - likert.squares, 0.0)
    rest_freedom = within_freedom - likert.freedom
    twin_error = squares / freedom
    if rest_freedom >= 1 and rest / rest_freedom <= twin_error * f_bound(rest_freedom, freedom):
        # No clear sign that the other answers vary for real: their variation is error too.
        # The twins must still show more than honest error on their own.
        if twin_error <= HONEST_ERROR**2:
            return None
        squares, freedom = squares + rest, freedom + rest_freedom
    return _beyond(squares, freedom, CHANCE_Z, twins)


def _parts(
    bank: Bank, form: str, basis: str, keyed: Mapping[str, float], given: Mapping[str, AnswerValue]
) -> tuple[Found | None, Sequence[str]]:
    order = [i for i in bank.forms[form] if i in given]
    cuts = [round(len(order) * k / PARTS) for k in range(PARTS + 1)]
    for start, stop in zip(cuts, cuts[1:], strict=False):
        part = order[start:stop]
        among = set(part)
        twins = likert_twins(bank, basis, keyed, given, among) + choice_twins(
            bank, keyed, given, among
        )
        if twins.freedom >= MIN_PART_FREEDOM:
            found = _beyond(twins.squares, twins.freedom, PART_Z, twins)
            if found is not None:
                return found, part
    return None, ()


def _beyond(squares: float, freedom: float, z: float, twins: Evidence) -> Found | None:
    error = math.sqrt(squares / freedom)
    limit = HONEST_ERROR * math.sqrt(chi_square_bound(freedom, z) / freedom)
    if error <= limit:
        return None
    return error, limit, tuple(facts for _, facts in twins.examples)


def chi_square_bound(freedom: float, z: float) -> float:
    """The one-sided upper ``z`` bound of a chi-square with ``freedom`` degrees of freedom.

    Wilson and Hilferty's cube-root approximation: within 1 % from 3 degrees of freedom.
    """
    ninth = 2 / (9 * freedom)
    return float(freedom * (1 - ninth + z * math.sqrt(ninth)) ** 3)


def f_bound(first: float, second: float, z: float = CHANCE_Z) -> float:
    """The one-sided upper ``z`` bound of an F with (``first``, ``second``) degrees of freedom.

    Paulson's cube-root approximation: solves ((1 - b) x - (1 - a)) / sqrt(a + b x^2) = z
    for x = F^(1/3), with a = 2 / (9 first) and b = 2 / (9 second).
    """
    a, b = 2 / (9 * first), 2 / (9 * second)
    qa = (1 - b) ** 2 - z * z * b
    qb = -2 * (1 - a) * (1 - b)
    qc = (1 - a) ** 2 - z * z * a
    if qa <= 0:
        return math.inf
    root = (-qb + math.sqrt(max(qb * qb - 4 * qa * qc, 0.0))) / (2 * qa)
    return float(root**3)
