"""Saving a quiz as it is taken, and carrying on when saving fails.

A new questionnaire is stored from its first answer on: one left before any answer was
given leaves nothing behind to resume.

Every answer is written the moment it is given. If a write fails after start-up (a full
disk, a folder made read-only, a removed memory stick), the quiz keeps every answer in
memory, ``problem`` says what happened in plain words, and each later step tries again:
the first write that succeeds brings the stored session back in line with the answers
given meanwhile. Nothing already given is lost, and the person can finish and save the
answers to a file of their choice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from typing import Any, Protocol

from rolefit.i18n import _
from rolefit.scoring import AnswerValue
from rolefit.store import StoreError


class SessionWriter(Protocol):
    """What a quiz needs of the store (rolefit.store.Store has it)."""

    def save_answer(self, session_id: int, item_id: str, value: AnswerValue | None) -> None: ...

    def save_position(self, session_id: int, position: int) -> None: ...

    def complete(self, session_id: int, record: Mapping[str, Any]) -> None: ...

    def stored_answers(self, session_id: int) -> Mapping[str, AnswerValue]: ...


class Recorder:
    """Writes one session's answers, position and result; never raises for a failed write."""

    def __init__(
        self,
        store: SessionWriter | None,
        session_id: int | None = None,
        start: Callable[[], int] | None = None,
    ) -> None:
        self._store = store
        self.session_id = session_id
        self._start = start
        self.problem: str | None = None
        self._behind = False  # the stored session may lack answers given since a failure
        self._position = 0

    @classmethod
    def in_memory(cls) -> Recorder:
        """A recorder that keeps nothing on disk (nowhere to save, and nothing to say)."""
        return cls(None)

    @contextmanager
    def together(self) -> Iterator[None]:
        """The writes made inside are saved as one (an answer and the move it causes): one
        sync to the disk instead of two. A failure is reported like any other write's."""
        unit = getattr(self._store, "unit_of_work", None)
        if unit is None or self.session_id is None:
            yield
            return
        context = unit()
        try:
            context.__enter__()
        except (StoreError, OSError) as error:  # could not even begin: each write tries alone
            self._failed(error)
            yield
            return
        try:
            yield
        except BaseException:
            context.__exit__(*sys.exc_info())
            raise
        try:
            context.__exit__(None, None, None)
        except (StoreError, OSError) as error:  # the writes made inside are not on the disk
            self._failed(error)

    def answer(
        self, item_id: str, value: AnswerValue | None, answers: Mapping[str, AnswerValue]
    ) -> None:
        def write() -> None:
            assert self._store is not None and self.session_id is not None
            self._store.save_answer(self.session_id, item_id, value)

        self._try(write, answers)

    def position(self, position: int, answers: Mapping[str, AnswerValue]) -> None:
        self._position = position
        if self.session_id is None and not answers:
            return  # nothing answered yet: no questionnaire to keep (it starts with an answer)

        def write() -> None:
            assert self._store is not None and self.session_id is not None
            self._store.save_position(self.session_id, position)

        self._try(write, answers)

    def complete(self, record: Mapping[str, Any], answers: Mapping[str, AnswerValue]) -> None:
        def write() -> None:
            assert self._store is not None and self.session_id is not None
            self._store.complete(self.session_id, record)

        self._try(write, answers)

    def _try(self, write: Callable[[], None], answers: Mapping[str, AnswerValue]) -> None:
        if self._store is None:
            return
        try:
            if self.session_id is None:
                self._start_with(write, answers)
            else:
                if self._behind:
                    self._catch_up(answers)
                    self._behind = False
                write()
        except (StoreError, OSError) as error:
            self._failed(error)
        else:
            self.problem = None

    def _start_with(self, write: Callable[[], None], answers: Mapping[str, AnswerValue]) -> None:
        """Start the session, store the answers so far and ``write``: all in one unit of work
        (where the store has units), so a session is never stored without its first answer."""
        assert self._store is not None and self._start is not None
        unit = getattr(self._store, "unit_of_work", None)
        try:
            with unit() if unit is not None else nullcontext():
                self.session_id = self._start()
                self._catch_up(answers)
                write()
        except BaseException:
            self.session_id = None  # rolled back with the rest: started again next time
            raise
        self._behind = False

    def _failed(self, error: StoreError | OSError) -> None:
        self._behind = True
        self.problem = _(
            "Your answers could not be saved ({reason}). RoleFit keeps them while it is "
            "open and tries again with each answer; to be safe, save them to a file with "
            "File > Save answers\u2026"
        ).format(reason=_reason(error))

    def _catch_up(self, answers: Mapping[str, AnswerValue]) -> None:
        """Make the stored session hold exactly ``answers``, after writes that failed."""
        assert self._store is not None and self.session_id is not None
        stored = self._store.stored_answers(self.session_id)
        for item_id in stored.keys() - answers.keys():
            self._store.save_answer(self.session_id, item_id, None)
        for item_id, value in answers.items():
            if stored.get(item_id) != value:
                self._store.save_answer(self.session_id, item_id, value)
        self._store.save_position(self.session_id, self._position)


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
