"""What the window needs once it is on screen: the bank, the store and the controllers.

The window paints first; the shell then reads and validates the question bank and opens
the store on the next turn of the event loop, and composes the controllers of the three
flows (welcome, questions, result). It composes; it does not decide.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from rolefit.i18n import _
from rolefit.ui.main_window import MainWindow

if TYPE_CHECKING:
    from rolefit.bank import Bank
    from rolefit.quiz.model import Quiz
    from rolefit.store import DataLock, Store
    from rolefit.ui.controllers.questions import QuestionsController
    from rolefit.ui.controllers.results import ResultsController
    from rolefit.ui.controllers.workspace import WorkspaceController
    from rolefit.ui.one_window import Listener


class Shell(QObject):
    ready = Signal()  # the bank is loaded (or its problems shown) and the store is open

    def __init__(
        self,
        window: MainWindow,
        bank_path: Path | None,
        data: Path | None,
        clock: Callable[[], float] = time.monotonic,
        open_file: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._bank_path = bank_path
        self._data = data
        self._clock = clock
        self._open_file = open_file
        self.loaded = False
        from rolefit.ui.dialogs import WindowDialogs

        self.dialogs = WindowDialogs(window, window.statusBar())
        self.data_folder: Path | None = None
        self.lock: DataLock | None = None
        self.listener: Listener | None = None
        self._workspace: WorkspaceController | None = None
        window.installEventFilter(self)  # to let go of the folder when it closes
        window.keys_action.triggered.connect(self._keyboard_help)
        window.about_action.triggered.connect(self._about)

    # -- loading ---------------------------------------------------------------------------------

    def load_after_first_paint(self) -> None:
        """Load on the turn of the event loop after the welcome page is first painted."""
        self.window.welcome.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and watched is self.window.welcome:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.load)
        elif event.type() == QEvent.Type.Close and watched is self.window:
            # In client mode the window closes only with the workspace's passcode.
            if self._workspace is not None and not self._workspace.may_close_window():
                event.ignore()
                return True
            self.close()
        return False

    def close(self) -> None:
        """The window is closing: let go of the store and of the folder."""
        store = getattr(self, "store", None)
        if store is not None:
            store.close()
        if self.listener is not None:
            self.listener.close()
            self.listener.deleteLater()
            self.listener = None
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def load(self) -> None:
        """Read the bank and open the store, then compose the flows (once)."""
        if self.loaded:
            return
        self.loaded = True
        from rolefit.bank import BankError, load_bank, load_default_bank

        try:
            bank = load_default_bank() if self._bank_path is None else load_bank(self._bank_path)
        except BankError as error:
            self.window.welcome.show_problems(
                _(
                    "The question bank could not be loaded. Fix these problems "
                    "(file:line:column) and start RoleFit again."
                ),
                error.lines(),
            )
            self.ready.emit()
            return
        from rolefit.paths import data_dir
        from rolefit.store import acquire_data_lock, open_store

        folder = data_dir(self._data)
        try:
            self.lock = acquire_data_lock(folder)
        except OSError:
            self.lock = None  # no folder at all: open_store says so, and answers stay in memory
        if self.lock is not None and not self.lock.acquired:
            self._already_open(folder, self.lock.holder)
            self.ready.emit()
            return
        if self.lock is not None:
            from rolefit.ui.one_window import Listener

            self.listener = Listener(self.window, folder)
        opened = open_store(folder)
        self.data_folder = folder if opened.store.path is not None else None
        self._compose(bank, opened.store)
        if opened.problem is not None and opened.moved_to is not None:
            self.dialogs.warn(
                _("Saved questionnaires could not be read"),
                _(
                    "RoleFit could not read its saved questionnaires ({problem}). It kept the "
                    "file aside and started a new, empty one, so you can go on.\n\nThe old "
                    "file was kept as:\n{path}"
                ).format(problem=opened.problem, path=opened.moved_to),
            )
        elif opened.problem is not None:
            self.dialogs.warn(
                _("Your answers cannot be saved"),
                _(
                    "RoleFit cannot use its saved questionnaires ({problem}). You can still "
                    "take the questionnaire; save your answers to a file of your choice with "
                    "File > Save answers\u2026"
                ).format(problem=opened.problem),
            )
        if self._open_file is not None:
            self.open_answers(self._open_file)
        self.ready.emit()

    def _already_open(self, folder: Path, holder: int | None) -> None:
        """Another RoleFit has this folder: say so, and offer to bring that one forward."""
        text = _(
            "RoleFit is already open on this folder ({folder}), in another window. Two "
            "windows on one folder would overwrite each other's answers, so this one does "
            "not open it: go on in the other window."
        ).format(folder=folder)
        if holder is not None:
            text += " " + _("(That RoleFit is process {pid}.)").format(pid=holder)
        page = self.window.welcome
        page.show_unavailable(text)
        page.bring_forward_requested.connect(lambda: self._bring_forward(folder))
        page.close_requested.connect(self.window.close)

    def _bring_forward(self, folder: Path) -> None:
        """Ask the RoleFit that has ``folder`` to come forward, and close this window."""
        from rolefit.ui.one_window import bring_forward

        if bring_forward(folder):
            QTimer.singleShot(0, self.window.close)
        else:
            self.dialogs.warn(
                _("The other RoleFit did not answer"),
                _(
                    "It may be busy, or on another desktop: look for it on your screen. If "
                    "it has closed, close this window and start RoleFit again."
                ),
            )

    def _compose(self, bank: Bank, store: Store) -> None:
        from rolefit.ui.controllers.welcome import WelcomeController
        from rolefit.ui.pages import Pages

        window = self.window
        self.bank = bank
        self.store = store
        self.pages = Pages(window, bank.scale)
        self.welcome = WelcomeController(self.pages, bank, store, self.dialogs, self._clock)
        # The questions and result flows (and scoring, wording, the report) are made when
        # first needed: the welcome page does not need them (docs/performance.md).
        self._questions: QuestionsController | None = None
        self._results: ResultsController | None = None
        self.welcome.quiz_started.connect(lambda quiz: self.questions.begin(quiz))
        window.open_action.triggered.connect(lambda: self.open_answers())
        window.save_answers_action.triggered.connect(self._save_answers)
        window.save_pdf_action.triggered.connect(lambda: self.results.save_pdf())
        window.print_action.triggered.connect(lambda: self.results.print_summary())
        window.restart_action.triggered.connect(self._start_again)
        window.stack.currentChanged.connect(self._update_actions)
        window.workspace_action.triggered.connect(lambda: self.workspace.open())
        window.welcome.workspace_requested.connect(lambda: self.workspace.open())
        window.lock_action.triggered.connect(lambda: self.workspace.lock())
        window.close_workspace_action.triggered.connect(lambda: self.workspace.close_workspace())
        window.export_csv_action.triggered.connect(lambda: self._workspace_sessions("csv"))
        window.export_json_action.triggered.connect(lambda: self._workspace_sessions("json"))
        window.backup_action.triggered.connect(lambda: self._workspace_sessions("backup"))
        self.welcome.show()
        self._update_actions()

    @property
    def questions(self) -> QuestionsController:
        if self._questions is None:
            from rolefit.ui.controllers.questions import QuestionsController

            self._questions = QuestionsController(self.pages, self.dialogs)
            self._questions.submitted.connect(self._submitted)
        return self._questions

    @property
    def results(self) -> ResultsController:
        if self._results is None:
            from rolefit.ui.controllers.results import ResultsController

            self._results = ResultsController(self.pages, self.dialogs)
            self._results.restart_requested.connect(self.welcome.show)
            self._results.back_requested.connect(lambda: self.questions.show_review())
        return self._results

    @property
    def workspace(self) -> WorkspaceController:
        """The counsellor's workspace, made (with its modules) when first opened."""
        if self._workspace is None:
            from rolefit.ui.controllers.workspace import WorkspaceController

            self._workspace = WorkspaceController(
                self.pages,
                self.data_folder,
                self.bank,
                self.dialogs,
                lambda: self.questions,
                parent=self,
            )
            self._workspace.changed.connect(self._workspace_changed)
            self._workspace.leave_requested.connect(self.welcome.show)
        return self._workspace

    def _workspace_changed(self) -> None:
        workspace = self.workspace
        self.window.lock_menus(workspace.in_client_mode)
        self.window.set_workspace_actions(unlocked=workspace.is_open)
        self._update_actions()

    def _workspace_sessions(self, what: str) -> None:
        clients = self.workspace.clients
        if clients is None:
            return
        if what == "backup":
            clients.sessions.backup()
        else:
            clients.sessions.export(what)

    def _submitted(self, quiz: Quiz) -> None:
        from rolefit.ui.controllers.results import Shown

        if self._workspace is not None and self._workspace.take_submitted(quiz):
            return  # a client's questionnaire, in client mode
        assert quiz.result is not None
        self.results.show(Shown(quiz.bank, quiz.current_answers(), quiz.result, quiz.name))

    # -- the menus ---------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        on_results = self._results is not None and self._results.active
        on_questions = self._questions is not None and self._questions.active
        # Opening an answers file is always possible: an unfinished questionnaire stays
        # saved, listed on the welcome page to resume.
        self.window.set_file_actions(
            open_answers=True,
            save_answers=on_questions or on_results,
            result=on_results,
            restart=on_questions or on_results,
        )

    def _start_again(self) -> None:
        if self._results is not None and self._results.active:
            self._results.restart()
        elif self._questions is not None and self._questions.active and self._questions.leave():
            self.welcome.show()

    def _save_answers(self) -> None:
        if self._questions is not None and self._questions.active:
            self._questions.save_answers()
        elif self._results is not None and self._results.active:
            self._results.save_answers()

    def open_answers(self, path: Path | None = None) -> None:
        """Open an answers file (as Save answers writes it) straight on its result."""
        from rolefit.scoring import AnswersError, ScoringError, load_answers, score_answers
        from rolefit.ui.controllers.results import Shown
        from rolefit.ui.dialogs import answers_file_kinds

        if path is None:
            path = self.dialogs.open_path(_("Open saved answers"), answers_file_kinds())
            if path is None:
                return
        try:
            answers = load_answers(path, self.bank)
            result = score_answers(self.bank, answers)
        except AnswersError as error:
            self.dialogs.warn(_("Could not open the answers"), "\n".join(error.problems))
            return
        except ScoringError:
            self.dialogs.warn(
                _("Could not open the answers"),
                _("{path} holds no answers to score.").format(path=path),
            )
            return
        self.results.show(Shown(self.bank, answers, result, answers.name, from_quiz=False))

    def _keyboard_help(self) -> None:
        from rolefit.ui.controllers.help import show_keyboard_help

        show_keyboard_help(self.dialogs)

    def _about(self) -> None:
        from rolefit.ui.controllers.help import show_about

        show_about(self.dialogs, self.data_folder)
