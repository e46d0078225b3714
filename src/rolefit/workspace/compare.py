"""Two sessions of one client side by side: the fits then and now, the areas of work, and
the answers that changed most. Numbers and ids only; the window puts them into words
with the bank (``Comparison.bank``, the later session's).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rolefit.bank.model import Bank, ChoiceItem, LikertItem
from rolefit.scoring import Result
from rolefit.store import SessionRecord

AnswerValue = int | str


class Change(NamedTuple):
    """One role's fit or one area's interest (0..100) in the earlier and later session."""

    id: str
    before: float | None  # None: not measured then (another bank, or not answered)
    after: float | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


class AnswerChange(NamedTuple):
    """An item answered in both sessions, differently."""

    item: str
    before: AnswerValue
    after: AnswerValue
    # How far apart, 0..1: scale points over the scale's width; 1 for another option.
    distance: float


class Comparison(NamedTuple):
    earlier: SessionRecord
    later: SessionRecord
    bank: Bank  # the later session's, for titles and labels
    recommendation: tuple[str | None, str | None]  # earlier, later
    confidence: tuple[str, str]
    fits: tuple[Change, ...]
    areas: tuple[Change, ...]
    answers: tuple[AnswerChange, ...]  # changed answers, the most changed first
    unchanged: int  # items answered alike in both


def compare(
    first: tuple[SessionRecord, Result, Bank], second: tuple[SessionRecord, Result, Bank]
) -> Comparison:
    """The two sessions compared, the earlier (by start time) first, whatever the order given."""
    if (second[0].started, second[0].id) < (first[0].started, first[0].id):
        first, second = second, first
    (old, old_result, old_bank), (new, new_result, new_bank) = first, second
    fits = _changes((*new_bank.role_ids, *old_bank.role_ids), old_result.fit, new_result.fit)
    areas = _changes(
        (*(d.id for d in new_bank.dimensions), *(d.id for d in old_bank.dimensions)),
        old_result.dimensions,
        new_result.dimensions,
    )
    changed: list[tuple[float, int, AnswerChange]] = []
    unchanged = 0
    for position, item in enumerate(new_bank.items):
        if item.id not in old.answers or item.id not in new.answers:
            continue
        if not old_bank.has_item(item.id) or old_bank.item(item.id).kind != item.kind:
            continue
        before, after = old.answers[item.id], new.answers[item.id]
        distance = _distance(new_bank, item, before, after)
        if distance is None:
            continue
        if distance == 0:
            unchanged += 1
        else:
            changed.append((-distance, position, AnswerChange(item.id, before, after, distance)))
    changed.sort(key=lambda entry: entry[:2])
    return Comparison(
        earlier=old,
        later=new,
        bank=new_bank,
        recommendation=(old_result.recommendation, new_result.recommendation),
        confidence=(old_result.confidence, new_result.confidence),
        fits=fits,
        areas=areas,
        answers=tuple(entry[2] for entry in changed),
        unchanged=unchanged,
    )


def _changes(
    ids: tuple[str, ...],
    before: Mapping[str, float | None],
    after: Mapping[str, float | None],
) -> tuple[Change, ...]:
    seen = dict.fromkeys(ids)  # the later bank's order, then what only the earlier had
    return tuple(Change(i, before.get(i), after.get(i)) for i in seen)


def _distance(
    bank: Bank, item: LikertItem | ChoiceItem, before: AnswerValue, after: AnswerValue
) -> float | None:
    if isinstance(item, ChoiceItem):
        return 0.0 if before == after else 1.0
    if not isinstance(before, int) or not isinstance(after, int):
        return None
    width = bank.scale.max - bank.scale.min
    return abs(after - before) / width if width else 0.0
