"""The main window: a stack of pages and the menus. It lays out; it does not decide.

What a menu action does is wired by the controllers (rolefit.ui.controllers); which
actions are enabled follows what the shown page can do.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from rolefit.i18n import _
from rolefit.ui.views.welcome import WelcomePage

# Dialog classes are imported where used, and the ``Qt`` namespace not at all: neither
# is needed to paint the window first (see rolefit.ui.parts).


# The size RoleFit opens at where the screen has room for it, and the smallest at which
# no page clips a question, an answer or a button (device-independent pixels; every page
# scrolls what does not fit).
PREFERRED = QSize(900, 680)
SMALLEST = QSize(580, 400)


def first_size(available: QSize) -> QSize:
    """The first window size: the preferred one, within nine tenths of the screen's free area
    (the window frame and the panels need the rest; QT_SCALE_FACTOR shrinks the area)."""
    return QSize(
        min(PREFERRED.width(), available.width() * 9 // 10),
        min(PREFERRED.height(), available.height() * 9 // 10),
    )


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        available = self.screen().availableGeometry().size()
        self.setMinimumSize(SMALLEST.boundedTo(first_size(available)))
        self.resize(first_size(available))
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.welcome = WelcomePage()
        self.stack.addWidget(self.welcome)
        self.show_page(self.welcome, "")

        # Actions are made by the menus: menu.addAction(text) took 0.05 ms where
        # QAction(text, parent) took 1.5-6 ms at start-up (PySide6 6.11, docs/performance.md).
        file_menu = self.menuBar().addMenu(_("&File"))
        self.open_action = self._action(file_menu.addAction(_("&Open answers\u2026")), "Ctrl+O")
        self.save_answers_action = self._action(
            file_menu.addAction(_("Save &answers\u2026")), "Ctrl+Shift+S"
        )
        file_menu.addSeparator()
        self.save_pdf_action = self._action(file_menu.addAction(_("Save as P&DF\u2026")), "Ctrl+S")
        self.print_action = self._action(file_menu.addAction(_("&Print\u2026")), "Ctrl+P")
        file_menu.addSeparator()
        self.restart_action = self._action(file_menu.addAction(_("Start a&gain\u2026")))
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu.addAction(_("&Quit")), "Ctrl+Q")
        # Answers are saved as they are given: nothing to ask before closing.
        self.quit_action.triggered.connect(self.close)
        # The counsellor's workspace: its modules are loaded when it is first opened.
        workspace_menu = self.menuBar().addMenu(_("&Workspace"))
        self.workspace_action = self._action(
            workspace_menu.addAction(_("Counsellor &workspace\u2026"))
        )
        self.lock_action = self._action(workspace_menu.addAction(_("&Lock workspace")), "Ctrl+L")
        workspace_menu.addSeparator()
        self.export_csv_action = self._action(
            workspace_menu.addAction(_("Export all sessions as &CSV\u2026"))
        )
        self.export_json_action = self._action(
            workspace_menu.addAction(_("Export all sessions as &JSON\u2026"))
        )
        self.backup_action = self._action(
            workspace_menu.addAction(_("&Back up the workspace\u2026"))
        )
        workspace_menu.addSeparator()
        self.close_workspace_action = self._action(
            workspace_menu.addAction(_("Close the w&orkspace"))
        )
        self._client_mode = False
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.keys_action = self._action(help_menu.addAction(_("&Keyboard shortcuts")), "F1")
        self.about_action = self._action(help_menu.addAction(_("&About RoleFit")))
        self.set_file_actions(open_answers=False, save_answers=False, result=False, restart=False)
        self.set_workspace_actions(unlocked=False)
        self.statusBar()
        self._menus = (file_menu, workspace_menu, help_menu)
        for menu in self._menus:
            menu.installEventFilter(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a dark theme switched on, say
            from rolefit.ui.palette import readable_placeholder

            app = QApplication.instance()
            if isinstance(app, QApplication):
                readable_placeholder(app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """A menu closed with Escape gives the keyboard straight back to the page.

        Qt leaves the menu bar in keyboard mode, its menu highlighted, so a second Escape was
        needed before keys reached the page again; the menu bar is sent that Escape.
        """
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            from PySide6.QtCore import Qt

            if (
                event.key() == Qt.Key.Key_Escape
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
            ):
                bar = self.menuBar()
                release = QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier
                )
                QTimer.singleShot(0, lambda: QApplication.sendEvent(bar, release))
        return False

    @staticmethod
    def _action(action: QAction, keys: str = "") -> QAction:
        if keys:
            action.setShortcuts([QKeySequence(keys)])  # setShortcut(...) would load Qt
        return action

    def set_file_actions(
        self, *, open_answers: bool, save_answers: bool, result: bool, restart: bool
    ) -> None:
        """Enable the File menu's actions that apply to what is shown (none in client mode)."""
        free = not self._client_mode
        self.open_action.setEnabled(open_answers and free)
        self.save_answers_action.setEnabled(save_answers and free)
        for action in (self.save_pdf_action, self.print_action):
            action.setEnabled(result and free)
        self.restart_action.setEnabled(restart and free)

    def set_workspace_actions(self, *, unlocked: bool) -> None:
        """Enable what needs the workspace unlocked (opening it is always possible)."""
        self.lock_action.setEnabled(unlocked)  # in client mode: leave it, with the passcode
        for action in (
            self.export_csv_action,
            self.export_json_action,
            self.backup_action,
            self.close_workspace_action,
        ):
            action.setEnabled(unlocked and not self._client_mode)
        self.workspace_action.setEnabled(not self._client_mode)

    def lock_menus(self, client_mode: bool) -> None:
        """In client mode every menu action is off but one: Ctrl+L, which asks for the
        passcode before it leaves client mode. The caller sets the usual state after."""
        self._client_mode = client_mode
        for menu in self._menus:
            for action in menu.actions():
                if not action.isSeparator():
                    action.setEnabled(not client_mode)
        self.lock_action.setEnabled(True)
        self.lock_action.setText(
            _("&Leave client mode\u2026") if client_mode else _("&Lock workspace")
        )

    def add_page(self, page: QWidget) -> None:
        self.stack.addWidget(page)

    def show_page(self, page: QWidget, title: str) -> None:
        """Show ``page``; ``title`` names it (Qt adds " — RoleFit" where the platform does)."""
        self.stack.setCurrentWidget(page)
        # The application's display name is RoleFit; Qt appends it to a window title that
        # does not already hold it, so the title names RoleFit once either way.
        self.setWindowTitle(title or "RoleFit")
