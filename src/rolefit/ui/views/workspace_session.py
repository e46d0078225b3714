"""A workspace session's result with its notes, two sessions compared, bank statistics,
and the page a client sees at the end of a session.

A session's result is shown by the questionnaire's own results page (a second one), so
it reads exactly as the client's would; the workspace adds its notes below it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rolefit.i18n import _
from rolefit.ui.parts import plain_label
from rolefit.ui.views.results import ResultsPage
from rolefit.ui.views.workspace_clients import button, page_layout, table_view


class SessionPage(QWidget):
    """One session: its result (the results page), notes, and whether the client sees it."""

    save_notes_requested = Signal(str)
    sees_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceSessionPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.result = ResultsPage()
        # The workspace shows a stored result: nothing to start again from it.
        self.result.restart_button.hide()
        self.result.back_button.setText(_("\u2190 &Back to the client"))
        self.result.back_button.setAccessibleName(_("Back to the client"))
        layout.addWidget(self.result, 1)

        panel = QFrame()
        panel.setObjectName("resumeBox")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel_layout = QVBoxLayout(panel)
        self.about = plain_label()
        self.about.setObjectName("hint")
        self.about.setWordWrap(True)
        panel_layout.addWidget(self.about)
        notes_label = QLabel(_("Session &notes (printed on its summary):"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Session notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.notes.fontMetrics().height() * 5)
        notes_label.setBuddy(self.notes)
        panel_layout.addWidget(notes_label)
        panel_layout.addWidget(self.notes)
        row = QHBoxLayout()
        self.save_notes_button = button(_("Sa&ve notes"), _("Save the session notes"))
        self.sees = QCheckBox(_("The &client sees this result"))
        self.sees.setAccessibleName(_("The client sees this result"))
        row.addWidget(self.save_notes_button)
        row.addWidget(self.sees)
        row.addStretch(1)
        panel_layout.addLayout(row)
        layout.addWidget(panel)

        self.save_notes_button.clicked.connect(
            lambda: self.save_notes_requested.emit(self.notes.toPlainText())
        )
        self.sees.clicked.connect(self.sees_toggled)


class ComparePage(QWidget):
    """Two sessions of one client side by side: fits, areas of work, changed answers."""

    back_requested = Signal()

    def __init__(
        self,
        fits: QAbstractItemModel,
        areas: QAbstractItemModel,
        answers: QAbstractItemModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceComparePage")
        layout, self.heading = page_layout(self, _("Two sessions compared"))
        self.back_button = button(_("\u2190 &Back to the client"), _("Back to the client"))
        layout.insertWidget(0, self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        tables = QHBoxLayout()
        self.fits = table_view(_("Fit for each role, then and now"), fits)
        self.areas = table_view(_("Interest in each area of work, then and now"), areas)
        for label, view in ((_("Fit for each role"), self.fits), (_("Areas of work"), self.areas)):
            column = QVBoxLayout()
            column.addWidget(plain_label(label))
            column.addWidget(view)
            tables.addLayout(column)
        layout.addLayout(tables, 2)
        self.answers_label = plain_label()
        layout.addWidget(self.answers_label)
        self.answers = table_view(_("Answers that changed most"), answers)
        layout.addWidget(self.answers, 3)
        self.back_button.clicked.connect(self.back_requested)


class StatsPage(QWidget):
    """How the bank's items hang together over the workspace's sessions."""

    back_requested = Signal()

    def __init__(
        self, roles: QAbstractItemModel, items: QAbstractItemModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workspaceStatsPage")
        layout, self.heading = page_layout(self, _("Bank statistics"))
        self.back_button = button(_("\u2190 &Back to clients"), _("Back to the client list"))
        layout.insertWidget(0, self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.roles = table_view(_("Each role's items: sessions and Cronbach's alpha"), roles)
        layout.addWidget(self.roles, 1)
        self.items = table_view(_("Item-rest correlations"), items)
        layout.addWidget(self.items, 2)
        self.agreement = plain_label()
        self.agreement.setWordWrap(True)
        layout.addWidget(self.agreement)
        self.warnings = plain_label()
        self.warnings.setObjectName("warning")
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(_("Warnings"))
        layout.addWidget(self.warnings)
        self.back_button.clicked.connect(self.back_requested)


class ClientEndPage(QWidget):
    """What a client sees when their session is done: their result, or a thank-you."""

    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientEndPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.thanks = QWidget()
        thanks_layout = QVBoxLayout(self.thanks)
        thanks_layout.setContentsMargins(40, 32, 40, 0)
        title = plain_label(_("Thank you"))
        title.setObjectName("pageTitle")
        thanks_layout.addWidget(title)
        text = plain_label(
            _(
                "Your answers are saved. Please hand the computer back to your counsellor, "
                "who will go through the result with you."
            )
        )
        text.setWordWrap(True)
        thanks_layout.addWidget(text)
        layout.addWidget(self.thanks)
        self.result = ResultsPage()
        # The client's result, and nothing to save, print or leave for: the counsellor
        # does that after, with the passcode.
        for made in (
            self.result.back_button,
            self.result.restart_button,
            self.result.save_answers_button,
            self.result.pdf_button,
            self.result.print_button,
        ):
            made.hide()
        layout.addWidget(self.result, 1)
        self.stretch = QWidget()
        layout.addWidget(self.stretch, 1)
        row = QHBoxLayout()
        row.setContentsMargins(24, 8, 24, 12)
        self.done_button: QPushButton = button(
            _("&Done: for the counsellor\u2026"), _("Done: the counsellor takes over (passcode)")
        )
        row.addStretch(1)
        row.addWidget(self.done_button)
        layout.addLayout(row)
        self.done_button.clicked.connect(self.done_requested)

    def show_thanks(self) -> None:
        self.result.hide()
        self.thanks.show()
        self.stretch.show()

    def show_result(self) -> None:
        self.thanks.hide()
        self.stretch.hide()
        self.result.show()
