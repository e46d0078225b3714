"""The counsellor workspace in the window: create, unlock, lock (on demand and when idle),
and what is shown while it is open.

This module, the workspace's views and ``rolefit.workspace`` (with SQLCipher) are imported
only when the counsellor opens the workspace: the window starts as fast as without it. While
locked, the workspace's pages do not exist: they are deleted on locking and built again on
unlocking, so nothing of a client can be reached, shown or read out without the passcode.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from rolefit.i18n import _, ngettext
from rolefit.store import StoreError
from rolefit.ui.dialogs import Dialogs
from rolefit.ui.pages import Pages
from rolefit.ui.views.workspace_entry import EntryPage
from rolefit.workspace import (
    MIN_PASSCODE,
    NoWorkspace,
    Throttled,
    Workspace,
    WorkspaceError,
    WrongPasscode,
)

if TYPE_CHECKING:
    from rolefit.bank import Bank
    from rolefit.quiz.model import Quiz
    from rolefit.ui.controllers.client_mode import ClientMode
    from rolefit.ui.controllers.questions import QuestionsController
    from rolefit.ui.controllers.workspace_clients import ClientsController

# What counts as use: a key or a click, the wheel, the mouse moving over the window.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatch(QObject):
    """Calls ``on_idle`` after ``minutes`` without a key or mouse event in the application."""

    def __init__(self, on_idle: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(on_idle)
        self._watching = False

    def start(self, minutes: int) -> None:
        self.timer.setInterval(minutes * 60_000)
        self.timer.start()
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in INPUT_EVENTS:
            self.timer.start()
        return False


class WorkspaceController(QObject):
    changed = Signal()  # opened, locked or closed; client mode began or ended: menus follow
    leave_requested = Signal()  # back to the individual's welcome page

    def __init__(
        self,
        pages: Pages,
        folder: Path | None,
        bank: Bank,
        dialogs: Dialogs,
        questions: Callable[[], QuestionsController],
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)  # the shell's: its timers go with the window
        self._pages = pages
        self._folder = folder
        self._bank = bank
        self._dialogs = dialogs
        self._questions = questions
        self._clock = clock
        self.workspace: Workspace | None = None
        self.clients: ClientsController | None = None
        self.client_mode: ClientMode | None = None
        self.entry = EntryPage()
        pages.add(self.entry)
        self.entry.create_requested.connect(self.create)
        self.entry.unlock_requested.connect(self.unlock)
        self.entry.leave_requested.connect(self.leave_requested)
        self.idle = IdleWatch(self.idle_timeout, self)
        self._wait_timer = QTimer(self)
        self._wait_timer.setSingleShot(True)
        self._wait_timer.timeout.connect(self._waited)

    # -- state ---------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.workspace is not None

    @property
    def in_client_mode(self) -> bool:
        return self.client_mode is not None and self.client_mode.active

    # -- opening -----------------------------------------------------------------------------

    def open(self) -> None:
        """Show the workspace: its clients if open, else the page that creates or unlocks it."""
        if self.in_client_mode:
            return
        if self.clients is not None:
            self.clients.show_clients()
            return
        if self._folder is None:
            self._dialogs.warn(
                _("The workspace cannot be opened"),
                _(
                    "RoleFit has no data folder it can write to, so it cannot keep a "
                    "workspace. Start RoleFit with a folder you can write to (--data-dir)."
                ),
            )
            return
        if Workspace.exists(self._folder):
            self.entry.show_unlock(locked=False)
            self._check_wait()
        else:
            self.entry.show_create(str(self._folder))
        self._pages.show(self.entry, _("Counsellor workspace"))

    def create(self, passcode: str, again: str, counsellor: str) -> None:
        assert self._folder is not None
        if len(passcode) < MIN_PASSCODE:
            self.entry.say(_("The passcode needs at least {n} characters.").format(n=MIN_PASSCODE))
            return
        if passcode != again:
            self.entry.say(_("The two passcodes are not the same: type them again."))
            self.entry.again.clear()
            return
        try:
            workspace = Workspace.create(self._folder, passcode, counsellor)
        except (WorkspaceError, StoreError, OSError) as error:
            self.entry.say(_("The workspace was not created: {reason}").format(reason=error))
            return
        self._opened(workspace)

    def unlock(self, passcode: str) -> None:
        assert self._folder is not None
        if not passcode:
            self.entry.say(_("Type the passcode first."))
            return
        try:
            workspace = Workspace.unlock(self._folder, passcode, self._clock)
        except WrongPasscode:
            self.entry.clear()
            self.entry.say(_("The passcode is not right. Nothing of the workspace was opened."))
            self._check_wait()
            return
        except Throttled as error:
            self.entry.clear()
            self._wait(error.seconds)
            return
        except NoWorkspace as error:
            self.entry.show_create(str(self._folder))
            self.entry.say(str(error))
            return
        except (WorkspaceError, StoreError, OSError) as error:  # damaged, busy, newer
            self.entry.clear()
            self.entry.say(_("The workspace could not be opened: {reason}").format(reason=error))
            return
        self._opened(workspace)

    def _check_wait(self) -> None:
        assert self._folder is not None
        wait = Workspace.wait_before_next_try(self._folder, self._clock)
        if wait > 0:
            self._wait(wait)

    def _wait(self, seconds: float) -> None:
        """Say how long to wait before the next try, and allow none until then."""
        whole = max(1, round(seconds))
        self.entry.say(
            ngettext(
                "Too many wrong passcodes in a row: wait {n} second before the next try.",
                "Too many wrong passcodes in a row: wait {n} seconds before the next try.",
                whole,
            ).format(n=whole)
        )
        self.entry.set_waiting(True)
        self._wait_timer.start(int(seconds * 1000) + 200)

    def _waited(self) -> None:
        self.entry.set_waiting(False)
        self.entry.say(_("You can try the passcode again."))
        self.entry.passcode.setFocus()

    def _opened(self, workspace: Workspace) -> None:
        from rolefit.ui.controllers.workspace_clients import ClientsController

        self.entry.clear()
        self.workspace = workspace
        self.clients = ClientsController(self._pages, workspace, self._bank, self._dialogs)
        self.clients.start_requested.connect(self.start_client_mode)
        self.idle.start(workspace.settings().idle_minutes)
        self.clients.idle_minutes_changed.connect(self.idle.start)
        self.clients.show_clients()
        if workspace.note:
            self._dialogs.warn(_("The workspace had to set something aside"), workspace.note)
        self.changed.emit()

    # -- locking -------------------------------------------------------------------------------

    def idle_timeout(self) -> None:
        """Nobody used the window for the idle time: lock (client mode too: their answers
        are saved, and their session stays in the history, unfinished)."""
        if self.workspace is not None:
            self._close(show_lock=True)

    def lock(self) -> None:
        """Ctrl+L: lock; in client mode it is the counsellor's way out, after the passcode."""
        if self.client_mode is not None and self.client_mode.active:
            self.client_mode.leave()
            return
        if self.workspace is not None:
            self._close(show_lock=True)

    def close_workspace(self) -> None:
        """Lock it and go back to the individual's questionnaire."""
        if self.in_client_mode or self.workspace is None:
            return
        self._close(show_lock=False)
        self.leave_requested.emit()

    def _close(self, show_lock: bool) -> None:
        self.idle.stop()
        if self.client_mode is not None:
            self.client_mode.drop()
        if self.clients is not None:
            self.clients.tear_down()
            self.clients.deleteLater()
            self.clients = None
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        if show_lock:
            self.entry.show_unlock(locked=True)
            self._pages.show(self.entry, _("Workspace locked"))
        self.changed.emit()

    def may_close_window(self) -> bool:
        """The window is about to close: in client mode only with the passcode."""
        if (
            self.client_mode is not None
            and self.client_mode.active
            and not self.client_mode.passcode_given(_("Close RoleFit?"))
        ):
            return False
        if self.workspace is not None:
            self._close(show_lock=False)
        return True

    # -- client mode ---------------------------------------------------------------------------

    def start_client_mode(self, client_id: int, form: str, sees: bool) -> None:
        from rolefit.ui.controllers.client_mode import ClientMode

        assert self.workspace is not None and self.clients is not None
        if self.client_mode is None:
            self.client_mode = ClientMode(self._pages, self._dialogs, self._questions)
            self.client_mode.ended.connect(self._client_mode_ended)
        if self.client_mode.start(self.workspace, self._bank, client_id, form, sees):
            self.changed.emit()

    def take_submitted(self, quiz: Quiz) -> bool:
        """Whether the finished questionnaire is a client's (then client mode shows its end)."""
        return self.client_mode is not None and self.client_mode.take_submitted(quiz)

    def _client_mode_ended(self, client_id: int) -> None:
        self.changed.emit()
        if self.clients is not None:
            self.clients.show_client(client_id)
