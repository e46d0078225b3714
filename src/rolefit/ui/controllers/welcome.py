"""The welcome flow: start a questionnaire, resume or discard an unfinished one."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from rolefit.bank import Bank
from rolefit.i18n import _, ngettext
from rolefit.quiz.pace import estimated_minutes
from rolefit.store import SessionRecord, Store, StoreError
from rolefit.ui.dialogs import Dialogs
from rolefit.ui.pages import Pages
from rolefit.ui.views.welcome import FormButton, RoleLine, UnfinishedLine


def local_time(iso: str) -> str:
    """A stored time (ISO-8601, UTC or with an offset) in the reader's local time."""
    from PySide6.QtCore import QDateTime, QLocale, Qt

    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    locale = QLocale()
    if locale.language() == QLocale.Language.C:  # no locale set: a date anyone can read
        return moment.toLocalTime().toString("yyyy-MM-dd HH:mm")
    return locale.toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def form_name(form: str) -> str:
    return {"full": _("full"), "short": _("short")}.get(form, form)


class WelcomeController(QObject):
    quiz_started = Signal(object)  # the Quiz, new or resumed

    def __init__(
        self,
        pages: Pages,
        bank: Bank,
        store: Store,
        dialogs: Dialogs,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self._pages = pages
        self._bank = bank
        self._store = store
        self._dialogs = dialogs
        self._clock = clock
        page = pages.welcome
        page.start_requested.connect(self.start)
        page.resume_requested.connect(self.resume)
        page.discard_requested.connect(self.discard)
        page.show_bank(
            [RoleLine(r.title, first_sentence(r.description)) for r in bank.roles],
            [
                FormButton(name, len(ids), estimated_minutes(bank.form_items(name)))
                for name, ids in bank.forms.items()
            ],
            bank.scale.max - bank.scale.min + 1,
        )

    # -- what is unfinished -----------------------------------------------------------------

    def unfinished(self) -> list[SessionRecord]:
        """This bank's unfinished questionnaires, newest first."""
        return [s for s in self._store.unfinished_sessions() if s.bank_id == self._bank.id]

    def describe(self, session: SessionRecord) -> str:
        total = len(self._bank.forms.get(session.form, ()))
        answered = ngettext(
            "{answered} of {total} question answered",
            "{answered} of {total} questions answered",
            total,
        ).format(answered=len(session.answers), total=total)
        if session.name:
            return _("{form} questionnaire for {name}, from {when}: {answered}").format(
                form=form_name(session.form).capitalize(),
                name=session.name,
                when=local_time(session.started),
                answered=answered,
            )
        return _("{form} questionnaire from {when}: {answered}").format(
            form=form_name(session.form).capitalize(),
            when=local_time(session.started),
            answered=answered,
        )

    def show(self) -> None:
        lines = []
        for session in self.unfinished():
            what = self.describe(session)
            lines.append(UnfinishedLine(session.id, what, _("Discard: {what}").format(what=what)))
        page = self._pages.welcome
        page.show_unfinished(lines)
        self._pages.show(page, "")
        page.focus_default()

    # -- actions -------------------------------------------------------------------------------

    def start(self, form: str, name: str) -> None:
        waiting = self.unfinished()
        if waiting:
            newest = waiting[0]
            choice = self._dialogs.ask(
                _("You have an unfinished questionnaire"),
                _(
                    "{what}.\n\nResume it, or discard it and start a new one? Discarding "
                    "deletes its answers."
                ).format(what=self.describe(newest)),
                [_("Resume it"), _("Discard it and start anew"), _("Go back")],
                default=0,
                escape=2,
            )
            if choice == 2:
                return
            if choice == 0:
                self.resume(newest.id)
                return
            if not self._discard(newest.id):
                return
        from rolefit.quiz.model import Quiz  # scoring: not needed to show the welcome page

        quiz = Quiz.start(self._bank, form, self._store, name=name, clock=self._clock)
        # The name belongs to this questionnaire now: the next person starts with an empty
        # field, not the last one's name on their printout.
        self._pages.welcome.name_edit.clear()
        self.quiz_started.emit(quiz)

    def resume(self, session_id: int) -> None:
        session = self._store.session(session_id)
        if session is None:
            self.show()
            return
        # Taken up with the bank it was started with, which the store keeps: a questionnaire
        # begun on an earlier version of the bank goes on with the same questions.
        bank = self._bank
        try:
            bank = self._store.bank(session.bank_hash) or self._bank
        except StoreError as error:
            self._dialogs.warn(_("Cannot resume"), str(error))
            return
        from rolefit.quiz.model import Quiz, ResumeError

        try:
            quiz = Quiz.resume(bank, session, self._store, clock=self._clock)
        except ResumeError as error:
            if error.reason == "form":
                text = _(
                    "That questionnaire used the form \u201c{form}\u201d, which this question "
                    "bank does not have. It has been kept as it is."
                ).format(form=session.form)
            else:
                text = _(
                    "Some saved answers do not fit this question bank, so the questionnaire "
                    "was kept as it is:\n{problems}"
                ).format(problems="\n".join(error.problems))
            self._dialogs.warn(_("Cannot resume"), text)
            return
        self.quiz_started.emit(quiz)
        if session.problem is not None:  # a damaged answer: said, and asked again
            self._dialogs.warn(
                _("Part of this questionnaire could not be read"),
                _(
                    "{problem}. That question is shown unanswered: answer it again. Every "
                    "other answer is as you left it."
                ).format(problem=session.problem),
            )

    def discard(self, session_id: int) -> None:
        session = self._store.session(session_id)
        if session is None:
            self.show()
            return
        what = self.describe(session)
        choice = self._dialogs.ask(
            _("Discard this questionnaire?"),
            _("{what}.\n\nIts answers will be deleted. This cannot be undone.").format(what=what),
            [_("Keep it"), _("Discard it")],
            default=0,
        )
        if choice == 1:
            self._discard(session_id)
        self.show()

    def _discard(self, session_id: int) -> bool:
        try:
            self._store.discard(session_id)
        except StoreError as error:
            self._dialogs.warn(
                _("Could not discard the questionnaire"),
                _("It is kept as it was ({reason}).").format(reason=error),
            )
            return False
        return True
