"""The main window composes the pages; it does not compute (see STYLE.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from rolefit.bank import ValidBank
from rolefit.ui.views.welcome import WelcomePage

# Dialog classes are imported where used, and the ``Qt`` namespace not at all: neither is
# needed to show the window (see rolefit.ui.parts).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from rolefit.ui.views.question import QuestionPage
    from rolefit.ui.views.results import ResultsPage
    from rolefit.ui.views.review import ReviewPage

KEYBOARD_HELP = """\
<h3>Keyboard</h3>
<table cellpadding="3">
<tr><td><b>Return</b></td><td>on the welcome page: start the full questionnaire</td></tr>
<tr><td><b>1 \u2013 5</b></td><td>answer a scale question and move to the next</td></tr>
<tr><td><b>1 \u2013 N</b></td><td>choose the N-th option of a choice question and move on</td></tr>
<tr><td><b>Backspace</b></td><td>go back one question</td></tr>
<tr><td><b>Alt+K</b>, <b>Alt+N</b></td><td>skip a question; next question</td></tr>
<tr><td><b>Return</b></td><td>on the review page: see your result</td></tr>
<tr><td><b>Ctrl+P</b></td><td>on the results page: print the summary</td></tr>
<tr><td><b>Ctrl+S</b></td><td>on the results page: save the summary as PDF</td></tr>
<tr><td><b>Tab</b></td><td>move between controls, in reading order</td></tr>
</table>"""


class MainWindow(QMainWindow):
    page_created = Signal(QWidget)

    def __init__(self, bank: ValidBank) -> None:
        super().__init__()
        self.setWindowTitle("RoleFit")
        self.resize(900, 680)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.welcome = WelcomePage(bank.outline)
        self.stack.addWidget(self.welcome)
        # The other pages are built when first shown (start-up only needs the welcome page;
        # see bench/startup.py); page_created lets the controller wire each one then.
        self._bank = bank
        self._question: QuestionPage | None = None
        self._review: ReviewPage | None = None
        self._results: ResultsPage | None = None

        # Actions are made by the menus: menu.addAction(text) took 0.05 ms where
        # QAction(text, parent) took 1.5-6 ms at start-up (PySide6 6.11, docs/performance.md).
        file_menu = self.menuBar().addMenu("&File")
        quit_action = file_menu.addAction("&Quit")
        quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)  # answers are already saved: nothing to ask
        help_menu = self.menuBar().addMenu("&Help")
        keys = help_menu.addAction("&Keyboard shortcuts")
        keys.setShortcuts([QKeySequence("F1")])  # setShortcut(...) would load Qt
        keys.triggered.connect(self.show_keyboard_help)
        help_menu.addAction("&About RoleFit").triggered.connect(self.show_about)
        self.statusBar()

    def _add(self, page: QWidget) -> None:
        self.stack.addWidget(page)
        self.page_created.emit(page)

    @property
    def question(self) -> QuestionPage:
        if self._question is None:
            from rolefit.ui.views.question import QuestionPage

            self._question = QuestionPage(self._bank.bank.scale)
            self._add(self._question)
        return self._question

    @property
    def review(self) -> ReviewPage:
        if self._review is None:
            from rolefit.ui.views.review import ReviewPage

            self._review = ReviewPage()
            self._add(self._review)
        return self._review

    @property
    def results(self) -> ResultsPage:
        if self._results is None:
            from rolefit.ui.views.results import ResultsPage

            self._results = ResultsPage()
            self._add(self._results)
        return self._results

    def show_page(self, page: QWidget) -> None:
        self.stack.setCurrentWidget(page)
        if page is self._question:
            part = "Questions"
        elif page is self._review:
            part = "Review"
        elif page is self._results:
            part = "Your result"
        else:
            part = ""
        self.setWindowTitle(f"RoleFit \u2013 {part}" if part else "RoleFit")

    # Dialogs go through these methods so tests can replace them.
    def warn(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, title, text)

    def confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def run_dialog(self, dialog: QDialog) -> int:
        return dialog.exec()

    def show_keyboard_help(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, "RoleFit keyboard shortcuts", KEYBOARD_HELP)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from rolefit import __version__

        QMessageBox.about(
            self,
            "About RoleFit",
            f"<b>RoleFit {__version__}</b><p>Which management role fits you: "
            "operations, business or general management. Offline and private: "
            "your answers stay on this computer.</p>",
        )


class BankProblemsWindow(QMainWindow):
    """Shown instead of the quiz when the bank is invalid: never a quiz on a broken bank."""

    def __init__(self, problems: list[str]) -> None:
        from PySide6.QtWidgets import QPlainTextEdit

        super().__init__()
        self.setWindowTitle("RoleFit \u2013 the question bank could not be loaded")
        self.resize(820, 480)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.status = QLabel(
            "<h2>The question bank could not be loaded</h2><p>Fix these "
            "problems (file:line:column) and start RoleFit again.</p>"
        )
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.problems_view = QPlainTextEdit("\n".join(problems))
        self.problems_view.setReadOnly(True)
        self.problems_view.setAccessibleName("Problems in the question bank")
        layout.addWidget(self.problems_view)
        self.setCentralWidget(central)
