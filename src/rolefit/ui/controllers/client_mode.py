"""Client mode: a client takes a questionnaire in the counsellor's workspace.

The window shows only the questionnaire, then the client's result (if the counsellor
allowed it) or a thank-you. Every way back to the workspace's records asks for the
passcode first: leaving (the Done button, Ctrl+L) and closing the window; every other
menu action is disabled meanwhile (``MainWindow.lock_menus``). A wrong passcode keeps
client mode as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from rolefit.i18n import _
from rolefit.ui.dialogs import Dialogs
from rolefit.ui.pages import Pages
from rolefit.workspace import Throttled, Workspace, WrongPasscode

if TYPE_CHECKING:
    from rolefit.bank import Bank
    from rolefit.quiz.model import Quiz
    from rolefit.ui.controllers.questions import QuestionsController
    from rolefit.ui.views.workspace_session import ClientEndPage


class ClientMode(QObject):
    ended = Signal(int)  # the client's id: the counsellor gave the passcode

    def __init__(
        self, pages: Pages, dialogs: Dialogs, questions: Callable[[], QuestionsController]
    ) -> None:
        super().__init__()
        self._pages = pages
        self._dialogs = dialogs
        self._questions = questions
        self.active = False
        self._workspace: Workspace | None = None
        self._client_id = 0
        self._sees = True
        self._quiz: Quiz | None = None
        self.end_page: ClientEndPage | None = None

    def start(
        self, workspace: Workspace, bank: Bank, client_id: int, form: str, sees: bool
    ) -> bool:
        """Begin a session for ``client_id`` (``sees``: the client sees the result)."""
        from rolefit.quiz.model import Quiz

        if form not in bank.forms:
            return False
        self._workspace = workspace
        self._client_id = client_id
        self._sees = sees
        self._quiz = Quiz.start(bank, form, workspace.sessions_for(client_id, sees))
        self.active = True
        self._questions().begin(self._quiz)
        return True

    def take_submitted(self, quiz: Quiz) -> bool:
        """Show the end of the client's questionnaire; False if ``quiz`` is not theirs."""
        if not self.active or quiz is not self._quiz or quiz.result is None:
            return False
        from rolefit.ui.views.workspace_session import ClientEndPage
        from rolefit.wording import result_words

        if self.end_page is None:
            self.end_page = ClientEndPage()
            self._pages.add(self.end_page)
            self.end_page.done_requested.connect(self.leave)
        if self._sees:
            words = result_words(quiz.bank, quiz.result)
            self.end_page.result.show_result(quiz.bank, quiz.result, words, can_go_back=False)
            self.end_page.show_result()
            title = _("Your result")
        else:
            self.end_page.show_thanks()
            title = _("Thank you")
        self._pages.show(self.end_page, title)
        return True

    def passcode_given(self, question: str) -> bool:
        """Ask the counsellor for the passcode; whether the right one was typed."""
        assert self._workspace is not None
        typed = self._dialogs.passcode(
            question,
            _(
                "Client mode shows only the client's questionnaire. Type the workspace's "
                "passcode to go on."
            ),
        )
        if typed is None:
            return False
        try:
            self._workspace.check_passcode(typed)
        except Throttled as error:
            self._dialogs.warn(_("Client mode goes on"), str(error))
            return False
        except WrongPasscode:
            self._dialogs.warn(_("The passcode is not right"), _("Client mode goes on, as it was."))
            return False
        return True

    def leave(self) -> None:
        """Back to the client's page, once the counsellor gives the passcode."""
        if self.active and self.passcode_given(_("Leave client mode?")):
            self.drop()
            self.ended.emit(self._client_id)

    def drop(self) -> None:
        """End client mode without asking (the workspace is locking)."""
        self.active = False
        self._quiz = None
        if self.end_page is not None:
            self._pages.remove(self.end_page)
            self.end_page = None
