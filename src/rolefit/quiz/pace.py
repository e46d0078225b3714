"""How long a questionnaire takes: a typical pace before the person's own is known."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rolefit.bank.model import Item

# Seconds a person typically needs per item, before their own pace is known.
SECONDS_PER_LIKERT = 9
SECONDS_PER_CHOICE = 14
# Nobody reads and answers a question in fewer seconds, however fast they click.
MIN_SECONDS_PER_ITEM = 4
# The pace is a person's own only after a few answers.
ANSWERS_FOR_OWN_PACE = 3


def estimated_minutes(items: Iterable[Item]) -> int:
    """How long a set of items takes at a typical pace, in whole minutes (at least 1)."""
    seconds = sum(SECONDS_PER_CHOICE if i.kind == "choice" else SECONDS_PER_LIKERT for i in items)
    return max(1, round(seconds / 60))


class Pace:
    """How fast this person answers, to say how long the rest will take."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._times = [clock()]  # measured from when the quiz is taken up

    def answered(self) -> None:
        self._times.append(self._clock())

    def seconds_left(self, remaining: tuple[Item, ...]) -> float:
        if not remaining:
            return 0.0
        given = len(self._times) - 1
        if given < ANSWERS_FOR_OWN_PACE:
            return float(estimated_minutes(remaining) * 60)
        own = (self._times[-1] - self._times[0]) / given
        return max(MIN_SECONDS_PER_ITEM, own) * len(remaining)
