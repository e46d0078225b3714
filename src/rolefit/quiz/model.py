"""The questionnaire as a model: the current item, back, skip, jump, the answers, the pace,
resume and submit (no Qt).

The window's controllers only connect widgets to a ``Quiz``; everything that decides what
comes next is here, and tested without a window. Each navigation returns the ``Step`` to
show next. Answers are recorded through a ``Recorder`` (rolefit.quiz.recorder), which
keeps them when the disk fails and says so in ``save_problem``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Literal, NamedTuple, Protocol

from rolefit.bank.model import Bank, Item
from rolefit.quiz.pace import Pace
from rolefit.quiz.recorder import Recorder, SessionWriter
from rolefit.scoring import (
    Answers,
    AnswersError,
    AnswerValue,
    Result,
    make_answers,
    score_answers,
)
from rolefit.scoring.validity import answers_needed

Step = Literal["question", "review"]


class StoredSession(Protocol):
    """What resuming needs of a stored session (rolefit.store's records have it)."""

    @property
    def id(self) -> int: ...
    @property
    def form(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def position(self) -> int: ...
    @property
    def answers(self) -> Mapping[str, AnswerValue]: ...


class SessionStore(SessionWriter, Protocol):
    def start_session(self, form: str, bank: Bank, *, name: str = "") -> int: ...


class ResumeError(Exception):
    """A stored questionnaire does not fit the bank: ``reason`` is "form" or "answers"."""

    def __init__(self, reason: Literal["form", "answers"], problems: list[str]) -> None:
        super().__init__(reason, problems)
        self.reason = reason
        self.problems = problems


class ReviewRow(NamedTuple):
    number: int  # 1-based, as the counter shows it
    item: Item
    answer: AnswerValue | None


class Quiz:
    """One person taking one form of one bank."""

    def __init__(
        self,
        bank: Bank,
        form: str,
        recorder: Recorder,
        *,
        name: str = "",
        answers: Mapping[str, AnswerValue] | None = None,
        position: int = 0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if form not in bank.forms:
            raise ValueError(f"bank {bank.id!r} has no form {form!r}")
        self.bank = bank
        self.form = form
        self.name = name
        self.items: tuple[Item, ...] = bank.form_items(form)
        self.recorder = recorder
        self._answers: dict[str, AnswerValue] = dict(answers or {})
        self.position = max(0, min(position, len(self.items) - 1))
        self.step: Step = "question"
        self.result: Result | None = None
        # Opened from the review to change one answer: answering returns to the review.
        self._back_to_review = False
        self._pace = Pace(clock)

    @classmethod
    def start(
        cls,
        bank: Bank,
        form: str,
        store: SessionStore | None,
        *,
        name: str = "",
        clock: Callable[[], float] = time.monotonic,
    ) -> Quiz:
        """A new questionnaire, saved in ``store`` from its first answer on."""

        def begin() -> int:
            assert store is not None
            return store.start_session(form, bank, name=name)

        recorder = Recorder(store, start=begin) if store is not None else Recorder.in_memory()
        return cls(bank, form, recorder, name=name, clock=clock)

    @classmethod
    def resume(
        cls,
        bank: Bank,
        session: StoredSession,
        store: SessionStore,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> Quiz:
        """Take a stored questionnaire up where it was left; ``ResumeError`` if it cannot be."""
        if session.form not in bank.forms:
            raise ResumeError("form", [session.form])
        try:
            answers = make_answers(bank, session.answers, session.form)
        except AnswersError as error:
            raise ResumeError("answers", error.problems) from None
        return cls(
            bank,
            session.form,
            Recorder(store, session.id),
            name=session.name,
            answers=answers.values,
            position=session.position,
            clock=clock,
        )

    # -- what is shown ----------------------------------------------------------------------

    @property
    def session_id(self) -> int | None:
        return self.recorder.session_id

    @property
    def save_problem(self) -> str | None:
        """Why the answers could not be saved, in plain words; None while they are safe."""
        return self.recorder.problem

    @property
    def current(self) -> Item:
        return self.items[self.position]

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def can_go_back(self) -> bool:
        return self.position > 0

    @property
    def is_last(self) -> bool:
        return self.position == len(self.items) - 1

    @property
    def answers(self) -> Mapping[str, AnswerValue]:
        return dict(self._answers)

    def answer_of(self, item_id: str) -> AnswerValue | None:
        return self._answers.get(item_id)

    @property
    def answered_count(self) -> int:
        return sum(1 for item in self.items if item.id in self._answers)

    @property
    def needed(self) -> int:
        """Answers needed for a result that is more than a first look."""
        return answers_needed(self.bank, self.form)

    def review_rows(self) -> tuple[ReviewRow, ...]:
        return tuple(
            ReviewRow(n, item, self._answers.get(item.id))
            for n, item in enumerate(self.items, start=1)
        )

    def seconds_left(self) -> float:
        remaining = tuple(i for i in self.items[self.position :] if i.id not in self._answers)
        return self._pace.seconds_left(remaining)

    # -- moving -------------------------------------------------------------------------------

    def answer(self, value: AnswerValue) -> Step:
        """Answer the current item (kept at once, and saved) and move on."""
        item = self.current
        checked = make_answers(self.bank, {**self._answers, item.id: value}, self.form)
        self._answers[item.id] = checked.values[item.id]
        with self.recorder.together():  # the answer and the move: one write to the disk
            self.recorder.answer(item.id, self._answers[item.id], self._answers)
            step = self._advance()
        self._pace.answered()
        return step

    def clear(self) -> Step:
        """Take back the current item's answer and stay on it."""
        if self._answers.pop(self.current.id, None) is not None:
            self.recorder.answer(self.current.id, None, self._answers)
        return self._go(self.position)

    def skip(self) -> Step:
        return self._advance()

    def next(self) -> Step:
        return self._advance()

    def back(self) -> Step:
        return self._go(self.position - 1) if self.position > 0 else self._go(self.position)

    def jump(self, position: int, *, from_review: bool = False) -> Step:
        """Show the item at ``position``; from the review, answering it returns there."""
        step = self._go(position)
        self._back_to_review = from_review
        return step

    def review(self) -> Step:
        self._back_to_review = False
        self.step = "review"
        return self.step

    def back_from_review(self) -> Step:
        return self._go(self.position)

    def _advance(self) -> Step:
        if self._back_to_review:
            self.recorder.position(self.position, self._answers)
            return self.review()
        if self.is_last:
            self.recorder.position(self.position, self._answers)
            return self.review()
        return self._go(self.position + 1)

    def _go(self, position: int) -> Step:
        self._back_to_review = False
        self.position = max(0, min(position, len(self.items) - 1))
        self.recorder.position(self.position, self._answers)
        self.step = "question"
        return self.step

    # -- the result --------------------------------------------------------------------------

    def current_answers(self) -> Answers:
        return make_answers(self.bank, self._answers, self.form)

    def submit(self) -> Result:
        """Score the answers and keep the result; raises ``ScoringError`` if there are none."""
        result = score_answers(self.bank, self.current_answers())
        self.result = result
        self.recorder.complete(result.to_record(), self._answers)
        return result
