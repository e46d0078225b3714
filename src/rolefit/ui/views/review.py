"""Review before submitting: every item and its answer, unanswered ones highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rolefit.i18n import _


class ReviewPage(QWidget):
    jump_requested = Signal(int)  # position in the form
    submit_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        title = QLabel(_("Review your answers"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Your answers; activate one to change it"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton(_("\u2190 Back to the &questions"))
        self.back_button.setAccessibleName(_("Back to the questions"))
        self.submit_button = QPushButton(_("See my &result"))
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setAccessibleName(_("Submit and see my result"))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.submit_button)
        layout.addLayout(nav)

        self.list.itemClicked.connect(lambda item: self.jump_requested.emit(self.list.row(item)))
        self.list.itemActivated.connect(lambda item: self.jump_requested.emit(self.list.row(item)))
        self.back_button.clicked.connect(self.back_requested)
        self.submit_button.clicked.connect(self.submit_requested)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit_requested)

    def show_answers(self, rows: list[tuple[str, str | None]], warning: str | None) -> None:
        """``rows``: (question, answer in words or None when unanswered), in form order."""
        self.list.clear()
        missing = 0
        highlight = QColor(self.palette().color(self.palette().ColorRole.Highlight))
        highlight.setAlphaF(0.22)
        for number, (question, answer) in enumerate(rows, start=1):
            shown = answer if answer is not None else _("Not answered \u2013 click to answer")
            entry = QListWidgetItem(f"{number}. {question}\n      \u2192 {shown}")
            if answer is None:
                missing += 1
                entry.setBackground(QBrush(highlight))
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.list.addItem(entry)
        answered = len(rows) - missing
        self.summary.setText(
            _(
                "You answered {answered} of {total} questions. Click any question to change "
                "its answer."
            ).format(answered=answered, total=len(rows))
        )
        self.warning.setVisible(warning is not None)
        self.warning.setText(warning or "")
        self.submit_button.setFocus()
